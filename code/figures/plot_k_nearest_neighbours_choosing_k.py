"""Choosing k by cross-validation
================================

Two panels over the number of neighbours k (horizontal axis, odd k from 1
to 99) for 300 points of the two-moons data. The top panel plots accuracy:
the training accuracy (grey squares) starts at 1 for k = 1, where every
point is its own nearest neighbour, and falls as k grows; the five-fold
cross-validated accuracy (blue circles) is lower at k = 1, rises to its
highest on a broad plateau of moderate k, marked by a dashed vertical line
at the best k, and falls slowly for large k, where the vote blurs the two
moons together. The bottom panel shows the decision regions
of two of these models, side by side: k = 1, whose boundary is ragged and
encloses single points, and the best k, whose boundary is a smooth curve
between the moons.
"""

# %%
import numpy as np
from sklearn.datasets import make_moons

from skratch.figures import COLORS, MARKERS, new_figure, save_cli
from skratch.model_selection import StratifiedKFold, validation_curve
from skratch.neighbors import KNeighborsClassifier

K_RANGE = np.arange(1, 100, 2)
CLASS_COLORS = [COLORS["blue"], COLORS["orange"]]


def moons_300():
    """300 points of the two moons, noise 0.3: the data for choosing k."""
    return make_moons(300, noise=0.3, random_state=1)


def k_curve():
    """Training and cross-validated accuracy of k-NN for each k of K_RANGE:
    (k_range, train_mean, cv_mean)."""
    X, y = moons_300()
    train, valid = validation_curve(
        KNeighborsClassifier(),
        X,
        y,
        param_name="n_neighbors",
        param_range=K_RANGE,
        cv=StratifiedKFold(5, shuffle=True, random_state=0),
    )
    return K_RANGE, train.mean(axis=1), valid.mean(axis=1)


def draw():
    X, y = moons_300()
    ks, train, valid = k_curve()
    best = ks[np.argmax(valid)]

    fig = new_figure(figsize=(6.4, 6.6))[0]
    fig.clf()
    top, bottom = fig.subfigures(2, 1, height_ratios=(1, 1.15))
    ax = top.subplots()
    ax.plot(
        ks,
        train,
        "-s",
        color=COLORS["grey"],
        markersize=4,
        label="training",
    )
    ax.plot(
        ks,
        valid,
        "-o",
        color=COLORS["blue"],
        markersize=4,
        label="cross-validated",
    )
    ax.axvline(best, linestyle="--", color=COLORS["black"], linewidth=1)
    ax.text(best + 2, 0.97, f"best k = {best}", va="top")
    ax.set(
        xlabel="number of neighbours k", ylabel="accuracy", ylim=(0.8, 1.01)
    )
    ax.legend(loc="upper right")

    grid_1, grid_2 = np.meshgrid(
        np.linspace(-1.7, 2.7, 200), np.linspace(-1.4, 1.9, 160)
    )
    grid = np.column_stack([grid_1.ravel(), grid_2.ravel()])
    axes = bottom.subplots(1, 2, sharey=True)
    for ax, k in zip(axes, (1, best)):
        model = KNeighborsClassifier(n_neighbors=k).fit(X, y)
        region = model.predict(grid).reshape(grid_1.shape)
        ax.contourf(
            grid_1,
            grid_2,
            region,
            levels=[-0.5, 0.5, 1.5],
            colors=CLASS_COLORS,
            alpha=0.25,
        )
        ax.contour(
            grid_1,
            grid_2,
            region,
            levels=[0.5],
            colors=COLORS["black"],
            linewidths=1.2,
        )
        for c in (0, 1):
            ax.scatter(
                *X[y == c].T,
                s=12,
                marker=MARKERS[c],
                color=CLASS_COLORS[c],
                edgecolor="white",
                linewidth=0.3,
            )
        ax.set(title=f"k = {k}", xlabel="$x_1$")
    axes[0].set_ylabel("$x_2$")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
