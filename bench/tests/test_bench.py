import io
import json
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import CommandError
from stdnum.fi import ytunnus

from bench.dataset import write_dataset
from bench.management.commands.bench_import import without_events
from bench.measure import p95, summary
from bench.names import genitive
from bench.places import municipalities, shares
from bench.tests.commands import run_bench_command
from jarjestokartta.diagram import service as diagram_service
from jarjestokartta.directory.models import Identifier, Organization
from jarjestokartta.popolo.importer import popolo_import
from jarjestokartta.popolo.records import COLLECTIONS
from jarjestokartta.search.tests.relevance.corpus import corpus_json


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Kuopio", "Kuopion"),
        ("Helsinki", "Helsingin"),
        ("Tampere", "Tampereen"),
        ("Iisalmi", "Iisalmen"),
        ("Joroinen", "Joroisen"),
        ("Koivumäki", "Koivumäen"),
        ("Rantalahti", "Rantalahden"),
    ],
)
def test_it_finds_the_genitive_of_a_place_name(name, expected):
    assert genitive(name) == expected


def test_summary_gives_median_and_95th_percentile():
    samples = [float(n) for n in range(1, 101)]
    assert p95(samples) == 95.0
    assert summary(samples)["median_ms"] == 50.5


@pytest.mark.django_db
def test_bench_search_measures_and_writes_its_figures(tmp_path, demo_data):
    output = tmp_path / "search.json"
    run_bench_command(
        "bench_search", "--organizations", "400", "--repeat", "1", "--output", str(output)
    )
    figures = json.loads(output.read_text())
    # The demo, the relevance corpus and a generated Finland of at least 400 organisations.
    known = len(demo_data["organizations"])
    known += len(json.loads(corpus_json())["organizations"])
    assert figures["generated_organizations"] >= 400
    assert figures["organizations"] == figures["generated_organizations"] + known
    assert figures["endpoint"]["samples"] == figures["raw_engine"]["samples"] == 68
    assert figures["endpoint_cached"]["samples"] == 68
    assert figures["endpoint"]["p95_ms"] > 0 and figures["p95_ratio"] > 0
    assert figures["hit_at_10_national"] == 1.0


@pytest.mark.django_db
def test_bench_search_refuses_a_database_with_data(demo):
    with pytest.raises(CommandError, match="empty"):
        run_bench_command("bench_search", "--organizations", "400")


@pytest.mark.django_db
def test_bench_diagram_draws_every_synthetic_organisation_and_writes_its_figures(tmp_path):
    output = tmp_path / "diagram.json"
    sizes = ["--region", "uusimaa", "--add-structure", "--bodies", "6", "--public-bodies", "3"]
    sizes += ["--associations", "30"]
    run_bench_command("bench_diagram", *sizes, "--repeat", "2", "--output", str(output))
    figures = json.loads(output.read_text())
    assert (figures["region"], figures["nodes"]) == ("Uusimaa", 39)
    assert figures["edges"] >= 30 + 6
    assert figures["total"]["samples"] == 2
    assert figures["total"]["median_ms"] >= figures["build"]["median_ms"] > 0
    assert figures["total_to_default_ratio"] > 0
    # A second run reuses the structure instead of adding another.
    run_bench_command("bench_diagram", *sizes, "--repeat", "1", "--output", str(output))
    assert json.loads(output.read_text())["nodes"] == 39
    assert json.loads(output.read_text())["overview"] is False


@pytest.mark.django_db
def test_bench_diagram_draws_the_overview_of_a_region_above_the_threshold(tmp_path, monkeypatch):
    monkeypatch.setattr(diagram_service, "OVERVIEW_THRESHOLD", 20)
    output = tmp_path / "diagram.json"
    sizes = ["--region", "uusimaa", "--add-structure", "--bodies", "6", "--public-bodies", "3"]
    sizes += ["--associations", "30"]
    run_bench_command("bench_diagram", *sizes, "--repeat", "1", "--output", str(output))
    figures = json.loads(output.read_text())
    assert figures["overview"] is True
    assert (figures["nodes"], figures["summary_nodes"]) == (6 + 3 + 6, 6)
    assert figures["summarised"] == figures["summarised_distinct"] == 30
    assert figures["total"]["median_ms"] >= figures["draw_svg"]["median_ms"] > 0


