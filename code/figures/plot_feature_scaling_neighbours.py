"""The nearest neighbours of one wine, before and after scaling
===============================================================

Two scatter plots of the 178 wines of scikit-learn's wine data, placed by
alcohol (horizontal axis, in percent) and proline (vertical axis, in mg/L),
the three cultivars as blue circles, orange triangles and green squares. A
black star marks one wine of the green cultivar, and lines join it to its
seven nearest neighbours. On the left the distance is measured in the raw
units: proline spans about 1,400 units and alcohol about 4, so the
neighbours are the wines with almost the same proline (495 to 510), a
thin horizontal band that runs from the star, at 13.5% alcohol, left to
11.8%, and none of them is of the star's cultivar. On the right both
features are standardised first: the neighbours, ringed by hexagons, now
form a small round group, close in alcohol and in proline, six of them of
the star's own cultivar.
"""

# %%
import numpy as np
from sklearn.datasets import load_wine

from skratch.figures import COLORS, MARKERS, new_figure, save_cli
from skratch.preprocessing import StandardScaler

FEATURES = (0, 12)  # alcohol, proline
QUERY = 150  # a wine of cultivar 2, among wines of the other two
K = 7
CLASS_COLORS = [COLORS["blue"], COLORS["orange"], COLORS["green"]]


def neighbours(Z, query, k=K):
    """Indices of the k rows of Z nearest to row `query` (not itself)."""
    distances = np.linalg.norm(Z - Z[query], axis=1)  # (n_samples,)
    distances[query] = np.inf
    return np.argsort(distances, kind="stable")[:k]


def draw():
    data = load_wine()
    X, y = data.data[:, FEATURES], data.target
    Z = StandardScaler().fit_transform(X)
    panels = [
        ("raw units: proline decides", neighbours(X, QUERY)),
        ("standardised: both count", neighbours(Z, QUERY)),
    ]

    fig, axes = new_figure(1, 2, figsize=(6.4, 3.9), sharey=True)
    for ax, (title, near) in zip(axes, panels):
        for j in near:
            ax.plot(
                [X[QUERY, 0], X[j, 0]],
                [X[QUERY, 1], X[j, 1]],
                color=COLORS["black"],
                linewidth=1.0,
                zorder=2,
            )
        for k in range(3):
            ax.scatter(
                *X[y == k].T,
                s=18,
                marker=MARKERS[k],
                color=CLASS_COLORS[k],
                edgecolor="white",
                linewidth=0.4,
                zorder=1,
                label=f"cultivar {k}",
            )
        ax.scatter(
            *X[near].T,
            s=110,
            marker="h",
            facecolor="none",
            edgecolor=COLORS["black"],
            linewidth=1.2,
            zorder=3,
            label=f"its {K} neighbours",
        )
        ax.scatter(
            *X[QUERY],
            s=220,
            marker="*",
            color=COLORS["black"],
            edgecolor="white",
            zorder=4,
            label="the wine",
        )
        same = np.mean(y[near] == y[QUERY])
        ax.set(
            title=f"{title}\n{same:.0%} same cultivar",
            xlabel="alcohol (%)",
        )
    axes[0].set_ylabel("proline (mg/L)")
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(
        handles,
        labels,
        loc="outside lower center",
        ncol=3,
        handletextpad=0.2,
        columnspacing=0.8,
    )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
