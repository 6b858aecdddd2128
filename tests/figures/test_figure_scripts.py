"""Tests for the figure scripts in code/figures: each runs on its own, is described, and is deterministic."""

import ast
import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from skratch.figures import describe_file

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = sorted((ROOT / "code" / "figures").glob("plot_*.py"))


def test_figure_scripts_exist():
    """Check that there are figure scripts to test."""
    assert SCRIPTS


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_figure_script_follows_the_template(script):
    """Check the docstring (title and description), draw(), and the save_cli entry point."""
    tree = ast.parse(script.read_text(encoding="utf-8"))
    title, description = describe_file(script)
    assert len(description) >= 80, f"{script.name}: describe the picture in a full paragraph (it is the alt text)"
    functions = {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}
    assert "draw" in functions, f"{script.name}: define draw() returning the figure or Animation"
    assert "save_cli(draw, __file__)" in script.read_text(encoding="utf-8")
    assert "np.random.seed" not in script.read_text() and "np.random.rand" not in script.read_text(), (
        f"{script.name}: use a seeded generator (np.random.default_rng or random_state), not the global one"
    )


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_figure_script_runs_alone_and_is_deterministic(script, tmp_path):
    """Check that `python code/figures/<script>.py --out DIR` works and draws the same bytes twice."""
    digests = []
    for run in ("first", "second"):
        out = tmp_path / run
        result = subprocess.run(
            [sys.executable, str(script), "--out", str(out)], cwd=tmp_path, capture_output=True, text=True,
            env={"MPLBACKEND": "Agg", "PATH": "/usr/bin:/bin"},
        )
        assert result.returncode == 0, result.stderr
        files = sorted(out.iterdir())
        assert any(f.suffix == ".png" for f in files)
        digests.append({f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in files})
    assert digests[0] == digests[1], f"{script.name} draws different pictures on two runs"
