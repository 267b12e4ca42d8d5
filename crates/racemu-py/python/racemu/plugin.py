"""The pytest plugin (entry point ``pytest11``): the ``racf`` and ``racf_factory`` fixtures
and the ``--racemu-seed`` option (ini: ``racemu_seed``)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

import pytest

from racemu._racf import Racf

#: What ``racf_factory`` is: ``factory(name=None, *, seed=..., now=None) -> Racf``.
RacfFactory = Callable[..., Racf]

_UNSET = object()


def pytest_addoption(parser: pytest.Parser) -> None:
    """Adds ``--racemu-seed N`` and the ini option ``racemu_seed``."""
    group = parser.getgroup("racemu", "racemu RACF key rings")
    group.addoption(
        "--racemu-seed",
        action="store",
        type=int,
        default=None,
        metavar="N",
        help="seed every test's RACF database: the same commands give the same keys "
        "(not secret) and byte-identical output",
    )
    parser.addini(
        "racemu_seed",
        "seed every test's RACF database (as --racemu-seed)",
        default="",
    )


def _configured_seed(config: pytest.Config) -> Optional[int]:
    """``--racemu-seed``, else the ``racemu_seed`` ini option, else no seed."""
    given = config.getoption("racemu_seed")
    if given is not None:
        return int(given)
    ini = str(config.getini("racemu_seed") or "").strip()
    if not ini:
        return None
    try:
        return int(ini)
    except ValueError:
        raise pytest.UsageError(f"racemu_seed must be a number, not {ini!r}") from None


@pytest.fixture
def racf_factory(tmp_path: Path, request: pytest.FixtureRequest) -> RacfFactory:
    """Makes fresh RACF databases, each in its own directory under the test's ``tmp_path``:
    ``racf_factory(name=None, *, seed=<--racemu-seed>, now=None)``."""
    default_seed = _configured_seed(request.config)
    made: list[Racf] = []

    def factory(name: Optional[str] = None, *, seed: object = _UNSET, now: Optional[str] = None) -> Racf:
        directory = tmp_path / (name or f"racf{len(made) + 1}")
        if directory.exists():
            raise ValueError(f"a RACF database named {name!r} already exists in this test")
        chosen = default_seed if seed is _UNSET else seed
        if chosen is not None and not isinstance(chosen, int):
            raise TypeError("seed must be an int or None")
        racf = Racf(directory, seed=chosen, now=now)
        made.append(racf)
        return racf

    return factory


@pytest.fixture
def racf(racf_factory: RacfFactory) -> Racf:
    """A fresh RACF database in the test's ``tmp_path`` (seeded by ``--racemu-seed`` or the
    ``racemu_seed`` ini option, if given)."""
    return racf_factory("racf")
