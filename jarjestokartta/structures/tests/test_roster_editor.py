"""The coordinator's roster editor: seats, a member with a deputy, an end that asks about the
deputy, and a new term."""

import pytest

from jarjestokartta.directory.tests.factories import BodyFactory, OrganizationFactory
from jarjestokartta.roles.tests.conftest import area
from jarjestokartta.structures.models import Membership, Person, Post

PAGE = "/jarjestot/{}/kokoonpano/"


@pytest.fixture
def council(db):
    return BodyFactory(name="Kuopion järjestöneuvosto", slug="neuvosto", area=area("Kuopio"))


@pytest.fixture
def seat(council):
    return Post.objects.create(
        organization=council, label="Lapset ja perheet", start_date="2025-01-01"
    )


def appoint(client, council, **data):
    fields = {
        "action": "appoint",
        "nimitys-member_kind": "organization",
        "nimitys-deputy_kind": "person",
        "nimitys-start_date": "1.1.2025",
        "nimitys-end_date": "31.12.2026",
        **{f"nimitys-{key}": value for key, value in data.items()},
    }
    return client.post(PAGE.format(council.slug), fields)


def test_a_member_and_deputy_are_appointed_together(
    client, coordinator_pohjois_savo, council, seat
):
    mll = OrganizationFactory(name="MLL:n Kuopion yhdistys")
    OrganizationFactory(name="Kuopion kaupunki")
    client.force_login(coordinator_pohjois_savo)
    response = appoint(
        client,
        council,
        post=str(seat.pk),
        member="mll:n kuopion yhdistys",
        deputy="Aino Esimerkki",
        on_behalf_of="MLL:n Kuopion yhdistys",
        appointed_by="Kuopion kaupunki",
    )
    assert response.status_code == 302
    member = Membership.objects.get(role="member")
    deputy = Membership.objects.get(role="deputy_member")
    assert (member.member_organization, member.post, member.start_date, member.end_date) == (
        mll,
        seat,
        "2025-01-01",
        "2026-12-31",
    )
    assert member.appointed_by.name == "Kuopion kaupunki" and member.on_behalf_of == mll
    assert deputy.deputy_of == member and deputy.post == seat
    assert deputy.person.name == "Aino Esimerkki" and not deputy.person.is_public
    assert member.history.latest().history_user == coordinator_pohjois_savo


def test_an_unknown_organisation_is_said_so_and_nothing_is_saved(
    client, coordinator_pohjois_savo, council
):
    client.force_login(coordinator_pohjois_savo)
    response = appoint(client, council, member="Ei ole ry")
    assert response.status_code == 400
    assert "Järjestöä nimeltä ”Ei ole ry” ei löydy" in response.content.decode()
    assert not Membership.objects.exists() and not Person.objects.exists()


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        ("ends", ("deputy_member", "2025-06-30", True)),
        ("steps_up", ("member", "", False)),
        ("stays", ("deputy_member", "", False)),
    ],
)
def test_ending_a_member_asks_what_becomes_of_the_deputy(
    client, coordinator_pohjois_savo, council, seat, choice, expected
):
    mll = OrganizationFactory(name="MLL")
    member = Membership.objects.create(organization=council, member_organization=mll, post=seat)
    aino = Person.objects.create(name="Aino")
    deputy = Membership.objects.create(
        organization=council, person=aino, post=seat, role="deputy_member", deputy_of=member
    )
    client.force_login(coordinator_pohjois_savo)
    page = client.get(PAGE.format(council.slug)).content.decode()
    assert "Mitä varajäsenelle tapahtuu?" in page
    client.post(
        PAGE.format(council.slug),
        {
            "action": "end",
            "membership": member.pk,
            f"loppu-{member.pk}-end_date": "30.6.2025",
            f"loppu-{member.pk}-deputy": choice,
        },
    )
    member.refresh_from_db()
    deputy.refresh_from_db()
    assert member.end_date == "2025-06-30"
    role, end, still_deputy_of_member = expected
    assert (deputy.role, deputy.end_date, deputy.deputy_of_id == member.pk) == (
        role,
        end,
        still_deputy_of_member,
    )


def test_a_new_term_copies_the_seats_and_ends_the_old_holders(
    client, coordinator_pohjois_savo, council, seat
):
    mll = OrganizationFactory(name="MLL")
    old = Membership.objects.create(organization=council, member_organization=mll, post=seat)
    client.force_login(coordinator_pohjois_savo)
    response = client.post(
        PAGE.format(council.slug), {"action": "term", "kausi-first_day": "1.1.2027"}
    )
    assert response.status_code == 302
    seat.refresh_from_db()
    old.refresh_from_db()
    assert seat.end_date == "2026-12-31" and old.end_date == "2026-12-31"
    new = Post.objects.exclude(pk=seat.pk).get()
    assert (new.label, new.start_date, new.memberships.count()) == (
        "Lapset ja perheet",
        "2027-01-01",
        0,
    )


def test_a_bad_date_and_other_regions_are_refused(
    client, coordinator_pohjois_savo, coordinator_pohjois_karjala, editor_of_mll, council
):
    client.force_login(coordinator_pohjois_savo)
    response = client.post(
        PAGE.format(council.slug), {"action": "term", "kausi-first_day": "32.1.2027"}
    )
    assert response.status_code == 400
    assert "Kirjoita päivämäärä muodossa p.k.vvvv" in response.content.decode()
    for user in (coordinator_pohjois_karjala, editor_of_mll):
        client.force_login(user)
        assert client.get(PAGE.format(council.slug)).status_code == 403
        assert (
            client.post(
                PAGE.format(council.slug), {"action": "seat", "paikka-label": "X"}
            ).status_code
            == 403
        )
    assert not Post.objects.exists()


def test_an_association_has_no_roster_editor(client, coordinator_pohjois_savo, mll_kuopio):
    client.force_login(coordinator_pohjois_savo)
    assert client.get(PAGE.format(mll_kuopio.slug)).status_code == 404
