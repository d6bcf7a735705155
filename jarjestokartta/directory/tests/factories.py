import factory

from jarjestokartta.directory.models import Identifier, Organization, OrganizationKind


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
