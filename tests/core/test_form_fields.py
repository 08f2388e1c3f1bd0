import pytest
from django import forms

from core.form_fields import SafeModelChoiceField, SafeModelMultipleChoiceField
from sites.models import Site


class SiteChoiceForm(forms.Form):
    site = SafeModelChoiceField(queryset=Site.objects.all())
    sites = SafeModelMultipleChoiceField(queryset=Site.objects.all(), required=False)


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["99999999999999999999", "-99999999999999999999", "1e309", "abc"])
def test_out_of_range_ids_are_a_form_error_not_a_database_error(site, value):
    form = SiteChoiceForm(data={"site": value, "sites": [str(site.pk), value]})
    assert not form.is_valid()
    assert "site" in form.errors and "sites" in form.errors


@pytest.mark.django_db
def test_real_ids_still_work(site):
    form = SiteChoiceForm(data={"site": str(site.pk), "sites": [str(site.pk)]})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["site"] == site
