"""Tests for RandomForestClassifier and RandomForestRegressor, compared against
sklearn.ensemble.RandomForestClassifier and sklearn.ensemble.RandomForestRegressor."""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal
from sklearn import ensemble as sk
from sklearn.datasets import (
    load_breast_cancer,
    load_diabetes,
    load_iris,
    load_wine,
    make_classification,
)
from sklearn.metrics import balanced_accuracy_score
from sklearn.model_selection import train_test_split

from skratch.ensemble import RandomForestClassifier, RandomForestRegressor
from skratch.exceptions import NotFittedError
from skratch.utils import compute_class_weight

# Bootstrap samples and feature draws differ from scikit-learn's, so we compare
# held-out accuracy / R^2 averaged over SEEDS; these margins are about two standard
# errors of that mean on these data sets.
SEEDS = range(4)
ACCURACY_MARGIN = 0.03
R2_MARGIN = 0.05


@pytest.mark.parametrize(
    "params",
    [{}, {"max_features": 0.5, "criterion": "entropy"}, {"max_depth": 3}, {"max_samples": 0.5}],
    ids=str,
)
@pytest.mark.parametrize("dataset", [load_breast_cancer, load_wine], ids=["breast_cancer", "wine"])
def test_random_forest_classifier_accuracy_matches_sklearn(dataset, params):
    """Check held-out accuracy and OOB accuracy against scikit-learn's (mean over seeds)."""
    X, y = dataset(return_X_y=True)
    ours, theirs, ours_oob, theirs_oob = [], [], [], []
    for seed in SEEDS:
        X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=seed)
        common = dict(n_estimators=20, oob_score=True, random_state=seed, **params)
        a = RandomForestClassifier(**common).fit(X_train, y_train)
        b = sk.RandomForestClassifier(**common).fit(X_train, y_train)
        ours.append(a.score(X_test, y_test)), theirs.append(b.score(X_test, y_test))
        ours_oob.append(a.oob_score_), theirs_oob.append(b.oob_score_)
    assert abs(np.mean(ours) - np.mean(theirs)) < ACCURACY_MARGIN
    assert abs(np.mean(ours_oob) - np.mean(theirs_oob)) < ACCURACY_MARGIN


@pytest.mark.parametrize("params", [{}, {"max_features": "sqrt"}, {"min_samples_leaf": 5}], ids=str)
def test_random_forest_regressor_r2_matches_sklearn(params):
    """Check held-out R^2 and OOB R^2 on diabetes against scikit-learn's."""
    X, y = load_diabetes(return_X_y=True)
    ours, theirs, ours_oob, theirs_oob = [], [], [], []
    for seed in SEEDS:
        X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=seed)
        common = dict(n_estimators=20, oob_score=True, random_state=seed, **params)
        a = RandomForestRegressor(**common).fit(X_train, y_train)
        b = sk.RandomForestRegressor(**common).fit(X_train, y_train)
        ours.append(a.score(X_test, y_test)), theirs.append(b.score(X_test, y_test))
        ours_oob.append(a.oob_score_), theirs_oob.append(b.oob_score_)
    assert abs(np.mean(ours) - np.mean(theirs)) < R2_MARGIN
    assert abs(np.mean(ours_oob) - np.mean(theirs_oob)) < R2_MARGIN


def test_random_forest_without_bootstrap_and_all_features_is_one_tree():
    """Check that bootstrap=False, max_features=None trees are all the same tree."""
    X, y = load_wine(return_X_y=True)
    forest = RandomForestClassifier(n_estimators=3, bootstrap=False, max_features=None).fit(X, y)
    first = forest.estimators_[0].tree_
    for tree in forest.estimators_[1:]:
        assert_array_equal(tree.tree_.feature, first.feature)
    assert_allclose(forest.predict_proba(X), forest.estimators_[0].predict_proba(X))


def test_random_forest_is_seeded_and_has_sklearn_attributes():
    """Check reproducibility, attribute shapes, and importances that sum to one."""
    X, y = load_breast_cancer(return_X_y=True)
    a = RandomForestClassifier(n_estimators=10, random_state=1).fit(X, y)
    b = RandomForestClassifier(n_estimators=10, random_state=1).fit(X, y)
    assert_allclose(a.predict_proba(X), b.predict_proba(X))
    assert a.apply(X).shape == (len(X), 10)
    assert_allclose(a.feature_importances_.sum(), 1.0)
    # The top feature agrees with scikit-learn's ranking (top 5 of theirs).
    theirs = sk.RandomForestClassifier(n_estimators=50, random_state=0).fit(X, y)
    ours = RandomForestClassifier(n_estimators=50, random_state=0).fit(X, y)
    assert np.argmax(ours.feature_importances_) in np.argsort(theirs.feature_importances_)[-5:]


