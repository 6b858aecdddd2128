"""The figure scripts of the course, and the few tools the course's pages share.

Every figure and animation in Skratch is drawn by one script in this folder,
``plot_<unit>_<subject>.py``. A script is a plain runnable file:

* a module docstring whose first line is the figure's title and whose first
  paragraph says what the picture shows (it becomes the image's alt text);
* a function ``draw()`` that returns a matplotlib ``Figure`` or an
  :class:`Animation`;
* ``if __name__ == "__main__": save_cli(draw, __file__)`` at the bottom, so
  ``python code/figures/plot_x.py`` writes the picture to ``book/_figures/``.

The same script serves three readers:

* **the book build** runs it to write ``<name>.png`` (for an animation also
  ``<name>.json`` and the frames in ``<name>/``), and shows its source on a
  page of its own that every caption links to;
* **a notebook** (Jupyter, Binder, Colab) calls ``show("plot_x")``, which runs
  ``draw()`` and displays the result inline;
* **a reader** can run it alone and change it.

**Sizes.** The site's text column is :data:`COLUMN_PX` CSS pixels wide at a
1280 px window. A figure is shown at :data:`PIXELS_PER_INCH` CSS pixels per
inch of its ``figsize``, and never wider than the column, so a 6.4-inch figure
fills the column. Its PNG has twice those pixels, sharp on high-density screens.
Text in a figure must be at least :data:`MIN_TEXT_PX` pixels on the page, the
size of a caption (``tests/figures`` measures every label).

``show_source`` displays the code of a ``skratch`` function or class in a
notebook, highlighted, with a link to the file in the repository: the second
half of every unit's "From scratch".

This folder is installed as the subpackage ``skratch.figures`` (see
``pyproject.toml``), so a notebook on Colab draws the same figures after
``pip install``. Matplotlib and Pillow are needed here only, never by the
models.
"""

import argparse
import base64
import hashlib
import html
import importlib
import inspect
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

__all__ = [
    "Animation",
    "COLORS",
    "COLUMN_PX",
    "MARKERS",
    "MIN_TEXT_PX",
    "PIXELS_PER_INCH",
    "describe",
    "describe_file",
    "new_figure",
    "render_png",
    "save",
    "save_cli",
    "show",
    "show_source",
]

# Okabe-Ito colours: distinguishable with every common kind of colour blindness.
COLORS = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "red": "#D55E00",
    "purple": "#CC79A7",
    "sky": "#56B4E9",
    "yellow": "#F0E442",
    "grey": "#6B6B6B",
    "black": "#000000",
}
# Classes differ by marker shape as well as colour (class k gets MARKERS[k]), so a
# figure still reads in greyscale and for readers who cannot tell the colours apart.
MARKERS = ["o", "^", "s", "D", "v", "P", "X", "*"]

# The text column of the site at a 1280 px window, in CSS pixels (sphinx-book-theme's
# article width minus its padding); a 6.4-inch figure fills it.
COLUMN_PX = 688
FULL_WIDTH_INCHES = 6.4
PIXELS_PER_INCH = (
    COLUMN_PX / FULL_WIDTH_INCHES
)  # 107.5 CSS px per inch of figsize
# A PNG has twice the CSS pixels it is shown at: sharp on phones and high-density screens.
PIXEL_RATIO = 2
# The caption's font size (0.9rem, book/_static/skratch.css): no text in a figure is smaller.
MIN_TEXT_PX = 14.4

# One look for every figure of the book. White, not transparent, backgrounds keep
# the black text readable when the site is in dark mode.
STYLE = {
    "figure.figsize": (FULL_WIDTH_INCHES, 4.0),
    "figure.dpi": 100,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "xtick.labelsize": 11,
    "ytick.labelsize": 11,
    "legend.fontsize": 11,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "legend.frameon": False,
    "svg.hashsalt": "skratch",  # deterministic ids, should a script save SVG
}

