"""The read API, version 1. Every endpoint applies the same rules and scopes as the pages (each app's rules.py):
a token acts as its owner, and anonymous callers see what the public /repository/ shows."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import generics, permissions, serializers
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from api import serializers as api_serializers
from api.figures import programme_figures, survey_results_data
from api.models import ApiToken, TokenScope
from audit.models import AuditAction
from audit.services import record_event
from cases.models import ActionItem, Case, CaseKind, Evidence, EvidenceKind, EvidenceLink, FollowUp, Outcome
from cases.rules import evidence_visible_q, learning_objects_q
from cases.selectors.cases import learning_objects_for
from evaluation.dashboard import Period
from evaluation.rules import survey_results_site_ids
from evaluation.selectors import survey_results, surveys_with_results_for

ERROR = inline_serializer("Error", fields={"detail": serializers.CharField()})
FIELD_ERRORS = OpenApiResponse(OpenApiTypes.OBJECT, description="The query was not valid: the errors per parameter.")
NOT_SIGNED_IN = OpenApiResponse(
    ERROR, description="No valid token (missing, unknown, revoked, expired, or suspended after a role change or while "
    "two-factor sign-in is not set up)."
)
NOT_ALLOWED = OpenApiResponse(ERROR, description="Your role, or your token's scope, does not cover these figures.")
NOT_FOUND = OpenApiResponse(ERROR, description="Not found, or not visible to you.")
TOO_MANY = OpenApiResponse(ERROR, description="Rate limit reached: wait and try again.")
PUBLIC_ERRORS = {400: FIELD_ERRORS, 401: NOT_SIGNED_IN, 404: NOT_FOUND, 429: TOO_MANY}
SIGNED_IN_ERRORS = {**PUBLIC_ERRORS, 403: NOT_ALLOWED}
MAX_ID = 2**63 - 1  # the database's largest id: a larger number is simply not found
ID = OpenApiParameter("id", {"type": "integer", "minimum": 1, "maximum": MAX_ID}, OpenApiParameter.PATH)


def checked_id(pk: int) -> int:
    if not 1 <= pk <= MAX_ID:
        raise NotFound
    return pk


class BoundedIdMixin:
    def get_object(self):
        checked_id(self.kwargs["pk"])
        return super().get_object()


class RulesPermission(permissions.BasePermission):
    """Signed in, with the named permission from the apps' rules modules."""

    perm = ""

    def has_permission(self, request, view) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        return request.user.has_perm(self.perm)


class CanViewProgrammeFigures(RulesPermission):
    perm = "evaluation.view_dashboard"


class TokenMayReadFigures(permissions.BasePermission):
    """A token reads programme figures and survey results only if it was made with that scope (a session may)."""

    message = "This token may read learning objects and evidence only. Create a token that may read the figures."

    def has_permission(self, request, view) -> bool:
        return not isinstance(request.auth, ApiToken) or request.auth.allows(TokenScope.FIGURES)
    message = "Programme figures are for programme admins and facilitators."


def _filters(serializer_class, request) -> dict:
    query = serializer_class(data=request.query_params)
    if not query.is_valid():
        raise ValidationError(query.errors)
    return {k: v for k, v in query.validated_data.items() if v not in (None, "")}


class LearningObjectFilters(serializers.Serializer):
    site = serializers.CharField(required=False, max_length=12, help_text="A site's code, for example CP1.")
    kind = serializers.ChoiceField(required=False, choices=CaseKind.choices)
    outcome = serializers.ChoiceField(required=False, choices=Outcome.choices)
    theme = serializers.IntegerField(required=False, min_value=1, max_value=2**31 - 1, help_text="A theme's id.")


class EvidenceFilters(serializers.Serializer):
    kind = serializers.ChoiceField(required=False, choices=EvidenceKind.choices)
    theme = serializers.IntegerField(required=False, min_value=1, max_value=2**31 - 1, help_text="A theme's id.")


def learning_objects_with_parts(user):
    evidence = EvidenceLink.objects.select_related("evidence").order_by("added_at", "pk")
    return learning_objects_for(user).prefetch_related(
        Prefetch("actions", queryset=ActionItem.objects.order_by("created_at", "pk")),
        Prefetch("follow_ups", queryset=FollowUp.objects.select_related("meeting").order_by("recorded_at", "pk")),
        Prefetch("evidence_links", queryset=evidence),
    )


@extend_schema(
    tags=["Learning objects"],
    summary="Learning objects",
    description="Published learning objects (signed in) or openly published ones (no token), newest first. "
    "Never drafts, never names.",
    parameters=[LearningObjectFilters],
    responses={200: api_serializers.LearningObjectSummarySerializer(many=True), **PUBLIC_ERRORS},
)
class LearningObjectList(generics.ListAPIView):
    serializer_class = api_serializers.LearningObjectSummarySerializer
    permission_classes = [permissions.AllowAny]

    def get_queryset(self):
        lookups = {"site": "site__code", "kind": "kind", "outcome": "outcome", "theme": "themes__pk"}
        chosen = _filters(LearningObjectFilters, self.request)
        return learning_objects_for(self.request.user).filter(**{lookups[k]: v for k, v in chosen.items()})


