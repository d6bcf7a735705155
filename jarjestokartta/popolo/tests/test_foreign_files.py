"""Files as another system or a person writes them: roles and kinds in their own words."""

import copy
import json
import re
from datetime import date
from typing import Any

import pytest

from jarjestokartta.diagram import graph as g
from jarjestokartta.diagram import service
from jarjestokartta.directory.models import Organization
from jarjestokartta.popolo.exporter import export_document
from jarjestokartta.popolo.importer import ImportProblems, popolo_import
from jarjestokartta.structures.models import Membership, Post, Role

pytestmark = pytest.mark.django_db
DAY = date(2026, 6, 1)


def _org(id_: str, name: str, classification: str) -> dict[str, Any]:
    return {"id": id_, "name": name, "classification": classification}


def _membership(id_: str, member: str, role: str, **fields) -> dict[str, Any]:
    return {
        "id": id_,
        "organization_id": "foorumi",
        "member": {"@type": "Organization", "id": member},
        "role": role,
        "start_date": "2025",
        **fields,
    }


HAND_WRITTEN = {
    "organizations": [
        _org("foorumi", "Kuopion järjestöfoorumi", "Järjestöfoorumi"),
        _org("kaupunki", "Kuopion kaupunki", "julkinen toimija"),
        _org("ryhma", "Valmisteleva työryhmä", "työryhmä"),
        _org("poyta", "Kumppanuuspöytä", "KUMPPANUUSPÖYTÄ"),
        _org("lautakunta", "Vanhusneuvosto", "neuvottelukunta"),
        _org("seura", "Kuopion Kotiseutuseura ry", "association"),
        _org("klubi", "Kuopion Kerho ry", "Yhdistys"),
        _org("piiri", "Savon piiri ry", "kattojärjestön piiri"),
        _org("working", "Working group of the Forum", "working group"),
        _org("public", "Region of North Savo", "Public_Body"),
    ],
    "posts": [
        {
            "id": "paikka",
            "label": "Kaupungin paikka",
            "other_label": "Kaupungin edustaja",
            "organization_id": "foorumi",
            "role": "Jäsen",
        }
    ],
    "memberships": [
        _membership("pj", "seura", "Puheenjohtaja"),
        _membership("vpj", "klubi", "vara-puheenjohtaja"),
        _membership("jasen", "kaupunki", "jäsen", post_id="paikka"),
        _membership("vara", "piiri", "VARAJÄSEN", deputy_of_id="jasen", post_id="paikka"),
        _membership("sihteeristo", "ryhma", "sihteeristö"),
        _membership("sihteeri", "poyta", "Sihteeri"),
        _membership("asiantuntija", "lautakunta", "asiantuntija_jäsen"),
        _membership("koordinoi", "kaupunki", "koordinaattori"),
        _membership("hallinnoi", "kaupunki", "Hallinnoija"),
        _membership("rahoittaa", "public", "rahoittaja"),
        _membership("asettaa", "public", "asettaja"),
        _membership("nimeaa", "kaupunki", "nimeävä taho"),
        _membership("ledamot", "working", "Ledamot"),
        _membership("ersattare", "working", "ersättare", deputy_of_id="ledamot"),
        _membership("ordforande", "lautakunta", "ordförande"),
        _membership("member", "poyta", "member"),
        _membership("deputy", "klubi", "Deputy member", deputy_of_id="member"),
        _membership("chair-en", "ryhma", "chair"),
        _membership("valmistelija", "seura", "valmistelija"),
        _membership("jarjestaja", "klubi", "järjestäjä"),
        _membership("vastuutaho", "piiri", "vastuutaho"),
        _membership("koodi", "seura", "deputy_member", deputy_of_id="pj"),
    ],
}


def _exported(collection: str) -> dict[str, dict[str, Any]]:
    return {record["id"]: record for record in export_document()[collection]}


def test_roles_in_finnish_swedish_and_english_are_recognised(db):
    popolo_import(json.dumps(HAND_WRITTEN))
    roles = dict(Membership.objects.values_list("popolo_id", "role"))
    assert roles == {
        "pj": Role.CHAIR,
        "vpj": Role.VICE_CHAIR,
        "jasen": Role.MEMBER,
        "vara": Role.DEPUTY_MEMBER,
        "sihteeristo": Role.SECRETARIAT,
        "sihteeri": Role.SECRETARY,
        "asiantuntija": Role.EXPERT_MEMBER,
        "koordinoi": Role.COORDINATOR,
        "hallinnoi": Role.ADMINISTRATOR,
        "rahoittaa": Role.FUNDER,
        "asettaa": Role.APPOINTING_BODY,
        "nimeaa": Role.APPOINTING_BODY,
        "ledamot": Role.MEMBER,
        "ersattare": Role.DEPUTY_MEMBER,
        "ordforande": Role.CHAIR,
        "member": Role.MEMBER,
        "deputy": Role.DEPUTY_MEMBER,
        "chair-en": Role.CHAIR,
        "valmistelija": Role.OTHER,
        "jarjestaja": Role.OTHER,
        "vastuutaho": Role.OTHER,
        "koodi": Role.DEPUTY_MEMBER,
    }
    assert Post.objects.get().role == Role.MEMBER


def test_kinds_written_as_phrases_are_recognised_and_unknown_ones_are_other(db):
    popolo_import(json.dumps(HAND_WRITTEN))
    kinds = dict(Organization.objects.values_list("popolo_id", "classification"))
    assert kinds == {
        "foorumi": "forum",
        "kaupunki": "public_body",
        "ryhma": "working_group",
        "poyta": "partnership_table",
        "lautakunta": "advisory_board",
        "seura": "association",
        "klubi": "association",
        "piiri": "other",
        "working": "working_group",
        "public": "public_body",
    }


