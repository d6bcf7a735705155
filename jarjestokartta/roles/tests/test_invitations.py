"""Invitations by e-mail: only the invited, verified address can accept, within 14 days."""

import re
from unittest import mock

from allauth.account.models import EmailAddress
from django.core import mail

from jarjestokartta.accounts.tests.helpers import link_in, make_user
from jarjestokartta.roles.models import EditorInvitation, OrganizationEditor


def invite(client, org, email="uusi.sihteeri@esimerkki.fi"):
    return client.post(f"/jarjestot/{org.slug}/kutsu/", {"email": email})


def test_an_editor_invites_and_the_invited_person_accepts(client, editor_of_mll, mll_kuopio):
    client.force_login(editor_of_mll)
    assert invite(client, mll_kuopio, "Uusi.Sihteeri@Esimerkki.fi").status_code == 302
    [message] = mail.outbox
    assert message.to == ["uusi.sihteeri@esimerkki.fi"]
    assert "MLL:n Kuopion yhdistys" in message.subject
    accept = link_in(message.body)
    assert accept.startswith("/kutsu/")

    client.logout()
    page = client.get(accept).content.decode()
    assert "Kirjaudu sisään" in page  # it explains itself before asking to log in

    invited = make_user("uusi.sihteeri@esimerkki.fi")
    client.force_login(invited)
    response = client.post(accept)
    assert response.status_code == 302 and response["Location"] == "/jarjestot/mll-kuopio/"
    editor = OrganizationEditor.objects.get(user=invited)
    assert editor.organization == mll_kuopio and editor.granted_by == editor_of_mll
    assert EditorInvitation.objects.get().accepted_by == invited


def test_a_forwarded_link_does_not_make_someone_else_an_editor(client, editor_of_mll, mll_kuopio):
    client.force_login(editor_of_mll)
    invite(client, mll_kuopio)
    accept = link_in(mail.outbox[0].body)
    other = make_user("joku.muu@esimerkki.fi")
    client.force_login(other)
    response = client.post(accept, follow=True)
    assert "Kutsu on lähetetty osoitteeseen uusi.sihteeri@esimerkki.fi" in response.content.decode()
    assert not OrganizationEditor.objects.filter(user=other).exists()


def test_an_unverified_address_cannot_accept(client, editor_of_mll, mll_kuopio):
    client.force_login(editor_of_mll)
    invite(client, mll_kuopio)
    accept = link_in(mail.outbox[0].body)
    invited = make_user("uusi.sihteeri@esimerkki.fi")
    EmailAddress.objects.filter(user=invited).update(verified=False)
    client.force_login(invited)
    client.post(accept)
    assert not OrganizationEditor.objects.filter(user=invited).exists()


def test_a_damaged_or_old_link_is_explained(client, editor_of_mll, mll_kuopio):
    client.force_login(editor_of_mll)
    invite(client, mll_kuopio)
    accept = link_in(mail.outbox[0].body)
    damaged = client.get(accept[:-3] + "xyz/")
    assert damaged.status_code == 400
    assert "Kutsulinkki ei ole kelvollinen" in damaged.content.decode()

    fifteen_days = 15 * 86400
    with mock.patch(
        "django.core.signing.time.time", return_value=__import__("time").time() + fifteen_days
    ):
        expired = client.get(accept)
    assert expired.status_code == 400
    assert "Kutsu on vanhentunut" in expired.content.decode()


def test_an_address_that_already_edits_is_not_invited_again(client, editor_of_mll, mll_kuopio):
    client.force_login(editor_of_mll)
    response = invite(client, mll_kuopio, editor_of_mll.email)
    assert response.status_code == 200
    assert "on jo tämän järjestön muokkausoikeus" in response.content.decode()
    assert not mail.outbox


def test_a_bad_address_gets_a_finnish_error(client, editor_of_mll, mll_kuopio):
    client.force_login(editor_of_mll)
    response = invite(client, mll_kuopio, "ei osoite")
    assert "Syötä kelvollinen sähköpostiosoite." in response.content.decode()
    assert not EditorInvitation.objects.exists()


def test_the_invitation_page_lists_the_editors(client, editor_of_mll, mll_kuopio):
    client.force_login(editor_of_mll)
    page = client.get(f"/jarjestot/{mll_kuopio.slug}/kutsu/").content.decode()
    assert re.search(r"sihteeri@mll-kuopio\.fi\s*\(sihteeri\)", page)
