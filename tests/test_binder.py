"""Tests for binder/: an environment made from its files alone runs every notebook.

This is what Binder (repo2docker) does: a fresh Python 3.11, ``pip install -r
binder/requirements.txt``, then ``binder/postBuild`` from the repository root. Here the fresh
environment is a virtual environment in a temporary folder: every module the notebooks and
figure scripts import is imported there, and one unit is executed whole with nbclient
(Binder's Jupyter provides it there). Outputs are not compared here; nbval does that, for
every notebook, in the main environment, whose versions the first test ties to these.
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


MISSING = """
import importlib, sys

for name in sys.argv[1:]:
    try:
        importlib.import_module(name)
    except ImportError:
        print(name)
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


def imported_modules():
    """Every module the notebooks' code cells and the figure scripts import, by name."""
    import ast
    import json

    sources = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "code" / "figures").glob("*.py"))]
    for path in sorted((ROOT / "book").rglob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "code":
                lines = "".join(cell["source"]).splitlines()
                # A shell or magic line (the setup cell's `%pip install` on Colab) becomes `pass`.
                sources.append("\n".join(
                    line[: len(line) - len(line.lstrip())] + "pass" if line.lstrip().startswith(("%", "!")) else line
                    for line in lines
                ))
    names = set()
    for source in sources:
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
    return sorted(names)


# The notebook run whole in the Binder environment: the template unit, which draws figures and
# an animation, prints skratch against scikit-learn and shows the package's source.
RUN_WHOLE = "book/intermediate/logistic-regression.ipynb"


@pytest.mark.binder
def test_binder_environment_runs_the_notebooks(tmp_path):
    """Check that a fresh environment built from binder/ alone imports all the notebooks need and runs one whole.

    Every notebook is executed once per `make test`, by nbval in the main environment, whose
    versions the test above ties to Binder's. Here the fresh environment proves what nbval
    cannot: that binder/ alone installs everything the notebooks and figure scripts import
    (each of those modules is imported there) and that a kernel there runs a unit end to end.
    """
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
        assert result.returncode == 0, f"{' '.join(map(str, args[:4]))} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        return result

    # PyTorch's CPU index (an --extra-index-url in the file) is out of reach on a machine that
    # reaches only PyPI: one try each, not five, before pip takes the same release from PyPI.
    run(python, "-m", "pip", "install", "--quiet", "--retries", "0", "-r", "binder/requirements.txt")
    run("bash", "binder/postBuild")
    modules = imported_modules()
    assert "skratch" in {m.split(".")[0] for m in modules} and "numpy" in modules
    missing = run(python, "-c", MISSING, *modules).stdout.split()
    assert not missing, f"binder/ does not install what these imports need: {missing}"
    run(python, "-m", "pip", "install", "--quiet", "nbclient", "nbformat")  # Binder's Jupyter provides these
    assert (repo / RUN_WHOLE).exists()
    result = run(python, "-c", EXECUTE, RUN_WHOLE)
    assert result.stdout.count("ran ") == 1
