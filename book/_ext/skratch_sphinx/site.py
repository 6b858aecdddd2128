"""Site-wide fixes a learner would otherwise trip over, made once for every page.

Each is small, and each says why:

* **No console errors.** The theme logs "Got invalid theme mode" when no colour mode is
  set, so ``default_mode`` is ``auto``; Jupyter Book registers the live-code (Thebe) and
  toggle settings twice, so duplicate inline scripts are dropped (the second
  ``const THEBE_JS_URL`` was a SyntaxError on every notebook page).
* **Maths without a CDN.** MathJax 3 is served from the site itself, copied from the
  ``sphinx-mathjax-offline`` wheel, so pages typeset offline and the browser tests see
  the real layout.
* **Light pages.** The theme loads a 1.49 MB icon script (Font Awesome's SVG framework)
  on every page for about twenty icons its CSS can already draw from the icon fonts. The
  script is left out (a copy of the theme's asset template without that one line), and
  the icon fonts are cut down to the glyphs the site's pages use.
* **Widgets need a kernel.** An ipywidgets slider saved in a notebook cannot move on a
  static page. Its output is replaced by a note that says how to run it (Live code,
  Binder, Colab), and the widget scripts from a CDN are not loaded.
* **One title, a description and a preview card.** The home page's title is not
  doubled; every page gets ``<meta name="description">`` (a unit's "In one sentence") and
  an Open Graph picture (its first figure).
* **Search finds the unit first.** Figure-script pages rank below the units that teach
  the term (``static/scorer.js``).
* **Unique ids.** sphinx-exercise gives every exercise and solution body the same id.
* **Small build caches.** MyST parses an ``eval-rst`` block (every API page) into a
  document of its own whose settings hold the whole build environment; its nodes keep a
  reference to it, so each API page's cached doctree carried a copy of the environment
  (4.8 MB each, 600 MB in all, and every incremental build spent minutes unpickling them).
  The nodes are pointed at their page's own document once it is read.
"""

import re
import shutil
from pathlib import Path

from docutils import nodes
from sphinx.util import logging

logger = logging.getLogger(__name__)

HERE = Path(__file__).parent
MATHJAX_FILES = ["tex-mml-chtml.js", "input", "output/chtml", "a11y", "ui", "adaptors", "sre"]
ICON_FONTS = ["fa-solid-900", "fa-regular-400", "fa-brands-400"]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
FIGURES_DOC = "book/figures/"


# --- configuration ------------------------------------------------------------------


def _mathjax_source():
    import importlib.util

    spec = importlib.util.find_spec("sphinx-mathjax-offline")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "static" / "mathjax"


def _template_without_icon_script(app):
    """A copy of the theme's asset macros minus the Font Awesome script; returns its folder."""
    import pydata_sphinx_theme

    source = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static" / "webpack-macros.html"
    text = source.read_text(encoding="utf-8")
    pattern = re.compile(r"^\s*<script[^>]*scripts/fontawesome\.js[^>]*></script>\s*\n", re.M)
    if not pattern.search(text):
        raise RuntimeError(
            f"{source}: the theme no longer loads fontawesome.js as skratch_sphinx.site expects; "
            "check the icon fonts and update the template override."
        )
    folder = Path(app.doctreedir).parent / "skratch-templates"
    (folder / "static").mkdir(parents=True, exist_ok=True)
    target = folder / "static" / "webpack-macros.html"
    new = pattern.sub("", text)
    if not target.exists() or target.read_text(encoding="utf-8") != new:
        target.write_text(new, encoding="utf-8")
    return folder


def configure(app, config):
    """config-inited: the settings the rest of this module relies on."""
    config.html_context.setdefault("default_mode", "auto")  # pydata-sphinx-theme reads it here
    if _mathjax_source() is not None:
        config.mathjax_path = "mathjax/tex-mml-chtml.js"
    config.html_search_scorer = str(HERE / "static" / "scorer.js")
    config.nb_ipywidgets_js = {}
    config.templates_path = [str(_template_without_icon_script(app)), *config.templates_path]
    config.ogp_site_url = config.html_baseurl
    config.ogp_site_name = config.html_title  # Jupyter Book sets the title, not Sphinx's project
    config.ogp_enable_meta_description = False  # set here, from the page's own summary
    # No generated cards (their default logo would be our SVG, which cards cannot use): a
    # page's card is its first figure, and pages without one share the site's card.
    config.ogp_social_cards = {"enable": False}
    config.ogp_image = "_static/skratch-card.png"


