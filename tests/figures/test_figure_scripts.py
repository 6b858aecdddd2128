"""Tests for the figure scripts in code/figures: each runs on its own, is described, is
deterministic, and is legible on the page (text size, legends, classes told apart)."""

import ast
import hashlib
import importlib
import importlib.util
from pathlib import Path

import numpy as np
import pytest

from skratch.figures import COLUMN_PX, MIN_TEXT_PX, Animation, css_width, describe_file

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
from matplotlib.collections import PathCollection  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.text import Text  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = sorted((ROOT / "code" / "figures").glob("plot_*.py"))


def test_figure_scripts_exist():
    """Check that there are figure scripts to test."""
    assert SCRIPTS


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_figure_script_follows_the_template(script):
    """Check the docstring (title and description), draw(), and the save_cli entry point."""
    tree = ast.parse(script.read_text(encoding="utf-8"))
    title, description = describe_file(script)
    assert len(description) >= 80, f"{script.name}: describe the picture in a full paragraph (it is the alt text)"
    functions = {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}
    assert "draw" in functions, f"{script.name}: define draw() returning the figure or Animation"
    assert "save_cli(draw, __file__)" in script.read_text(encoding="utf-8")
    assert "np.random.seed" not in script.read_text() and "np.random.rand" not in script.read_text(), (
        f"{script.name}: use a seeded generator (np.random.default_rng or random_state), not the global one"
    )


_results = {}


def drawing(script, tmp_path_factory):
    """The script drawn once per test session in this process: ``(out, fig, result)``.

    ``out`` is the folder skratch.figures.save wrote from it, ``result`` what draw() returned
    and ``fig`` its figure (an animation's, back on its poster frame), drawn on its canvas.
    Every test of a script reads this one drawing (the slowest scripts take seconds).
    """
    if script not in _results:
        from skratch.figures import describe, save

        module = importlib.import_module(f"skratch.figures.{script.stem}")
        out = tmp_path_factory.mktemp(script.stem)
        result = module.draw()
        save(result, script.stem, out, describe(module)[1])
        fig = result.fig if isinstance(result, Animation) else result
        fig.canvas.draw()
        _results[script] = (out, fig, result)
    return _results[script]


def saved(script, tmp_path_factory):
    """The folder skratch.figures.save wrote for the script in this process."""
    return drawing(script, tmp_path_factory)[0]


def digests(folder):
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _extension():
    """The build's figure module (book/_ext is not an installed package: load its file)."""
    path = ROOT / "book" / "_ext" / "skratch_sphinx" / "figures.py"
    spec = importlib.util.spec_from_file_location("_skratch_figures_ext", path)
    extension = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(extension)
    return extension


@pytest.fixture(scope="module")
def built():
    """book/_figures as the build draws it: every stale script run on its own, in its own process.

    The build and this module share one drawing of each figure (a lock in the folder): under
    `make test` whichever needs the figures first draws them, and the other finds them fresh.
    """
    extension = _extension()
    extension.run_scripts(ROOT)
    return ROOT / extension.OUTPUT


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_figure_script_runs_alone_and_is_deterministic(script, built, tmp_path_factory):
    """Check that the build's run of `python <script>.py --out DIR` (alone, in an empty folder) draws the same bytes as this process."""
    expected = digests(saved(script, tmp_path_factory))
    assert f"{script.stem}.png" in expected
    files = [built / f"{script.stem}.png", built / f"{script.stem}.json", *sorted((built / script.stem).rglob("*"))]
    found = {p.relative_to(built).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in files if p.is_file()}
    assert found == expected, f"{script.name} draws different pictures in two runs"


PROBE = """
import json, os, sys
from PIL import Image
out = sys.argv[sys.argv.index("--out") + 1]
Image.new("RGB", (8, 8)).save(os.path.join(out, "plot_probe.png"))
with open(os.path.join(out, "plot_probe.txt"), "w") as f:
    json.dump({"cwd": os.getcwd(), "env": sorted(os.environ)}, f)
"""


