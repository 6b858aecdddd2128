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


# The order in which `make test` starts its files (a conftest hook sees every item of the
# session, not only this folder's).
#
# `make test` shares the files between one process per core (pytest-xdist, ``--dist loadfile
# --no-loadscope-reorder``): each process takes the next file in this order when it is free.
# The longest chain goes first: the browser tests need the built site (about half the run:
# drawing the figures, the build, then every page in Chromium), so their process starts on it
# at once while the other draws the figures and runs the rest. Without this, pytest-xdist would
# start with the files that hold the most tests, and the build would begin minutes late.

FIRST = [
    "tests/book/test_browser.py",  # builds the site, then every page at every width
    "tests/figures/test_figure_scripts.py",  # draws every figure (shared with the build)
    "tests/book/test_units.py",  # seconds: waits behind the browser tests in their process
    "tests/book/test_site.py",  # reads the built site
    "tests/test_common.py",  # scikit-learn's estimator checks: the most tests
]


def pytest_collection_modifyitems(session, config, items):
    """Put the files of FIRST first, in that order; the others keep their collection order."""
    rank = {path: i for i, path in enumerate(FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0], len(FIRST)))
