import json

import pytest

from bench.tests.commands import run_bench_command
from jarjestokartta.directory.tests.factories import OrganizationFactory
from jarjestokartta.editing.models import ChangeSet
from jarjestokartta.geography.models import Area


@pytest.mark.django_db
def test_bench_editing_times_the_forms_queue_and_approvals(tmp_path):
    kuopio = Area.objects.get(name="Kuopio", is_reference=True)
    OrganizationFactory.create_batch(4, area=kuopio)
    output = tmp_path / "editing.json"
    run_bench_command("bench_editing", "--pages", "3", "--repeat", "1", "--output", str(output))
    figures = json.loads(output.read_text())
    assert figures["change_sets_in_queue"] == 3
    for kind in ("public_page", "edit_form", "queue", "review", "approve"):
        assert figures[kind]["samples"] == 3 and figures[kind]["p95_ms"] > 0, kind
    assert figures["edit_form"]["p95_ratio_to_public_page"] > 0
    assert set(ChangeSet.objects.values_list("status", flat=True)) == {"approved"}
