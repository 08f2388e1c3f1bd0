"""Forms of the facilitators' network: scheduling a meeting, naming an invitee, the register, the record."""

from django import forms

from core.form_fields import SafeModelChoiceField
from members.models import User
from network.models import NetworkMeetingKind
from sites.forms.meetings import DATE_FORMATS, DATE_INPUT, MeetingTimesMixin
from sites.models import AttendanceStatus


class NetworkMeetingForm(MeetingTimesMixin):
    kind = forms.ChoiceField(label="Kind of meeting", choices=NetworkMeetingKind.choices, widget=forms.RadioSelect)
    venue = forms.CharField(label="Venue (optional)", max_length=300, required=False, help_text="Address and room.")
    video_link = forms.URLField(
        label="Video link for joining online (optional)", max_length=500, required=False, assume_scheme="https",
        help_text="A Teams, Zoom or other meeting address. Only the people invited see it.",
        error_messages={"invalid": "Enter the meeting's web address, starting https://"},
    )  # fmt: skip
    field_order = ["kind", "date", "start_time", "end_time", "venue", "video_link"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("start_time", "end_time"):
            self.fields[name].label += " (UK time)"


class InviteeForm(forms.Form):
    person = SafeModelChoiceField(
        label="Person to invite",
        queryset=User.objects.none(),
        empty_label="Choose a person",
        help_text="For an advisory group member or a guest with an account. They see this meeting, its agenda, "
        "register and record; nothing else of the network.",
        error_messages={"required": "Choose the person to invite.", "invalid_choice": "Choose a person from the list."},
    )

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people if people is not None else User.objects.none()
        self.fields["person"].label_from_instance = lambda p: f"{p.name}{f', {p.agency}' if p.agency else ''}"


class NetworkRegisterForm(forms.Form):
    """One radio group per person on the register (field status_<person id>)."""

    def __init__(self, *args, people, marks: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.people = people
        for person in people:
            self.fields[f"status_{person.pk}"] = forms.ChoiceField(
                label=person.name, choices=AttendanceStatus.choices, required=False, widget=forms.RadioSelect,
                initial=marks.get(person.pk),
            )  # fmt: skip

    def statuses(self) -> dict[int, str]:
        return {
            p.pk: self.cleaned_data[f"status_{p.pk}"] for p in self.people if self.cleaned_data.get(f"status_{p.pk}")
        }

    def lines(self):
        """(person, bound field) pairs for the template."""
        return [(person, self[f"status_{person.pk}"]) for person in self.people]


class EntryForm(forms.Form):
    discussion = forms.CharField(
        label="What was discussed", required=False, widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Never write a name or other detail that could identify someone a case is about.",
    )  # fmt: skip
    decisions = forms.CharField(label="Decisions", required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ActionForm(forms.Form):
    text = forms.CharField(label="Action agreed", widget=forms.Textarea(attrs={"rows": 2}))
    owner = SafeModelChoiceField(label="Owner", queryset=User.objects.none(), empty_label="Choose who does it")
    due_on = forms.DateField(label="Due date", widget=DATE_INPUT, input_formats=DATE_FORMATS)

    def __init__(self, *args, owners=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners if owners is not None else User.objects.none()
        self.fields["owner"].label_from_instance = lambda person: person.name