def test_the_build_runs_figure_scripts_alone(tmp_path, monkeypatch):
    """Check that the build runs a script in an empty folder, with no more environment than a shell gives."""
    import json

    (tmp_path / "code" / "figures").mkdir(parents=True)
    (tmp_path / "code" / "figures" / "player.js").write_text("", encoding="utf-8")
    (tmp_path / "code" / "figures" / "plot_probe.py").write_text(PROBE, encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))
    monkeypatch.setenv("SKRATCH_PROBE", "1")
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "1")
    extension = _extension()
    extension.run_scripts(tmp_path)
    seen = json.loads((tmp_path / extension.OUTPUT / "plot_probe.txt").read_text(encoding="utf-8"))
    assert not Path(seen["cwd"]).resolve().is_relative_to(tmp_path.resolve()), seen["cwd"]
    assert not Path(seen["cwd"]).exists(), "the working folder is a fresh temporary one"
    assert "PYTHONPATH" not in seen["env"] and "SKRATCH_PROBE" not in seen["env"], seen["env"]
    assert {"MPLBACKEND", "PYTHONHASHSEED", "OPENBLAS_NUM_THREADS"} <= set(seen["env"]), seen["env"]
    assert (tmp_path / extension.THUMBS / "plot_probe.webp").exists()


ANIMATIONS = [s for s in SCRIPTS if "Animation(" in s.read_text(encoding="utf-8")]