# Pictures are palette PNGs: plots need few colours, and a palette makes the file three to
# four times smaller than full colour (a smooth colour map keeps its look with 256).
STILL_COLORS = 256
ANIMATION_COLORS = 32
# Pixels of margin around what changes in a frame (see Animation.render).
OVERLAY_MARGIN = 3


def _style():
    import matplotlib
    from cycler import cycler

    matplotlib.rcParams.update(
        STYLE, **{"axes.prop_cycle": cycler(color=list(COLORS.values()))}
    )


def new_figure(nrows=1, ncols=1, **kwargs):
    """Return ``(fig, ax)`` from ``plt.subplots`` in the course's style.

    Use this instead of ``plt.subplots`` in a figure script so every figure
    shares fonts, colours and background. Keep ``figsize`` at most 6.4 inches
    wide: wider figures are shrunk to the column, and their text with them.
    """
    import matplotlib

    if not _in_notebook():
        matplotlib.use("Agg")  # no window when a script runs in the build
    import matplotlib.pyplot as plt

    _style()
    return plt.subplots(nrows, ncols, layout="constrained", **kwargs)


def css_width(fig):
    """The width in CSS pixels at which the site shows ``fig``: its figsize, at most the column."""
    return min(fig.get_figwidth() * PIXELS_PER_INCH, COLUMN_PX)


def render_png(fig, pixel_ratio=PIXEL_RATIO, colors=STILL_COLORS):
    """Render ``fig`` as PNG bytes with ``pixel_ratio`` pixels per CSS pixel it is shown at.

    Returns ``(png_bytes, (width, height))`` in pixels. The image is reduced to a
    palette of ``colors`` colours (``None`` keeps full colour).
    """
    from PIL import Image

    buffer = io.BytesIO()
    dpi = pixel_ratio * css_width(fig) / fig.get_figwidth()
    fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    data = buffer.getvalue()
    image = Image.open(io.BytesIO(data))
    if colors:
        image = image.convert("RGB").quantize(
            colors=colors,
            method=Image.Quantize.FASTOCTREE,
            dither=Image.Dither.NONE,
        )
        out = io.BytesIO()
        image.save(out, format="png", optimize=True)
        data = out.getvalue()
    return data, image.size


