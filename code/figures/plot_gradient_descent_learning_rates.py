"""Gradient descent with a learning rate too small, about right, and too big
===========================================================================

An animation in three panels, one per learning rate, each showing the
contour lines of the mean squared error of the line tip = w x + b over the
slope w (horizontal) and the intercept b (vertical), with the minimum marked
by a red cross. Every run starts at w = 0, b = 0, and a path with a dot at
its end shows the first 24 steps of gradient descent. With learning rate
0.02 (left) the steps are tiny and the path crawls, still far from the
minimum at the end. With 0.2 (middle) it glides to the minimum in a few
steps. With 0.425 (right) every step overshoots in the slope direction: the
path bounces from side to side across the valley, each bounce a little wider
than the last, so it moves away from the minimum: it diverges.
"""

# %%
import warnings

import numpy as np

from skratch.exceptions import ConvergenceWarning
from skratch.figures import COLORS, Animation, new_figure, save_cli
from skratch.figures.plot_gradient_descent_surface import (
    mse_grid,
    tips_centred,
)
from skratch.linear_model import LinearRegression

RATES = {
    "too small: 0.02": 0.02,
    "about right: 0.2": 0.2,
    "too big: 0.425": 0.425,
}
N_STEPS = 24


def draw():
    x, y = tips_centred()
    X = x[:, None]
    exact = LinearRegression().fit(X, y)
    paths = []
    for rate in RATES.values():
        with warnings.catch_warnings():  # we stop after N_STEPS on purpose
            warnings.simplefilter("ignore", ConvergenceWarning)
            gd = LinearRegression(
                solver="gd", learning_rate=rate, max_iter=N_STEPS, tol=0.0
            ).fit(X, y)
        paths.append((gd.coef_path_[:, 0], gd.intercept_path_))

    w_grid, b_grid = np.meshgrid(
        np.linspace(-2.5, 5.5, 100), np.linspace(-0.8, 8.0, 100)
    )
    loss = mse_grid(x, y, w_grid, b_grid)

    # %%
    fig, axes = new_figure(1, 3, figsize=(6.4, 3.2), sharey=True)
    dots, lines, titles = [], [], []
    for ax, name in zip(axes, RATES):
        ax.contour(
            w_grid,
            b_grid,
            loss,
            levels=np.geomspace(0.7, 60, 10),
            cmap="viridis",
            linewidths=0.8,
        )
        ax.plot(
            exact.coef_[0],
            exact.intercept_,
            marker="x",
            color=COLORS["red"],
            markersize=10,
            mew=2.5,
            zorder=5,
        )
        (line,) = ax.plot([], [], "-", color=COLORS["blue"], linewidth=1.3)
        (dot,) = ax.plot([], [], "o", color=COLORS["blue"], markersize=6)
        ax.set(xlabel="slope w", xlim=(-2.5, 5.5), ylim=(-0.8, 8.0))
        ax.grid(False)
        lines.append(line)
        dots.append(dot)
        titles.append(ax.set_title(name))
    axes[0].set_ylabel("intercept b")

    def update(step):
        for (w_path, b_path), line, dot, title, name in zip(
            paths, lines, dots, titles, RATES
        ):
            line.set_data(w_path[: step + 1], b_path[: step + 1])
            dot.set_data([w_path[step]], [b_path[step]])
            error = np.mean((y - w_path[step] * x - b_path[step]) ** 2)
            title.set_text(f"{name}\nstep {step}, MSE {error:.2f}")

    update(N_STEPS)
    # Lay the figure out once, on the last frame, and keep that layout: the
    # frames differ only
    # in their curves and title text, and redoing the layout for each frame
    # doubles the time.
    fig.canvas.draw()
    fig.set_layout_engine("none")
    labels = [f"step {s}" for s in range(N_STEPS + 1)]
    return Animation(
        fig, update, n_frames=N_STEPS + 1, interval=350, labels=labels
    )


if __name__ == "__main__":
    save_cli(draw, __file__)
