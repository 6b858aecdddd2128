"""Choosing alpha by cross-validation
===================================

The mean squared error of the degree-9 ridge polynomial against the
penalty strength alpha, both axes logarithmic, for alpha from 1e-8 to 100.
The orange curve is the error on the training folds: it is
smallest for the tiniest alpha and rises steadily as the penalty grows. The
blue curve is the average error on the held-out fold of a 5-fold
cross-validation: high for tiny alpha (the wiggly fit fails on points it
has not seen), lowest in the middle, and rising again for large alpha (the
fit is too flat). A dashed vertical line marks the alpha with the lowest
cross-validation error, the one chosen.
"""

# %%

from skratch.figures import COLORS, new_figure, save_cli
from skratch.figures.plot_regularisation_lambda_slider import (
    ALPHAS,
    polynomial_ridge,
    wave_data,
)
from skratch.model_selection import GridSearchCV, KFold


def search():
    """5-fold grid search over ALPHAS on the training points."""
    X_train, y_train, _, _ = wave_data()
    grid = GridSearchCV(
        polynomial_ridge(1.0),
        {"ridge__alpha": ALPHAS},
        scoring="neg_mean_squared_error",
        cv=KFold(n_splits=5, shuffle=True, random_state=0),
        return_train_score=True,
    )
    return grid.fit(X_train, y_train)


def draw():
    grid = search()
    results = grid.cv_results_
    best = grid.best_params_["ridge__alpha"]
    fig, ax = new_figure(figsize=(6.4, 4.0))
    ax.plot(
        ALPHAS,
        -results["mean_train_score"],
        "s-",
        color=COLORS["orange"],
        linewidth=2,
        label="training folds",
    )
    ax.plot(
        ALPHAS,
        -results["mean_test_score"],
        "o-",
        color=COLORS["blue"],
        linewidth=2,
        label="held-out folds",
    )
    ax.axvline(best, color=COLORS["black"], linestyle="--", linewidth=1.2)
    ax.annotate(
        f"chosen: alpha = {best:g}",
        (best, 0.02),
        xytext=(6, 0),
        textcoords="offset points",
    )
    ax.set(
        xscale="log",
        yscale="log",
        ylim=(0.01, 40),
        xlabel="alpha",
        ylabel="mean squared error",
    )
    fig.legend(loc="outside upper center", ncol=2)
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
