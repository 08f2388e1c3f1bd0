"""What the read API returns. Learning objects never carry presenters' or anyone's names; programme figures
are counts and rates only; survey figures are aggregates, withheld below the confidentiality threshold."""

from django.urls import reverse
from rest_framework import serializers

from cases.models import ActionItem, Case, CaseKind, Evidence, EvidenceKind, EvidenceLink, FollowUp, Outcome
from evaluation.models import SurveyStatus
from sites.models import SiteStatus


def absolute(request, path: str) -> str:
    return request.build_absolute_uri(path) if request is not None else path


class SiteRefSerializer(serializers.Serializer):
    code = serializers.CharField()
    town = serializers.CharField()


class ThemeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class NextStepSerializer(serializers.ModelSerializer):
    class Meta:
        model = ActionItem
        fields = ["text", "status", "owner_agency", "note"]


class FollowUpSerializer(serializers.ModelSerializer):
    month = serializers.SerializerMethodField(help_text="The month of the meeting where it was reported (YYYY-MM).")

    class Meta:
        model = FollowUp
        fields = ["month", "outcome", "what_happened"]

    def get_month(self, follow_up) -> str:
        from django.utils import timezone

        return f"{timezone.localtime(follow_up.meeting.starts_at):%Y-%m}"


class LinkedEvidenceSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="evidence.id")
    kind = serializers.ChoiceField(source="evidence.kind", choices=EvidenceKind.choices)
    title = serializers.CharField(source="evidence.title")
    year = serializers.IntegerField(source="evidence.year", allow_null=True)
    summary = serializers.CharField(source="evidence.summary", help_text="What this means for practice.")
    url = serializers.CharField(source="evidence.url")
    doi = serializers.CharField(source="evidence.doi")
    why_it_matters = serializers.CharField(source="note", help_text="Why it matters for this case.")


class LearningObjectSummarySerializer(serializers.ModelSerializer):
    visibility = serializers.ChoiceField(
        source="status",
        choices=[("published", "Published to the repository"), ("public", "Published openly")],
        help_text="published: for signed-in people; public: open to anyone.",
    )
    kind = serializers.ChoiceField(choices=CaseKind.choices)
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    site = SiteRefSerializer()
    themes = ThemeSerializer(many=True)
    page_url = serializers.SerializerMethodField()

    class Meta:
        model = Case
        fields = [
            *("id", "title", "kind", "visibility", "site", "themes"),
            *("published_at", "summary", "outcome", "page_url"),
        ]

    def get_page_url(self, case) -> str:
        return absolute(self.context.get("request"), reverse("repository:detail", args=[case.pk]))


class LearningObjectSerializer(LearningObjectSummarySerializer):
    next_steps = NextStepSerializer(source="actions", many=True)
    follow_ups = FollowUpSerializer(many=True)
    evidence = LinkedEvidenceSerializer(source="evidence_links", many=True)

    class Meta(LearningObjectSummarySerializer.Meta):
        fields = [
            *LearningObjectSummarySerializer.Meta.fields,
            "presentation",
            "next_steps",
            "learning",
            "commissioner_issues",
            "follow_ups",
            "evidence",
        ]


class EvidenceSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=EvidenceKind.choices)
    themes = ThemeSerializer(many=True)
    learning_objects = serializers.SerializerMethodField(
        help_text="The learning objects this item is attached to that you may read."
    )

    class Meta:
        model = Evidence
        fields = [
            "id",
            "kind",
            "title",
            "authors",
            "year",
            "publisher",
            "doi",
            "url",
            "abstract",
            "summary",
            "themes",
            "added_at",
            "learning_objects",
        ]

    def get_learning_objects(self, evidence) -> list[int]:
        links: list[EvidenceLink] = getattr(evidence, "visible_links", [])
        return sorted({link.case_id for link in links})


# Programme figures
class PeriodSerializer(serializers.Serializer):
    start = serializers.DateField(required=False, allow_null=True, help_text="From this day (YYYY-MM-DD).")
    end = serializers.DateField(required=False, allow_null=True, help_text="To this day (YYYY-MM-DD).")

    def validate(self, data):
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            raise serializers.ValidationError({"end": "The end of the period must be on or after its start."})
        return data


class RateSerializer(serializers.Serializer):
    part = serializers.IntegerField()
    whole = serializers.IntegerField()
    percent = serializers.IntegerField()


class SectorCountSerializer(serializers.Serializer):
    sector = serializers.CharField()
    members = serializers.IntegerField()


class SiteFiguresSerializer(serializers.Serializer):
    code = serializers.CharField()
    town = serializers.CharField()
    status = serializers.ChoiceField(choices=SiteStatus.choices)
    members = serializers.IntegerField(help_text="Current memberships at the end of the period.")
    members_by_sector = SectorCountSerializer(many=True)
    meetings_held = serializers.IntegerField()
    meetings_expected = serializers.IntegerField()
    attendance = RateSerializer(help_text="Present, out of everyone on the registers of the period's meetings.")
    cases_discussed = serializers.IntegerField()
    cases_followed_up = serializers.IntegerField()


class MonthlyAttendanceSerializer(serializers.Serializer):
    month = serializers.CharField(help_text="YYYY-MM")
    attendance = RateSerializer()


class OutcomeCountSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    label = serializers.CharField()
    follow_ups = serializers.IntegerField()


class SurveySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    status = serializers.ChoiceField(choices=SurveyStatus.choices)
    opens_on = serializers.DateField(allow_null=True)
    closes_on = serializers.DateField(allow_null=True)
    results_url = serializers.SerializerMethodField()

    def get_results_url(self, survey) -> str:
        return absolute(self.context.get("request"), reverse("api:survey_results", args=[survey.pk]))


class SiteResponseRateSerializer(serializers.Serializer):
    code = serializers.CharField()
    withheld = serializers.BooleanField()
    response_rate = RateSerializer(allow_null=True)


class StatementSerializer(serializers.Serializer):
    statement = serializers.CharField()
    withheld = serializers.BooleanField()
    answered = serializers.IntegerField(allow_null=True)
    agree = RateSerializer(allow_null=True, help_text="Agree or strongly agree.")
    neither = RateSerializer(allow_null=True)
    disagree = RateSerializer(allow_null=True, help_text="Disagree or strongly disagree.")


class SurveyResultsSerializer(serializers.Serializer):
    survey = SurveySerializer()
    withheld = serializers.BooleanField(help_text="True when fewer responses came than the threshold.")
    withheld_message = serializers.CharField()
    response_rate = RateSerializer(allow_null=True)
    sites = SiteResponseRateSerializer(many=True)
    statements = StatementSerializer(many=True)


class ProgrammeFiguresSerializer(serializers.Serializer):
    period = PeriodSerializer()
    sites = SiteFiguresSerializer(many=True)
    attendance_by_month = MonthlyAttendanceSerializer(many=True)
    attendance_overall = RateSerializer()
    outcomes = OutcomeCountSerializer(many=True)
    follow_ups_without_outcome = serializers.IntegerField()
    latest_survey = SurveyResultsSerializer(allow_null=True)
