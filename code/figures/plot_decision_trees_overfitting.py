"""Deeper trees fit the training set better and the test set worse
=================================================================

Accuracy (vertical axis) against the maximum depth of a decision tree
(horizontal axis, 1 to 9) grown on 200 points of the two-moons data and
scored on the same points (training accuracy, grey squares) and on 1,000
fresh points of the same distribution (test accuracy, blue circles). The
training accuracy only climbs, from 0.86 at depth 1 to 1.00 at depth 9,
where every leaf is pure. The test accuracy rises to its peak of 0.87 at
depth 3, marked by a dashed vertical line, and then falls to 0.82: the
extra levels fit the noise of the 200 training points, not the moons.
The gap between the two curves, small at depth 3, widens with each level.
"""

# %%
import numpy as np

from skratch.figures import COLORS, new_figure, save_cli
from skratch.figures.plot_decision_trees_depth import DEPTHS, moons_data
from skratch.tree import DecisionTreeClassifier


def depth_curve():
    """Training and test accuracy for each depth of DEPTHS:
    (depths, train, test)."""
    X, y, X_test, y_test = moons_data()
    train, test = [], []
    for depth in DEPTHS:
        tree = DecisionTreeClassifier(max_depth=depth, random_state=0)
        tree.fit(X, y)
        train.append(tree.score(X, y))
        test.append(tree.score(X_test, y_test))
    return DEPTHS, np.array(train), np.array(test)


def draw():
    depths, train, test = depth_curve()
    best = depths[np.argmax(test)]
    fig, ax = new_figure(figsize=(6.4, 4))
    ax.plot(
        depths,
        train,
        "-s",
        color=COLORS["grey"],
        markersize=6,
        label="training (200 points)",
    )
    ax.plot(
        depths,
        test,
        "-o",
        color=COLORS["blue"],
        markersize=6,
        label="test (1,000 new points)",
    )
    ax.axvline(best, linestyle="--", color=COLORS["black"], linewidth=1)
    ax.text(best + 0.15, 0.76, f"best depth {best}", va="bottom")
    ax.set(
        xlabel="maximum depth",
        ylabel="accuracy",
        xticks=depths,
        ylim=(0.75, 1.02),
    )
    ax.legend(loc="lower right")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
