"""Moving models between apps without touching their tables (the model keeps its table with db_table; the
migrations are state only). What does move is the model's content type: `move_content_types` is the data migration
that relabels it, so the admin's history and any permission given on the model still name it."""

from django.db import migrations


def move_content_types(old_app: str, new_app: str, models: list[str]) -> migrations.RunPython:
    """A RunPython operation moving the content types of `models` (lower-case names) from old_app to new_app, and
    back when reversed. A content type already under the new label (made by a migrate in between) is left alone."""

    def relabel(apps, from_app: str, to_app: str) -> None:
        ContentType = apps.get_model("contenttypes", "ContentType")
        for model in models:
            if not ContentType.objects.filter(app_label=to_app, model=model).exists():
                ContentType.objects.filter(app_label=from_app, model=model).update(app_label=to_app)

    return migrations.RunPython(
        lambda apps, schema_editor: relabel(apps, old_app, new_app),
        lambda apps, schema_editor: relabel(apps, new_app, old_app),
    )
