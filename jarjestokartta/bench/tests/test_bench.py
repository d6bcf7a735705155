import json

import pytest
from django.core.management import CommandError, call_command

from jarjestokartta.bench import synthetic
from jarjestokartta.bench.measure import p95, summary
from jarjestokartta.bench.names import genitive


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


def test_the_synthetic_data_is_the_same_for_the_same_seed():
    towns = [("297", "Kuopio"), ("091", "Helsinki"), ("749", "Siilinjärvi")]
    first = [o.name for o in synthetic.organizations(50, towns, seed=7)]
    again = [o.name for o in synthetic.organizations(50, towns, seed=7)]
    other = [o.name for o in synthetic.organizations(50, towns, seed=8)]
    assert first == again != other
    assert any(name.startswith(("Kuopion", "Helsingin", "Siilinjärven")) for name in first)


def test_summary_gives_median_and_95th_percentile():
    samples = [float(n) for n in range(1, 101)]
    assert p95(samples) == 95.0
    assert summary(samples)["median_ms"] == 50.5


@pytest.mark.django_db
def test_bench_search_measures_and_writes_its_figures(tmp_path):
    output = tmp_path / "search.json"
    call_command("bench_search", "--organizations", "400", "--repeat", "1", "--output", str(output))
    figures = json.loads(output.read_text())
    assert figures["organizations"] == 400
    assert figures["endpoint"]["samples"] == figures["raw_engine"]["samples"] == 68
    assert figures["endpoint"]["p95_ms"] > 0 and figures["p95_ratio"] > 0
    assert figures["hit_at_10_national"] == 1.0


@pytest.mark.django_db
def test_bench_search_refuses_a_database_with_data(demo):
    with pytest.raises(CommandError, match="empty"):
        call_command("bench_search", "--organizations", "400")


@pytest.mark.django_db
def test_bench_diagram_draws_every_synthetic_organisation_and_writes_its_figures(tmp_path):
    output = tmp_path / "diagram.json"
    sizes = ["--bodies", "6", "--public-bodies", "3", "--associations", "30"]
    call_command("bench_diagram", *sizes, "--repeat", "2", "--output", str(output))
    figures = json.loads(output.read_text())
    assert (figures["region"], figures["nodes"]) == ("Uusimaa", 39)
    assert figures["edges"] >= 30 + 6
    assert figures["total"]["samples"] == 2
    assert figures["total"]["median_ms"] >= figures["build"]["median_ms"] > 0
    assert figures["total_to_default_ratio"] > 0
    # A second run reuses the structure instead of adding another.
    call_command("bench_diagram", *sizes, "--repeat", "1", "--output", str(output))
    assert json.loads(output.read_text())["nodes"] == 39
