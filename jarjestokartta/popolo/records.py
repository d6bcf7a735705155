"""Popolo JSON records: parsing, validation and the normal form used for comparison.

Pure Python (pydantic and python-stdnum, no Django), so it is tested without a database. A file
is checked as a whole and every problem is reported with the id of the record it is in.
"""

import json
import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from jarjestokartta.core import partial_dates
from jarjestokartta.directory import identifiers

COLLECTIONS = ("areas", "organizations", "persons", "posts", "memberships")

AREA_KINDS = ("municipality", "region", "wellbeing_county", "other")
ORGANIZATION_KINDS = (
    "association",
    "foundation",
    "public_body",
    "company",
    "network",
    "council",
    "advisory_board",
    "partnership_table",
    "forum",
    "working_group",
    "project",
    "other",
)
ROLES = (
    "chair",
    "vice_chair",
    "secretary",
    "member",
    "deputy_member",
    "expert_member",
    "coordinator",
    "secretariat",
    "administrator",
    "funder",
    "appointing_body",
    "other",
)
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


Text = Annotated[str, BeforeValidator(_none_to_empty)]
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
    classification: Literal[ORGANIZATION_KINDS]  # type: ignore[valid-type]
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


class Person(Record):
    name: Name
    given_name: Text = ""
    family_name: Text = ""
    public: bool = False
    contact_details: _list_of(ContactDetail)


class Post(Record):
    label: Name
    other_label: Text = ""
    organization_id: Id
    role: Literal[("", *ROLES)] = ""  # type: ignore[valid-type]
    area_id: OptionalId
    start_date: PartialDate = ""
    end_date: PartialDate = ""

    @model_validator(mode="after")
    def dates_in_order(self) -> "Post":
        _check_order(self.start_date, self.end_date, "end_date")
        return self


class Membership(Record):
    organization_id: Id
    person_id: OptionalId
    member: MemberRef | None = None
    role: Literal[ROLES] = "member"  # type: ignore[valid-type]
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
        return "member" if value is None else value

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
}


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


class Document:
    """A parsed file: valid records by collection, in file order."""

    def __init__(self) -> None:
        self.records: dict[str, list[Record]] = {name: [] for name in COLLECTIONS}

    def ids(self, collection: str) -> set[str]:
        return {record.id for record in self.records[collection]}

    def references(self) -> dict[str, dict[str, list[tuple[Record, str]]]]:
        """Every id a record points at: {collection pointed to: {id: [(record, field)]}}."""
        refs: dict[str, dict[str, list[tuple[Record, str]]]] = {c: {} for c in COLLECTIONS}

        def add(target: str, ref_id: str | None, record: Record, field: str) -> None:
            if ref_id is not None:
                refs[target].setdefault(ref_id, []).append((record, field))

        for area in self.records["areas"]:
            add("areas", area.parent_id, area, "parent_id")
        for org in self.records["organizations"]:
            add("organizations", org.parent_id, org, "parent_id")
            add("areas", org.area_id, org, "area_id")
            for area_id in org.operating_area_ids:
                add("areas", area_id, org, "operating_area_ids")
        for post in self.records["posts"]:
            add("organizations", post.organization_id, post, "organization_id")
            add("areas", post.area_id, post, "area_id")
        for membership in self.records["memberships"]:
            add("organizations", membership.organization_id, membership, "organization_id")
            add("persons", membership.person_id, membership, "person_id")
            add("organizations", membership.member_organization_id, membership, "member.id")
            add("posts", membership.post_id, membership, "post_id")
            add("organizations", membership.on_behalf_of_id, membership, "on_behalf_of_id")
            add("memberships", membership.deputy_of_id, membership, "deputy_of_id")
            add("organizations", membership.appointed_by_id, membership, "appointed_by_id")
        return refs

    def dangling(self) -> dict[str, set[str]]:
        """Referenced ids that the file itself does not define (they may be in the database)."""
        return {
            collection: set(by_id) - self.ids(collection)
            for collection, by_id in self.references().items()
        }

    def reference_problems(self, known: dict[str, set[str]]) -> list[str]:
        """Problems for references to ids neither in the file nor among `known` ones."""
        problems = []
        for collection, by_id in self.references().items():
            defined = self.ids(collection) | known.get(collection, set())
            for ref_id, users in by_id.items():
                if ref_id in defined:
                    continue
                for record, field in users:
                    problems.append(
                        f"{_where(record)}: {field}: no {_singular(collection)} with id {ref_id!r}"
                    )
        return problems

    def cycle_problems(self) -> list[str]:
        """Parents and deputies must not go round in a circle (they are written in order)."""
        problems = []
        for collection, field in (
            ("areas", "parent_id"),
            ("organizations", "parent_id"),
            ("memberships", "deputy_of_id"),
        ):
            for record in ordered(self.records[collection], field, cycles=True):
                problems.append(f"{_where(record)}: {field}: goes round in a circle")
        return problems


