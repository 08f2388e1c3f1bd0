from allauth.account.forms import LoginForm


class SignInForm(LoginForm):
    """allauth's sign-in form without the password reset link in the password's help text: the page has its own
    "Forgotten your password?" link beside the button, and one link is clearer than two."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].help_text = ""
