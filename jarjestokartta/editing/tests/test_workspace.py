"""The coordinator's workspace: old data, organisations nobody keeps, recent changes."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

from jarjestokartta.directory.tests.factories import OrganizationFactory
from jarjestokartta.editing.tests.helpers import edit, send
from jarjestokartta.roles.tests.conftest import area


def test_it_lists_old_data_and_organisations_without_editors_of_the_region_only(
    client, coordinator_pohjois_savo, editor_of_mll, mll_kuopio, joensuu_club
):
    today = timezone.localdate()
    fresh = OrganizationFactory(name="Tuore ry", area=area("Kuopio"), last_verified=today)
    old = OrganizationFactory(
        name="Vanha ry", area=area("Iisalmi"), last_verified=today - timedelta(days=400)
    )
    client.force_login(coordinator_pohjois_savo)
    page = client.get("/koordinaattori/").content.decode()
    stale = page[page.index("vanhat-otsikko") : page.index("ilman-otsikko")]
    assert "Vanha ry" in stale and "MLL:n Kuopion yhdistys" in stale
    assert "Tuore ry" not in stale
    assert "Joensuun eläkeläiset ry" not in page  # another region's
    orphans = page[page.index("ilman-otsikko") : page.index("muutokset-otsikko")]
    assert "Vanha ry" in orphans and "Tuore ry" in orphans
    assert "MLL:n Kuopion yhdistys" not in orphans  # it has an editor
    assert fresh and old


def test_one_click_marks_verified_and_a_reminder_reaches_the_editors(
    client, coordinator_pohjois_savo, editor_of_mll, mll_kuopio
):
    client.force_login(coordinator_pohjois_savo)
    response = client.post(f"/jarjestot/{mll_kuopio.slug}/muistutus/")
    assert response["Location"] == "/koordinaattori/"
    [message] = mail.outbox
    assert message.to == [editor_of_mll.email]
    assert "/jarjestot/mll-kuopio/muokkaa/" in message.body
    client.post(f"/jarjestot/{mll_kuopio.slug}/tarkistettu/", {"next": "/koordinaattori/"})
    page = client.get("/koordinaattori/").content.decode()
    stale = page[page.index("vanhat-otsikko") : page.index("ilman-otsikko")]
    assert "MLL:n Kuopion yhdistys" not in stale


def test_a_reminder_needs_editors_and_a_coordinator(
    client, editor_of_mll, coordinator_pohjois_karjala, mll_kuopio
):
    client.force_login(editor_of_mll)
    assert client.post(f"/jarjestot/{mll_kuopio.slug}/muistutus/").status_code == 403
    client.force_login(coordinator_pohjois_karjala)
    assert client.post(f"/jarjestot/{mll_kuopio.slug}/muistutus/").status_code == 403
    assert not mail.outbox


def test_recent_changes_show_who_changed_what(client, coordinator_pohjois_savo, mll_kuopio):
    client.force_login(coordinator_pohjois_savo)
    send(client, mll_kuopio, edit(client, mll_kuopio, abstract="Uusi")[1])
    page = client.get("/koordinaattori/").content.decode()
    recent = page[page.index("muutokset-otsikko") :]
    assert "MLL:n Kuopion yhdistys" in recent and coordinator_pohjois_savo.email in recent
