"""Lift the circles: a plane separates them one dimension up
============================================================

Two panels. Left: sixty points in the plane, an inner ring of blue circles
(radius below 1) inside an outer ring of orange triangles (radius 1.5 to
2); no straight line separates them. Right: the same points seen from the
side after the feature map phi(x) = (x1, x2, x1^2 + x2^2), with x1 across
and the new third feature x1^2 + x2^2 up: the inner ring sits low, the
outer ring high, and the nearly horizontal line drawn there (the plane
found by a linear support vector machine on the three features, seen edge
on) separates them. Brought back to the plane on the left, that flat
plane is the black circle between the rings.
"""

# %%
import numpy as np

from skratch.figures import COLORS, MARKERS, new_figure, save_cli
from skratch.svm import SVC


def weights(model):
    """w = sum_i y_i alpha_i x_i, summed elementwise.

    ``model.coef_`` is a matrix product, whose last digits depend on the
    number of BLAS threads; the contours drawn from it would then differ
    by a pixel from one machine to the next.
    """
    return (model.dual_coef_[0][:, None] * model.support_vectors_).sum(0)


def ring_data():
    """Thirty points per ring: radius 0.2-1 (class 0), 1.5-2 (class 1)."""
    rng = np.random.default_rng(0)
    radius = np.concatenate(
        [rng.uniform(0.2, 1.0, 30), rng.uniform(1.5, 2.0, 30)]
    )
    angle = rng.uniform(0, 2 * np.pi, 60)
    X = np.column_stack([radius * np.cos(angle), radius * np.sin(angle)])
    return X, np.repeat([0, 1], 30)


def lift(X):
    """phi(x) = (x1, x2, x1^2 + x2^2)."""
    return np.column_stack([X, (X**2).sum(axis=1)])


def draw():
    X, y = ring_data()
    Z = lift(X)
    model = SVC(kernel="linear", C=100.0).fit(Z, y)
    w, b = weights(model), model.intercept_[0]

    fig, (left, right) = new_figure(1, 2, figsize=(6.4, 3.4))
    colours = [COLORS["blue"], COLORS["orange"]]
    for k in (0, 1):
        style = dict(
            s=30,
            marker=MARKERS[k],
            color=colours[k],
            edgecolor="white",
            linewidth=0.5,
            zorder=3,
        )
        left.scatter(*X[y == k].T, **style)
        right.scatter(X[y == k, 0], Z[y == k, 2], **style)

    # %%
    # The plane w . phi(x) + b = 0 in the original plane: a circle.
    g = np.linspace(-2.3, 2.3, 201)
    G1, G2 = np.meshgrid(g, g)
    grid = np.column_stack([G1.ravel(), G2.ravel()])
    Zg = lift(grid)
    f = Zg[:, 0] * w[0] + Zg[:, 1] * w[1] + Zg[:, 2] * w[2] + b
    f = f.reshape(G1.shape)
    left.contour(
        G1, G2, f, levels=[0], colors=COLORS["black"], linewidths=2
    )
    left.set(
        xlim=(-2.3, 2.3),
        ylim=(-2.3, 2.3),
        xlabel="$x_1$",
        ylabel="$x_2$",
        title="In the plane",
    )
    left.set_aspect("equal")

    # Seen from the side (x2 = 0), the plane is the line
    # w1 x1 + w3 r2 + b = 0 (w2 is close to 0 for these rings).
    xs = np.array([-2.3, 2.3])
    right.plot(
        xs, -(b + w[0] * xs) / w[2], color=COLORS["black"], linewidth=2
    )
    right.set(
        xlim=(-2.3, 2.3),
        ylim=(-0.3, 4.3),
        xlabel="$x_1$",
        ylabel="$x_1^2 + x_2^2$",
        title="Lifted, from the side",
    )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
