"""Email preferences in one place: meeting reminders and agendas (members), forum replies and mentions (forum),
the monthly newsletter (newsletters). Each choice stays where its feature reads it; this page shows and saves them
together, and every email links here. Reminders and agendas are on or off (a digest of one meeting's email makes no
sense); the forum offers straight away, a daily digest or never; the newsletter is monthly, on or off."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render

from forum.models import EmailChoice, ForumPreference
from forum.services import set_email_choice
from members.preferences import meeting_email_preference, set_meeting_email_preference
from newsletters.models import NewsletterPreference
from newsletters.services.subscribers import set_newsletter_preference

ON_OFF = [("on", "Yes"), ("off", "No")]
CHOOSE = "Choose one."


def _on_off(label: str, help_text: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, choices=ON_OFF, widget=forms.RadioSelect, help_text=help_text,
        error_messages={"required": CHOOSE, "invalid_choice": CHOOSE},
    )  # fmt: skip


class EmailPreferencesForm(forms.Form):
    reminders = _on_off("Meeting reminders", "A few days before each meeting of your sites, with links to reply.")
    agendas = _on_off("Meeting agendas", "The agenda of each meeting, when the facilitator sends it.")
    forum = forms.ChoiceField(
        label="Forum replies and mentions", choices=EmailChoice.choices, widget=forms.RadioSelect,
        help_text="When someone replies in a thread you started or follow, or mentions you.",
        error_messages={"required": CHOOSE, "invalid_choice": CHOOSE},
    )  # fmt: skip
    newsletter = _on_off("The monthly newsletter", "News from every site, evidence and new learning objects.")

    def __init__(self, *args, forum: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not forum:
            del self.fields["forum"]


def _current(user, *, forum: bool) -> dict:
    meeting = meeting_email_preference(user)
    initial = {
        "reminders": "on" if meeting.reminders else "off",
        "agendas": "on" if meeting.agendas else "off",
        "newsletter": "off" if NewsletterPreference.objects.filter(person=user, opted_out=True).exists() else "on",
    }
    if forum:
        chosen = ForumPreference.objects.filter(person=user).values_list("email", flat=True).first()
        initial["forum"] = chosen or EmailChoice.IMMEDIATE
    return initial


@transaction.atomic
def set_email_preferences(*, person, reminders: str, agendas: str, newsletter: str, forum: str | None = None) -> None:
    """Save the four choices together, each with the service of the feature that reads it."""
    set_meeting_email_preference(person=person, reminders=reminders == "on", agendas=agendas == "on")
    if forum is not None:
        set_email_choice(person=person, email=forum)
    set_newsletter_preference(person=person, opted_out=newsletter == "off")


@login_required
def email_preferences(request):
    uses_forum = request.user.has_perm("forum.use_forum")
    initial = _current(request.user, forum=uses_forum)
    form = EmailPreferencesForm(request.POST or None, initial=initial, forum=uses_forum)
    if request.method == "POST" and form.is_valid():
        set_email_preferences(person=request.user, **form.cleaned_data)
        messages.success(request, "Your email choices are saved.")
        return redirect("email_preferences")
    return render(request, "home/email_preferences.html", {"form": form})
