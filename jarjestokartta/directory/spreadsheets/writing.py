"""Carrying a plan out: the created and updated organisations, in the caller's transaction.

Organisations are saved one by one through the ORM, so that django-simple-history writes their
history rows with the import as the change's reason; a coordinator's file is thousands of rows
at most, not the national file the Popolo importer writes in bulk. The search index and the data
version are brought up to date once, at the end (see popolo.importer).
"""

from collections.abc import Callable

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.utils.text import slugify

from jarjestokartta.core import versions
from jarjestokartta.directory.models import (
    ContactKind,
    Identifier,
    Link,
    Organization,
    OrganizationContact,
    OrganizationKind,
)
from jarjestokartta.directory.spreadsheets.checking import RowValues
from jarjestokartta.directory.spreadsheets.matching import Plan, Update
from jarjestokartta.search import index as search_index

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
    with search_index.deferred(), versions.deferred():
        for values in plan.creations:
            _create(values, reason, history_user)
            progress(1)
        for update in plan.updates:
            _update(update, reason, history_user)
            progress(1)


def _create(values: RowValues, reason: str, user) -> None:
    organization = Organization(
        name=values.name,
        slug=_free_slug(values.name),
        classification=values.classification or OrganizationKind.ASSOCIATION,
        area=values.area,
        abstract=values.abstract,
    )
    _save(organization, reason, user)
    if values.ytunnus:
        Identifier.objects.create(
            organization=organization, scheme="ytunnus", identifier=values.ytunnus
        )
    _add_contacts(organization, values.emails, values.phones, values.websites)
    organization.themes.add(*values.themes)
    organization.target_groups.add(*values.target_groups)


def _update(update: Update, reason: str, user) -> None:
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
    # Saved even when only a contact or a theme was added: the history then says the import
    # touched the organisation, and when.
    _save(organization, reason, user)
    if update.add_ytunnus:
        Identifier.objects.create(
            organization=organization, scheme="ytunnus", identifier=update.add_ytunnus
        )
    _add_contacts(organization, update.add_emails, update.add_phones, update.add_websites)
    organization.themes.add(*update.add_themes)
    organization.target_groups.add(*update.add_target_groups)


def _save(organization: Organization, reason: str, user) -> None:
    organization._change_reason = reason  # type: ignore[attr-defined]
    if user is not None:
        organization._history_user = user  # type: ignore[attr-defined]
    organization.save()


def _add_contacts(
    organization: Organization, emails: list[str], phones: list[str], websites: list[str]
) -> None:
    OrganizationContact.objects.bulk_create(
        [
            OrganizationContact(organization=organization, type=kind, value=value)
            for kind, values in ((ContactKind.EMAIL, emails), (ContactKind.PHONE, phones))
            for value in values
        ]
    )
    Link.objects.bulk_create([Link(organization=organization, url=url) for url in websites])


def _free_slug(name: str) -> str:
    base = slugify(name)[:SLUG_MAX] or "jarjesto"
    taken = set(Organization.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
