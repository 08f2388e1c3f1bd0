import pytest
from django import forms

from core.form_fields import LARGEST_ID, SafeModelChoiceField, SafeModelMultipleChoiceField, whole_number
from sites.models import Site
from tests.security.hostile import HUGE_NUMBERS


class SiteChoiceForm(forms.Form):
    site = SafeModelChoiceField(queryset=Site.objects.all())
    sites = SafeModelMultipleChoiceField(queryset=Site.objects.all(), required=False)


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["99999999999999999999", "-99999999999999999999", "1e309", "abc", *HUGE_NUMBERS])
def test_out_of_range_ids_are_a_form_error_not_a_database_error(site, value):
    form = SiteChoiceForm(data={"site": value, "sites": [str(site.pk), value]})
    assert not form.is_valid()
    assert "site" in form.errors and "sites" in form.errors


@pytest.mark.django_db
def test_real_ids_still_work(site):
    form = SiteChoiceForm(data={"site": str(site.pk), "sites": [str(site.pk)]})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["site"] == site


NOT_IDS = [*HUGE_NUMBERS, None, "", " ", "0", "-1", "+1", "1.0", "1e3", "0x10", "1_000", "12\x00"]


@pytest.mark.parametrize("value", NOT_IDS)
def test_whole_number_is_none_for_anything_that_cannot_be_an_id(value):
    assert whole_number(value) is None


def test_whole_number_reads_ids_and_keeps_to_the_bounds():
    assert whole_number("42") == 42 and whole_number(" 7 ") == 7 and whole_number(LARGEST_ID) == LARGEST_ID
    assert whole_number(str(LARGEST_ID + 1)) is None
    assert whole_number("2026", smallest=1, largest=9999) == 2026 and whole_number("0", smallest=0) == 0
    assert whole_number("10000", largest=9999) is None
