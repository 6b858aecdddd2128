"""Shrinkage: test error against the number of trees
=====================================================

Test mean squared error (vertical axis) of gradient boosting with trees of
depth 3 against the number of trees (horizontal axis, 1 to 300), on
Friedman's first regression problem (300 training and 300 test points, ten
features, noise of variance 1, whose error no model can remove: dotted grey
line). One curve for each of four learning rates, 1, 0.3, 0.1 and 0.03,
each with a dot at its lowest test error. With rate 1 the error falls
fastest, bottoms out after a handful of trees and then climbs as the
ensemble fits noise; smaller rates fall more slowly but reach lower minima,
and the smallest, 0.03, has its lowest error at tree 299 of 300: it has not
levelled off when the run stops.
"""

# %%
import numpy as np
from sklearn.datasets import make_friedman1

from skratch.ensemble import GradientBoostingRegressor
from skratch.figures import COLORS, new_figure, save_cli

RATES = (1.0, 0.3, 0.1, 0.03)
N_TREES = 300


def test_curves():
    """Test MSE after 1, ..., N_TREES trees, for each learning rate."""
    X, y = make_friedman1(n_samples=600, noise=1.0, random_state=0)
    X_train, y_train, X_test, y_test = X[:300], y[:300], X[300:], y[300:]
    curves = {}
    for eta in RATES:
        gb = GradientBoostingRegressor(
            n_estimators=N_TREES,
            learning_rate=eta,
            max_depth=3,
            random_state=0,
        ).fit(X_train, y_train)
        curves[eta] = np.array(
            [np.mean((y_test - p) ** 2) for p in gb.staged_predict(X_test)]
        )
    return curves


def draw():
    curves = test_curves()

    # %%
    fig, ax = new_figure(figsize=(6.4, 4.0))
    trees = np.arange(1, N_TREES + 1)
    colours = [
        COLORS["red"],
        COLORS["orange"],
        COLORS["blue"],
        COLORS["green"],
    ]
    styles = ["-", "--", "-", "-."]
    for (eta, curve), colour, style in zip(curves.items(), colours, styles):
        best = int(np.argmin(curve))
        ax.plot(
            trees,
            curve,
            style,
            color=colour,
            linewidth=2,
            label=f"$\\eta$ = {eta:g}",
        )
        ax.plot(trees[best], curve[best], "o", color=colour, markersize=7)
    ax.axhline(1.0, color=COLORS["grey"], linestyle=":", linewidth=1.5)
    ax.set(
        xlim=(0, N_TREES),
        ylim=(0, 12),
        xlabel="number of trees",
        ylabel="test MSE",
    )
    fig.legend(loc="outside right upper", title="learning rate")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
