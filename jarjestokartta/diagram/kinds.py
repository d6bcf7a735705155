"""What the diagram calls its kinds of node and tie, and how it draws them."""

from django.utils.translation import gettext_lazy as _

from jarjestokartta.diagram import graph as g
from jarjestokartta.directory.models import OrganizationKind

NODE_LABELS = {**dict(OrganizationKind.choices), g.PERSON: _("person")}
EDGE_LABELS = {
    g.APPOINTS: _("appoints"),
    g.FUNDS: _("funds"),
    g.ADMINISTERS: _("administers"),
    g.COORDINATES: _("coordinates"),
    g.SECRETARIAT: _("secretariat"),
    g.CHAIR: _("chair"),
    g.MEMBER: _("member"),
    g.DEPUTY: _("deputy"),
    g.REPRESENTS: _("represents"),
    g.PART_OF: _("part of"),
}
NODE_KINDS = list(NODE_LABELS)
# Not a kind to choose in the filters: it only stands for the members of a body in an overview.
SUMMARY_LABEL = _("member organisations, counted")
LEGEND_KINDS = [*NODE_KINDS, g.MEMBERS]

# Shapes and fills that stay apart in greyscale print too; fills light enough for black text.
NODE_STYLES = {
    "association": ("box", "rounded,filled", "#dbeafe"),
    "foundation": ("box", "rounded,filled", "#e0e7ff"),
    "public_body": ("box", "filled", "#fde68a"),
    "company": ("box", "filled", "#e5e7eb"),
    "network": ("ellipse", "filled", "#bbf7d0"),
    "council": ("octagon", "filled", "#fecaca"),
    "advisory_board": ("hexagon", "filled", "#fbcfe8"),
    "partnership_table": ("invhouse", "filled", "#fed7aa"),
    "forum": ("ellipse", "filled", "#a5f3fc"),
    "working_group": ("component", "filled", "#ddd6fe"),
    "project": ("folder", "filled", "#d9f99d"),
    "other": ("box", "dashed,filled", "#f3f4f6"),
    g.PERSON: ("box", "rounded,dashed,filled", "#ffffff"),
    g.MEMBERS: ("note", "filled", "#f1f5f9"),
}
EDGE_STYLES = {  # colour, style, width
    g.APPOINTS: ("#1d4ed8", "bold", "2"),
    g.FUNDS: ("#15803d", "dashed", "1.5"),
    g.ADMINISTERS: ("#7c3aed", "solid", "1.5"),
    g.COORDINATES: ("#b45309", "solid", "1.5"),
    g.SECRETARIAT: ("#0e7490", "dashed", "1.5"),
    g.CHAIR: ("#111827", "bold", "2.5"),
    g.MEMBER: ("#4b5563", "solid", "1"),
    g.DEPUTY: ("#6b7280", "dashed", "1"),
    g.REPRESENTS: ("#9d174d", "dotted", "1.5"),
    g.PART_OF: ("#9ca3af", "solid", "1.5"),
}

# Headings of the text alternative, read from the body's side.
OUTLINE_LABELS = {
    g.APPOINTS: _("Appointed by"),
    g.FUNDS: _("Funded by"),
    g.ADMINISTERS: _("Administered by"),
    g.COORDINATES: _("Coordinated by"),
    g.SECRETARIAT: _("Secretariat"),
    g.CHAIR: _("Chair"),
    g.MEMBER: _("Members"),
    g.DEPUTY: _("Deputies"),
    g.PART_OF: _("Sub-organisations"),
}
