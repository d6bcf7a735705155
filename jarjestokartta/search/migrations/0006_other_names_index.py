"""PostgreSQL: a small full-text index of the other names alone (abbreviations, former names).

A search with more matches than it ranks asks first for those with the words in their other
names. The main index cannot tell a term's weight, so the planner read every document to
find none (no synthetic document has other names; few real ones do): 132 ms for "talkoot"
at 30,000 organisations. Only documents with other names are in this one.
"""

from django.db import migrations

CREATE = (
    "CREATE INDEX search_document_other_names ON search_searchdocument "
    "USING gin (to_tsvector('simple', other_terms)) WHERE other_terms <> ''"
)
DROP = "DROP INDEX search_document_other_names"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("search", "0005_facet_of_document")]

    operations = [migrations.RunPython(forwards, backwards)]
