"""Measuring signal: how much worse are the guesses without each feature?
=========================================================================

A horizontal bar chart of prediction errors on twenty houses the model never
saw, in thousands of dollars (shorter is better). A linear model learned
from the other forty houses using all four features misses by about 14
thousand dollars on average; the same holds without the owner's shoe size
and without the bedrooms, so those two add nothing the others do not already
say. Without the distance to the centre the error roughly doubles, without
the floor area it nearly triples, and guessing the average price for every
house misses by over 80 thousand.
"""

# %%
import numpy as np

from skratch.figures import COLORS, new_figure, save_cli
from skratch.figures.plot_data_features_labels_table import make_houses
from skratch.linear_model import LinearRegression

NAMES = ["area", "bedrooms", "distance", "shoe size"]


def validation_error(X_train, y_train, X_val, y_val, columns):
    """Average miss, in $ thousands, on the validation houses of a model
    using these columns."""
    # no features at all: guess the average training price for every house
    if not columns:
        return np.mean(np.abs(y_val - y_train.mean()))
    model = LinearRegression().fit(X_train[:, columns], y_train)
    return np.mean(np.abs(y_val - model.predict(X_val[:, columns])))


def draw():
    X, y = make_houses()
    X_train, y_train, X_val, y_val = X[:40], y[:40], X[40:], y[40:]
    everything = [0, 1, 2, 3]
    bars = [("all four features", everything, COLORS["blue"])]
    for j, name in enumerate(NAMES):
        bars.append(
            (
                f"without {name}",
                [k for k in everything if k != j],
                COLORS["sky"],
            )
        )
    bars.append(("no features:\nguess the average", [], COLORS["grey"]))
    errors = [
        validation_error(X_train, y_train, X_val, y_val, cols)
        for _, cols, _ in bars
    ]

    # %%
    fig, ax = new_figure(figsize=(6.4, 4.4))
    positions = np.arange(len(bars))[::-1]
    ax.barh(positions, errors, color=[c for *_, c in bars], height=0.65)
    for pos, error in zip(positions, errors):
        ax.text(
            error + 1.5,
            pos,
            f"{error:.0f}",
            va="center",
            fontsize=12,
            fontweight="bold",
        )
    ax.axvline(
        errors[0], color=COLORS["blue"], linestyle="--", linewidth=1.5
    )
    ax.set_yticks(positions, [name for name, *_ in bars], fontsize=12)
    ax.set_xlim(0, max(errors) * 1.15)
    ax.set_xlabel(
        "average miss on 20 unseen houses\n"
        "($ thousands, smaller is better)",
        fontsize=12,
    )
    ax.grid(axis="y", visible=False)
    fig.suptitle(
        "Take a feature away: does the model get worse?",
        fontsize=12.5,
        fontweight="bold",
    )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
