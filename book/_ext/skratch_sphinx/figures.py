"""Figures that link to the code that draws them.

Every figure of the book is drawn by a script ``code/figures/plot_*.py``. At the
start of each build this module

1. runs the scripts whose output is older than the script or a module of the
   package the script imports, directly or through other modules (two at a
   time), writing ``book/_figures/<name>.png`` and, for an animation,
   its frames (``book/_figures/<name>/``) and their description (``<name>.json``);
   then a small thumbnail of each for the gallery;
2. writes a page per script, ``book/figures/<name>.md`` (the picture, the pages
   that use it, and the highlighted source), and the gallery
   ``book/figures/index.md``, grouped by level and unit in course order;
   ``_toc.yml`` lists them with a glob;
3. provides the role ``{script}`plot_x``` that a caption uses to name its
   script: it renders as a link ``plot_x.py`` to the script's page.

While reading each page it

4. hides the input of every notebook cell that only calls ``show("plot_x")``
   (the notebook keeps it), and shows the build's own picture of ``plot_x``:
   still figures at half their pixel width (the PNGs are drawn at twice the size
   they are shown, so they are sharp on any screen), animations as the player
   with its frames as files the browser caches, instead of the copy inlined
   in the notebook;
5. after references are resolved, wraps each captioned picture in the link to
   its script's page, and gives it the script's description as alt text when
   the page did not set one.

Why this and not the alternatives (matplotlib's plot directive, sphinx-gallery,
MyST-NB metadata alone) is written down in CONTRIBUTING.md.
"""

import ast
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.errors import ExtensionError
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole

logger = logging.getLogger(__name__)

SCRIPTS = "code/figures"
OUTPUT = "book/_figures"
THUMBS = OUTPUT + "/thumbs"
PAGES = "book/figures"
PAGE_DOC = PAGES + "/{name}"
ROLE_PATTERN = re.compile(r"\{script\}`(plot_[a-z0-9_]+)`")
SHOW_CELL = re.compile(r'\s*show\("(plot_[a-z0-9_]+)"\)\s*')
FIGURE_URI = re.compile(r"(?:^|/)_figures/(plot_[a-z0-9_]+)\.png$")
THUMB_WIDTH = 360  # pixels: gallery cards are about 180 CSS px wide, drawn at 2x
PIXEL_RATIO = 2  # as skratch.figures.PIXEL_RATIO: a PNG has twice the pixels it is shown at


def script_paths(root):
    """Every figure script, sorted by name."""
    return sorted((Path(root) / SCRIPTS).glob("plot_*.py"))


def describe(path):
    """Title and description of a figure script, from its docstring (see skratch.figures)."""
    from skratch.figures import describe_file

    try:
        return describe_file(path)
    except ValueError as error:
        raise ExtensionError(f"{path}: {error}") from None


def _module_file(root, name):
    """The file that defines module ``name`` of the package (dotted), or None."""
    parts = name.split(".")
    if parts[0] != "skratch":
        return None
    base = root / "code"
    if parts[1:2] == ["figures"]:
        base, parts = base / "figures", parts[2:]
    else:
        base, parts = base / "skratch", parts[1:]
    path = base.joinpath(*parts)
    for candidate in (path / "__init__.py", path.with_suffix(".py")):
        if parts or candidate.name == "__init__.py":
            if candidate.is_file():
                return candidate
    return None


