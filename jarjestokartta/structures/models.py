from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from jarjestokartta.core import vocabulary
from jarjestokartta.core.models import (
    ActiveQuerySet,
    DatedModel,
    as_written_field,
    dated_constraints,
    kept_as_written,
    label_as_written,
    partial_date_field,
    popolo_id_field,
)
from jarjestokartta.directory.models import ContactDetail, ContactKind, Organization
from jarjestokartta.geography.models import Area


class Role(models.TextChoices):
    """How a member stands to the organisation: "member *is role of/for* organisation"."""

    CHAIR = "chair", _("chair")
    VICE_CHAIR = "vice_chair", _("vice-chair")
    SECRETARY = "secretary", _("secretary")
    MEMBER = "member", _("member")
    DEPUTY_MEMBER = "deputy_member", _("deputy member")
    EXPERT_MEMBER = "expert_member", _("expert member")
    COORDINATOR = "coordinator", _("coordinator")
    SECRETARIAT = "secretariat", _("secretariat")
    ADMINISTRATOR = "administrator", _("administrator")
    FUNDER = "funder", _("funder")
    APPOINTING_BODY = "appointing_body", _("appointing body")
    OTHER = "other", _("other")


class Person(models.Model):
    """A person who holds a seat or a role. Private unless marked public."""

    popolo_id = popolo_id_field()
    name = models.CharField(
        _("name"), max_length=200, help_text=_("The full name, as it is shown when public.")
    )
    given_name = models.CharField(
        _("given name"),
        max_length=100,
        blank=True,
        help_text=_("The given name, when recorded apart."),
    )
    family_name = models.CharField(
        _("family name"),
        max_length=100,
        blank=True,
        help_text=_("The family name, when recorded apart; lists are sorted by it."),
    )
    is_public = models.BooleanField(
        _("public"),
        default=False,
        help_text=_(
            "Shown on public pages and in public exports only when the person has agreed to it."
        ),
    )
    extras = models.JSONField(
        _("other Popolo fields"),
        default=dict,
        blank=True,
        help_text=_("Other fields of an imported Popolo file, kept and exported again."),
    )

    # History rows are read by the record's id (its history page) and date only: the other
    # indexes of the model would be written for every history row and never read (8 of a
    # membership's 11, for the 290,000 rows a national import writes).
    history = HistoricalRecords(no_db_index=["popolo_id"])

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        ordering = ["family_name", "name"]

    def __str__(self) -> str:
        return self.name


class PersonContact(ContactDetail):
    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="contact_details",
        help_text=_("The person reached this way."),
    )

    class Meta(ContactDetail.Meta):
        verbose_name = _("contact detail")
        verbose_name_plural = _("contact details")
        constraints = [
            models.CheckConstraint(
                condition=Q(type__in=ContactKind.values),
                name="structures_personcontact_type_valid",
            ),
        ]


