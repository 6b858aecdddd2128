"""Gradient descent that forgets to zero the gradients
====================================================

A line chart of the mean squared error (vertical axis, logarithmic) against
the step of gradient descent (horizontal axis, 0 to 60) for a straight line
y = w x + b fitted to 20 noisy points with the scalar Value engine, at a
learning rate of 0.1. The blue curve with circles zeroes every gradient
before each backward pass: the loss falls steadily to the smallest possible
loss, a dashed grey line. The orange curve with triangles forgets: each
backward pass adds the new gradient to all the old ones, so every step
pushes with the sum of all past gradients. Its loss falls at first, then
overshoots and swings up and down for the whole run, between about 0.07
and 2.7, never settling: after 60 steps it is 0.486, twelve times the
minimum of 0.040 that the blue curve reaches.
"""

# %%
import numpy as np

from skratch.autograd import Value
from skratch.figures import COLORS, MARKERS, new_figure, save_cli

N_STEPS = 60
LEARNING_RATE = 0.1


def make_points(n=20):
    """Twenty points near the line y = 2x + 1, from a seeded generator."""
    rng = np.random.default_rng(0)
    x = rng.uniform(-1, 1, size=n)
    y = 2 * x + 1 + rng.normal(scale=0.3, size=n)
    return x, y


def mse(w, b, x, y):
    """The mean squared error of the line w x + b, as a Value."""
    errors = [(w * xi + b - yi) ** 2 for xi, yi in zip(x, y)]
    return sum(errors, Value(0.0)) * (1 / len(x))


def train(zero_grad, n_steps=N_STEPS, learning_rate=LEARNING_RATE):
    """The loss before each step of gradient descent from w = b = 0."""
    x, y = make_points()
    w, b = Value(0.0), Value(0.0)
    losses = []
    for _ in range(n_steps + 1):
        if zero_grad:
            w.grad, b.grad = 0.0, 0.0
        loss = mse(w, b, x, y)
        losses.append(loss.data)
        loss.backward()
        w.data -= learning_rate * w.grad
        b.data -= learning_rate * b.grad
    return np.array(losses)


def draw():
    x, y = make_points()
    slope, intercept = np.polyfit(x, y, 1)
    best = np.mean((slope * x + intercept - y) ** 2)

    fig, ax = new_figure(figsize=(6.4, 3.8))
    for k, (zero, colour, label) in enumerate(
        [
            (True, COLORS["blue"], "zeroed every step"),
            (False, COLORS["orange"], "never zeroed"),
        ]
    ):
        losses = train(zero)
        ax.plot(
            np.arange(len(losses)),
            losses,
            color=colour,
            linewidth=2.2,
            linestyle="-" if zero else "--",
            marker=MARKERS[k],
            markersize=6,
            markevery=(k * 2, 5),
            label=label,
        )
    ax.axhline(
        best,
        color=COLORS["grey"],
        linestyle=":",
        linewidth=1.5,
        label=f"minimum ({best:.3f})",
    )
    ax.set_yscale("log")
    ax.set(
        xlabel="step",
        ylabel="MSE (log scale)",
        xlim=(0, N_STEPS),
        title="Gradients that pile up never settle",
    )
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=3)
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
