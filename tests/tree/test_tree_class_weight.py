"""Tests for class_weight of DecisionTreeClassifier, compared against
sklearn.tree.DecisionTreeClassifier(class_weight=...)."""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal
from sklearn import tree as sk
from sklearn.datasets import load_breast_cancer, load_iris, load_wine

from skratch.tree import DecisionTreeClassifier
from skratch.utils import compute_sample_weight

# Structure exact; values, impurities and weights to 1e-12 (the "balanced"
# weights are not integers, so sums in another order differ in the last
# bits); thresholds are float32 midpoints in scikit-learn (1e-6).
RTOL = ATOL = 1e-12
THRESHOLD_RTOL = 1e-6
SEEDS = range(40)

DATASETS = {
    "iris": lambda: load_iris(return_X_y=True),
    "wine": lambda: load_wine(return_X_y=True),
    "breast_cancer": lambda: load_breast_cancer(return_X_y=True),
}
# Weights that are binary fractions (0.5, 2.5) keep the weighted counts
# exact, as integer weights do. (breast_cancer has two classes; its first
# choice of weights leaves a 3-sample node that two features split equally
# well, and no random_state of scikit-learn picks our feature there.)
CLASS_WEIGHTS = {
    "balanced": lambda dataset: "balanced",
    "dict": lambda dataset: (
        {0: 2.0, 1: 0.5} if dataset == "breast_cancer"
        else {0: 1.0, 1: 3.0, 2: 0.5}
    ),
    # the classes it leaves out weigh 1
    "partial_dict": lambda dataset: (
        {0: 1.5} if dataset == "breast_cancer" else {1: 2.5}
    ),
}
# wine's "balanced" weights (178 / 177, 178 / 213, 178 / 144) are not binary
# fractions: scikit-learn then computes the Gini of a pure child as 5.6e-16
# (its class count and its weight are added up in different orders), above
# EPSILON = 2.2e-16, and splits it; our pure child has Gini 0 and stays a
# leaf. That rounding cannot be reproduced without scikit-learn's order of
# additions, so the setting is left out.
SETTINGS = [
    (dataset, cw) for dataset in DATASETS for cw in CLASS_WEIGHTS
    if (dataset, cw) != ("wine", "balanced")
]


def _same_tree(a, b):
    return (
        a.node_count == b.node_count
        and np.array_equal(a.children_left, b.children_left)
        and np.array_equal(a.feature, b.feature)
        and np.array_equal(a.n_node_samples, b.n_node_samples)
    )


def _matching(ours, X, y, sample_weight=None, **params):
    for seed in SEEDS:
        theirs = sk.DecisionTreeClassifier(random_state=seed, **params)
        theirs.fit(X, y, sample_weight=sample_weight)
        if _same_tree(ours.tree_, theirs.tree_):
            return theirs
    pytest.fail("no random_state gives scikit-learn our tree")


def _assert_same(ours, theirs, X):
    a, b = ours.tree_, theirs.tree_
    assert_array_equal(a.children_right, b.children_right)
    for key in ("value", "impurity", "weighted_n_node_samples"):
        assert_allclose(getattr(a, key), getattr(b, key), rtol=RTOL,
                        atol=ATOL, err_msg=key)
    assert_allclose(a.threshold, b.threshold, rtol=THRESHOLD_RTOL)
    assert_allclose(ours.predict_proba(X), theirs.predict_proba(X),
                    rtol=RTOL, atol=ATOL)
    assert_array_equal(ours.predict(X), theirs.predict(X))


@pytest.mark.parametrize("growth", [{"max_depth": 3},
                                    {"max_leaf_nodes": 6}], ids=str)
@pytest.mark.parametrize("dataset, class_weight", SETTINGS)
def test_decision_tree_class_weight_matches_sklearn(dataset, class_weight,
                                                    growth):
    """Check that class weights grow scikit-learn's tree, node for node."""
    X, y = DATASETS[dataset]()
    cw = CLASS_WEIGHTS[class_weight](dataset)
    params = {"class_weight": cw, **growth}
    ours = DecisionTreeClassifier(**params).fit(X, y)
    _assert_same(ours, _matching(ours, X, y, **params), X)


