"""Becoming an editor, by request or by invitation, and the coordinator's decisions.

Each service changes the data and queues its mails (core/outbox.py) in one transaction: a mail
tells of a change that happened, and a change that happened always has its mail queued.
"""

from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from jarjestokartta.core.outbox import send_later
from jarjestokartta.directory.models import Organization
from jarjestokartta.roles.models import (
    EditorInvitation,
    EditorRequest,
    OrganizationEditor,
    RegionalCoordinator,
)
from jarjestokartta.roles.permissions import region_id_of

INVITATION_DAYS = 14
_INVITATION_SALT = "jarjestokartta.roles.invitation"


class RoleError(Exception):
    """A request that cannot be carried out; the message is for the user, translated."""


def deciders_of(organization: Organization) -> list[str]:
    """Who decides about the organisation's editors: its region's coordinators, or, where it
    has none, the administrators (so that no request waits unseen)."""
    region_id = region_id_of(organization)
    coordinators = RegionalCoordinator.objects.filter(region_id=region_id).values_list(
        "user__email", flat=True
    )
    addresses = [address for address in coordinators if address] if region_id else []
    if not addresses:
        admins = get_user_model().objects.filter(is_superuser=True, is_active=True)
        addresses = [address for address in admins.values_list("email", flat=True) if address]
    return addresses


def editor_request_create(
    *, user, organization: Organization, position: str, message: str, base_url: str
) -> EditorRequest:
    if OrganizationEditor.objects.filter(user=user, organization=organization).exists():
        raise RoleError(_("You are already an editor of this organisation."))
    with transaction.atomic():
        pending = (
            EditorRequest.objects.select_for_update()
            .filter(user=user, organization=organization, status=EditorRequest.Status.PENDING)
            .first()
        )
        if pending:
            raise RoleError(_("Your request is already waiting for the coordinator's decision."))
        editor_request = EditorRequest.objects.create(
            user=user, organization=organization, position=position, message=message
        )
        context = {
            "request": editor_request,
            "organization": organization,
            "decision_url": base_url + reverse("editor-request-decision", args=[editor_request.pk]),
            "organization_url": base_url + organization.get_absolute_url(),
        }
        send_later(to=deciders_of(organization), template="roles/mail/request_new", context=context)
        send_later(to=[user.email], template="roles/mail/request_received", context=context)
    return editor_request


def editor_request_decide(
    *, editor_request: EditorRequest, decided_by, approve: bool, reply: str, base_url: str
) -> EditorRequest:
    with transaction.atomic():
        locked = EditorRequest.objects.select_for_update().get(pk=editor_request.pk)
        if locked.status != EditorRequest.Status.PENDING:
            raise RoleError(_("This request has already been decided."))
        locked.status = EditorRequest.Status.APPROVED if approve else EditorRequest.Status.REJECTED
        locked.decided_by = decided_by
        locked.decided_at = timezone.now()
        locked.reply = reply
        locked.save()
        if approve:
            OrganizationEditor.objects.get_or_create(
                user=locked.user,
                organization=locked.organization,
                defaults={"position": locked.position, "granted_by": decided_by},
            )
        context = {
            "request": locked,
            "organization": locked.organization,
            "organization_url": base_url + locked.organization.get_absolute_url(),
        }
        send_later(to=[locked.user.email], template="roles/mail/request_decided", context=context)
    return locked


def invitation_token(invitation: EditorInvitation) -> str:
    return signing.TimestampSigner(salt=_INVITATION_SALT).sign(
        f"{invitation.pk}:{invitation.email}"
    )


def invitation_from_token(token: str) -> EditorInvitation:
    try:
        value = signing.TimestampSigner(salt=_INVITATION_SALT).unsign(
            token, max_age=INVITATION_DAYS * 86400
        )
    except signing.SignatureExpired as error:
        raise RoleError(_("The invitation has expired: ask for a new one.")) from error
    except signing.BadSignature as error:
        raise RoleError(
            _("The invitation link is not valid: check that you copied all of it.")
        ) from error
    pk, _colon, email = value.partition(":")
    invitation = (
        EditorInvitation.objects.select_related("organization").filter(pk=pk, email=email).first()
    )
    if invitation is None:
        raise RoleError(_("The invitation no longer exists."))
    return invitation


def editor_invite(
    *, organization: Organization, email: str, invited_by, base_url: str
) -> EditorInvitation:
    email = email.strip().lower()
    if OrganizationEditor.objects.filter(
        organization=organization, user__email__iexact=email
    ).exists():
        raise RoleError(_("This address already has an editor's rights to this organisation."))
    with transaction.atomic():
        invitation = EditorInvitation.objects.create(
            email=email, organization=organization, invited_by=invited_by
        )
        context = {
            "invitation": invitation,
            "organization": organization,
            "invited_by": invited_by,
            "days": INVITATION_DAYS,
            "accept_url": base_url
            + reverse("accept-invitation", args=[invitation_token(invitation)]),
        }
        send_later(to=[email], template="roles/mail/invitation", context=context)
    return invitation


def invitation_accept(*, invitation: EditorInvitation, user) -> OrganizationEditor:
    """The invited address must be one of the user's verified addresses: a forwarded link does
    not make someone else an editor."""
    from allauth.account.models import EmailAddress

    if not EmailAddress.objects.filter(
        user=user, email__iexact=invitation.email, verified=True
    ).exists():
        raise RoleError(
            _(
                "The invitation was sent to %(email)s: log in with that address, or add and "
                "verify it in your account's settings."
            )
            % {"email": invitation.email}
        )
    with transaction.atomic():
        locked = EditorInvitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.accepted_by_id and locked.accepted_by_id != user.pk:
            raise RoleError(_("The invitation has already been used."))
        editor, _created = OrganizationEditor.objects.get_or_create(
            user=user,
            organization=locked.organization,
            defaults={"granted_by": locked.invited_by},
        )
        if not locked.accepted_by_id:
            locked.accepted_by = user
            locked.accepted_at = timezone.now()
            locked.save(update_fields=["accepted_by", "accepted_at"])
    return editor


def organization_mark_verified(*, organization: Organization) -> Organization:
    """ "Tiedot tarkistettu": the data was checked today. Saved through the model, so that its
    history records who did it (simple-history's request middleware)."""
    organization.last_verified = timezone.localdate()
    organization.save(update_fields=["last_verified", "modified"])
    return organization
