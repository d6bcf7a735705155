"""Which column holds which field: headers recognised in Finnish, Swedish or English.

A header is compared by its letters and digits only, in lower case and with ä, ö and å read as
a, o and a, so "Y-tunnus", "y tunnus" and "YTUNNUS" are one header, and "Sahkoposti" (typed on
a keyboard without ä) is "Sähköposti". A mapping ("Yhdistys=name") names the field of a
header we do not recognise; its right-hand side may be a field's code or any recognised header.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jarjestokartta.spreadsheets.reading import SpreadsheetError

# The fields a spreadsheet can fill, with what each is called in a preview and in messages.
FIELDS = {
    "name": gettext_lazy("name"),
    "ytunnus": gettext_lazy("Y-tunnus"),
    "municipality": gettext_lazy("municipality"),
    "email": gettext_lazy("e-mail"),
    "phone": gettext_lazy("phone"),
    "website": gettext_lazy("website"),
    "themes": gettext_lazy("themes"),
    "target_groups": gettext_lazy("target groups"),
    "abstract": gettext_lazy("abstract"),
    "classification": gettext_lazy("kind"),
}

HEADERS = {
    "name": [
        "Nimi", "Yhdistyksen nimi", "Järjestön nimi", "Organisaation nimi", "Virallinen nimi",
        "Namn", "Föreningens namn", "Name", "Organisation name", "Organization name",
    ],
    "ytunnus": ["Y-tunnus", "Yritystunnus", "Business ID", "FO-nummer", "Y-signum"],
    "municipality": [
        "Kunta", "Kotikunta", "Kotipaikka", "Sijaintikunta", "Kommun", "Hemkommun",
        "Municipality", "Home municipality",
    ],
    "email": ["Sähköposti", "Sähköpostiosoite", "S-posti", "E-post", "E-mail", "Email"],
    "phone": ["Puhelin", "Puhelinnumero", "Puh", "Telefon", "Phone", "Telephone"],
    "website": [
        "Verkkosivut", "Verkkosivu", "Kotisivut", "Kotisivu", "Www-sivut", "WWW", "Webbplats",
        "Website", "Web", "URL",
    ],
    "themes": ["Teemat", "Teema", "Aiheet", "Teman", "Tema", "Themes", "Theme"],
    "target_groups": [
        "Kohderyhmät", "Kohderyhmä", "Målgrupper", "Målgrupp", "Target groups", "Target group",
    ],
    "abstract": [
        "Kuvaus", "Tiivistelmä", "Lyhyt kuvaus", "Beskrivning", "Sammandrag", "Abstract",
        "Description", "Summary",
    ],
    "classification": [
        "Tyyppi", "Laji", "Organisaatiotyyppi", "Luokitus", "Typ", "Kind", "Type",
        "Classification",
    ],
}  # fmt: skip

_FOLDED = str.maketrans("äöå", "aoa")


def normalised(header: str) -> str:
    return re.sub(r"[^0-9a-z]", "", header.casefold().translate(_FOLDED))


_RECOGNISED = {
    normalised(header): code for code, headers in HEADERS.items() for header in headers
} | {normalised(code): code for code in FIELDS}


class BadMapping(SpreadsheetError):
    """A mapping that cannot be used, or a file without a column of names."""


@dataclass
class Columns:
    # field code → index of its column
    index: dict[str, int] = field(default_factory=dict)
    # headers we neither recognised nor were told about
    ignored: list[str] = field(default_factory=list)
    # (header, message): two columns for one field
    problems: list[tuple[str, str]] = field(default_factory=list)


def parse_mapping(lines: list[str]) -> dict[str, str]:
    """ "HEADER=field" lines (blank ones skipped) as {header: field code}."""
    mapping: dict[str, str] = {}
    for line in lines:
        if not line.strip():
            continue
        header, separator, target = line.rpartition("=")
        if not separator or not header.strip() or not target.strip():
            raise BadMapping(
                _("“%(line)s” is not of the form HEADER=field, e.g. Yhdistys=name.")
                % {"line": line.strip()}
            )
        code = _RECOGNISED.get(normalised(target))
        if code is None:
            raise BadMapping(
                _("“%(target)s” is not a field that can be imported; the fields are: %(fields)s.")
                % {"target": target.strip(), "fields": ", ".join(FIELDS)}
            )
        mapping[header.strip()] = code
    return mapping


def recognise(headers: list[str], mapping: dict[str, str]) -> Columns:
    """Which column is which field; a mapping names headers we would not recognise or overrides
    what we would have recognised."""
    columns = Columns()
    given = {normalised(header): code for header, code in mapping.items()}
    found = {normalised(header) for header in headers}
    unused = [header for header in mapping if normalised(header) not in found]
    for position, header in enumerate(headers):
        key = normalised(header)
        code = given.get(key) or _RECOGNISED.get(key)
        if code is None:
            if header:
                columns.ignored.append(header)
            continue
        if code in columns.index:
            earlier = headers[columns.index[code]]
            columns.problems.append(
                (
                    header,
                    _("Both “%(earlier)s” and “%(header)s” are read as %(field)s: keep one.")
                    % {"earlier": earlier, "header": header, "field": FIELDS[code]},
                )
            )
            continue
        columns.index[code] = position
    if unused:
        raise BadMapping(
            _("The mapping names headers the file does not have: %(headers)s.")
            % {"headers": ", ".join(f"“{header}”" for header in unused)}
        )
    if "name" not in columns.index:
        raise BadMapping(
            _(
                "No column of names was found. Name the column “Nimi” or “Name”, or give a "
                "mapping such as Yhdistys=name. The file's headers are: %(headers)s."
            )
            % {"headers": ", ".join(header for header in headers if header)}
        )
    return columns
