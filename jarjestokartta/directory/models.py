from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from jarjestokartta.core import vocabulary
from jarjestokartta.core.models import (
    DatedModel,
    as_written_field,
    dated_constraints,
    kept_as_written,
    label_as_written,
    partial_date_field,
    popolo_id_field,
)
from jarjestokartta.directory import identifiers
from jarjestokartta.directory.contacts import ContactDetail as ContactDetail
from jarjestokartta.directory.contacts import ContactKind as ContactKind
from jarjestokartta.directory.querysets import OrganizationQuerySet
from jarjestokartta.directory.taxonomy import TargetGroup as TargetGroup
from jarjestokartta.directory.taxonomy import Term as Term
from jarjestokartta.directory.taxonomy import Theme as Theme
from jarjestokartta.geography.models import Area


class OrganizationKind(models.TextChoices):
    ASSOCIATION = "association", _("association")
    FOUNDATION = "foundation", _("foundation")
    PUBLIC_BODY = "public_body", _("public body")
    COMPANY = "company", _("company")
    NETWORK = "network", _("network")
    COUNCIL = "council", _("council")
    ADVISORY_BOARD = "advisory_board", _("advisory board")
    PARTNERSHIP_TABLE = "partnership_table", _("partnership table")
    FORUM = "forum", _("forum")
    WORKING_GROUP = "working_group", _("working group")
    PROJECT = "project", _("project")
    OTHER = "other", _("other")


# The kinds that are cooperation bodies (they have members, seats and meetings).
BODY_KINDS = {
    OrganizationKind.NETWORK,
    OrganizationKind.COUNCIL,
    OrganizationKind.ADVISORY_BOARD,
    OrganizationKind.PARTNERSHIP_TABLE,
    OrganizationKind.FORUM,
    OrganizationKind.WORKING_GROUP,
}


