from django.contrib import admin

from cop.admin import ProgrammeAdmin
from members.models import Invitation, Membership, User


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


@admin.register(Membership)
class MembershipAdmin(ProgrammeAdmin):
    list_display = ["person", "site", "role", "joined", "left"]
    list_filter = ["site", "role"]
    list_select_related = ["person", "site"]
    search_fields = ["person__name", "person__email"]
    raw_id_fields = ["person"]


@admin.register(Invitation)
class InvitationAdmin(ProgrammeAdmin):
    list_display = ["email", "role", "site", "invited_by", "created_at", "expires_at", "accepted_at"]
    list_select_related = ["site", "invited_by"]
    readonly_fields = ["token_hash", "accepted_at", "accepted_by"]