@pytest.mark.parametrize("script", ANIMATIONS, ids=lambda p: p.stem)
def test_animation_frames_show_no_ghost_of_the_first(script, tmp_path_factory):
    """Check that each frame, laid over the base as the browser shows it (at half size), matches the frame itself."""
    import json

    from PIL import Image

    out, _, animation = drawing(script, tmp_path_factory)
    spec = json.loads((out / f"{script.stem}.json").read_text())
    animation.fig.set_dpi(spec["width"] / animation.fig.get_figwidth())

    def half(image):  # the browser's resampling to the CSS size
        return image.resize((image.width // 2, image.height // 2), Image.Resampling.BOX)

    base = Image.open(out / script.stem / spec["frames"][0]).convert("RGBA")
    ghosts, colours = [], []
    for i in sorted({len(spec["frames"]) // 2, len(spec["frames"]) - 1}):
        if not spec["frames"][i]:
            continue
        overlay = Image.open(out / script.stem / spec["frames"][i]).convert("RGBA")
        layer = Image.new("RGBA", base.size, (0, 0, 0, 0))
        layer.paste(overlay, tuple(spec["boxes"][i][:2]))
        full = Image.alpha_composite(base, layer)  # the frame as stored, at full size
        shown = Image.alpha_composite(half(base), half(layer))  # as the browser lays it out
        animation.update(i)
        animation.fig.canvas.draw()
        truth = Image.fromarray(np.asarray(animation.fig.canvas.buffer_rgba())).convert("RGBA")
        ghost = np.abs(np.asarray(shown, float) - np.asarray(half(full), float))[..., :3].max(axis=2)
        colour = np.abs(np.asarray(full, float) - np.asarray(truth, float))[..., :3].max(axis=2)
        ghosts.append((i, float(np.quantile(ghost, 0.999))))
        colours.append((i, round(float(colour.mean()), 2)))
    animation.update(animation.poster)  # the other tests read the poster frame
    animation.fig.canvas.draw()
    assert all(q < 24 for _, q in ghosts), (
        f"{script.name}: laid over the base at half size, frames let the base show through "
        f"(99.9% quantile of the pixel error, per frame): {ghosts}"
    )
    assert all(m < 4 for _, m in colours), f"{script.name}: the palette changes the frames' colours too much (mean error): {colours}"


# --- legible on the page ------------------------------------------------------------------

def drawn(script, tmp_path_factory):
    """The script's figure (an animation's, on its poster frame) and what draw() returned."""
    _, fig, result = drawing(script, tmp_path_factory)
    return fig, result


def visible_texts(fig):
    """Every text the figure shows: non-empty, visible, and inside the picture."""
    renderer = fig.canvas.get_renderer()
    bounds = fig.bbox
    for text in fig.findobj(Text):
        if not text.get_visible() or not text.get_text().strip():
            continue
        if any(not a.get_visible() for a in _ancestors(text)):
            continue
        box = text.get_window_extent(renderer)
        if box.x1 < bounds.x0 or box.x0 > bounds.x1 or box.y1 < bounds.y0 or box.y0 > bounds.y1:
            continue  # a tick label outside the view, never drawn
        yield text


def _ancestors(artist):
    axes = getattr(artist, "axes", None)
    return [axes] if axes is not None else []


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_figure_text_is_never_smaller_than_a_caption(script, tmp_path_factory):
    """Check that every label, tick, legend and annotation is at least MIN_TEXT_PX on the page at 1280 px."""
    fig, _ = drawn(script, tmp_path_factory)
    css_per_inch = css_width(fig) / fig.get_figwidth()
    small = sorted({
        (round(text.get_fontsize() / 72 * css_per_inch, 1), text.get_text()[:30])
        for text in visible_texts(fig)
        if text.get_fontsize() / 72 * css_per_inch < MIN_TEXT_PX - 0.05
    })
    assert not small, (
        f"{script.name}: {fig.get_figwidth():.1f} in wide, shown at {css_width(fig):.0f} px (column {COLUMN_PX} px), "
        f"so these texts are smaller than a caption ({MIN_TEXT_PX} px): {small[:8]}. "
        "Make the figure narrower (6.4 in fills the column) or the text larger."
    )


def _line_points(line, per_pixel=0.5):
    """Display coordinates along a line, with points filled in between its vertices."""
    x, y = (np.asarray(v, dtype=float) for v in line.get_data())
    if x.size == 0:
        return np.empty((0, 2))
    points = line.get_transform().transform(np.column_stack([x, y]))
    points = points[np.all(np.isfinite(points), axis=1)]
    if line.get_linestyle() in {"None", "", " "} or len(points) < 2:
        return points
    filled = [points[:1]]
    for a, b in zip(points[:-1], points[1:]):
        n = max(int(np.hypot(*(b - a)) * per_pixel), 1)
        filled.append(a + (b - a) * np.linspace(0, 1, n + 1)[1:, None])
    return np.vstack(filled)


def _data_points(ax):
    """Display coordinates of the data an axes shows: its lines (filled in) and its scattered points."""
    chunks = []
    for line in ax.get_lines():
        if line.get_visible() and not line.get_label().startswith("_grid"):
            chunks.append(_line_points(line))
    for collection in ax.collections:
        if isinstance(collection, PathCollection) and collection.get_visible():
            offsets = np.asarray(collection.get_offsets(), dtype=float)
            if offsets.size:
                chunks.append(collection.get_offset_transform().transform(offsets))
    return np.vstack(chunks) if chunks else np.empty((0, 2))


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_figure_legends_cover_no_data(script, tmp_path_factory):
    """Check that no legend box sits on a plotted point or line of its axes."""
    fig, _ = drawn(script, tmp_path_factory)
    renderer = fig.canvas.get_renderer()
    problems = []
    for ax in fig.axes:
        legend = ax.get_legend()
        if legend is None or not legend.get_visible():
            continue
        box = legend.get_window_extent(renderer).padded(-2)
        points = _data_points(ax)
        inside = (points[:, 0] > box.x0) & (points[:, 0] < box.x1) & (points[:, 1] > box.y0) & (points[:, 1] < box.y1)
        if inside.any():
            title = ax.get_title() or f"axes {fig.axes.index(ax)}"
            problems.append(f"the legend of {title!r} covers {int(inside.sum())} plotted points")
    assert not problems, f"{script.name}: " + "; ".join(problems) + ". Move the legend (loc=..., or outside the axes)."


def _marker_key(artist):
    if isinstance(artist, PathCollection):
        paths = artist.get_paths()
        return np.round(paths[0].vertices, 3).tobytes() if paths else b""
    return str(artist.get_marker())


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_figure_classes_differ_by_marker_as_well_as_colour(script, tmp_path_factory):
    """Check that labelled groups of points in one axes use different marker shapes, not only colours."""
    fig, _ = drawn(script, tmp_path_factory)
    problems = []
    for ax in fig.axes:
        groups = [
            c for c in ax.collections
            if isinstance(c, PathCollection) and c.get_visible() and not c.get_label().startswith("_")
        ] + [
            line for line in ax.get_lines()
            if line.get_visible() and not line.get_label().startswith("_")
            and line.get_linestyle() in {"None", "", " "} and line.get_marker() not in {None, "None", "", " "}
        ]
        keys = [_marker_key(g) for g in groups]
        if len(keys) != len(set(keys)):
            labels = [g.get_label() for g in groups]
            problems.append(f"{labels} share a marker shape")
    assert not problems, f"{script.name}: " + "; ".join(problems) + " (use skratch.figures.MARKERS)."


def test_a_figure_is_stale_only_when_a_module_it_runs_changed():
    """The build redraws a figure when its script or a package module it imports changed."""
    _dependencies = _extension()._dependencies
    script = ROOT / "code" / "figures" / "plot_bias_variance_proved_knn.py"
    assert "from skratch.neighbors" in script.read_text(encoding="utf-8")
    deps = {p.relative_to(ROOT).as_posix() for p in _dependencies(ROOT, script, {})}
    # followed through the family's __init__ to the module that defines the estimator
    assert "code/skratch/neighbors/_classification.py" in deps
    assert "code/skratch/utils/validation.py" in deps  # imported by that module
    assert "code/figures/__init__.py" in deps and "code/figures/player.js" in deps
    # a family the script never reaches does not make it stale
    assert not any(p.startswith("code/skratch/svm/") for p in deps)
