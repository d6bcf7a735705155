from datetime import date

import pytest
from django.core.exceptions import ValidationError

from jarjestokartta.core.tests.helpers import refused
from jarjestokartta.directory.tests.factories import BodyFactory
from jarjestokartta.structures.models import Membership
from jarjestokartta.structures.tests.factories import (
    MembershipFactory,
    PersonFactory,
    PostFactory,
)

pytestmark = pytest.mark.django_db


def test_a_membership_needs_exactly_one_member():
    body = BodyFactory()
    assert refused(lambda: MembershipFactory(organization=body, member_organization=None))
    assert refused(lambda: MembershipFactory(organization=body, person=PersonFactory()))


def test_a_body_is_not_its_own_member():
    body = BodyFactory()
    assert refused(lambda: MembershipFactory(organization=body, member_organization=body))


def test_the_database_refuses_an_unknown_role():
    membership = MembershipFactory()
    assert refused(lambda: Membership.objects.filter(pk=membership.pk).update(role="boss"))


def test_the_database_refuses_an_end_before_the_start():
    membership = MembershipFactory(start_date="2021")
    assert refused(
        lambda: Membership.objects.filter(pk=membership.pk).update(
            end_date="2020", active_until="2020-12-31"
        )
    )


def test_the_database_refuses_a_membership_deputising_itself():
    membership = MembershipFactory()
    assert refused(lambda: Membership.objects.filter(pk=membership.pk).update(deputy_of=membership))


def test_a_deputy_deputises_a_member_of_the_same_body():
    member = MembershipFactory()
    deputy = MembershipFactory.build(
        organization=BodyFactory(), member_organization=member.member_organization, deputy_of=member
    )
    with pytest.raises(ValidationError, match="saman toimielimen jäsenen"):
        deputy.full_clean()


def test_a_seat_belongs_to_the_body_of_the_membership():
    membership = MembershipFactory.build(
        organization=BodyFactory(),
        member_organization=MembershipFactory().member_organization,
        post=PostFactory(),
    )
    with pytest.raises(ValidationError, match="toiseen toimielimeen"):
        membership.full_clean()


def test_it_shows_who_sits_in_a_body_on_a_given_day():
    body = BodyFactory()
    early = MembershipFactory(organization=body, start_date="2018", end_date="2020-06")
    late = MembershipFactory(organization=body, start_date="2021")
    open_ended = MembershipFactory(organization=body)
    members = Membership.objects.filter(organization=body)

    assert set(members.active_on(date(2020, 6, 30))) == {early, open_ended}
    assert set(members.active_on(date(2020, 10, 1))) == {open_ended}
    assert set(members.active_on(date(2021, 1, 1))) == {late, open_ended}


def test_a_person_is_private_unless_marked_public():
    assert PersonFactory().is_public is False


def test_edits_keep_history():
    membership = MembershipFactory(label="jäsen")
    membership.label = "puheenjohtaja"
    membership.save()
    assert [h.label for h in membership.history.all()] == ["puheenjohtaja", "jäsen"]
