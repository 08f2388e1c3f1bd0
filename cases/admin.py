from django.contrib import admin

from cases.models import Case, CaseTransition, Theme


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
