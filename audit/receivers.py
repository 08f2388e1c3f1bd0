"""Sign-in, two-factor and organisation sign-in events come from Django and allauth as signals; each is recorded
as it happens."""

from allauth.mfa import signals as mfa_signals
from allauth.socialaccount import signals as socialaccount_signals
from django.contrib.auth import signals as auth_signals
from django.dispatch import receiver

from audit.models import AuditAction
from audit.services import record_event


@receiver(auth_signals.user_logged_in)
def record_sign_in(sender, request, user, **kwargs):
    record_event(actor=user, action=AuditAction.SIGNED_IN, target=user, request=request)


@receiver(auth_signals.user_logged_out)
def record_sign_out(sender, request, user, **kwargs):
    if user is not None:
        record_event(actor=user, action=AuditAction.SIGNED_OUT, target=user, request=request)


@receiver(auth_signals.user_login_failed)
def record_failed_sign_in(sender, credentials, request=None, **kwargs):
    email = str(credentials.get("email") or credentials.get("username") or "")[:200]
    record_event(actor=None, action=AuditAction.SIGN_IN_FAILED, detail=f"email tried: {email}", request=request)


def _record_mfa_change(description: str):
    def handler(sender, request, user, authenticator=None, **kwargs):
        kind = getattr(authenticator, "type", "") or kwargs.get("type", "")
        record_event(
            actor=user,
            action=AuditAction.MFA_CHANGED,
            target=user,
            detail=f"{description} {kind}".strip(),
            request=request,
        )

    return handler


on_authenticator_added = _record_mfa_change("added")
on_authenticator_removed = _record_mfa_change("removed")
on_authenticator_reset = _record_mfa_change("reset")
mfa_signals.authenticator_added.connect(on_authenticator_added, dispatch_uid="audit_mfa_added")
mfa_signals.authenticator_removed.connect(on_authenticator_removed, dispatch_uid="audit_mfa_removed")
mfa_signals.authenticator_reset.connect(on_authenticator_reset, dispatch_uid="audit_mfa_reset")


@receiver(socialaccount_signals.social_account_added)
def record_organisation_sign_in_linked(sender, request, sociallogin, **kwargs):
    name = sociallogin.account.get_provider(request).app.name
    record_event(
        actor=sociallogin.user,
        action=AuditAction.CHANGED,
        target=sociallogin.user,
        detail=f"sign-in with {name} linked",
        request=request,
    )


@receiver(socialaccount_signals.social_account_removed)
def record_organisation_sign_in_unlinked(sender, request, socialaccount, **kwargs):
    record_event(
        actor=socialaccount.user,
        action=AuditAction.CHANGED,
        target=socialaccount.user,
        detail=f"sign-in with {socialaccount.get_provider(request).app.name} unlinked",
        request=request,
    )
