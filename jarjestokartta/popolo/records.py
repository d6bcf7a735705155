"""Popolo JSON records: parsing, validation and the normal form used for comparison.

Pure Python (pydantic and python-stdnum, no Django), so it is tested without a database. A file
is checked as a whole and every problem is reported with the id of the record it is in.
"""

import re
from datetime import date
from functools import cache
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from jarjestokartta.core import partial_dates, vocabulary
from jarjestokartta.directory import identifiers

COLLECTIONS = ("areas", "organizations", "persons", "posts", "memberships")

AREA_KINDS = ("municipality", "region", "wellbeing_county", "other")
# The codes of roles and kinds of organisation. A file may name them in its own words
# ("varajäsen", "working group"): those are recognised (core/vocabulary.py), an unknown one is
# "other", and the text as written is kept and exported again.
ORGANIZATION_KINDS = vocabulary.KINDS
ROLES = vocabulary.ROLES
CONTACT_TYPES = ("email", "phone", "address", "other")
OTHER_NAME_KINDS = ("abbreviation", "alternative", "former")


def _none_to_empty(value: Any) -> Any:
    return "" if value is None else value


def _none_to_list(value: Any) -> Any:
    return [] if value is None else value


def _check_partial_date(value: str) -> str:
    if value:
        partial_dates.span(value)  # PartialDateError is a ValueError: pydantic reports it
    return value


def _check_full_date(value: str) -> str:
    if value and not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        raise ValueError(f"{value!r} is not a date of the form YYYY-MM-DD")
    if value:
        date.fromisoformat(value)
    return value


def _one_to_list(value: Any) -> Any:
    """A single string where Popolo wants a list of them (as we once wrote other_label)."""
    return [value] if isinstance(value, str) else value


Text = Annotated[str, BeforeValidator(_none_to_empty)]
# A role or kind as a file writes it: free text in Popolo, recognised by core/vocabulary.py.
Word = Annotated[str, StringConstraints(max_length=200)]
Name = Annotated[str, StringConstraints(strip_whitespace=False, min_length=1, pattern=r"\S")]
Id = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=r"^\S+$")]
OptionalId = Annotated[Id | None, Field(default=None)]
PartialDate = Annotated[str, BeforeValidator(_none_to_empty), BeforeValidator(_check_partial_date)]
FullDate = Annotated[str, BeforeValidator(_none_to_empty), BeforeValidator(_check_full_date)]


def _list_of(item: Any) -> Any:
    return Annotated[list[item], BeforeValidator(_none_to_list), Field(default_factory=list)]


def _sorted_unique(values: list[str]) -> list[str]:
    return sorted(set(values))


def _set_of(item: Any) -> Any:
    """A list whose order carries no meaning (stored as a set): its normal form is sorted."""
    return Annotated[
        list[item],
        BeforeValidator(_none_to_list),
        AfterValidator(_sorted_unique),
        Field(default_factory=list),
    ]


class Part(BaseModel):
    """A nested object: unknown fields are an error, so nothing is silently dropped."""

    model_config = ConfigDict(extra="forbid")


class Identifier(Part):
    scheme: Name
    identifier: Name

    @model_validator(mode="after")
    def valid_for_scheme(self) -> "Identifier":
        problem = identifiers.problem(self.scheme, self.identifier)
        if problem:
            raise ValueError(problem)
        return self


class OtherName(Part):
    name: Name
    note: Literal[OTHER_NAME_KINDS] = "alternative"  # type: ignore[valid-type]
    start_date: PartialDate = ""
    end_date: PartialDate = ""


class ContactDetail(Part):
    type: Literal[CONTACT_TYPES]  # type: ignore[valid-type]
    value: Name
    label: Text = ""
    note: Text = ""


class Link(Part):
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$", max_length=500)]
    note: Text = ""


class MeetingFrequency(Part):
    min: Annotated[int, Field(ge=0, le=366)] | None = None
    max: Annotated[int, Field(ge=0, le=366)] | None = None
    note: Text = ""

    @model_validator(mode="after")
    def min_not_above_max(self) -> "MeetingFrequency":
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min {self.min} is above max {self.max}")
        return self


class MemberRef(Part):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    type: Literal["Organization", "Person"] = Field(alias="@type")
    id: Id


