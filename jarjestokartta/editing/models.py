"""Change sets (an editor's edit or anyone's correction, waiting for or past review), the
versions every published change leaves, and the organisations whose editors are trusted."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from jarjestokartta.directory.models import Organization


class ChangeKind(models.TextChoices):
    EDIT = "edit", _("edit")
    CORRECTION = "correction", _("proposed correction")


class ChangeStatus(models.TextChoices):
    PENDING = "pending", _("waiting for review")
    # A trusted organisation's edit: published at once, still to be looked at.
    PUBLISHED = "published", _("published, not yet reviewed")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


class ChangeSet(models.Model):
    Kind = ChangeKind
    Status = ChangeStatus

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="change_sets",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.EDIT)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="change_sets",
        help_text=_("Empty for a correction proposed without an account."),
    )
    author_email = models.EmailField(
        _("author's e-mail"),
        blank=True,
        help_text=_("Where the decision is sent; a correction without an account may give one."),
    )
    before = models.JSONField(
        _("before"), default=dict, help_text=_("The changed keys as they were when editing began.")
    )
    after = models.JSONField(_("after"), default=dict, help_text=_("The changed keys as proposed."))
    message = models.TextField(
        _("message"),
        blank=True,
        max_length=4000,
        help_text=_("The editor's note to the coordinator, or the text of a correction."),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reason = models.TextField(
        _("reason"), blank=True, max_length=2000, help_text=_("Why it was rejected.")
    )
    created = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("change set")
        verbose_name_plural = _("change sets")
        ordering = ["created"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=ChangeKind.values), name="editing_changeset_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=ChangeStatus.values), name="editing_changeset_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["pending", "published"]) | Q(reviewed_at__isnull=False),
                name="editing_changeset_reviewed_has_date",
            ),
        ]
        indexes = [models.Index(fields=["status", "created"], name="editing_changeset_queue")]

    def __str__(self) -> str:
        return f"{self.organization} #{self.pk} ({self.get_status_display()})"

    @property
    def is_open(self) -> bool:
        return self.status in (ChangeStatus.PENDING, ChangeStatus.PUBLISHED)


class Version(models.Model):
    """The organisation's whole document after a published change: history that is never
    rewritten (a restore is a new version). Kept when the organisation is deleted, so that it
    can be restored: hence the id and name, not only the link."""

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="versions",
    )
    organization_key = models.PositiveIntegerField(
        _("organisation id"), db_index=True, help_text=_("The id it had, kept after a deletion.")
    )
    name = models.CharField(_("name"), max_length=300)
    document = models.JSONField(_("document"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    change_set = models.ForeignKey(
        ChangeSet,
        verbose_name=_("change set"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="versions",
    )
    note = models.CharField(
        _("how"), max_length=200, blank=True, help_text=_('E.g. "restored version 3".')
    )
    is_deletion = models.BooleanField(
        _("deleted"),
        default=False,
        help_text=_("The last version of a deleted organisation, from which it can be restored."),
    )
    created = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        ordering = ["organization_key", "pk"]

    def __str__(self) -> str:
        return f"{self.name} @ {self.created:%Y-%m-%d %H:%M}"


class TrustedOrganization(models.Model):
    """Its editors' changes publish at once (names, identifiers and home municipality still
    go through review) and stay reviewable afterwards."""

    organization = models.OneToOneField(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="trust",
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("granted by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("trusted organisation")
        verbose_name_plural = _("trusted organisations")

    def __str__(self) -> str:
        return str(self.organization)
