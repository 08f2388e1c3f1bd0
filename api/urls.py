from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from api import docs
from api.views import endpoints as views
from api.views import tokens

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

# The pages where people manage their API tokens, under /people/ with the other pages about a person.
token_patterns = (
    [
        path("me/api-tokens/", tokens.my_tokens, name="mine"),
        path("api-tokens/", tokens.all_tokens, name="all"),
        path("api-tokens/<int:pk>/revoke/", tokens.revoke_token, name="revoke"),
    ],
    "api_tokens",
)
