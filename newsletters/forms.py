from datetime import date, timedelta

from django import forms
from django.utils import timezone

from newsletters.models import Audience, Section
from newsletters.services.editing import FREE_SECTIONS

MARKDOWN_HELP = "In Markdown: *italic*, **bold**, - for a list, [text](https://link)."


class IntroductionForm(forms.Form):
    introduction = forms.CharField(
        label="Introduction",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="A few words from the editors, in Markdown: *italic*, **bold**, - for a list, [text](https://link).",
    )


class ItemForm(forms.Form):
    title = forms.CharField(label="Heading", max_length=300)
    body = forms.CharField(
        label="Text", required=False, widget=forms.Textarea(attrs={"rows": 8}), help_text=MARKDOWN_HELP
    )


class FreeItemForm(ItemForm):
    section = forms.ChoiceField(
        label="Section",
        choices=[(section.value, section.label) for section in FREE_SECTIONS],
        initial=Section.NOTICES,
        help_text="Site news a facilitator sent in goes under News from the sites; an event or a call for cases "
        "under Events and calls for cases.",
    )
    audience = forms.ChoiceField(
        label="Who reads it",
        choices=[(Audience.MEMBERS_ONLY, "The members' edition only"), (Audience.PUBLIC, "Both editions")],
        initial=Audience.MEMBERS_ONLY,
        widget=forms.RadioSelect,
    )
    field_order = ["section", "title", "body", "audience"]


class SubscribeForm(forms.Form):
    email = forms.EmailField(label="Your email address", max_length=254)


def _month_choices():
    first = timezone.localdate().replace(day=1)
    months = []
    year, month = first.year, first.month
    for _ in range(12):
        months.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return [(m.strftime("%Y-%m"), m.strftime("%B %Y")) for m in months]


def previous_complete_month() -> str:
    first = timezone.localdate().replace(day=1)
    return (first - timedelta(days=1)).strftime("%Y-%m")


class CompileForm(forms.Form):
    month = forms.ChoiceField(label="Month to report on", choices=_month_choices, initial=previous_complete_month)

    def clean_month(self) -> date:
        year, month = self.cleaned_data["month"].split("-")
        return date(int(year), int(month), 1)
