"""The structure diagram of a large region: reading the graph, laying it out, drawing SVG."""

import json
import platform
import statistics
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import connection

from bench.diagram import add_region_structure, summarised_members
from bench.measure import summary, timed
from jarjestokartta.diagram import drawing, service
from jarjestokartta.diagram import graph as g
from jarjestokartta.directory.models import Organization
from jarjestokartta.geography.models import Area, AreaKind

DAY = date(2024, 6, 1)


class Command(BaseCommand):
    help = (
        "Time reading and drawing the largest region's structure diagram (an overview when it "
        "is too large to draw one organisation at a time), next to Graphviz's default layout; "
        "optionally add a synthetic structure of about 2,000 organisations to the region first."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--region", default="", help="region slug (default: the one with most organisations)"
        )
        parser.add_argument(
            "--add-structure",
            action="store_true",
            help="first add a synthetic structure of the given sizes to the region",
        )
        parser.add_argument("--bodies", type=int, default=150)
        parser.add_argument("--public-bodies", type=int, default=50)
        parser.add_argument("--associations", type=int, default=1800)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--repeat", type=int, default=5)
        parser.add_argument("--output", default="")

    def handle(self, *args, region: str, repeat: int, output: str, seed: int, **sizes):
        area = Area.objects.get(slug=region) if region else _largest_region()
        add = sizes.pop("add_structure")
        if add and not Organization.objects.filter(popolo_id__startswith=f"bd-{seed}-").exists():
            self.stderr.write(f"Adding a synthetic structure to {area.name} …")
            add_region_structure(
                area,
                bodies=sizes["bodies"],
                public_bodies=sizes["public_bodies"],
                associations=sizes["associations"],
                seed=seed,
            )
        request = service.read_request(region=area.slug, day=DAY.isoformat(), today=DAY)
        result = service.diagram(request)  # warm-up
        drawing.draw(result.graph, "svg", result.title)

        build, draw, total = [], [], []
        for _ in range(repeat):
            build.append(timed(lambda: service.diagram(request)))
            draw.append(timed(lambda: drawing.draw(result.graph, "svg", result.title)))
            total.append(build[-1] + draw[-1])
        baseline = [timed(lambda: _default_layout(result)) for _ in range(max(1, repeat // 2))]
        figures = {
            "database": connection.vendor,
            "region": area.name,
            "day": DAY.isoformat(),
            "nodes": len(result.graph.nodes),
            "edges": len(result.graph.edges),
            "overview": result.overview,
            "summary_nodes": sum(1 for n in result.graph.nodes.values() if n.kind == g.MEMBERS),
            "summarised": result.summarised,
            "summarised_distinct": summarised_members(area, DAY) if result.overview else 0,
            "organizations_in_database": Organization.objects.count(),
            "build": summary(build),
            "draw_svg": summary(draw),
            "total": summary(total),
            "graphviz_default_layout": summary(baseline),
            "total_to_default_ratio": round(
                statistics.median(total) / statistics.median(baseline), 2
            ),
            "machine": f"{platform.machine()}, {platform.python_version()}",
        }
        rows = [
            ("read the graph (database)", "build"),
            ("lay out and draw SVG", "draw_svg"),
            ("total", "total"),
            ("baseline: Graphviz default layout", "graphviz_default_layout"),
        ]
        drawn = "an overview: " if result.overview else ""
        counted = (
            f"  members counted, not drawn: {figures['summarised']} in "
            f"{figures['summary_nodes']} summary nodes "
            f"({figures['summarised_distinct']} distinct organisations and people)\n"
            if result.overview
            else ""
        )
        self.stdout.write(
            f"\ndiagram on {figures['database']}: {area.name} on {DAY:%-d.%-m.%Y}, {drawn}"
            f"{figures['nodes']} nodes, {figures['edges']} ties, × {repeat}\n"
            + counted
            + f"  {'':34}{'median ms':>10}{'p95 ms':>10}\n"
            + "".join(
                f"  {label:34}{figures[key]['median_ms']:>10}{figures[key]['p95_ms']:>10}\n"
                for label, key in rows
            )
            + f"  total / baseline: {figures['total_to_default_ratio']}\n"
        )
        if output:
            Path(output).parent.mkdir(parents=True, exist_ok=True)
            Path(output).write_text(json.dumps(figures, indent=2) + "\n")


def _largest_region() -> Area:
    """The region with the most organisations at home in it or its municipalities."""
    regions = Area.objects.filter(classification=AreaKind.REGION)
    return max(regions, key=lambda region: Organization.objects.in_region(region, DAY).count())


def _default_layout(result: service.Diagram) -> bytes:
    """The same picture with Graphviz's own settings for crossing reduction and edges."""
    picture = drawing.layout(result.graph, result.title)
    picture.graph_attr.update(
        splines="true", mclimit="1.0", nslimit="1e9", nslimit1="1e9", searchsize="30"
    )
    picture.graph_attr["remincross"] = "true"
    return picture.draw(format="svg", prog="dot")
