"""Survey responses, answers and self-assessments are deliberately not registered here: the admin must
never show an individual's answers beside who gave them. Use the results pages for aggregates."""

from django.contrib import admin

from core.admin import ProgrammeAdmin
from evaluation.models import AssessmentQuestion, AssessmentRound, FocusGroup, Question, Survey


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0
    fields = ["position", "kind", "text"]

    def _draft(self, request, obj) -> bool:
        return request.user.has_perm("evaluation.manage_surveys") and (obj is None or obj.is_draft)

    def has_add_permission(self, request, obj=None) -> bool:
        return self._draft(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return self._draft(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self._draft(request, obj)

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.has_perm("evaluation.manage_surveys")


@admin.register(Survey)
class SurveyAdmin(ProgrammeAdmin):
    list_display = ["title", "status", "opens_on", "closes_on", "invited_count"]
    list_filter = ["status"]
    inlines = [QuestionInline]
    # Opening and closing go through the Surveys pages, which count who was asked.
    readonly_fields = ["status", "opens_on", "closes_on", "created_by", "invited_count", "opened_at", "closed_at"]
    exclude = ["sites"]


@admin.register(FocusGroup)
class FocusGroupAdmin(ProgrammeAdmin):
    list_display = ["site", "held_on", "attendees_count"]
    list_filter = ["site"]
    list_select_related = ["site"]

    def has_add_permission(self, request) -> bool:
        return False  # recorded through the site's evaluation page, where the anonymisation gate applies

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(AssessmentQuestion)
class AssessmentQuestionAdmin(ProgrammeAdmin):
    list_display = ["position", "domain", "text", "is_active"]
    list_filter = ["domain", "is_active"]


@admin.register(AssessmentRound)
class AssessmentRoundAdmin(ProgrammeAdmin):
    list_display = ["site", "status", "opened_at", "closed_at"]
    list_filter = ["status", "site"]
    list_select_related = ["site"]
    readonly_fields = ["opened_by", "opened_at", "closed_at"]