def _module_name(root, path):
    """The dotted name of a package file: the inverse of ``_module_file``."""
    figures = root / "code" / "figures"
    if path.is_relative_to(figures):
        parts = ["skratch", "figures", *path.relative_to(figures).with_suffix("").parts]
    else:
        parts = list(path.relative_to(root / "code").with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported_modules(root, path):
    """The package modules a file imports anywhere in it (lazy imports included)."""
    name = _module_name(root, path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    # Importing a.b.c runs the __init__ of a and a.b first.
    return {".".join(m.split(".")[:i]) for m in found for i in range(1, m.count(".") + 2)}


def _dependencies(root, script, cache):
    """Every package file a figure script runs: its imports, followed transitively."""
    seen, todo = set(), [script]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        if path not in cache:
            files = (_module_file(root, m) for m in _imported_modules(root, path))
            cache[path] = {f for f in files if f is not None}
        todo.extend(cache[path])
    return seen | {root / "code" / "figures" / "player.js"}


# What a figure script sees of the environment when it is drawn: no more than a learner's
# shell would give it (the BLAS library's own settings pass on, because with other kernels a
# float's last bit can differ, and with it a pixel). tests/figures compares these drawings with
# the same scripts drawn inside the test process, so the files the site shows are the ones
# checked to be deterministic.
ALONE_ENV = ("PATH", "HOME", "LANG", "TMPDIR")
BLAS_ENV = ("OPENBLAS_", "OMP_", "MKL_", "GOTO", "NVPL_")


def script_env():
    """The environment a figure script runs in when the build draws it."""
    env = {k: v for k, v in os.environ.items() if k in ALONE_ENV or k.startswith(BLAS_ENV)}
    return {**env, "MPLBACKEND": "Agg", "PYTHONHASHSEED": "0"}


def run_scripts(root):
    """Run each stale figure script on its own, then refresh the thumbnails; raise with its error output if one fails.

    Each script runs as a learner runs it, ``python code/figures/plot_x.py --out DIR``, in
    an empty working folder with a minimal environment, so a script that needs anything else
    fails here. A lock in the output folder lets the build and the figure tests (several
    processes under ``make test``) share one drawing of each figure.
    """
    import tempfile

    from filelock import FileLock

    root = Path(root)
    out = root / OUTPUT
    out.mkdir(parents=True, exist_ok=True)
    with FileLock(str(out / ".drawing.lock")):
        cache, stale = {}, []
        for script in script_paths(root):
            png = out / f"{script.stem}.png"
            newest = max(p.stat().st_mtime for p in _dependencies(root, script, cache))
            if not png.exists() or png.stat().st_mtime < newest:
                stale.append(script)
        if stale:
            logger.info(f"[skratch] drawing {len(stale)} figure(s): {', '.join(s.stem for s in stale)}")
            env = script_env()

            def run(script):
                with tempfile.TemporaryDirectory() as alone:
                    return script, subprocess.run(
                        [sys.executable, str(script), "--out", str(out)],
                        cwd=alone, env=env, capture_output=True, text=True,
                    )

            with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
                for script, result in pool.map(run, stale):
                    if result.returncode != 0:
                        raise ExtensionError(
                            f"The figure script {script.relative_to(root)} failed:\n{result.stderr}"
                        )
        make_thumbnails(root)


def make_thumbnails(root):
    """A small WebP of each figure for the gallery, so the gallery page stays light."""
    from PIL import Image

    root = Path(root)
    thumbs = root / THUMBS
    thumbs.mkdir(parents=True, exist_ok=True)
    for script in script_paths(root):
        png = root / OUTPUT / f"{script.stem}.png"
        thumb = thumbs / f"{script.stem}.webp"
        if not png.exists() or (thumb.exists() and thumb.stat().st_mtime >= png.stat().st_mtime):
            continue
        with Image.open(png) as image:
            image = image.convert("RGB")
            height = round(image.height * THUMB_WIDTH / image.width)
            image.resize((THUMB_WIDTH, height), Image.Resampling.LANCZOS).save(thumb, "WEBP", quality=80, method=6)


def animation_spec(root, name):
    """The description of an animation's frames (written by skratch.figures.save), or None."""
    path = Path(root) / OUTPUT / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def users(root):
    """Map each script name to the pages whose captions name it (via the role), in page order."""
    found = {}
    for page in sorted((Path(root) / "book").rglob("*")):
        if page.suffix not in {".md", ".ipynb"} or PAGES in page.as_posix() or "_build" in page.parts:
            continue
        doc = page.relative_to(root).with_suffix("").as_posix()
        for name in ROLE_PATTERN.findall(page.read_text(encoding="utf-8")):
            found.setdefault(name, [])
            if doc not in found[name]:
                found[name].append(doc)
    return found


def course_order(root):
    """The parts of ``_toc.yml`` as ``[(caption, [doc, ...]), ...]``, in the order of the book."""
    toc = yaml.safe_load((Path(root) / "_toc.yml").read_text(encoding="utf-8"))
    parts = []
    for part in toc.get("parts", []):
        docs = []

        def walk(entries):
            for entry in entries or []:
                if "file" in entry:
                    docs.append(entry["file"])
                walk(entry.get("sections"))

        walk(part.get("chapters"))
        parts.append((part.get("caption", ""), docs))
    return parts


def page_title(root, doc):
    """The first level-1 heading of a page's source (Markdown or notebook)."""
    root = Path(root)
    for suffix in (".md", ".ipynb"):
        path = root / f"{doc}{suffix}"
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        if suffix == ".ipynb":
            cells = json.loads(text)["cells"]
            text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
        match = re.search(r"^# (.+)$", text, re.M)
        if match:
            return match.group(1).strip()
    return doc.rsplit("/", 1)[-1]


def _write_if_changed(path, text):
    # Unchanged pages keep their mtime, so Sphinx does not rebuild them.
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def script_page(name, title, description, used_in, source_url, animated):
    used = ", ".join(f"{{doc}}`/{doc}`" for doc in used_in) or "the gallery only"
    if animated:
        picture = f"```{{skratch-player}} {name}\n```\n"
    else:
        picture = (
            f":::{{figure}} ../_figures/{name}.png\n:alt: {description}\n:target: '#source'\n\n"
            f"Drawn by `{name}.py`, whose source is below.\n:::\n"
        )
    text = description.replace("$", "\\$")  # dollars in prose are money, not maths
    return f"""# {title}

{text}

{picture}
**Used in:** {used}.

**Run it yourself.** In a clone of the repository, `python code/figures/{name}.py` draws this
figure into `book/_figures/`. In a notebook, `from skratch.figures import show` then
`show("{name}")` draws it inline. [The file in the repository]({source_url}).

## Source

```{{literalinclude}} ../../code/figures/{name}.py
:language: python
```
"""


def _card(name, title, description, animated):
    kind = " (animation)" if animated else ""
    return f""":::{{grid-item-card}} {title}
:img-top: ../_figures/thumbs/{name}.webp
:img-alt: {description}
:link: {name}
:link-type: doc
:class-card: skratch-gallery-card

`{name}.py`{kind}
:::
"""


GALLERY_INTRO = """Click a picture to read the script that draws it. Each script runs on its own
(`python code/figures/<name>.py`), uses the `skratch` package, and draws the same picture every
time: the build runs it, and the notebooks call the same script with `skratch.figures.show`."""


def gallery_part_doc(index, docs):
    """The gallery page of a part of the book: ``book/figures/gallery-<n>-<folder>``."""
    folder = docs[0].split("/")[1] if docs and docs[0].count("/") >= 2 else "part"
    return f"gallery-{index}-{folder}"


def gallery_pages(root, entries):
    """The gallery: an index with a card per part of the book, and a page per part.

    A part's page shows every figure of the part under the unit that shows it, in the order of
    the course. One page per part keeps each page light on a phone as the course grows
    (about a dozen kilobytes per thumbnail, a few dozen thumbnails per level).
    Returns ``{page name: Markdown}``, the index under ``"index"``.
    """
    used = users(root)
    by_name = {e[0]: e for e in entries}
    placed = set()
    pages, part_cards = {}, []
    parts = [(c, d) for c, d in course_order(root) if not all(doc.startswith(PAGES) for doc in d)]
    for index, (caption, docs) in enumerate(parts, 1):
        unit_blocks, part_names = [], []
        for doc in docs:
            if doc.startswith(PAGES):
                continue
            names = [n for n, pages_ in used.items() if pages_ and pages_[0] == doc and n in by_name]
            source = next((Path(root) / f"{doc}{s}" for s in (".ipynb", ".md") if (Path(root) / f"{doc}{s}").exists()), None)
            if source is not None:  # in the order the page shows them
                text = source.read_text(encoding="utf-8")
                names.sort(key=lambda n: text.find(f"{{script}}`{n}`"))
            if not names:
                continue
            placed.update(names)
            part_names.extend(names)
            cards = "\n".join(_card(*by_name[n]) for n in names)
            unit_blocks.append(
                f"## {page_title(root, doc)}\n\n{{doc}}`Read the unit </{doc}>`\n\n"
                f"::::{{grid}} 1 2 3 3\n:gutter: 3\n\n{cards}\n::::\n"
            )
        if not unit_blocks:
            continue
        doc = gallery_part_doc(index, docs)
        animations = sum(by_name[n][3] for n in part_names)
        count = f"{len(part_names)} figures" + (f", {animations} of them animated" if animations else "")
        pages[doc] = (
            f"# Figures: {caption}\n\n"
            f"Every figure of the part *{caption}* ({count}), under the unit that shows it, in the\n"
            f"order of the course. {GALLERY_INTRO}\n\n" + "\n".join(unit_blocks)
        )
        first = by_name[part_names[0]]
        part_cards.append(f""":::{{grid-item-card}} {caption}
:img-top: ../_figures/thumbs/{first[0]}.webp
:img-alt: {first[2]}
:link: {doc}
:link-type: doc
:class-card: skratch-gallery-card

{count}
:::
""")
    rest = [e for e in entries if e[0] not in placed]
    extra = ""
    if rest:
        cards = "\n".join(_card(*e) for e in rest)
        extra = f"\n## Not yet in a unit\n\n::::{{grid}} 1 2 3 3\n:gutter: 3\n\n{cards}\n::::\n"
    total = len(entries)
    pages["index"] = f"""# Figure gallery

All {total} figures and animations of the course, drawn by scripts, one page per part of the
book. {GALLERY_INTRO}

::::{{grid}} 1 2 3 3
:gutter: 3

{"".join(part_cards)}
::::
{extra}"""
    return pages


def generate(app, config):
    """config-inited: draw the figures and write their pages, before the toc is read."""
    root = Path(app.srcdir)
    run_scripts(root)
    pages = root / PAGES
    pages.mkdir(parents=True, exist_ok=True)
    repo = config.html_theme_options.get("repository_url", "").rstrip("/")
    branch = config.html_theme_options.get("repository_branch", "main")
    used = users(root)
    entries = []
    names = set()
    for script in script_paths(root):
        name = script.stem
        names.add(name)
        title, description = describe(script)
        animated = animation_spec(root, name) is not None
        url = f"{repo}/blob/{branch}/{SCRIPTS}/{name}.py"
        _write_if_changed(pages / f"{name}.md", script_page(name, title, description, used.get(name, []), url, animated))
        entries.append((name, title, description, animated))
    galleries = gallery_pages(root, entries)
    for doc, text in galleries.items():
        _write_if_changed(pages / f"{doc}.md", text)
    for stale_page in [*pages.glob("plot_*.md"), *pages.glob("gallery-*.md")]:
        if stale_page.stem not in names and stale_page.stem not in galleries:
            stale_page.unlink()


class ScriptRole(SphinxRole):
    """``{script}`plot_x``` -> a link ``plot_x.py`` to the script's page."""

    def run(self):
        name = self.text.strip()
        path = Path(self.env.srcdir) / SCRIPTS / f"{name}.py"
        if not path.exists():
            msg = self.inliner.reporter.error(
                f"{{script}} names {name!r}, but {SCRIPTS}/{name}.py does not exist.", line=self.lineno
            )
            return [nodes.problematic(self.rawtext, self.rawtext, msg)], [msg]
        ref = pending_xref(
            self.rawtext, refdomain="std", reftype="doc",
            reftarget="/" + PAGE_DOC.format(name=name), refexplicit=True, refwarn=True,
        )
        ref += nodes.literal(f"{name}.py", f"{name}.py")
        # The class sits on a wrapper: the resolved reference replaces the pending_xref.
        return [nodes.inline("", "", ref, classes=["figure-script"], script=name)], []


# --- the pictures of a page --------------------------------------------------------


def player_node(app, docname, name, link):
    """A raw HTML node: the animation player of ``name`` with its frames as files of the site."""
    from skratch.figures import player_html

    root = Path(app.srcdir)
    spec = animation_spec(root, name)
    if spec is None:
        raise ExtensionError(f"{docname}: {name} is not an animation (no {OUTPUT}/{name}.json).")
    prefix = "../" * docname.count("/") + "_figures/"
    version = spec["version"]
    sources = [None if f is None else f"{prefix}{name}/{f}?v={version}" for f in spec["frames"]]
    player = player_html(name, spec["alt"], spec, sources, script=name, inline_script=False, link=link)
    node = nodes.raw("", player, format="html")
    node["skratch_player"] = name
    return node


def _script_link(app, docname, name):
    if docname == PAGE_DOC.format(name=name):
        return "#source"
    return app.builder.get_relative_uri(docname, PAGE_DOC.format(name=name))


def _size_image(root, image, name):
    """Show a figure at half its pixel width: its PNG is drawn at twice the size it is shown."""
    from PIL import Image

    png = Path(root) / OUTPUT / f"{name}.png"
    if png.exists() and "width" not in image:
        with Image.open(png) as picture:
            image["width"] = f"{picture.width // PIXEL_RATIO}px"


def _cell_source(cell):
    for child in cell.children:
        if "cell_input" in child.get("classes", []):
            return child.astext()
    return None


def prepare_pictures(app, doctree):
    """doctree-read, before the image collector: the build's pictures, sized, and quiet show() cells."""
    root = Path(app.srcdir)
    docname = app.env.docname
    for cell in list(doctree.findall(nodes.container)):
        if "cell" not in cell.get("classes", []):
            continue
        source = _cell_source(cell)
        match = SHOW_CELL.fullmatch(source or "")
        if not match:
            continue
        name = match.group(1)
        for child in list(cell.children):
            if "cell_input" in child.get("classes", []):
                cell.remove(child)  # the notebook keeps the call; the page shows only its picture
        for raw in list(cell.findall(nodes.raw)):
            if 'class="skratch-player"' in raw.astext():
                raw.replace_self(player_node(app, docname, name, _script_link(app, docname, name)))
        for image in cell.findall(nodes.image):
            image["uri"] = f"/{OUTPUT}/{name}.png"
            for key in ("candidates", "width", "height"):
                if key in image:
                    del image[key]
            _size_image(root, image, name)
    for image in list(doctree.findall(nodes.image)):
        match = FIGURE_URI.search(image.get("uri", ""))
        if not match:
            continue
        name = match.group(1)
        if animation_spec(root, name) is not None and docname != PAGE_DOC.format(name=name):
            image.replace_self(player_node(app, docname, name, _script_link(app, docname, name)))
        else:
            _size_image(root, image, name)
    if docname == f"{PAGES}/index" or docname.startswith(f"{PAGES}/gallery-"):
        for image in doctree.findall(nodes.image):
            image["loading"] = "lazy"


class PlayerDirective(SphinxDirective):
    """``{skratch-player} plot_x``: the animation's player (used by the script pages)."""

    required_arguments = 1

    def run(self):
        name = self.arguments[0]
        return [player_node(self.env.app, self.env.docname, name, "#source")]


def link_figures(app, doctree, docname):
    """doctree-resolved: make a captioned picture a link to its script's page."""
    root = Path(app.srcdir)
    for figure in doctree.findall(nodes.figure):
        marks = [
            inline for caption in figure.findall(nodes.caption)
            for inline in caption.findall(nodes.inline) if "figure-script" in inline["classes"]
        ]
        links = [ref for mark in marks for ref in mark.findall(nodes.reference)]
        if not links:
            continue
        link = links[0]
        name = marks[0]["script"]
        description = describe(root / SCRIPTS / f"{name}.py")[1]
        for image in list(figure.findall(nodes.image)):
            if not image.get("alt"):
                image["alt"] = description
            if not isinstance(image.parent, nodes.reference):
                wrapper = nodes.reference("", "", refuri=link["refuri"], classes=["figure-script-link"])
                image.replace_self(wrapper)
                wrapper += image


def copy_frames(app, exception):
    """build-finished: the figures' pictures and frames under ``_figures/``, and the player's code."""
    if exception is not None or app.builder.format != "html":
        return
    root = Path(app.srcdir)
    target = Path(app.outdir) / "_figures"
    target.mkdir(parents=True, exist_ok=True)
    for png in (root / OUTPUT).glob("plot_*.png"):
        shutil.copy2(png, target / png.name)  # og:image and the player's poster
    for frames in (root / OUTPUT).iterdir():
        if frames.is_dir() and frames.name.startswith("plot_"):
            shutil.copytree(frames, target / frames.name, dirs_exist_ok=True)
    import skratch.figures

    shutil.copy2(Path(skratch.figures.__file__).with_name("player.js"), Path(app.outdir) / "_static" / "skratch-player.js")


def setup(app):
    app.connect("config-inited", generate, priority=100)
    app.add_role("script", ScriptRole())
    app.add_directive("skratch-player", PlayerDirective)
    app.connect("doctree-read", prepare_pictures, priority=400)
    app.connect("doctree-resolved", link_figures)
    app.connect("build-finished", copy_frames)
    app.add_js_file("skratch-player.js", loading_method="defer")
