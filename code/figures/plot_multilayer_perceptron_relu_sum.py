"""A sum of ReLUs fitting a curve, one unit at a time
=================================================

An animation in two stacked panels over x from 0 to 2 pi, one frame per
number of hidden units, from 1 to 20. Top: the target curve
sin(x) + 0.5 sin(3x) (black, dashed), a wave with three bumps, and the
output of a one-hidden-layer network with that many ReLU units (blue),
whose output weights are fitted by least squares; each unit's kink is
marked by a small orange triangle on the x axis, the kinks spread evenly
along x. With one unit the network's output is a single straight line;
each new unit adds a kink, the output becomes a chain of straight pieces
that follows the wave ever more closely, and the title gives the largest
gap between the two curves, which falls from above 1 to about 0.04.
Bottom: the scaled units themselves, each a bent line that is flat (0) to
the left of its kink and rises or falls to the right of it; the top curve
is their sum plus a constant.
"""

# %%
import numpy as np

from skratch.figures import COLORS, Animation, new_figure, save_cli

N_MAX = 20
X_GRID = np.linspace(0, 2 * np.pi, 601)


def target(x):
    """The curve to approximate: a wave with three bumps."""
    return np.sin(x) + 0.5 * np.sin(3 * x)


def relu_fit(n_units, x=X_GRID):
    """Kinks, output weights a (n,), bias c of sum_j a_j relu(x - k_j) + c.

    The kinks k_j are spread evenly over [0, 2 pi); the output weights
    and bias are the least-squares fit to the target on the grid x.
    """
    kinks = np.linspace(0, 2 * np.pi, n_units + 1)[:-1]
    H = np.maximum(x[:, None] - kinks[None, :], 0.0)  # (n_points, n)
    A = np.column_stack([H, np.ones_like(x)])
    coef, *_ = np.linalg.lstsq(A, target(x), rcond=None)
    return kinks, coef[:-1], coef[-1]


def draw():
    fits = [relu_fit(n) for n in range(1, N_MAX + 1)]

    # %%
    fig, (top, bottom) = new_figure(2, 1, figsize=(6.4, 6.6), sharex=True)
    top.plot(
        X_GRID,
        target(X_GRID),
        "--",
        color=COLORS["black"],
        linewidth=2,
        label="target",
    )
    (fit_line,) = top.plot(
        [], [], color=COLORS["blue"], linewidth=2.4, label="sum of ReLUs"
    )
    (kink_marks,) = top.plot(
        [],
        [],
        "^",
        color=COLORS["orange"],
        markeredgecolor=COLORS["black"],
        markersize=8,
        clip_on=False,
    )
    top.set(ylabel="y", ylim=(-1.6, 1.9))
    top.legend(loc="upper right", ncols=2)
    title = top.set_title(" ")
    unit_lines = [
        bottom.plot([], [], color=COLORS["purple"], linewidth=1.2)[0]
        for _ in range(N_MAX)
    ]
    bottom.set(xlabel="x", ylabel="a_j relu(x - k_j)", ylim=(-3, 3))
    bottom.set_xlim(0, 2 * np.pi)
    bottom.set_title("the scaled units")

    def update(frame):
        kinks, a, c = fits[frame]
        H = np.maximum(X_GRID[:, None] - kinks[None, :], 0.0)
        output = H @ a + c
        fit_line.set_data(X_GRID, output)
        kink_marks.set_data(kinks, np.full(len(kinks), -1.6))
        gap = np.max(np.abs(output - target(X_GRID)))
        units = "unit" if frame == 0 else "units"
        title.set_text(f"{frame + 1} ReLU {units}: largest gap {gap:.2f}")
        for j, line in enumerate(unit_lines):
            if j < len(kinks):
                line.set_data(X_GRID, a[j] * H[:, j])
            else:
                line.set_data([], [])

    update(N_MAX - 1)
    fig.canvas.draw()
    fig.set_layout_engine("none")
    labels = [f"{n} units" for n in range(1, N_MAX + 1)]
    labels[0] = "1 unit"
    return Animation(
        fig, update, n_frames=N_MAX, interval=400, labels=labels
    )


if __name__ == "__main__":
    save_cli(draw, __file__)
