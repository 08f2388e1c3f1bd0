from datetime import date

from django import forms
from django.utils import timezone


class IntroductionForm(forms.Form):
    introduction = forms.CharField(
        label="Introduction",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="A few words from the editors, in Markdown: *italic*, **bold**, - for a list, [text](https://link).",
    )


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


class CompileForm(forms.Form):
    month = forms.ChoiceField(label="Month to report on", choices=_month_choices)

    def clean_month(self) -> date:
        year, month = self.cleaned_data["month"].split("-")
        return date(int(year), int(month), 1)
