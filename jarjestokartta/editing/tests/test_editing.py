"""An editor edits an organisation: preview, queue or publish, the coordinator's review."""

from django.core import mail

from jarjestokartta.directory.models import Identifier
from jarjestokartta.editing.models import ChangeSet, TrustedOrganization, Version
from jarjestokartta.editing.tests.helpers import edit, send


def test_an_untrusted_editors_change_waits_and_is_published_on_approval(
    client, editor_of_mll, coordinator_pohjois_savo, mll_kuopio
):
    client.force_login(editor_of_mll)
    _data, preview = edit(
        client, mll_kuopio, abstract="Perhekahvila joka tiistai.", founding_date="14.5.1998"
    )
    assert preview.status_code == 302, preview.content.decode()[:3000]
    page = client.get(preview["Location"]).content.decode()
    assert "Perhekahvila joka tiistai." in page and "14.5.1998" in page
    response = send(client, mll_kuopio, preview)
    assert response.status_code == 302
    mll_kuopio.refresh_from_db()
    assert mll_kuopio.abstract == ""  # not public before review
    change_set = ChangeSet.objects.get()
    assert change_set.status == "pending"
    assert change_set.after == {
        "abstract": "Perhekahvila joka tiistai.",
        "founding_date": "1998-05-14",
    }
    assert [m.to for m in mail.outbox] == [[coordinator_pohjois_savo.email]]

    mail.outbox.clear()
    client.force_login(coordinator_pohjois_savo)
    queue = client.get("/koordinaattori/muutokset/").content.decode()
    assert "MLL:n Kuopion yhdistys" in queue
    review = client.get(f"/koordinaattori/muutokset/{change_set.pk}/").content.decode()
    assert "Perhekahvila joka tiistai." in review
    client.post(f"/koordinaattori/muutokset/{change_set.pk}/", {"action": "approve"})
    mll_kuopio.refresh_from_db()
    assert mll_kuopio.abstract == "Perhekahvila joka tiistai."
    assert mll_kuopio.founding_date == "1998-05-14"
    change_set.refresh_from_db()
    assert change_set.status == "approved" and change_set.reviewed_by == coordinator_pohjois_savo
    [message] = mail.outbox
    assert message.to == [editor_of_mll.email] and "hyväksyi" in message.body
    versions = list(Version.objects.filter(organization_key=mll_kuopio.pk))
    assert [v.note for v in versions] == ["ennen ensimmäistä muutosta palvelussa", "hyväksytty"]
    assert versions[1].change_set == change_set and versions[1].user == coordinator_pohjois_savo


def test_a_rejection_needs_a_reason_and_tells_the_editor(
    client, editor_of_mll, coordinator_pohjois_savo, mll_kuopio
):
    client.force_login(editor_of_mll)
    send(client, mll_kuopio, edit(client, mll_kuopio, abstract="Väärä tieto")[1])
    change_set = ChangeSet.objects.get()
    mail.outbox.clear()
    client.force_login(coordinator_pohjois_savo)
    page = client.post(f"/koordinaattori/muutokset/{change_set.pk}/", {"action": "reject"})
    assert page.status_code == 400
    assert "Kerro muokkaajalle, miksi muutos hylättiin." in page.content.decode()
    client.post(
        f"/koordinaattori/muutokset/{change_set.pk}/",
        {"action": "reject", "reason": "Tieto ei pidä paikkaansa."},
    )
    change_set.refresh_from_db()
    assert change_set.status == "rejected"
    [message] = mail.outbox
    assert "Tieto ei pidä paikkaansa." in message.body
    mll_kuopio.refresh_from_db()
    assert mll_kuopio.abstract == ""


def test_a_trusted_organisations_edit_publishes_but_its_name_waits(
    client, editor_of_mll, coordinator_pohjois_savo, mll_kuopio
):
    TrustedOrganization.objects.create(organization=mll_kuopio)
    client.force_login(editor_of_mll)
    send(
        client,
        mll_kuopio,
        edit(client, mll_kuopio, abstract="Uusi kuvaus", name="MLL Kuopio ry")[1],
    )
    mll_kuopio.refresh_from_db()
    assert mll_kuopio.abstract == "Uusi kuvaus"
    assert mll_kuopio.name == "MLL:n Kuopion yhdistys"
    published, queued = (
        ChangeSet.objects.order_by("status")[1],
        ChangeSet.objects.order_by("status")[0],
    )
    assert (queued.status, queued.after) == ("pending", {"name": "MLL Kuopio ry"})
    assert (published.status, published.after) == ("published", {"abstract": "Uusi kuvaus"})

    # Still reviewable afterwards: rejecting the published part takes it back.
    client.force_login(coordinator_pohjois_savo)
    client.post(
        f"/koordinaattori/muutokset/{published.pk}/",
        {"action": "reject", "reason": "Kuvaus oli parempi ennen."},
    )
    mll_kuopio.refresh_from_db()
    assert mll_kuopio.abstract == ""


