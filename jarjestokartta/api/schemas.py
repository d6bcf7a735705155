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
AS_WRITTEN = "; a word of the source's own (e.g. varajäsen) is given as it was written"


class Open(Schema):
    model_config = ConfigDict(extra="allow")


# Shared wording: the same field means the same in every record.
ID = "The record's Popolo id, stable across exports"
NAME_SV = "The name in Swedish, if it has one"
NAME_EN = "The name in English, if it has one"
PARTIAL_START = "Start date: YYYY, YYYY-MM or YYYY-MM-DD, as precise as known"
PARTIAL_END = "End date: YYYY, YYYY-MM or YYYY-MM-DD; left out while it lasts"


class Identifier(Schema):
    scheme: str = Field(description="ytunnus, yhdistysrekisteri, kuntanumero …")
    identifier: str = Field(description="The identifier in that scheme, e.g. 0212345-6")


class OtherName(Schema):
    name: str = Field(description="Another name or an abbreviation, e.g. JANE")
    note: Literal[records.OTHER_NAME_KINDS] = Field(  # type: ignore[valid-type]
        "alternative", description="What kind of name: abbreviation, alternative or former"
    )
    start_date: str = Field("", description="Since when the name is used (partial date)")
    end_date: str = Field("", description="Until when the name was used (partial date)")


class ContactDetail(Schema):
    type: Literal[records.CONTACT_TYPES] = Field(  # type: ignore[valid-type]
        description="email, phone, address or other"
    )
    value: str = Field(description="The address or number itself")
    label: str = Field("", description='What the contact is for, e.g. "Toimisto"')
    note: str = Field("", description="A note, e.g. when to call")


class Link(Schema):
    url: str = Field(description="The web address")
    note: str = Field("", description='What the page is, e.g. "Kotisivut"')


class MeetingFrequency(Schema):
    min: int | None = Field(None, description="Meetings a year, at least")
    max: int | None = Field(None, description="Meetings a year, at most")
    note: str = Field("", description='Free text, e.g. "tarpeen mukaan" (as needed)')


class MemberRef(Schema):
    type: Literal["Organization"] = Field(alias="@type", description="Always Organization")
    id: str = Field(description="The member organisation's id")


class Membership(Open):
    id: str = Field(description=ID)
    organization_id: str = Field(description="The body or organisation the member belongs to")
    person_id: str = Field(
        "",
        description="A public person's id; for a person who has not agreed to be named, a "
        "placeholder id starting nimeamaton- of this membership alone",
    )
    member: MemberRef | None = Field(None, description="A member organisation")
    role: str = Field(
        "member",
        description="How the member stands to the body: member, deputy_member, chair, "
        "funder, appointing_body …" + AS_WRITTEN,
    )
    label: str = Field("", description='Free text, e.g. a title: "Projektipäällikkö"')
    post_id: str = Field("", description="The seat held, if the body has named seats")
    on_behalf_of_id: str = Field("", description="The organisation the member represents")
    deputy_of_id: str = Field("", description="The membership this one deputises")
    appointed_by_id: str = Field("", description="The organisation that appointed the member")
    start_date: str = Field("", description=PARTIAL_START)
    end_date: str = Field("", description=PARTIAL_END)


class Post(Open):
    id: str = Field(description=ID)
    label: str = Field(description='The seat\'s name, e.g. "Lapset ja perheet"')
    other_label: list[str] = Field([], description="Other names of the seat")
    organization_id: str = Field(description="The body the seat is in")
    role: str = Field(
        "", description="The role of whoever holds the seat, e.g. member" + AS_WRITTEN
    )
    area_id: str = Field("", description="The area the seat stands for, if any")
    start_date: str = Field("", description=PARTIAL_START)
    end_date: str = Field("", description=PARTIAL_END)


class Organization(Open):
    id: str = Field(description=ID)
    name: str = Field(description="The name in Finnish")
    name_sv: str = Field("", description=NAME_SV)
    name_en: str = Field("", description=NAME_EN)
    other_names: list[OtherName] = Field([], description="Other names and abbreviations")
    identifiers: list[Identifier] = Field(
        [], description="Y-tunnus, association register number and other identifiers"
    )
    classification: str = Field(
        description="What kind of organisation: association, public_body, network, council …"
        + AS_WRITTEN
    )
    parent_id: str = Field("", description="The organisation it is part of, e.g. its federation")
    area_id: str = Field("", description="Home municipality")
    operating_area_ids: list[str] = Field(
        [], description="The areas it works in besides its home municipality"
    )
    abstract: str = Field("", description="One or two sentences")
    description: str = Field("", description="A longer account of what it does")
    founding_date: str = Field("", description="Founded (partial date); for a project, its start")
    dissolution_date: str = Field(
        "", description="Dissolved (partial date); for a project, its end"
    )
    contact_details: list[ContactDetail] = Field([], description="E-mail, phone, address …")
    links: list[Link] = Field([], description="Its web pages")
    themes: list[str] = Field([], description="What it works on, by the themes' Finnish names")
    target_groups: list[str] = Field(
        [], description="Whom its activity is for, by the target groups' Finnish names"
    )
    meeting_frequency: MeetingFrequency | None = Field(None, description="How often a body meets")
    how_to_join: str = Field("", description="How a new member or participant can join")
    source: str = Field("", description="Where the data came from")
    last_verified: str = Field(
        "", description="When the data was last checked against its source (YYYY-MM-DD)"
    )
    memberships: list[Membership] = Field(
        [], description="With include=memberships: the memberships in this organisation"
    )
    posts: list[Post] = Field([], description="With include=posts: the seats of this body")


class Person(Open):
    id: str = Field(description=ID)
    name: str = Field(description="The full name")
    given_name: str = Field("", description="The given name, when recorded apart")
    family_name: str = Field("", description="The family name, when recorded apart")
    public: bool = Field(
        True, description="Agreed to be named; the API lists no one else (always true here)"
    )
    contact_details: list[ContactDetail] = Field([], description="E-mail, phone, address …")


class Area(Open):
    id: str = Field(description="E.g. kunta:297 or maakunta:11 in the reference geography")
    name: str = Field(description="The name in Finnish")
    name_sv: str = Field("", description=NAME_SV)
    name_en: str = Field("", description=NAME_EN)
    classification: AreaKind = Field(
        "other", description="municipality, region, wellbeing_county or other"
    )
    identifiers: list[Identifier] = Field(
        [], description="Statistics Finland's code: kuntanumero, maakuntakoodi …"
    )
    parent_id: str = Field(
        "", description="The area it is part of (areas outside the reference geography)"
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
