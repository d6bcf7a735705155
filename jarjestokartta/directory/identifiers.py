"""Validation of Finnish organisation identifiers (pure, no Django).

The Y-tunnus (business id) and the association register number have check rules that
python-stdnum implements; we require the canonical written form so that what was imported is
exactly what is exported.
"""

import re

from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fi import alv, associationid, ytunnus

VALIDATED = {"ytunnus": ytunnus, "yhdistysrekisteri": associationid}
NAMES = {"ytunnus": "Y-tunnus", "yhdistysrekisteri": "association register number"}


# The canonical written forms, checked without python-stdnum's general clean-up of separators
# (a third of the time of validating a national file). Anything else goes the long way, which
# also finds the message. A Y-tunnus is 7 digits, a hyphen and a check digit (stdnum's
# fi.alv.checksum is 0 for a valid one); a register number of 4–6 digits is written with a dot
# before the last three (1–3 digit numbers take the long way: only some are valid).
_CANONICAL_YTUNNUS = re.compile(r"[0-9]{7}-[0-9]")
_CANONICAL_REGISTER_NUMBER = re.compile(r"[0-9]{1,3}\.[0-9]{3}")


def _plainly_valid(scheme: str, value: str) -> bool:
    if scheme == "ytunnus":
        return bool(_CANONICAL_YTUNNUS.fullmatch(value)) and alv.checksum(value[:7] + value[8]) == 0
    if scheme == "yhdistysrekisteri":
        return bool(_CANONICAL_REGISTER_NUMBER.fullmatch(value))
    return False


def problem(scheme: str, value: str) -> str | None:
    """A message saying what is wrong with the identifier, or None when it is fine."""
    if _plainly_valid(scheme, value):
        return None
    return _checked_problem(scheme, value)


def _checked_problem(scheme: str, value: str) -> str | None:
    module = VALIDATED.get(scheme)
    if not value or not value.strip():
        return "the identifier is empty"
    if module is None:
        return None
    try:
        module.validate(value)
    except StdnumError as error:
        return f"{value!r} is not a valid {NAMES[scheme]}: {error}"
    canonical = module.format(value)
    if canonical != value:
        return f"{NAMES[scheme]} {value!r} must be written as {canonical!r}"
    return None


def canonical(scheme: str, value: str) -> str | None:
    """The identifier in its canonical written form when it is valid however written
    ("20774740", " 2077474-0 "), else None: a spreadsheet's cells are typed by hand."""
    module = VALIDATED.get(scheme)
    value = value.strip()
    if module is None or _plainly_valid(scheme, value):
        return value or None
    try:
        return module.format(module.validate(value))
    except StdnumError:
        return None
