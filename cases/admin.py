from django.contrib import admin
from django.db.models import Q

from cases.models import Case, CaseTransition, Evidence, Question, Theme
from cases.rules import cases_visible_q
from core.admin import ScopedAdmin


def _visible_cases(user):
    return Case.objects.filter(cases_visible_q(user)).values("pk")


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    search_fields = ["name"]


@admin.register(Case)
class CaseAdmin(ScopedAdmin):
    """Read-only in admin: cases move only through the lifecycle services, which record who did what. Only the cases
    the person may open in the app (a programme admin: never a draft)."""

    list_display = ["title", "site", "status", "kind", "updated_at"]
    list_filter = ["status", "kind", "site"]
    search_fields = ["title"]
    fields = ["site", "title", "kind", "status", "outcome", "created_at", "updated_at", "published_at"]
    readonly_fields = fields

    def visible_q(self, user) -> Q:
        return cases_visible_q(user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CaseTransition)
class CaseTransitionAdmin(ScopedAdmin):
    list_display = ["case", "from_status", "to_status", "by", "at"]
    readonly_fields = ["case", "from_status", "to_status", "by", "at"]

    def visible_q(self, user) -> Q:
        return Q(case__in=_visible_cases(user))

    def has_add_permission(self, request):
        return False


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    """For finding and removing items; items are added and edited in the evidence library pages (which check files)."""

    list_display = ["title", "kind", "year", "doi", "added_by", "added_at"]
    list_filter = ["kind"]
    search_fields = ["title", "doi", "authors"]
    fields = ["kind", "title", "authors", "year", "publisher", "doi", "url", "file_name", "added_by", "added_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False


@admin.register(Question)
class QuestionAdmin(ScopedAdmin):
    list_display = ["case", "status", "asked_at", "answered_at"]
    list_filter = ["status"]
    fields = ["case", "status", "asked_by", "asked_at", "text", "reply", "answered_by", "answered_at"]
    readonly_fields = fields

    def visible_q(self, user) -> Q:
        return Q(case__in=_visible_cases(user))

    def has_add_permission(self, request):
        return False
