"""Two-factor authentication (TOTP) is required of those who can change others' data: until
they set it up every page but the account pages sends them there; once set up, logging in
asks for the code."""

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from jarjestokartta.accounts.tests.helpers import PASSWORD, current_code, make_user
from jarjestokartta.accounts.two_factor import has_two_factor

pytestmark = pytest.mark.django_db

ACTIVATE = "/tili/2fa/totp/activate/"


def test_an_administrator_without_two_factor_is_sent_to_set_it_up(client):
    admin = make_user("yllapito@esimerkki.fi", superuser=True)
    client.post("/tili/login/", {"login": "yllapito@esimerkki.fi", "password": PASSWORD})
    assert "_auth_user_id" in client.session
    for path in ("/admin/", "/admin/directory/organization/", "/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == ACTIVATE, path
    # allauth asks for the password again before a second factor is changed.
    asked = client.get(ACTIVATE)
    assert asked["Location"].startswith("/tili/reauthenticate/")
    client.post(asked["Location"], {"password": PASSWORD})
    page = client.get(ACTIVATE).content.decode()
    secret = re.search(
        r'id="authenticator_secret"[^>]*value="([A-Z2-7]+)"|value="([A-Z2-7]{32})"', page
    )
    assert secret, page
    client.post(ACTIVATE, {"code": current_code(secret.group(1) or secret.group(2))})
    assert has_two_factor(admin)
    assert client.get("/admin/").status_code == 200


def test_with_two_factor_the_login_asks_for_the_code_and_the_admin_opens(client):
    admin = make_user("yllapito@esimerkki.fi", superuser=True)
    secret = generate_totp_secret()
    TOTP.activate(admin, secret)
    response = client.post("/tili/login/", {"login": "yllapito@esimerkki.fi", "password": PASSWORD})
    assert "_auth_user_id" not in client.session  # the password alone is not enough
    assert response["Location"] == "/tili/2fa/authenticate/"
    wrong = client.post("/tili/2fa/authenticate/", {"code": "000000"})
    assert wrong.status_code == 200 and "_auth_user_id" not in client.session
    client.post("/tili/2fa/authenticate/", {"code": current_code(secret)})
    assert client.session["_auth_user_id"] == str(admin.pk)
    assert client.get("/admin/").status_code == 200


def test_someone_who_edits_nothing_is_not_asked_for_two_factor(client):
    make_user("jasen@esimerkki.fi")
    client.post("/tili/login/", {"login": "jasen@esimerkki.fi", "password": PASSWORD})
    assert client.get("/").status_code == 200


def test_a_regional_coordinator_must_set_up_two_factor_too(client):
    from jarjestokartta.geography.models import Area
    from jarjestokartta.roles.models import RegionalCoordinator

    coordinator = make_user("koordinaattori@esimerkki.fi")
    RegionalCoordinator.objects.create(
        user=coordinator, region=Area.objects.get(name="Pohjois-Savo", is_reference=True)
    )
    client.post("/tili/login/", {"login": "koordinaattori@esimerkki.fi", "password": PASSWORD})
    for path in ("/koordinaattori/", "/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == ACTIVATE, path
    TOTP.activate(coordinator, generate_totp_secret())
    assert client.get("/koordinaattori/").status_code == 200
