"""Why a person is public or not, and the log of exports and erasures of a person's data
(structures/privacy.py writes both)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ConsentBasis(models.TextChoices):
    WRITTEN = "written", _("written consent")
    ORAL = "oral", _("oral consent, noted down")
    PUBLIC_OFFICE = "public_office", _("holds a public office in this role")
    WITHDRAWN = "withdrawn", _("not public (consent withdrawn or never given)")


class PersonConsent(models.Model):
    """Why a person is public or not: who recorded it, when and on what basis. The latest
    row decides Person.is_public (structures/privacy.py keeps the two together)."""

    Basis = ConsentBasis

    person = models.ForeignKey(
        "structures.Person",  # by name: models.py imports this module
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="consents",
        help_text=_("Whose consent it is."),
    )
    is_public = models.BooleanField(
        _("public"), help_text=_("Whether the person may be named on public pages and exports.")
    )
    basis = models.CharField(
        _("basis"),
        max_length=20,
        choices=Basis.choices,
        help_text=_("What it rests on: a consent, a public office, or none."),
    )
    note = models.CharField(
        _("note"),
        max_length=500,
        blank=True,
        help_text=_("E.g. where the written consent is kept."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The coordinator or administrator who recorded it."),
    )
    recorded_at = models.DateTimeField(
        _("recorded"), auto_now_add=True, help_text=_("When it was recorded.")
    )

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["person", "-recorded_at", "-pk"]
        constraints = [
            # Public only on a basis that allows it; private only as "withdrawn".
            models.CheckConstraint(
                condition=Q(is_public=True, basis__in=["written", "oral", "public_office"])
                | Q(is_public=False, basis="withdrawn"),
                name="structures_personconsent_basis_fits",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_id}: {self.get_basis_display()}"


class PersonDataAction(models.TextChoices):
    EXPORT = "export", _("exported")
    ERASE = "erase", _("erased")


class PersonDataLog(models.Model):
    """Each export and erasure of a person's data: by whom and when. The person is named by
    their Popolo id only, so that the log keeps no name of an erased person."""

    Action = PersonDataAction

    action = models.CharField(
        _("action"),
        max_length=10,
        choices=Action.choices,
        help_text=_("What was done: an export or an erasure."),
    )
    person_key = models.CharField(
        _("person's id"),
        max_length=200,
        db_index=True,
        help_text=_("The person's Popolo id; no name is kept here."),
    )
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("done by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The coordinator or administrator who did it."),
    )
    done_at = models.DateTimeField(_("when"), auto_now_add=True, help_text=_("When it was done."))
    note = models.CharField(
        _("note"), max_length=300, blank=True, help_text=_("E.g. how many memberships were kept.")
    )

    class Meta:
        verbose_name = _("person data log entry")
        verbose_name_plural = _("person data log")
        ordering = ["-done_at"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.person_key}"
