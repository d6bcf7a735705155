"""The Popolo record rules, tested without a database."""

import json
from typing import Any

from jarjestokartta.popolo.parsing import parse_document
from jarjestokartta.popolo.records import Organization
from jarjestokartta.popolo.rules import Document, ordered


def parse(**collections) -> tuple[Document, list[str]]:
    document, problems = parse_document(json.dumps(collections))
    assert document is not None, problems  # the JSON is always readable here
    return document, problems


def org(**fields) -> dict[str, Any]:
    return {"id": "o1", "name": "Yhdistys ry", "classification": "association", **fields}


def test_it_accepts_a_minimal_organisation():
    document, problems = parse(organizations=[org()])
    assert problems == []
    assert document.records["organizations"][0].normal_form() == org()


def test_it_reports_invalid_json_with_its_place():
    _, problems = parse_document('{"organizations": [}')
    assert len(problems) == 1
    assert problems[0].startswith("invalid JSON:") and "line 1 column" in problems[0]


def test_it_reports_every_problem_with_the_record_id_not_only_the_first():
    _, problems = parse(
        organizations=[
            org(id="no-name", name=None),
            org(id="bad-date", founding_date="2008-13"),
            org(id="bad-ytunnus", identifiers=[{"scheme": "ytunnus", "identifier": "1234567-8"}]),
            org(id="bad-kind", classification=" "),
        ]
    )
    assert len(problems) == 4
    assert "id='no-name'" in problems[0] and "name" in problems[0]
    assert "id='bad-date'" in problems[1] and "'2008-13' is not a real calendar date" in problems[1]
    assert "id='bad-ytunnus'" in problems[2] and "not a valid Y-tunnus" in problems[2]
    assert "id='bad-kind'" in problems[3] and "classification" in problems[3]


def test_it_refuses_a_duplicated_id():
    _, problems = parse(organizations=[org(), org(name="Toinen")])
    assert problems == ["organizations[1] id='o1': duplicated id (also organizations[0])"]


def test_it_refuses_a_membership_with_no_member_or_two():
    body = org(id="b", classification="network")
    _, problems = parse(
        organizations=[org(), body],
        persons=[{"id": "p", "name": "Henkilö"}],
        memberships=[
            {"id": "none", "organization_id": "b"},
            {
                "id": "both",
                "organization_id": "b",
                "person_id": "p",
                "member": {"@type": "Organization", "id": "o1"},
            },
        ],
    )
    assert len(problems) == 2
    assert all("give exactly one member" in problem for problem in problems)


def test_it_reads_a_person_member_given_as_an_object_like_person_id():
    document, problems = parse(
        organizations=[org(classification="network")],
        persons=[{"id": "p", "name": "Henkilö"}],
        memberships=[
            {"id": "m", "organization_id": "o1", "member": {"@type": "Person", "id": "p"}}
        ],
    )
    assert problems == []
    assert document.records["memberships"][0].normal_form()["person_id"] == "p"


def test_it_lists_references_that_the_file_does_not_define():
    document, _ = parse(
        organizations=[org(parent_id="elsewhere", area_id="kunta:297")],
    )
    assert document.dangling()["organizations"] == {"elsewhere"}
    assert document.dangling()["areas"] == {"kunta:297"}
    problems = document.reference_problems({"areas": {"kunta:297"}})
    assert problems == ["organizations id='o1': parent_id: no organisation with id 'elsewhere'"]


def test_it_refuses_parents_that_go_round_in_a_circle():
    _, problems = parse(organizations=[org(id="a", parent_id="b"), org(id="b", parent_id="a")])
    assert len(problems) == 2
    assert all("goes round in a circle" in problem for problem in problems)


def test_it_orders_records_so_that_parents_come_first():
    document, _ = parse(
        organizations=[
            org(id="child", parent_id="mid"),
            org(id="mid", parent_id="top"),
            org(id="top"),
        ]
    )
    in_order = ordered(document.records["organizations"], "parent_id")
    assert [record.id for record in in_order] == ["top", "mid", "child"]


def test_a_deputy_deputises_within_the_same_body():
    _, problems = parse(
        organizations=[org(id="a"), org(id="b1", classification="council"), org(id="b2")],
        memberships=[
            {"id": "m1", "organization_id": "b1", "member": {"@type": "Organization", "id": "a"}},
            {
                "id": "m2",
                "organization_id": "b2",
                "member": {"@type": "Organization", "id": "a"},
                "deputy_of_id": "m1",
            },
        ],
    )
    assert problems == [
        "memberships id='m2': deputy_of_id: 'm1' is a membership of 'b1', not of 'b2'"
    ]


def test_it_refuses_one_ytunnus_given_to_two_organisations():
    ytunnus = [{"scheme": "ytunnus", "identifier": "2077474-0"}]
    _, problems = parse(organizations=[org(identifiers=ytunnus), org(id="o2", identifiers=ytunnus)])
    assert problems == [
        "organizations id='o2': identifiers: ytunnus '2077474-0' is also given to organisation 'o1'"
    ]


def test_it_keeps_fields_it_does_not_model_but_refuses_unknown_nested_ones():
    document, problems = parse(organizations=[org(image="https://example.fi/logo.png")])
    assert problems == []
    assert document.records["organizations"][0].extras == {"image": "https://example.fi/logo.png"}
    _, problems = parse(organizations=[org(links=[{"url": "https://example.fi", "rel": "x"}])])
    assert len(problems) == 1 and "links.0.rel" in problems[0]


def test_the_normal_form_sorts_sets_and_leaves_out_empty_values():
    document, _ = parse(
        organizations=[org(themes=["Osallisuus", "Lapset ja perheet"], abstract="", parent_id=None)]
    )
    assert document.records["organizations"][0].normal_form() == org(
        themes=["Lapset ja perheet", "Osallisuus"]
    )


def test_it_refuses_unknown_top_level_keys():
    _, problems = parse(organizations=[], motions=[])
    assert problems == [
        "unknown top-level key 'motions' "
        "(expected: areas, organizations, persons, posts, memberships, events)"
    ]


def test_records_given_the_same_fields_share_one_set_of_their_names():
    document, _ = parse(
        organizations=[
            org(id="a", identifiers=[{"scheme": "ytunnus", "identifier": "2077474-0"}]),
            org(id="b", identifiers=[{"scheme": "ytunnus", "identifier": "0586977-6"}]),
        ]
    )
    a, b = document.of(Organization)
    assert a.model_fields_set is b.model_fields_set
    assert a.identifiers[0].model_fields_set is b.identifiers[0].model_fields_set
    copied = a.model_copy(update={"area_id": "kunta:297"})
    assert "area_id" in copied.model_fields_set and "area_id" not in b.model_fields_set
    assert b.normal_form()["identifiers"] == [{"scheme": "ytunnus", "identifier": "0586977-6"}]
