import copy
import json
from typing import Any

import pytest
from django.db import connection

from jarjestokartta.directory.models import Identifier, Organization, OtherName
from jarjestokartta.geography.models import Area, AreaAlias
from jarjestokartta.popolo import records
from jarjestokartta.popolo.exporter import export_document
from jarjestokartta.popolo.importer import ImportProblems, popolo_import
from jarjestokartta.structures.models import Membership, Person, Post

pytestmark = pytest.mark.django_db


def by_id(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in items}


def snapshot() -> dict[str, Any]:
    """Everything an import could touch, including history rows."""
    return {
        "export": export_document(),
        "history": [
            Organization.history.count(),
            Membership.history.count(),
            Person.history.count(),
            Post.history.count(),
        ],
        "aliases": AreaAlias.objects.count(),
    }


def test_the_demo_file_round_trips_losslessly(demo, demo_data):
    exported = export_document()
    for collection in records.COLLECTIONS:
        out = by_id(exported[collection])
        for record in demo_data[collection]:
            assert out[record["id"]] == record, f"{collection} {record['id']} changed"
    for collection in ("organizations", "persons", "posts", "memberships"):
        assert len(exported[collection]) == len(demo_data[collection])


def test_the_demo_import_reports_what_it_created(demo, demo_data):
    assert demo["organizations"] == {"created": len(demo_data["organizations"])}
    assert demo["memberships"] == {"created": len(demo_data["memberships"])}
    assert demo["areas"] == {"matched": len(demo_data["areas"])}


def test_re_importing_the_same_file_changes_nothing(demo, demo_text, demo_data):
    before = snapshot()
    counts = popolo_import(demo_text)
    assert counts["organizations"] == {"unchanged": len(demo_data["organizations"])}
    assert counts["memberships"] == {"unchanged": len(demo_data["memberships"])}
    assert counts["persons"] == {"unchanged": len(demo_data["persons"])}
    assert snapshot() == before


def test_a_changed_file_updates_only_what_changed(demo, demo_data):
    changed = copy.deepcopy(demo_data)
    jane = by_id(changed["organizations"])["jane"]
    jane["name"] = "Järjestöasiain neuvottelukunta JANE"
    jane["other_names"] = [{"name": "JANE", "note": "abbreviation"}]
    jane["meeting_frequency"] = {"min": 5, "max": 7}
    membership = changed["memberships"][0]
    membership["end_date"] = "2030"

    counts = popolo_import(json.dumps(changed))

    assert counts["organizations"] == {
        "updated": 1,
        "unchanged": len(demo_data["organizations"]) - 1,
    }
    assert counts["memberships"]["updated"] == 1
    exported = export_document()
    assert by_id(exported["organizations"])["jane"] == jane
    assert by_id(exported["memberships"])[membership["id"]]["end_date"] == "2030"
    assert OtherName.objects.filter(organization__popolo_id="jane").count() == 1
    assert Organization.history.filter(popolo_id="jane").count() == 2


@pytest.mark.parametrize(
    "breakage, message",
    [
        (lambda d: "{not json", "invalid JSON"),
        (
            lambda d: d["memberships"][0].update(organization_id="no-such-body"),
            "organization_id: no organisation with id 'no-such-body'",
        ),
        (
            lambda d: d["organizations"].append(copy.deepcopy(d["organizations"][0])),
            "duplicated id",
        ),
        (lambda d: d["organizations"][0].__delitem__("name"), "name: is required"),
        (
            lambda d: d["organizations"][0].update(founding_date="2008-13-01"),
            "founding_date: '2008-13-01' is not a real calendar date",
        ),
        (
            lambda d: d["organizations"][0].update(
                identifiers=[{"scheme": "ytunnus", "identifier": "1234567-8"}]
            ),
            "not a valid Y-tunnus",
        ),
    ],
    ids=[
        "invalid-json",
        "missing-reference",
        "duplicated-id",
        "missing-name",
        "bad-date",
        "bad-ytunnus",
    ],
)
def test_bad_input_leaves_the_database_unchanged(demo, demo_data, breakage, message):
    broken = copy.deepcopy(demo_data)
    # Also change a valid record, so that a half-import would show.
    by_id(broken["organizations"])["pssotu"]["abstract"] = "Tämä muutos ei saa tallentua."
    result = breakage(broken)
    text = result if isinstance(result, str) else json.dumps(broken)
    before = snapshot()

    with pytest.raises(ImportProblems) as raised:
        popolo_import(text)

    assert any(message in problem for problem in raised.value.problems)
    assert snapshot() == before


