from django.urls import path, re_path

from newsletters import views

app_name = "newsletters"
MONTH = r"(?P<slug>\d{4}-\d{2})"
urlpatterns = [
    # The archive and subscriptions: open to everyone
    path("", views.archive, name="archive"),
    re_path(rf"^{MONTH}/$", views.issue_public, name="issue_public"),
    re_path(rf"^{MONTH}/members/$", views.issue_members, name="issue_members"),
    path("subscribe/", views.subscribe, name="subscribe"),
    path("subscribe/confirm/<str:token>/", views.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("preferences/", views.preferences, name="preferences"),
    # The editing area: knowledge brokers and programme admins
    path("manage/", views.manage, name="manage"),
    path("manage/<int:pk>/", views.edit, name="edit"),
    path("manage/<int:pk>/approve/", views.approve, name="approve"),
    path("manage/<int:pk>/send/", views.send, name="send"),
    path("manage/<int:pk>/preview/<str:edition>/", views.preview, name="preview"),
    path("manage/<int:pk>/preview/<str:edition>/html/", views.preview_html, name="preview_html"),
    path("manage/<int:pk>/deliveries/", views.deliveries, name="deliveries"),
    path("manage/<int:pk>/deliveries/retry/", views.retry_failed, name="retry_failed"),
    path("manage/<int:pk>/items/add/", views.add_item, name="add_item"),
    path("manage/items/<int:pk>/edit/", views.edit_item, name="edit_item"),
    path("manage/items/<int:pk>/move/", views.move_item, name="move_item"),
    path("manage/items/<int:pk>/remove/", views.remove_item, name="remove_item"),
]
