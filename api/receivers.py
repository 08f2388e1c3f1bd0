"""Removing or resetting a person's two-factor sign-in revokes their API tokens: whoever could change it (the person,
someone with their session, a programme admin in the Django admin, an erasure) must not keep a key that was made
under the old factor."""

from allauth.mfa import signals as mfa_signals
from allauth.mfa.models import Authenticator
from django.db.models.signals import post_delete
from django.dispatch import receiver

from api.services import revoke_tokens_of


@receiver(post_delete, sender=Authenticator, dispatch_uid="api_revoke_tokens_on_mfa_removed")
def revoke_tokens_when_two_factor_is_removed(sender, instance, **kwargs):
    if instance.type == Authenticator.Type.TOTP:
        revoke_tokens_of(user=instance.user, reason="two-factor sign-in was removed")


@receiver(mfa_signals.authenticator_reset, dispatch_uid="api_revoke_tokens_on_mfa_reset")
def revoke_tokens_when_two_factor_is_reset(sender, request, user, **kwargs):
    revoke_tokens_of(user=user, by=user, request=request, reason="two-factor sign-in was reset")
