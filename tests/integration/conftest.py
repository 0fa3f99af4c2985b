import pytest

from harness import VmstInstance


@pytest.fixture
def vmst():
    """A running vmst on a free loopback port with an empty data folder."""
    with VmstInstance() as instance:
        instance.start()
        yield instance


@pytest.fixture
def vmst_stopped():
    """A configured but not started vmst, for tests of start-up and the CLI."""
    with VmstInstance() as instance:
        yield instance
