"""Choosing several of something works with a finger: every multiple choice in every form is a list of
checkboxes (long ones gain a search box, static/js/app.js), never a list box that needs Ctrl or Cmd."""

import importlib
import pkgutil
from pathlib import Path

from django import forms
from django.apps import apps
from django.conf import settings


def project_form_classes() -> list[type[forms.BaseForm]]:
    root = Path(settings.BASE_DIR)
    for config in apps.get_app_configs():
        if not Path(config.path).is_relative_to(root) or ".venv" in Path(config.path).parts:
            continue
        try:
            module = importlib.import_module(f"{config.name}.forms")
        except ModuleNotFoundError:
            continue
        if hasattr(module, "__path__"):
            for info in pkgutil.iter_modules(module.__path__):
                importlib.import_module(f"{module.__name__}.{info.name}")
    found, queue = [], [forms.BaseForm]
    while queue:
        for cls in queue.pop().__subclasses__():
            queue.append(cls)
            if cls.__module__.split(".")[0] in {c.name for c in apps.get_app_configs()} and hasattr(cls, "base_fields"):
                found.append(cls)
    return found


def test_every_multiple_choice_is_a_list_of_checkboxes():
    classes = project_form_classes()
    assert len(classes) > 40, "the walk found too few forms to be trusted"
    multiple = [
        (f"{cls.__module__}.{cls.__name__}.{name}", field.widget)
        for cls in classes
        for name, field in cls.base_fields.items()
        if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField)
    ]
    assert len(multiple) >= 5
    assert [where for where, widget in multiple if not isinstance(widget, forms.CheckboxSelectMultiple)] == []


def test_no_page_or_field_tells_people_to_hold_ctrl():
    templates = [p for p in (Path(settings.BASE_DIR) / "templates").rglob("*.html") if "Ctrl" in p.read_text()]
    help_texts = [
        f"{cls.__name__}.{name}"
        for cls in project_form_classes()
        for name, field in cls.base_fields.items()
        if "Ctrl" in str(field.help_text)
    ]
    assert templates == [] and help_texts == []
