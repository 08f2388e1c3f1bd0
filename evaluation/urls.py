from django.urls import path

from evaluation.views import dashboard, exports, sites, surveys

app_name = "evaluation"
urlpatterns = [
    # The programme dashboard
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    # Spreadsheet downloads of the dashboard's tables, attendance per site and meeting, and survey aggregates
    *(
        path(f"dashboard/{name}.{fmt}", view, {"fmt": fmt}, name=f"{name}_{fmt}")
        for name, view in (("dashboard", exports.dashboard_export), ("attendance", exports.attendance_export))
        for fmt in ("xlsx", "csv")
    ),
    # Surveys
    path("surveys/", surveys.survey_list, name="surveys"),
    path("surveys/from-report/", surveys.survey_from_report, name="survey_from_report"),
    path("surveys/<int:pk>/", surveys.survey_detail, name="survey_detail"),
    path("surveys/<int:pk>/questions/", surveys.add_question, name="add_question"),
    path("surveys/<int:pk>/questions/<int:question_pk>/remove/", surveys.remove_question, name="remove_question"),
    path("surveys/<int:pk>/open/", surveys.open_survey, name="open_survey"),
    path("surveys/<int:pk>/close/", surveys.close_survey, name="close_survey"),
    path("surveys/<int:pk>/answer/", surveys.answer_survey, name="answer_survey"),
    path("surveys/<int:pk>/results/", surveys.survey_results, name="survey_results"),
    path("surveys/<int:pk>/results.csv", exports.survey_results_export, {"fmt": "csv"}, name="survey_results_csv"),
    path("surveys/<int:pk>/results.xlsx", exports.survey_results_export, {"fmt": "xlsx"}, name="survey_results_xlsx"),
    # A site's focus groups and self-assessment
    path("sites/<int:site_pk>/", sites.site_evaluation, name="site"),
    path("sites/<int:site_pk>/focus-groups/new/", sites.record_focus_group, name="record_focus_group"),
    path("sites/<int:site_pk>/self-assessment/open/", sites.open_round, name="open_round"),
    path("self-assessment/<int:pk>/", sites.round_profile, name="round"),
    path("self-assessment/<int:pk>/answer/", sites.answer_round, name="answer_round"),
    path("self-assessment/<int:pk>/close/", sites.close_round, name="close_round"),
    path("self-assessment/<int:pk>/plan/", sites.improvement_plan, name="improvement_plan"),
]