def test_shares_split_a_total_exactly_in_proportion():
    assert sorted(shares(10, [1, 1, 2])) == [2, 3, 5]
    assert shares(10, [1, 1, 2]) == shares(10, [1, 1, 2])
    assert sum(shares(120_000, [p.population for p in municipalities()])) == 120_000


def test_every_municipality_has_a_population_and_helsinki_is_the_largest():
    towns = municipalities()
    assert len(towns) == 308
    assert max(towns, key=lambda t: t.population).name == "Helsinki"
    assert 5_000_000 < sum(t.population for t in towns) < 6_000_000


def test_the_synthetic_finland_is_deterministic_and_spread_by_population():
    first, again, other = io.StringIO(), io.StringIO(), io.StringIO()
    counts = write_dataset(first, 8000, seed=1)
    write_dataset(again, 8000, seed=1)
    write_dataset(other, 8000, seed=2)
    assert first.getvalue() == again.getvalue() != other.getvalue()
    data = json.loads(first.getvalue())
    orgs = data["organizations"]
    assert len(orgs) == counts.organizations == 8000
    assert len(data["memberships"]) == counts.memberships > 8000
    assert len({o["name"] for o in orgs}) == len(orgs)  # registered names are unique
    homes = Counter(o["area_id"] for o in orgs if o["classification"] == "association")
    assert (
        homes["kunta:091"] > homes["kunta:297"] > homes["kunta:766"]
    )  # Helsinki, Kuopio, Sottunga
    kinds = Counter(o["classification"] for o in orgs)
    assert {"advisory_board", "council", "network", "project", "public_body"} <= set(kinds)
    branches = [o for o in orgs if o["name"].startswith("Eläkeliiton") and "parent_id" in o]
    assert branches, "local branches hang under their federation's district"
    assert any(m.get("deputy_of_id") for m in data["memberships"])


@pytest.mark.django_db
def test_the_synthetic_finland_imports_without_problems(tmp_path):
    path = tmp_path / "finland.json"
    run_bench_command("generate_dataset", "--organizations", "1500", str(path))
    if "events" not in COLLECTIONS:  # the import does not read events yet: bench_import's copy
        path = Path(without_events(str(path)))
    counts = popolo_import(path.read_bytes())
    assert counts["organizations"]["created"] == 1500
    assert counts["areas"]["matched"] == 308 + 19
    assert Organization.objects.filter(area__code="091").count() > 100
    ids = {i.identifier for i in Identifier.objects.filter(scheme="ytunnus")}
    assert ids and all(ytunnus.is_valid(i) for i in ids)


def test_generate_dataset_refuses_a_size_too_small_for_the_national_bodies(tmp_path):
    with pytest.raises(CommandError, match="at least 1000"):
        run_bench_command("generate_dataset", "--organizations", "10", str(tmp_path / "x.json"))


def test_the_report_puts_both_databases_in_one_table(tmp_path, capsys):
    (tmp_path / "import-sqlite.json").write_text(
        json.dumps({"seconds": 50.0, "peak_memory_mb": 1200})
    )
    (tmp_path / "import-postgresql.json").write_text(json.dumps({"seconds": 80.0}))
    (tmp_path / "export-sqlite.json").write_text(
        json.dumps({"seconds": 90.0, "peak_memory_mb": 180})
    )
    run_bench_command("bench_report", str(tmp_path), "--output", str(tmp_path / "bench.json"))
    table = {
        row["figure"]: row for row in json.loads((tmp_path / "bench.json").read_text())["table"]
    }
    seconds = table["import: seconds"]
    assert (seconds["sqlite"], seconds["postgresql"]) == (50.0, 80.0)
    assert seconds["sqlite_meets_target"] and seconds["postgresql_meets_target"]  # 80 <= 1.5 × 60
    assert table["import: peak memory MB"]["sqlite_meets_target"] is False
    assert table["search: p95 ms"]["sqlite"] is None
    export = table["export: peak memory MB"]
    assert (export["target"], export["sqlite"], export["sqlite_meets_target"]) == (300, 180, True)
    assert table["export: seconds"]["sqlite"] == 90.0 and export["postgresql"] is None
    assert "MISS" in capsys.readouterr().out
