"""Re-exports that import their module only when a name is first asked for, for the packages' `__init__`.

A build imports a package for a few of its names; importing every module behind its `__init__` at once
would run all of them (and make their dataclasses, about a millisecond each) in every build.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(package: str, origins: Mapping[str, tuple[str, str]]) -> Callable[[str], Any]:
    """A module `__getattr__` for `package`: each name of `origins` is (its module, its name there)."""

    def __getattr__(name: str) -> Any:
        """A re-exported name, importing its module the first time; AttributeError for any other name."""
        origin = origins.get(name)
        if origin is None:  # a submodule not imported yet, or a mistake: the import system decides
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{origin[0]}"), origin[1])
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
