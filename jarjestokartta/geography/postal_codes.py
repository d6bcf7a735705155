"""Finnish postal codes and the municipality each lies in, from data/postal-codes.csv.

The file is Posti's postal code file (see data/README.md for its source and date); it is read
once, on the first look-up, into a dict of about 5,000 entries. Pure Python, no Django, so that
forms, the API and importers can all check a postal code the same way.

A postal code is written as five digits. Whitespace around it is forgiven (a pasted " 70100 ")
but nothing else is: "7010", "70 100" and "FI-70100" are not postal codes.
"""

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "postal-codes.csv"
# ASCII digits only: \d would also take Arabic-Indic and other Unicode digits.
FIVE_DIGITS = re.compile(r"[0-9]{5}")


@dataclass(frozen=True, slots=True)
class PostalCode:
    """One postal code as Posti lists it, with Statistics Finland's municipality."""

    code: str
    # Posti's names are in capitals ("KUOPIO"), and repeat the Finnish one where there is no
    # Swedish name.
    name_fi: str
    name_sv: str
    municipality_code: str
    municipality_fi: str
    municipality_sv: str
    # Posti's type of the code: normal, po_box, company, compilation, reply_mail,
    # parcel_locker or pickup_point.
    kind: str

    @property
    def has_street_addresses(self) -> bool:
        """True for an area's code, where a place can be; False for a PO box, a parcel locker…"""
        return self.kind == "normal"


def normalise(value: str) -> str:
    """The value without the whitespace around it, as it is looked up."""
    return value.strip()


def is_postal_code(value: str) -> bool:
    """True when the value is written as a postal code (five digits), known or not."""
    return FIVE_DIGITS.fullmatch(normalise(value)) is not None


@cache
def _postal_codes() -> dict[str, PostalCode]:
    with open(DATA_FILE, encoding="utf-8", newline="") as handle:
        return {
            row["postal_code"]: PostalCode(
                code=row["postal_code"],
                name_fi=row["name_fi"],
                name_sv=row["name_sv"],
                municipality_code=row["municipality_code"],
                municipality_fi=row["municipality_fi"],
                municipality_sv=row["municipality_sv"],
                kind=row["kind"],
            )
            for row in csv.DictReader(handle)
        }


def lookup(postal_code: str) -> PostalCode | None:
    """The postal code's entry in Posti's file; None when it is not there or not a postal code."""
    return _postal_codes().get(normalise(postal_code))


def known(postal_code: str) -> bool:
    """True when Posti's file lists the postal code (of any kind)."""
    return lookup(postal_code) is not None


def municipality_code(postal_code: str) -> str | None:
    """Statistics Finland's three-digit code of the postal code's municipality ("297"), or None."""
    entry = lookup(postal_code)
    return entry.municipality_code if entry else None


def all_postal_codes() -> list[PostalCode]:
    """Every postal code in the file, sorted by code."""
    return sorted(_postal_codes().values(), key=lambda entry: entry.code)
