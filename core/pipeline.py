"""Several reads sent to PostgreSQL before the first one's rows are read, so that the database runs each while Python
builds and compiles the next (psycopg's pipeline mode): a page of many small independent reads then waits for the
database about once, not once per read. Elsewhere (SQLite, or a libpq without pipeline mode) each read runs when it
is sent, as it would on its own.

    with pipeline():
        sent = [SentRead(queryset.values("pk", "title")[:6]) for queryset in querysets]
    rows = [read.rows() for read in sent]  # dicts, as values() gives them

The reads go through Django's cursors (counted, logged and wrapped as any other query). Inside the block nothing
should wait for a row: a query whose rows are read there (a rule reading the person's roles) is still right, but
PostgreSQL must first finish every read sent before it."""

from __future__ import annotations

from contextlib import contextmanager

from django.db import connections
from django.db.models import QuerySet
from django.db.models.sql.constants import CURSOR


def _pipelines(connection) -> bool:
    if connection.vendor != "postgresql":
        return False
    from psycopg import Pipeline

    return Pipeline.is_supported()


@contextmanager
def pipeline(using: str = "default"):
    """Send the reads made inside without waiting for their rows (PostgreSQL); their rows are all in when it ends."""
    connection = connections[using]
    if not _pipelines(connection):
        yield
        return
    connection.ensure_connection()
    with connection.wrap_database_errors, connection.connection.pipeline():  # a read's error is raised at the end
        yield


class SentRead:
    """A values() queryset's read, sent when made; rows() gives its rows as values() would."""

    def __init__(self, queryset: QuerySet):
        query = queryset.query
        self._compiler = query.get_compiler(using=queryset.db)
        # As ValuesIterable names the columns (extra(select=...) ones first).
        self._names = list(query.selected or (*query.extra_select, *query.values_select, *query.annotation_select))
        self._cursor = self._compiler.execute_sql(CURSOR)  # None when nothing can match (an empty IN list)
        self._rows: list[dict] | None = None
        if not _pipelines(self._compiler.connection):
            self._fetch()  # SQLite: read now, before another statement runs on the connection

    def _fetch(self) -> None:
        if self._cursor is None:
            self._rows = []
            return
        try:
            fetched = self._cursor.fetchall()
        finally:
            self._cursor.close()
        names = self._names
        self._rows = [dict(zip(names, row, strict=False)) for row in self._compiler.results_iter(results=[fetched])]

    def rows(self) -> list[dict]:
        if self._rows is None:
            self._fetch()
        return self._rows