def test_a_new_file_into_an_empty_database_writes_nothing_when_invalid(db, demo_data):
    broken = copy.deepcopy(demo_data)
    broken["memberships"][-1]["deputy_of_id"] = "nowhere"
    with pytest.raises(ImportProblems):
        popolo_import(json.dumps(broken))
    assert Organization.objects.count() == 0
    assert Membership.objects.count() == 0


def test_references_may_point_at_records_already_in_the_database(demo):
    counts = popolo_import(
        json.dumps(
            {
                "memberships": [
                    {
                        "id": "m-new",
                        "organization_id": "jane",
                        "member": {"@type": "Organization", "id": "pssotu"},
                        "role": "member",
                        "start_date": "2024",
                    }
                ]
            }
        )
    )
    assert counts["memberships"] == {"created": 1}
    member = Membership.objects.get(popolo_id="m-new").member_organization
    assert member is not None and member.popolo_id == "pssotu"


def test_a_ytunnus_held_by_another_organisation_in_the_database_is_refused(demo):
    Identifier.objects.create(
        organization=Organization.objects.get(popolo_id="jane"),
        scheme="ytunnus",
        identifier="2077474-0",
    )
    other = {
        "id": "another",
        "name": "Toinen ry",
        "classification": "association",
        "identifiers": [{"scheme": "ytunnus", "identifier": "2077474-0"}],
    }
    with pytest.raises(ImportProblems) as raised:
        popolo_import(json.dumps({"organizations": [other]}))
    assert raised.value.problems == [
        "organizations id='another': identifiers: ytunnus '2077474-0' already belongs to "
        "organisation 'jane'"
    ]


def test_areas_are_matched_by_identifier_or_exact_name_and_others_created(db):
    counts = popolo_import(
        json.dumps(
            {
                "areas": [
                    {
                        "id": "my-kuopio",
                        "name": "Kuopio (kaupunki)",
                        "identifiers": [{"scheme": "kuntanumero", "identifier": "297"}],
                    },
                    {"id": "my-region", "name": "Pohjois-Karjala", "classification": "region"},
                    {"id": "petonen", "name": "Petonen", "parent_id": "my-kuopio"},
                ],
                "organizations": [
                    {
                        "id": "o",
                        "name": "Petosen kyläyhdistys ry",
                        "classification": "association",
                        "area_id": "petonen",
                        "operating_area_ids": ["my-kuopio", "my-region"],
                    }
                ],
            }
        )
    )
    assert counts["areas"] == {"matched": 2, "created": 1}
    org = Organization.objects.get(popolo_id="o")
    assert {area.popolo_id for area in org.operating_areas.all()} == {"kunta:297", "maakunta:12"}
    petonen = Area.objects.get(popolo_id="petonen")
    assert petonen.parent is not None and petonen.parent.popolo_id == "kunta:297"
    assert not petonen.is_reference
    # The reference areas keep their names; the file's ids are remembered as aliases.
    assert Area.objects.get(popolo_id="kunta:297").name == "Kuopio"
    assert AreaAlias.objects.get(popolo_id="my-kuopio").area.code == "297"


def test_a_file_using_its_own_area_ids_re_imports_without_changes(db):
    document = {
        "areas": [
            {
                "id": "k",
                "name": "Kuopio",
                "identifiers": [{"scheme": "kuntanumero", "identifier": "297"}],
            }
        ],
        "organizations": [
            {"id": "o", "name": "Yhdistys ry", "classification": "association", "area_id": "k"}
        ],
    }
    popolo_import(json.dumps(document))
    counts = popolo_import(json.dumps(document))
    assert counts["organizations"] == {"unchanged": 1}


def test_fields_we_do_not_model_come_back_on_export(db):
    record = {
        "id": "o",
        "name": "Yhdistys ry",
        "classification": "association",
        "image": "https://example.fi/logo.png",
        "sources": [{"url": "https://example.fi/lahde"}],
    }
    popolo_import(json.dumps({"organizations": [record]}))
    assert by_id(export_document()["organizations"])["o"] == record


def test_created_records_have_their_first_history_row_and_are_searchable(demo, demo_data):
    from jarjestokartta.search.service import search_organizations

    tables: list[tuple[type[Organization | Person | Post | Membership], str]] = [
        (Organization, "organizations"),
        (Person, "persons"),
        (Post, "posts"),
        (Membership, "memberships"),
    ]
    for model, collection in tables:
        created = model.history.filter(history_type="+")
        assert created.count() == len(demo_data[collection]), collection
        first = demo_data[collection][0]
        row = created.get(popolo_id=first["id"])
        assert row.history_change_reason == "import"
        assert row.instance.pk == model.objects.get(popolo_id=first["id"]).pk
    names = [r["name"] for r in search_organizations(q="perheentalo", chosen={}).results]
    assert "Kuopion perheentalo" in names


