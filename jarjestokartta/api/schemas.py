"""The documented shapes of the API's records: Popolo's field names (docs/popolo.md).

Empty values are left out of records, as in the Popolo export, so every field but the required
ones may be missing. Records may carry further Popolo fields that an import brought in.
"""

from typing import Literal

from ninja import Schema
from pydantic import ConfigDict, Field

from jarjestokartta.api.common import Page
from jarjestokartta.popolo import records

OrganizationKind = Literal[records.ORGANIZATION_KINDS]  # type: ignore[valid-type]
AreaKind = Literal[records.AREA_KINDS]  # type: ignore[valid-type]
Role = Literal[records.ROLES]  # type: ignore[valid-type]
# In records, roles and kinds are as the data's source wrote them (Popolo's free text): one of
# the codes above, or another word ("varajäsen", "valmistelija"). Filters take the codes.
AS_WRITTEN = "; a word of another system's (e.g. varajäsen) is given as it was written"


class Open(Schema):
    model_config = ConfigDict(extra="allow")


class Identifier(Schema):
    scheme: str = Field(description="ytunnus, yhdistysrekisteri, kuntanumero …")
    identifier: str


class OtherName(Schema):
    name: str
    note: Literal[records.OTHER_NAME_KINDS] = "alternative"  # type: ignore[valid-type]
    start_date: str = ""
    end_date: str = ""


class ContactDetail(Schema):
    type: Literal[records.CONTACT_TYPES]  # type: ignore[valid-type]
    value: str
    label: str = ""
    note: str = ""


class Link(Schema):
    url: str
    note: str = ""


class MeetingFrequency(Schema):
    min: int | None = None
    max: int | None = None
    note: str = ""


class MemberRef(Schema):
    type: Literal["Organization"] = Field(alias="@type")
    id: str


class Membership(Open):
    id: str
    organization_id: str = Field(description="The body or organisation the member belongs to")
    person_id: str = Field(
        "",
        description="A public person's id; for a person who has not agreed to be named, a "
        "placeholder id starting nimeamaton- of this membership alone",
    )
    member: MemberRef | None = Field(None, description="A member organisation")
    role: str = Field(
        "member", description="A role code (" + ", ".join(records.ROLES) + ")" + AS_WRITTEN
    )
    label: str = ""
    post_id: str = ""
    on_behalf_of_id: str = ""
    deputy_of_id: str = Field("", description="The membership this one deputises")
    appointed_by_id: str = ""
    start_date: str = Field("", description="YYYY, YYYY-MM or YYYY-MM-DD")
    end_date: str = ""


class Post(Open):
    id: str
    label: str
    other_label: list[str] = Field([], description="Other names of the seat")
    organization_id: str
    role: str = Field("", description="The role of the seat's holders" + AS_WRITTEN)
    area_id: str = ""
    start_date: str = ""
    end_date: str = ""


class Organization(Open):
    id: str
    name: str
    name_sv: str = ""
    name_en: str = ""
    other_names: list[OtherName] = []
    identifiers: list[Identifier] = []
    classification: str = Field(
        description="A kind code (" + ", ".join(records.ORGANIZATION_KINDS) + ")" + AS_WRITTEN
    )
    parent_id: str = ""
    area_id: str = Field("", description="Home municipality")
    operating_area_ids: list[str] = []
    abstract: str = ""
    description: str = ""
    founding_date: str = ""
    dissolution_date: str = ""
    contact_details: list[ContactDetail] = []
    links: list[Link] = []
    themes: list[str] = []
    target_groups: list[str] = []
    meeting_frequency: MeetingFrequency | None = None
    how_to_join: str = ""
    source: str = ""
    last_verified: str = ""
    memberships: list[Membership] = Field(
        [], description="With include=memberships: the memberships in this organisation"
    )
    posts: list[Post] = Field([], description="With include=posts: the seats of this body")


class Person(Open):
    id: str
    name: str
    given_name: str = ""
    family_name: str = ""
    public: bool = True
    contact_details: list[ContactDetail] = []


class Area(Open):
    id: str
    name: str
    name_sv: str = ""
    name_en: str = ""
    classification: AreaKind = "other"
    identifiers: list[Identifier] = []
    parent_id: str = ""


class Term(Schema):
    id: str = Field(description="The slug used in filters")
    name: str
    name_sv: str = ""
    name_en: str = ""


class OrganizationPage(Page):
    contents: list[Organization]


class MembershipPage(Page):
    contents: list[Membership]


class PersonPage(Page):
    contents: list[Person]


class PostPage(Page):
    contents: list[Post]


class AreaPage(Page):
    contents: list[Area]


class TermPage(Page):
    contents: list[Term]
