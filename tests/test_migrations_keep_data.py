"""Moving models between apps keeps their data: a database built with the migrations as they were before the layers
refactor, holding the demo programme, migrates to the new layout and still has every row of every table, read now
through the models in their new apps (memberships in sites, the meeting cycle in cycle, digests in digests)."""

from datetime import timedelta

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.state import ProjectState
from django.utils import timezone

# The last migration of each app before the refactor; cycle and digests did not exist.
BEFORE = [
    ("api", "0001_api_tokens"),
    ("audit", "0002_append_only_triggers"),
    ("cases", "0007_search_documents_stored_inline"),
    ("evaluation", "0002_seed_adair_questions"),
    ("forum", "0001_initial"),
    ("members", "0003_meeting_history_budget_and_targets"),
    ("newsletters", "0002_commissioner_digests"),
    ("sites", "0003_meeting_cycle_series_agenda_record_experts"),
    ("toolkit", "0004_default_steps_answered_by_records"),  # nothing moved out of toolkit: its latest, for the demo
    ("cycle", None),
    ("digests", None),
]
# Where each moved model was before, and where it is now (its table kept its name).
MOVED = {
    ("members", "Membership"): "sites",
    ("members", "Invitation"): "sites",
    ("sites", "AgendaItem"): "cycle",
    ("sites", "AgendaPublication"): "cycle",
    ("sites", "AgendaDelivery"): "cycle",
    ("sites", "MeetingRecord"): "cycle",
    ("sites", "RecordEntry"): "cycle",
    ("sites", "RecordAction"): "cycle",
    ("sites", "RecordComment"): "cycle",
    ("sites", "RecordVersion"): "cycle",
    ("sites", "RecordDelivery"): "cycle",
    ("sites", "ActionReminder"): "cycle",
    ("newsletters", "Digest"): "digests",
    ("newsletters", "DigestSubscription"): "digests",
    ("newsletters", "CommissionerResponse"): "digests",
}
CHANGED_BY_THE_MOVE = {"django_migrations", "django_content_type"}


def migrate(targets) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def every_row(shape: dict[str, list[str]] | None = None) -> tuple[dict[str, list[tuple]], dict[str, list[str]]]:
    """Every row of every table (or of the tables and columns in `shape`, as they were), and the shape read."""
    rows, read = {}, {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names()):
            if table in CHANGED_BY_THE_MOVE or (shape is not None and table not in shape):
                continue
            columns = (
                shape[table]
                if shape is not None
                else [c.name for c in connection.introspection.get_table_description(cursor, table)]
            )
            names = ", ".join(connection.ops.quote_name(c) for c in columns)
            cursor.execute(f"SELECT {names} FROM {connection.ops.quote_name(table)}")  # noqa: S608 - our own names
            rows[table], read[table] = sorted(cursor.fetchall(), key=repr), columns
    return rows, read


