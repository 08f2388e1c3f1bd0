"""Sign-in backends that check passwords and grant nothing else. Every permission in the product is a rule
(django-rules, in each app's rules.py); Django's per-user and per-group model permissions are not used (the admin
form leaves them out), yet ModelBackend read them from the database on every request that asked a permission the
rules refused: two queries per page, for nothing. A superuser keeps every permission (User.has_perm answers for them
before any backend)."""

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth.backends import ModelBackend


class NoModelPermissions:
    def get_user_permissions(self, user_obj, obj=None) -> set:
        return set()

    def get_group_permissions(self, user_obj, obj=None) -> set:
        return set()

    def get_all_permissions(self, user_obj, obj=None) -> set:
        return set()

    def has_perm(self, user_obj, perm, obj=None) -> bool:
        return False

    def has_module_perms(self, user_obj, app_label) -> bool:
        return False


class PasswordBackend(NoModelPermissions, ModelBackend):
    """Django's own sign-in (the admin's login form, Client.login in tests)."""


class AccountBackend(NoModelPermissions, AuthenticationBackend):
    """allauth's sign-in by email address."""
