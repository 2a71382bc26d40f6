"""Output formats.  A reporter is ``render(result, out, *, color=False, statistics=False)``
writing to a text stream; ``REPORTERS`` maps the ``--format`` name to it."""
from __future__ import annotations

from typing import Callable, TextIO

from ..results import RunResult

Reporter = Callable[..., None]
REPORTERS: dict[str, Reporter] = {}


def register(name: str) -> Callable[[Reporter], Reporter]:
    def deco(fn: Reporter) -> Reporter:
        REPORTERS[name] = fn
        return fn
    return deco


def render(name: str, result: RunResult, out: TextIO, **kw) -> None:
    REPORTERS[name](result, out, **kw)


def _load_builtin() -> None:
    import importlib
    import pkgutil

    for mod in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{mod.name}")


_load_builtin()
