"""The figure scripts of the course, and the few tools they share.

Every figure and animation in Skratch is drawn by one script in this folder,
``plot_<unit>_<subject>.py``. A script is a plain runnable file:

* a module docstring whose first line is the figure's title and whose first
  paragraph says what the picture shows (it becomes the image's alt text);
* a function ``draw()`` that returns a matplotlib ``Figure`` or an
  :class:`Animation`;
* ``if __name__ == "__main__": save_cli(draw, __file__)`` at the bottom, so
  ``python code/figures/plot_x.py`` writes the picture to ``book/_figures/``.

The same script serves three readers:

* **the book build** runs it to write ``<name>.png`` (and, for an animation,
  ``<name>.html``, a self-contained player), and shows its source on a page of
  its own that every caption links to;
* **a notebook** (Jupyter, Binder, Colab) calls ``show("plot_x")``, which runs
  ``draw()`` and displays the result inline;
* **a reader** can run it alone and change it.

This folder is installed as the subpackage ``skratch.figures`` (see
``pyproject.toml``), so a notebook on Colab draws the same figures after
``pip install``. Matplotlib and Pillow are needed here only, never by the
models.
"""

import argparse
import base64
import html
import importlib
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

__all__ = ["Animation", "COLORS", "describe", "describe_file", "new_figure", "save", "save_cli", "show"]

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

# One look for every figure of the book. White, not transparent, backgrounds keep
# the black text readable when the site is in dark mode.
STYLE = {
    "figure.figsize": (6.4, 4.0),
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "legend.frameon": False,
    "svg.hashsalt": "skratch",  # deterministic ids, should a script save SVG
}

# An animation frame is smaller than a still: a page with a player stays light.
ANIMATION_DPI = 72
ANIMATION_COLORS = 32  # palette size of each frame (PNG-8); plots need few colours


def _style():
    import matplotlib
    from cycler import cycler

    matplotlib.rcParams.update(STYLE, **{"axes.prop_cycle": cycler(color=list(COLORS.values()))})


