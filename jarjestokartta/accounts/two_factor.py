"""Who must use two-factor authentication (TOTP), and the middleware that holds them to it.

allauth offers TOTP to everyone but requires it of no one. Those who can change other
people's data must have it: until they have set it up, every page but the account pages sends
them to set it up, so that a stolen password alone never reaches the admin.
"""

from collections.abc import Callable

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from jarjestokartta.roles.permissions import roles_of


def needs_two_factor(user) -> bool:
    """Administrators, staff and regional coordinators (roles/permissions.py)."""
    if not user.is_authenticated:
        return False
    return bool(user.is_superuser or user.is_staff or roles_of(user).is_coordinator)


def has_two_factor(user) -> bool:
    return is_mfa_enabled(user, types=[Authenticator.Type.TOTP])


class TwoFactorRequiredMiddleware:
    """After AuthenticationMiddleware and allauth's AccountMiddleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            needs_two_factor(request.user)
            and not request.path.startswith((settings.ACCOUNTS_PATH, settings.STATIC_URL))
            and not has_two_factor(request.user)
        ):
            messages.warning(
                request,
                _(
                    "Your account can change other people's data: set up two-factor "
                    "authentication with an authenticator app before you go on."
                ),
            )
            return HttpResponseRedirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
