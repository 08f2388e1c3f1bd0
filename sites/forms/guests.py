from django import forms


class GuestSpeakerForm(forms.Form):
    name = forms.CharField(
        label="Speaker's name", max_length=200, error_messages={"required": "Give the speaker's name."}
    )
    organisation = forms.CharField(label="Organisation (optional)", max_length=200, required=False)
    topic = forms.CharField(
        label="What they will speak about",
        max_length=200,
        error_messages={"required": "Say what the speaker will talk about."},
        help_text="Shown on the agenda. Never name or describe someone a case is about.",
    )