def ordered(records: list[Record], field: str, cycles: bool = False) -> list[Record]:
    """Records with those they point at (by `field`, within the list) before them.

    With cycles=True, returns instead the records that are part of a cycle.
    """
    by_id = {record.id: record for record in records}
    state: dict[str, str] = {}
    result: list[Record] = []
    in_cycle: list[Record] = []
    for record in records:
        chain: list[Record] = []
        current: Record | None = record
        while current is not None and current.id not in state:
            state[current.id] = "visiting"
            chain.append(current)
            target = getattr(current, field)
            current = by_id.get(target) if target else None
        if current is not None and state[current.id] == "visiting":
            start = next(i for i, item in enumerate(chain) if item.id == current.id)
            in_cycle.extend(chain[start:])
        for item in reversed(chain):
            state[item.id] = "done"
            result.append(item)
    return in_cycle if cycles else result


def _singular(collection: str) -> str:
    return {
        "areas": "area",
        "organizations": "organisation",
        "persons": "person",
        "posts": "post",
        "memberships": "membership",
    }[collection]


def _where(record: Record | dict, collection: str = "", index: int | None = None) -> str:
    record_id = record.id if isinstance(record, Record) else record.get("id")
    if isinstance(record, Record):
        collection = next(c for c, model in MODELS.items() if isinstance(record, model))
    place = f"{collection}[{index}]" if index is not None else collection
    return f"{place} id={record_id!r}" if record_id is not None else place


def _error_text(error: dict[str, Any]) -> str:
    loc = ".".join(str(part) for part in error["loc"])
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] == "missing":
        message = "is required"
    return f"{loc}: {message}" if loc else message


def parse_document(text: str | bytes) -> tuple[Document | None, list[str]]:
    """Parse and validate a whole file; returns the document and every problem found."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        return None, [f"invalid JSON: {error.msg} at line {error.lineno} column {error.colno}"]
    except UnicodeDecodeError as error:
        return None, [f"the file is not UTF-8 text: {error}"]
    if not isinstance(raw, dict):
        return None, ["the file must hold a JSON object with the keys " + ", ".join(COLLECTIONS)]

    problems: list[str] = []
    for key in raw:
        if key not in COLLECTIONS and not key.startswith("@"):
            problems.append(f"unknown top-level key {key!r} (expected: {', '.join(COLLECTIONS)})")

    document = Document()
    for collection in COLLECTIONS:
        items = raw.get(collection, [])
        if not isinstance(items, list):
            problems.append(f"{collection}: must be a list")
            continue
        seen: dict[str, int] = {}
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                problems.append(f"{collection}[{index}]: must be an object")
                continue
            try:
                record = MODELS[collection].model_validate(item)
            except ValidationError as error:
                for detail in error.errors():
                    problems.append(f"{_where(item, collection, index)}: {_error_text(detail)}")
                continue
            if record.id in seen:
                problems.append(
                    f"{_where(record, collection, index)}: duplicated id (also "
                    f"{collection}[{seen[record.id]}])"
                )
                continue
            seen[record.id] = index
            document.records[collection].append(record)

    problems.extend(_duplicate_identifier_problems(document))
    problems.extend(_deputy_problems(document))
    problems.extend(document.cycle_problems())
    return document, problems


def _duplicate_identifier_problems(document: Document) -> list[str]:
    holders: dict[tuple[str, str], str] = {}
    problems = []
    for org in document.records["organizations"]:
        for item in org.identifiers:
            key = (item.scheme, item.identifier)
            if key in holders and holders[key] != org.id:
                problems.append(
                    f"{_where(org)}: identifiers: {item.scheme} {item.identifier!r} is also "
                    f"given to organisation {holders[key]!r}"
                )
            holders.setdefault(key, org.id)
    return problems


def _deputy_problems(document: Document) -> list[str]:
    by_id = {m.id: m for m in document.records["memberships"]}
    problems = []
    for membership in document.records["memberships"]:
        target = by_id.get(membership.deputy_of_id or "")
        if target and target.organization_id != membership.organization_id:
            problems.append(
                f"{_where(membership)}: deputy_of_id: {target.id!r} is a membership of "
                f"{target.organization_id!r}, not of {membership.organization_id!r}"
            )
    return problems
