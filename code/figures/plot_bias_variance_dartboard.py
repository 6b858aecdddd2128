"""Four dartboards: low and high bias, low and high variance
===========================================================

An animation of four dartboards in a two-by-two grid, the top row low
bias, the bottom row high bias, the left column low variance, the right
column high variance. Each dart is one polynomial model refitted on a fresh
training set: it lands across at the model's error at x = 0.3 and up at its
error at x = 0.9, so the bullseye (a red dot at the centre of grey rings)
is a perfect prediction at both points. Frame by frame, thirty darts land
on each board (the newest as a larger orange star, the earlier ones as blue
circles), and a black cross marks the average of the darts so far. Top
left, degree 3 on 200 points: a tight group on the bullseye. Top right,
degree 12 on 25 points: a wide scatter centred on the bullseye. Bottom
left, a straight line on 200 points: a tight group far from the bullseye.
Bottom right, a straight line on 6 points: a wide scatter far from it.
"""

# %%
import numpy as np

from skratch.figures import COLORS, MARKERS, Animation, new_figure, save_cli
from skratch.figures.plot_bias_variance_pick_the_model import (
    noisy_targets,
    pick_the_model_data,
    polynomial_model,
    true_function,
)

N_DARTS = 30
TEST_POINTS = np.array([0.3, 0.9])  # the two x where each dart is scored
RINGS = [0.2, 0.4, 0.6, 0.8, 1.0]


def boards():
    """The four models: (title, degree, training inputs), row by row."""
    x_unit = pick_the_model_data()[0]  # the unit's 25 training inputs
    many = np.linspace(0, 1, 200)
    few = np.linspace(0.05, 0.95, 6)
    return [
        ("low bias, low variance", "degree 3, 200 points", 3, many),
        ("low bias, high variance", "degree 12, 25 points", 12, x_unit),
        ("high bias, low variance", "degree 1, 200 points", 1, many),
        ("high bias, high variance", "degree 1, 6 points", 1, few),
    ]


def darts(degree, x, rng):
    """Errors at the test points of N_DARTS refits on fresh training sets
    (same inputs, new noise): one fit with one target column per set."""
    y = noisy_targets(x, rng, n_sets=N_DARTS)  # (n, N_DARTS)
    model = polynomial_model(degree).fit(x[:, None], y)
    predictions = model.predict(TEST_POINTS[:, None])  # (2, N_DARTS)
    return (predictions - true_function(TEST_POINTS)[:, None]).T


def draw():
    rng = np.random.default_rng(0)
    fig, axes = new_figure(2, 2, figsize=(6.4, 7.0))
    limit = RINGS[-1] + 0.05
    updates = []
    for ax, (title, detail, degree, x) in zip(axes.flat, boards()):
        hits = darts(degree, x, rng)  # (N_DARTS, 2)
        for radius in RINGS:
            ax.add_patch(_ring(radius, COLORS["grey"]))
        ax.scatter([0], [0], s=70, color=COLORS["red"], zorder=2)
        ax.set(
            xlim=(-limit, limit),
            ylim=(-limit, limit),
            aspect="equal",
            xticks=[],
            yticks=[],
            title=f"{title}\n{detail}",
        )
        ax.grid(False)
        for side in ("left", "bottom"):
            ax.spines[side].set_visible(False)
        old = ax.scatter(
            [], [], s=26, marker=MARKERS[0], color=COLORS["blue"], zorder=3
        )
        new = ax.scatter(
            [],
            [],
            s=170,
            marker="*",
            color=COLORS["orange"],
            edgecolor="black",
            linewidth=0.6,
            zorder=4,
        )
        (centre,) = ax.plot(
            [],
            [],
            "+",
            color="black",
            markersize=18,
            markeredgewidth=3,
            zorder=5,
        )
        updates.append((hits, old, new, centre))
    for ax in axes[:, 0]:
        ax.set_ylabel("error at x = 0.9")
    for ax in axes[1]:
        ax.set_xlabel("error at x = 0.3")

    def update(frame):
        for hits, old, new, centre in updates:
            shown = np.clip(hits[: frame + 1], -limit, limit)
            old.set_offsets(shown[:-1].reshape(-1, 2))
            new.set_offsets(shown[-1:])
            mean = hits[: frame + 1].mean(axis=0)
            centre.set_data([mean[0]], [mean[1]])

    # Lay the figure out once, on the last frame, and keep that layout: only
    # the darts change, and a layout redone per frame would shift
    # every pixel a little (and cost time).
    update(N_DARTS - 1)
    fig.canvas.draw()
    fig.set_layout_engine("none")
    update(0)
    return Animation(
        fig,
        update,
        n_frames=N_DARTS,
        interval=300,
        labels=[f"{i} darts" if i > 1 else "1 dart" for i in range(1, 31)],
    )


def _ring(radius, color):
    from matplotlib.patches import Circle

    return Circle((0, 0), radius, fill=False, color=color, linewidth=1.0)


if __name__ == "__main__":
    save_cli(draw, __file__)
