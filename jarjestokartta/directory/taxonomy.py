"""The taxonomies organisations are described by: themes and target groups.

Editors extend them; an import adds the names it brings (popolo) or refuses unknown ones
(spreadsheets). Their models belong to the directory app and are imported, and so registered,
by models.py.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Term(models.Model):
    """An entry of a taxonomy that editors can extend."""

    name = models.CharField(
        _("name (Finnish)"), max_length=120, unique=True, help_text=_("Name in Finnish.")
    )
    name_sv = models.CharField(
        _("name (Swedish)"),
        max_length=120,
        blank=True,
        help_text=_("Name in Swedish, if it has one."),
    )
    name_en = models.CharField(
        _("name (English)"),
        max_length=120,
        blank=True,
        help_text=_("Name in English, if it has one."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        help_text=_("The name in web addresses and API filters: lowercase, with hyphens."),
    )

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Theme(Term):
    class Meta(Term.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class TargetGroup(Term):
    class Meta(Term.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