@extend_schema(
    tags=["Learning objects"],
    summary="A learning object with its evidence",
    parameters=[ID],
    responses={200: api_serializers.LearningObjectSerializer, **PUBLIC_ERRORS},
)
class LearningObjectDetail(BoundedIdMixin, generics.RetrieveAPIView):
    serializer_class = api_serializers.LearningObjectSerializer
    permission_classes = [permissions.AllowAny]

    def get_queryset(self):
        return learning_objects_with_parts(self.request.user)

    def retrieve(self, request, *args, **kwargs):
        response = super().retrieve(request, *args, **kwargs)
        record_event(
            actor=request.user,
            action=AuditAction.VIEWED,
            target=Case(pk=response.data["id"]),
            detail="learning object (API)",
            request=request,
        )
        return response


def evidence_for(user):
    visible_links = EvidenceLink.objects.filter(case__in=Case.objects.filter(learning_objects_q(user)))
    return (
        Evidence.objects.filter(evidence_visible_q(user))
        .prefetch_related("themes", Prefetch("links", queryset=visible_links, to_attr="visible_links"))
        .order_by("-added_at", "-pk")
    )


@extend_schema(
    tags=["Evidence"],
    summary="Evidence items",
    description="Research and policy evidence. Without a token: items attached to openly published learning "
    "objects. Commissioners: items attached to learning objects. Sites' people, brokers and admins: the library.",
    parameters=[EvidenceFilters],
    responses={200: api_serializers.EvidenceSerializer(many=True), **PUBLIC_ERRORS},
)
class EvidenceList(generics.ListAPIView):
    serializer_class = api_serializers.EvidenceSerializer
    permission_classes = [permissions.AllowAny]

    def get_queryset(self):
        lookups = {"kind": "kind", "theme": "themes__pk"}
        chosen = _filters(EvidenceFilters, self.request)
        return evidence_for(self.request.user).filter(**{lookups[k]: v for k, v in chosen.items()}).distinct()


@extend_schema(
    tags=["Evidence"],
    summary="An evidence item",
    parameters=[ID],
    responses={200: api_serializers.EvidenceSerializer, **PUBLIC_ERRORS},
)
class EvidenceDetail(BoundedIdMixin, generics.RetrieveAPIView):
    serializer_class = api_serializers.EvidenceSerializer
    permission_classes = [permissions.AllowAny]

    def get_queryset(self):
        return evidence_for(self.request.user)


@extend_schema(
    tags=["Programme figures"],
    summary="Programme figures",
    description="Sites, meetings, attendance rates, outcomes and the latest survey's aggregates over the sites "
    "whose evaluation you may see (programme admins: all; facilitators: their own). Counts only, never names.",
    parameters=[api_serializers.PeriodSerializer],
    responses={200: api_serializers.ProgrammeFiguresSerializer, **SIGNED_IN_ERRORS},
)
class ProgrammeFigures(APIView):
    permission_classes = [CanViewProgrammeFigures, TokenMayReadFigures]

    def get(self, request):
        chosen = _filters(api_serializers.PeriodSerializer, request)
        period = Period(chosen.get("start"), chosen.get("end"))
        data = programme_figures(request.user, period=period)
        return Response(api_serializers.ProgrammeFiguresSerializer(data, context={"request": request}).data)


@extend_schema(
    tags=["Programme figures"],
    summary="Surveys whose results you may see",
    responses={200: api_serializers.SurveySerializer(many=True), **SIGNED_IN_ERRORS},
)
class SurveyList(generics.ListAPIView):
    serializer_class = api_serializers.SurveySerializer
    permission_classes = [CanViewProgrammeFigures, TokenMayReadFigures]

    def get_queryset(self):
        return surveys_with_results_for(self.request.user)


@extend_schema(
    tags=["Programme figures"],
    summary="A survey's aggregate results",
    description="Response rates and agreement with each statement over the sites you may see; withheld below "
    "five responses. Free-text answers are not published through the API.",
    parameters=[ID],
    responses={200: api_serializers.SurveyResultsSerializer, **SIGNED_IN_ERRORS},
)
class SurveyResults(APIView):
    permission_classes = [CanViewProgrammeFigures, TokenMayReadFigures]

    def get(self, request, pk: int):
        survey = get_object_or_404(surveys_with_results_for(request.user), pk=checked_id(pk))
        if not request.user.has_perm("evaluation.view_survey_results", survey):
            raise NotFound
        results = survey_results(survey, site_ids=survey_results_site_ids(request.user, survey))
        data = survey_results_data(results)
        return Response(api_serializers.SurveyResultsSerializer(data, context={"request": request}).data)
