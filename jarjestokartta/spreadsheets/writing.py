"""Carrying a plan out: the created and updated organisations, in the caller's transaction.

Organisations are saved one by one through the ORM, so that django-simple-history writes their
history rows with the import as the change's reason (a coordinator's file is thousands of rows
at most, not the national file the Popolo importer writes in bulk); what hangs off them is
inserted in bulk. The search index and the data
version are brought up to date once, at the end (see popolo.importer).
"""

from collections.abc import Callable

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.utils.text import slugify

from jarjestokartta.directory.models import (
    ContactKind,
    Identifier,
    Link,
    Organization,
    OrganizationContact,
    OrganizationKind,
    TargetGroup,
    Theme,
)
from jarjestokartta.search import index as search_index
from jarjestokartta.spreadsheets.checking import RowValues
from jarjestokartta.spreadsheets.matching import Plan, Update

BATCH = 500
SLUG_MAX = 180
REASON_MAX = 100  # simple_history's history_change_reason column


def write_plan(
    plan: Plan,
    *,
    reason: str,
    user: AbstractBaseUser | AnonymousUser | None = None,
    progress: Callable[[int], None] = lambda n: None,
) -> None:
    """Create and update what the plan says. The caller holds the transaction."""
    reason = reason[:REASON_MAX]
    history_user = user if user is not None and user.is_authenticated else None
    slugs = _Slugs() if plan.creations else None
    details = _Details()
    with search_index.bulk_write():
        for values in plan.creations:
            organization = _organization(values, slugs)
            _save(organization, reason, history_user)
            details.add(
                organization,
                ytunnus=values.ytunnus,
                emails=values.emails,
                phones=values.phones,
                websites=values.websites,
                themes=values.themes,
                target_groups=values.target_groups,
            )
            progress(1)
        for update in plan.updates:
            _apply(update)
            # Saved even when only a contact or a theme was added: the history then says the
            # import touched the organisation, and when.
            _save(update.organization, reason, history_user)
            details.add(
                update.organization,
                ytunnus=update.add_ytunnus,
                emails=update.add_emails,
                phones=update.add_phones,
                websites=update.add_websites,
                themes=update.add_themes,
                target_groups=update.add_target_groups,
            )
            progress(1)
        # Inside the deferred block: the organisations saved above are indexed with these.
        details.write()


def _organization(values: RowValues, slugs: "_Slugs | None") -> Organization:
    assert slugs is not None
    return Organization(
        name=values.name,
        slug=slugs.make(values.name),
        classification=values.classification or OrganizationKind.ASSOCIATION,
        area=values.area,
        abstract=values.abstract,
    )


def _apply(update: Update) -> None:
    organization, values = update.organization, update.values
    changed = {change.field for change in update.changes}
    if "name" in changed:
        organization.name = values.name
    if "municipality" in changed:
        organization.area = values.area
    if "abstract" in changed:
        organization.abstract = values.abstract
    if "classification" in changed and values.classification:
        organization.classification = values.classification


def _save(organization: Organization, reason: str, user) -> None:
    organization._change_reason = reason  # type: ignore[attr-defined]
    if user is not None:
        organization._history_user = user  # type: ignore[attr-defined]
    organization.save()


class _Details:
    """Identifiers, contacts, links and terms of all the organisations, inserted at once.

    One `themes.add()` per organisation asks what is there, inserts and sends signals: it was
    16 of 40 s of a 5,000-row import. The saves above already mark every organisation for the
    search index and the data version, so the rows inserted here need no signals.
    """

    def __init__(self) -> None:
        self.identifiers: list[Identifier] = []
        self.contacts: list[OrganizationContact] = []
        self.links: list[Link] = []
        self.themes: list = []
        self.target_groups: list = []

    def add(
        self,
        organization: Organization,
        *,
        ytunnus: str | None,
        emails: list[str],
        phones: list[str],
        websites: list[str],
        themes: list[Theme],
        target_groups: list[TargetGroup],
    ) -> None:
        if ytunnus:
            self.identifiers.append(
                Identifier(organization=organization, scheme="ytunnus", identifier=ytunnus)
            )
        for kind, values in ((ContactKind.EMAIL, emails), (ContactKind.PHONE, phones)):
            self.contacts += [
                OrganizationContact(organization=organization, type=kind, value=value)
                for value in values
            ]
        self.links += [Link(organization=organization, url=url) for url in websites]
        self.themes += [
            Organization.themes.through(organization=organization, theme=term) for term in themes
        ]
        self.target_groups += [
            Organization.target_groups.through(organization=organization, targetgroup=term)
            for term in target_groups
        ]

    def write(self) -> None:
        Identifier.objects.bulk_create(self.identifiers, batch_size=BATCH)
        OrganizationContact.objects.bulk_create(self.contacts, batch_size=BATCH)
        Link.objects.bulk_create(self.links, batch_size=BATCH)
        Organization.themes.through.objects.bulk_create(self.themes, batch_size=BATCH)
        Organization.target_groups.through.objects.bulk_create(self.target_groups, batch_size=BATCH)


class _Slugs:
    """Free slugs for new organisations, from the taken ones read once: a query per row
    (slug LIKE 'base%') scanned the table each time, 5,000 rows took 40 s."""

    def __init__(self) -> None:
        self.taken = set(Organization.objects.values_list("slug", flat=True))

    def make(self, name: str) -> str:
        base = slugify(name)[:SLUG_MAX] or "jarjesto"
        slug, number = base, 2
        while slug in self.taken:
            slug, number = f"{base}-{number}", number + 1
        self.taken.add(slug)
        return slug
