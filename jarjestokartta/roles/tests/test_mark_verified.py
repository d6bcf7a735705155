from django.utils import timezone


def test_tiedot_tarkistettu_sets_the_date_and_its_history_names_the_coordinator(
    client, coordinator_pohjois_savo, mll_kuopio
):
    client.force_login(coordinator_pohjois_savo)
    response = client.post(
        f"/jarjestot/{mll_kuopio.slug}/tarkistettu/", {"next": "/koordinaattori/"}
    )
    assert response["Location"] == "/koordinaattori/"
    mll_kuopio.refresh_from_db()
    assert mll_kuopio.last_verified == timezone.localdate()
    latest = mll_kuopio.history.latest()
    assert latest.history_user == coordinator_pohjois_savo
    assert latest.last_verified == timezone.localdate()


def test_it_never_redirects_to_another_site(client, coordinator_pohjois_savo, mll_kuopio):
    client.force_login(coordinator_pohjois_savo)
    response = client.post(
        f"/jarjestot/{mll_kuopio.slug}/tarkistettu/", {"next": "https://pahis.example/"}
    )
    assert response["Location"] == "/jarjestot/mll-kuopio/"


def test_it_takes_only_post(client, coordinator_pohjois_savo, mll_kuopio):
    client.force_login(coordinator_pohjois_savo)
    assert client.get(f"/jarjestot/{mll_kuopio.slug}/tarkistettu/").status_code == 405
