from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from api import docs, views

app_name = "api"
urlpatterns = [
    path("learning-objects/", views.LearningObjectList.as_view(), name="learning_objects"),
    path("learning-objects/<int:pk>/", views.LearningObjectDetail.as_view(), name="learning_object"),
    path("evidence/", views.EvidenceList.as_view(), name="evidence_list"),
    path("evidence/<int:pk>/", views.EvidenceDetail.as_view(), name="evidence"),
    path("figures/", views.ProgrammeFigures.as_view(), name="figures"),
    path("surveys/", views.SurveyList.as_view(), name="surveys"),
    path("surveys/<int:pk>/results/", views.SurveyResults.as_view(), name="survey_results"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", docs.ApiDocs.as_view(url_name="api:schema"), name="docs"),
]
