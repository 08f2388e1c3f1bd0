from django.contrib import admin
from django.utils import timezone

from audit.models import AuditAction
from audit.services import record_event
from core.admin import ProgrammeAdmin
from members.jobs import JOB_FIELDS, record_job_change
from members.models import User

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
        if change and set(JOB_FIELDS) & set(form.changed_data):
            # A new job title, agency or sector is a job change from today: the old one stays in the job history.
            before = User.objects.get(pk=obj.pk)
            job = {field: getattr(obj, field) for field in JOB_FIELDS}
            record_job_change(person=before, on=timezone.localdate(), by=request.user, request=request, **job)
        super().save_model(request, obj, form, change)
        changed = [flag for flag in ROLE_FLAGS if flag in form.changed_data]
        if changed:
            detail = ", ".join(f"{flag} {'on' if getattr(obj, flag) else 'off'}" for flag in changed)
            record_event(actor=request.user, action=AuditAction.ROLE_CHANGED, target=obj,
                         detail=f"in the admin: {detail}", request=request)  # fmt: skip
