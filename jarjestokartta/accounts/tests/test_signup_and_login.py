"""Accounts by e-mail address (django-allauth): sign-up verified by a mailed link, login by
password or by a mailed code, password reset. Reading anything needs no account."""

import pytest
from django.contrib.auth import get_user_model

from jarjestokartta.accounts.tests.helpers import PASSWORD, code_in, link_in, make_user

pytestmark = pytest.mark.django_db


def logged_in_as(client) -> str | None:
    user_id = client.session.get("_auth_user_id")
    return get_user_model().objects.get(pk=user_id).email if user_id else None


def test_sign_up_is_verified_by_the_mailed_link_before_the_first_login(client, mailoutbox):
    response = client.post(
        "/tili/signup/",
        {"email": "uusi@esimerkki.fi", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    assert logged_in_as(client) is None  # not before the address is confirmed
    (mail,) = mailoutbox
    assert mail.to == ["uusi@esimerkki.fi"]
    assert mail.subject.startswith("[Järjestökartta]")
    confirm = link_in(mail.body)
    # Opening the link shows a button; a mail scanner fetching it confirms nothing.
    page = client.get(confirm)
    assert page.status_code == 200
    assert "Vahvista" in page.content.decode()
    assert logged_in_as(client) is None
    client.post(confirm)
    response = client.post("/tili/login/", {"login": "uusi@esimerkki.fi", "password": PASSWORD})
    assert response.status_code == 302
    assert logged_in_as(client) == "uusi@esimerkki.fi"


def test_an_unconfirmed_address_cannot_log_in(client, mailoutbox):
    client.post(
        "/tili/signup/",
        {"email": "uusi@esimerkki.fi", "password1": PASSWORD, "password2": PASSWORD},
    )
    response = client.post("/tili/login/", {"login": "uusi@esimerkki.fi", "password": PASSWORD})
    assert logged_in_as(client) is None
    # Told to confirm the address; the mail is not sent again within minutes (no flood).
    assert response["Location"] == "/tili/confirm-email/"
    assert "Vahvista sähköpostiosoitteesi" in client.get(response["Location"]).content.decode()
    assert len(mailoutbox) == 1


def test_sign_up_with_bad_input_says_what_is_wrong_in_finnish(client):
    response = client.post(
        "/tili/signup/", {"email": "ei-osoite", "password1": "123", "password2": "456"}
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "Syötä kelvollinen sähköpostiosoite" in text
    assert get_user_model().objects.count() == 0


def test_a_taken_address_is_not_given_a_second_account(client, mailoutbox):
    make_user("sihteeri@esimerkki.fi")
    client.post(
        "/tili/signup/",
        {"email": "sihteeri@esimerkki.fi", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert get_user_model().objects.filter(email="sihteeri@esimerkki.fi").count() == 1


def test_login_by_a_code_sent_by_mail(client, mailoutbox):
    make_user("sihteeri@esimerkki.fi")
    response = client.post("/tili/login/code/", {"email": "sihteeri@esimerkki.fi"})
    assert response.status_code == 302
    (mail,) = mailoutbox
    code = code_in(mail.body)
    confirm = response["Location"]
    wrong = client.post(confirm, {"code": "ABCDEF"})
    assert wrong.status_code == 200 and logged_in_as(client) is None
    client.post(confirm, {"code": code})
    assert logged_in_as(client) == "sihteeri@esimerkki.fi"


def test_a_wrong_password_says_so_and_logs_nobody_in(client):
    make_user("sihteeri@esimerkki.fi")
    response = client.post(
        "/tili/login/", {"login": "sihteeri@esimerkki.fi", "password": "väärä-salasana"}
    )
    assert response.status_code == 200
    assert "Annettu sähköposti tai salasana ei ole oikein." in response.content.decode()
    assert logged_in_as(client) is None


def test_a_forgotten_password_is_reset_by_the_mailed_link(client, mailoutbox):
    make_user("sihteeri@esimerkki.fi")
    client.post("/tili/password/reset/", {"email": "sihteeri@esimerkki.fi"})
    (mail,) = mailoutbox
    form = client.get(link_in(mail.body), follow=True)
    new = "Uusi-Salasana-Siilinjärvi-9"
    client.post(form.redirect_chain[-1][0], {"password1": new, "password2": new})
    client.post("/tili/login/", {"login": "sihteeri@esimerkki.fi", "password": new})
    assert logged_in_as(client) == "sihteeri@esimerkki.fi"


def test_reading_needs_no_account(client):
    for path in ("/", "/haku/", "/tapahtumat/", "/kaavio/"):
        assert client.get(path).status_code == 200, path
