from django import forms

from core.form_fields import SafeModelChoiceField, SafeModelMultipleChoiceField
from core.forms import CrispyFieldsForm
from forum.models import EmailChoice, Post
from members.models import User

BODY_HELP = (
    "Markdown works: **bold**, *italic*, lists and links. Mention someone with @ and their name (for example "
    "@Sam Patel) or pick them below. Never name or describe the people you work with: posts are checked for "
    "personal data and held until you fix or explain what is found."
)


def _body_field(label: str = "Your post") -> forms.CharField:
    return forms.CharField(
        label=label, max_length=10_000, widget=forms.Textarea(attrs={"rows": 6}), help_text=BODY_HELP
    )


def _mention_field(audience) -> SafeModelMultipleChoiceField:
    return SafeModelMultipleChoiceField(
        queryset=audience if audience is not None else User.objects.none(),
        required=False,
        label="Mention people (they are emailed)",
        help_text="Only people who can read this thread are listed.",
        widget=forms.CheckboxSelectMultiple(attrs={"data-picker": "Find a person"}),
    )


class PostForm(CrispyFieldsForm):
    body = _body_field()
    mentioned = _mention_field(None)
    quoted = SafeModelChoiceField(queryset=Post.objects.none(), required=False, widget=forms.HiddenInput)

    def __init__(self, *args, audience=None, thread=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentioned"].queryset = audience if audience is not None else User.objects.none()
        if thread is not None:
            self.fields["quoted"].queryset = thread.posts.filter(status="visible", deleted_at__isnull=True)


class TopicForm(PostForm):
    title = forms.CharField(
        max_length=200,
        help_text="A short question or subject that does not identify anyone, for example “Dual-diagnosis services "
        "in Stoke?”.",
    )
    field_order = ["title", "body", "mentioned"]


class EditPostForm(CrispyFieldsForm):
    body = _body_field("Text")
    mentioned = _mention_field(None)

    def __init__(self, *args, audience=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentioned"].queryset = audience if audience is not None else User.objects.none()


class DismissPostFindingForm(forms.Form):
    reason = forms.CharField(max_length=500)


class ReportPostForm(CrispyFieldsForm):
    reason = forms.CharField(
        label="What is wrong with this post?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="For example: it may identify someone, or it breaks the ground rules. Only moderators see this.",
    )


class FollowForm(forms.Form):
    follow = forms.BooleanField(required=False)


class PreferenceForm(CrispyFieldsForm):
    email = forms.ChoiceField(
        choices=EmailChoice.choices, widget=forms.RadioSelect, label="Email me about replies and mentions"
    )