def test_a_coordinators_edit_publishes_at_once(client, coordinator_pohjois_savo, mll_kuopio):
    client.force_login(coordinator_pohjois_savo)
    response = send(client, mll_kuopio, edit(client, mll_kuopio, name="MLL Kuopio")[1])
    assert response.status_code == 302
    mll_kuopio.refresh_from_db()
    assert mll_kuopio.name == "MLL Kuopio"
    assert not ChangeSet.objects.exists()


def test_identifiers_are_chosen_from_a_list_and_a_ytunnus_is_checked(
    client, coordinator_pohjois_savo, mll_kuopio
):
    client.force_login(coordinator_pohjois_savo)
    _data, bad = edit(
        client,
        mll_kuopio,
        **{"tunnukset-0-scheme": "ytunnus", "tunnukset-0-identifier": "1234567-8"},
    )
    assert bad.status_code == 200
    assert "1234567-8 ei ole kelvollinen Y-tunnus" in bad.content.decode()
    _data, good = edit(
        client,
        mll_kuopio,
        **{"tunnukset-0-scheme": "ytunnus", "tunnukset-0-identifier": "20774740"},
    )
    send(client, mll_kuopio, good)
    assert Identifier.objects.get(organization=mll_kuopio).identifier == "2077474-0"


def test_dates_are_taken_as_finns_write_them(client, coordinator_pohjois_savo, mll_kuopio):
    client.force_login(coordinator_pohjois_savo)
    _data, bad = edit(client, mll_kuopio, founding_date="31.2.2020")
    assert "Kirjoita päivämäärä muodossa p.k.vvvv" in bad.content.decode()
    send(client, mll_kuopio, edit(client, mll_kuopio, founding_date="1.1.2027")[1])
    mll_kuopio.refresh_from_db()
    assert mll_kuopio.founding_date == "2027-01-01"
    page = client.get(f"/jarjestot/{mll_kuopio.slug}/muokkaa/").content.decode()
    assert 'value="1.1.2027"' in page


def test_nothing_changed_is_said_so(client, coordinator_pohjois_savo, mll_kuopio):
    client.force_login(coordinator_pohjois_savo)
    _data, response = edit(client, mll_kuopio)
    assert response.status_code == 200
    assert "Et muuttanut mitään." in response.content.decode()


def test_the_coordinator_edits_a_proposal_before_approving_it(
    client, editor_of_mll, coordinator_pohjois_savo, mll_kuopio
):
    client.force_login(editor_of_mll)
    send(client, mll_kuopio, edit(client, mll_kuopio, abstract="Kahvila tiistaisin kello 10")[1])
    change_set = ChangeSet.objects.get()
    client.force_login(coordinator_pohjois_savo)
    page = client.get(f"/jarjestot/{mll_kuopio.slug}/muokkaa/?muutos={change_set.pk}")
    assert "Kahvila tiistaisin kello 10" in page.content.decode()
    from jarjestokartta.editing.tests.helpers import form_fields

    data = form_fields(page.content.decode())
    data["abstract"] = "Perhekahvila tiistaisin klo 10."
    preview = client.post(f"/jarjestot/{mll_kuopio.slug}/muokkaa/", data)
    response = send(client, mll_kuopio, preview)
    assert response["Location"] == "/koordinaattori/muutokset/"
    mll_kuopio.refresh_from_db()
    assert mll_kuopio.abstract == "Perhekahvila tiistaisin klo 10."
    change_set.refresh_from_db()
    assert change_set.status == "approved"
    assert change_set.after == {"abstract": "Perhekahvila tiistaisin klo 10."}


def test_an_editor_cannot_approve_through_the_edit_form(
    client, editor_of_mll, mll_kuopio, signed_in
):
    proposal = ChangeSet.objects.create(
        organization=mll_kuopio, author=signed_in, after={"abstract": "x"}
    )
    client.force_login(editor_of_mll)
    assert (
        client.get(f"/jarjestot/{mll_kuopio.slug}/muokkaa/?muutos={proposal.pk}").status_code == 403
    )


