"""Figures that link to the code that draws them.

Every figure of the book is drawn by a script ``code/figures/plot_*.py``. At the
start of each build this module

1. runs the scripts whose output is older than the script or the package
   (two at a time), writing ``book/_figures/<name>.png`` and, for an animation,
   ``book/_figures/<name>.html``;
2. writes a page per script, ``book/figures/<name>.md`` (the picture, the pages
   that use it, and the highlighted source), and the gallery
   ``book/figures/index.md``; ``_toc.yml`` lists them with a glob;
3. provides the role ``{script}`plot_x``` that a caption uses to name its
   script: it renders as a link ``plot_x.py`` to the script's page;
4. after references are resolved, wraps each captioned image in the same link,
   so clicking the picture opens its code, and gives it the script's
   description as alt text when the page did not set one.

Why this and not the alternatives (matplotlib's plot directive, sphinx-gallery,
MyST-NB metadata alone) is written down in CONTRIBUTING.md.
"""

import concurrent.futures
import os
import re
import subprocess
import sys
from pathlib import Path

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.errors import ExtensionError
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole

logger = logging.getLogger(__name__)

SCRIPTS = "code/figures"
OUTPUT = "book/_figures"
PAGES = "book/figures"
PAGE_DOC = PAGES + "/{name}"
ROLE_PATTERN = re.compile(r"\{script\}`(plot_[a-z0-9_]+)`")


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


def _newest_dependency(root):
    package = Path(root) / "code"
    return max(p.stat().st_mtime for p in package.rglob("*.py") if "plot_" not in p.name)


def run_scripts(root):
    """Run each stale figure script; raise with its error output if one fails."""
    root = Path(root)
    out = root / OUTPUT
    out.mkdir(parents=True, exist_ok=True)
    newest = _newest_dependency(root)
    stale = []
    for script in script_paths(root):
        png = out / f"{script.stem}.png"
        if not png.exists() or png.stat().st_mtime < max(newest, script.stat().st_mtime):
            stale.append(script)
    if not stale:
        return
    logger.info(f"[skratch] drawing {len(stale)} figure(s): {', '.join(s.stem for s in stale)}")
    env = dict(os.environ, MPLBACKEND="Agg", PYTHONHASHSEED="0")

    def run(script):
        return script, subprocess.run(
            [sys.executable, str(script), "--out", str(out)],
            cwd=root, env=env, capture_output=True, text=True,
        )

    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for script, result in pool.map(run, stale):
            if result.returncode != 0:
                raise ExtensionError(
                    f"The figure script {script.relative_to(root)} failed:\n{result.stderr}"
                )


def users(root):
    """Map each script name to the pages whose captions name it (via the role)."""
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


def _write_if_changed(path, text):
    # Unchanged pages keep their mtime, so Sphinx does not rebuild them.
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def script_page(name, title, description, used_in, source_url, animated):
    used = ", ".join(f"{{doc}}`/{doc}`" for doc in used_in) or "the gallery only"
    if animated:
        picture = f"```{{raw}} html\n:file: ../_figures/{name}.html\n```\n"
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
:linenos:
```
"""


def gallery_page(entries):
    cards = "\n".join(
        f""":::{{grid-item-card}} {title}
:img-top: ../_figures/{name}.png
:img-alt: {description}
:link: {name}
:link-type: doc

`{name}.py`{" (animation)" if animated else ""}
:::
"""
        for name, title, description, animated in entries
    )
    return f"""# Figure gallery

Every figure and animation of the course, each beside the script that draws it. Click a
picture to read its code. Each script runs on its own (`python code/figures/<name>.py`), uses
the `skratch` package, and draws the same picture every time: the build runs it, and the
notebooks call the same script with `skratch.figures.show`.

::::{{grid}} 1 2 3 3
:gutter: 2

{cards}
::::
"""


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
        animated = (root / OUTPUT / f"{name}.html").exists()
        url = f"{repo}/blob/{branch}/{SCRIPTS}/{name}.py"
        _write_if_changed(pages / f"{name}.md", script_page(name, title, description, used.get(name, []), url, animated))
        entries.append((name, title, description, animated))
    _write_if_changed(pages / "index.md", gallery_page(entries))
    for stale_page in pages.glob("plot_*.md"):
        if stale_page.stem not in names:
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


def setup(app):
    app.connect("config-inited", generate, priority=100)
    app.add_role("script", ScriptRole())
    app.connect("doctree-resolved", link_figures)
