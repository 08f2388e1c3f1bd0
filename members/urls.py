from django.urls import path

from members import views

app_name = "members"
urlpatterns = [
    path("invitations/", views.invitations, name="invitations"),
    path("invitations/<str:token>/", views.accept_invitation, name="accept_invitation"),
    path("me/data/", views.my_data, name="my_data"),
    path("me/data.json", views.my_data_download, name="my_data_download"),
    path("<int:pk>/erase/", views.erase_person, name="erase"),
    # Memberships
    path("sites/<int:site_pk>/members/", views.site_members, name="site_members"),
    path("sites/<int:site_pk>/members/add/", views.add_member, name="add_member"),
    path("memberships/<int:pk>/end/", views.end_membership, name="end_membership"),
    path("memberships/<int:pk>/role/", views.change_role, name="change_role"),
]