@pytest.mark.parametrize("class_weight", ["balanced", {0: 2.0, 1: 0.5}])
def test_decision_tree_class_weight_multiplies_sample_weight(class_weight):
    """Check that class weights multiply sample_weight (scikit-learn's tree,
    and our tree fitted on the product)."""
    X, y = load_breast_cancer(return_X_y=True)
    weights = np.random.default_rng(0).integers(0, 4, size=len(y))
    params = {"max_depth": 3, "min_weight_fraction_leaf": 0.01}
    ours = DecisionTreeClassifier(class_weight=class_weight, **params)
    ours.fit(X, y, sample_weight=weights)
    product = weights * compute_sample_weight(class_weight, y)
    plain = DecisionTreeClassifier(**params).fit(X, y, sample_weight=product)
    assert_array_equal(ours.tree_.feature, plain.tree_.feature)
    assert_allclose(ours.tree_.value, plain.tree_.value, rtol=RTOL)
    theirs = _matching(ours, X, y, sample_weight=weights,
                       class_weight=class_weight, **params)
    _assert_same(ours, theirs, X)


def test_decision_tree_class_weight_string_labels():
    """Check that a dict keyed by string labels weighs those classes."""
    X, y = load_iris(return_X_y=True)
    names = np.array(["setosa", "versicolor", "virginica"])[y]
    cw = {"setosa": 1.0, "versicolor": 4.0, "virginica": 1.0}
    ours = DecisionTreeClassifier(class_weight=cw, max_depth=2).fit(X, names)
    by_index = DecisionTreeClassifier(class_weight={0: 1.0, 1: 4.0, 2: 1.0},
                                      max_depth=2).fit(X, y)
    assert_allclose(ours.tree_.weighted_n_node_samples,
                    by_index.tree_.weighted_n_node_samples)
    assert ours.tree_.weighted_n_node_samples[0] == 300.0


@pytest.mark.parametrize(
    "class_weight, error, match",
    [
        ({0: 1.0, 5: 2.0}, ValueError,
         r"The classes, \[1, 2\], are not in class_weight"),
        ({7: 2.0}, ValueError,
         r"The classes, \[0, 1, 2\], are not in class_weight"),
        ([{0: 1.0, 1: 2.0, 2: 3.0}], ValueError,
         r"The classes, \[0, 1, 2\], are not in class_weight"),
        ("balanced_subsample", ValueError,
         r"The 'class_weight' parameter of DecisionTreeClassifier must be "
         r"an instance of 'dict', an instance of 'list', a str among "
         r"\{'balanced'\} or None. Got 'balanced_subsample' instead."),
        ("auto", ValueError, r"Got 'auto' instead"),
        (3, ValueError, r"'class_weight' parameter .* Got 3 instead"),
    ],
)
def test_decision_tree_class_weight_rejects_bad_values(class_weight, error,
                                                       match):
    """Check the errors for unknown labels and invalid class_weight, with
    scikit-learn's messages (its tree raises the same)."""
    X, y = load_iris(return_X_y=True)
    with pytest.raises(error, match=match):
        DecisionTreeClassifier(class_weight=class_weight).fit(X, y)
    with pytest.raises(error, match=match):
        sk.DecisionTreeClassifier(class_weight=class_weight).fit(X, y)


def test_decision_tree_class_weight_dict_with_extra_key_is_accepted():
    """Check that a dict naming every class and an unknown label is
    accepted, as scikit-learn accepts it (the extra key is ignored)."""
    X, y = load_iris(return_X_y=True)
    cw = {0: 1.0, 1: 2.0, 2: 3.0, 9: 5.0}
    ours = DecisionTreeClassifier(class_weight=cw, max_depth=2).fit(X, y)
    theirs = sk.DecisionTreeClassifier(class_weight=cw, max_depth=2,
                                       random_state=0).fit(X, y)
    assert_allclose(ours.tree_.weighted_n_node_samples,
                    theirs.tree_.weighted_n_node_samples, rtol=RTOL)
