from django.urls import path

from forum import views

app_name = "forum"
urlpatterns = [
    path("", views.index, name="index"),
    path("programme/", views.programme_board, name="programme_board"),
    path("programme/new/", views.programme_topic_new, name="programme_topic_new"),
    path("facilitators/", views.facilitators_board, name="facilitators_board"),
    path("facilitators/new/", views.facilitators_topic_new, name="facilitators_topic_new"),
    path("sites/<int:site_pk>/", views.site_board, name="site_board"),
    path("sites/<int:site_pk>/new/", views.site_topic_new, name="site_topic_new"),
    path("cases/<int:case_pk>/", views.case_thread, name="case_thread"),
    path("learning-objects/<int:case_pk>/", views.learning_object_thread, name="learning_object_thread"),
    path("threads/<int:pk>/", views.thread_detail, name="thread"),
    path("threads/<int:pk>/follow/", views.follow, name="follow"),
    path("posts/<int:pk>/edit/", views.post_edit, name="post_edit"),
    path("posts/<int:pk>/history/", views.post_history, name="post_history"),
    path("posts/<int:pk>/remove/", views.post_delete, name="post_delete"),
    path("posts/<int:pk>/report/", views.post_report, name="post_report"),
    path("findings/<int:pk>/not-personal-data/", views.finding_dismiss, name="finding_dismiss"),
    path("findings/<int:pk>/confirm/", views.finding_confirm, name="finding_confirm"),
    path("findings/<int:pk>/refuse/", views.finding_refuse, name="finding_refuse"),
    path("moderation/", views.moderation, name="moderation"),
    path("reports/<int:pk>/close/", views.report_resolve, name="report_resolve"),
    path("email/", views.preferences, name="preferences"),
]
