"""Two single-column foreign key indexes dropped: each is the first column of another index.

Written as SQL rather than AlterField: on SQLite AlterField remakes the whole table, and
events_event's remade table would lose the triggers of 0002 (a meeting's body is a body).
"""

import django.db.models.deletion
from django.db import migrations, models

# (table, index, column): the names Django gave them, the same on SQLite and PostgreSQL.
DROPPED = [
    ("events_event", "events_event_organizer_id_3afa7809", "organizer_id"),
    ("events_occurrence", "events_occurrence_area_id_aa0efb04", "area_id"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0004_help_texts"),
        ("events", "0004_feed_texts"),
        ("geography", "0003_help_texts"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    f'DROP INDEX "{index}"',
                    reverse_sql=f'CREATE INDEX "{index}" ON "{table}" ("{column}")',
                )
                for table, index, column in DROPPED
            ],
            state_operations=[
                migrations.AlterField(
                    model_name="event",
                    name="organizer",
                    field=models.ForeignKey(
                        db_index=False,
                        help_text=(
                            "The organisation that arranges it; for a body's meeting, who "
                            "convenes it."
                        ),
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="organized_events",
                        to="directory.organization",
                        verbose_name="organiser",
                    ),
                ),
                migrations.AlterField(
                    model_name="occurrence",
                    name="area",
                    field=models.ForeignKey(
                        db_index=False,
                        help_text="The municipality it is listed under.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="geography.area",
                    ),
                ),
            ],
        ),
    ]
