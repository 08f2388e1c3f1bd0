from crispy_forms.layout import Field, Layout
from django import forms
from django.utils.functional import cached_property

from core.form_fields import SafeModelChoiceField, SafeModelMultipleChoiceField
from core.forms import CrispyFieldsForm
from core.text_gate import REASON_HELP, check_reason
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


class _MentionsForm(CrispyFieldsForm):
    """A form with the mention list of the people who read the thread: drawn by forum/_mention_field.html from three
    columns of them, with crispy's markup but none of its per-option templates (a thread's page drew it in 4 ms)."""

    def __init__(self, *args, audience=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentioned"].queryset = audience if audience is not None else User.objects.none()
        mentions = Field("mentioned", template="forum/_mention_field.html")
        self.helper.layout = Layout(*(mentions if name == "mentioned" else name for name in self.fields))

    @property
    def mention_picker(self) -> str:
        return self.fields["mentioned"].widget.attrs["data-picker"]

    @cached_property
    def mention_options(self) -> list[tuple[str, int, str, bool]]:
        """(id, pk, label, checked) for each person who may be mentioned, as the checkbox widget would draw them."""
        field = self["mentioned"]
        chosen = {str(value) for value in field.value() or ()}
        people = field.field.queryset.values_list("pk", "name", "email")
        return [
            (f"{field.auto_id}_{index}", pk, name or email, str(pk) in chosen)  # a person's str() is name or email
            for index, (pk, name, email) in enumerate(people)
        ]


class PostForm(_MentionsForm):
    body = _body_field()
    mentioned = _mention_field(None)
    quoted = SafeModelChoiceField(queryset=Post.objects.none(), required=False, widget=forms.HiddenInput)

    def __init__(self, *args, audience=None, thread=None, **kwargs):
        super().__init__(*args, audience=audience, **kwargs)
        if thread is not None:
            self.fields["quoted"].queryset = thread.posts.filter(status="visible", deleted_at__isnull=True)


class TopicForm(PostForm):
    title = forms.CharField(
        max_length=200,
        help_text="A short question or subject that does not identify anyone, for example “Dual-diagnosis services "
        "in Stoke?”.",
    )
    field_order = ["title", "body", "mentioned"]


class EditPostForm(_MentionsForm):
    body = _body_field("Text")
    mentioned = _mention_field(None)


class DismissPostFindingForm(forms.Form):
    reason = forms.CharField(max_length=500, help_text=REASON_HELP)

    def clean_reason(self) -> str:
        return check_reason(self.cleaned_data["reason"])


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
