"""'Edustatko tätä yhdistystä?': the request, the coordinator's decision, and both sides'
mails."""

import pytest
from django.core import mail

from jarjestokartta.directory.tests.factories import OrganizationFactory
from jarjestokartta.roles.models import EditorRequest, OrganizationEditor
from jarjestokartta.roles.permissions import Action, can
from jarjestokartta.roles.tests.conftest import area


def ask(client, org, position="sihteeri", message="Olen hallituksen sihteeri."):
    return client.post(
        f"/jarjestot/{org.slug}/edustan/", {"position": position, "message": message}
    )


def test_it_sends_the_request_to_the_regions_coordinator_and_confirms_it(
    client, signed_in, mll_kuopio, coordinator_pohjois_savo, coordinator_pohjois_karjala
):
    client.force_login(signed_in)
    response = ask(client, mll_kuopio)
    assert response.status_code == 302
    req = EditorRequest.objects.get(user=signed_in)
    assert (req.organization, req.position, req.status) == (mll_kuopio, "sihteeri", "pending")

    to_coordinator = [m for m in mail.outbox if m.to == [coordinator_pohjois_savo.email]]
    assert len(to_coordinator) == 1
    assert "MLL:n Kuopion yhdistys" in to_coordinator[0].subject
    assert f"/koordinaattori/pyynnot/{req.pk}/" in to_coordinator[0].body
    assert "Olen hallituksen sihteeri." in to_coordinator[0].body
    assert not [m for m in mail.outbox if coordinator_pohjois_karjala.email in m.to]
    assert [m.to for m in mail.outbox if m.to == [signed_in.email]]


def test_the_page_says_what_happens_and_the_form_needs_a_role(client, signed_in, mll_kuopio):
    client.force_login(signed_in)
    page = client.get(f"/jarjestot/{mll_kuopio.slug}/edustan/").content.decode()
    assert "Edustatko tätä yhdistystä?" in page
    response = ask(client, mll_kuopio, position="")
    assert response.status_code == 200
    assert "Tämä kenttä vaaditaan." in response.content.decode()
    assert not EditorRequest.objects.exists()
    assert not mail.outbox


def test_a_second_request_while_one_waits_adds_nothing(client, signed_in, mll_kuopio):
    client.force_login(signed_in)
    ask(client, mll_kuopio)
    sent = len(mail.outbox)
    ask(client, mll_kuopio)
    assert EditorRequest.objects.count() == 1
    assert len(mail.outbox) == sent
    page = client.get(f"/jarjestot/{mll_kuopio.slug}/edustan/").content.decode()
    assert "odottaa" in page or "päättää" in page


def test_without_a_coordinator_the_administrators_decide(client, signed_in, administrator):
    nowhere = OrganizationFactory(area=None)
    client.force_login(signed_in)
    ask(client, nowhere)
    assert [m for m in mail.outbox if m.to == [administrator.email]]


def test_the_coordinator_approves_and_the_person_becomes_an_editor(
    client, signed_in, mll_kuopio, coordinator_pohjois_savo
):
    client.force_login(signed_in)
    ask(client, mll_kuopio)
    req = EditorRequest.objects.get()
    mail.outbox.clear()

    client.force_login(coordinator_pohjois_savo)
    listing = client.get("/koordinaattori/").content.decode()
    assert signed_in.email in listing and "MLL:n Kuopion yhdistys" in listing
    response = client.post(
        f"/koordinaattori/pyynnot/{req.pk}/", {"decision": "approve", "reply": "Tervetuloa!"}
    )
    assert response.status_code == 302
    editor = OrganizationEditor.objects.get(user=signed_in, organization=mll_kuopio)
    assert editor.granted_by == coordinator_pohjois_savo
    assert editor.position == "sihteeri"
    assert can(signed_in, Action.EDIT_ORGANIZATION, mll_kuopio)
    [message] = mail.outbox
    assert message.to == [signed_in.email]
    assert "Tervetuloa!" in message.body
    assert "/jarjestot/mll-kuopio/" in message.body
    assert "Ei odottavia pyyntöjä." in client.get("/koordinaattori/").content.decode()


