"""What the checks of the book read: its configuration, its table of contents and its notebooks."""

import functools
import importlib.util
import json
from fnmatch import fnmatch
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
HTML = ROOT / "_build" / "html"


def load_config():
    return yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))


def toc_documents():
    """Every document the table of contents lists, globs expanded, without suffix."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    docs = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                docs.append(entry["file"])
            if "glob" in entry:
                if entry["glob"].startswith(GENERATED):
                    # Written by the build: named from their sources, so that a clean clone
                    # (where the build has not run yet when the tests are collected) checks them.
                    found = [d for d in generated_documents() if fnmatch(d, entry["glob"])]
                else:
                    found = [p.relative_to(ROOT).with_suffix("").as_posix() for p in ROOT.glob(entry["glob"] + ".*")]
                docs.extend(sorted(found))
            walk(entry.get("sections"))

    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    return docs


# Pages the build writes (figure scripts and gallery, the API reference), not sources.
GENERATED = ("book/figures/", "book/api/")


def _extension_module(name):
    """A module of the book's Sphinx extension, which is not an installed package: loaded from its file."""
    path = ROOT / "book" / "_ext" / "skratch_sphinx" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"_skratch_sphinx_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.cache
def generated_documents():
    """The pages the book's extension writes when the book builds, named as it names them:
    one per public skratch object, one per figure script, the gallery's pages."""
    api, figures = _extension_module("api"), _extension_module("figures")
    docs = {f"{api.PAGES}/index"}
    docs |= {f"{api.PAGES}/skratch.{family}.{name}" for family, name, _, _ in api.public_objects()}
    entries = [(script.stem, *figures.describe(script), False) for script in figures.script_paths(ROOT)]
    docs |= {f"{figures.PAGES}/{name}" for name, *_ in entries}
    docs |= {f"{figures.PAGES}/{doc}" for doc in figures.gallery_pages(ROOT, entries)}
    return frozenset(docs)


def source_of(doc):
    """The source file (.md or .ipynb) of a document name."""
    for suffix in (".ipynb", ".md"):
        if (ROOT / (doc + suffix)).exists():
            return ROOT / (doc + suffix)
    raise FileNotFoundError(f"No .md or .ipynb file for the toc entry {doc!r}.")


def unit_documents():
    """The units: pages of the six levels and the maths toolkit (everything under book/<level>/)."""
    levels = {"beginner", "intermediate", "toolkit", "advanced", "expert", "neural-networks", "frontier"}
    return [d for d in toc_documents() if d.split("/")[1] in levels]


def notebooks():
    return sorted(p for p in (ROOT / "book").rglob("*.ipynb") if "_build" not in p.parts and ".ipynb_checkpoints" not in p.parts)


def read_notebook(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))
