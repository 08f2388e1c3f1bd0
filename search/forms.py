from django import forms

from search.selectors import KINDS, MAX_QUERY


class SearchForm(forms.Form):
    """The search box: the words to find, and optionally one kind of result to see in full."""

    q = forms.CharField(
        label="Search",
        max_length=MAX_QUERY,
        required=False,
        error_messages={"max_length": f"Search for at most {MAX_QUERY} characters: a few words work best."},
    )
    kind = forms.ChoiceField(choices=[("", "Everything")] + [(k.key, k.label) for k in KINDS], required=False)
