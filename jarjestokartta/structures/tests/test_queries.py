from datetime import date

import pytest

from jarjestokartta.directory.models import Organization
from jarjestokartta.structures.queries import involvements, roster, seat_history

pytestmark = pytest.mark.django_db


def names(memberships) -> list[str]:
    return [m.member.name for m in memberships]


def test_the_council_on_1_10_2020_has_its_appointer_and_the_network_with_its_deputy(demo):
    council = Organization.objects.get(popolo_id="pohjois-savon-jarjestoneuvosto")
    on_day = roster(council, date(2020, 10, 1))
    assert names(on_day.relations["appointing_body"]) == ["Pohjois-Savon maakuntahallitus"]
    seats = {seat.membership.post.label: seat for seat in on_day.members["member"]}
    children = seats["Lapset ja perheet"]
    assert children.membership.member.name == "Pohjois-Savon lapsiasiaverkosto"
    assert names(children.deputies) == ["Pohjois-Savon lapsiasiaverkosto"]
    assert children.deputies[0].role == "deputy_member"
    # The deputy stands beside its member, not as a member of its own.
    assert "deputy_member" not in on_day.members


def test_a_membership_that_starts_later_is_absent_on_an_earlier_day(demo):
    council = Organization.objects.get(popolo_id="pohjois-savon-jarjestoneuvosto")
    assert "expert_member" not in roster(council, date(2020, 10, 1)).members
    later = roster(council, date(2021, 6, 1)).members["expert_member"]
    assert [seat.membership.member.name for seat in later] == ["Pohjois-Savon HYTE-tiimi"]


def test_jane_has_two_secretariats(demo):
    jane = Organization.objects.get(popolo_id="jane")
    assert sorted(names(roster(jane, date(2022, 11, 1)).relations["secretariat"])) == [
        "Pohjois-Karjalan Sosiaaliturvayhdistys ry",
        "Pohjois-Karjalan maakuntaliitto",
    ]


def test_the_roster_takes_two_queries_however_many_members(demo, django_assert_num_queries):
    network = Organization.objects.get(
        popolo_id="perheentalojen-yhteisollisen-kehittamisen-verkosto"
    )
    with django_assert_num_queries(2):
        on_day = roster(network, date(2020, 10, 1))
    assert len(on_day.members["member"]) == 5


def test_seat_history_lists_every_holder(demo):
    council = Organization.objects.get(popolo_id="pohjois-savon-jarjestoneuvosto")
    history = dict((post.label, holders) for post, holders in seat_history(council))
    assert len(history["Lapset ja perheet"]) == 2


def test_an_organisation_sees_where_it_takes_part(demo):
    council = Organization.objects.get(popolo_id="pohjois-savon-jarjestoneuvosto")
    found = involvements(council, date(2021, 1, 1))
    assert {m.organization.popolo_id for m in found["member_of"]} == {
        "posote20-ohjaus-ja-seurantaryhma"
    }
