from django.urls import path

from cases.views import cases as views
from cases.views import evidence as evidence_views

app_name = "cases"
urlpatterns = [
    path("", views.case_list, name="list"),
    path("new/", views.case_create, name="create"),
    path("<int:pk>/", views.case_detail, name="detail"),
    path("<int:pk>/edit/", views.case_edit, name="edit"),
    path("<int:pk>/fix-all/", views.case_fix_all, name="fix_all"),
    path("<int:pk>/next-steps/", views.action_add, name="action_add"),
    path("next-steps/<int:pk>/", views.action_update, name="action_update"),
    path("next-steps/<int:pk>/remove/", views.action_remove, name="action_remove"),
    path("findings/<int:pk>/not-personal-data/", views.finding_dismiss, name="finding_dismiss"),
    path("findings/<int:pk>/reopen/", views.finding_reopen, name="finding_reopen"),
    path("<int:pk>/share/", views.case_share, name="share"),
    path("<int:pk>/discussion/", views.case_discussion, name="discussion"),
    path("<int:pk>/follow-up/", views.case_follow_up, name="follow_up"),
    path("follow-ups/<int:pk>/", views.follow_up_edit, name="follow_up_edit"),
    path("<int:pk>/write-up/", views.case_write_up, name="write_up"),
    path("<int:pk>/publish/", views.case_publish, name="publish"),
    path("<int:pk>/make-public/", views.case_make_public, name="make_public"),
    path("<int:pk>/withdraw/", views.case_withdraw, name="withdraw"),
]

repository_patterns = (
    [
        path("", views.repository_list, name="list"),
        path("<int:pk>/", views.repository_detail, name="detail"),
        path("<int:pk>/pdf/", views.repository_pdf, name="pdf"),
    ],
    "repository",
)

evidence_patterns = (
    [
        path("", evidence_views.evidence_list, name="list"),
        path("export/", evidence_views.evidence_export, name="export"),
        path("import/", evidence_views.evidence_import, name="import"),
        path("new/", evidence_views.evidence_create, name="create"),
        path("<int:pk>/", evidence_views.evidence_detail, name="detail"),
        path("<int:pk>/edit/", evidence_views.evidence_edit, name="edit"),
        path("<int:pk>/file/", evidence_views.evidence_file, name="file"),
        path("cases/<int:case_pk>/attach/", evidence_views.evidence_attach, name="attach"),
        path("links/<int:pk>/remove/", evidence_views.evidence_detach, name="detach"),
        path("cases/<int:case_pk>/ask/", evidence_views.question_ask, name="ask"),
        path("questions/", evidence_views.question_queue, name="questions"),
        path("questions/<int:pk>/", evidence_views.question_detail, name="question"),
        path("questions/<int:pk>/status/", evidence_views.question_status, name="question_status"),
    ],
    "evidence",
)
