from django.urls import path

from digests import views

app_name = "digests"

urlpatterns = [
    path("", views.digest_index, name="index"),
    path("<int:pk>/", views.digest_detail, name="detail"),
    path("<int:pk>/download/", views.digest_download, name="download"),
    path("<int:pk>/retry/", views.digest_retry, name="retry"),
    path("<int:pk>/share/", views.digest_share, name="share"),
    path("subscription/", views.digest_subscription, name="subscription"),
    path("issues/", views.open_issues, name="issues"),
    path("issues/<int:pk>/", views.issue_detail, name="issue"),
    path("issues/<int:pk>/group/", views.issue_group, name="issue_group"),
    path("issues/<int:pk>/ungroup/", views.issue_ungroup, name="issue_ungroup"),
]
