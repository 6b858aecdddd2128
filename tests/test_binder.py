"""Tests for binder/: an environment made from its files alone runs every notebook.

This is what Binder (repo2docker) does: a fresh Python 3.11, ``pip install -r
binder/requirements.txt``, then ``binder/postBuild`` from the repository root. Here the fresh
environment is a virtual environment in a temporary folder, and the notebooks are executed
with nbclient (Binder's Jupyter provides it there). Outputs are not compared here; nbval does
that in the main environment, whose versions the first test ties to these.
"""

import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BINDER = ROOT / "binder"

EXECUTE = """
import sys
import nbformat
from nbclient import NotebookClient

for path in sys.argv[1:]:
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(__import__("pathlib").Path(path).parent)}}).execute()
    print("ran", path)
"""


def pins(path):
    return dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", path.read_text(encoding="utf-8"), flags=re.M))


def test_binder_pins_match_the_main_environment():
    """Check that every package Binder installs has the version the book is built with."""
    main = {k.lower(): v for k, v in pins(ROOT / "requirements.txt").items()}
    binder = pins(BINDER / "requirements.txt")
    assert binder, "binder/requirements.txt pins nothing"
    for name, version in binder.items():
        assert main.get(name.lower()) == version, f"binder pins {name}=={version}, requirements.txt has {main.get(name.lower())}"
    assert (BINDER / "runtime.txt").read_text().strip() == "python-3.11"


@pytest.mark.binder
def test_binder_environment_runs_every_notebook(tmp_path):
    """Check that a fresh environment built from binder/ alone executes every notebook without error."""
    # A copy of the repository as git would check it out (no .venv, no _build), like Binder's.
    repo = tmp_path / "repo"
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True, text=True, check=True)
    for name in files.stdout.splitlines():
        source = ROOT / name
        if source.is_file():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, repo / name)
    env = tmp_path / "env"
    venv.create(env, with_pip=True)
    python = env / "bin" / "python"

    def run(*args, cwd=repo):
        result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, env={"PATH": f"{env / 'bin'}:/usr/bin:/bin", "HOME": str(tmp_path)})
        assert result.returncode == 0, f"{' '.join(map(str, args))} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        return result

    run(python, "-m", "pip", "install", "--quiet", "-r", "binder/requirements.txt")
    run("bash", "binder/postBuild")
    run(python, "-m", "pip", "install", "--quiet", "nbclient", "nbformat")  # Binder's Jupyter provides these
    notebooks = sorted(str(p.relative_to(repo)) for p in (repo / "book").rglob("*.ipynb"))
    assert notebooks
    result = run(python, "-c", EXECUTE, *notebooks)
    assert result.stdout.count("ran ") == len(notebooks)
