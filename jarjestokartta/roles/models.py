"""Who may change what: regional coordinators, organisation editors, and the requests and
invitations by which people become editors. What each role allows is in permissions.py."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from jarjestokartta.directory.models import Organization
from jarjestokartta.geography.models import Area


class RegionalCoordinator(models.Model):
    """A person who curates the data of one region (maakunta); a person may hold several."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="coordinator_roles",
        help_text=_("The account that holds the role."),
    )
    region = models.ForeignKey(
        Area,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="coordinators",
        limit_choices_to={"classification": Area.Kind.REGION},
        help_text=_("The region whose organisations, bodies, seats and memberships they curate."),
    )
    created = models.DateTimeField(_("granted"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("regional coordinator")
        verbose_name_plural = _("regional coordinators")
        constraints = [
            models.UniqueConstraint(fields=["user", "region"], name="roles_coordinator_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.region}"


class OrganizationEditor(models.Model):
    """A person who keeps one organisation's page, activities and events current."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="editor_roles",
        help_text=_("The account that holds the role."),
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="editors",
        help_text=_("The organisation whose page they keep."),
    )
    position = models.CharField(
        _("role in the organisation"),
        max_length=100,
        blank=True,
        help_text=_("E.g. secretary or chair; shown to coordinators, never in public."),
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("granted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The coordinator who approved the request or the editor who invited them."),
    )
    created = models.DateTimeField(_("granted"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organisation editor")
        verbose_name_plural = _("organisation editors")
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="roles_editor_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organization}"


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("waiting")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


class EditorRequest(models.Model):
    """ "Edustatko tätä yhdistystä?": a person asks to become an organisation's editor; the
    coordinator of its region decides."""

    Status = RequestStatus

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="editor_requests",
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="editor_requests",
    )
    position = models.CharField(
        _("role in the organisation"),
        max_length=100,
        help_text=_("E.g. secretary, chair, communications volunteer."),
    )
    message = models.TextField(
        _("message to the coordinator"),
        blank=True,
        max_length=2000,
        help_text=_("Anything that helps the coordinator to check the request."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    reply = models.TextField(
        _("reply"),
        blank=True,
        max_length=2000,
        help_text=_("The coordinator's message, sent to the person with the decision."),
    )
    created = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("editor request")
        verbose_name_plural = _("editor requests")
        ordering = ["created"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=RequestStatus.values), name="roles_request_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(status=RequestStatus.PENDING) | Q(decided_at__isnull=False),
                name="roles_request_decided_has_date",
            ),
            # One open request per person and organisation: a second click adds nothing.
            models.UniqueConstraint(
                fields=["user", "organization"],
                condition=Q(status=RequestStatus.PENDING),
                name="roles_request_one_pending",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.organization} ({self.get_status_display()})"


class EditorInvitation(models.Model):
    """An invitation by e-mail to become an organisation's editor; the link in the mail carries
    a signed token of this row (roles/invitations.py), so nothing secret is stored."""

    email = models.EmailField(_("e-mail address"))
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="editor_invitations",
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    created = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("editor invitation")
        verbose_name_plural = _("editor invitations")
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.email} → {self.organization}"
