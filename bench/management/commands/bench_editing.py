"""Self-service editing at scale (issue 15): the edit form, the coordinator's queue and review
pages, and approving a change set, against the public organisation page in the same run."""

import json
import random
import statistics
from pathlib import Path

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bench.measure import summary, timed
from jarjestokartta.directory.models import Organization
from jarjestokartta.editing import services
from jarjestokartta.editing.document import snapshot
from jarjestokartta.editing.models import ChangeSet
from jarjestokartta.geography.models import Area, AreaLink
from jarjestokartta.roles.models import OrganizationEditor, RegionalCoordinator

REGION = "Pohjois-Savo"


class Command(BaseCommand):
    help = (
        "Time the edit form, the change queue, a change set's review page and approving a "
        "change set in one region of the imported data; median and p95 milliseconds."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--pages", type=int, default=30, help="organisations edited")
        parser.add_argument("--repeat", type=int, default=3, help="rounds after a warm-up")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--output", default="")

    def handle(self, *args, pages: int, repeat: int, seed: int, output: str, **options) -> None:
        region = Area.objects.filter(name=REGION, classification="region").first()
        if region is None:
            raise CommandError(f"No {REGION}: migrate first (the reference geography).")
        municipalities = AreaLink.objects.active_on(timezone.localdate()).filter(parent=region)
        slugs = list(
            Organization.objects.filter(area__in=municipalities.values("area")).values_list(
                "slug", flat=True
            )
        )
        if len(slugs) < pages:
            raise CommandError(f"{len(slugs)} organisations in {REGION}: import data first.")
        chosen = random.Random(seed).sample(slugs, pages)
        orgs = list(Organization.objects.filter(slug__in=chosen))
        call_command("collectstatic", interactive=False, verbosity=0)

        editor, coordinator = _people(region, orgs)
        as_editor, as_coordinator = Client(HTTP_HOST="127.0.0.1"), Client(HTTP_HOST="127.0.0.1")
        as_editor.force_login(editor)
        as_coordinator.force_login(coordinator)
        base_url = "http://127.0.0.1"
        # One pending change set for each organisation, as an untrusted editor sends them
        # (a new text each run, so that a second run on the same data changes something).
        stamp = timezone.now().isoformat(timespec="seconds")
        for org in orgs:
            after = {**snapshot(org), "abstract": f"Muokattu kuvaus {org.pk}, {stamp}"}
            services.edit_submit(
                organization=org, user=editor, base=snapshot(org), after=after, base_url=base_url
            )
        pending = list(
            ChangeSet.objects.filter(organization__in=orgs, status="pending").values_list(
                "pk", flat=True
            )
        )

        kinds = {
            "public_page": (as_editor, [f"/jarjestot/{o.slug}/" for o in orgs]),
            "edit_form": (as_editor, [f"/jarjestot/{o.slug}/muokkaa/" for o in orgs]),
            "queue": (as_coordinator, ["/koordinaattori/muutokset/"] * len(orgs)),
            "review": (as_coordinator, [f"/koordinaattori/muutokset/{pk}/" for pk in pending]),
        }
        figures: dict = {
            "database": connection.vendor,
            "organizations_in_database": Organization.objects.count(),
            "change_sets_in_queue": len(pending),
        }
        for kind, (client, paths) in kinds.items():
            queries = [_query_count(client, path) for path in paths]  # also the warm-up
            samples = [
                timed(lambda c=client, p=path: _get(c, p)) for _ in range(repeat) for path in paths
            ]
            figures[kind] = {**summary(samples), "queries_median": statistics.median(queries)}
        approvals = [
            timed(
                lambda pk=pk: _post(
                    as_coordinator, f"/koordinaattori/muutokset/{pk}/", {"action": "approve"}
                )
            )
            for pk in pending
        ]
        figures["approve"] = summary(approvals)
        for kind in ("edit_form", "queue", "review"):
            figures[kind]["p95_ratio_to_public_page"] = round(
                figures[kind]["p95_ms"] / figures["public_page"]["p95_ms"], 2
            )
        self.stdout.write(
            f"\nediting on {figures['database']} ({figures['organizations_in_database']:,} "
            f"organisations), {pages} organisations × {repeat}\n"
            f"  {'':14}{'median ms':>10}{'p95 ms':>10}\n"
            + "".join(
                f"  {kind:14}{figures[kind]['median_ms']:>10}{figures[kind]['p95_ms']:>10}\n"
                for kind in (*kinds, "approve")
            )
        )
        if output:
            Path(output).parent.mkdir(parents=True, exist_ok=True)
            Path(output).write_text(json.dumps(figures, indent=1) + "\n")


def _people(region: Area, orgs: list[Organization]):
    """An editor of every chosen organisation and the region's coordinator (with TOTP, which
    coordinators must have before any page opens)."""
    users = get_user_model().objects
    editor, _ = users.get_or_create(username="bench-editor", defaults={"email": "e@bench.invalid"})
    coordinator, created = users.get_or_create(
        username="bench-coordinator", defaults={"email": "c@bench.invalid"}
    )
    for user in (editor, coordinator):
        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
    if created:
        TOTP.activate(coordinator, generate_totp_secret())
    RegionalCoordinator.objects.get_or_create(user=coordinator, region=region)
    for org in orgs:
        OrganizationEditor.objects.get_or_create(user=editor, organization=org)
    return editor, coordinator


def _get(client: Client, path: str) -> None:
    response = client.get(path)
    if response.status_code != 200:
        raise CommandError(f"{path} answered {response.status_code}")


def _post(client: Client, path: str, data: dict) -> None:
    response = client.post(path, data)
    if response.status_code != 302:
        raise CommandError(f"{path} answered {response.status_code}")


def _query_count(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        _get(client, path)
    return len(queries)
