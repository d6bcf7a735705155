from django.db import migrations

from jarjestokartta.geography.reference import load_reference_geography


def load(apps, schema_editor):
    load_reference_geography(
        apps.get_model("geography", "Area"), apps.get_model("geography", "AreaLink")
    )


def unload(apps, schema_editor):
    Area = apps.get_model("geography", "Area")
    AreaLink = apps.get_model("geography", "AreaLink")
    AreaLink.objects.filter(area__is_reference=True).delete()
    Area.objects.filter(is_reference=True).delete()


class Migration(migrations.Migration):
    dependencies = [("geography", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
