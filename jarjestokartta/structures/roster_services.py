"""A coordinator's changes to a body's roster: seats, appointments with their deputies, the end
of a membership (and what becomes of its deputy), and a new term.

Each is one transaction and saves through the models, so that every change is in the seats'
and memberships' history with who made it.
"""

from datetime import date, timedelta

from django.db import transaction

from jarjestokartta.core import partial_dates
from jarjestokartta.directory.models import Organization
from jarjestokartta.structures.models import Membership, Person, Post, Role

# What happens to the deputy when the member's membership ends.
DEPUTY_ENDS = "ends"  # the deputy's membership ends the same day
DEPUTY_STEPS_UP = "steps_up"  # the deputy becomes the member of the seat
DEPUTY_STAYS = "stays"  # the deputy stays, as a deputy of the seat's next member


def seat_add(*, body: Organization, label: str, start_date: str = "") -> Post:
    return Post.objects.create(organization=body, label=label, start_date=start_date)


def _member(kind: str, name: str, organization: Organization | None) -> dict:
    if kind == "person":
        return {"person": Person.objects.create(name=name)}  # private until consent
    return {"member_organization": organization}


def appoint(
    *,
    body: Organization,
    post: Post | None,
    member: dict,
    deputy: dict | None,
    on_behalf_of: Organization | None,
    appointed_by: Organization | None,
    start_date: str,
    end_date: str,
) -> tuple[Membership, Membership | None]:
    """The member and their deputy together, for the same seat and term."""
    common = {
        "organization": body,
        "post": post,
        "on_behalf_of": on_behalf_of,
        "appointed_by": appointed_by,
        "start_date": start_date,
        "end_date": end_date,
    }
    with transaction.atomic():
        held = Membership.objects.create(
            **common, role=Role.MEMBER, **_member(member["kind"], member["name"], member["org"])
        )
        second = None
        if deputy:
            second = Membership.objects.create(
                **common,
                role=Role.DEPUTY_MEMBER,
                deputy_of=held,
                **_member(deputy["kind"], deputy["name"], deputy["org"]),
            )
    return held, second


def membership_end(*, membership: Membership, end_date: str, deputy: str) -> list[Membership]:
    """End the membership on `end_date` and do `deputy` to its deputies still sitting; returns
    the deputies that were changed."""
    changed = []
    with transaction.atomic():
        membership.end_date = end_date
        membership.save()
        last = partial_dates.last_day(end_date)
        sitting = [
            d
            for d in membership.deputies.all()
            if not d.end_date or partial_dates.last_day(d.end_date) > last
        ]
        for deputy_membership in sitting:
            if deputy == DEPUTY_ENDS:
                deputy_membership.end_date = end_date
            elif deputy == DEPUTY_STEPS_UP:
                deputy_membership.role = Role.MEMBER
                deputy_membership.deputy_of = None
            else:
                deputy_membership.deputy_of = None  # a deputy of the seat, not of one who left
            deputy_membership.save()
            changed.append(deputy_membership)
    return changed


def term_start(*, body: Organization, first_day: date) -> list[Post]:
    """'Uusi toimikausi': the seats open on `first_day` are copied as seats of the new term,
    without holders; the old seats and their memberships end the day before."""
    before = (first_day - timedelta(days=1)).isoformat()
    start = first_day.isoformat()

    def began_before(record: Post | Membership) -> bool:
        begun = partial_dates.first_day(record.start_date)
        return begun is None or begun < first_day

    with transaction.atomic():
        new = []
        for post in Post.objects.filter(organization=body).active_on(first_day):
            if not began_before(post):
                continue  # already a seat of the new term
            new.append(
                Post.objects.create(
                    organization=body,
                    label=post.label,
                    other_label=post.other_label,
                    role=post.role,
                    area=post.area,
                    start_date=start,
                )
            )
            for membership in post.memberships.active_on(first_day):
                if began_before(membership):
                    membership.end_date = before
                    membership.save()
            post.end_date = before
            post.save()
    return new
