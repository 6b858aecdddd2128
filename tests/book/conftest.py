"""Fixtures for the checks of the book.

The ``site`` fixture builds the book once per test session (once for all the processes of a
parallel run), exactly as ``make book`` does (warnings are errors), and returns the HTML
folder. Sphinx rebuilds only what changed, so after a first build this takes seconds.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from booklib import HTML, ROOT


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """Build the book (warnings are errors) and return the path of the HTML.

    Under `make test` several processes share the tests (pytest-xdist): the first to need the
    site builds it and the others wait for that build instead of starting their own.
    """
    from filelock import FileLock

    parallel = os.environ.get("PYTEST_XDIST_WORKER") is not None
    shared = tmp_path_factory.getbasetemp().parent if parallel else tmp_path_factory.getbasetemp()
    with FileLock(str(shared / "site.lock")):
        built = shared / "site.built"
        if built.exists():
            return HTML
        jb = Path(sys.executable).with_name("jupyter-book")
        result = subprocess.run(
            [str(jb), "build", ".", "--warningiserror", "--nitpick", "--keep-going", "--quiet"],
            cwd=ROOT, capture_output=True, text=True,
        )
        assert result.returncode == 0, f"The book does not build cleanly:\n{result.stdout[-6000:]}\n{result.stderr[-6000:]}"
        built.write_text("built\n", encoding="utf-8")
    return HTML
