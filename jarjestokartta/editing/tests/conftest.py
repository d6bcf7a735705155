from jarjestokartta.roles.tests.conftest import (  # noqa: F401 (fixtures)
    administrator,
    as_persona,
    coordinator_pohjois_karjala,
    coordinator_pohjois_savo,
    editor_of_mll,
    joensuu_club,
    mll_kuopio,
    signed_in,
)
