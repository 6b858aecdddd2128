"""Tests for the shape of every unit: the sections CURRICULUM.md asks for, in order, and their contents.

A unit says what it is in its metadata: a notebook in ``metadata.skratch.kind``, a Markdown
page in its front matter (``skratch: {kind: concept}``). ``algorithm`` units have the nine
sections in order; ``concept`` units keep the ones that apply, in the same order, and always
end with Exercises and Further resources.
"""

import re

import pytest
import yaml

from booklib import ROOT, read_notebook, source_of, unit_documents

SECTIONS = [
    "In one sentence",
    "Intuition",
    "The math",
    "Worked example by hand",
    "From scratch",
    "Check against scikit-learn",
    "When to use it",
    "Exercises",
    "Further resources",
]
CONCEPT_REQUIRED = ["Exercises", "Further resources"]
MIN_EXERCISES = 3
MIN_RESOURCES = 3
MIN_FIGURES = 2
# The check section names its twin library: scikit-learn for the classical estimators,
# PyTorch for the autograd engine and the layers (Neural networks and Frontier units). Either
# heading stands at the same place in the nine sections; the code under it must import the twin.
CHECKS = {"Check against scikit-learn": "from sklearn", "Check against PyTorch": "import torch"}


def read_unit(doc):
    """Return (kind, markdown text) of a unit, notebook or Markdown page."""
    path = source_of(doc)
    if path.suffix == ".ipynb":
        nb = read_notebook(path)
        kind = nb["metadata"].get("skratch", {}).get("kind")
        text = "\n\n".join(
            "".join(c["source"]) if c["cell_type"] == "markdown" else "```python\n" + "".join(c["source"]) + "\n```"
            for c in nb["cells"]
        )
        return kind, text
    text = path.read_text(encoding="utf-8")
    front = re.match(r"---\n(.*?)\n---\n", text, re.S)
    kind = (yaml.safe_load(front.group(1)) or {}).get("skratch", {}).get("kind") if front else None
    return kind, text


def headings(text):
    """The level-2 headings, outside code blocks, each cut to its canonical name if it starts with one."""
    text = re.sub(r"^(```|~~~).*?^\1", "", text, flags=re.S | re.M)
    found = []
    for line in re.findall(r"^## (.+)$", text, flags=re.M):
        line = line.strip()
        for twin in CHECKS:  # either twin stands in the place of the check section
            if line == twin or line.startswith(twin + ":"):
                line = "Check against scikit-learn"
        found.append(next((s for s in SECTIONS if line == s or line.startswith(s + ":")), line))
    return found


def section(text, name):
    parts = re.split(r"^## ", text, flags=re.M)
    return next((p for p in parts if p.startswith(name)), "")


def check_section(text):
    """The check section and the import its twin needs: ``(text, "from sklearn" | "import torch")``."""
    for twin, needs in CHECKS.items():
        found = section(text, twin)
        if found:
            return found, needs
    return "", "from sklearn"


UNITS = unit_documents()


@pytest.mark.parametrize("doc", UNITS)
def test_unit_declares_its_kind(doc):
    """Check that each unit says whether it is an algorithm or a concept unit."""
    kind, _ = read_unit(doc)
    assert kind in {"algorithm", "concept"}, f"{doc}: set skratch.kind to 'algorithm' or 'concept' (got {kind!r})"


@pytest.mark.parametrize("doc", UNITS)
def test_unit_has_its_sections_in_order(doc):
    """Check the sections: all nine in order for an algorithm unit, the applicable ones in order for a concept unit."""
    kind, text = read_unit(doc)
    found = headings(text)
    if kind == "algorithm":
        assert found == SECTIONS, f"{doc}: level-2 headings must be exactly\n{SECTIONS}\ngot\n{found}"
    else:
        unknown = [h for h in found if h not in SECTIONS]
        assert not unknown, f"{doc}: level-2 headings outside the unit skeleton: {unknown} (use ### inside a section)"
        assert found == sorted(found, key=SECTIONS.index), f"{doc}: sections out of order: {found}"
        assert found[-2:] == CONCEPT_REQUIRED, f"{doc}: a concept unit ends with {CONCEPT_REQUIRED}; got {found}"


@pytest.mark.parametrize("doc", UNITS)
def test_unit_has_exercises_with_solutions(doc):
    """Check for at least three exercises, each with a solution hidden behind a toggle."""
    _, text = read_unit(doc)
    labels = re.findall(r"```\{exercise\}[^\n]*\n:label: ([\w-]+)", text)
    assert len(labels) >= MIN_EXERCISES, f"{doc}: {len(labels)} exercises, at least {MIN_EXERCISES} needed"
    for label in labels:
        solution = re.search(r"```\{solution(?:-start)?\} " + re.escape(label) + r"\n((?::[^\n]*\n)*)", text)
        assert solution, f"{doc}: exercise {label} has no solution"
        assert ":class: dropdown" in solution.group(1), f"{doc}: the solution of {label} must be hidden (:class: dropdown)"


