"""Tests for the packaging of skratch: every subpackage is installed, figure scripts included."""

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def listed_packages():
    return set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])


def test_packaging_lists_every_subpackage():
    """Check that pyproject.toml lists every folder of code/skratch that has an __init__.py."""
    found = {
        ".".join(p.parent.relative_to(ROOT / "code").parts)
        for p in (ROOT / "code" / "skratch").rglob("__init__.py")
    }
    missing = found - listed_packages()
    assert not missing, f"Add these to [tool.setuptools] packages in pyproject.toml: {sorted(missing)}"
    assert "skratch.figures" in listed_packages()


def test_packaging_wheel_ships_the_figure_scripts(tmp_path):
    """Check that the wheel (what Colab installs) contains the package and every figure script."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True,
    )
    (wheel,) = tmp_path.glob("skratch-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "skratch/linear_model/_base.py" in names
    for script in (ROOT / "code" / "figures").glob("plot_*.py"):
        assert f"skratch/figures/{script.name}" in names, f"{script.name} is missing from the wheel"
    # show() inlines the animation player's code into notebooks (Colab installs the wheel)
    assert "skratch/figures/player.js" in names, "player.js is missing from the wheel"


def test_packaging_urls_match_the_book_configuration():
    """Check that pyproject's Repository and Homepage are _config.yml's repository and site.

    show_source (in notebooks, on Colab too) links to the repository and the API reference it
    reads from the package's metadata, so a fork changes them together.
    """
    import yaml

    urls = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["urls"]
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    assert urls["Repository"].rstrip("/") == config["repository"]["url"].rstrip("/")
    assert urls["Homepage"].rstrip("/") == config["html"]["baseurl"].rstrip("/")
