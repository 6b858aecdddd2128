"""Tests for RandomForestClassifier and RandomForestRegressor, compared against
sklearn.ensemble.RandomForestClassifier and sklearn.ensemble.RandomForestRegressor."""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal
from sklearn import ensemble as sk
from sklearn.datasets import load_breast_cancer, load_diabetes, load_wine
from sklearn.model_selection import train_test_split

from skratch.ensemble import RandomForestClassifier, RandomForestRegressor
from skratch.exceptions import NotFittedError

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