class Organization(DatedModel):
    """An association, public body, cooperation body or project (Popolo Organization)."""

    Kind = OrganizationKind

    START_FIELD = "founding_date"
    END_FIELD = "dissolution_date"

    popolo_id = popolo_id_field()
    name = models.CharField(
        _("name (Finnish)"), max_length=300, db_index=True, help_text=_("Name in Finnish.")
    )
    name_sv = models.CharField(
        _("name (Swedish)"),
        max_length=300,
        blank=True,
        help_text=_("Name in Swedish, if it has one."),
    )
    name_en = models.CharField(
        _("name (English)"),
        max_length=300,
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
        db_index=True,
        help_text=_("An association, a public body, a kind of cooperation body, a project …"),
    )
    classification_as_written = as_written_field(_("kind as written"))
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text=_("E.g. the national federation of a district or local branch."),
    )
    area = models.ForeignKey(
        Area,
        verbose_name=_("home municipality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="home_organizations",
        help_text=_("The municipality where it is registered or based."),
    )
    operating_areas = models.ManyToManyField(
        Area,
        verbose_name=_("areas of operation"),
        blank=True,
        related_name="operating_organizations",
        help_text=_("Where else it works: municipalities, regions or counties."),
    )
    abstract = models.TextField(_("abstract"), blank=True, help_text=_("One or two sentences."))
    description = models.TextField(
        _("description"), blank=True, help_text=_("A longer account of what it does.")
    )
    founding_date = partial_date_field(_("founding date"))
    dissolution_date = partial_date_field(_("dissolution date"))
    themes = models.ManyToManyField(
        Theme,
        verbose_name=_("themes"),
        blank=True,
        help_text=_("What it works on; searches can be filtered by them."),
    )
    target_groups = models.ManyToManyField(
        TargetGroup,
        verbose_name=_("target groups"),
        blank=True,
        help_text=_("Whom its activity is for; searches can be filtered by them."),
    )
    meetings_min = models.PositiveSmallIntegerField(
        _("meetings a year, at least"),
        null=True,
        blank=True,
        help_text=_("How many times a year it meets at least; with the maximum, a range."),
    )
    meetings_max = models.PositiveSmallIntegerField(
        _("meetings a year, at most"),
        null=True,
        blank=True,
        help_text=_("How many times a year it meets at most."),
    )
    meetings_note = models.CharField(
        _("meeting frequency note"),
        max_length=200,
        blank=True,
        help_text=_('E.g. "as needed" or "about".'),
    )
    how_to_join = models.TextField(
        _("how to join"), blank=True, help_text=_("How a new member or participant can join.")
    )
    source = models.CharField(
        _("data source"), max_length=300, blank=True, help_text=_("Where the data came from.")
    )
    last_verified = models.DateField(
        _("last verified"),
        null=True,
        blank=True,
        help_text=_("When the data was last checked against its source."),
    )
    extras = models.JSONField(
        _("other Popolo fields"),
        default=dict,
        blank=True,
        help_text=_("Other fields of an imported Popolo file, kept and exported again."),
    )
    created = models.DateTimeField(
        _("created"), auto_now_add=True, help_text=_("When the record was added to the service.")
    )
    modified = models.DateTimeField(
        _("modified"), auto_now=True, help_text=_("When the record was last changed.")
    )

    # Its history rows are read by id and date only (see structures.Person.history).
    history = HistoricalRecords(
        excluded_fields=["active_from", "active_until"],
        no_db_index=["popolo_id", "name", "slug", "classification", "parent", "area"],
    )
    objects = OrganizationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(classification__in=OrganizationKind.values),
                name="directory_organization_classification_valid",
            ),
            models.CheckConstraint(
                condition=Q(meetings_min__isnull=True)
                | Q(meetings_max__isnull=True)
                | Q(meetings_min__lte=F("meetings_max")),
                name="directory_organization_meetings_min_not_above_max",
            ),
            models.CheckConstraint(
                condition=~Q(parent=F("pk")), name="directory_organization_not_own_parent"
            ),
            *dated_constraints("directory_organization", "founding_date", "dissolution_date"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.classification_as_written = kept_as_written(
            self.classification_as_written, self.classification, vocabulary.kind_code
        )
        super().save(*args, **kwargs)

    def get_classification_display(self) -> str:
        return label_as_written(
            OrganizationKind, self.classification, self.classification_as_written
        )

    @property
    def is_body(self) -> bool:
        return self.classification in BODY_KINDS

    def get_absolute_url(self) -> str:
        """The public page; directory.links.organization_urls writes many at once."""
        return reverse("organization", args=[self.slug])


class OtherNameKind(models.TextChoices):
    ABBREVIATION = "abbreviation", _("abbreviation")
    ALTERNATIVE = "alternative", _("alternative name")
    FORMER = "former", _("former name")


class OtherName(models.Model):
    Kind = OtherNameKind

    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="other_names",
        help_text=_("The organisation that has or had the name."),
    )
    name = models.CharField(
        _("name"), max_length=300, help_text=_("The other name or abbreviation, e.g. MLL.")
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.ALTERNATIVE,
        help_text=_("An abbreviation, an alternative name or a former name."),
    )
    start_date = partial_date_field(_("start date"))
    end_date = partial_date_field(_("end date"))

    class Meta:
        verbose_name = _("other name")
        verbose_name_plural = _("other names and abbreviations")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=OtherNameKind.values),
                name="directory_othername_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Identifier(models.Model):
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="identifiers",
        help_text=_("The organisation identified."),
    )
    scheme = models.CharField(
        _("scheme"),
        max_length=50,
        help_text=_("ytunnus and yhdistysrekisteri are validated; other schemes are free-form."),
    )
    identifier = models.CharField(
        _("identifier"),
        max_length=200,
        help_text=_("The identifier itself, e.g. 2077474-0 for a Y-tunnus."),
    )

    class Meta:
        verbose_name = _("identifier")
        verbose_name_plural = _("identifiers")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["scheme", "identifier"], name="directory_identifier_unique"
            ),
            models.CheckConstraint(
                condition=~Q(scheme="ytunnus") | Q(identifier__regex=r"^[0-9]{7}-[0-9]$"),
                name="directory_identifier_ytunnus_format",
            ),
            models.CheckConstraint(
                condition=~Q(scheme="yhdistysrekisteri")
                | Q(identifier__regex=r"^[0-9]{1,3}(\.[0-9]{3})?$"),
                name="directory_identifier_yhdistysrekisteri_format",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.scheme}:{self.identifier}"

    def clean(self) -> None:
        problem = identifiers.problem(self.scheme, self.identifier)
        if problem:
            raise ValidationError({"identifier": problem})


class OrganizationContact(ContactDetail):
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="contact_details",
        help_text=_("The organisation reached this way."),
    )

    class Meta(ContactDetail.Meta):
        verbose_name = _("contact detail")
        verbose_name_plural = _("contact details")
        constraints = [
            models.CheckConstraint(
                condition=Q(type__in=ContactKind.values),
                name="directory_organizationcontact_type_valid",
            ),
        ]


class HttpsURLField(models.URLField):
    """A URL field whose form takes "example.fi" to mean https://example.fi (Django 6's way)."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


class Link(models.Model):
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="links",
        help_text=_("The organisation the link is about."),
    )
    url = HttpsURLField(
        _("address"),
        max_length=500,
        help_text=_("The web address; https:// is assumed when it is left out."),
    )
    note = models.CharField(
        _("description"),
        max_length=200,
        blank=True,
        help_text=_('What the page is, e.g. "home page".'),
    )

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.url
