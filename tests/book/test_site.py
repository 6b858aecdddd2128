"""Tests for the built site: pages, figures linked to their scripts, launch links, no broken links."""

import gzip
import json
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from bs4 import BeautifulSoup

from booklib import GENERATED, HTML, ROOT, load_config, source_of, toc_documents, unit_documents

SCRIPTS = ROOT / "code" / "figures"
MAX_UNIT_PAGE_BYTES = 1_500_000  # a unit page with its pictures, so it loads on a phone
MAX_GALLERY_BYTES = 1_000_000
# Characters of code that fit a code block at 1280 px: the column is 688 px, a block's padding
# 2 x 16 px, and a 14 px monospace character about 8.4 px wide (tests/book/test_browser.py
# measures the real width in Chromium). Inside an exercise's solution, a note or another
# admonition the box is narrower by its own padding: 69 characters.
MAX_CODE_COLUMNS = 76
MAX_CODE_COLUMNS_IN_A_BOX = 69
MAX_CODE_COLUMNS_INDENTED = 74  # the examples of an API page, indented under the signature


@lru_cache(maxsize=None)
def soup(path):
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


def page(doc):
    return HTML / f"{doc}.html"


def script_of(href, page_path):
    """The figure script a link points to (``.../book/figures/plot_x.html``), or None."""
    target = (page_path.parent / urlparse(href).path).resolve()
    match = re.fullmatch(r"(plot_[a-z0-9_]+)\.html", target.name)
    if match and target.parent == (HTML / "book" / "figures").resolve():
        return match.group(1)
    return None


def content_pages():
    return [d for d in toc_documents() if not d.startswith(GENERATED)]


def test_site_builds_every_page_of_the_toc(site):
    """Check that every page listed in _toc.yml was built into an HTML file."""
    missing = [doc for doc in toc_documents() if not page(doc).exists()]
    assert not missing, f"Pages in _toc.yml that were not built: {missing}"


def test_site_toc_lists_only_existing_sources(site):
    """Check that every toc entry has a source file (no placeholder entries), generated pages included."""
    for doc in toc_documents():
        source_of(doc)


@pytest.mark.parametrize("doc", content_pages())
def test_site_figures_link_to_their_scripts(site, doc):
    """Check that every figure, animation and output image links to an existing figure script."""
    path = page(doc)
    html = soup(path)
    problems = []
    for figure in html.select("figure"):
        caption = figure.find("figcaption")
        scripts = [script_of(a["href"], path) for a in (caption.select("a[href]") if caption else [])]
        scripts = [s for s in scripts if s]
        if not scripts:
            problems.append(f"figure {figure.get('id')!r} has no caption link to a figure script")
            continue
        for name in scripts:
            if not (SCRIPTS / f"{name}.py").exists():
                problems.append(f"figure {figure.get('id')!r} links to {name}.py, which does not exist")
        for img in figure.select("img"):
            link = img.find_parent("a")
            if link is None or script_of(link.get("href", ""), path) != scripts[0]:
                if img.find_parent(class_="skratch-player") and link is not None and link.get("href") == "#source":
                    continue  # the script's own page: the picture leads to the source below it
                problems.append(f"the picture of figure {figure.get('id')!r} is not a link to {scripts[0]}")
    # Pictures and players outside a captioned figure escaped the mechanism.
    for node in html.select(".cell_output img, .skratch-player"):
        if node.find_parent("figure") is None:
            problems.append(f"an output {node.name} outside a captioned figure: {str(node)[:120]}")
    assert not problems, f"{doc}: " + "; ".join(problems)


def test_site_every_script_is_used_by_a_page(site):
    """Check that every figure script is linked from some page besides the gallery."""
    used = set()
    for doc in content_pages():
        path = page(doc)
        used.update(filter(None, (script_of(a["href"], path) for a in soup(path).select("a[href]"))))
    unused = sorted(p.stem for p in SCRIPTS.glob("plot_*.py") if p.stem not in used)
    assert not unused, f"Figure scripts that no page uses (delete them or use them): {unused}"


def test_site_every_image_has_alt_text(site):
    """Check that every <img> on every page has a non-empty alt text."""
    missing = []
    for path in HTML.rglob("*.html"):
        if path.relative_to(HTML).parts[0] == "_static":
            continue
        for img in soup(path).select("img"):
            if "skratch-player-overlay" in img.get("class", []) and img.get("alt") == "":
                continue  # the changed pixels of a frame, laid on the described base picture
            if not img.get("alt", "").strip():
                missing.append(f"{path.relative_to(HTML)}: {img.get('src', '')[:80]}")
    assert not missing, f"Images without alt text: {missing}"


def test_site_animations_have_labelled_controls(site):
    """Check that every animation player has a labelled play button and frame slider."""
    players = [p for path in HTML.rglob("*.html") for p in soup(path).select(".skratch-player")]
    assert players, "No animation player found in the site."
    for player in players:
        assert player.select_one("button[aria-label]"), "play button without a label"
        assert player.select_one("input[type=range][aria-label]"), "slider without a label"
        assert player.get("aria-label", "").startswith("Animation:"), "player group without a label"


