"""A person's consent, the export of everything about them, and their erasure.

A person is private unless a consent says otherwise; these services are the one way the site
changes that, so that every change has who, when and why. An erasure keeps the person's
memberships, shown by their seat's title as a private person's are, and removes the name and
contact details from the record and from its history; the log keeps only the Popolo id.
"""

from typing import Any

from django.db import transaction
from django.utils import timezone

from jarjestokartta.structures.models import (
    Membership,
    Person,
    PersonConsent,
    PersonDataLog,
)


def consent_record(
    *, person: Person, is_public: bool, basis: str, note: str, user
) -> PersonConsent:
    with transaction.atomic():
        consent = PersonConsent.objects.create(
            person=person, is_public=is_public, basis=basis, note=note, recorded_by=user
        )
        if person.is_public != is_public:
            person.is_public = is_public
            person.save(update_fields=["is_public"])
    return consent


def _membership(m: Membership) -> dict[str, Any]:
    return {
        "body": m.organization.name,
        "role": m.get_role_display(),
        "seat": m.post.label if m.post else "",
        "on_behalf_of": m.on_behalf_of.name if m.on_behalf_of else "",
        "deputy_of": m.deputy_of_id,
        "start_date": m.start_date,
        "end_date": m.end_date,
        "id": m.popolo_id,
    }


def person_export(*, person: Person, user) -> dict[str, Any]:
    """Everything the service holds about the person, as JSON (a subject access request)."""
    memberships = person.memberships.select_related("organization", "post", "on_behalf_of")
    document = {
        "exported_at": timezone.now().isoformat(),
        "person": {
            "id": person.popolo_id,
            "name": person.name,
            "given_name": person.given_name,
            "family_name": person.family_name,
            "public": person.is_public,
            "other_fields": person.extras,
        },
        "contact_details": [
            {"type": c.type, "value": c.value, "label": c.label, "note": c.note}
            for c in person.contact_details.all()
        ],
        "memberships": [_membership(m) for m in memberships],
        "consents": [
            {
                "public": c.is_public,
                "basis": c.basis,
                "note": c.note,
                "recorded_at": c.recorded_at.isoformat(),
                "recorded_by": c.recorded_by.email if c.recorded_by else "",
            }
            for c in person.consents.select_related("recorded_by")
        ],
        "history": [
            {
                "date": h.history_date.isoformat(),
                "name": h.name,
                "public": h.is_public,
                "changed_by": h.history_user.email if h.history_user else "",
            }
            for h in person.history.select_related("history_user").order_by("history_date")
        ],
    }
    PersonDataLog.objects.create(
        action=PersonDataLog.Action.EXPORT, person_key=person.popolo_id, done_by=user
    )
    return document


def person_erase(*, person: Person, user) -> int:
    """Returns how many memberships stay, each shown by its seat's title from now on."""
    with transaction.atomic():
        kept = person.memberships.count()
        person.contact_details.all().delete()
        person.consents.all().delete()
        person.history.all().delete()  # the old rows hold the name
        # update() writes no history row, so the name is in none.
        Person.objects.filter(pk=person.pk).update(
            name="", given_name="", family_name="", is_public=False, extras={}
        )
        PersonDataLog.objects.create(
            action=PersonDataLog.Action.ERASE,
            person_key=person.popolo_id,
            done_by=user,
            note=f"{kept} memberships kept without the name",
        )
    return kept
