"""Two people editing at once, the history page, and restoring an earlier version."""

from jarjestokartta.editing.models import ChangeSet, Version
from jarjestokartta.editing.tests.helpers import edit, form_fields, send


def test_a_stale_form_gets_a_merge_page_and_nothing_is_overwritten(
    client, coordinator_pohjois_savo, administrator, mll_kuopio
):
    from django.test import Client

    first, second = client, Client()
    first.force_login(coordinator_pohjois_savo)
    second.force_login(administrator)
    # Both open the form; the first saves a new abstract and a phone number.
    stale = form_fields(second.get(f"/jarjestot/{mll_kuopio.slug}/muokkaa/").content.decode())
    send(first, mll_kuopio, edit(first, mll_kuopio, abstract="Ensimmäisen kuvaus")[1])

    # The second, from the old form, changes the abstract too, and the description.
    stale.update(abstract="Toisen kuvaus", description="Toisen pitkä kuvaus")
    preview = second.post(f"/jarjestot/{mll_kuopio.slug}/muokkaa/", stale)
    merge = send(second, mll_kuopio, preview)
    assert merge.status_code == 409
    page = merge.content.decode()
    assert "Joku muu muutti samoja kenttiä" in page
    assert "Ensimmäisen kuvaus" in page and "Toisen kuvaus" in page
    mll_kuopio.refresh_from_db()
    assert mll_kuopio.abstract == "Ensimmäisen kuvaus"  # nothing was saved yet
    assert mll_kuopio.description == ""

    # Keeping the other's abstract, their own description still goes through.
    draft = page.split('name="luonnos" value="')[1].split('"')[0]
    again = second.post(
        f"/jarjestot/{mll_kuopio.slug}/muokkaa/yhdista/",
        {"luonnos": draft, "valinta-abstract": "theirs"},
    )
    assert again.status_code == 302 and "esikatselu" in again["Location"]
    send(second, mll_kuopio, again)
    mll_kuopio.refresh_from_db()
    assert mll_kuopio.abstract == "Ensimmäisen kuvaus"
    assert mll_kuopio.description == "Toisen pitkä kuvaus"


def test_choosing_ones_own_value_in_the_merge_saves_it(
    client, coordinator_pohjois_savo, administrator, mll_kuopio
):
    from django.test import Client

    other = Client()
    other.force_login(administrator)
    client.force_login(coordinator_pohjois_savo)
    stale = form_fields(client.get(f"/jarjestot/{mll_kuopio.slug}/muokkaa/").content.decode())
    send(other, mll_kuopio, edit(other, mll_kuopio, abstract="Ylläpidon")[1])
    stale["abstract"] = "Koordinaattorin"
    merge = send(client, mll_kuopio, client.post(f"/jarjestot/{mll_kuopio.slug}/muokkaa/", stale))
    draft = merge.content.decode().split('name="luonnos" value="')[1].split('"')[0]
    again = client.post(
        f"/jarjestot/{mll_kuopio.slug}/muokkaa/yhdista/",
        {"luonnos": draft, "valinta-abstract": "mine"},
    )
    send(client, mll_kuopio, again)
    mll_kuopio.refresh_from_db()
    assert mll_kuopio.abstract == "Koordinaattorin"