def content_type_ids() -> dict[tuple[str, str], int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT app_label, model, id FROM django_content_type")
        return {(app_label, model): pk for app_label, model, pk in cursor.fetchall()}


def add_what_later_migrations_add() -> list:
    """Today's code writes the demo, and migrations made after the move add tables and columns it writes to. Add
    them for the while (empty, as their own migrations would) and take them away again before comparing, so this
    test keeps checking the move however the schema grows. (A column removed since would still break it.)"""
    added = []
    with connection.cursor() as cursor:
        tables = set(connection.introspection.table_names(cursor))
        columns = {
            table: {c.name for c in connection.introspection.get_table_description(cursor, table)} for table in tables
        }
    with connection.schema_editor() as editor:
        for model in apps.get_models():
            if model._meta.db_table not in tables:
                if model._meta.managed and not model._meta.proxy and not model._meta.auto_created:
                    editor.create_model(model)
                    added.append((model, None))
                continue
            for field in model._meta.local_fields:
                if field.column and field.column not in columns[model._meta.db_table]:
                    editor.add_field(model, field)
                    added.append((model, field))
    return added


def take_away(added: list) -> None:
    """Drop what `add_what_later_migrations_add` added. SQLite drops a column by remaking the table from the model
    it is given, so each removal is given the table as it is at that moment: today's model less what is gone."""
    state = ProjectState.from_apps(apps)
    with connection.schema_editor() as editor:
        for model, field in reversed(added):
            if field is None:
                editor.delete_model(model)
                continue
            key = (model._meta.app_label, model._meta.model_name)
            now = state.apps.get_model(*key)
            editor.remove_field(now, now._meta.get_field(field.name))
            state.remove_field(*key, field.name)


def add_a_row_to_each_moved_table_the_demo_leaves_empty(old_apps) -> None:
    """The demo has no invitation, digest, correction or old-style commissioner's response: make one of each with the
    models as they were."""
    model = old_apps.get_model
    person = model("members", "User").objects.get(email="member@example.org")
    admin = model("members", "User").objects.get(email="admin@example.org")
    site = model("sites", "Site").objects.get(code="CP1")
    meeting = model("sites", "Meeting").objects.filter(site=site).order_by("starts_at").first()
    now = timezone.now()
    if not model("members", "Invitation").objects.exists():
        model("members", "Invitation").objects.create(
            email="new@example.org", site=site, role="member", token_hash="0" * 64, invited_by=admin,
            created_at=now, expires_at=now + timedelta(days=14),
        )  # fmt: skip
    if not model("sites", "AgendaPublication").objects.exists():
        model("sites", "AgendaPublication").objects.create(meeting=meeting, published_by=admin)
    if not model("sites", "AgendaDelivery").objects.exists():
        model("sites", "AgendaDelivery").objects.create(meeting=meeting, person=person)
    entry = model("sites", "RecordEntry").objects.first()
    if not model("sites", "RecordComment").objects.exists():
        model("sites", "RecordComment").objects.create(entry=entry, author=person, text="The date was the 3rd.")
    version = model("sites", "RecordVersion").objects.first()
    if not model("sites", "RecordDelivery").objects.exists():
        model("sites", "RecordDelivery").objects.create(version=version, person=person)
    if not model("sites", "ActionReminder").objects.exists():
        model("sites", "ActionReminder").objects.create(action=model("sites", "RecordAction").objects.first())
    if not model("newsletters", "CommissionerResponse").objects.exists():  # the demo responds through issues now
        model("newsletters", "CommissionerResponse").objects.create(
            case=model("cases", "Case").objects.exclude(status="draft").exclude(commissioner_issues="").first(),
            responder=admin, text="We are looking at weekend cover.", created_at=now,
        )  # fmt: skip
    if not model("newsletters", "Digest").objects.exists():
        model("newsletters", "Digest").objects.create(
            requested_by=admin, period_start=now.date() - timedelta(days=90), period_end=now.date()
        )


@pytest.mark.django_db(transaction=True)
def test_the_move_to_the_new_layout_keeps_every_row():
    migrate(BEFORE)
    try:
        old_apps = MigrationExecutor(connection).loader.project_state([t for t in BEFORE if t[1]]).apps
        for (old_app, name), _new_app in MOVED.items():
            old_apps.get_model(old_app, name)  # the moved models are where they were
        # The tables of the moved models are the ones the models use today, so today's code loads the demo.
        added = add_what_later_migrations_add()
        call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
        take_away(added)
        add_a_row_to_each_moved_table_the_demo_leaves_empty(old_apps)
        old_counts = {key: old_apps.get_model(*key).objects.count() for key in MOVED}
        before, shape = every_row()
        types_before = content_type_ids()
    finally:
        migrate(latest())

    after, _ = every_row(shape)  # later migrations add tables and columns: compare what was there
    assert after == before
    for (old_app, name), new_app in MOVED.items():
        model = apps.get_model(new_app, name)
        assert model.objects.count() == old_counts[(old_app, name)] > 0, f"{new_app}.{name}"
        assert model._meta.db_table == f"{old_app}_{name.lower()}"
    # The content types moved with their models (same rows, so the admin's history still points at them).
    types_after = content_type_ids()
    for (old_app, name), new_app in MOVED.items():
        assert types_after[(new_app, name.lower())] == types_before[(old_app, name.lower())]
