"""Personas of the permission tests: a citizen without an account, a signed-in user with no
role, the editor of a Kuopio association (Pohjois-Savo), the coordinators of Pohjois-Savo and
Pohjois-Karjala, and an administrator."""

import pytest
from django.test import Client

from jarjestokartta.accounts.tests.helpers import make_user, ready_for_admin
from jarjestokartta.directory.tests.factories import OrganizationFactory
from jarjestokartta.geography.models import Area
from jarjestokartta.roles.models import OrganizationEditor, RegionalCoordinator


def area(name: str) -> Area:
    if not Area.objects.filter(is_reference=True).exists():
        # A transactional (browser) test's flush also removes what the migrations loaded.
        from jarjestokartta.geography.models import AreaLink
        from jarjestokartta.geography.reference import load_reference_geography

        load_reference_geography(Area, AreaLink)
    return Area.objects.get(name=name, is_reference=True)


@pytest.fixture
def mll_kuopio(db):
    """An association at home in Kuopio, so in Pohjois-Savo."""
    return OrganizationFactory(
        name="MLL:n Kuopion yhdistys", slug="mll-kuopio", area=area("Kuopio")
    )


@pytest.fixture
def joensuu_club(db):
    """An association at home in Joensuu, so in Pohjois-Karjala."""
    return OrganizationFactory(
        name="Joensuun eläkeläiset ry", slug="joensuun-elakelaiset", area=area("Joensuu")
    )


@pytest.fixture
def signed_in(db):
    return make_user("jasen@esimerkki.fi")


@pytest.fixture
def editor_of_mll(mll_kuopio):
    user = make_user("sihteeri@mll-kuopio.fi")
    OrganizationEditor.objects.create(user=user, organization=mll_kuopio, position="sihteeri")
    return user


def coordinator(email: str, region: str):
    """A coordinator with TOTP set up (coordinators must use it); `user.totp_secret` gives the
    codes a browser test logs in with."""
    user = make_user(email)
    RegionalCoordinator.objects.create(user=user, region=area(region))
    user.totp_secret = ready_for_admin(user)
    return user


@pytest.fixture
def coordinator_pohjois_savo(db):
    return coordinator("savo.koordinaattori@esimerkki.fi", "Pohjois-Savo")


@pytest.fixture
def coordinator_pohjois_karjala(db):
    return coordinator("karjala.koordinaattori@esimerkki.fi", "Pohjois-Karjala")


@pytest.fixture
def administrator(db):
    user = make_user("yllapito@jarjestokartta.fi", superuser=True)
    ready_for_admin(user)
    return user


PERSONAS = [
    "citizen",
    "signed_in",
    "editor_of_mll",
    "coordinator_pohjois_savo",
    "coordinator_pohjois_karjala",
    "administrator",
]


@pytest.fixture
def as_persona(request, db):
    """A function: the persona's user (None for the citizen) and a client logged in as them."""

    def make(name: str):
        user = None if name == "citizen" else request.getfixturevalue(name)
        client = Client()
        if user is not None:
            client.force_login(user)
        return user, client

    return make
