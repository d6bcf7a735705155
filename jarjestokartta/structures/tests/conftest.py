from jarjestokartta.roles.tests.conftest import (  # noqa: F401 (fixtures)
    administrator,
    coordinator_pohjois_karjala,
    coordinator_pohjois_savo,
    editor_of_mll,
    mll_kuopio,
    signed_in,
)