@dataclass
class Animation:
    """An animation as a figure plus a function that draws frame ``i``.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure the frames are drawn on.
    update : callable
        ``update(i)`` changes the artists of ``fig`` to show frame ``i``.
    n_frames : int
        Number of frames; ``update`` is called with ``0, 1, ..., n_frames - 1``.
    interval : int, default=200
        Milliseconds between frames when playing.
    labels : list of str, optional
        A short text per frame shown beside the slider (e.g. ``"step 3"``).
    poster : int, default=0
        The frame the player opens on, and the still picture of the gallery.
        Frame 0 suits an animation the reader starts with Play.
    """

    fig: object
    update: Callable[[int], object]
    n_frames: int
    interval: int = 200
    labels: list = None
    poster: int = 0

    def render(self, pixel_ratio=PIXEL_RATIO):
        """Render the frames as a base picture and one small overlay per frame.

        Frame 0 is the base, a full PNG. Every other frame is stored as the rectangle
        of pixels where it differs from the base, with the unchanged pixels transparent:
        the axes, grid and background are sent once, and the player lays each overlay
        on the base. Returns ``(spec, files)``: ``spec`` is the player's description
        (sizes, boxes, labels) and ``files`` the PNG bytes, ``files[0]`` the base and
        ``None`` for a frame equal to it.
        """
        import numpy as np

        if not 0 <= self.poster < self.n_frames:
            raise ValueError(
                f"poster must be a frame number in [0, {self.n_frames - 1}]; got {self.poster}."
            )
        labels = self.labels or [
            f"frame {i + 1} of {self.n_frames}"
            for i in range(self.n_frames)
        ]
        if len(labels) != self.n_frames:
            raise ValueError(
                f"labels has {len(labels)} entries for {self.n_frames} frames."
            )
        dpi = pixel_ratio * css_width(self.fig) / self.fig.get_figwidth()
        self.fig.set_dpi(dpi)
        files, boxes, base = [], [], None
        for i in range(self.n_frames):
            self.update(i)
            self.fig.canvas.draw()
            frame = np.array(self.fig.canvas.buffer_rgba())[
                ..., :3
            ]  # (height, width, 3)
            if base is None:
                base = frame
                files.append(_palette_png(base))
                boxes.append(None)
                continue
            # Grow the changed pixels by a margin: the browser shrinks the overlay to its
            # CSS size, and a transparent pixel next to a changed one would blend the old
            # picture back in (a ghost of the previous text around the new).
            changed = _grow(
                np.any(frame != base, axis=2), OVERLAY_MARGIN
            )  # (height, width)
            if not changed.any():
                files.append(None)
                boxes.append(None)
                continue
            rows, cols = (
                np.nonzero(changed.any(axis=1))[0],
                np.nonzero(changed.any(axis=0))[0],
            )
            top, bottom, left, right = (
                rows[0],
                rows[-1] + 1,
                cols[0],
                cols[-1] + 1,
            )
            alpha = np.where(
                changed[top:bottom, left:right], 255, 0
            ).astype(np.uint8)
            files.append(_palette_png(frame[top:bottom, left:right], alpha))
            boxes.append(
                [int(left), int(top), int(right - left), int(bottom - top)]
            )
        self.update(self.poster)
        height, width = base.shape[:2]
        spec = {
            "width": int(width),
            "height": int(height),
            "css_width": round(width / pixel_ratio),
            "css_height": round(height / pixel_ratio),
            "interval": int(self.interval),
            "poster": int(self.poster),
            "labels": [str(label) for label in labels],
            "boxes": boxes,
        }
        return spec, files

    def to_html(self, player_id, alt, script=None):
        """Return a self-contained HTML player: the frames inline, a play button and a slider.

        This is what a notebook shows (Jupyter, Binder, Colab); the book replaces the
        inline frames with files the browser caches. The ids come from ``player_id``,
        so the output is the same on every run (the notebook checks compare it).
        """
        spec, files = self.render(
            pixel_ratio=1
        )  # the book swaps in its sharper files
        sources = [
            None
            if f is None
            else "data:image/png;base64,"
            + base64.b64encode(f).decode("ascii")
            for f in files
        ]
        return player_html(
            player_id, alt, spec, sources, script=script, inline_script=True
        )


def _grow(mask, margin):
    """``mask`` with every True pixel widened into a square of side 2 * margin + 1."""
    import numpy as np

    grown = mask.copy()
    for shift in range(1, margin + 1):
        grown[shift:] |= mask[:-shift]
        grown[:-shift] |= mask[shift:]
    wide = grown.copy()
    for shift in range(1, margin + 1):
        wide[:, shift:] |= grown[:, :-shift]
        wide[:, :-shift] |= grown[:, shift:]
    return wide


def _palette_png(rgb, alpha=None):
    """PNG bytes of an RGB array in a small palette; with ``alpha`` (a 0/255 mask), the
    masked-out pixels get a palette entry of their own that is fully transparent, and
    every other pixel is fully opaque (no half-transparent edge lets the base show through)."""
    import numpy as np
    from PIL import Image

    colors = ANIMATION_COLORS if alpha is None else ANIMATION_COLORS - 1
    image = Image.fromarray(np.ascontiguousarray(rgb)).quantize(
        colors=colors, method=Image.Quantize.MEDIANCUT
    )
    options = {}
    if alpha is not None:
        index = np.array(image)  # (height, width) palette indices
        palette = image.getpalette()[: 3 * colors]
        clear = len(palette) // 3  # the first unused entry
        index[alpha == 0] = clear
        image = Image.fromarray(index.astype(np.uint8), "P")
        image.putpalette(palette + [255, 255, 255])
        options["transparency"] = clear
    out = io.BytesIO()
    image.save(out, format="png", optimize=True, **options)
    return out.getvalue()


def _player_js():
    return (Path(__file__).with_name("player.js")).read_text(
        encoding="utf-8"
    )