def test_a_hand_written_file_round_trips_unchanged(db):
    popolo_import(json.dumps(HAND_WRITTEN))
    for collection in ("organizations", "memberships"):
        exported = _exported(collection)
        for record in HAND_WRITTEN[collection]:
            assert exported[record["id"]] == record, f"{collection} {record['id']} changed"
    # The one change is Popolo's own form for a post's other labels: a list.
    expected_post = {**HAND_WRITTEN["posts"][0], "other_label": ["Kaupungin edustaja"]}
    assert _exported("posts") == {"paikka": expected_post}


def test_re_importing_a_hand_written_file_changes_nothing(db):
    popolo_import(json.dumps(HAND_WRITTEN))
    history = Membership.history.count() + Organization.history.count()
    counts = popolo_import(json.dumps(HAND_WRITTEN))
    assert counts["memberships"] == {"unchanged": len(HAND_WRITTEN["memberships"])}
    assert counts["organizations"] == {"unchanged": len(HAND_WRITTEN["organizations"])}
    assert counts["posts"] == {"unchanged": 1}
    assert Membership.history.count() + Organization.history.count() == history


def test_our_own_export_imports_back_into_an_empty_database_the_same(db):
    popolo_import(json.dumps(HAND_WRITTEN))
    first = export_document()
    Organization.objects.all().delete()
    popolo_import(json.dumps(first))
    assert export_document() == first


def test_deputies_and_chairs_from_the_words_work_in_the_diagram(db):
    popolo_import(json.dumps(HAND_WRITTEN))
    request = service.read_request(focus="foorumi", depth=1, today=DAY)
    graph = service.diagram(request).graph
    edges = {edge.id: edge for edge in graph.edges}
    assert edges["vara"].kind == g.DEPUTY and edges["vara"].deputy_of == "jasen"
    assert edges["ersattare"].kind == g.DEPUTY
    assert edges["pj"].kind == edges["ordforande"].kind == g.CHAIR
    assert edges["asettaa"].kind == edges["nimeaa"].kind == g.APPOINTS
    assert edges["rahoittaa"].kind == g.FUNDS
    assert edges["sihteeristo"].kind == g.SECRETARIAT


def test_the_body_page_shows_recognised_roles_translated_and_unknown_ones_as_written(client, db):
    popolo_import(json.dumps(HAND_WRITTEN))
    html = client.get("/jarjestot/kuopion-jarjestofoorumi/", {"paiva": "2026-06-01"})
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.content.decode()))
    assert "Puheenjohtaja" in text and "varajäsen" in text
    assert "ordförande" not in text and "Ledamot" not in text  # shown in Finnish
    # Each unknown role under its own words, not all of them as "other".
    for unknown in ("Valmistelija", "Järjestäjä", "Vastuutaho"):
        assert f"{unknown} (1)" in text
    assert "Puheenjohtaja (3)" in text and "Muu" not in text
    member_page = client.get("/jarjestot/savon-piiri-ry/").content.decode()
    assert "kattojärjestön piiri" in member_page.casefold()


def test_an_editor_changing_a_role_drops_the_word_that_meant_another(db):
    popolo_import(json.dumps(HAND_WRITTEN))
    unknown = Membership.objects.get(popolo_id="valmistelija")
    assert unknown.get_role_display() == "valmistelija"
    unknown.role = Role.CHAIR
    unknown.save()
    assert _exported("memberships")["valmistelija"]["role"] == "chair"
    written = Membership.objects.get(popolo_id="pj")
    written.label = "Puheenjohtaja 2025–2026"
    written.save()  # the word still means the role: it stays
    assert _exported("memberships")["pj"]["role"] == "Puheenjohtaja"


def test_only_what_is_invalid_is_refused_and_nothing_is_written(db):
    broken = copy.deepcopy(HAND_WRITTEN)
    broken["memberships"][0]["start_date"] = "2025-13"
    broken["memberships"][1]["deputy_of_id"] = "ei-ole"
    broken["memberships"][2]["role"] = "x" * 201
    broken["organizations"][0]["classification"] = ""
    with pytest.raises(ImportProblems) as raised:
        popolo_import(json.dumps(broken))
    problems = raised.value.problems
    assert any("id='pj'" in p and "start_date" in p for p in problems)
    assert any("id='vpj'" in p and "deputy_of_id" in p and "ei-ole" in p for p in problems)
    assert any("id='jasen'" in p and "role" in p for p in problems)
    assert any("id='foorumi'" in p and "classification" in p for p in problems)
    assert Organization.objects.count() == 0 and Membership.objects.count() == 0


def test_the_api_filters_by_code_and_answers_with_the_words_as_written(client, db):
    popolo_import(json.dumps(HAND_WRITTEN))
    page = client.get("/api/v1/organizations", {"classification": "working_group"}).json()
    assert {(r["id"], r["classification"]) for r in page["contents"]} == {
        ("ryhma", "työryhmä"),
        ("working", "working group"),
    }
    deputies = client.get(
        "/api/v1/memberships", {"organization": "foorumi", "role": "deputy_member"}
    ).json()
    assert {(r["id"], r["role"]) for r in deputies["contents"]} == {
        ("vara", "VARAJÄSEN"),
        ("ersattare", "ersättare"),
        ("deputy", "Deputy member"),
        ("koodi", "deputy_member"),
    }
