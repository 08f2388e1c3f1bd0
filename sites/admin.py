from django.contrib import admin

from audit.models import AuditAction
from audit.services import record_event
from core.admin import ProgrammeAdmin
from sites.models import Attendance, Invitation, Meeting, Membership, Site


@admin.register(Site)
class SiteAdmin(ProgrammeAdmin):
    list_display = ["code", "name", "town", "host_organisation", "status", "start_date"]
    list_filter = ["status"]
    search_fields = ["code", "name", "town"]


@admin.register(Meeting)
class MeetingAdmin(ProgrammeAdmin):
    list_display = ["site", "starts_at", "venue", "is_taster", "status"]
    list_filter = ["site", "status"]
    list_select_related = ["site"]


@admin.register(Attendance)
class AttendanceAdmin(ProgrammeAdmin):
    list_display = ["meeting", "person", "status", "is_guest"]
    list_select_related = ["meeting__site", "person"]
    raw_id_fields = ["person", "meeting"]


@admin.register(Membership)
class MembershipAdmin(ProgrammeAdmin):
    list_display = ["person", "site", "role", "joined", "left"]
    list_filter = ["site", "role"]
    list_select_related = ["person", "site"]
    search_fields = ["person__name", "person__email"]
    raw_id_fields = ["person"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change or {"person", "site", "role", "left"} & set(form.changed_data):
            detail = f"{obj.role} at {obj.site.code}" + (f", left {obj.left:%d/%m/%Y}" if obj.left else "")
            record_event(actor=request.user, action=AuditAction.ROLE_CHANGED, target=obj.person,
                         detail=f"in the admin: membership {detail}", request=request)  # fmt: skip

    def delete_model(self, request, obj):
        self.delete_queryset(request, type(obj).objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        for membership in queryset.select_related("person", "site"):
            detail = f"in the admin: membership of {membership.site.code} deleted"
            record_event(actor=request.user, action=AuditAction.ROLE_CHANGED, target=membership.person,
                         detail=detail, request=request)  # fmt: skip
        super().delete_queryset(request, queryset)


@admin.register(Invitation)
class InvitationAdmin(ProgrammeAdmin):
    list_display = ["email", "role", "site", "invited_by", "created_at", "expires_at", "accepted_at"]
    list_select_related = ["site", "invited_by"]
    readonly_fields = ["token_hash", "accepted_at", "accepted_by"]
