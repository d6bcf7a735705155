"""Popolo JSON records: their fields, rules and the normal form used for comparison.

Each record type is the one field map of its kind of record: every field is declared here once,
with its type, its description and where our models keep it (popolo/fieldmap.py). The import,
the export, the reference checks and the API's loading and documentation all follow it.

Pure Python (pydantic and python-stdnum, no Django), so it is tested without a database. A file
is checked as a whole and every problem is reported with the id of the record it is in.
"""

from functools import cache
from typing import Annotated, Any, Literal, TypeVar, cast, get_args

from pydantic import (
    BaseModel,
    BeforeValidator,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from jarjestokartta.core import partial_dates, vocabulary
from jarjestokartta.popolo.event_records import Event
from jarjestokartta.popolo.fieldmap import (
    AreaCodes,
    Coded,
    Column,
    DayColumn,
    Frequency,
    Links,
    Member,
    Ref,
    Rows,
)
from jarjestokartta.popolo.parts import (
    CONTACT_TYPES,
    OTHER_NAME_KINDS,
    ContactDetail,
    FullDate,
    Id,
    Identifier,
    Link,
    ListOf,
    MeetingFrequency,
    MemberRef,
    Name,
    OptionalId,
    OtherName,
    PartialDate,
    Record,
    SetOf,
    Text,
    Word,
    none_to_empty,
    none_to_list,
    one_to_list,
    prune,
)

__all__ = ["CONTACT_TYPES", "OTHER_NAME_KINDS", "Event", "Record", "prune"]  # as others use them

COLLECTIONS = ("areas", "organizations", "persons", "posts", "memberships", "events")

AreaKind = Literal["municipality", "region", "wellbeing_county", "other"]
AREA_KINDS: tuple[str, ...] = get_args(AreaKind)
# The codes of roles and kinds of organisation. A file may name them in its own words
# ("varajäsen", "working group"): those are recognised (core/vocabulary.py), an unknown one is
# "other", and the text as written is kept and exported again.
ORGANIZATION_KINDS = vocabulary.KINDS
ROLES = vocabulary.ROLES


_SPAN = (("start_date", "start_date"), ("end_date", "end_date"))
_CONTACT = (("type", "type"), ("value", "value"), ("label", "label"), ("note", "note"))


def _check_order(start: str, end: str, end_name: str) -> None:
    if start and end and partial_dates.span(start)[0] > partial_dates.span(end)[1]:
        raise ValueError(f"{end_name} {end!r} is before the start {start!r}")


# Each field of a record type: its type, where our models keep it (popolo/fieldmap.py) and what
# it means (the API documents it with these words). "ext" marks our extensions of Popolo.
def _about(text: str) -> Any:
    return Field(description=text)


START = "Start date: YYYY, YYYY-MM or YYYY-MM-DD, as precise as known"
END = "End date: YYYY, YYYY-MM or YYYY-MM-DD; left out while it lasts"
NAME_SV = "The name in Swedish, if it has one (ext)"
NAME_EN = "The name in English, if it has one (ext)"
AS_WRITTEN = "; a word of the source's own (e.g. varajäsen) is given as it was written"


class Area(Record):
    name: Annotated[Name, Column(), _about("The name in Finnish")]
    name_sv: Annotated[Text, Column(), _about(NAME_SV)] = ""
    name_en: Annotated[Text, Column(), _about(NAME_EN)] = ""
    classification: Annotated[
        AreaKind,
        Column(),
        _about("municipality, region, wellbeing_county or other"),
    ] = "other"
    identifiers: Annotated[
        ListOf[Identifier],
        AreaCodes(),
        _about("Statistics Finland's code: kuntanumero, maakuntakoodi, hyvinvointialuekoodi …"),
    ]
    parent_id: Annotated[
        OptionalId,
        Ref("parent", target="areas"),
        _about("The area it is part of (areas outside the reference geography)"),
    ]


class Organization(Record):
    name: Annotated[Name, Column(), _about("The name in Finnish")]
    name_sv: Annotated[Text, Column(), _about(NAME_SV)] = ""
    name_en: Annotated[Text, Column(), _about(NAME_EN)] = ""
    other_names: Annotated[
        ListOf[OtherName],
        Rows("other_names", (("name", "name"), ("note", "kind"), *_SPAN)),
        _about("Other names and abbreviations"),
    ]
    identifiers: Annotated[
        ListOf[Identifier],
        Rows("identifiers", (("scheme", "scheme"), ("identifier", "identifier"))),
        _about("Y-tunnus, association register number and other identifiers"),
    ]
    classification: Annotated[
        Word,
        StringConstraints(min_length=1, pattern=r"\S"),
        Coded(code_of=vocabulary.kind_code),
        _about(
            "What kind of organisation: association, public_body, network, council …" + AS_WRITTEN
        ),
    ]
    parent_id: Annotated[
        OptionalId,
        Ref("parent", target="organizations"),
        _about("The organisation it is part of, e.g. its federation"),
    ]
    area_id: Annotated[OptionalId, Ref("area", target="areas"), _about("Home municipality")]
    operating_area_ids: Annotated[
        SetOf[Id],
        Links("operating_areas", target="areas"),
        _about("The areas it works in besides its home municipality (ext)"),
    ]
    abstract: Annotated[Text, Column(), _about("One or two sentences")] = ""
    description: Annotated[Text, Column(), _about("A longer account of what it does")] = ""
    founding_date: Annotated[
        PartialDate, Column(), _about("Founded (partial date); for a project, its start")
    ] = ""
    dissolution_date: Annotated[
        PartialDate, Column(), _about("Dissolved (partial date); for a project, its end")
    ] = ""
    contact_details: Annotated[
        ListOf[ContactDetail],
        Rows("contact_details", _CONTACT),
        _about("E-mail, phone, address …"),
    ]
    links: Annotated[
        ListOf[Link],
        Rows("links", (("url", "url"), ("note", "note"))),
        _about("Its web pages"),
    ]
    themes: Annotated[
        SetOf[Name],
        Links("themes"),
        _about("What it works on, by the themes' Finnish names (ext)"),
    ]
    target_groups: Annotated[
        SetOf[Name],
        Links("target_groups"),
        _about("Whom its activity is for, by the target groups' Finnish names (ext)"),
    ]
    meeting_frequency: Annotated[
        MeetingFrequency | None, Frequency("meetings"), _about("How often a body meets (ext)")
    ] = None
    how_to_join: Annotated[
        Text, Column(), _about("How a new member or participant can join (ext)")
    ] = ""
    source: Annotated[Text, Column(), _about("Where the data came from (ext)")] = ""
    last_verified: Annotated[
        FullDate,
        DayColumn(),
        _about("When the data was last checked against its source, YYYY-MM-DD (ext)"),
    ] = ""

    @model_validator(mode="after")
    def dates_in_order(self) -> "Organization":
        _check_order(self.founding_date, self.dissolution_date, "dissolution_date")
        return self


class Person(Record):
    name: Annotated[Name, Column(), _about("The full name")]
    given_name: Annotated[Text, Column(), _about("The given name, when recorded apart")] = ""
    family_name: Annotated[Text, Column(), _about("The family name, when recorded apart")] = ""
    public: Annotated[
        bool,
        Column("is_public"),
        _about("Whether the person agreed to be named in public (ext)"),
    ] = False
    contact_details: Annotated[
        ListOf[ContactDetail],
        Rows("contact_details", _CONTACT),
        _about("E-mail, phone, address …"),
    ]


class Post(Record):
    label: Annotated[Name, Column(), _about('The seat\'s name, e.g. "Lapset ja perheet"')]
    other_label: Annotated[
        list[Name],
        BeforeValidator(none_to_list),
        BeforeValidator(one_to_list),
        Column(),
        _about("Other names of the seat"),
    ] = Field(default_factory=list)
    organization_id: Annotated[
        Id, Ref("organization", target="organizations"), _about("The body the seat is in")
    ]
    role: Annotated[
        Word,
        BeforeValidator(none_to_empty),
        Coded(code_of=vocabulary.role_code, blank=True),
        _about("The role of whoever holds the seat, e.g. member" + AS_WRITTEN),
    ] = ""
    area_id: Annotated[
        OptionalId, Ref("area", target="areas"), _about("The area the seat stands for, if any")
    ]
    start_date: Annotated[PartialDate, Column(), _about(START)] = ""
    end_date: Annotated[PartialDate, Column(), _about(END)] = ""

    @model_validator(mode="after")
    def dates_in_order(self) -> "Post":
        _check_order(self.start_date, self.end_date, "end_date")
        return self


class Membership(Record):
    organization_id: Annotated[
        Id,
        Ref("organization", target="organizations"),
        _about("The body or organisation the member belongs to"),
    ]
    person_id: Annotated[
        OptionalId, Ref("person", target="persons"), _about("The member, when a person")
    ]
    member: Annotated[
        MemberRef | None,
        Member("member_organization", target="organizations"),
        _about("A member organisation"),
    ] = None
    role: Annotated[
        Word,
        Coded(code_of=vocabulary.role_code),
        _about(
            "How the member stands to the body: member, deputy_member, chair, funder, "
            "appointing_body …" + AS_WRITTEN
        ),
    ] = "member"
    label: Annotated[Text, Column(), _about('Free text, e.g. a title: "Projektipäällikkö"')] = ""
    post_id: Annotated[
        OptionalId,
        Ref("post", target="posts"),
        _about("The seat held, if the body has named seats"),
    ]
    on_behalf_of_id: Annotated[
        OptionalId,
        Ref("on_behalf_of", target="organizations"),
        _about("The organisation the member represents"),
    ]
    deputy_of_id: Annotated[
        OptionalId,
        Ref("deputy_of", target="memberships"),
        _about("The membership this one deputises (ext)"),
    ]
    appointed_by_id: Annotated[
        OptionalId,
        Ref("appointed_by", target="organizations"),
        _about("The organisation that appointed the member (ext)"),
    ]
    start_date: Annotated[PartialDate, Column(), _about(START)] = ""
    end_date: Annotated[PartialDate, Column(), _about(END)] = ""

    @field_validator("role", mode="before")
    @classmethod
    def role_default(cls, value: Any) -> Any:
        return "member" if value is None or value == "" else value

    @model_validator(mode="after")
    def one_member(self) -> "Membership":
        if self.member and self.member.type == "Person" and self.person_id is None:
            # {"@type": "Person"} is the same as person_id; keep one spelling.
            self.person_id, self.member = self.member.id, None
        if (self.person_id is None) == (self.member is None):
            raise ValueError("give exactly one member: person_id or member")
        if self.deputy_of_id is not None and self.deputy_of_id == self.id:
            raise ValueError("a membership cannot be its own deputy")
        _check_order(self.start_date, self.end_date, "end_date")
        return self

    @property
    def member_organization_id(self) -> str | None:
        return self.member.id if self.member else None


MODELS: dict[str, type[Record]] = {
    "areas": Area,
    "organizations": Organization,
    "persons": Person,
    "posts": Post,
    "memberships": Membership,
    "events": Event,
}
COLLECTION_OF: dict[type[Record], str] = {model: name for name, model in MODELS.items()}

_Record = TypeVar("_Record", bound=Record)


def of_type(model: type[_Record], items: list[Record]) -> list[_Record]:
    """A collection's records as the record type they are, which a list kept by collection
    name cannot say: each was validated by its collection's model (MODELS). This only tells the
    type checker so; it neither checks nor copies the list (a national file has 500,000)."""
    return cast(list[_Record], items)


_field_sets: dict[frozenset[str], set[str]] = {}


def share_field_sets(record: BaseModel) -> None:
    """Let records that were given the same fields share one set of their names.

    Pydantic keeps, in every model instance, a set of the fields its input gave (used by
    exclude_unset, which we never use): a third of the memory of a national file's records.
    Records are not assigned to after validation (model_copy makes new sets), so records with
    the same fields can share one set.
    """
    given = record.__pydantic_fields_set__
    object.__setattr__(
        record, "__pydantic_fields_set__", _field_sets.setdefault(frozenset(given), given)
    )
    for name in _nested_fields(type(record)):
        value = getattr(record, name)
        for item in value if isinstance(value, list) else (value,) if value else ():
            share_field_sets(item)


@cache
def _nested_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a model that hold other models (or lists of them)."""
    return tuple(
        name
        for name, info in model.model_fields.items()
        if any(
            isinstance(kind, type) and issubclass(kind, BaseModel)
            for kind in (info.annotation, *get_args(info.annotation))
        )
    )


def normal_form(collection: str, raw: dict[str, Any]) -> dict[str, Any]:
    """The normal form of a raw record (raises pydantic's ValidationError when invalid)."""
    return MODELS[collection].model_validate(raw).normal_form()