NOTEBOOK_DOCS = [d for d in toc_documents() if not d.startswith(GENERATED) and source_of(d).suffix == ".ipynb"]


@pytest.mark.parametrize("doc", NOTEBOOK_DOCS)
def test_site_notebook_pages_have_launch_and_download_links(site, doc):
    """Check that Binder, Colab and the download point at the notebook's real path in the repository."""
    repo = load_config()["repository"]
    owner_name = urlparse(repo["url"]).path.strip("/")
    notebook = f"{doc}.ipynb"
    assert (ROOT / notebook).exists()
    html = soup(page(doc))
    hrefs = [a["href"] for a in html.select("a[href]")]

    binder = [h for h in hrefs if "mybinder.org" in h]
    assert binder, f"{doc}: no Binder link"
    expected = f"/v2/gh/{owner_name}/{repo['branch']}?urlpath="
    assert expected in binder[0], f"{doc}: Binder link {binder[0]!r} does not launch {owner_name}@{repo['branch']}"
    assert unquote(binder[0]).endswith(notebook), f"{doc}: Binder link {binder[0]!r} does not open {notebook}"

    colab = [h for h in hrefs if "colab.research.google.com" in h]
    assert colab == [f"https://colab.research.google.com/github/{owner_name}/blob/{repo['branch']}/{notebook}"], (
        f"{doc}: Colab links {colab} do not open {notebook}"
    )

    downloads = [h for h in hrefs if h.endswith(".ipynb") and not urlparse(h).scheme]
    assert downloads, f"{doc}: no download link for the notebook"
    for href in downloads:
        assert (page(doc).parent / href).resolve().exists(), f"{doc}: download {href!r} leads nowhere"
    assert html.select_one("button.btn-launch-thebe"), f"{doc}: no live-code (Thebe) button"
    thebe = html.select_one('script[type="text/x-thebe-config"]').string
    assert f'repo: "{owner_name}"' in thebe and f'ref: "{repo["branch"]}"' in thebe, (
        f"{doc}: Thebe does not start a kernel from {owner_name}@{repo['branch']}:\n{thebe}"
    )


def _local_targets(path, html):
    for tag, attr in (("a", "href"), ("img", "src"), ("link", "href"), ("script", "src")):
        for node in html.select(f"{tag}[{attr}]"):
            value = node[attr]
            parsed = urlparse(value)
            if parsed.scheme or value.startswith(("//", "mailto:", "data:", "javascript:")):
                continue
            yield value, parsed


@lru_cache(maxsize=None)
def anchors(path):
    """The ids and names a link's #fragment can point at in a page (read once per page)."""
    html = soup(path)
    return frozenset(n.get("id") for n in html.select("[id]")) | frozenset(n.get("name") for n in html.select("[name]"))


