"""Compute the search document of every case that has none (PostgreSQL only).

Until one search covered cases at every stage, a case's document was first computed when it was edited or
published, so a draft never edited had none and could not be found by its presenters and facilitators. New cases
get theirs when created (cases.services.lifecycle.create_case); this fills the others, weighted as
cases.search.update_search_document does: title A, themes and summary B, the four parts and next steps C."""

from django.db import migrations

FILL = """
UPDATE cases_case AS c SET search_vector =
    setweight(to_tsvector('english'::regconfig, coalesce(c.title, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, coalesce(t.names, '') || ' ' || coalesce(c.summary, '')), 'B')
    || setweight(to_tsvector('english'::regconfig,
        concat_ws(' ', c.presentation, c.learning, c.commissioner_issues, coalesce(a.texts, ''))), 'C')
FROM cases_case AS c2
LEFT JOIN (
    SELECT ct.case_id, string_agg(th.name, ' ') AS names
    FROM cases_case_themes ct JOIN cases_theme th ON th.id = ct.theme_id GROUP BY ct.case_id
) AS t ON t.case_id = c2.id
LEFT JOIN (SELECT case_id, string_agg(text, ' ') AS texts FROM cases_actionitem GROUP BY case_id) AS a
    ON a.case_id = c2.id
WHERE c.id = c2.id AND c.search_vector IS NULL
"""


def fill(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FILL)


class Migration(migrations.Migration):
    dependencies = [("cases", "0011_seed_more_known_terms")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
