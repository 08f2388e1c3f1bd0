"""The Django admin is the programme team's: a ModelAdmin base that asks the permission members.use_admin."""

from django.contrib import admin


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