# --- pages --------------------------------------------------------------------------


def _summary(doctree, limit=200):
    """The page's one-sentence summary: the first paragraph of "In one sentence", else the first paragraph."""
    sections = [s for s in doctree.findall(nodes.section) if s.next_node(nodes.title) is not None]
    for section in sections:
        if section.next_node(nodes.title).astext().strip() == "In one sentence":
            paragraph = section.next_node(nodes.paragraph)
            if paragraph is not None:
                return _shorten(paragraph.astext(), limit)
    paragraphs = [p.astext().strip() for p in doctree.findall(nodes.paragraph)]
    paragraphs = [p for p in paragraphs if p and not p.startswith("Level:")]
    for text in paragraphs:  # a real sentence first, then whatever the page opens with
        if len(text) > 60:
            return _shorten(text, limit)
    return _shorten(paragraphs[0], limit) if paragraphs else ""


def _shorten(text, limit):
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "\u2026"


def _first_figure_script(doctree):
    for inline in doctree.findall(nodes.inline):
        if "figure-script" in inline.get("classes", []) and inline.get("script"):
            return inline["script"]
    return None


def unique_scripts(app, pagename, templatename, context, doctree):
    """html-page-context, last: drop repeated inline scripts and the widgets' saved state."""
    seen, kept = set(), []
    for script in context.get("script_files", []):
        attributes = tuple(sorted((k, str(v)) for k, v in getattr(script, "attributes", {}).items()))
        key = (getattr(script, "filename", None) or "", attributes)  # None and "" both mean inline
        if key in seen or dict(attributes).get("type") == WIDGET_STATE:
            continue
        seen.add(key)
        kept.append(script)
    if "script_files" in context:
        context["script_files"][:] = kept


def page_context(app, pagename, templatename, context, doctree):
    """html-page-context: one title, a description and a preview card."""
    title = re.sub(r"<[^>]+>", "", context.get("title") or "")
    if title.strip() == (app.config.html_title or "").strip():
        context["docstitle"] = ""  # the home page: "Skratch: ...", not "Skratch: ... - Skratch: ..."
    if doctree is None:
        return
    meta = context.get("meta")
    if meta is None:
        meta = context["meta"] = {}
    description = _summary(doctree)
    if description:
        meta["og:description"] = description
        escaped = description.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
        context["metatags"] = context.get("metatags", "") + f'\n<meta name="description" content="{escaped}" />'
    script = _first_figure_script(doctree)
    if script and "og:image" not in meta:
        meta["og:image"] = app.config.html_baseurl.rstrip("/") + f"/_figures/{script}.png"
        meta["og:image:alt"] = description or title


# Ids that sphinx-exercise and sphinx-proof give every exercise, solution, theorem body and
# proof alike (a page with two proofs has two elements with id "proof").
REPEATED_IDS = {"exercise-content", "solution-content", "proof-content"}


def unique_ids(app, doctree, docname):
    """doctree-resolved: number the ids sphinx-exercise and sphinx-proof repeat on every block."""
    counts = {}
    for node in doctree.findall(nodes.Element):
        ids = node.get("ids", [])
        for i, node_id in enumerate(ids):
            # A proof's box has the id "proof"; a section titled "Proof" keeps its own.
            repeated = node_id in REPEATED_IDS or (node_id == "proof" and "proof" in node.get("classes", []))
            if repeated:
                counts[node_id] = counts.get(node_id, 0) + 1
                ids[i] = f"{node_id}-{counts[node_id]}"


def widget_outputs(app, doctree):
    """doctree-read: replace a saved ipywidgets view (dead without a kernel) by a note on running it."""
    for raw in list(doctree.findall(nodes.raw)):
        if WIDGET_VIEW not in raw.astext():
            continue
        output = raw
        while output.parent is not None and "cell_output" not in output.get("classes", []):
            output = output.parent
        target = output if output.parent is not None else raw
        note = nodes.admonition(classes=["note", "skratch-live-only"])
        note += nodes.title("", "Interactive in a live notebook")
        note += nodes.paragraph(
            "",
            "The controls of this cell need a running Python kernel, which a static page does "
            "not have. Press Live code in the launch menu (the rocket icon) to run them here, "
            "or open the notebook on Binder or Colab from the same menu.",
        )
        target.replace_self(note)


# --- build output -------------------------------------------------------------------


