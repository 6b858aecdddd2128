"""Fixtures for the checks of the book.

The ``site`` fixture builds the book once per test session, exactly as ``make book`` does
(warnings are errors), and returns the HTML folder. Sphinx rebuilds only what changed, so
after a first build this takes seconds.
"""

import subprocess
import sys
from pathlib import Path

import pytest

from booklib import HTML, ROOT


@pytest.fixture(scope="session")
def site():
    """Build the book (warnings are errors) and return the path of the HTML."""
    jb = Path(sys.executable).with_name("jupyter-book")
    result = subprocess.run(
        [str(jb), "build", ".", "--warningiserror", "--nitpick", "--keep-going", "--quiet"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, f"The book does not build cleanly:\n{result.stdout[-6000:]}\n{result.stderr[-6000:]}"
    return HTML
