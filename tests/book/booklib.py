"""What the checks of the book read: its configuration, its table of contents and its notebooks."""

import json
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
                docs.extend(
                    sorted(p.relative_to(ROOT).with_suffix("").as_posix() for p in ROOT.glob(entry["glob"] + ".*"))
                )
            walk(entry.get("sections"))

    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    return docs


# Pages the build writes (figure scripts and gallery, the API reference), not sources.
GENERATED = ("book/figures/", "book/api/")


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