class Record(BaseModel):
    """A top-level record: fields we do not model are kept and exported again."""

    model_config = ConfigDict(extra="allow")

    id: Id

    @property
    def extras(self) -> dict[str, Any]:
        return dict(self.model_extra or {})

    def normal_form(self) -> dict[str, Any]:
        """The record as export writes it: empty values left out, extras at the end."""
        return prune(self.model_dump(by_alias=True, mode="json"))


def _check_order(start: str, end: str, end_name: str) -> None:
    if start and end and partial_dates.first_day(start) > partial_dates.last_day(end):
        raise ValueError(f"{end_name} {end!r} is before the start {start!r}")


class Area(Record):
    name: Name
    name_sv: Text = ""
    name_en: Text = ""
    classification: Literal[AREA_KINDS] = "other"  # type: ignore[valid-type]
    identifiers: _list_of(Identifier)
    parent_id: OptionalId


class Organization(Record):
    name: Name
    name_sv: Text = ""
    name_en: Text = ""
    other_names: _list_of(OtherName)
    identifiers: _list_of(Identifier)
    classification: Annotated[Word, StringConstraints(min_length=1, pattern=r"\S")]
    parent_id: OptionalId
    area_id: OptionalId
    operating_area_ids: _set_of(Id)
    abstract: Text = ""
    description: Text = ""
    founding_date: PartialDate = ""
    dissolution_date: PartialDate = ""
    contact_details: _list_of(ContactDetail)
    links: _list_of(Link)
    themes: _set_of(Name)
    target_groups: _set_of(Name)
    meeting_frequency: MeetingFrequency | None = None
    how_to_join: Text = ""
    source: Text = ""
    last_verified: FullDate = ""

    @model_validator(mode="after")
    def dates_in_order(self) -> "Organization":
        _check_order(self.founding_date, self.dissolution_date, "dissolution_date")
        return self

    @property
    def kind(self) -> str:
        """The classification's code ("other" for words we do not know)."""
        return vocabulary.kind_code(self.classification)


class Person(Record):
    name: Name
    given_name: Text = ""
    family_name: Text = ""
    public: bool = False
    contact_details: _list_of(ContactDetail)


class Post(Record):
    label: Name
    other_label: Annotated[
        list[Name], BeforeValidator(_none_to_list), BeforeValidator(_one_to_list)
    ] = Field(default_factory=list)
    organization_id: Id
    role: Annotated[Word, BeforeValidator(_none_to_empty)] = ""
    area_id: OptionalId
    start_date: PartialDate = ""
    end_date: PartialDate = ""

    @model_validator(mode="after")
    def dates_in_order(self) -> "Post":
        _check_order(self.start_date, self.end_date, "end_date")
        return self

    @property
    def role_code(self) -> str:
        """The role's code: "" for none, "other" for words we do not know."""
        return vocabulary.role_code(self.role) if self.role else ""


class Membership(Record):
    organization_id: Id
    person_id: OptionalId
    member: MemberRef | None = None
    role: Word = "member"
    label: Text = ""
    post_id: OptionalId
    on_behalf_of_id: OptionalId
    deputy_of_id: OptionalId
    appointed_by_id: OptionalId
    start_date: PartialDate = ""
    end_date: PartialDate = ""

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

    @property
    def role_code(self) -> str:
        """The role's code ("other" for words we do not know)."""
        return vocabulary.role_code(self.role)


MODELS: dict[str, type[Record]] = {
    "areas": Area,
    "organizations": Organization,
    "persons": Person,
    "posts": Post,
    "memberships": Membership,
}


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


def prune(value: Any) -> Any:
    """Leave out empty strings, nulls, empty lists and objects (false stays: it says something)."""
    if isinstance(value, dict):
        pruned = {key: prune(item) for key, item in value.items()}
        return {key: item for key, item in pruned.items() if item not in ("", None, [], {})}
    if isinstance(value, list):
        return [prune(item) for item in value]
    return value


def normal_form(collection: str, raw: dict[str, Any]) -> dict[str, Any]:
    """The normal form of a raw record (raises pydantic's ValidationError when invalid)."""
    return MODELS[collection].model_validate(raw).normal_form()
