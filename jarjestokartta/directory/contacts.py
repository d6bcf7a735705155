"""A way to reach an organisation or a person: the kinds, and the fields both kinds of contact
detail share (directory.OrganizationContact, structures.PersonContact)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContactKind(models.TextChoices):
    EMAIL = "email", _("e-mail")
    PHONE = "phone", _("phone")
    ADDRESS = "address", _("address")
    OTHER = "other", _("other")


class ContactDetail(models.Model):
    Kind = ContactKind

    type = models.CharField(
        _("type"),
        max_length=20,
        choices=Kind.choices,
        help_text=_("An e-mail address, a phone number, a postal address or another way."),
    )
    value = models.CharField(
        _("value"), max_length=500, help_text=_("The address or number itself.")
    )
    label = models.CharField(
        _("label"),
        max_length=200,
        blank=True,
        help_text=_('What the contact is for, e.g. "office".'),
    )
    note = models.CharField(
        _("note"), max_length=500, blank=True, help_text=_("A note, e.g. when to call.")
    )

    class Meta:
        abstract = True
        ordering = ["id"]

    def __str__(self) -> str:
        return self.value
