from collections import Counter

import pytest

from jarjestokartta.core import vocabulary
from jarjestokartta.directory.models import OrganizationKind
from jarjestokartta.popolo import records
from jarjestokartta.structures.models import Role


def test_the_records_vocabularies_are_the_models_choices():
    assert list(records.ROLES) == Role.values
    assert list(records.ORGANIZATION_KINDS) == OrganizationKind.values


@pytest.mark.parametrize(
    ("words", "table"),
    [(vocabulary.ROLE_WORDS, vocabulary.role_code), (vocabulary.KIND_WORDS, vocabulary.kind_code)],
)
def test_no_word_means_two_things(words, table):
    spellings = Counter(
        vocabulary.normalise(word) for code, listed in words.items() for word in (code, *listed)
    )
    assert [word for word, times in spellings.items() if times > 1] == []
    for code, listed in words.items():
        assert all(table(word) == code for word in listed), code


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("varajäsen", "deputy_member"),
        ("VARAJÄSEN", "deputy_member"),
        ("Deputy member", "deputy_member"),
        ("deputy-member", "deputy_member"),
        ("deputy_member", "deputy_member"),
        ("  deputy   member ", "deputy_member"),
        ("vara-puheenjohtaja", "vice_chair"),
        ("asiantuntija jäsen", "expert_member"),
        ("Ersättare", "deputy_member"),
        ("ordförande", "chair"),
        ("nimeävä taho", "appointing_body"),
        ("Nimeävä_taho", "appointing_body"),
        ("valmistelija", "other"),
        ("", "other"),
    ],
)
def test_roles_are_recognised_in_any_case_and_spacing(written, code):
    assert vocabulary.role_code(written) == code


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("public body", "public_body"),
        ("Julkinen toimija", "public_body"),
        ("työryhmä", "working_group"),
        ("Working-Group", "working_group"),
        ("neuvottelukunta", "advisory_board"),
        ("kumppanuuspöytä", "partnership_table"),
        ("Arbetsgrupp", "working_group"),
        ("kerho", "other"),
    ],
)
def test_kinds_are_recognised_as_phrases(written, code):
    assert vocabulary.kind_code(written) == code


def test_only_text_other_than_the_code_is_kept_as_written():
    assert vocabulary.as_written("deputy_member", "deputy_member") == ""
    assert vocabulary.as_written("Deputy member", "deputy_member") == "Deputy member"
    assert vocabulary.as_written("valmistelija", "other") == "valmistelija"
