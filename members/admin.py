from allauth.socialaccount.admin import SocialAppForm
from allauth.socialaccount.models import SocialAccount, SocialApp, SocialToken
from django import forms
from django.contrib import admin
from django.utils import timezone

from audit.models import AuditAction
from audit.services import record_event
from core.admin import ProgrammeAdmin
from members.jobs import JOB_FIELDS, record_job_change
from members.models import OrganisationSignIn, User
from members.sso import PROVIDER

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


class OrganisationSignInInline(admin.StackedInline):
    model = OrganisationSignIn
    can_delete = False
    min_num = 1
    extra = 0

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.has_perm("members.use_admin")

    has_add_permission = has_change_permission = has_delete_permission = has_view_permission


class OrganisationSignInForm(SocialAppForm):
    server_url = forms.URLField(
        label="Server URL (issuer)",
        help_text="The organisation's OpenID Connect address, for example "
        "https://login.microsoftonline.com/&lt;tenant id&gt;/v2.0 for Microsoft Entra ID.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provider"] = forms.ChoiceField(choices=[(PROVIDER, "OpenID Connect")], initial=PROVIDER)
        self.fields["provider_id"].required = True
        self.fields["provider_id"].help_text = "A short name in the sign-in address, for example nhs-mail."
        self.initial.setdefault("server_url", (self.instance.settings or {}).get("server_url", ""))

    def save(self, commit=True):
        self.instance.settings = {**(self.instance.settings or {}), "server_url": self.cleaned_data["server_url"]}
        return super().save(commit)


admin.site.unregister(SocialApp)
admin.site.unregister(SocialToken)  # tokens are not kept (SOCIALACCOUNT_STORE_TOKENS = False)
admin.site.unregister(SocialAccount)


@admin.register(SocialApp)
class OrganisationSignInAdmin(ProgrammeAdmin):
    """A programme admin sets up an organisation's sign-in: allauth's social application and, beside it, the
    email domains it vouches for and whether its two-factor sign-in counts (members.sso)."""

    form = OrganisationSignInForm
    fields = ["name", "provider", "provider_id", "server_url", "client_id", "secret"]
    list_display = ["name", "provider_id", "organisation_sign_in"]
    inlines = [OrganisationSignInInline]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(provider=PROVIDER).select_related("organisation_sign_in")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        detail = f"organisation sign-in {'changed' if change else 'added'} in the admin"
        record_event(actor=request.user, action=AuditAction.CHANGED, target=obj, detail=detail, request=request)


@admin.register(SocialAccount)
class LinkedSignInAdmin(ProgrammeAdmin):
    """Who has linked an organisation sign-in; deleting a row unlinks it."""

    list_display = ["user", "provider", "uid", "date_joined"]
    list_filter = ["provider"]
    search_fields = ["user__email", "user__name", "uid"]
    raw_id_fields = ["user"]
    readonly_fields = ["provider", "uid", "extra_data", "last_login", "date_joined"]
