"""Widen the street: the soft margin as C changes
=================================================

An animation, one frame per value of the cost C, from 0.01 to 100 (six
frames per factor of ten, labelled "C = 0.01" and so on). Forty points of
two overlapping classes (blue circles and orange triangles) in the plane,
and the linear support vector machine fitted with that C: the solid line
is its boundary f(x) = 0, the two dashed lines are the edges of its street
(margin band) f(x) = -1 and f(x) = +1, shaded between them, and every
support vector is circled in black. With a small C the street is wide
and most points are inside it and are support vectors (30 and 32 of the
40 at C = 0.01); as C grows the street narrows and fewer points sit on or
inside it, down to three support vectors on the edges of an empty street,
the same from C = 50 on. The title gives C, the street's width 2/||w||
and the number of support vectors.
"""

# %%
import numpy as np

from skratch.figures import COLORS, MARKERS, Animation, new_figure, save_cli
from skratch.svm import SVC


def weights(model):
    """w = sum_i y_i alpha_i x_i, summed elementwise.

    ``model.coef_`` is a matrix product, whose last digits depend on the
    number of BLAS threads; the contours drawn from it would then differ
    by a pixel from one machine to the next.
    """
    return (model.dual_coef_[0][:, None] * model.support_vectors_).sum(0)


# Six round values per factor of ten, 0.01 to 100: 25 frames.
STEPS = np.array([1.0, 1.5, 2.0, 3.0, 5.0, 7.0])
CS = np.append(np.outer(10.0 ** np.arange(-2, 2), STEPS).ravel(), 100.0)


def street_data():
    """Forty points, twenty per class, around (-1, -1) and (1, 1)."""
    rng = np.random.default_rng(0)
    X = np.vstack(
        [
            rng.normal([-1.0, -1.0], 0.9, size=(20, 2)),
            rng.normal([1.0, 1.0], 0.9, size=(20, 2)),
        ]
    )
    y = np.repeat([0, 1], 20)
    return X, y


def draw():
    X, y = street_data()
    lo, hi = -3.5, 3.5
    g = np.linspace(lo, hi, 121)
    G1, G2 = np.meshgrid(g, g)
    fits = []
    for C in CS:
        model = SVC(kernel="linear", C=C).fit(X, y)
        (w1, w2), b = weights(model), model.intercept_[0]
        f = w1 * G1 + w2 * G2 + b
        width = 2 / np.linalg.norm(weights(model))
        fits.append((f, model.support_, width))

    fig, ax = new_figure(figsize=(6.4, 5.0))
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
    (rings,) = ax.plot(
        [],
        [],
        "o",
        mfc="none",
        mec=COLORS["black"],
        mew=1.4,
        markersize=13,
        zorder=4,
    )
    ax.set(xlim=(lo, hi), ylim=(lo, hi), xlabel="$x_1$", ylabel="$x_2$")
    ax.set_aspect("equal")
    title = ax.set_title(" ")
    drawn = []

    def update(frame):
        f, support, width = fits[frame]
        for artist in drawn:
            artist.remove()
        drawn.clear()
        drawn.append(
            ax.contourf(
                G1,
                G2,
                f,
                levels=[-1, 1],
                colors=[COLORS["grey"]],
                alpha=0.18,
                zorder=1,
            )
        )
        drawn.append(
            ax.contour(
                G1,
                G2,
                f,
                levels=[-1, 0, 1],
                colors=COLORS["black"],
                linestyles=["--", "-", "--"],
                linewidths=[1.2, 2.0, 1.2],
                zorder=2,
            )
        )
        rings.set_data(X[support, 0], X[support, 1])
        title.set_text(
            f"C = {CS[frame]:.3g}: street {width:.2f} wide,"
            f" {len(support)} support vectors"
        )

    update(len(CS) - 1)
    fig.canvas.draw()
    fig.set_layout_engine("none")
    labels = [f"C = {C:.3g}" for C in CS]
    return Animation(
        fig, update, n_frames=len(CS), interval=400, labels=labels
    )


if __name__ == "__main__":
    save_cli(draw, __file__)
