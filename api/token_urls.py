from django.urls import path

from api import token_views

app_name = "api_tokens"
urlpatterns = [
    path("me/api-tokens/", token_views.my_tokens, name="mine"),
    path("api-tokens/", token_views.all_tokens, name="all"),
    path("api-tokens/<int:pk>/revoke/", token_views.revoke_token, name="revoke"),
]
