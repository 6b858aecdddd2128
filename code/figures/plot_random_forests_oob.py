"""Out-of-bag error against test error as the forest grows
=========================================================

A line chart. Across: the number of trees in the forest, from 1 to 150.
Up: the error rate of the forest on the two moons (300 training points,
noise 0.3). The solid blue line is the out-of-bag error, computed on the
training points alone, each predicted only by the trees that did not draw
it; the dashed orange line is the error on 2000 fresh test points. Both
start high and noisy with a handful of trees (the out-of-bag line starts
higher still, since then each point is predicted by very few trees), fall
fast over the first ten to twenty trees and then flatten out: the test
error near 0.11, the out-of-bag error a little lower, near 0.07, the gap
that the sampling error of 300 training points allows.
"""

# %%
import numpy as np
from sklearn.datasets import make_moons

from skratch.ensemble import RandomForestClassifier
from skratch.figures import COLORS, new_figure, save_cli

N_TREES = 150


def draw():
    X, y = make_moons(n_samples=300, noise=0.3, random_state=0)
    X_test, y_test = make_moons(n_samples=2000, noise=0.3, random_state=1)
    forest = RandomForestClassifier(n_estimators=N_TREES, random_state=0)
    forest.fit(X, y)
    # Replay the forest's random draws to get each tree's bootstrap counts.
    rng = np.random.default_rng(0)
    counts = []
    for _ in range(N_TREES):
        rng.integers(np.iinfo(np.int32).max)  # the tree's seed
        counts.append(np.bincount(rng.integers(0, 300, 300), minlength=300))
    out = np.array(counts) == 0  # (trees, 300): point not drawn
    p_train = np.array(
        [t.predict_proba(X)[:, 1] for t in forest.estimators_]
    )
    p_test = np.array(
        [t.predict_proba(X_test)[:, 1] for t in forest.estimators_]
    )
    b = np.arange(1, N_TREES + 1)[:, None]
    # Out of bag: mean vote of the trees so far that left the point out.
    oob_sum = np.cumsum(p_train * out, axis=0)
    oob_n = np.cumsum(out, axis=0)
    has = oob_n > 0
    oob_p = np.where(has, oob_sum / np.maximum(oob_n, 1), 0.5)
    wrong = (oob_p > 0.5) != (y == 1)
    oob_error = (wrong & has).sum(axis=1) / has.sum(axis=1)
    test_p = np.cumsum(p_test, axis=0) / b
    test_error = np.mean((test_p > 0.5) != (y_test == 1), axis=1)

    fig, ax = new_figure(figsize=(6.4, 3.6))
    ax.plot(
        b[:, 0],
        oob_error,
        color=COLORS["blue"],
        linewidth=2,
        label="out-of-bag (training points)",
    )
    ax.plot(
        b[:, 0],
        test_error,
        color=COLORS["orange"],
        linewidth=2,
        linestyle="--",
        label="test (2000 new points)",
    )
    ax.set(
        xlabel="number of trees B",
        ylabel="error rate",
        xlim=(1, N_TREES),
        ylim=(0, 0.35),
    )
    ax.legend(loc="upper right")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
