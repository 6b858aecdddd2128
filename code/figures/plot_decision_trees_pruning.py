"""Cost-complexity pruning: the path, and the penalty chosen by CV
===============================================================

Two panels sharing a horizontal axis, the penalty lambda on each leaf
(ccp_alpha), for a decision tree grown until pure on 200 points of the
two-moons data. The top panel is the pruning path: the total weighted
impurity of the leaves (a staircase) is 0 for the full tree at lambda = 0
and rises step by step as larger lambdas cut the weakest branches away;
some steps are labelled with the number of leaves left: 28 for the full
tree, then 8, 4, 3 and 2. The bottom panel plots, at each lambda of the
path, the five-fold cross-validated accuracy (blue circles) and the
accuracy on 1,000 fresh test points (orange triangles). Over the first
seven lambdas, which cut only noisy branches, the cross-validated accuracy
stays at 0.855 and the test accuracy near the full tree's 0.82; then both
rise. The cross-validated accuracy peaks at lambda = 0.0062, marked by a
dashed vertical line in both panels (a tree of 8 leaves), where the test
accuracy has climbed from 0.82 to 0.86. The test accuracy is a shade
higher (0.859) one step later, at 4 leaves; past that both fall as
pruning removes real structure, the test accuracy to 0.78 at 2 leaves.
The last lambda of the path, about 0.26, prunes the tree to its root and
lies beyond the right edge.
"""

# %%
import numpy as np

from skratch.figures import COLORS, MARKERS, new_figure, save_cli
from skratch.figures.plot_decision_trees_depth import moons_data
from skratch.model_selection import GridSearchCV, StratifiedKFold
from skratch.tree import DecisionTreeClassifier

X_MAX = 0.058  # the path's last alpha (the root alone) lies beyond


def pruning_search():
    """The pruning path of the full tree on the training moons and a
    grid search over its alphas: (path, search, test accuracies)."""
    X, y, X_test, y_test = moons_data()
    tree = DecisionTreeClassifier(random_state=0)
    path = tree.cost_complexity_pruning_path(X, y)
    search = GridSearchCV(
        DecisionTreeClassifier(random_state=0),
        {"ccp_alpha": list(path.ccp_alphas)},
        cv=StratifiedKFold(5, shuffle=True, random_state=0),
    ).fit(X, y)
    test = np.array(
        [
            DecisionTreeClassifier(ccp_alpha=a, random_state=0)
            .fit(X, y)
            .score(X_test, y_test)
            for a in path.ccp_alphas
        ]
    )
    return path, search, test


def draw():
    X, y, _, _ = moons_data()
    path, search, test = pruning_search()
    alphas, impurities = path.ccp_alphas, path.impurities
    best = search.best_params_["ccp_alpha"]
    leaves = [
        DecisionTreeClassifier(ccp_alpha=a, random_state=0)
        .fit(X, y)
        .get_n_leaves()
        for a in alphas
    ]

    fig, (top, bottom) = new_figure(2, 1, figsize=(6.4, 6.4), sharex=True)
    top.step(alphas, impurities, where="post", color=COLORS["black"])
    top.plot(alphas, impurities, "o", color=COLORS["black"], markersize=4)
    shown = set()
    for a, r, n in zip(alphas, impurities, leaves):
        if a < X_MAX and n not in shown and n in (28, 8, 4, 3, 2):
            top.annotate(
                str(n),
                (a, r),
                textcoords="offset points",
                xytext=(-4, 6),
                ha="right",
            )
            shown.add(n)
    top.set(
        ylabel="leaf impurity",
        ylim=(-0.02, 0.28),
        title="pruning path (leaves labelled)",
    )

    cv = search.cv_results_["mean_test_score"]
    bottom.plot(
        alphas,
        cv,
        "-",
        color=COLORS["blue"],
        marker=MARKERS[0],
        markersize=5,
        label="cross-validated",
    )
    bottom.plot(
        alphas,
        test,
        "-",
        color=COLORS["orange"],
        marker=MARKERS[1],
        markersize=5,
        label="test",
    )
    for ax in (top, bottom):
        ax.axvline(best, linestyle="--", color=COLORS["black"], linewidth=1)
    bottom.text(
        best + 0.001, 0.79, f"chosen $\\lambda$ = {best:.4f}", va="bottom"
    )
    bottom.set(
        xlabel="penalty $\\lambda$ (ccp_alpha)",
        ylabel="accuracy",
        xlim=(-0.002, X_MAX),
        ylim=(0.78, 0.9),
    )
    bottom.legend(loc="upper right")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
