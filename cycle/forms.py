"""Forms of the meeting cycle: agenda items, record entries and actions, corrections, actions done."""

from django import forms

from core.form_fields import SafeModelChoiceField
from members.models import User
from sites.forms.meetings import DATE_FORMATS, DATE_INPUT


class AgendaItemForm(forms.Form):
    title = forms.CharField(label="New agenda item", max_length=200)


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", "Up"), ("down", "Down")])


class EntryForm(forms.Form):
    discussion = forms.CharField(
        label="What was discussed", required=False, widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Never write a name or other detail that could identify someone a case is about.",
    )  # fmt: skip
    follow_ups = forms.CharField(label="Follow-ups reported", required=False, widget=forms.Textarea(attrs={"rows": 3}))


class RecordActionForm(forms.Form):
    text = forms.CharField(label="Action agreed", widget=forms.Textarea(attrs={"rows": 2}))
    owner = SafeModelChoiceField(label="Owner (a member of the site)", queryset=User.objects.none(), required=False)
    owner_agency = forms.CharField(
        label="Or an agency", max_length=200, required=False, help_text="When an agency, not a member, owns it."
    )
    due_on = forms.DateField(
        label="Due date", required=False, widget=DATE_INPUT, input_formats=DATE_FORMATS,
        help_text="Leave empty: due by the next meeting.",
    )  # fmt: skip

    def __init__(self, *args, owners=None, form_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners if owners is not None else User.objects.none()
        if form_id:  # the fields sit below the actions list yet are sent with the page's one form
            for field in self.fields.values():
                field.widget.attrs["form"] = form_id
        self.fields["owner"].label_from_instance = lambda person: person.name

    def clean(self):
        cleaned = super().clean()
        agency = (cleaned.get("owner_agency") or "").strip()
        if not cleaned.get("owner") and not agency:
            self.add_error("owner", "Choose a member of the site or write the agency's name.")
        elif cleaned.get("owner") and agency:
            self.add_error(
                "owner_agency", "An action has one owner: clear the agency's name, or choose no member above."
            )
        return cleaned


class CommentForm(forms.Form):
    text = forms.CharField(label="Suggest a correction", widget=forms.Textarea(attrs={"rows": 2}))


class DoneForm(forms.Form):
    note = forms.CharField(label="Note (optional)", max_length=2000, required=False)


class CaseActionDoneForm(DoneForm):
    status = forms.ChoiceField(
        label="How did it go?",
        choices=[
            ("tried_helpful", "Tried and helpful"),
            ("tried_not_helpful", "Tried and not helpful"),
            ("not_tried", "Not tried"),
        ],
    )


class InviteCommissionerForm(forms.Form):
    person = SafeModelChoiceField(
        label="Commissioner",
        queryset=User.objects.none(),
        empty_label="Choose a commissioner",
        help_text="They will see this meeting's published agenda and, of the cases on it, the titles and the issues "
        "for commissioners: never the discussion, nor anything else of the site. The invitation ends after the "
        "meeting's day.",
        error_messages={"required": "Choose the commissioner to invite.", "invalid_choice": "Choose a commissioner."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = User.objects.filter(is_commissioner=True, is_active=True).order_by("name")
        self.fields["person"].label_from_instance = lambda p: f"{p.name}{f', {p.agency}' if p.agency else ''}"
