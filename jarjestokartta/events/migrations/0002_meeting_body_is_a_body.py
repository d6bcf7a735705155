"""A meeting's body must be a cooperation body: a check constraint cannot look at another
table, so triggers do it, on both databases, both when a meeting is written and when the
body's kind changes. The kinds are those of directory.models.BODY_KINDS on the day this was
written, spelled out so that the migration does not change when the code does."""

from django.db import migrations

BODY_KINDS = (
    "network",
    "council",
    "advisory_board",
    "partnership_table",
    "forum",
    "working_group",
)
KINDS = ", ".join(f"'{kind}'" for kind in BODY_KINDS)
MESSAGE = "events_event_body_is_cooperation_body"

SQLITE = [
    f"""
    CREATE TRIGGER events_event_body_kind_{when.lower()}
    BEFORE {when} ON events_event
    WHEN NEW.body_id IS NOT NULL AND (
        SELECT classification FROM directory_organization WHERE id = NEW.body_id
    ) NOT IN ({KINDS})
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;
    """
    for when in ("INSERT", "UPDATE")
] + [
    f"""
    CREATE TRIGGER directory_organization_meetings_body_kind
    BEFORE UPDATE OF classification ON directory_organization
    WHEN NEW.classification NOT IN ({KINDS})
        AND EXISTS (SELECT 1 FROM events_event WHERE body_id = NEW.id)
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;
    """
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS events_event_body_kind_insert;",
    "DROP TRIGGER IF EXISTS events_event_body_kind_update;",
    "DROP TRIGGER IF EXISTS directory_organization_meetings_body_kind;",
]

POSTGRES = [
    f"""
    CREATE FUNCTION events_event_body_kind() RETURNS trigger AS $$
    BEGIN
        IF NEW.body_id IS NOT NULL AND (
            SELECT classification FROM directory_organization WHERE id = NEW.body_id
        ) NOT IN ({KINDS}) THEN
            RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END $$ LANGUAGE plpgsql;
    """,
    """
    CREATE TRIGGER events_event_body_kind BEFORE INSERT OR UPDATE OF body_id ON events_event
    FOR EACH ROW EXECUTE FUNCTION events_event_body_kind();
    """,
    f"""
    CREATE FUNCTION directory_organization_meetings_body_kind() RETURNS trigger AS $$
    BEGIN
        IF NEW.classification NOT IN ({KINDS})
            AND EXISTS (SELECT 1 FROM events_event WHERE body_id = NEW.id) THEN
            RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END $$ LANGUAGE plpgsql;
    """,
    """
    CREATE TRIGGER directory_organization_meetings_body_kind
    BEFORE UPDATE OF classification ON directory_organization
    FOR EACH ROW EXECUTE FUNCTION directory_organization_meetings_body_kind();
    """,
]
POSTGRES_REVERSE = [
    "DROP TRIGGER IF EXISTS events_event_body_kind ON events_event;",
    "DROP FUNCTION IF EXISTS events_event_body_kind();",
    "DROP TRIGGER IF EXISTS directory_organization_meetings_body_kind ON directory_organization;",
    "DROP FUNCTION IF EXISTS directory_organization_meetings_body_kind();",
]


def create(apps, schema_editor):
    statements = POSTGRES if schema_editor.connection.vendor == "postgresql" else SQLITE
    for statement in statements:
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in POSTGRES_REVERSE if vendor == "postgresql" else SQLITE_REVERSE:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial"), ("directory", "0004_help_texts")]

    operations = [migrations.RunPython(create, drop)]
