"""Every persona × action, denials included: first the rule (permissions.can), then the same
cells by direct requests to the views that carry the actions out, with their effect checked.

The rule is about the Kuopio association MLL (Pohjois-Savo); the roster and persons rows use a
body and a person of Kuopio. Every action of the first table has its view in the second.
"""

import pytest
from django.utils import timezone

from jarjestokartta.directory.tests.factories import BodyFactory
from jarjestokartta.editing.models import ChangeSet, TrustedOrganization
from jarjestokartta.editing.tests.helpers import edit, send
from jarjestokartta.editing.tests.test_events import new_event
from jarjestokartta.events.models import Event
from jarjestokartta.roles.models import EditorInvitation, EditorRequest
from jarjestokartta.roles.permissions import Action, can
from jarjestokartta.roles.tests.conftest import PERSONAS
from jarjestokartta.structures.models import Membership, PersonConsent, Post
from jarjestokartta.structures.tests.factories import PersonFactory

RULES = """
action                 citizen   signed_in editor    coord_ps  coord_pk  admin
propose_correction     yes       yes       yes       yes       yes       yes
request_editor_role    no        yes       yes       yes       yes       yes
edit_organization      no        no        yes       yes       no        yes
edit_events            no        no        yes       yes       no        yes
invite_editor          no        no        yes       yes       no        yes
decide_editor_request  no        no        no        yes       no        yes
review_changes         no        no        no        yes       no        yes
mark_verified          no        no        no        yes       no        yes
mark_trusted           no        no        no        yes       no        yes
edit_roster            no        no        no        yes       no        yes
manage_persons         no        no        no        yes       no        yes
"""


# The tables' column heads, and the personas (fixtures of conftest.py) they stand for.
COLUMNS = dict(
    zip(["citizen", "signed_in", "editor", "coord_ps", "coord_pk", "admin"], PERSONAS, strict=True)
)


def table(text: str) -> list[tuple[str, str, str]]:
    header, *rows = [line.split() for line in text.strip().splitlines()]
    assert header[1:] == list(COLUMNS)
    return [
        (row[0], COLUMNS[column], cell)
        for row in rows
        for column, cell in zip(header[1:], row[1:], strict=True)
    ]


def test_the_rule_table_covers_every_action():
    assert {action for action, _, _ in table(RULES)} == {action.value for action in Action}


@pytest.mark.parametrize(("action", "persona", "expected"), table(RULES))
def test_it_allows_exactly_the_table(action, persona, expected, as_persona, mll_kuopio):
    user, _client = as_persona(persona)
    if user is None:
        from django.contrib.auth.models import AnonymousUser

        user = AnonymousUser()
    assert can(user, Action(action), mll_kuopio) is (expected == "yes")


# --- the same by direct requests ------------------------------------------------------------
# done: the view did it (its effect is checked); login: sent to log in, nothing done;
# denied: 403, nothing done; already: an editor asking to become one is told they are.
REQUESTS = """
action                 citizen   signed_in editor    coord_ps  coord_pk  admin
request_editor_role    login     done      already   done      done      done
invite_editor          login     denied    done      done      denied    done
decide_editor_request  login     denied    denied    done      denied    done
mark_verified          login     denied    denied    done      denied    done
coordinator_workspace  login     denied    denied    done      done      done
propose_correction     done      done      done      done      done      done
edit_organization      login     denied    done      done      denied    done
edit_events            login     denied    done      done      denied    done
organization_history   login     denied    done      done      denied    done
review_changes         login     denied    denied    done      denied    done
mark_trusted           login     denied    denied    done      denied    done
edit_roster            login     denied    denied    done      denied    done
manage_persons         login     denied    denied    done      denied    done
"""


@pytest.fixture
def waiting_request(mll_kuopio):
    from jarjestokartta.accounts.tests.helpers import make_user

    return EditorRequest.objects.create(
        user=make_user("hakija@esimerkki.fi"), organization=mll_kuopio, position="rahastonhoitaja"
    )