class Post(DatedModel):
    """A seat in a body, e.g. the NGO council's "children and families" seat."""

    popolo_id = popolo_id_field()
    label = models.CharField(
        _("label"), max_length=300, help_text=_('The seat\'s name, e.g. "Children and families".')
    )
    other_label = models.JSONField(
        _("other labels"),
        default=list,
        blank=True,
        help_text=_("Other names of the seat, as a list (Popolo's other_label)."),
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("body"),
        on_delete=models.CASCADE,
        related_name="posts",
        help_text=_("The body the seat is in."),
    )
    role = models.CharField(
        _("role"),
        max_length=20,
        choices=Role.choices,
        blank=True,
        help_text=_("The role of whoever holds the seat, e.g. member or deputy member."),
    )
    role_as_written = as_written_field(_("role as written"))
    area = models.ForeignKey(
        Area,
        verbose_name=_("area"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text=_("The area the seat stands for, if any."),
    )
    start_date = partial_date_field(_("start date"))
    end_date = partial_date_field(_("end date"))
    extras = models.JSONField(
        _("other Popolo fields"),
        default=dict,
        blank=True,
        help_text=_("Other fields of an imported Popolo file, kept and exported again."),
    )

    history = HistoricalRecords(
        excluded_fields=["active_from", "active_until"],
        no_db_index=["popolo_id", "organization", "area"],
    )
    objects = ActiveQuerySet.as_manager()

    class Meta:
        verbose_name = _("seat")
        verbose_name_plural = _("seats")
        ordering = ["organization__name", "label"]
        constraints = [
            models.CheckConstraint(
                condition=Q(role="") | Q(role__in=Role.values), name="structures_post_role_valid"
            ),
            *dated_constraints("structures_post", "start_date", "end_date"),
        ]

    def __str__(self) -> str:
        return f"{self.organization}: {self.label}"

    def save(self, *args, **kwargs) -> None:
        self.role_as_written = kept_as_written(
            self.role_as_written, self.role, vocabulary.role_code
        )
        super().save(*args, **kwargs)

    def get_role_display(self) -> str:
        return label_as_written(Role, self.role, self.role_as_written) if self.role else ""


class Membership(DatedModel):
    """Who sits where, in what role, on whose behalf, as whose deputy, and when."""

    popolo_id = popolo_id_field()
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("body"),
        on_delete=models.CASCADE,
        related_name="memberships",
        help_text=_("The body or organisation the member sits in or serves."),
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("member person"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
        help_text=_("The person who is the member; empty when an organisation is."),
    )
    member_organization = models.ForeignKey(
        Organization,
        verbose_name=_("member organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships_as_member",
        help_text=_("The organisation that is the member; empty when a person is."),
    )
    role = models.CharField(
        _("role"),
        max_length=20,
        choices=Role.choices,
        default=Role.MEMBER,
        help_text=_("How the member stands to the body: member, deputy, chair, funder …"),
    )
    role_as_written = as_written_field(_("role as written"))
    label = models.CharField(
        _("label"), max_length=300, blank=True, help_text=_('E.g. a title: "Project manager".')
    )
    post = models.ForeignKey(
        Post,
        verbose_name=_("seat"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="memberships",
        help_text=_("The seat held, when the body has named seats."),
    )
    on_behalf_of = models.ForeignKey(
        Organization,
        verbose_name=_("on behalf of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="represented_by",
        help_text=_("The organisation the member speaks for there."),
    )
    deputy_of = models.ForeignKey(
        "self",
        verbose_name=_("deputy of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="deputies",
        help_text=_("The membership of the member this one deputises."),
    )
    appointed_by = models.ForeignKey(
        Organization,
        verbose_name=_("appointed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="appointments",
        help_text=_("The organisation that appointed the member."),
    )
    start_date = partial_date_field(_("start date"))
    end_date = partial_date_field(_("end date"))
    extras = models.JSONField(
        _("other Popolo fields"),
        default=dict,
        blank=True,
        help_text=_("Other fields of an imported Popolo file, kept and exported again."),
    )

    history = HistoricalRecords(
        excluded_fields=["active_from", "active_until"],
        no_db_index=[
            "popolo_id",
            "organization",
            "person",
            "member_organization",
            "post",
            "on_behalf_of",
            "deputy_of",
            "appointed_by",
        ],
    )
    objects = ActiveQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organization__name", "role", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False, member_organization__isnull=True)
                | Q(person__isnull=True, member_organization__isnull=False),
                name="structures_membership_exactly_one_member",
            ),
            models.CheckConstraint(
                condition=Q(role__in=Role.values), name="structures_membership_role_valid"
            ),
            models.CheckConstraint(
                condition=~Q(member_organization=F("organization")),
                name="structures_membership_not_member_of_itself",
            ),
            models.CheckConstraint(
                condition=~Q(deputy_of=F("pk")), name="structures_membership_not_own_deputy"
            ),
            *dated_constraints("structures_membership", "start_date", "end_date"),
        ]
        indexes = [models.Index(fields=["organization", "active_from", "active_until"])]

    def __str__(self) -> str:
        return f"{self.member}: {self.get_role_display()}, {self.organization}"

    def save(self, *args, **kwargs) -> None:
        self.role_as_written = kept_as_written(
            self.role_as_written, self.role, vocabulary.role_code
        )
        super().save(*args, **kwargs)

    def get_role_display(self) -> str:
        return label_as_written(Role, self.role, self.role_as_written)

    @property
    def member(self) -> Person | Organization | None:
        return self.person or self.member_organization

    def clean(self) -> None:
        super().clean()
        if (self.person_id is None) == (self.member_organization_id is None):
            raise ValidationError(_("Choose either a member person or a member organisation."))
        if self.deputy_of_id and self.deputy_of.organization_id != self.organization_id:
            raise ValidationError({"deputy_of": _("A deputy deputises a member of the same body.")})
        if self.post_id and self.post.organization_id != self.organization_id:
            raise ValidationError({"post": _("The seat belongs to another body.")})


# A person's consents and the log of exports and erasures live in consent.py (one idea, and
# this file's length); imported here so that Django finds them as this app's models.
from jarjestokartta.structures.consent import (  # noqa: E402
    ConsentBasis,
    PersonConsent,
    PersonDataAction,
    PersonDataLog,
)

__all__ = [
    "ConsentBasis",
    "Membership",
    "Person",
    "PersonConsent",
    "PersonContact",
    "PersonDataAction",
    "PersonDataLog",
    "Post",
    "Role",
]