def test_random_forest_rejects_bad_input():
    """Check the errors for bad parameters and unfitted use."""
    X, y = load_wine(return_X_y=True)
    with pytest.raises(ValueError, match="Out of bag estimation only available if bootstrap=True"):
        RandomForestClassifier(oob_score=True, bootstrap=False).fit(X, y)
    with pytest.raises(ValueError, match="max_sample"):
        RandomForestClassifier(max_samples=0.5, bootstrap=False).fit(X, y)
    with pytest.raises(ValueError, match="n_estimators"):
        RandomForestRegressor(n_estimators=0).fit(X, y)
    with pytest.raises(ValueError, match="max_samples must be <= n_samples"):
        RandomForestRegressor(max_samples=1000).fit(X, y)
    with pytest.raises(NotFittedError):
        RandomForestClassifier().predict(X)


# --- class_weight ---------------------------------------------------------------------

# Binary-fraction weights keep the weighted counts exact (see
# tests/tree/test_tree_class_weight.py for why other weights may split a
# rounding-level impurity differently from scikit-learn).
FOREST_CLASS_WEIGHTS = ["balanced", {0: 2.0, 1: 0.5}, "balanced_subsample"]


def _imbalanced_wine():
    # wine with most of class 0 removed: classes of 12, 71 and 48 samples.
    X, y = load_wine(return_X_y=True)
    keep = (y != 0) | (np.arange(len(y)) % 5 == 0)
    return X[keep], y[keep]


@pytest.mark.parametrize("class_weight", FOREST_CLASS_WEIGHTS, ids=str)
def test_random_forest_class_weight_without_bootstrap_matches_sklearn(class_weight):
    """Check that without bootstrap and feature draws the trees are scikit-learn's."""
    # The forest draws its bootstraps and feature orders with NumPy, so it matches
    # scikit-learn node for node only where no draw matters: no bootstrap, every
    # feature, and no two features that split a node equally well (deeper trees
    # on breast_cancer, and iris or wine, have such ties, which scikit-learn breaks
    # by its random feature order).
    X, y = load_breast_cancer(return_X_y=True)
    params = dict(n_estimators=3, bootstrap=False, max_features=None, max_depth=3,
                  class_weight=class_weight, random_state=0)
    ours = RandomForestClassifier(**params).fit(X, y)
    theirs = sk.RandomForestClassifier(**params).fit(X, y)
    for a, b in zip(ours.estimators_, theirs.estimators_):
        assert_array_equal(a.tree_.children_left, b.tree_.children_left)
        assert_array_equal(a.tree_.feature, b.tree_.feature)
        assert_allclose(a.tree_.threshold, b.tree_.threshold, rtol=1e-6)
        assert_allclose(a.tree_.value, b.tree_.value, rtol=1e-12, atol=1e-12)
        assert_allclose(a.tree_.weighted_n_node_samples,
                        b.tree_.weighted_n_node_samples, rtol=1e-12)
    assert_allclose(ours.predict_proba(X), theirs.predict_proba(X), atol=1e-12)


@pytest.mark.parametrize("class_weight", ["balanced", {0: 2.0, 2: 0.5}], ids=str)
def test_random_forest_class_weight_is_sample_weight(class_weight):
    """Check that class_weight grows the forest of the product of the weights."""
    X, y = _imbalanced_wine()
    weights = np.random.default_rng(0).integers(1, 4, size=len(y))
    weighted = RandomForestClassifier(n_estimators=5, class_weight=class_weight,
                                      random_state=0).fit(X, y, sample_weight=weights)
    # As scikit-learn's forests, "balanced" counts the classes with their weights.
    by_class = compute_class_weight(class_weight, classes=np.unique(y), y=y,
                                    sample_weight=weights)
    product = weights * by_class[y]
    plain = RandomForestClassifier(n_estimators=5, random_state=0).fit(
        X, y, sample_weight=product)
    for a, b in zip(weighted.estimators_, plain.estimators_):
        assert_array_equal(a.tree_.feature, b.tree_.feature)
    assert_allclose(weighted.predict_proba(X), plain.predict_proba(X), rtol=1e-12)


