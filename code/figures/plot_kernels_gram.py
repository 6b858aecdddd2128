"""The Gram matrices of four kernels, as heat maps
==================================================

Four heat maps in a two-by-two grid, each the 40 x 40 Gram matrix of one
kernel on the forty sorted points x of the sine data (row i, column j
shows kappa(x_i, x_j), with x growing from top to bottom and left to
right). Linear (x z) and polynomial of degree 2 ((x z + 1)^2) grow towards
the bottom right corner, where both points are large; the RBF kernel with
gamma = 1 is a bright band along the diagonal, near 1 for close points and
near 0 for far ones; the sigmoid kernel tanh(x z + 1) is close to 1 almost
everywhere. Each panel has its own colour bar.
"""

# %%
import numpy as np

from skratch.figures import new_figure, save_cli
from skratch.metrics.pairwise import (
    linear_kernel,
    polynomial_kernel,
    rbf_kernel,
    sigmoid_kernel,
)


def draw():
    # The x of the sine data (same generator as the unit).
    rng = np.random.default_rng(0)
    X = np.sort(rng.uniform(0, 6, size=40))[:, None]
    kernels = [
        ("linear: $xz$", linear_kernel(X)),
        (
            "poly: $(xz + 1)^2$",
            polynomial_kernel(X, degree=2, gamma=1.0, coef0=1.0),
        ),
        ("rbf: $e^{-(x - z)^2}$", rbf_kernel(X, gamma=1.0)),
        ("sigmoid: tanh$(xz + 1)$", sigmoid_kernel(X, gamma=1.0)),
    ]

    # %%
    fig, axes = new_figure(2, 2, figsize=(6.4, 6.0))
    for ax, (title, K) in zip(axes.ravel(), kernels):
        image = ax.imshow(K, cmap="viridis", interpolation="nearest")
        fig.colorbar(image, ax=ax, shrink=0.85)
        ax.set(title=title, xticks=[0, 39], yticks=[0, 39])
        ax.set_xticklabels(["1", "40"])
        ax.set_yticklabels(["1", "40"])
    axes[1, 0].set(xlabel="point j", ylabel="point i")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
