"""The value types and nested objects of Popolo records: texts, ids, partial dates,
identifiers, other names, contact details, links, meeting frequencies, member references.

Pure Python (pydantic and python-stdnum, no Django). Nested objects refuse unknown fields, so
nothing in them is silently dropped; records.py builds the top-level records of these.
"""

import re
from datetime import date
from typing import Annotated, Any, Literal, TypeVar, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from jarjestokartta.core import partial_dates
from jarjestokartta.directory import identifiers

ContactType = Literal["email", "phone", "address", "other"]
OtherNameKind = Literal["abbreviation", "alternative", "former"]
CONTACT_TYPES: tuple[str, ...] = get_args(ContactType)
OTHER_NAME_KINDS: tuple[str, ...] = get_args(OtherNameKind)


def none_to_empty(value: Any) -> Any:
    return "" if value is None else value


def none_to_list(value: Any) -> Any:
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


def one_to_list(value: Any) -> Any:
    """A single string where Popolo wants a list of them (as we once wrote other_label)."""
    return [value] if isinstance(value, str) else value


Text = Annotated[str, BeforeValidator(none_to_empty)]
# A role or kind as a file writes it: free text in Popolo, recognised by core/vocabulary.py.
Word = Annotated[str, StringConstraints(max_length=200)]
Name = Annotated[str, StringConstraints(strip_whitespace=False, min_length=1, pattern=r"\S")]
Id = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=r"^\S+$")]
OptionalId = Annotated[Id | None, Field(default=None)]
PartialDate = Annotated[str, BeforeValidator(none_to_empty), BeforeValidator(_check_partial_date)]
FullDate = Annotated[str, BeforeValidator(none_to_empty), BeforeValidator(_check_full_date)]


_Item = TypeVar("_Item")
# Generic aliases, used as ListOf[Identifier]: a list that may be given as null or left out.
ListOf = Annotated[list[_Item], BeforeValidator(none_to_list), Field(default_factory=list)]


def _sorted_unique(values: list[str]) -> list[str]:
    return sorted(set(values))


# A list of texts whose order carries no meaning (stored as a set): its normal form is sorted.
SetOf = Annotated[
    list[_Item],
    BeforeValidator(none_to_list),
    AfterValidator(_sorted_unique),
    Field(default_factory=list),
]


class Part(BaseModel):
    """A nested object: unknown fields are an error, so nothing is silently dropped."""

    model_config = ConfigDict(extra="forbid")


def _about(text: str) -> Any:
    return Field(description=text)


class Identifier(Part):
    scheme: Annotated[Name, _about("ytunnus, yhdistysrekisteri, kuntanumero …")]
    identifier: Annotated[Name, _about("The identifier in that scheme, e.g. 0212345-6")]

    @model_validator(mode="after")
    def valid_for_scheme(self) -> "Identifier":
        problem = identifiers.problem(self.scheme, self.identifier)
        if problem:
            raise ValueError(problem)
        return self


class OtherName(Part):
    name: Annotated[Name, _about("Another name or an abbreviation, e.g. JANE")]
    note: Annotated[
        OtherNameKind,
        _about("What kind of name: abbreviation, alternative or former"),
    ] = "alternative"
    start_date: Annotated[PartialDate, _about("Since when the name is used (partial date)")] = ""
    end_date: Annotated[PartialDate, _about("Until when the name was used (partial date)")] = ""


class ContactDetail(Part):
    type: Annotated[
        ContactType,
        _about("email, phone, address or other"),
    ]
    value: Annotated[Name, _about("The address or number itself")]
    label: Annotated[Text, _about('What the contact is for, e.g. "Toimisto"')] = ""
    note: Annotated[Text, _about("A note, e.g. when to call")] = ""


class Link(Part):
    url: Annotated[
        str,
        StringConstraints(pattern=r"^https?://\S+$", max_length=500),
        _about("The web address"),
    ]
    note: Annotated[Text, _about('What the page is, e.g. "Kotisivut"')] = ""


class MeetingFrequency(Part):
    min: Annotated[
        Annotated[int, Field(ge=0, le=366)] | None, _about("Meetings a year, at least")
    ] = None
    max: Annotated[
        Annotated[int, Field(ge=0, le=366)] | None, _about("Meetings a year, at most")
    ] = None
    note: Annotated[Text, _about('Free text, e.g. "tarpeen mukaan" (as needed)')] = ""

    @model_validator(mode="after")
    def min_not_above_max(self) -> "MeetingFrequency":
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min {self.min} is above max {self.max}")
        return self


class MemberRef(Part):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    type: Literal["Organization", "Person"] = Field(
        alias="@type", description="Organization (Person is read as person_id)"
    )
    id: Annotated[Id, _about("The member's id")]


def prune(value: Any) -> Any:
    """Leave out empty strings, nulls, empty lists and objects (false stays: it says something)."""
    if isinstance(value, dict):
        pruned = {key: prune(item) for key, item in value.items()}
        return {key: item for key, item in pruned.items() if item not in ("", None, [], {})}
    if isinstance(value, list):
        return [prune(item) for item in value]
    return value


class Record(BaseModel):
    """A top-level record: fields we do not model are kept and exported again."""

    model_config = ConfigDict(extra="allow")

    id: Id

    @property
    def extras(self) -> dict[str, Any]:
        return dict(self.model_extra or {})

    def normal_form(self) -> dict[str, Any]:
        """The record as export writes it: empty values left out, extras at the end."""
        normal: dict[str, Any] = prune(self.model_dump(by_alias=True, mode="json"))
        return normal
