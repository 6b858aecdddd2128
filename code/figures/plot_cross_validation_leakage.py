"""Leakage: preparing the data before the split
==============================================

Two panels stacked, each with horizontal bars of five-fold cross-validated
accuracy (the bar is the mean, the markers on it the five folds). Top:
pure noise, 100 samples with 2,000 random features and random labels, so
nothing can be learnt and chance is 0.5 (a dashed vertical line). Choosing
the 20 features most correlated with the labels on all the data before
cross-validating (striped orange bar) scores about 0.84; choosing them
inside each training fold (plain blue bar) scores about 0.54, near chance.
Bottom: the wine data with a five-nearest-neighbours classifier. Scaling
on all the data first (striped orange) and scaling inside each fold (plain
blue) score almost the same, about 0.96, while not scaling at all (grey,
dotted) scores about 0.66: scaling matters, where it is fitted barely does.
"""

# %%
import numpy as np
from sklearn.datasets import load_wine

from skratch.base import BaseEstimator, TransformerMixin
from skratch.figures import COLORS, MARKERS, new_figure, save_cli
from skratch.linear_model import LogisticRegression
from skratch.model_selection import StratifiedKFold, cross_val_score
from skratch.neighbors import KNeighborsClassifier
from skratch.pipeline import make_pipeline
from skratch.preprocessing import StandardScaler


class SelectTopK(TransformerMixin, BaseEstimator):
    """Keep the k columns most correlated (in absolute value) with y."""

    def __init__(self, k=20):
        self.k = k

    def fit(self, X, y):
        Xc, yc = X - X.mean(axis=0), y - y.mean()
        norms = np.linalg.norm(Xc, axis=0) * np.linalg.norm(yc)
        corr = Xc.T @ yc / norms  # (n_features,)
        self.columns_ = np.argsort(-np.abs(corr))[: self.k]
        return self

    def transform(self, X):
        return X[:, self.columns_]


def selection_scores():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(100, 2000))
    y = rng.permutation(np.repeat([0, 1], 50))
    cv = StratifiedKFold(5, shuffle=True, random_state=0)
    X_chosen = SelectTopK(20).fit(X, y).transform(X)
    leaky = cross_val_score(LogisticRegression(), X_chosen, y, cv=cv)
    model = make_pipeline(SelectTopK(20), LogisticRegression())
    honest = cross_val_score(model, X, y, cv=cv)
    return {"select, then CV": leaky, "select inside CV": honest}


def scaling_scores():
    X, y = load_wine(return_X_y=True)
    cv = StratifiedKFold(5, shuffle=True, random_state=0)
    knn = KNeighborsClassifier()
    X_scaled = StandardScaler().fit_transform(X)
    leaky = cross_val_score(knn, X_scaled, y, cv=cv)
    model = make_pipeline(StandardScaler(), knn)
    honest = cross_val_score(model, X, y, cv=cv)
    raw = cross_val_score(knn, X, y, cv=cv)
    return {
        "scale, then CV": leaky,
        "scale inside CV": honest,
        "no scaling": raw,
    }


STYLE = {  # colour and hatch by kind of bar
    "leaky": (COLORS["orange"], "///"),
    "honest": (COLORS["blue"], None),
    "none": (COLORS["grey"], ".."),
}


def bars(ax, scores, kinds, title):
    for row, ((name, s), kind) in enumerate(zip(scores.items(), kinds)):
        colour, hatch = STYLE[kind]
        ax.barh(
            row,
            s.mean(),
            height=0.6,
            color=colour,
            hatch=hatch,
            edgecolor="white",
        )
        ax.plot(
            s,
            np.full(len(s), row),
            MARKERS[0],
            color=COLORS["black"],
            markersize=6,
        )
        ax.text(1.02, row, f"{s.mean():.2f}", va="center", ha="left")
    ax.set_yticks(range(len(scores)), list(scores))
    ax.invert_yaxis()
    ax.set(xlim=(0, 1.12), xticks=np.linspace(0, 1, 6), title=title)
    ax.grid(axis="y", visible=False)


def draw():
    fig, (top, bottom) = new_figure(
        2, 1, figsize=(6.4, 6.2), height_ratios=[2, 3]
    )
    bars(
        top,
        selection_scores(),
        ["leaky", "honest"],
        "(a) choosing 20 of 2,000 noise features",
    )
    top.axvline(0.5, color=COLORS["black"], linestyle="--", linewidth=1)
    top.text(0.5, 1.55, " chance", va="center", ha="left")
    top.set_ylim(1.8, -0.5)
    bars(
        bottom,
        scaling_scores(),
        ["leaky", "honest", "none"],
        "(b) scaling the wine data",
    )
    bottom.set_xlabel("5-fold cross-validated accuracy (mean and folds)")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
