"""The outbox: one row per recipient claims a unit of work (an email, usually), and the task that does it is queued
only once that row is committed. The row's unique constraint means a second run, or two runs at the same moment,
claim nothing twice; a run that stopped part-way is finished by the next, which claims only what is left."""

from collections.abc import Iterable
from functools import partial

from django.db import IntegrityError, transaction
from django.db.models import Model


def claim_and_queue(model: type[Model], claims: Iterable[dict], *, task) -> int:
    """For each dict of field values in `claims`, create a `model` row unless one exists, and queue `task` with the
    new row's id after commit. Returns how many rows were claimed (and so how many tasks queued)."""
    queued = 0
    for fields in claims:
        try:
            with transaction.atomic():
                row, created = model.objects.get_or_create(**fields)
                if created:
                    transaction.on_commit(partial(task.delay, row.pk))
        except IntegrityError:  # another run claimed it at the same moment
            continue
        queued += int(created)
    return queued
