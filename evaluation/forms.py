from django import forms
from django.utils import timezone

from core.form_fields import SafeModelChoiceField, SafeModelMultipleChoiceField
from evaluation.models import LEARNING_CULTURES, Agreement, QuestionKind, Stage
from sites.models import Site

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SurveyForm(forms.Form):
    title = forms.CharField(label="Title", max_length=200)
    introduction = forms.CharField(
        label="Introduction for members (optional)", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(label="Kind of question", choices=QuestionKind.choices)
    text = forms.CharField(label="Statement or question", widget=forms.Textarea(attrs={"rows": 2}), max_length=1000)


class OpenSurveyForm(forms.Form):
    sites = SafeModelMultipleChoiceField(
        label="Open to the members of these sites",
        queryset=Site.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one site."},
    )
    opens_on = forms.DateField(label="Opens on", widget=DATE_WIDGET)
    closes_on = forms.DateField(label="Closes on (answers accepted until the end of this day)", widget=DATE_WIDGET)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sites"].queryset = Site.objects.order_by("code")
        self.fields["sites"].label_from_instance = lambda site: f"{site.code} {site.name}"
        self.initial.setdefault("opens_on", timezone.localdate())

    def clean(self):
        data = super().clean()
        if data.get("opens_on") and data.get("closes_on") and data["closes_on"] < data["opens_on"]:
            self.add_error("closes_on", "The closing date must be on or after the opening date.")
        return data


class AnswerSurveyForm(forms.Form):
    """One field per question: a five-point scale for statements (may be left blank), text otherwise."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            if question.kind == QuestionKind.STATEMENT:
                self.fields[f"q{question.pk}"] = forms.TypedChoiceField(
                    label=question.text,
                    choices=Agreement.choices,
                    coerce=int,
                    widget=forms.RadioSelect,
                    required=False,
                )
            else:
                self.fields[f"q{question.pk}"] = forms.CharField(
                    label=question.text,
                    widget=forms.Textarea(attrs={"rows": 3}),
                    required=False,
                    max_length=4000,
                )

    def answers(self) -> tuple[dict[int, int | None], dict[int, str]]:
        agreements, texts = {}, {}
        for question in self.questions:
            value = self.cleaned_data.get(f"q{question.pk}")
            if question.kind == QuestionKind.STATEMENT:
                agreements[question.pk] = value or None
            else:
                texts[question.pk] = value or ""
        return agreements, texts


class FocusGroupForm(forms.Form):
    held_on = forms.DateField(label="Date held", widget=DATE_WIDGET)
    attendees_count = forms.IntegerField(label="Number of members who took part", min_value=1, max_value=200)
    themes = forms.CharField(
        label="Themes raised (one a line)",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="No names or other personal details: they will be found and you will be asked to remove them.",
    )
    quotes = forms.CharField(
        label="Notable quotes (one a line, optional)",
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        help_text="Attribute quotes to a site or a role, never to a person, for example “(Member CP5)”.",
    )


RATING_CHOICES = [(n, str(n)) for n in range(1, 6)]


class SelfAssessmentForm(forms.Form):
    stage = forms.ChoiceField(
        label="What stage of development is the group at?",
        choices=Stage.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the stage you think the group has reached."},
        help_text="Forming: getting to know each other. Storming: testing and disagreeing. Norming: agreeing how "
        "we work. Performing: working well together on shared goals.",
    )

    def __init__(self, *args, domains, **kwargs):
        super().__init__(*args, **kwargs)
        self.domains = []
        for culture, label in LEARNING_CULTURES:
            self.fields[f"culture_{culture}"] = forms.TypedChoiceField(
                label=f"How far does our community have a {label.lower()}? (1 not at all, 5 very much)",
                choices=RATING_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": "Choose a rating from 1 to 5."},
            )
        for domain, domain_label, questions in domains:
            names = []
            for question in questions:
                self.fields[f"rating_{question.pk}"] = forms.TypedChoiceField(
                    label=question.text,
                    choices=RATING_CHOICES,
                    coerce=int,
                    widget=forms.RadioSelect,
                    error_messages={"required": "Choose a rating from 1 to 5."},
                )
                self.fields[f"comment_{question.pk}"] = forms.CharField(
                    label="Comment (optional)", max_length=500, required=False
                )
                names.append((question, f"rating_{question.pk}", f"comment_{question.pk}"))
            self.domains.append((domain, domain_label, names))

    def cultures(self) -> dict[str, int]:
        return {culture: self.cleaned_data[f"culture_{culture}"] for culture, _ in LEARNING_CULTURES}

    def ratings(self) -> dict[int, tuple[int, str]]:
        return {
            question.pk: (self.cleaned_data[rating], self.cleaned_data.get(comment, ""))
            for _, _, names in self.domains
            for question, rating, comment in names
        }


class PeriodForm(forms.Form):
    start = forms.DateField(label="From", required=False, widget=DATE_WIDGET)
    end = forms.DateField(label="To", required=False, widget=DATE_WIDGET)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", "The end of the period must be on or after its start.")
        return data


class ImprovementPlanForm(forms.Form):
    """One action per weak question: what, who and when to review; a question left without an action is skipped."""

    def __init__(self, *args, questions, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for question in questions:
            self.fields[f"action_{question.pk}"] = forms.CharField(
                label="Action", widget=forms.Textarea(attrs={"rows": 2}), max_length=1000, required=False
            )
            self.fields[f"owner_{question.pk}"] = SafeModelChoiceField(
                label="Who will do it", queryset=owners, required=False, empty_label="Choose a person"
            )
            self.fields[f"owner_{question.pk}"].label_from_instance = lambda person: person.name
            self.fields[f"review_{question.pk}"] = forms.DateField(
                label="Review on", widget=DATE_WIDGET, required=False
            )
            self.rows.append((question, f"action_{question.pk}", f"owner_{question.pk}", f"review_{question.pk}"))

    def clean(self):
        data = super().clean()
        written = 0
        for _question, action, owner, review in self.rows:
            if not (data.get(action) or "").strip():
                continue
            written += 1
            if not data.get(owner) and owner not in self.errors:
                self.add_error(owner, "Choose who will do this action.")
            if not data.get(review) and review not in self.errors:
                self.add_error(review, "Give the date the group will review this action.")
        if not written and not self.errors:
            raise forms.ValidationError("Write an action for at least one question.")
        return data

    def actions(self) -> list[dict]:
        return [
            {
                "question": question,
                "action": self.cleaned_data[action],
                "owner": self.cleaned_data[owner],
                "review_on": self.cleaned_data[review],
            }
            for question, action, owner, review in self.rows
            if (self.cleaned_data.get(action) or "").strip()
        ]
