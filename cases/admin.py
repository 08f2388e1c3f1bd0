from django.contrib import admin

from cases.models import Case, CaseTransition, Evidence, Question, Theme


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    search_fields = ["name"]


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    """Read-only in admin: cases move only through the lifecycle services, which record who did what."""

    list_display = ["title", "site", "status", "kind", "updated_at"]
    list_filter = ["status", "kind", "site"]
    search_fields = ["title"]
    fields = ["site", "title", "kind", "status", "outcome", "created_at", "updated_at", "published_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CaseTransition)
class CaseTransitionAdmin(admin.ModelAdmin):
    list_display = ["case", "from_status", "to_status", "by", "at"]
    readonly_fields = ["case", "from_status", "to_status", "by", "at"]

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
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["case", "status", "asked_at", "answered_at"]
    list_filter = ["status"]
    fields = ["case", "status", "asked_by", "asked_at", "text", "reply", "answered_by", "answered_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False
