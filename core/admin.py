"""The Django admin is the programme team's: a ModelAdmin base that asks the permission members.use_admin, and one
for confidential rows that lists and opens only what the app's own pages show the same person."""

from django.contrib import admin
from django.db.models import Q


class ProgrammeAdmin(admin.ModelAdmin):
    def _allowed(self, request) -> bool:
        return request.user.has_perm("members.use_admin")

    def has_module_permission(self, request) -> bool:
        return self._allowed(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return self._allowed(request)

    def has_add_permission(self, request) -> bool:
        return self._allowed(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return self._allowed(request)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self._allowed(request)


class ScopedAdmin(ProgrammeAdmin):
    """For models holding confidential rows (cases and what hangs off them): the admin follows the app's scopes, so a
    programme admin never lists, searches or opens a row here that the app's pages hide from them (a draft case)."""

    def visible_q(self, user) -> Q:
        raise NotImplementedError("Say which rows the person may see, with the app's own queryset scope.")

    def get_queryset(self, request):
        return super().get_queryset(request).filter(self.visible_q(request.user))
