"""The cross-validation score varies
==================================

Two panels stacked. Top: the accuracy of one five-fold cross-validation of
a scaled logistic regression on 200 breast-cancer biopsies described by two
measurements, one marker per fold (folds 1 to 5 along the horizontal axis),
with a solid horizontal line at their mean and a shaded band one standard
deviation either side; the folds range from 0.80 to 1.00. Bottom: the same
cross-validation repeated with twenty different shuffles of the data, one
row of five small markers per shuffle and a larger diamond at each row's
mean; the means move much less than single folds do, but they move too.
"""

# %%
import numpy as np
from sklearn.datasets import load_breast_cancer

from skratch.figures import COLORS, MARKERS, new_figure, save_cli
from skratch.linear_model import LogisticRegression
from skratch.model_selection import StratifiedKFold, cross_val_score
from skratch.pipeline import make_pipeline
from skratch.preprocessing import StandardScaler


def fold_scores(random_state):
    X, y = load_breast_cancer(return_X_y=True)
    X, y = X[:200, :2], y[:200]  # mean radius and mean texture
    model = make_pipeline(StandardScaler(), LogisticRegression())
    cv = StratifiedKFold(5, shuffle=True, random_state=random_state)
    return cross_val_score(model, X, y, cv=cv)


def draw():
    fig, (top, bottom) = new_figure(
        2, 1, figsize=(6.4, 8.0), height_ratios=[1, 1.6]
    )
    scores = fold_scores(0)
    mean, std = scores.mean(), scores.std()
    folds = np.arange(1, 6)
    top.axhspan(
        mean - std,
        mean + std,
        color=COLORS["sky"],
        alpha=0.35,
        label="mean $\\pm$ one std",
    )
    top.axhline(mean, color=COLORS["blue"], label=f"mean {mean:.3f}")
    top.plot(
        folds,
        scores,
        MARKERS[0],
        color=COLORS["black"],
        markersize=9,
        label="one fold",
    )
    top.set(
        xticks=folds,
        xlabel="fold",
        ylabel="accuracy",
        ylim=(0.75, 1.02),
        title="one 5-fold cross-validation",
    )
    top.legend(loc="lower center", ncols=3, bbox_to_anchor=(0.5, 1.12))
    # %%
    # Twenty shuffles: each row is a whole cross-validation.
    for seed in range(20):
        s = fold_scores(seed)
        bottom.plot(
            s,
            np.full(5, seed),
            MARKERS[0],
            color=COLORS["grey"],
            markersize=5,
        )
        bottom.plot(
            s.mean(),
            seed,
            MARKERS[3],
            color=COLORS["red"],
            markersize=8,
        )
    bottom.plot([], [], MARKERS[0], color=COLORS["grey"], label="fold")
    bottom.plot([], [], MARKERS[3], color=COLORS["red"], label="mean")
    bottom.set(
        xlabel="accuracy",
        ylabel="shuffle (random_state)",
        xlim=(0.75, 1.02),
        yticks=[0, 5, 10, 15, 19],
        title="the same, with 20 different shuffles",
    )
    bottom.invert_yaxis()
    bottom.legend(loc="lower center", ncols=2, bbox_to_anchor=(0.5, 1.06))
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
