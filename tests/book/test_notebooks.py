"""Tests for the notebooks' own conventions (nbval separately re-runs them and compares outputs)."""

import re

import pytest

from booklib import ROOT, load_config, notebooks, read_notebook

NOTEBOOKS = notebooks()
IDS = [p.relative_to(ROOT).as_posix() for p in NOTEBOOKS]


def setup_cell_source(config=None):
    """The first cell of every notebook: installs skratch where it is missing (Colab).

    It names the repository and branch of ``_config.yml``, so a fork changes them there and
    the test below lists every notebook whose setup cell still points elsewhere.
    """
    repo = (config or load_config())["repository"]
    url = f"git+{repo['url']}@{repo['branch']}"
    return (
        "# Runs on Colab (and anywhere skratch is missing): install the course's package from its\n"
        "# repository. On Binder and in a clone of the repository skratch is installed: nothing happens.\n"
        "import importlib.util\n"
        "\n"
        'if importlib.util.find_spec("skratch") is None:\n'
        f'    %pip install --quiet "skratch[figures] @ {url}"'
    )


def cells(path, kind=None):
    return [c for c in read_notebook(path)["cells"] if kind is None or c["cell_type"] == kind]


def source(cell):
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def test_notebooks_exist():
    """Check that the book has notebooks for nbval to run."""
    assert NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_starts_with_the_setup_cell(path):
    """Check that the first cell installs skratch from this repository, hidden in the site."""
    first = cells(path)[0]
    assert first["cell_type"] == "code"
    assert source(first) == setup_cell_source(), (
        f"{path.name}: the first cell must be exactly the setup cell (see CONTRIBUTING.md):\n{setup_cell_source()}"
    )
    assert "remove-cell" in first["metadata"].get("tags", []), f"{path.name}: tag the setup cell 'remove-cell'"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_was_run_top_to_bottom(path):
    """Check that every code cell has been executed once, in order, so the stored outputs are a real run."""
    counts = [c.get("execution_count") for c in cells(path, "code") if source(c).strip()]
    assert counts == list(range(1, len(counts) + 1)), (
        f"{path.name}: execution counts {counts}; restart the kernel and run all cells before committing"
    )
    errors = [o for c in cells(path, "code") for o in c.get("outputs", []) if o["output_type"] == "error"]
    assert not errors, f"{path.name}: stored outputs contain errors"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_uses_no_site_macros(path):
    """Check that notebooks write maths without the site's MathJax macros, which Jupyter and Colab lack."""
    macros = load_config()["sphinx"]["config"]["mathjax3_config"]["tex"]["macros"]
    pattern = re.compile(r"\\(" + "|".join(map(re.escape, macros)) + r")(?![A-Za-z])")
    found = sorted({m for c in cells(path, "markdown") for m in pattern.findall(source(c))})
    assert not found, f"{path.name} uses the site-only macros {found}; write their expansion"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_figures_are_captioned_with_their_script(path):
    """Check that each cell drawing a figure has a caption naming that script and a figure name."""
    for cell in cells(path, "code"):
        for name in re.findall(r'show\("(plot_[a-z0-9_]+)"\)', source(cell)):
            figure = cell["metadata"].get("mystnb", {}).get("figure", {})
            assert f"{{script}}`{name}`" in figure.get("caption", ""), (
                f"{path.name}: the cell drawing {name} needs mystnb.figure.caption with {{script}}`{name}`"
            )
            assert figure.get("name", "").startswith("fig-"), f"{path.name}: give the figure of {name} a name 'fig-...'"
            assert (ROOT / "code" / "figures" / f"{name}.py").exists()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_imports_the_installed_package(path):
    """Check that no notebook edits sys.path or changes directory to find code."""
    for cell in cells(path, "code"):
        assert not re.search(r"sys\.path|os\.chdir|%cd\b", source(cell)), f"{path.name}: import the installed skratch"
