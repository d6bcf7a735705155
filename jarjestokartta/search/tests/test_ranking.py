"""The ranking rules the issue names, each on organisations made for it."""

import pytest

from jarjestokartta.directory.models import Organization, OtherName
from jarjestokartta.directory.tests.factories import OrganizationFactory
from jarjestokartta.search.engine import search
from jarjestokartta.search.filters import Filters

pytestmark = pytest.mark.django_db


def ranked(q: str) -> list[str]:
    return [hit[3] for hit in search(q, Filters(), 20, 0).hits]


def filler(count: int = 12) -> None:
    # Enough other organisations that the test words are not "common" (in >10 % of all).
    for n in range(count):
        OrganizationFactory(name=f"Kuoro {n}", slug=f"kuoro-{n}")


def test_a_match_in_the_name_ranks_above_a_match_in_the_text():
    filler()
    OrganizationFactory(
        name="Kotiseutuyhdistys ry",
        slug="a",
        description="Yhdistys järjestää myös perhekahvilan kerran kuussa.",
    )
    OrganizationFactory(name="Perhekahvila Tupa", slug="b")
    assert ranked("perhekahvila") == ["Perhekahvila Tupa", "Kotiseutuyhdistys ry"]


def test_active_organisations_rank_above_dissolved_ones():
    filler()
    OrganizationFactory(
        name="Reumayhdistys ry", slug="old", founding_date="1980", dissolution_date="2001"
    )
    OrganizationFactory(name="Reumayhdistys ry", slug="new", founding_date="2002")
    hits = search("reumayhdistys", Filters(), 20, 0).hits
    assert [hit[5] for hit in hits] == ["new", "old"]


def test_only_organisations_with_every_word_are_shown_when_there_are_such():
    filler()
    OrganizationFactory(name="Siilinjärven Omaishoitajat ry", slug="both")
    OrganizationFactory(name="Kuopion Omaishoitajat ry", slug="one")
    OrganizationFactory(name="Siilinjärven Sydänyhdistys ry", slug="other")
    outcome = search("omaishoitajat Siilinjärvellä", Filters(), 20, 0)
    assert [hit[5] for hit in outcome.hits] == ["both"]
    assert outcome.partial is False


def test_with_no_organisation_having_every_word_those_with_some_are_shown():
    filler()
    OrganizationFactory(name="Kuopion Omaishoitajat ry", slug="one")
    OrganizationFactory(name="Siilinjärven Sydänyhdistys ry", slug="other")
    outcome = search("omaishoitajat Siilinjärvellä", Filters(), 20, 0)
    assert {hit[5] for hit in outcome.hits} == {"one", "other"}
    assert outcome.partial is True


def test_an_organisation_named_by_its_abbreviation_comes_first_even_when_ended():
    filler()
    OrganizationFactory(
        name="JANEn koulutustyöryhmä", slug="sub", description="JANE järjestää foorumit."
    )
    jane: Organization = OrganizationFactory.create(
        name="Järjestöasiain neuvottelukunta", slug="jane", dissolution_date="2020"
    )
    OtherName.objects.create(organization=jane, name="JANE", kind="abbreviation")
    assert ranked("JANE")[0] == "Järjestöasiain neuvottelukunta"


def test_a_place_word_finds_organisations_located_there():
    filler()
    from jarjestokartta.geography.models import Area

    OrganizationFactory(
        name="Kotiseutuyhdistys Pihlajaiset ry",
        slug="p",
        area=Area.objects.get(popolo_id="kunta:297"),
    )
    OrganizationFactory(name="Kotiseutuyhdistys Rantala ry", slug="r")
    assert ranked("kotiseutuyhdistys Kuopiossa") == ["Kotiseutuyhdistys Pihlajaiset ry"]
