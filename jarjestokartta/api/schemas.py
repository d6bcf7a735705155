"""The documented shapes of the API's records: Popolo's field names (docs/popolo.md).

The records' schemas are made from the Popolo record types (popolo/records.py), whose fields
are the one field map of each kind of record: the API documents what the import and export do.

Empty values are left out of records, as in the Popolo export, so every field but the required
ones may be missing. Records may carry further Popolo fields that an import brought in.
"""

from typing import Any, Literal

from ninja import Schema
from pydantic import ConfigDict, Field, create_model
from pydantic.fields import FieldInfo

from jarjestokartta.api.common import Page
from jarjestokartta.popolo import records

OrganizationKind = Literal[records.ORGANIZATION_KINDS]  # type: ignore[valid-type]
AreaKind = Literal[records.AREA_KINDS]  # type: ignore[valid-type]
Role = Literal[records.ROLES]  # type: ignore[valid-type]
# In records, roles and kinds are as the data's source wrote them (Popolo's free text): one of
# the codes above, or another word ("varajäsen", "valmistelija"). Filters take the codes.


class Open(Schema):
    model_config = ConfigDict(extra="allow")


# Shared wording: the same field means the same in every record.
ID = "The record's Popolo id, stable across exports"
NAME_SV = "The name in Swedish, if it has one"
NAME_EN = "The name in English, if it has one"


def record_schema(record: type[records.Record], **overrides: tuple[Any, FieldInfo]) -> type[Open]:
    """The API's schema of a Popolo record type, from the record type itself: its fields,
    types, defaults and descriptions, which are its field map (popolo/records.py), so that a
    field added there is documented here. `overrides` says what the API says otherwise."""
    fields: dict[str, Any] = {}
    for name, info in record.model_fields.items():
        given: dict[str, Any] = {"description": info.description or ID}
        if info.alias:
            given["alias"] = info.alias
        if info.default_factory is not None:
            given["default_factory"] = info.default_factory
        elif not info.is_required():
            given["default"] = info.default
        fields[name] = (info.annotation, Field(**given))
    fields.update(overrides)
    return create_model(record.__name__, __base__=Open, **fields)


Membership = record_schema(
    records.Membership,
    person_id=(
        str | None,
        Field(
            None,
            description="A public person's id; for a person who has not agreed to be named, a "
            "placeholder id starting nimeamaton- of this membership alone",
        ),
    ),
)
Post = record_schema(records.Post)
Organization = record_schema(
    records.Organization,
    memberships=(
        list[Membership],
        Field([], description="With include=memberships: the memberships in this organisation"),
    ),
    posts=(list[Post], Field([], description="With include=posts: the seats of this body")),
)
Person = record_schema(
    records.Person,
    public=(
        bool,
        Field(True, description="Agreed to be named; the API lists no one else (always true here)"),
    ),
)
Area = record_schema(
    records.Area,
    id=(str, Field(description="E.g. kunta:297 or maakunta:11 in the reference geography")),
)


class Term(Schema):
    id: str = Field(description="The slug used in filters")
    name: str = Field(description="The name in Finnish, as the records name it")
    name_sv: str = Field("", description=NAME_SV)
    name_en: str = Field("", description=NAME_EN)


class OrganizationPage(Page):
    contents: list[Organization] = Field(description="The organisations on this page")


class MembershipPage(Page):
    contents: list[Membership] = Field(description="The memberships on this page")


class PersonPage(Page):
    contents: list[Person] = Field(description="The public persons on this page")


class PostPage(Page):
    contents: list[Post] = Field(description="The seats on this page")


class AreaPage(Page):
    contents: list[Area] = Field(description="The areas on this page")


class TermPage(Page):
    contents: list[Term] = Field(description="The themes or target groups on this page")
