"""The data step of the migrations that made names and titles bilingual (django-modeltranslation).

Rows written before then hold their text in the original column only; it was English, so
it becomes the English value (what ``manage.py update_translation_fields`` does, but inside
the migration, so an upgraded database never shows an empty name). The historical rows
get the same, so an old version reads as it did.
"""

from django.db import migrations
from django.db.models import F


def copy_to_english(app_label, fields_by_model):
    """A RunPython step: ``<field>_en = <field>`` for each model and field named."""

    def forwards(apps, schema_editor):
        for model_name, fields in fields_by_model.items():
            for name in (model_name, f"historical{model_name}"):
                try:
                    model = apps.get_model(app_label, name)
                except LookupError:
                    continue
                model._base_manager.update(**{f"{field}_en": F(field) for field in fields})

    return migrations.RunPython(forwards, migrations.RunPython.noop)
