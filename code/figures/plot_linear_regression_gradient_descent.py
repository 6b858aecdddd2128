"""Gradient descent fitting the line
===================================

An animation in two panels. On the left, sixty bills (in tens of dollars)
and their tips, with the current line of gradient descent: it starts flat at
zero, overshoots to a line steeper than the data on the first step, swings
back and forth a few times, then settles slowly into the cloud of points. On
the right, the mean squared error as a contour map over the slope w
(horizontal) and the intercept b (vertical); a line traces the path of
gradient descent from (0, 0), with a dot at the current step: the first step
overshoots across the narrow valley, a few zig-zags die out, and the path
crawls along the valley floor to the minimum, marked by a red cross. The
title counts the steps and shows the current error.
"""

# %%
import warnings

import numpy as np

from skratch.datasets import make_tips
from skratch.figures import COLORS, Animation, new_figure, save_cli
from skratch.exceptions import ConvergenceWarning
from skratch.linear_model import LinearRegression

LEARNING_RATE = 0.05
N_STEPS = 400
# Show the early steps one by one and the slow end in bigger jumps (log-
# spaced frames).
FRAMES = np.unique(np.round(np.geomspace(1, N_STEPS, 30)).astype(int))
FRAMES = np.concatenate([[0], FRAMES])


def draw():
    X, y = make_tips(n_samples=60, random_state=0)
    X = (
        X / 10
    )  # bills in tens of dollars keep the two gradients on a similar scale
    with (
        warnings.catch_warnings()
    ):  # we stop after N_STEPS on purpose, before convergence
        warnings.simplefilter("ignore", ConvergenceWarning)
        gd = LinearRegression(
            solver="gd",
            learning_rate=LEARNING_RATE,
            max_iter=N_STEPS,
            tol=0.0,
        ).fit(X, y)
    exact = LinearRegression().fit(X, y)
    w_path, b_path = gd.coef_path_[:, 0], gd.intercept_path_

    # %%
    # The error surface: MSE(w, b) on a grid, computed for all grid points
    # at once.
    w_grid, b_grid = np.meshgrid(
        np.linspace(-0.2, 2.7, 120), np.linspace(-1.0, 3.5, 120)
    )
    residuals = y[None, None, :] - (
        w_grid[..., None] * X[None, None, :, 0] + b_grid[..., None]
    )
    mse = np.mean(residuals**2, axis=-1)  # (120, 120)

    fig, (left, right) = new_figure(1, 2, figsize=(6.4, 3.5))
    left.scatter(
        X[:, 0],
        y,
        s=16,
        color=COLORS["orange"],
        edgecolor="white",
        linewidth=0.4,
    )
    xs = np.array([0.5, 6.5])
    (line,) = left.plot(xs, 0 * xs, color=COLORS["blue"], linewidth=2.5)
    left.set(
        xlabel="bill (tens of $)",
        ylabel="tip ($)",
        xlim=(0.5, 6.5),
        ylim=(-0.5, 12),
    )

    right.contour(
        w_grid,
        b_grid,
        np.log10(mse),
        levels=14,
        cmap="viridis",
        linewidths=0.8,
    )
    # The cross is drawn last and on top, so the final dot does not hide the
    # minimum.
    right.plot(
        exact.coef_[0],
        exact.intercept_,
        marker="x",
        color=COLORS["red"],
        markersize=11,
        mew=2.5,
        zorder=5,
    )
    (path,) = right.plot([], [], "-", color=COLORS["blue"], linewidth=1.5)
    (here,) = right.plot(
        [], [], "o", mfc="none", mec=COLORS["blue"], mew=2, markersize=9
    )
    right.set(
        xlabel="slope w",
        ylabel="intercept b",
        title="error surface (log scale)",
    )
    title = fig.suptitle("")

    def update(frame):
        step = FRAMES[frame]
        w, b = w_path[step], b_path[step]
        line.set_ydata(w * xs + b)
        path.set_data(w_path[: step + 1], b_path[: step + 1])
        here.set_data([w], [b])
        error = np.mean((y - (w * X[:, 0] + b)) ** 2)
        title.set_text(
            f"step {step:3d}:  tip = {w:.2f} x (bill / 10) + {b:.2f},"
            f"  MSE = {error:.2f}"
        )

    update(len(FRAMES) - 1)
    # Lay the figure out once, on the last frame, and keep that layout: the
    # frames differ only
    # in their curves and title text, and redoing the layout for each frame
    # doubles the time.
    fig.canvas.draw()
    fig.set_layout_engine("none")
    labels = [f"step {s}" for s in FRAMES]
    return Animation(
        fig, update, n_frames=len(FRAMES), interval=250, labels=labels
    )


if __name__ == "__main__":
    save_cli(draw, __file__)
