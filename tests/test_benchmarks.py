"""Tests that every benchmark in benchmarks/ still runs (tiny sizes, one run; nothing is timed)."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FAMILIES = sorted(p.stem.removeprefix("bench_") for p in (ROOT / "benchmarks").glob("bench_*.py"))


@pytest.mark.parametrize("family", FAMILIES)
def test_benchmark_runs(family):
    """Check that benchmarks/run.py --quick runs a family's cases and prints a ratio for each."""
    result = subprocess.run(
        [sys.executable, "benchmarks/run.py", "--quick", family],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    rows = [line for line in result.stdout.splitlines() if line.startswith(f"| {family} |")]
    assert rows, f"no rows printed for {family}:\n{result.stdout}"
    for row in rows:
        ratio = float(row.split("|")[6])
        assert ratio > 0
