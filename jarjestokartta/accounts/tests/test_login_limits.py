"""Failed logins are limited per account (five in five minutes for one address) and per client
address (ten a minute), and the admin's login is the same login: before allauth the admin took
50 wrong passwords in 14 s, all answered 200 with no delay (issue 18)."""

import pytest

from jarjestokartta.accounts.tests.helpers import PASSWORD, make_user

pytestmark = pytest.mark.django_db

TOO_MANY = "Liian monta virheellistä kirjautumisyritystä"


def attempt(client, email: str, password: str, ip: str = "192.0.2.10"):
    return client.post("/tili/login/", {"login": email, "password": password}, REMOTE_ADDR=ip)


def test_after_five_wrong_passwords_even_the_right_one_is_refused(client):
    make_user("sihteeri@esimerkki.fi")
    for _ in range(5):
        assert TOO_MANY not in attempt(client, "sihteeri@esimerkki.fi", "arvaus").content.decode()
    refused = attempt(client, "sihteeri@esimerkki.fi", PASSWORD)
    assert TOO_MANY in refused.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_limit_of_one_account_holds_from_another_client_address(client):
    make_user("sihteeri@esimerkki.fi")
    for n in range(5):
        attempt(client, "sihteeri@esimerkki.fi", "arvaus", ip=f"192.0.2.{n + 1}")
    refused = attempt(client, "sihteeri@esimerkki.fi", PASSWORD, ip="198.51.100.7")
    assert TOO_MANY in refused.content.decode()


def test_one_client_address_guessing_many_accounts_is_stopped_after_ten(client):
    make_user("rahastonhoitaja@esimerkki.fi")
    for n in range(10):
        attempt(client, f"arvattu{n}@esimerkki.fi", "arvaus")
    refused = attempt(client, "rahastonhoitaja@esimerkki.fi", PASSWORD)
    assert TOO_MANY in refused.content.decode()
    # Another client address may still log in to it.
    assert (
        attempt(client, "rahastonhoitaja@esimerkki.fi", PASSWORD, ip="198.51.100.7").status_code
        == 302
    )


def test_the_admin_login_is_the_limited_login(client):
    make_user("yllapito@esimerkki.fi", superuser=True)
    response = client.get("/admin/login/")
    assert response.status_code == 302
    assert response["Location"].startswith("/tili/login/")
    # The admin's own form cannot be posted to around it.
    posted = client.post("/admin/login/", {"username": "yllapito", "password": PASSWORD})
    assert posted.status_code == 302 and posted["Location"].startswith("/tili/login/")
    assert "_auth_user_id" not in client.session
    for _ in range(5):
        attempt(client, "yllapito@esimerkki.fi", "arvaus")
    assert TOO_MANY in attempt(client, "yllapito@esimerkki.fi", PASSWORD).content.decode()
