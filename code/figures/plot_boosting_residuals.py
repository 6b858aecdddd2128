"""Gradient boosting fits the residuals
======================================

An animation in two stacked panels over the same horizontal axis x, from 0
to 10, through twenty-five rounds of gradient boosting with trees of depth 2
and learning rate 0.3. Top: forty noisy points around a wave (grey dots) and
the current ensemble's prediction F_t (blue step curve), which starts as a
flat line at the mean of y and bends towards the wave as trees are added.
Bottom: the residuals y - F_t of the same points (orange stems from zero)
and the next regression tree, fitted to those residuals (green step curve).
At first the residuals are large and follow the wave; round after round
they shrink towards zero, the next tree has less and less to fit, and what
remains looks like noise. The title gives the round and the training mean
squared error.
"""

# %%
import numpy as np

from skratch.ensemble import GradientBoostingRegressor
from skratch.figures import COLORS, Animation, new_figure, save_cli

N_ROUNDS = 25
LEARNING_RATE = 0.3


def make_wave(n=40, seed=0):
    """Forty points x in [0, 10], y = a wave plus Gaussian noise."""
    rng = np.random.default_rng(seed)
    x = np.sort(rng.uniform(0, 10, n))
    y = np.sin(x) + 0.3 * x + rng.normal(0, 0.25, n)
    return x[:, None], y


def draw():
    X, y = make_wave()
    gb = GradientBoostingRegressor(
        n_estimators=N_ROUNDS,
        learning_rate=LEARNING_RATE,
        max_depth=2,
        random_state=0,
    ).fit(X, y)
    grid = np.linspace(0, 10, 400)[:, None]
    # F_0 (the mean), F_1, ..., F_24 on the points and on the grid
    on_points = [np.full(len(y), y.mean())] + list(gb.staged_predict(X))
    on_grid = [np.full(len(grid), y.mean())] + list(gb.staged_predict(grid))
    trees = [stage[0].predict(grid) for stage in gb.estimators_]

    # %%
    fig, (top, bottom) = new_figure(2, 1, figsize=(6.4, 4.0), sharex=True)
    top.scatter(X[:, 0], y, s=18, color=COLORS["grey"], zorder=3)
    (curve,) = top.plot([], [], color=COLORS["blue"], linewidth=2.2)
    top.set(ylim=(-1.2, 4.4), ylabel="$y$, $F_t(x)$")
    bottom.axhline(0, color="black", linewidth=0.8)
    stems = bottom.vlines(
        X[:, 0], 0, 0 * y, color=COLORS["orange"], linewidth=2.0
    )
    (next_tree,) = bottom.plot([], [], color=COLORS["green"], linewidth=2.2)
    bottom.set(
        xlim=(0, 10),
        ylim=(-2.4, 2.4),
        xlabel="$x$",
        ylabel="$y - F_t(x)$",
    )
    title = top.set_title("", loc="left")
    bottom.set_title(
        "residuals (orange) and the next tree (green)", loc="left"
    )

    def update(t):
        residual = y - on_points[t]
        curve.set_data(grid[:, 0], on_grid[t])
        stems.set_segments(
            [[(x, 0), (x, r)] for x, r in zip(X[:, 0], residual)]
        )
        next_tree.set_data(grid[:, 0], trees[t])
        mse = np.mean(residual**2)
        title.set_text(
            f"after {t} trees: $F_{{{t}}}$ (blue), MSE {mse:.3f}"
        )

    update(N_ROUNDS - 1)
    # Lay the figure out once and keep that layout for every frame.
    fig.canvas.draw()
    fig.set_layout_engine("none")
    labels = [f"{t} trees" for t in range(N_ROUNDS)]
    return Animation(
        fig, update, n_frames=N_ROUNDS, interval=500, labels=labels
    )


if __name__ == "__main__":
    save_cli(draw, __file__)