@pytest.mark.parametrize("doc", UNITS)
def test_unit_lists_further_resources(doc):
    """Check that Further resources has at least three entries with links."""
    _, text = read_unit(doc)
    entries = [line for line in section(text, "Further resources").splitlines() if line.startswith("- ")]
    linked = [e for e in entries if "](http" in e or "{cite" in e]
    assert len(linked) >= MIN_RESOURCES, f"{doc}: {len(linked)} linked resources, at least {MIN_RESOURCES} needed"


@pytest.mark.parametrize("doc", UNITS)
def test_unit_has_figures_drawn_by_scripts(doc):
    """Check that each unit shows at least two figures whose captions name their scripts."""
    _, text = read_unit(doc)
    path = source_of(doc)
    raw = path.read_text(encoding="utf-8")
    scripts = set(re.findall(r"\{script\}`(plot_[a-z0-9_]+)`", raw))
    assert len(scripts) >= MIN_FIGURES, f"{doc}: {len(scripts)} figures with linked scripts, at least {MIN_FIGURES} needed"
    for name in scripts:
        assert (ROOT / "code" / "figures" / f"{name}.py").exists(), f"{doc}: {name}.py does not exist"


@pytest.mark.parametrize("doc", [d for d in UNITS if read_unit(d)[0] == "algorithm"])
def test_algorithm_unit_checks_against_its_twin(doc):
    """Check that an algorithm unit's check section really runs scikit-learn (or PyTorch) beside skratch."""
    _, text = read_unit(doc)
    check, needs = check_section(text)
    assert needs in check and "skratch" in section(text, "From scratch"), (
        f"{doc}: the check section must run the twin ({needs}) on the same data as skratch"
    )


def code_blocks(text):
    """The Python code cells of a unit as read_unit joins them (```python fences)."""
    return re.findall(r"^```python\n(.*?)\n```$", text, flags=re.S | re.M)


@pytest.mark.parametrize("doc", [d for d in UNITS if read_unit(d)[0] == "algorithm"])
def test_algorithm_unit_builds_the_core_then_shows_the_package(doc):
    """Check the "From scratch" pattern: a short readable version (10-40 lines) first, then show_source."""
    _, text = read_unit(doc)
    scratch = section(text, "From scratch")
    blocks = code_blocks(scratch)
    readable = [
        b for b in blocks
        if re.search(r"^(def|class) ", b, re.M) and 10 <= len([l for l in b.splitlines() if l.strip()]) <= 40
    ]
    assert readable, f"{doc}: From scratch must first build the core in a short readable version (a def of 10-40 lines)"
    first_def = scratch.find(readable[0])
    shown = scratch.find("show_source(")
    assert shown > first_def, f"{doc}: after the readable version, show the package's code with show_source(...)"


@pytest.mark.parametrize("doc", UNITS)
def test_unit_never_prints_source_as_text(doc):
    """Check that no unit prints source with inspect.getsource or slices it by searching a string."""
    _, text = read_unit(doc)
    assert "getsource" not in text, f"{doc}: show code with skratch.figures.show_source(obj), not inspect.getsource"


NUMBERED = re.compile(r"\b(Exercises?|Figures?|Fig\.|Tables?|Theorem|Lemma|Definition|Equation|Eq\.)\s+\d+")


def prose(text):
    """A unit's Markdown without code and maths: code fences, inline code and formulas go;
    the text inside directives (exercises, solutions, quizzes, admonitions) stays."""
    text = re.sub(r"^(```|~~~)(?!\{)[^\n]*\n.*?^\1\s*$", "", text, flags=re.S | re.M)
    text = re.sub(r"\$\$.*?\$\$", "", text, flags=re.S)
    text = re.sub(r"(?<!\\)\$[^$\n]+\$", "", text)
    return re.sub(r"`[^`\n]*`", "", text)


@pytest.mark.parametrize("doc", UNITS)
def test_unit_names_numbers_by_reference(doc):
    """Check that no prose types a number such as "Exercise 4" or "Figure 2": {numref} and {ref} keep them right."""
    _, text = read_unit(doc)
    found = sorted(set(m.group(0) for m in NUMBERED.finditer(prose(text))))
    assert not found, (
        f"{doc}: {found} typed as text; numbers restart in every unit and change as it grows: "
        "write {numref}`fig-name` or {ref}`exercise-label` instead"
    )


@pytest.mark.parametrize("doc", [d for d in UNITS if source_of(d).suffix == ".ipynb"])
def test_each_show_source_is_displayed(doc):
    """Check that a code cell shows at most one show_source result: a notebook displays only a
    cell's last value, so a second call in the same cell silently hides the first."""
    lost = []
    for index, cell in enumerate(read_notebook(source_of(doc))["cells"]):
        if cell["cell_type"] != "code":
            continue
        code = "".join(cell["source"])
        calls = len(re.findall(r"(?<![\w.])show_source\(", code))
        shown = len(re.findall(r"display\(\s*show_source\(", code))
        if calls - shown > 1:
            lost.append(f"cell {index} calls show_source {calls - shown} times")
    assert not lost, f"{doc}: only the last call of a cell is shown; one call per cell: {lost}"
