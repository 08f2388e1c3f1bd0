from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Q

from cases.models import Case, CaseTransition, Evidence, KnownTerm, Question, Theme
from cases.rules import cases_visible_q
from cases.services import known_terms
from core.admin import ProgrammeAdmin, ScopedAdmin


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


@admin.register(KnownTerm)
class KnownTermAdmin(ProgrammeAdmin):
    """The gate's list of known organisations and public numbers: every add, change and removal goes through the
    service, which records it in the audit log. Entries are removed by unticking "listed" (kept as the record)."""

    list_display = ["text", "kind", "label", "listed", "changed_by", "changed_at"]
    list_filter = ["kind", "listed"]
    search_fields = ["text", "label"]
    fields = ["kind", "text", "label", "listed"]
    actions = ["remove_from_list"]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def save_model(self, request, obj, form, change):
        data = {name: form.cleaned_data[name] for name in ("kind", "text", "label")}
        try:
            if change:
                term = known_terms.change_known_term(
                    term=KnownTerm.objects.get(pk=obj.pk), by=request.user, listed=form.cleaned_data["listed"], **data
                )
            else:
                term = known_terms.add_known_term(by=request.user, **data)
        except ValidationError as error:
            raise ValidationError(error.messages) from error
        obj.pk = term.pk

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        admin_user, existing = request.user, obj

        class CheckedForm(form):
            def clean(self):
                cleaned = super().clean()
                try:
                    known_terms.check_known_term(
                        by=admin_user,
                        term=existing,
                        kind=cleaned.get("kind", ""),
                        text=cleaned.get("text", ""),
                        label=cleaned.get("label", ""),
                    )
                except ValidationError as error:
                    raise ValidationError(error.messages) from error
                return cleaned

        return CheckedForm

    @admin.action(description="Remove the chosen entries from the list")
    def remove_from_list(self, request, queryset):
        for term in queryset.filter(listed=True):
            known_terms.remove_known_term(term=term, by=request.user)
        self.message_user(request, "Removed from the list: the gate raises them again.")