def test_a_rejection_needs_a_reason_which_the_person_gets(
    client, signed_in, mll_kuopio, coordinator_pohjois_savo
):
    client.force_login(signed_in)
    ask(client, mll_kuopio)
    req = EditorRequest.objects.get()
    mail.outbox.clear()
    client.force_login(coordinator_pohjois_savo)

    response = client.post(f"/koordinaattori/pyynnot/{req.pk}/", {"decision": "reject"})
    assert response.status_code == 200
    assert "Kerro hakijalle, miksi pyyntö hylättiin." in response.content.decode()
    req.refresh_from_db()
    assert req.status == "pending" and not mail.outbox

    client.post(
        f"/koordinaattori/pyynnot/{req.pk}/",
        {"decision": "reject", "reply": "Yhdistyksen hallitus ei tunne sinua."},
    )
    req.refresh_from_db()
    assert req.status == "rejected" and req.decided_by == coordinator_pohjois_savo
    assert not OrganizationEditor.objects.exists()
    [message] = mail.outbox
    assert "Yhdistyksen hallitus ei tunne sinua." in message.body


@pytest.mark.parametrize("decision", ["", "maybe"])
def test_a_decision_must_be_one_of_the_two(
    client, coordinator_pohjois_savo, mll_kuopio, signed_in, decision
):
    req = EditorRequest.objects.create(user=signed_in, organization=mll_kuopio, position="x")
    client.force_login(coordinator_pohjois_savo)
    response = client.post(f"/koordinaattori/pyynnot/{req.pk}/", {"decision": decision})
    assert response.status_code == 200
    req.refresh_from_db()
    assert req.status == "pending"


def test_a_decided_request_is_not_decided_again(
    client, coordinator_pohjois_savo, administrator, mll_kuopio, signed_in
):
    req = EditorRequest.objects.create(user=signed_in, organization=mll_kuopio, position="x")
    client.force_login(coordinator_pohjois_savo)
    client.post(f"/koordinaattori/pyynnot/{req.pk}/", {"decision": "approve"})
    mail.outbox.clear()
    client.force_login(administrator)
    response = client.post(
        f"/koordinaattori/pyynnot/{req.pk}/", {"decision": "reject", "reply": "Ei"}, follow=True
    )
    assert "Pyyntö on jo käsitelty." in response.content.decode()
    req.refresh_from_db()
    assert req.status == "approved" and not mail.outbox


def test_an_unknown_request_or_organisation_is_not_found(client, coordinator_pohjois_savo):
    client.force_login(coordinator_pohjois_savo)
    assert client.get("/koordinaattori/pyynnot/999/").status_code == 404
    assert client.get("/jarjestot/ei-ole/edustan/").status_code == 404


def test_a_regional_home_area_belongs_to_its_region(
    coordinator_pohjois_savo, coordinator_pohjois_karjala
):
    regional = OrganizationFactory(area=area("Pohjois-Savo"))
    assert can(coordinator_pohjois_savo, Action.EDIT_ORGANIZATION, regional)
    assert not can(coordinator_pohjois_karjala, Action.EDIT_ORGANIZATION, regional)


def test_an_organisation_without_a_home_is_the_administrators(
    coordinator_pohjois_savo, administrator
):
    nowhere = OrganizationFactory(area=None)
    assert not can(coordinator_pohjois_savo, Action.EDIT_ORGANIZATION, nowhere)
    assert can(administrator, Action.EDIT_ORGANIZATION, nowhere)


def test_the_header_links_coordinators_to_their_workspace(
    client, signed_in, coordinator_pohjois_savo
):
    client.force_login(coordinator_pohjois_savo)
    assert 'href="/koordinaattori/"' in client.get("/").content.decode()
    client.force_login(signed_in)
    assert 'href="/koordinaattori/"' not in client.get("/").content.decode()
