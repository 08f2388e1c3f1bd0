from allauth.account.adapter import DefaultAccountAdapter

from members import sign_in


class InvitationOnlyAccountAdapter(DefaultAccountAdapter):
    """Nobody signs up on their own: accounts are made by accepting an invitation (members.views).
    Wrong passwords are limited by members.sign_in (per known device, account, address), not by allauth's
    per-address counter, which locks out everyone behind one proxy or office address."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": "Too many wrong passwords have been tried. Wait 15 minutes and try again, or "
        "use “Forgotten your password?” to set a new one and sign in now.",
    }

    def is_open_for_signup(self, request) -> bool:
        return False

    def pre_authenticate(self, request, **credentials) -> None:
        if sign_in.sign_in_refused(request, email=credentials.get("email")):
            raise self.validation_error("too_many_login_attempts")

    def authentication_failed(self, request, **credentials) -> None:
        sign_in.record_sign_in_failure(request, email=credentials.get("email"))

    def post_login(self, request, user, **kwargs):
        response = super().post_login(request, user, **kwargs)
        sign_in.record_sign_in(request, response, email=user.email)
        return response

    def set_password(self, user, password) -> None:
        """A new password (reset by email, or changed) starts the account's count again."""
        super().set_password(user, password)
        sign_in.clear_sign_in_failures(email=user.email)

    def get_login_stages(self) -> list[str]:
        """allauth's stages, with its two-factor step replaced by one that knows organisation sign-in (members.sso)."""
        return [
            "members.sso.OrganisationAwareAuthenticateStage"
            if stage == "allauth.mfa.stages.AuthenticateStage"
            else stage
            for stage in super().get_login_stages()
        ]