def player_html(
    player_id,
    alt,
    spec,
    sources,
    script=None,
    inline_script=False,
    link=None,
):
    """The player's markup: a stage (base picture and overlay), the controls and the frame data.

    ``sources[i]`` is the URL (or data URI) of frame ``i``'s picture, ``None`` when it
    equals the base. ``link`` wraps the stage in a link (the book points it at the
    script's page). ``inline_script`` appends the player's code (``player.js``) for
    pages that do not load it, such as notebooks.
    """
    pid = re.sub(r"[^a-zA-Z0-9_-]", "-", player_id)
    poster = spec["poster"]
    labels = spec["labels"]
    # Frame 0 is the base picture itself; a frame equal to it has no overlay.
    frames = [
        {"src": src, "box": box}
        if src is not None and box is not None
        else None
        for src, box in zip(sources, spec["boxes"])
    ]
    data = {
        "width": spec["width"],
        "height": spec["height"],
        "interval": spec["interval"],
        "poster": poster,
        "labels": labels,
        "frames": frames,
    }
    # One frame per line, so the notebook checks can mask each frame's pixels on its own.
    payload = (
        "{\n"
        + ",\n".join(
            f'"{key}": {json.dumps(value)}'
            for key, value in data.items()
            if key != "frames"
        )
        + ',\n"frames": [\n'
        + ",\n".join(json.dumps(f) for f in frames)
        + "\n]}"
    )
    payload = payload.replace("</", "<\\/")
    alt_attr = html.escape(alt, quote=True)
    overlay = _overlay_style(spec, poster)
    overlay_src = frames[poster]["src"] if frames[poster] else sources[0]
    stage = (
        f'<img class="skratch-player-base" src="{html.escape(sources[0], quote=True)}" alt="{alt_attr}" '
        f'width="{spec["css_width"]}" height="{spec["css_height"]}">'
        f'<img class="skratch-player-overlay" alt="" src="{html.escape(overlay_src, quote=True)}" {overlay}>'
    )
    if link:
        stage = f'<a class="skratch-player-link" href="{html.escape(link, quote=True)}" title="The script that draws this animation">{stage}</a>'
    script_attr = (
        f' data-script="{html.escape(script, quote=True)}"'
        if script
        else ""
    )
    code = f"<script>\n{_player_js()}</script>\n" if inline_script else ""
    return f"""<div class="skratch-player" id="{pid}"{script_attr} role="group" aria-label="Animation: {alt_attr}" style="max-width: {spec["css_width"]}px">
<div class="skratch-player-stage" style="aspect-ratio: {spec["width"]} / {spec["height"]}">{stage}</div>
<div class="skratch-player-controls">
<button type="button" class="skratch-player-play" aria-label="Play animation">&#9654; Play</button>
<label class="skratch-player-label">Frame <input type="range" class="skratch-player-slider" min="0" max="{len(labels) - 1}" value="{poster}" step="1" aria-label="Animation frame"></label>
<output class="skratch-player-status" aria-live="polite">{html.escape(labels[poster])}</output>
</div>
<script type="application/json" class="skratch-player-data">
{payload}
</script>
{code}</div>"""


def _overlay_style(spec, frame):
    box = spec["boxes"][frame]
    if box is None:
        return "hidden"
    return 'style="{}"'.format(_box_css(box, spec["width"], spec["height"]))


def _box_css(box, width, height):
    left, top, w, h = box
    return f"left: {100 * left / width:.4f}%; top: {100 * top / height:.4f}%; width: {100 * w / width:.4f}%"


def describe(module):
    """Return ``(title, description)`` from a figure script's docstring.

    The title is the first line; the description is the first paragraph after
    the title underline, joined into one line. It serves as alt text.
    """
    doc = (module.__doc__ if not isinstance(module, str) else module) or ""
    lines = [line.strip() for line in doc.strip().splitlines()]
    if not lines or not lines[0]:
        raise ValueError(
            "A figure script needs a docstring: a title line, then a paragraph."
        )
    title = lines[0]
    rest = lines[1:]
    if rest and rest[0] and set(rest[0]) <= set("=-~"):
        rest = rest[1:]
    paragraph = []
    for line in rest:
        if not line and paragraph:
            break
        if line:
            paragraph.append(line)
    if not paragraph:
        raise ValueError(
            f"The docstring of figure {title!r} needs a paragraph describing the picture."
        )
    return title, " ".join(paragraph)


