"""Validation of Finnish organisation identifiers (pure, no Django).

The Y-tunnus (business id) and the association register number have check rules that
python-stdnum implements; we require the canonical written form so that what was imported is
exactly what is exported.
"""

from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fi import associationid, ytunnus

VALIDATED = {"ytunnus": ytunnus, "yhdistysrekisteri": associationid}
NAMES = {"ytunnus": "Y-tunnus", "yhdistysrekisteri": "association register number"}


def problem(scheme: str, value: str) -> str | None:
    """A message saying what is wrong with the identifier, or None when it is fine."""
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
