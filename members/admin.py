from django.contrib import admin

from audit.models import AuditAction
from audit.services import record_event
from core.admin import ProgrammeAdmin
from members.models import Invitation, Membership, User

# Flags that give or take away access: changing one in the admin is a role change in the audit log.
ROLE_FLAGS = ["is_programme_admin", "is_knowledge_broker", "is_commissioner", "is_active"]


@admin.register(User)
class UserAdmin(ProgrammeAdmin):
    list_display = [
        "name",
        "email",
        "job_title",
        "agency",
        "sector",
        "is_programme_admin",
        "is_knowledge_broker",
        "is_commissioner",
        "is_active",
    ]
    list_filter = ["sector", "is_programme_admin", "is_knowledge_broker", "is_commissioner", "is_active"]
    search_fields = ["name", "email", "agency", "job_title"]
    exclude = ["password", "groups", "user_permissions", "is_superuser", "last_login"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        changed = [flag for flag in ROLE_FLAGS if flag in form.changed_data]
        if changed:
            detail = ", ".join(f"{flag} {'on' if getattr(obj, flag) else 'off'}" for flag in changed)
            record_event(actor=request.user, action=AuditAction.ROLE_CHANGED, target=obj,
                         detail=f"in the admin: {detail}", request=request)  # fmt: skip


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
