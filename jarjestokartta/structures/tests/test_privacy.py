"""A person's consent, export and erasure, by the coordinator of a region where they sit."""

import json

import pytest

from jarjestokartta.directory.tests.factories import BodyFactory
from jarjestokartta.roles.tests.conftest import area
from jarjestokartta.structures.models import Person, PersonConsent, PersonContact, PersonDataLog
from jarjestokartta.structures.tests.factories import MembershipFactory, PersonFactory, PostFactory


@pytest.fixture
def council(db):
    return BodyFactory(
        name="Kuopion järjestöneuvosto", slug="kuopion-jarjestoneuvosto", area=area("Kuopio")
    )


@pytest.fixture
def aino(council):
    person = PersonFactory(name="Aino Esimerkki", popolo_id="henkilo-aino")
    PersonContact.objects.create(person=person, type="email", value="aino@esimerkki.fi")
    post = PostFactory(organization=council, label="Lapset ja perheet")
    MembershipFactory(organization=council, person=person, member_organization=None, post=post)
    return person


def test_consent_makes_a_person_public_with_who_when_and_why(
    client, coordinator_pohjois_savo, aino, council
):
    page = client.get(f"/jarjestot/{council.slug}/").content.decode()
    assert "Aino Esimerkki" not in page  # private until consent
    client.force_login(coordinator_pohjois_savo)
    response = client.post(
        f"/koordinaattori/henkilot/{aino.popolo_id}/",
        {"basis": "written", "note": "Lomake arkistossa"},
    )
    assert response.status_code == 302
    aino.refresh_from_db()
    assert aino.is_public
    consent = PersonConsent.objects.get()
    assert (consent.basis, consent.recorded_by, consent.note) == (
        "written",
        coordinator_pohjois_savo,
        "Lomake arkistossa",
    )
    client.logout()
    assert "Aino Esimerkki" in client.get(f"/jarjestot/{council.slug}/").content.decode()

    client.force_login(coordinator_pohjois_savo)
    client.post(f"/koordinaattori/henkilot/{aino.popolo_id}/", {"basis": "withdrawn"})
    aino.refresh_from_db()
    assert not aino.is_public


def test_a_bad_basis_is_refused(client, coordinator_pohjois_savo, aino):
    client.force_login(coordinator_pohjois_savo)
    response = client.post(f"/koordinaattori/henkilot/{aino.popolo_id}/", {"basis": "because"})
    assert response.status_code == 200
    assert "Valitse oikea vaihtoehto" in response.content.decode()
    assert not PersonConsent.objects.exists()


def test_the_export_holds_everything_and_is_logged(client, coordinator_pohjois_savo, aino):
    client.force_login(coordinator_pohjois_savo)
    response = client.get(f"/koordinaattori/henkilot/{aino.popolo_id}/tiedot.json")
    assert response["Content-Disposition"].startswith("attachment;")
    document = json.loads(response.content)
    assert document["person"]["name"] == "Aino Esimerkki"
    assert document["contact_details"][0]["value"] == "aino@esimerkki.fi"
    assert document["memberships"][0]["seat"] == "Lapset ja perheet"
    log = PersonDataLog.objects.get()
    assert (log.action, log.person_key, log.done_by) == (
        "export",
        "henkilo-aino",
        coordinator_pohjois_savo,
    )


def test_erasure_removes_the_name_everywhere_and_keeps_the_seat(
    client, coordinator_pohjois_savo, aino, council
):
    client.force_login(coordinator_pohjois_savo)
    unconfirmed = client.post(f"/koordinaattori/henkilot/{aino.popolo_id}/poista/", follow=True)
    assert "Vahvista poisto" in unconfirmed.content.decode()
    assert Person.objects.get(pk=aino.pk).name == "Aino Esimerkki"

    client.post(f"/koordinaattori/henkilot/{aino.popolo_id}/poista/", {"confirm": "yes"})
    erased = Person.objects.get(pk=aino.pk)
    assert (erased.name, erased.is_public) == ("", False)
    assert not PersonContact.objects.exists()
    assert not erased.history.filter(name="Aino Esimerkki").exists()
    assert erased.memberships.count() == 1
    page = client.get(f"/jarjestot/{council.slug}/").content.decode()
    assert "Lapset ja perheet" in page and "Aino" not in page
    log = PersonDataLog.objects.get(action="erase")
    assert log.person_key == "henkilo-aino" and "Aino" not in log.note


def test_only_the_bodys_region_manages_its_persons(
    client, coordinator_pohjois_karjala, editor_of_mll, signed_in, administrator, aino
):
    for user, status in (
        (coordinator_pohjois_karjala, 403),
        (editor_of_mll, 403),
        (signed_in, 403),
        (administrator, 200),
    ):
        client.force_login(user)
        assert client.get(f"/koordinaattori/henkilot/{aino.popolo_id}/").status_code == status
        if status == 403:
            assert (
                client.post(
                    f"/koordinaattori/henkilot/{aino.popolo_id}/poista/", {"confirm": "yes"}
                ).status_code
                == 403
            )
            assert (
                client.get(f"/koordinaattori/henkilot/{aino.popolo_id}/tiedot.json").status_code
                == 403
            )
    assert Person.objects.get(pk=aino.pk).name == "Aino Esimerkki"
    assert not PersonDataLog.objects.exists()


def test_the_search_finds_only_the_regions_persons(
    client, coordinator_pohjois_savo, coordinator_pohjois_karjala, aino
):
    client.force_login(coordinator_pohjois_savo)
    assert "Aino Esimerkki" in client.get("/koordinaattori/henkilot/?haku=aino").content.decode()
    client.force_login(coordinator_pohjois_karjala)
    page = client.get("/koordinaattori/henkilot/?haku=aino").content.decode()
    assert "Aino Esimerkki" not in page