def new_figure(nrows=1, ncols=1, **kwargs):
    """Return ``(fig, ax)`` from ``plt.subplots`` in the course's style.

    Use this instead of ``plt.subplots`` in a figure script so every figure
    shares fonts, colours and background.
    """
    import matplotlib

    if not _in_notebook():
        matplotlib.use("Agg")  # no window when a script runs in the build
    import matplotlib.pyplot as plt

    _style()
    return plt.subplots(nrows, ncols, layout="constrained", **kwargs)


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
    """

    fig: object
    update: Callable[[int], object]
    n_frames: int
    interval: int = 200
    labels: list = None

    def frames_png(self):
        """Render every frame as PNG bytes (palette PNG, so pages stay small)."""
        from PIL import Image

        frames = []
        for i in range(self.n_frames):
            self.update(i)
            buffer = io.BytesIO()
            self.fig.savefig(buffer, format="png", dpi=ANIMATION_DPI)
            image = Image.open(buffer).convert("RGB")
            image = image.quantize(colors=ANIMATION_COLORS, method=Image.Quantize.MEDIANCUT)
            out = io.BytesIO()
            image.save(out, format="png", optimize=True)
            frames.append(out.getvalue())
        return frames

    def to_html(self, player_id, alt):
        """Return a self-contained HTML player: the frames, a play button and a slider.

        The ids come from ``player_id`` so the output is the same on every run (the
        notebook checks compare it). The controls are labelled for screen readers and
        work with the keyboard; without JavaScript the last frame is shown.
        """
        frames = self.frames_png()
        labels = self.labels or [f"frame {i + 1} of {self.n_frames}" for i in range(self.n_frames)]
        uris = [f"data:image/png;base64,{base64.b64encode(f).decode('ascii')}" for f in frames]
        pid = re.sub(r"[^a-zA-Z0-9_-]", "-", player_id)
        last = self.n_frames - 1
        return _PLAYER.format(
            id=pid,
            alt=html.escape(alt, quote=True),
            last=last,
            first_uri=uris[last],
            first_label=html.escape(labels[last]),
            interval=int(self.interval),
            frames="[" + ",".join(f'"{u}"' for u in uris) + "]",
            labels="[" + ",".join(f'"{html.escape(s)}"' for s in labels) + "]",
        )


_PLAYER = """<div class="skratch-player" id="{id}" role="group" aria-label="Animation: {alt}">
<img class="skratch-player-frame" src="{first_uri}" alt="{alt}">
<div class="skratch-player-controls">
<button type="button" class="skratch-player-play" aria-label="Play animation">&#9654; Play</button>
<label class="skratch-player-label">Frame <input type="range" class="skratch-player-slider" min="0" max="{last}" value="{last}" step="1" aria-label="Animation frame"></label>
<output class="skratch-player-status" aria-live="polite">{first_label}</output>
</div>
<script>
(function () {{
  var root = document.getElementById("{id}");
  if (!root || root.dataset.ready) return;
  root.dataset.ready = "1";
  var frames = {frames}, labels = {labels}, timer = null;
  var img = root.querySelector("img"), slider = root.querySelector("input"),
      status = root.querySelector("output"), button = root.querySelector("button");
  function show(i) {{
    img.src = frames[i]; slider.value = i;
    var t = document.createElement("textarea"); t.innerHTML = labels[i]; status.textContent = t.value;
  }}
  function stop() {{ clearInterval(timer); timer = null; button.innerHTML = "&#9654; Play"; button.setAttribute("aria-label", "Play animation"); }}
  button.addEventListener("click", function () {{
    if (timer) {{ stop(); return; }}
    var i = Number(slider.value) >= {last} ? -1 : Number(slider.value);
    button.innerHTML = "&#10074;&#10074; Pause"; button.setAttribute("aria-label", "Pause animation");
    timer = setInterval(function () {{ i += 1; if (i > {last}) {{ stop(); return; }} show(i); }}, {interval});
  }});
  slider.addEventListener("input", function () {{ stop(); show(Number(slider.value)); }});
}})();
</script>
</div>"""


def describe(module):
    """Return ``(title, description)`` from a figure script's docstring.

    The title is the first line; the description is the first paragraph after
    the title underline, joined into one line. It serves as alt text.
    """
    doc = (module.__doc__ if not isinstance(module, str) else module) or ""
    lines = [line.strip() for line in doc.strip().splitlines()]
    if not lines or not lines[0]:
        raise ValueError("A figure script needs a docstring: a title line, then a paragraph.")
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
        raise ValueError(f"The docstring of figure {title!r} needs a paragraph describing the picture.")
    return title, " ".join(paragraph)


def describe_file(path):
    """``describe`` for a script file, read without running it (no matplotlib needed)."""
    import ast

    return describe(ast.get_docstring(ast.parse(Path(path).read_text(encoding="utf-8"))) or "")


def _in_notebook():
    import sys

    return "ipykernel" in sys.modules


def _load(name):
    if not re.fullmatch(r"plot_[a-z0-9_]+", name):
        raise ValueError(f"A figure script is named plot_<unit>_<subject>; got {name!r}.")
    return importlib.import_module(f"{__name__}.{name}")


def show(name):
    """Draw the figure of script ``name`` (e.g. ``"plot_linear_regression_fit"``) inline.

    In a notebook a still figure is displayed as a PNG and an animation as the
    same HTML player the book uses. Returns nothing, so no stray ``<Figure ...>``
    text is printed.
    """
    from IPython.display import HTML, display
    import matplotlib.pyplot as plt

    module = _load(name)
    result = module.draw()
    if isinstance(result, Animation):
        display(HTML(result.to_html(name, describe(module)[1])))
        plt.close(result.fig)
    else:
        display(result)
        plt.close(result)


def save(result, name, out_dir, alt):
    """Write a figure (``<name>.png``) or an animation (``<name>.html`` and a poster PNG)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    if isinstance(result, Animation):
        (out_dir / f"{name}.html").write_text(result.to_html(name, alt), encoding="utf-8")
        written.append(out_dir / f"{name}.html")
        fig = result.fig  # the last frame is the poster, as in the player
    else:
        fig = result
        # A script that used to draw an animation leaves no stale player behind.
        (out_dir / f"{name}.html").unlink(missing_ok=True)
    fig.savefig(out_dir / f"{name}.png", metadata={"Software": None})
    written.append(out_dir / f"{name}.png")
    return written


def save_cli(draw, script_file):
    """Entry point of every figure script: draw, then save to ``--out``.

    The default output folder is ``book/_figures`` of the checkout the script
    lives in, where the book build looks for it.
    """
    path = Path(script_file).resolve()
    root = path.parents[2]
    default = root / "book" / "_figures" if (root / "_config.yml").exists() else Path.cwd()
    title, alt = describe_file(path)
    parser = argparse.ArgumentParser(description=title)
    parser.add_argument("--out", type=Path, default=default, help=f"output folder (default: {default})")
    args = parser.parse_args()
    for written in save(draw(), path.stem, args.out, alt):
        print(written)
