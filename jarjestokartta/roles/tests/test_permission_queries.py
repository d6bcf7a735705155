"""The permission check costs a fixed number of queries, whatever the page asks."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser

from jarjestokartta.directory.tests.factories import OrganizationFactory
from jarjestokartta.roles.permissions import Action, can
from jarjestokartta.roles.tests.conftest import area


def fresh(user):
    """The user as a new request loads it, with no roles read yet."""
    return get_user_model().objects.get(pk=user.pk)


def test_an_anonymous_check_makes_no_query(django_assert_num_queries, mll_kuopio):
    with django_assert_num_queries(0):
        assert can(AnonymousUser(), Action.PROPOSE_CORRECTION, mll_kuopio)
        assert not can(AnonymousUser(), Action.EDIT_ORGANIZATION, mll_kuopio)


def test_an_administrators_checks_make_no_query(django_assert_num_queries, administrator):
    orgs = OrganizationFactory.create_batch(3, area=area("Kuopio"))
    user = fresh(administrator)
    with django_assert_num_queries(0):
        assert all(can(user, action, org) for org in orgs for action in Action)


def test_a_coordinators_checks_cost_two_queries_and_one_per_organisation(
    django_assert_num_queries, coordinator_pohjois_savo
):
    """Queries: the user's editor roles, their coordinator roles (once a request); then each
    organisation's region (one query each, remembered however many actions are checked)."""
    in_kuopio = OrganizationFactory.create_batch(3, area=area("Kuopio"))
    in_joensuu = OrganizationFactory(area=area("Joensuu"))
    user = fresh(coordinator_pohjois_savo)
    with django_assert_num_queries(2 + 4):
        for org in in_kuopio:
            assert all(can(user, action, org) for action in Action)
        assert not can(user, Action.EDIT_ORGANIZATION, in_joensuu)
        assert not can(user, Action.EDIT_ROSTER, in_joensuu)


def test_an_editors_own_organisation_needs_no_region(
    django_assert_num_queries, editor_of_mll, mll_kuopio
):
    """Queries: the two role lookups only; the organisation's region is not needed when the
    user edits it."""
    user = fresh(editor_of_mll)
    with django_assert_num_queries(2):
        assert can(user, Action.EDIT_ORGANIZATION, mll_kuopio)
        assert can(user, Action.EDIT_EVENTS, mll_kuopio)
        assert can(user, Action.INVITE_EDITOR, mll_kuopio)
