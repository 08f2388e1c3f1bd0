"""Stored full-text search documents kept up to date by PostgreSQL itself, for the migrations that add them.

A model that one search box reads (forum posts, meetings, agenda items, meeting records, newsletter issues and their
articles) has a `search_vector = SearchVectorField(null=True, editable=False)` column. On PostgreSQL a trigger
recomputes it from the row's own text columns on every insert and on every update of those columns (a save through a
form, a service's `update_fields`, a bulk `update()`: none can leave it stale), and a GIN index serves the search. On
SQLite (development) these do nothing: the search falls back to a case-insensitive match of the text itself.

Each column is weighted: A for titles, B for summaries, C for bodies (ts_rank ranks A matches first).
"""

from __future__ import annotations

CONFIG = "english"
WEIGHTS = ("A", "B", "C", "D")


def _names(table: str) -> tuple[str, str, str]:
    return f"{table}_search_vector_update", f"{table}_search_vector", f"{table}_search_vector_gin"


def _document(columns: dict[str, str]) -> str:
    """The SQL of the weighted document made from NEW's `columns` ({column or SQL over NEW: weight})."""
    parts = []
    for column, weight in columns.items():
        assert weight in WEIGHTS, weight
        source = column if "(" in column else f"NEW.{column}"
        parts.append(f"setweight(to_tsvector('{CONFIG}'::regconfig, coalesce({source}, '')), '{weight}')")
    return " || ".join(parts)


def install_search_document(schema_editor, *, table: str, columns: dict[str, str], watch: tuple[str, ...] = ()) -> None:
    """Create the trigger that keeps `table.search_vector` up to date, and its GIN index (PostgreSQL only).

    `columns` maps each text column (or an SQL expression over NEW, such as a date written as words) to its
    weight; the trigger fires when any of the plain columns named there, or in `watch`, changes."""
    if schema_editor.connection.vendor != "postgresql":
        return
    function, trigger, index = _names(table)
    watched = ", ".join([column for column in columns if "(" not in column] + list(watch))
    schema_editor.execute(
        f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN NEW.search_vector := {_document(columns)}; RETURN NEW; END $$"
    )
    schema_editor.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")
    schema_editor.execute(
        f"CREATE TRIGGER {trigger} BEFORE INSERT OR UPDATE OF {watched} ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {function}()"
    )
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {index} ON {table} USING gin (search_vector)")
    # The row stays under 2 kB more often with the document kept in it (see cases migration 0007).
    schema_editor.execute(f"ALTER TABLE {table} ALTER COLUMN search_vector SET STORAGE MAIN")


def remove_search_document(schema_editor, *, table: str) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    function, trigger, index = _names(table)
    schema_editor.execute(f"DROP INDEX IF EXISTS {index}")
    schema_editor.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")
    schema_editor.execute(f"DROP FUNCTION IF EXISTS {function}()")


def fill_search_documents(schema_editor, *, table: str, column: str) -> None:
    """Compute the document of every existing row (PostgreSQL only): rewriting one watched column fires the trigger."""
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"UPDATE {table} SET {column} = {column}")  # noqa: S608 - our own names, no user input


def empty_search_documents(schema_editor, *, table: str) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"UPDATE {table} SET search_vector = NULL")  # noqa: S608 - our own names