def describe_file(path):
    """``describe`` for a script file, read without running it (no matplotlib needed)."""
    import ast

    return describe(
        ast.get_docstring(ast.parse(Path(path).read_text(encoding="utf-8")))
        or ""
    )


def _in_notebook():
    import sys

    return "ipykernel" in sys.modules


def _load(name):
    if not re.fullmatch(r"plot_[a-z0-9_]+", name):
        raise ValueError(
            f"A figure script is named plot_<unit>_<subject>; got {name!r}."
        )
    return importlib.import_module(f"{__name__}.{name}")


def show(name):
    """Draw the figure of script ``name`` (e.g. ``"plot_linear_regression_fit"``) inline.

    In a notebook a still figure is displayed as a PNG at twice its on-screen size
    (sharp on any screen) and an animation as the same player the book uses.
    Returns nothing, so no stray ``<Figure ...>`` text is printed.
    """
    from IPython.display import HTML, Image, display
    import matplotlib.pyplot as plt

    module = _load(name)
    result = module.draw()
    if isinstance(result, Animation):
        display(
            HTML(result.to_html(name, describe(module)[1], script=name))
        )
        plt.close(result.fig)
    else:
        data, (width, _) = render_png(result)
        display(Image(data=data, format="png", width=width // PIXEL_RATIO))
        plt.close(result)


def save(result, name, out_dir, alt):
    """Write a figure (``<name>.png``) or an animation (its poster PNG, ``<name>.json``, frames in ``<name>/``)."""
    import shutil

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    frames_dir = out_dir / name
    spec_path = out_dir / f"{name}.json"
    if isinstance(result, Animation):
        spec, files = result.render()
        if frames_dir.exists():
            shutil.rmtree(frames_dir)
        frames_dir.mkdir()
        spec["frames"] = []
        for i, data in enumerate(files):
            if data is None:
                spec["frames"].append(None)
                continue
            path = frames_dir / f"{i:03d}.png"
            path.write_bytes(data)
            spec["frames"].append(path.name)
            written.append(path)
        spec["alt"] = alt
        spec["version"] = hashlib.sha256(
            b"".join(f for f in files if f)
        ).hexdigest()[:12]
        spec_path.write_text(
            json.dumps(spec, indent=1) + "\n", encoding="utf-8"
        )
        written.append(spec_path)
        fig = result.fig  # update() left it on the poster frame
    else:
        fig = result
        # A script that used to draw an animation leaves no stale frames behind.
        spec_path.unlink(missing_ok=True)
        if frames_dir.exists():
            shutil.rmtree(frames_dir)
    data, _ = render_png(fig)
    (out_dir / f"{name}.png").write_bytes(data)
    written.append(out_dir / f"{name}.png")
    return written


def save_cli(draw, script_file):
    """Entry point of every figure script: draw, then save to ``--out``.

    The default output folder is ``book/_figures`` of the checkout the script
    lives in, where the book build looks for it.
    """
    path = Path(script_file).resolve()
    root = path.parents[2]
    default = (
        root / "book" / "_figures"
        if (root / "_config.yml").exists()
        else Path.cwd()
    )
    title, alt = describe_file(path)
    parser = argparse.ArgumentParser(description=title)
    parser.add_argument(
        "--out",
        type=Path,
        default=default,
        help=f"output folder (default: {default})",
    )
    args = parser.parse_args()
    for written in save(draw(), path.stem, args.out, alt):
        if written.suffix != ".png" or written.parent == args.out:
            print(written)


# --- Showing the package's code --------------------------------------------------------


@dataclass
class Source:
    """The source of a ``skratch`` object, shown highlighted in a notebook (see :func:`show_source`)."""

    qualname: str
    path: str
    first: int
    last: int
    code: str
    url: str

    api: tuple = None  # (name, url) of the API page that documents it, if there is one

    def _repr_markdown_(self):
        lines = (
            f"line {self.first}"
            if self.first == self.last
            else f"lines {self.first}-{self.last}"
        )
        api = (
            f" · API reference: [{self.api[0]}]({self.api[1]})"
            if self.api
            else ""
        )
        return (
            f"`{self.qualname}` in [`{self.path}`, {lines}]({self.url}){api}\n\n"
            f"```python\n{self.code}\n```\n"
        )

    def __repr__(self):
        return f"# {self.qualname}: {self.path}, lines {self.first}-{self.last}\n{self.code}"


def _project_url(label, default):
    """A URL of the package's metadata (pyproject.toml's [project.urls])."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        urls = metadata("skratch").get_all("Project-URL") or []
    except PackageNotFoundError:
        urls = []
    for entry in urls:
        name, _, url = entry.partition(",")
        if name.strip().lower() == label:
            return url.strip().rstrip("/")
    return default


def _repository_url():
    """The repository named in the package's metadata (pyproject.toml's Repository URL)."""
    return _project_url(
        "repository", "https://github.com/skratch-ml/skratch"
    )


def _api_page(obj, module):
    """``(name, url)`` of the API page that documents ``obj``: its own, its class's (for a
    method), or that of its module's public estimator (for a private helper)."""
    family = (
        module.__name__.split(".")[1]
        if module.__name__.count(".") >= 1
        else None
    )
    if family is None:
        return None
    try:
        public = getattr(
            importlib.import_module(f"skratch.{family}"), "__all__", []
        )
    except ImportError:
        return None
    owner = getattr(
        obj, "__qualname__", getattr(obj, "__name__", "")
    ).split(".")[0]
    if owner not in public:
        owner = next(
            (
                name
                for name in getattr(module, "__all__", [])
                if name in public
            ),
            None,
        )
    if owner is None:
        return None
    site = _project_url("homepage", "https://skratch-ml.github.io/skratch")
    return owner, f"{site}/book/api/skratch.{family}.{owner}.html"