def _copy_mathjax(outdir):
    source = _mathjax_source()
    if source is None:
        logger.warning("[skratch] sphinx-mathjax-offline is not installed: maths loads from a CDN.")
        return
    target = Path(outdir) / "_static" / "mathjax"
    for name in MATHJAX_FILES:
        src, dst = source / name, target / name
        if dst.exists() and (dst.is_file() or any(dst.iterdir())):
            continue
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, dst, dirs_exist_ok=True)
        elif src.exists():
            shutil.copy2(src, dst)


def _icon_codepoints(outdir, css):
    """Code points of every Font Awesome class the built pages (and their own scripts) use."""
    rules = {}
    for selectors, code in re.findall(r"([^{}]+)\{content:\"\\([0-9a-fA-F]+)\"\}", css):
        for name in re.findall(r"\.fa-([a-z0-9-]+):{1,2}before", selectors):
            rules[name] = int(code, 16)
    used = set()
    outdir = Path(outdir)
    for path in outdir.rglob("*"):
        if path.suffix not in {".html", ".js"} or "mathjax" in path.parts or path.name.startswith("fontawesome"):
            continue
        used.update(re.findall(r"\bfa-([a-z0-9-]+)", path.read_text(encoding="utf-8", errors="ignore")))
    return sorted({rules[name] for name in used if name in rules})


def _subset_icon_fonts(outdir):
    from fontTools import subset

    static = Path(outdir) / "_static"
    css_path = static / "styles" / "pydata-sphinx-theme.css"
    fonts = static / "vendor" / "fontawesome" / "webfonts"
    if not css_path.exists() or not fonts.exists():
        return
    codepoints = _icon_codepoints(outdir, css_path.read_text(encoding="utf-8"))
    if not codepoints:
        return
    for stem in ICON_FONTS:
        for suffix, flavor in ((".woff2", "woff2"), (".ttf", None)):
            path = fonts / f"{stem}{suffix}"
            if not path.exists():
                continue
            options = subset.Options()
            options.flavor = flavor
            options.layout_features = ["*"]
            font = subset.load_font(str(path), options)
            subsetter = subset.Subsetter(options)
            subsetter.populate(unicodes=codepoints)
            subsetter.subset(font)
            subset.save_font(font, str(path), options)


def _site_card(outdir, title, tagline):
    """The preview card of pages without a figure: the logo (a fitted line through four
    points, as book/_static/logo.svg draws it), the site's name and its promise; 1200x630."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    path = Path(outdir) / "_static" / "skratch-card.png"
    fig = Figure(figsize=(12, 6.3), dpi=100, facecolor="white")
    ax = fig.add_axes([0.06, 0.42, 0.2, 0.4])
    ax.plot([6, 54], [52, 12], color="#0072B2", linewidth=9, solid_capstyle="round")
    ax.scatter([14, 26, 34, 46], [40, 36, 22, 24], s=500, color="#E69F00", zorder=3)
    ax.set(xlim=(0, 60), ylim=(60, 4), aspect="equal")
    ax.axis("off")
    fig.text(0.3, 0.62, "skratch", fontsize=96, fontweight="bold", color="#0072B2", va="center")
    fig.text(0.06, 0.25, title, fontsize=34, color="#222222", va="center")
    fig.text(0.06, 0.13, tagline, fontsize=22, color="#555555", va="center")
    fig.savefig(path, metadata={"Software": None})


def finish(app, exception):
    """build-finished: MathJax, the icon fonts cut to size, and the site's preview card."""
    if exception is not None or app.builder.format != "html":
        return
    _copy_mathjax(app.outdir)
    _subset_icon_fonts(app.outdir)
    _site_card(app.outdir, app.config.html_title, "Every idea built from its core, in NumPy, checked against scikit-learn")


def own_document(app, doctree):
    """Point nodes parsed in a nested document (MyST's ``eval-rst``) at the page's document.

    ``Node.document`` falls back to the parent's document, so the pointer is only a cache;
    left in place it pickles the nested document, and with it the build environment.
    """
    for node in doctree.findall():
        if getattr(node, "_document", None) not in (None, doctree):
            node._document = None


def setup(app):
    app.connect("config-inited", configure, priority=200)
    app.connect("html-page-context", page_context, priority=400)  # before sphinxext-opengraph
    app.connect("html-page-context", unique_scripts, priority=999)
    app.connect("doctree-read", widget_outputs)
    app.connect("doctree-read", own_document)
    app.connect("doctree-resolved", unique_ids)
    app.connect("build-finished", finish)
