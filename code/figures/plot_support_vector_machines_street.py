"""The widest street between two classes
========================================

Thirty points of two well separated classes in the plane (blue circles
lower left, orange triangles upper right). Two thin grey lines separate
them too, but pass close to some points. The support vector machine's
boundary is the thick black line, in the middle of the widest street (the
shaded band between the dashed lines) that contains no point; the three
points on the street's edges, circled in black, are the support vectors.
The title gives the street's width, 2/||w||.
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


def draw():
    rng = np.random.default_rng(1)
    X = np.vstack(
        [
            rng.normal([-1.4, -1.4], 0.6, size=(15, 2)),
            rng.normal([1.4, 1.4], 0.6, size=(15, 2)),
        ]
    )
    y = np.repeat([0, 1], 15)
    model = SVC(kernel="linear", C=1000.0).fit(X, y)
    width = 2 / np.linalg.norm(weights(model))

    fig, ax = new_figure(figsize=(6.4, 4.6))
    lo, hi = -3.2, 3.2
    g = np.linspace(lo, hi, 161)
    G1, G2 = np.meshgrid(g, g)
    (w1, w2), b = weights(model), model.intercept_[0]
    f = w1 * G1 + w2 * G2 + b
    ax.contourf(
        G1,
        G2,
        f,
        levels=[-1, 1],
        colors=[COLORS["grey"]],
        alpha=0.18,
        zorder=1,
    )
    ax.contour(
        G1,
        G2,
        f,
        levels=[-1, 0, 1],
        colors=COLORS["black"],
        linestyles=["--", "-", "--"],
        linewidths=[1.2, 2.5, 1.2],
        zorder=2,
    )
    # Two other separating lines, x2 = slope * x1 + offset.
    xs = np.array([lo, hi])
    for slope, offset in [(-0.25, -0.2), (-3.0, 0.3)]:
        ax.plot(
            xs,
            slope * xs + offset,
            color=COLORS["grey"],
            linewidth=1.2,
            zorder=2,
        )
    colours = [COLORS["blue"], COLORS["orange"]]
    for k in (0, 1):
        ax.scatter(
            *X[y == k].T,
            s=46,
            marker=MARKERS[k],
            color=colours[k],
            edgecolor="white",
            linewidth=0.5,
            zorder=3,
        )
    sv = model.support_vectors_
    ax.plot(
        sv[:, 0],
        sv[:, 1],
        "o",
        mfc="none",
        mec=COLORS["black"],
        mew=1.4,
        markersize=13,
        zorder=4,
    )
    ax.set(
        xlim=(lo, hi),
        ylim=(lo, hi),
        xlabel="$x_1$",
        ylabel="$x_2$",
        title=f"widest street: 2/||w|| = {width:.2f},"
        f" {len(sv)} support vectors",
    )
    ax.set_aspect("equal")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