def show_source(obj, branch="main"):
    """Show the code of a ``skratch`` function, class or method, highlighted, with a link to its file.

    This is the second half of a unit's "From scratch": after the page has built the
    algorithm's core in a few readable lines, it shows the package's real code. Pass
    the object itself (``LinearRegression._fit_gradient_descent``), never a string to
    search for, so the code shown is exactly one function and moves with it.

    In a notebook the result displays as Markdown: a link to the file and lines on the
    repository and to the API reference page that documents it, then the code as a
    highlighted Python block (the book renders it with the page's colours, light or dark).
    """
    obj = inspect.unwrap(obj)
    module = inspect.getmodule(obj)
    if module is None or not module.__name__.startswith("skratch."):
        raise ValueError(
            f"show_source shows skratch's own code; {obj!r} is not part of skratch."
        )
    lines, first = inspect.getsourcelines(obj)
    code = _dedent(lines)
    path = _repository_path(Path(inspect.getsourcefile(obj)).resolve())
    last = first + len(lines) - 1
    url = f"{_repository_url()}/blob/{branch}/{path}#L{first}-L{last}"
    qualname = f"{module.__name__}.{getattr(obj, '__qualname__', getattr(obj, '__name__', ''))}"
    return Source(
        qualname, path, first, last, code, url, _api_page(obj, module)
    )


def _repository_path(file):
    """Where a file of the installed package lives in the repository (``code/...``)."""
    package = (
        Path(importlib.import_module("skratch").__file__).resolve().parent
    )
    relative = file.relative_to(
        package.parent
    ).as_posix()  # skratch/... or figures/...
    if relative.startswith("skratch/figures/"):  # installed from the wheel
        relative = relative[len("skratch/") :]
    return "code/" + relative


def _dedent(lines):
    import textwrap

    return textwrap.dedent("".join(lines)).rstrip("\n")
