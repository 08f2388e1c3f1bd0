from django.urls import path

from members import views

app_name = "members"
urlpatterns = [
    path("invitations/", views.invitations, name="invitations"),
    path("invitations/<str:token>/", views.accept_invitation, name="accept_invitation"),
]
