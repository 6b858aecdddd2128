"""What each tree of gradient boosting is fitted to
===================================================

Six panels in two rows and three columns: the columns are rounds 1, 2 and
10 of gradient boosting with depth-2 trees (at least 5 examples a leaf)
and learning rate 0.5, on one feature x from 0 to 6 (horizontal axis). Top
row, the squared loss on 60 noisy samples of a sine: the grey dots are the
residuals y - F(x) of the model before that round, which are the negative
gradients of the loss, and the blue staircase is the tree fitted to them
by least squares. The residuals start as the whole wave and shrink to
noise by round 10. Bottom row, the log-loss on 80 labels that are mostly 1
(blue circles) between x = 1.5 and 4.5 and mostly 0 (orange triangles)
outside: the dots are the negative gradients y - p, the label minus the
predicted probability, positive for class 1 and negative for class 0, and
the blue staircase is the least-squares fit of the tree's leaves to them.
By round 10 they have shrunk towards 0 wherever the model is right, and
stay large only at the few points it still gets wrong.
"""

# %%
import numpy as np
from scipy.special import expit

from skratch.ensemble import (
    GradientBoostingClassifier,
    GradientBoostingRegressor,
)
from skratch.figures import COLORS, MARKERS, new_figure, save_cli

ROUNDS = [1, 2, 10]
SETTINGS = {
    "max_depth": 2,
    "min_samples_leaf": 5,
    "learning_rate": 0.5,
    "random_state": 0,
}


def sine_data(n_samples=60, random_state=0):
    rng = np.random.default_rng(random_state)
    x = np.sort(rng.uniform(0, 6, n_samples))
    return x[:, None], np.sin(x) + rng.normal(scale=0.3, size=n_samples)


def label_data(n_samples=80, random_state=1):
    rng = np.random.default_rng(random_state)
    x = np.sort(rng.uniform(0, 6, n_samples))
    p = expit(3 * (1.5 - np.abs(x - 3)))  # class 1 mostly in [1.5, 4.5]
    return x[:, None], (rng.random(n_samples) < p).astype(int)


def regression_rounds(X, y):
    """(negative gradients, tree) of each round in ROUNDS, squared loss."""
    model = GradientBoostingRegressor(n_estimators=max(ROUNDS), **SETTINGS)
    model.fit(X, y)
    before = [np.full(len(y), y.mean())] + list(model.staged_predict(X))
    return [
        (y - before[t - 1], model.estimators_[t - 1, 0].predict)
        for t in ROUNDS
    ]


def classification_rounds(X, y):
    """(negative gradients, least-squares leaf fit) per round, log-loss."""
    model = GradientBoostingClassifier(n_estimators=max(ROUNDS), **SETTINGS)
    model.fit(X, y)
    probs = [np.full(len(y), y.mean())]
    probs += [p[:, 1] for p in model.staged_predict_proba(X)]
    out = []
    for t in ROUNDS:
        tree = model.estimators_[t - 1, 0]
        gradient = y - probs[t - 1]
        leaves = tree.apply(X)
        sums = np.bincount(leaves, weights=gradient)
        counts = np.maximum(np.bincount(leaves), 1)

        def fitted(Z, tree=tree, means=sums / counts):
            return means[tree.apply(Z)]

        out.append((gradient, fitted))
    return out


def draw():
    X_r, y_r = sine_data()
    X_c, y_c = label_data()
    grid = np.linspace(0, 6, 600)[:, None]
    rows = [regression_rounds(X_r, y_r), classification_rounds(X_c, y_c)]

    # %%
    fig, axes = new_figure(
        2, 3, figsize=(6.4, 5.6), sharex=True, sharey="row"
    )
    for col, t in enumerate(ROUNDS):
        top, bottom = axes[0, col], axes[1, col]
        gradient, tree = rows[0][col]
        top.scatter(
            X_r[:, 0], gradient, s=14, color=COLORS["grey"], label="_data"
        )
        top.plot(grid[:, 0], tree(grid), color=COLORS["blue"], lw=2)
        top.set(title=f"round {t}", ylim=(-1.7, 1.7))
        gradient, fitted = rows[1][col]
        for k, colour in [(1, COLORS["blue"]), (0, COLORS["orange"])]:
            mine = y_c == k
            bottom.scatter(
                X_c[mine, 0],
                gradient[mine],
                s=16,
                marker=MARKERS[1 - k],
                color=colour,
                label=f"label {k}",
            )
        bottom.plot(grid[:, 0], fitted(grid), color=COLORS["blue"], lw=2)
        bottom.set(ylim=(-1.05, 1.05), xlabel="x")
    axes[0, 0].set(ylabel="squared loss:\n$y - F(x)$")
    axes[1, 0].set(ylabel="log-loss:\n$y - \\hat{p}$")
    handles, labels = axes[1, 0].get_legend_handles_labels()
    handles.append(axes[0, 0].get_lines()[0])
    labels.append("the tree's least-squares fit")
    fig.legend(handles, labels, loc="outside lower center", ncols=3)
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
