"""The quick check of canonical identifiers agrees with python-stdnum's full check."""

import random

from jarjestokartta.directory import identifiers


def _agrees(scheme: str, value: str) -> bool:
    return identifiers._plainly_valid(scheme, value) == (
        identifiers._checked_problem(scheme, value) is None
    )


def test_canonical_ytunnus_quick_check_agrees_with_stdnum():
    rng = random.Random(7)
    values = [f"{rng.randrange(10_000_000):07d}-{rng.randrange(10)}" for _ in range(5000)]
    assert all(_agrees("ytunnus", value) for value in values)
    # About one in ten check digits is right: both kinds were tried.
    assert 300 < sum(identifiers._plainly_valid("ytunnus", value) for value in values) < 700


def test_canonical_register_numbers_pass_the_quick_check_as_in_stdnum():
    values = [f"{n // 1000}.{n % 1000:03d}" for n in range(1000, 1_000_000, 997)]
    assert all(_agrees("yhdistysrekisteri", value) for value in values)
    assert all(identifiers.problem("yhdistysrekisteri", value) is None for value in values)


def test_other_forms_still_get_stdnum_messages():
    assert "must be written as '2077474-0'" in identifiers.problem("ytunnus", "20774740")
    assert "not a valid Y-tunnus" in identifiers.problem("ytunnus", "2077474-1")
    assert "must be written as '123.456'" in identifiers.problem("yhdistysrekisteri", "123456")
    assert identifiers.problem("yhdistysrekisteri", "2") is not None  # not a registered low number
    assert identifiers.problem("yhdistysrekisteri", "12") is None


def test_canonical_writes_a_valid_identifier_the_one_way_and_refuses_an_invalid_one():
    assert identifiers.canonical("ytunnus", " 20774740 ") == "2077474-0"
    assert identifiers.canonical("ytunnus", "2077474-0") == "2077474-0"
    assert identifiers.canonical("ytunnus", "2077474-1") is None
    assert identifiers.canonical("ytunnus", "   ") is None