def test_history_lists_every_change_field_by_field_and_restores_an_old_version(
    client, coordinator_pohjois_savo, mll_kuopio
):
    client.force_login(coordinator_pohjois_savo)
    send(client, mll_kuopio, edit(client, mll_kuopio, abstract="Versio yksi")[1])
    send(
        client,
        mll_kuopio,
        edit(
            client,
            mll_kuopio,
            abstract="Versio kaksi",
            **{"yhteystiedot-0-type": "phone", "yhteystiedot-0-value": "017 123 4567"},
        )[1],
    )
    page = client.get(f"/jarjestot/{mll_kuopio.slug}/historia/").content.decode()
    assert "Versio kaksi" in page and "Versio yksi" in page
    assert ">Tiivistelmä</th>" in page  # labelled in Finnish, field by field
    assert ">Yhteystiedot</th>" in page and "puhelin · 017 123 4567" in page
    assert coordinator_pohjois_savo.email in page

    first = Version.objects.filter(organization_key=mll_kuopio.pk).order_by("pk")[1]
    assert first.document["abstract"] == "Versio yksi"
    response = client.post(f"/jarjestot/{mll_kuopio.slug}/historia/{first.pk}/palauta/")
    assert response.status_code == 302
    mll_kuopio.refresh_from_db()
    assert mll_kuopio.abstract == "Versio yksi"
    assert not mll_kuopio.contact_details.exists()
    # History is never rewritten: the restore is a version of its own.
    versions = Version.objects.filter(organization_key=mll_kuopio.pk)
    assert versions.count() == 4
    assert versions.last().note.startswith("palautettu versio")


def test_an_editors_restore_goes_to_the_queue(
    client, editor_of_mll, coordinator_pohjois_savo, mll_kuopio
):
    client.force_login(coordinator_pohjois_savo)
    send(client, mll_kuopio, edit(client, mll_kuopio, abstract="Hyvä kuvaus")[1])
    send(client, mll_kuopio, edit(client, mll_kuopio, abstract="Huono kuvaus")[1])
    good = Version.objects.filter(organization_key=mll_kuopio.pk).order_by("pk")[1]
    client.force_login(editor_of_mll)
    client.post(f"/jarjestot/{mll_kuopio.slug}/historia/{good.pk}/palauta/")
    mll_kuopio.refresh_from_db()
    assert mll_kuopio.abstract == "Huono kuvaus"
    assert ChangeSet.objects.get().after == {"abstract": "Hyvä kuvaus"}


def test_the_history_is_not_public(client, signed_in, mll_kuopio):
    assert client.get(f"/jarjestot/{mll_kuopio.slug}/historia/").status_code == 302
    client.force_login(signed_in)
    assert client.get(f"/jarjestot/{mll_kuopio.slug}/historia/").status_code == 403


def test_a_deleted_organisation_is_restored_with_its_data_and_history(
    client, coordinator_pohjois_savo, coordinator_pohjois_karjala, mll_kuopio
):
    client.force_login(coordinator_pohjois_savo)
    send(
        client,
        mll_kuopio,
        edit(client, mll_kuopio, abstract="Ennen poistoa", **{"linkit-0-url": "mll-kuopio.fi"})[1],
    )
    old_pk, slug = mll_kuopio.pk, mll_kuopio.slug
    mll_kuopio.delete()

    # Another region's coordinator does not see it, nor restore it.
    other = __import__("django.test", fromlist=["Client"]).Client()
    other.force_login(coordinator_pohjois_karjala)
    assert "MLL:n Kuopion yhdistys" not in other.get("/koordinaattori/poistetut/").content.decode()
    deleted = Version.objects.get(is_deletion=True)
    assert other.post(f"/koordinaattori/poistetut/{deleted.pk}/palauta/").status_code == 403

    page = client.get("/koordinaattori/poistetut/").content.decode()
    assert "MLL:n Kuopion yhdistys" in page
    response = client.post(f"/koordinaattori/poistetut/{deleted.pk}/palauta/")
    assert response.status_code == 302 and response["Location"] == f"/jarjestot/{slug}/"
    from jarjestokartta.directory.models import Organization

    back = Organization.objects.get(slug=slug)
    assert back.pk != old_pk
    assert back.abstract == "Ennen poistoa"
    assert list(back.links.values_list("url", flat=True)) == ["https://mll-kuopio.fi"]
    history = client.get(f"/jarjestot/{slug}/historia/").content.decode()
    assert "poistettu" in history and "palautettu poiston jälkeen" in history
    assert "Ennen poistoa" in history
    # Restored once: the second attempt says so.
    again = client.post(f"/koordinaattori/poistetut/{deleted.pk}/palauta/", follow=True)
    assert "on jo palautettu" in again.content.decode()
