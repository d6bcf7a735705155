from datetime import date

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from jarjestokartta.core.models import popolo_id_field


class AreaKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("municipality")
    REGION = "region", _("region")
    WELLBEING_COUNTY = "wellbeing_county", _("wellbeing services county")
    OTHER = "other", _("other area")


class Area(models.Model):
    """A municipality, region, wellbeing services county or another area (Popolo Area)."""

    Kind = AreaKind

    # The identifier scheme of each kind's official Statistics Finland code.
    CODE_SCHEMES = {
        Kind.MUNICIPALITY: "kuntanumero",
        Kind.REGION: "maakuntakoodi",
        Kind.WELLBEING_COUNTY: "hyvinvointialuekoodi",
    }
    ID_PREFIXES = {
        Kind.MUNICIPALITY: "kunta",
        Kind.REGION: "maakunta",
        Kind.WELLBEING_COUNTY: "hyvinvointialue",
    }

    popolo_id = popolo_id_field()
    name = models.CharField(
        _("name (Finnish)"), max_length=200, db_index=True, help_text=_("Name in Finnish.")
    )
    name_sv = models.CharField(
        _("name (Swedish)"),
        max_length=200,
        blank=True,
        help_text=_("Name in Swedish, if it has one."),
    )
    name_en = models.CharField(
        _("name (English)"),
        max_length=200,
        blank=True,
        help_text=_("Name in English, if it has one."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("The name in web addresses and API filters: lowercase, with hyphens."),
    )
    classification = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        help_text=_("Municipality, region, wellbeing services county or another area."),
    )
    code = models.CharField(
        _("official code"),
        max_length=10,
        blank=True,
        help_text=_("Statistics Finland's code: municipality number, region or county code."),
    )
    other_identifiers = models.JSONField(
        _("other identifiers"),
        default=list,
        blank=True,
        help_text=_('Further identifiers as [{"scheme": …, "identifier": …}].'),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent area"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("For areas other than the reference geography, e.g. a city district."),
    )
    is_reference = models.BooleanField(
        _("reference geography"),
        default=False,
        help_text=_("Part of the official geography shipped with the service."),
    )
    extras = models.JSONField(
        _("other Popolo fields"),
        default=dict,
        blank=True,
        help_text=_("Other fields of an imported Popolo file, kept and exported again."),
    )

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(classification__in=AreaKind.values),
                name="geography_area_classification_valid",
            ),
            models.UniqueConstraint(
                fields=["classification", "code"],
                condition=~Q(code=""),
                name="geography_area_code_unique_per_kind",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def code_scheme(self) -> str:
        return self.CODE_SCHEMES.get(self.classification, "")

    def parent_on(self, kind: str, day: date) -> "Area | None":
        """The region or county this municipality belongs to on the given day."""
        link = (
            self.parent_links.active_on(day)
            .filter(parent__classification=kind)
            .select_related("parent")
            .first()
        )
        return link.parent if link else None

    def region_on(self, day: date) -> "Area | None":
        return self.parent_on(self.Kind.REGION, day)


class AreaAlias(models.Model):
    """Another file's id for one of our areas, so that its references still resolve."""

    popolo_id = models.CharField(
        _("Popolo id"),
        max_length=200,
        unique=True,
        help_text=_("The id another Popolo file uses for the area."),
    )
    area = models.ForeignKey(
        Area,
        verbose_name=_("area"),
        on_delete=models.CASCADE,
        related_name="aliases",
        help_text=_("The area that the id stands for."),
    )

    class Meta:
        verbose_name = _("area alias")
        verbose_name_plural = _("area aliases")

    def __str__(self) -> str:
        return self.popolo_id


class AreaLinkQuerySet(models.QuerySet):
    def active_on(self, day: date) -> "AreaLinkQuerySet":
        return self.filter(
            Q(start_date__isnull=True) | Q(start_date__lte=day),
            Q(end_date__isnull=True) | Q(end_date__gte=day),
        )


class AreaLink(models.Model):
    """A dated "belongs to": Joroinen was in Etelä-Savo until 2020 and in Pohjois-Savo since."""

    area = models.ForeignKey(
        Area,
        verbose_name=_("area"),
        on_delete=models.CASCADE,
        related_name="parent_links",
        help_text=_("The municipality (or other area) that belongs to the larger one."),
    )
    parent = models.ForeignKey(
        Area,
        verbose_name=_("belongs to"),
        on_delete=models.CASCADE,
        related_name="child_links",
        help_text=_("The region or county it belongs to."),
    )
    start_date = models.DateField(
        _("start date"),
        null=True,
        blank=True,
        help_text=_("First day it belongs there (empty: since before the records)."),
    )
    end_date = models.DateField(
        _("end date"),
        null=True,
        blank=True,
        help_text=_("Last day it belongs there (empty: it still does)."),
    )

    objects = AreaLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("area membership")
        verbose_name_plural = _("area memberships")
        ordering = ["area__name", "start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(start_date__lte=F("end_date")),
                name="geography_arealink_start_not_after_end",
            ),
            models.CheckConstraint(
                condition=~Q(area=F("parent")), name="geography_arealink_not_own_parent"
            ),
            models.UniqueConstraint(
                fields=["area", "parent", "start_date"], name="geography_arealink_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.area} → {self.parent}"
