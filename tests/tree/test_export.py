"""Tests for export_text, compared against sklearn.tree.export_text."""

import numpy as np
import pytest
from sklearn import tree as sk
from sklearn.datasets import load_diabetes, load_iris, load_wine

from skratch.exceptions import NotFittedError
from skratch.tree import DecisionTreeClassifier, DecisionTreeRegressor, export_text

def _pair(dataset, **params):
    """Our tree and a scikit-learn tree with the same nodes and features.

    scikit-learn visits features in a random order, so on exact ties (at iris's root,
    petal length and petal width both isolate setosa) its choice depends on
    random_state: take the first random_state that makes ours.
    """
    if dataset == "diabetes":
        X, y = load_diabetes(return_X_y=True)
        ours_class, sk_class = DecisionTreeRegressor, sk.DecisionTreeRegressor
    else:
        X, y = (load_iris if dataset == "iris" else load_wine)(return_X_y=True)
        ours_class, sk_class = DecisionTreeClassifier, sk.DecisionTreeClassifier
    ours = ours_class(**params).fit(X, y)
    for seed in range(40):
        theirs = sk_class(random_state=seed, **params).fit(X, y)
        if np.array_equal(ours.tree_.feature, theirs.tree_.feature) and np.array_equal(
            ours.tree_.children_left, theirs.tree_.children_left
        ):
            return ours, theirs
    raise AssertionError("no random_state gives scikit-learn our tree")


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"decimals": 4},
        {"spacing": 5},
        {"show_weights": True},
        {"max_depth": 1},
        {"class_names": ["setosa", "versicolor", "virginica"]},
        {"feature_names": ["sepal length", "sepal width", "petal length", "petal width"]},
    ],
    ids=str,
)
def test_export_text_matches_sklearn_classifier(options):
    """Check that the text of an iris tree is scikit-learn's, option by option."""
    ours, theirs = _pair("iris", max_depth=4)
    assert export_text(ours, **options) == sk.export_text(theirs, **options)


# decimals=3: one wine threshold is 2.115 in float64 but 2.1150000095 as scikit-learn's
# midpoint of float32 values, so the two round to 2.11 and 2.12 at 2 decimals.
@pytest.mark.parametrize("options", [{"decimals": 3}, {"max_depth": 2, "decimals": 4}], ids=str)
@pytest.mark.parametrize("dataset", ["wine", "diabetes"])
def test_export_text_matches_sklearn_other_trees(dataset, options):
    """Check the text of wine (classes) and diabetes (values) trees against scikit-learn's."""
    ours, theirs = _pair(dataset, max_depth=3)
    assert export_text(ours, **options) == sk.export_text(theirs, **options)


def test_export_text_reads_sklearn_trees():
    """Check that export_text also prints a scikit-learn tree as scikit-learn does."""
    _, theirs = _pair("wine", max_depth=3)
    assert export_text(theirs) == sk.export_text(theirs)


def test_export_text_rejects_bad_input():
    """Check the errors for unfitted trees and wrong numbers of names."""
    with pytest.raises(NotFittedError, match="not fitted"):
        export_text(DecisionTreeClassifier())
    ours, _ = _pair("iris", max_depth=2)
    with pytest.raises(ValueError, match="feature_names must contain 4 elements, got 2"):
        export_text(ours, feature_names=["a", "b"])
    with pytest.raises(ValueError, match="class_names must contain 3 elements"):
        export_text(ours, class_names=["a"])
    with pytest.raises(ValueError, match="decimals"):
        export_text(ours, decimals=-1)
