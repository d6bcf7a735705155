"""Publishing, queueing and reviewing changes to an organisation, and restoring versions.

Who publishes at once: the organisation's coordinator and the administrators; a trusted
organisation's editors, except for the keys that always go through review (name, identifiers,
home municipality). Everything else waits in the queue as a change set. Every publication
leaves a version of the whole document, so that history is complete and any version can be
restored as a new change.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from jarjestokartta.core.outbox import send_later
from jarjestokartta.directory.models import Organization
from jarjestokartta.editing.document import (
    ALWAYS_REVIEWED,
    KEYS,
    Document,
    apply,
    changed_keys,
    label,
    snapshot,
)
from jarjestokartta.editing.models import ChangeSet, TrustedOrganization, Version
from jarjestokartta.roles.permissions import Action, can
from jarjestokartta.roles.services import deciders_of


class EditError(Exception):
    """A change that cannot be made; the message is for the user, translated."""


@dataclass
class Conflict:
    key: str
    label: str
    theirs: object
    mine: object


class StaleEdit(Exception):
    """Someone else changed the same fields after the form was opened."""

    def __init__(self, conflicts: list[Conflict], current: Document):
        super().__init__(", ".join(conflict.label for conflict in conflicts))
        self.conflicts = conflicts
        self.current = current


@dataclass
class Submission:
    published: list[str] = field(default_factory=list)  # keys now public
    queued: ChangeSet | None = None


def _publish(
    org: Organization, changes: Document, *, user, change_set: ChangeSet | None, note: str
) -> Version:
    if not Version.objects.filter(organization_key=org.pk).exists():
        # The state before the first change made here (an import or the admin), so that it
        # too can be restored.
        Version.objects.create(
            organization=org,
            organization_key=org.pk,
            name=org.name,
            document=snapshot(org),
            note=_("before the first change in the service"),
        )
    try:
        with transaction.atomic():
            apply(org, changes)
    except IntegrityError as error:
        raise EditError(
            _("The change clashes with another organisation's data (e.g. an identifier).")
        ) from error
    except ValidationError as error:
        raise EditError(" ".join(error.messages)) from error
    return Version.objects.create(
        organization=org,
        organization_key=org.pk,
        name=org.name,
        document=snapshot(org),
        user=user if user and user.is_authenticated else None,
        change_set=change_set,
        note=note,
    )


def _links(org: Organization, base_url: str) -> dict[str, str]:
    return {
        "organization_url": base_url + org.get_absolute_url(),
        "queue_url": base_url + reverse("change-queue"),
    }


def edit_submit(
    *,
    organization: Organization,
    user,
    base: Document,
    after: Document,
    message: str = "",
    base_url: str,
    note: str = "",
) -> Submission:
    """`base` is the document as the form showed it; `after` as the user left it. Only the
    keys the user changed are written, on top of whatever others changed meanwhile; a key that
    both changed differently is a StaleEdit (nothing is saved)."""
    with transaction.atomic():
        org = Organization.objects.select_for_update().get(pk=organization.pk)
        current = snapshot(org)
        mine = changed_keys(base, after)
        if not mine:
            raise EditError(_("You did not change anything."))
        conflicts = [
            Conflict(key, label(key), current.get(key), after.get(key))
            for key in mine
            if current.get(key) != base.get(key) and current.get(key) != after.get(key)
        ]
        if conflicts:
            raise StaleEdit(conflicts, current)
        changes = {key: after[key] for key in mine if current.get(key) != after[key]}
        if not changes:
            raise EditError(_("Someone else already made the same change."))
        result = Submission()
        if can(user, Action.REVIEW_CHANGES, org):
            _publish(org, changes, user=user, change_set=None, note=note or _("edited"))
            result.published = list(changes)
            return result
        trusted = TrustedOrganization.objects.filter(organization=org).exists()
        now = {k: v for k, v in changes.items() if trusted and k not in ALWAYS_REVIEWED}
        later = {k: v for k, v in changes.items() if k not in now}
        common = {
            "organization": org,
            "author": user,
            "author_email": user.email,
            "message": message,
        }
        if now:
            published = ChangeSet.objects.create(
                **common,
                status=ChangeSet.Status.PUBLISHED,
                before={k: current[k] for k in now},
                after=now,
            )
            _publish(org, now, user=user, change_set=published, note=note or _("edited"))
            result.published = list(now)
        if later:
            result.queued = ChangeSet.objects.create(
                **common, before={k: current[k] for k in later}, after=later
            )
            send_later(
                to=deciders_of(org),
                template="editing/mail/change_new",
                context={"change_set": result.queued, "organization": org, **_links(org, base_url)},
            )
    return result


def correction_submit(
    *, organization: Organization, message: str, email: str, user, base_url: str
) -> ChangeSet:
    """'Ilmoita korjaus': anyone's free-text correction, for the coordinator to act on."""
    with transaction.atomic():
        correction = ChangeSet.objects.create(
            organization=organization,
            kind=ChangeSet.Kind.CORRECTION,
            author=user if user.is_authenticated else None,
            author_email=email or (user.email if user.is_authenticated else ""),
            message=message,
        )
        send_later(
            to=deciders_of(organization),
            template="editing/mail/correction_new",
            context={
                "change_set": correction,
                "organization": organization,
                **_links(organization, base_url),
            },
        )
    return correction


