import factory

from jarjestokartta.directory.tests.factories import BodyFactory, OrganizationFactory
from jarjestokartta.structures.models import Membership, Person, Post, Role


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Edustaja {n}")
    popolo_id = factory.Sequence(lambda n: f"person-{n}")


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post

    organization = factory.SubFactory(BodyFactory)
    label = factory.Sequence(lambda n: f"Teemapaikka {n}")
    popolo_id = factory.Sequence(lambda n: f"post-{n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    """An organisation's membership of a body (the seeds rarely name persons)."""

    class Meta:
        model = Membership

    organization = factory.SubFactory(BodyFactory)
    member_organization = factory.SubFactory(OrganizationFactory)
    role = Role.MEMBER
    popolo_id = factory.Sequence(lambda n: f"membership-{n}")
