from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture
def shared_dir() -> Path:
    """../shared (seeds, gold, laws): present on the developers' machines only."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present on this machine")
    return SHARED