def test_existing_records_may_point_at_new_ones_in_the_same_file(demo, demo_data):
    """New records are created first, in batches; existing ones updated after may use them."""
    org = demo_data["organizations"][0]
    regular = demo_data["memberships"][0]
    new_parent = {
        "id": "uusi-katto",
        "name": "Uusi kattojärjestö ry",
        "classification": "association",
    }
    new_regular = {**regular, "id": "uusi-jasenyys", "start_date": "2024"}
    new_regular.pop("end_date", None)
    deputy = next(m for m in demo_data["memberships"] if m.get("deputy_of_id"))
    deputy = {
        **deputy,
        "organization_id": new_regular["organization_id"],
        "deputy_of_id": "uusi-jasenyys",
    }
    counts = popolo_import(
        json.dumps(
            {
                "organizations": [{**org, "parent_id": "uusi-katto"}, new_parent],
                "memberships": [deputy, new_regular],
            }
        )
    )
    assert counts["organizations"] == {"created": 1, "updated": 1}
    assert counts["memberships"] == {"created": 1, "updated": 1}
    child = Organization.objects.get(popolo_id=org["id"])
    assert child.parent is not None and child.parent.popolo_id == "uusi-katto"
    deputised = Membership.objects.get(popolo_id=deputy["id"]).deputy_of
    assert deputised is not None and deputised.popolo_id == "uusi-jasenyys"
    assert child.history.first().parent_id == child.parent_id


def test_parents_and_deputies_within_the_new_records_are_created_in_layers(db):
    orgs = [
        {"id": "haara", "name": "Haara ry", "classification": "association", "parent_id": "piiri"},
        {"id": "piiri", "name": "Piiri ry", "classification": "association", "parent_id": "liitto"},
        {"id": "liitto", "name": "Liitto ry", "classification": "association"},
        {"id": "neuvosto", "name": "Neuvosto", "classification": "council"},
    ]
    memberships = [
        {
            "id": "vara",
            "organization_id": "neuvosto",
            "member": {"@type": "Organization", "id": "haara"},
            "role": "deputy_member",
            "deputy_of_id": "varsinainen",
        },
        {
            "id": "varsinainen",
            "organization_id": "neuvosto",
            "member": {"@type": "Organization", "id": "piiri"},
        },
    ]
    popolo_import(json.dumps({"organizations": orgs, "memberships": memberships}))
    branch = Organization.objects.get(popolo_id="haara")
    assert branch.parent is not None and branch.parent.parent is not None
    assert branch.parent.parent.popolo_id == "liitto"
    deputised = Membership.objects.get(popolo_id="vara").deputy_of
    assert deputised is not None and deputised.popolo_id == "varsinainen"


def test_a_file_cut_off_after_its_organisations_writes_nothing(db, demo_data):
    # Organisations are written before the memberships are read: the rollback undoes them.
    text = json.dumps(demo_data)
    with pytest.raises(ImportProblems) as raised:
        popolo_import(text[: text.index('"memberships"') + 40])
    assert raised.value.problems[-1].startswith("invalid JSON:")
    assert Organization.objects.count() == 0
    assert Organization.history.count() == 0


def test_collections_in_another_order_import_the_same(db, demo_data):
    reordered = {name: demo_data[name] for name in reversed(records.COLLECTIONS)}
    counts = popolo_import(json.dumps(reordered))
    assert counts["memberships"] == {"created": len(demo_data["memberships"])}
    exported = export_document()
    for collection in ("organizations", "persons", "posts", "memberships"):
        out = by_id(exported[collection])
        for record in demo_data[collection]:
            assert out[record["id"]] == record, f"{collection} {record['id']} changed"


def test_a_collection_given_twice_is_refused(db, demo_data):
    organizations = json.dumps(demo_data["organizations"])
    text = f'{{"organizations": {organizations}, "organizations": {organizations}}}'
    with pytest.raises(ImportProblems) as raised:
        popolo_import(text)
    assert raised.value.problems == ["organizations: given twice"]
    assert Organization.objects.count() == 0


def test_the_import_gives_sqlite_its_page_cache_back(db, demo_data):
    # The import enlarges SQLite's page cache while it runs (PostgreSQL has no such step).
    def cache_size() -> int | None:
        if connection.vendor != "sqlite":
            return None
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size")
            size: int = cursor.fetchone()[0]
            return size

    before = cache_size()
    popolo_import(json.dumps(demo_data))
    assert Organization.objects.count() == len(demo_data["organizations"])
    assert cache_size() == before
