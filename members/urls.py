from django.urls import path

from members import views

app_name = "members"
urlpatterns = [
    path("me/data/", views.my_data, name="my_data"),
    path("me/organisation-sign-in/", views.organisation_sign_in, name="organisation_sign_in"),
    path("me/data.json", views.my_data_download, name="my_data_download"),
    path("<int:pk>/erase/", views.erase_person, name="erase"),
]