def test_child_rows_are_added_changed_and_removed(client, coordinator_pohjois_savo, mll_kuopio):
    client.force_login(coordinator_pohjois_savo)
    send(
        client,
        mll_kuopio,
        edit(
            client,
            mll_kuopio,
            **{
                "yhteystiedot-0-type": "email",
                "yhteystiedot-0-value": "info@mll-kuopio.fi",
                "linkit-0-url": "mll.fi/kuopio",
                "nimet-0-name": "MLL Kuopio",
                "nimet-0-kind": "abbreviation",
                "nimet-0-start_date": "2001",
            },
        )[1],
    )
    assert list(mll_kuopio.contact_details.values_list("type", "value")) == [
        ("email", "info@mll-kuopio.fi")
    ]
    assert list(mll_kuopio.links.values_list("url", flat=True)) == ["https://mll.fi/kuopio"]
    assert list(mll_kuopio.other_names.values_list("name", "start_date")) == [
        ("MLL Kuopio", "2001")
    ]
    _data, bad = edit(client, mll_kuopio, **{"yhteystiedot-0-value": "ei sähköposti"})
    assert "Syötä kelvollinen sähköpostiosoite." in bad.content.decode()
    send(client, mll_kuopio, edit(client, mll_kuopio, **{"yhteystiedot-0-DELETE": "on"})[1])
    assert not mll_kuopio.contact_details.exists()
    assert mll_kuopio.links.exists()  # untouched rows stay


def test_another_organisations_identifier_is_refused(client, coordinator_pohjois_savo, mll_kuopio):
    from jarjestokartta.directory.tests.factories import IdentifierFactory

    IdentifierFactory(identifier="2077474-0")
    client.force_login(coordinator_pohjois_savo)
    _data, response = edit(
        client,
        mll_kuopio,
        **{"tunnukset-0-scheme": "ytunnus", "tunnukset-0-identifier": "2077474-0"},
    )
    assert "Tämä tunniste on jo toisella järjestöllä." in response.content.decode()


def test_a_tampered_starting_point_is_refused(client, coordinator_pohjois_savo, mll_kuopio):
    client.force_login(coordinator_pohjois_savo)
    data, _preview = edit(client, mll_kuopio)
    data["base"] = data["base"][:-4] + "AAAA"
    response = client.post(f"/jarjestot/{mll_kuopio.slug}/muokkaa/", data, follow=True)
    assert "Lomaketta ei voitu lukea" in response.content.decode()
    assert not ChangeSet.objects.exists()


def test_a_home_area_outside_the_list_is_kept(client, coordinator_pohjois_savo, mll_kuopio):
    from jarjestokartta.geography.models import Area

    kuopio = Area.objects.get(name="Kuopio", is_reference=True)
    district = Area.objects.create(
        name="Puijonlaakso", slug="puijonlaakso", classification="other", parent=kuopio
    )
    mll_kuopio.area = district
    mll_kuopio.save()
    client.force_login(coordinator_pohjois_savo)
    send(client, mll_kuopio, edit(client, mll_kuopio, abstract="Kaupunginosan yhdistys")[1])
    mll_kuopio.refresh_from_db()
    assert mll_kuopio.area == district and mll_kuopio.abstract == "Kaupunginosan yhdistys"
    # The district's organisations are its municipality's region's, in the queue too.
    from jarjestokartta.roles.queries import organizations_coordinated_by

    assert mll_kuopio in organizations_coordinated_by(coordinator_pohjois_savo)


def test_a_lost_preview_sends_back_to_the_form_with_a_message(client, editor_of_mll, mll_kuopio):
    client.force_login(editor_of_mll)
    for response in (
        client.get(f"/jarjestot/{mll_kuopio.slug}/muokkaa/esikatselu/?luonnos=ei-ole", follow=True),
        client.post(
            f"/jarjestot/{mll_kuopio.slug}/muokkaa/lahetys/", {"luonnos": "x"}, follow=True
        ),
        client.post(
            f"/jarjestot/{mll_kuopio.slug}/muokkaa/yhdista/", {"luonnos": "x"}, follow=True
        ),
    ):
        assert response.redirect_chain[-1][0] == f"/jarjestot/{mll_kuopio.slug}/muokkaa/"
        assert "Esikatselu on vanhentunut" in response.content.decode()
    assert not ChangeSet.objects.exists()