def test_site_has_no_broken_internal_links(site):
    """Check that every relative link, image, stylesheet and script of every page exists, anchors included."""
    broken = []
    for path in sorted(HTML.rglob("*.html")):
        if path.relative_to(HTML).parts[0] in {"_static", "_sources"}:
            continue  # theme template fragments and page sources, not pages
        html = soup(path)
        for value, parsed in _local_targets(path, html):
            target = path if not parsed.path else (path.parent / unquote(parsed.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{path.relative_to(HTML)} -> {value}")
                continue
            if parsed.fragment and target.suffix == ".html":
                if unquote(parsed.fragment) not in anchors(target):
                    broken.append(f"{path.relative_to(HTML)} -> {value} (no such anchor)")
    assert not broken, "Broken internal links:\n" + "\n".join(broken)


def _transfer(path):
    """Bytes a static host sends: text gzipped (GitHub Pages does), pictures as they are."""
    data = path.read_bytes()
    return len(gzip.compress(data, 6)) if path.suffix in {".html", ".css", ".js", ".json", ".svg"} else len(data)


def page_weight(doc):
    """What a browser fetches for a page: the HTML, its CSS, scripts and pictures, and its animations' frames."""
    path = page(doc)
    html = soup(path)
    files = {path}
    for node, attr in (("link[rel=stylesheet]", "href"), ("script[src]", "src"), ("img[src]", "src")):
        for tag in html.select(node):
            value = tag[attr]
            if urlparse(value).scheme or value.startswith(("data:", "//")):
                continue
            files.add((path.parent / unquote(urlparse(value).path)).resolve())
    for data in html.select("script.skratch-player-data"):
        for frame in json.loads(data.string)["frames"]:
            if frame:
                files.add((path.parent / unquote(urlparse(frame["src"]).path)).resolve())
    return sum(_transfer(f) for f in files if f.is_file())


@pytest.mark.parametrize("doc", unit_documents())
def test_site_unit_pages_stay_light(site, doc):
    """Check that a unit page with its CSS, scripts, pictures and animation frames weighs under 1.5 MB as served."""
    weight = page_weight(doc)
    assert weight < MAX_UNIT_PAGE_BYTES, f"{doc} weighs {weight / 1e6:.2f} MB as served, over {MAX_UNIT_PAGE_BYTES / 1e6} MB"


def gallery_documents():
    """The gallery's index and its page per part of the book, as the toc lists them.

    Named from the toc, not globbed from the build: a page left by an earlier build (a part
    renumbered when a level is added) is not the gallery any more.
    """
    return [d for d in toc_documents() if d == "book/figures/index" or d.startswith("book/figures/gallery-")]


def test_site_gallery_stays_light(site):
    """Check that each page of the figure gallery, thumbnails included, weighs under 1 MB as served."""
    weights = {doc: page_weight(doc) for doc in gallery_documents()}
    assert len(weights) > 1, "the gallery has no page per part of the book"
    heavy = {doc: f"{w / 1e6:.2f} MB" for doc, w in weights.items() if w >= MAX_GALLERY_BYTES}
    assert not heavy, f"gallery pages over {MAX_GALLERY_BYTES / 1e6} MB as served: {heavy}"


def test_site_gallery_shows_every_figure_once(site):
    """Check that the gallery's pages, together, have one card for each figure script."""
    cards = []
    for doc in gallery_documents():
        for link in soup(page(doc)).select(".sd-card a.sd-stretched-link"):
            match = re.fullmatch(r"(plot_[a-z0-9_]+)\.html", link["href"].split("#")[0])
            if match:
                cards.append(match.group(1))
    scripts = sorted(p.stem for p in (ROOT / "code" / "figures").glob("plot_*.py"))
    missing = sorted(set(scripts) - set(cards))
    repeated = sorted({c for c in cards if cards.count(c) > 1})
    assert not missing, f"figures missing from the gallery: {missing}"
    assert not repeated, f"figures with more than one gallery card: {repeated}"


@pytest.mark.parametrize("doc", toc_documents())
def test_site_code_and_outputs_fit_the_column(site, doc):
    """Check that no line of code or output is longer than a code block holds at 1280 px (76 characters)."""
    long_lines = []
    for pre in soup(page(doc)).select("article pre"):
        boxed = pre.find_parent(class_=["admonition", "dropdown", "solution", "exercise"]) is not None
        indented = pre.find_parent("dd") is not None  # an API entry's body, indented under its signature
        limit = MAX_CODE_COLUMNS_IN_A_BOX if boxed else MAX_CODE_COLUMNS_INDENTED if indented else MAX_CODE_COLUMNS
        for line in pre.get_text().splitlines():
            if len(line.rstrip()) > limit:
                where = f"limit {limit}"
                long_lines.append(f"{len(line.rstrip())} characters ({where}): {line.strip()[:70]!r}")
    assert not long_lines, (
        f"{doc}: lines too long for their block are cut off at the right "
        f"(wrap the code, print narrower tables):\n" + "\n".join(long_lines)
    )


@pytest.mark.parametrize("doc", content_pages())
def test_site_pages_show_no_figure_calls(site, doc):
    """Check that the show("plot_...") cells print only their picture: their input is hidden on the site."""
    calls = [pre.get_text().strip() for pre in soup(page(doc)).select("article pre") if 'show("plot_' in pre.get_text()]
    calls = [c for c in calls if re.fullmatch(r'show\("plot_[a-z0-9_]+"\)', c)]
    assert not calls, f"{doc}: figure calls shown as code: {calls}"


def test_site_ids_are_unique_on_every_page(site):
    """Check that no page repeats an HTML id (links to it would land on the first, screen readers get confused)."""
    repeated = {}
    for path in sorted(HTML.rglob("*.html")):
        if path.relative_to(HTML).parts[0] in {"_static", "_sources"}:
            continue
        ids = [n["id"] for n in soup(path).select("[id]")]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            repeated[str(path.relative_to(HTML))] = twice
    assert not repeated, f"Repeated ids: {repeated}"


def test_site_pages_have_a_description_and_a_card(site):
    """Check that every page has a meta description and an Open Graph title, description and image."""
    missing = []
    for doc in toc_documents():
        html = soup(page(doc))
        for selector in ('meta[name="description"]', 'meta[property="og:title"]', 'meta[property="og:description"]', 'meta[property="og:image"]'):
            tag = html.select_one(selector)
            if tag is None or not tag.get("content", "").strip():
                missing.append(f"{doc}: {selector}")
    assert not missing, "Pages without their preview metadata:\n" + "\n".join(missing)


def test_site_home_page_title_is_not_doubled(site):
    """Check that the home page's <title> is the site's name once."""
    title = soup(page("book/index")).title.get_text()
    name = load_config()["title"]
    assert title == name, f"the home page's title is {title!r}"
