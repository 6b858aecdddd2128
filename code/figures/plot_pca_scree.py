"""A scree chart: how much of the digits' variance each component explains
=========================================================================

A bar chart of the explained variance ratio of the first 30 principal
components of the 1,797 handwritten digits (64 pixel features each): the
first bar is near 0.15, the next two near 0.14 and 0.12, then the bars
fall quickly, below 0.02 from component 13, and flatten out below 0.01
from component 20. An orange line with dots above the bars adds them up
(the cumulative ratio): it passes 0.5 at five components, 0.9 at 21 and
climbs slowly towards 1. A dashed grey horizontal line marks 0.9.
"""

# %%
import numpy as np
from sklearn.datasets import load_digits
from skratch.decomposition import PCA
from skratch.figures import COLORS, new_figure, save_cli

N_SHOWN = 30


def draw():
    X, _ = load_digits(return_X_y=True)
    ratio = PCA().fit(X).explained_variance_ratio_[:N_SHOWN]
    components = np.arange(1, N_SHOWN + 1)

    fig, ax = new_figure(figsize=(6.4, 3.8))
    ax.bar(
        components,
        ratio,
        color=COLORS["blue"],
        width=0.75,
        label="ratio of each component",
    )
    ax.plot(
        components,
        np.cumsum(ratio),
        "o-",
        color=COLORS["orange"],
        markersize=4,
        label="cumulative ratio",
    )
    ax.axhline(0.9, linestyle="--", color=COLORS["grey"], linewidth=1)
    ax.set(
        xlim=(0.3, N_SHOWN + 0.7),
        ylim=(0, 1.02),
        xticks=[1, 5, 10, 15, 20, 25, 30],
        xlabel="principal component",
        ylabel="explained variance ratio",
    )
    ax.legend(loc="center right")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
