"""Fixtures shared by the tests outside the browser suite."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import copy_minimal


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    """A fresh copy of the small valid project."""
    return copy_minimal(tmp_path)