def test_random_forest_balanced_subsample_balances_each_bootstrap():
    """Check that balanced_subsample gives every class the same weight in each tree."""
    X, y = _imbalanced_wine()
    forest = RandomForestClassifier(n_estimators=10, class_weight="balanced_subsample",
                                    random_state=0).fit(X, y)
    for tree in forest.estimators_:
        root = tree.tree_.value[0, 0] * tree.tree_.weighted_n_node_samples[0]
        present = root > 0  # a bootstrap can miss a rare class (it then weighs 0)
        assert_allclose(root[present], root[present].mean(), rtol=1e-12)
        # the tree's total weight is its number of draws, as with "balanced"
        assert_allclose(root.sum(), len(y), rtol=1e-12)
    # "balanced" on the whole set leaves each bootstrap a little unbalanced.
    balanced = RandomForestClassifier(n_estimators=10, class_weight="balanced",
                                      random_state=0).fit(X, y)
    root = balanced.estimators_[0].tree_.value[0, 0]
    assert not np.allclose(root, root.mean())
    # Without bootstrap, "balanced_subsample" is "balanced".
    params = dict(n_estimators=3, bootstrap=False, random_state=0)
    assert_array_equal(
        RandomForestClassifier(class_weight="balanced_subsample", **params)
        .fit(X, y).predict_proba(X),
        RandomForestClassifier(class_weight="balanced", **params)
        .fit(X, y).predict_proba(X),
    )


# Balanced accuracy on an imbalanced problem moves a lot with a few rare-class
# samples: over 8 splits its mean differs from scikit-learn's by at most 0.022 here
# (standard error of the difference about 0.01 to 0.02).
BALANCED_SEEDS = range(8)
BALANCED_ACCURACY_MARGIN = 0.05


@pytest.mark.parametrize("class_weight", [None] + FOREST_CLASS_WEIGHTS, ids=str)
def test_random_forest_class_weight_balanced_accuracy_matches_sklearn(class_weight):
    """Check held-out balanced accuracy with class weights against scikit-learn's."""
    X, y = make_classification(n_samples=600, n_features=10, n_informative=5,
                               n_classes=3, weights=[0.8, 0.15, 0.05], random_state=0)
    ours, theirs = [], []
    for seed in BALANCED_SEEDS:
        X_train, X_test, y_train, y_test = train_test_split(
            X, y, random_state=seed, stratify=y)
        common = dict(n_estimators=20, class_weight=class_weight, random_state=seed)
        a = RandomForestClassifier(**common).fit(X_train, y_train)
        b = sk.RandomForestClassifier(**common).fit(X_train, y_train)
        ours.append(balanced_accuracy_score(y_test, a.predict(X_test)))
        theirs.append(balanced_accuracy_score(y_test, b.predict(X_test)))
    assert abs(np.mean(ours) - np.mean(theirs)) < BALANCED_ACCURACY_MARGIN


def test_random_forest_sample_weight_draws_rows():
    """Check that unequal weights set each row's chance to be drawn (scikit-learn 1.9)."""
    X, y = load_breast_cancer(return_X_y=True)
    weights = np.ones(len(y))
    weights[:50] = 0.0  # never drawn, so out of bag for every tree
    weights[50:100] = 5.0
    forest = RandomForestClassifier(n_estimators=30, oob_score=True, random_state=0)
    forest.fit(X, y, sample_weight=weights)
    roots = [tree.tree_.weighted_n_node_samples[0] for tree in forest.estimators_]
    assert_allclose(roots, len(y))  # the trees see the counts of n draws
    # Out of bag in every tree: their OOB probabilities are the whole forest's.
    assert_allclose(forest.oob_decision_function_[:50], forest.predict_proba(X[:50]),
                    rtol=1e-12)


def test_random_forest_class_weight_errors():
    """Check that bad class weights are refused with the value quoted."""
    X, y = load_iris(return_X_y=True)
    with pytest.raises(ValueError, match=r"'class_weight' parameter .* Got 'auto'"):
        RandomForestClassifier(class_weight="auto").fit(X, y)
    with pytest.raises(ValueError, match=r"The classes, \[0, 1, 2\], are not in"):
        RandomForestClassifier(class_weight={5: 2.0}).fit(X, y)
