import pytest
from django.core.exceptions import ValidationError

from jarjestokartta.core.tests.helpers import refused
from jarjestokartta.directory.models import Identifier, Organization
from jarjestokartta.directory.tests.factories import IdentifierFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def test_it_keeps_a_partial_founding_date_partial_and_derives_its_days():
    org = OrganizationFactory(founding_date="2008", dissolution_date="2022-06")
    org.refresh_from_db()
    assert org.founding_date == "2008"
    assert str(org.active_from) == "2008-01-01"
    assert str(org.active_until) == "2022-06-30"


def test_the_database_refuses_an_unknown_classification():
    org = OrganizationFactory()
    assert refused(lambda: Organization.objects.filter(pk=org.pk).update(classification="club"))


def test_the_database_refuses_a_malformed_partial_date():
    org = OrganizationFactory()
    assert refused(lambda: Organization.objects.filter(pk=org.pk).update(founding_date="20x8"))


def test_the_database_refuses_dissolution_before_founding():
    org = OrganizationFactory(founding_date="2010")
    assert refused(
        lambda: Organization.objects.filter(pk=org.pk).update(
            dissolution_date="2009", active_until="2009-12-31"
        )
    )


def test_the_database_refuses_derived_days_that_disagree_with_the_dates():
    org = OrganizationFactory(founding_date="2010")
    assert refused(lambda: Organization.objects.filter(pk=org.pk).update(active_from=None))


def test_the_database_refuses_more_minimum_than_maximum_meetings():
    org = OrganizationFactory()
    assert refused(
        lambda: Organization.objects.filter(pk=org.pk).update(meetings_min=6, meetings_max=4)
    )


def test_the_database_refuses_a_slug_or_popolo_id_twice():
    OrganizationFactory(slug="sama", popolo_id="sama")
    assert refused(lambda: OrganizationFactory(slug="sama"))
    assert refused(lambda: OrganizationFactory(popolo_id="sama"))


def test_the_database_refuses_one_ytunnus_for_two_organisations():
    IdentifierFactory(identifier="2077474-0")
    assert refused(lambda: IdentifierFactory(identifier="2077474-0"))


def test_the_database_refuses_a_ytunnus_in_the_wrong_shape():
    assert refused(lambda: IdentifierFactory(identifier="20774740"))


def test_the_model_validates_the_ytunnus_check_digit():
    identifier = Identifier(
        organization=OrganizationFactory(), scheme="ytunnus", identifier="2077474-1"
    )
    with pytest.raises(ValidationError, match="not a valid Y-tunnus"):
        identifier.full_clean()


def test_the_model_validates_the_association_register_number():
    org = OrganizationFactory()
    Identifier(organization=org, scheme="yhdistysrekisteri", identifier="123.456").full_clean()
    with pytest.raises(ValidationError, match=r"must be written as '123\.456'"):
        Identifier(organization=org, scheme="yhdistysrekisteri", identifier="123456").full_clean()


def test_other_schemes_are_free_form():
    Identifier(organization=OrganizationFactory(), scheme="prh-oid", identifier="x/1").full_clean()


def test_the_model_refuses_an_end_before_the_start_with_a_clear_message():
    org = Organization(
        name="A",
        slug="a",
        classification="association",
        founding_date="2010",
        dissolution_date="2009",
    )
    with pytest.raises(ValidationError, match="ennen alkamispäivää"):
        org.full_clean()


def test_it_finds_organisations_active_on_a_day():
    old = OrganizationFactory(founding_date="1990", dissolution_date="2000")
    current = OrganizationFactory(founding_date="1995")
    undated = OrganizationFactory()
    from datetime import date

    assert set(Organization.objects.active_on(date(2010, 1, 1))) == {current, undated}
    assert set(Organization.objects.active_on(date(1999, 12, 31))) == {old, current, undated}