def _locked_open(change_set: ChangeSet) -> ChangeSet:
    locked = (
        ChangeSet.objects.select_for_update().select_related("organization").get(pk=change_set.pk)
    )
    if not locked.is_open:
        raise EditError(_("This change has already been reviewed."))
    return locked


def _close(locked: ChangeSet, status: str, reviewer, reason: str, base_url: str) -> ChangeSet:
    locked.status = status
    locked.reviewed_by = reviewer
    locked.reviewed_at = timezone.now()
    locked.reason = reason
    locked.save()
    send_later(
        to=[locked.author_email],
        template="editing/mail/change_decided",
        context={
            "change_set": locked,
            "organization": locked.organization,
            **_links(locked.organization, base_url),
        },
    )
    return locked


def change_approve(
    *, change_set: ChangeSet, reviewer, base_url: str, edited: Document | None = None
) -> ChangeSet:
    """Publish what the change set proposes (or the reviewer's edited version of it); for one
    already published, approval only records that it was looked at."""
    with transaction.atomic():
        locked = _locked_open(change_set)
        if locked.status == ChangeSet.Status.PENDING and locked.kind == ChangeSet.Kind.EDIT:
            changes = edited if edited is not None else locked.after
            if edited is not None:
                locked.after = edited
            org = Organization.objects.select_for_update().get(pk=locked.organization_id)
            _publish(org, changes, user=reviewer, change_set=locked, note=_("approved"))
        return _close(locked, ChangeSet.Status.APPROVED, reviewer, "", base_url)


def change_reject(*, change_set: ChangeSet, reviewer, reason: str, base_url: str) -> ChangeSet:
    """A rejected change that was already published is taken back, as a new version."""
    if not reason.strip():
        raise EditError(_("Tell the editor why the change was rejected."))
    with transaction.atomic():
        locked = _locked_open(change_set)
        if locked.status == ChangeSet.Status.PUBLISHED:
            org = Organization.objects.select_for_update().get(pk=locked.organization_id)
            _publish(org, locked.before, user=reviewer, change_set=locked, note=_("taken back"))
        return _close(locked, ChangeSet.Status.REJECTED, reviewer, reason, base_url)


def version_restore(*, version: Version, user, base_url: str) -> Submission:
    """The version's document becomes the organisation's again, as a new change (through the
    queue when the user's changes are reviewed)."""
    org = version.organization
    if org is None:
        raise EditError(_("The organisation no longer exists."))
    current = snapshot(org)
    return edit_submit(
        organization=org,
        user=user,
        base=current,
        after=version.document,
        base_url=base_url,
        note=_("restored the version of %(when)s")
        % {"when": timezone.localtime(version.created).strftime("%-d.%-m.%Y %H.%M")},
    )


def trust_set(*, organization: Organization, trusted: bool, user) -> None:
    if trusted:
        TrustedOrganization.objects.get_or_create(
            organization=organization, defaults={"granted_by": user}
        )
    else:
        TrustedOrganization.objects.filter(organization=organization).delete()


def _free(field: str, wanted: str, fallback: str) -> str:
    return fallback if Organization.objects.filter(**{field: wanted}).exists() else wanted


def organization_undelete(*, version: Version, user) -> Organization:
    """A deleted organisation back from its last version, with its history linked to it again.
    Its seats, memberships and events were deleted with it and are not restored."""
    from jarjestokartta.core.models import new_popolo_id

    document = version.document
    with transaction.atomic():
        locked = Version.objects.select_for_update().get(pk=version.pk)
        if not locked.is_deletion or locked.organization_id is not None:
            raise EditError(_("The organisation has already been restored."))
        org = Organization(
            slug=_free(
                "slug", document["slug"], f"{document['slug'][:180]}-{locked.organization_key}"
            ),
            popolo_id=_free("popolo_id", document["popolo_id"], new_popolo_id()),
        )
        try:
            with transaction.atomic():
                apply(org, {key: value for key, value in document.items() if key in KEYS})
        except IntegrityError as error:
            raise EditError(
                _("The change clashes with another organisation's data (e.g. an identifier).")
            ) from error
        Version.objects.filter(organization_key=locked.organization_key).update(
            organization=org, organization_key=org.pk
        )
        Version.objects.create(
            organization=org,
            organization_key=org.pk,
            name=org.name,
            document=snapshot(org),
            user=user,
            note=_("restored after deletion"),
        )
    return org
