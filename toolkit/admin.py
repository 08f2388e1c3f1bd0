from django.contrib import admin

from toolkit.models import DefaultChecklistItem, SiteHealth, SiteHealthChange, WarningThresholds


@admin.register(DefaultChecklistItem)
class DefaultChecklistItemAdmin(admin.ModelAdmin):
    list_display = ["title", "position", "retired_at"]


@admin.register(SiteHealth)
class SiteHealthAdmin(admin.ModelAdmin):
    list_display = ["site", "status", "computed_at", "changed_at"]
    readonly_fields = ["site", "status", "reasons", "computed_at", "changed_at"]


@admin.register(SiteHealthChange)
class SiteHealthChangeAdmin(admin.ModelAdmin):
    list_display = ["site", "previous_status", "status", "changed_at", "alert_sent_at"]
    list_filter = ["status"]


admin.site.register(WarningThresholds)
