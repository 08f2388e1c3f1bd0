from django.urls import path

from sites.views import sites

app_name = "sites"
urlpatterns = [
    # Sites
    path("", sites.site_list, name="list"),
    path("<int:pk>/", sites.site_detail, name="detail"),
]
