from django.db import migrations

SQLITE = [
    (
        "CREATE VIRTUAL TABLE search_fts USING fts5("
        "name, other, body, places, tokenize = 'unicode61 remove_diacritics 0')",
        "DROP TABLE search_fts",
    ),
]
POSTGRESQL = [
    (
        "CREATE INDEX search_document_vector ON search_searchdocument USING gin (vector)",
        "DROP INDEX search_document_vector",
    ),
]


def statements(schema_editor):
    return {"sqlite": SQLITE, "postgresql": POSTGRESQL}.get(schema_editor.connection.vendor, [])


def forwards(apps, schema_editor):
    for create, _ in statements(schema_editor):
        schema_editor.execute(create)


def backwards(apps, schema_editor):
    for _, drop in reversed(statements(schema_editor)):
        schema_editor.execute(drop)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
