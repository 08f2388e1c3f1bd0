"""The set-up checklist: each site's own copy of the default steps, and the default list itself."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from sites.models import Site
from toolkit.models import DefaultChecklistItem, SiteChecklist, SiteChecklistItem


def ensure_site_checklist(site: Site) -> None:
    """Give the site its own copy of the default steps, once. Safe to call on every page view."""
    if SiteChecklist.objects.filter(site=site).exists():
        return
    try:
        with transaction.atomic():
            SiteChecklist.objects.create(site=site)
            SiteChecklistItem.objects.bulk_create(
                SiteChecklistItem(
                    site=site, source=item, title=item.title, guidance=item.guidance, link=item.link, position=index
                )
                for index, item in enumerate(DefaultChecklistItem.objects.in_use())
            )
    except IntegrityError:
        return  # another request created it at the same moment


@transaction.atomic
def tick_checklist_item(*, item: SiteChecklistItem, by, done_on: date, note: str = "") -> SiteChecklistItem:
    if done_on > timezone.localdate():
        raise ValidationError({"done_on": "The date cannot be in the future. Give the day the step was done."})
    item.done_on = done_on
    item.note = note.strip()
    item.updated_by = by
    item.updated_at = timezone.now()
    item.save(update_fields=["done_on", "note", "updated_by", "updated_at"])
    return item


@transaction.atomic
def untick_checklist_item(*, item: SiteChecklistItem, by, note: str = "") -> SiteChecklistItem:
    item.done_on = None
    item.note = note.strip()
    item.updated_by = by
    item.updated_at = timezone.now()
    item.save(update_fields=["done_on", "note", "updated_by", "updated_at"])
    return item


@transaction.atomic
def add_default_checklist_item(*, title: str, guidance: str = "", link: str = "") -> DefaultChecklistItem:
    last = DefaultChecklistItem.objects.in_use().aggregate(last=Max("position"))["last"] or 0
    return DefaultChecklistItem.objects.create(
        title=title.strip(), guidance=guidance.strip(), link=link.strip(), position=last + 10
    )


@transaction.atomic
def update_default_checklist_item(
    *, item: DefaultChecklistItem, title: str, guidance: str = "", link: str = ""
) -> DefaultChecklistItem:
    """Reword a default step. Sites that already have their checklist keep their wording."""
    item.title = title.strip()
    item.guidance = guidance.strip()
    item.link = link.strip()
    item.save(update_fields=["title", "guidance", "link"])
    return item


@transaction.atomic
def move_default_checklist_item(*, item: DefaultChecklistItem, direction: str) -> None:
    """Move a default step up or down one place among the steps in use, renumbering them all."""
    items = list(DefaultChecklistItem.objects.in_use().select_for_update())
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = index - 1 if direction == "up" else index + 1
    if not 0 <= target < len(items):
        return
    items[index], items[target] = items[target], items[index]
    for position, other in enumerate(items, start=1):
        other.position = position * 10
    DefaultChecklistItem.objects.bulk_update(items, ["position"])


@transaction.atomic
def retire_default_checklist_item(*, item: DefaultChecklistItem) -> None:
    item.retired_at = timezone.now()
    item.save(update_fields=["retired_at"])


@transaction.atomic
def restore_default_checklist_item(*, item: DefaultChecklistItem) -> None:
    last = DefaultChecklistItem.objects.in_use().aggregate(last=Max("position"))["last"] or 0
    item.retired_at = None
    item.position = last + 10
    item.save(update_fields=["retired_at", "position"])
