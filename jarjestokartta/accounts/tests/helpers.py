import re

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

PASSWORD = "Kuopion-kirjasto-2027"


def make_user(email: str = "sihteeri@esimerkki.fi", *, staff: bool = False, superuser=False):
    """A user whose address is verified, as after sign-up and its confirmation mail."""
    user = get_user_model().objects.create_user(
        username=email.split("@")[0],
        email=email,
        password=PASSWORD,
        is_staff=staff or superuser,
        is_superuser=superuser,
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def link_in(body: str) -> str:
    """The path of the first link to this site in a mail's text."""
    match = re.search(r"https?://[^/\s]+(/\S+)", body)
    assert match, body
    return match.group(1)


def code_in(body: str) -> str:
    """A login code as allauth's mail prints it, on a line of its own."""
    match = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4}|[A-Z0-9]{6,})\s*$", body, re.MULTILINE)
    assert match, body
    return match.group(1)


def current_code(secret: str) -> str:
    """The TOTP code an authenticator app shows now for `secret`."""
    from allauth.mfa.totp.internal.auth import (
        format_hotp_value,
        hotp_value,
        yield_hotp_counters_from_time,
    )

    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def ready_for_admin(user) -> str:
    """A staff user as after their first login: the address verified and TOTP set up (required
    of staff, accounts/two_factor.py); returns the TOTP secret."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    if user.email:
        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def log_in_in_browser(page, url: str, email: str, password: str, secret: str) -> None:
    """Through the admin's login (`url`, e.g. …/admin/login/?next=…), which is the site's:
    address and password, then the authenticator's code."""
    page.goto(url)
    page.get_by_label("Sähköposti").fill(email)
    page.get_by_label("Salasana").fill(password)
    page.get_by_role("button", name="Kirjaudu sisään").click()
    page.get_by_label("Koodi").fill(current_code(secret))
    page.get_by_role("button", name="Kirjaudu sisään").click()