def attempt(action: str, client, user, org, waiting: EditorRequest):
    """Make the request; return (response, whether its effect is there)."""
    if action == "request_editor_role":
        response = client.post(
            f"/jarjestot/{org.slug}/edustan/", {"position": "puheenjohtaja", "message": ""}
        )
        return response, bool(user) and EditorRequest.objects.filter(user=user).exists()
    if action == "invite_editor":
        response = client.post(f"/jarjestot/{org.slug}/kutsu/", {"email": "uusi@esimerkki.fi"})
        return response, EditorInvitation.objects.filter(email="uusi@esimerkki.fi").exists()
    if action == "decide_editor_request":
        response = client.post(
            f"/koordinaattori/pyynnot/{waiting.pk}/", {"decision": "approve", "reply": ""}
        )
        waiting.refresh_from_db()
        return response, waiting.status == EditorRequest.Status.APPROVED
    if action == "mark_verified":
        response = client.post(f"/jarjestot/{org.slug}/tarkistettu/")
        org.refresh_from_db()
        return response, org.last_verified == timezone.localdate()
    if action == "coordinator_workspace":
        response = client.get("/koordinaattori/")
        return response, response.status_code == 200
    if action == "propose_correction":
        response = client.get(f"/jarjestot/{org.slug}/korjaus/")
        return (
            response,
            response.status_code == 200 and "Ilmoita korjaus" in response.content.decode(),
        )
    if action == "edit_organization":
        response = client.get(f"/jarjestot/{org.slug}/muokkaa/")
        if response.status_code != 200:
            return response, False
        send(client, org, edit(client, org, abstract="Muokattu")[1])
        org.refresh_from_db()
        proposed = ChangeSet.objects.filter(after={"abstract": "Muokattu"}).exists()
        return response, org.abstract == "Muokattu" or proposed
    if action == "edit_events":
        response = client.get(f"/jarjestot/{org.slug}/toiminta/uusi/")
        if response.status_code != 200:
            return response, False
        new_event(client, org)
        return response, Event.objects.filter(organizer=org, name="Perhekahvila").exists()
    if action == "organization_history":
        response = client.get(f"/jarjestot/{org.slug}/historia/")
        return response, response.status_code == 200
    if action == "review_changes":
        proposal = ChangeSet.objects.create(
            organization=org, author=waiting.user, after={"abstract": "Ehdotettu"}
        )
        response = client.post(f"/koordinaattori/muutokset/{proposal.pk}/", {"action": "approve"})
        org.refresh_from_db()
        return response, org.abstract == "Ehdotettu"
    if action == "mark_trusted":
        response = client.post(f"/jarjestot/{org.slug}/luotettu/", {"trusted": "1"})
        return response, TrustedOrganization.objects.filter(organization=org).exists()
    if action == "edit_roster":
        body = BodyFactory(area=org.area)
        response = client.post(
            f"/jarjestot/{body.slug}/kokoonpano/", {"action": "seat", "paikka-label": "Uusi paikka"}
        )
        return response, Post.objects.filter(organization=body).exists()
    if action == "manage_persons":
        body = BodyFactory(area=org.area)
        person = PersonFactory()
        Membership.objects.create(organization=body, person=person)
        response = client.post(
            f"/koordinaattori/henkilot/{person.popolo_id}/", {"basis": "written", "note": ""}
        )
        return response, PersonConsent.objects.filter(person=person).exists()
    raise AssertionError(action)


@pytest.mark.parametrize(("action", "persona", "expected"), table(REQUESTS))
def test_direct_requests_do_exactly_the_table(
    action, persona, expected, as_persona, mll_kuopio, waiting_request
):
    user, client = as_persona(persona)
    response, done = attempt(action, client, user, mll_kuopio, waiting_request)
    if expected == "done":
        assert response.status_code in (200, 302), response.status_code
        assert done
    elif expected == "login":
        assert response.status_code == 302
        assert response["Location"].startswith("/tili/login/")
        assert not done
    elif expected == "denied":
        assert response.status_code == 403
        assert not done
    else:
        assert expected == "already"
        assert response.status_code == 302
        assert not done


def test_every_action_is_also_tried_by_direct_requests():
    assert {action.value for action in Action} <= {action for action, _, _ in table(REQUESTS)}
