"""Batch, mini-batch and stochastic gradient descent
===================================================

Two panels comparing three ways of computing each step on the restaurant-
tips data, all with learning rate 0.05 and 20 passes over the sixty examples
(epochs). On the left, the contour lines of the mean squared error over the
slope w and the intercept b, with three paths from w = 0, b = 0 to the
minimum (red cross): full-batch gradient descent takes 20 smooth steps;
mini-batches of 10 examples take 120 slightly wobbly steps; stochastic
gradient descent, one example per step, takes 1,200 jittery steps and keeps
wandering around the minimum. On the right, the training loss after each
epoch for the three methods (logarithmic vertical axis; green circles for
batch, blue squares for mini-batch, orange triangles for stochastic, as the
legend below the panels says; the dashed line is the minimum): the two
noisier methods get close to the minimum in fewer passes over the data, but
the stochastic one stops improving at a noise floor above it.
"""

# %%
import numpy as np

from skratch.figures import COLORS, MARKERS, new_figure, save_cli
from skratch.figures.plot_gradient_descent_surface import (
    mse_grid,
    tips_centred,
)

LEARNING_RATE = 0.05
N_EPOCHS = 20
BATCHES = {
    "batch (60 per step)": (60, COLORS["green"], MARKERS[0]),
    "mini-batch (10 per step)": (10, COLORS["blue"], MARKERS[2]),
    "stochastic (1 per step)": (1, COLORS["orange"], MARKERS[1]),
}


def descend(x, y, batch_size, rng):
    """Gradient descent on (w, b), each step on `batch_size` examples;
    returns the path."""
    w = b = 0.0
    path = [(w, b)]
    for _ in range(N_EPOCHS):
        order = rng.permutation(len(y))  # a new shuffle every epoch
        for start in range(0, len(y), batch_size):
            i = order[start : start + batch_size]
            residual = y[i] - (w * x[i] + b)
            # The gradient of the MSE on this batch only: an estimate of the
            # full gradient.
            w, b = (
                w + LEARNING_RATE * 2 * np.mean(residual * x[i]),
                b + LEARNING_RATE * 2 * np.mean(residual),
            )
            path.append((w, b))
    return np.array(path)  # (n_steps + 1, 2)


def draw():
    x, y = tips_centred()
    rng = np.random.default_rng(0)
    w_grid, b_grid = np.meshgrid(
        np.linspace(-0.8, 3.0, 100), np.linspace(-0.5, 7.5, 100)
    )
    loss = mse_grid(x, y, w_grid, b_grid)
    best = loss.min()

    fig, (left, right) = new_figure(1, 2, figsize=(6.4, 4.0))
    left.contour(
        w_grid,
        b_grid,
        loss,
        levels=np.geomspace(0.7, 40, 10),
        cmap="viridis",
        linewidths=0.8,
    )
    # %%
    for name, (size, colour, marker) in BATCHES.items():
        path = descend(x, y, size, rng)
        left.plot(
            path[:, 0],
            path[:, 1],
            "-",
            color=colour,
            linewidth=0.7 if size == 1 else 1.6,
            alpha=0.7 if size == 1 else 1.0,
            label=name,
        )
        steps_per_epoch = len(y) // size
        ends = path[
            ::steps_per_epoch
        ]  # the parameters at the end of each epoch
        epoch_loss = [np.mean((y - w * x - b) ** 2) for w, b in ends]
        right.plot(
            np.arange(len(ends)),
            epoch_loss,
            "-",
            marker=marker,
            color=colour,
            markersize=4.5,
            linewidth=1.6,
            label=name,
        )
    exact_w = np.sum((x - x.mean()) * (y - y.mean())) / np.sum(
        (x - x.mean()) ** 2
    )
    left.plot(
        exact_w,
        y.mean() - exact_w * x.mean(),
        marker="x",
        color=COLORS["red"],
        markersize=10,
        mew=2.5,
        zorder=5,
    )
    left.set(
        xlabel="slope w", ylabel="intercept b", title="paths over 20 epochs"
    )
    left.grid(False)
    right.axhline(best, color=COLORS["grey"], linestyle="--", linewidth=1)
    right.set_yscale("log")
    right.set(
        xlabel="epoch (passes over data)",
        ylabel="training MSE (log scale)",
        title="loss after each epoch",
    )
    # One legend for both panels, below them: inside either it would hide a
    # path or a curve.
    fig.legend(
        *right.get_legend_handles_labels(),
        loc="outside lower center",
        ncols=2,
    )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
