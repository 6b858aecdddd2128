"""Signal and noise: which features move with the price?
=========================================================

Four scatter plots in a two-by-two grid, one per feature of the sixty
houses, each with the price (in thousands of dollars) on the vertical axis.
Price against floor area rises along a tight band: a strong signal. Price
against the number of bedrooms also rises, because bigger houses have more
bedrooms. Price against distance to the city centre drifts down slightly: a
weaker signal partly hidden by the other features. Price against the owner's
shoe size is a shapeless cloud: noise. Each panel's title gives the
correlation, a number from -1 to 1 that is near 0 when the points show no
straight-line trend.
"""

# %%
import numpy as np
from matplotlib.ticker import MaxNLocator

from skratch.figures import COLORS, new_figure, save_cli
from skratch.figures.plot_data_features_labels_table import make_houses

NAMES = [
    "area (m²)",
    "bedrooms",
    "distance to centre (km)",
    "owner's shoe size",
]
COLOURS = [COLORS["blue"], COLORS["sky"], COLORS["green"], COLORS["grey"]]


def draw():
    X, y = make_houses()
    fig, axes = new_figure(2, 2, figsize=(6.4, 5.6), sharey=True)
    for j, ax in enumerate(axes.ravel()):
        r = np.corrcoef(X[:, j], y)[0, 1]
        ax.scatter(
            X[:, j],
            y,
            s=22,
            color=COLOURS[j],
            edgecolor="white",
            linewidth=0.5,
        )
        strength = (
            "strong"
            if abs(r) > 0.7
            else ("weak" if abs(r) > 0.2 else "none")
        )
        ax.set_title(f"correlation {r:+.2f} ({strength})", fontsize=12)
        ax.set_xlabel(NAMES[j], fontsize=12)
        ax.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
    for ax in axes[:, 0]:
        ax.set_ylabel("price ($ thousands)", fontsize=12)
    fig.suptitle(
        "Does the price move with the feature?",
        fontsize=14,
        fontweight="bold",
    )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
