"""A linear regression trained with Tensor
=========================================

Two panels, one above the other, sharing the horizontal axis, the
gradient-descent step (0 to 50). Top: the mean squared error of a linear
model with three weights and a bias, trained with skratch's Tensor on 100
noisy examples (learning rate 0.1), on a logarithmic axis: it falls from
about 6.5 to the least-squares minimum, a grey dashed line near 0.073, and
sits on it after about 20 steps. Bottom: the three weights and the bias,
each a line with its own colour and marker shape, moving from 0 to the
least-squares values (dotted grey lines near 2, -1, 0.5 and 1): backward()
supplied every gradient.
"""

# %%
import numpy as np

from skratch.autograd import Tensor, no_grad
from skratch.figures import COLORS, MARKERS, new_figure, save_cli

TRUE_W, TRUE_B = np.array([2.0, -1.0, 0.5]), 1.0


def make_data(n_samples=100, noise=0.3, seed=0):
    """X of shape (n_samples, 3) and y = X w + b + noise, seeded."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n_samples, 3))
    y = X @ TRUE_W + TRUE_B + noise * rng.normal(size=n_samples)
    return X, y


def fit(X, y, lr=0.1, n_steps=50):
    """Gradient descent on the mean squared error, gradients by Tensor.

    Returns the losses (one per step, before the update) and the
    parameters after each step, the bias last: shapes (n_steps,) and
    (n_steps + 1, 4).
    """
    w = Tensor(np.zeros(X.shape[1]), requires_grad=True)
    b = Tensor(0.0, requires_grad=True)
    X, y = Tensor(X), Tensor(y)
    losses, path = [], [np.zeros(X.shape[1] + 1)]
    for _ in range(n_steps):
        loss = ((X @ w + b - y) ** 2).mean()
        w.grad = b.grad = None
        loss.backward()
        with no_grad():
            w -= lr * w.grad
            b -= lr * b.grad
        losses.append(loss.item())
        path.append(np.append(w.data, b.data))
    return np.array(losses), np.array(path)


def draw():
    X, y = make_data()
    losses, path = fit(X, y)
    X1 = np.column_stack([X, np.ones(len(X))])
    best = np.linalg.lstsq(X1, y, rcond=None)[0]
    best_loss = np.mean((X1 @ best - y) ** 2)

    # %%
    fig, (top, bottom) = new_figure(2, 1, figsize=(6.4, 6.4), sharex=True)
    steps = np.arange(len(losses))
    top.semilogy(steps, losses, color=COLORS["blue"], linewidth=2.5)
    top.axhline(best_loss, color=COLORS["grey"], linestyle="--")
    top.text(49, best_loss * 1.4, "least squares", ha="right", va="bottom")
    top.set(ylabel="mean squared error", title="Training with Tensor")

    names = ["$w_1$", "$w_2$", "$w_3$", "$b$"]
    colors = ["blue", "orange", "green", "purple"]
    for j in range(4):
        bottom.axhline(best[j], color=COLORS["grey"], linestyle=":")
        bottom.plot(
            np.arange(len(path)),
            path[:, j],
            color=COLORS[colors[j]],
            marker=MARKERS[j],
            markevery=5,
            linewidth=2,
        )
        bottom.text(52, path[-1, j], names[j], va="center", fontsize=13)
    bottom.set(
        xlabel="gradient-descent step",
        ylabel="parameter",
        xlim=(0, 55),
    )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
