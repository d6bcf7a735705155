import factory
from django.utils.text import slugify

from jarjestokartta.directory.models import (
    Identifier,
    Organization,
    OrganizationKind,
    TargetGroup,
    Theme,
)


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Testiyhdistys {n} ry")
    slug = factory.Sequence(lambda n: f"testiyhdistys-{n}")
    popolo_id = factory.Sequence(lambda n: f"org-{n}")
    classification = OrganizationKind.ASSOCIATION


class BodyFactory(OrganizationFactory):
    name = factory.Sequence(lambda n: f"Testiverkosto {n}")
    slug = factory.Sequence(lambda n: f"testiverkosto-{n}")
    classification = OrganizationKind.NETWORK


class IdentifierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Identifier

    organization = factory.SubFactory(OrganizationFactory)
    scheme = "ytunnus"
    identifier = "2077474-0"


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Teema {n}")
    slug = factory.LazyAttribute(lambda theme: slugify(theme.name))


class TargetGroupFactory(ThemeFactory):
    class Meta:
        model = TargetGroup
        django_get_or_create = ["name"]
