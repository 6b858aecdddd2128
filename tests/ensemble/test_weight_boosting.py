"""Tests for AdaBoostClassifier, compared against sklearn.ensemble.AdaBoostClassifier."""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal
from sklearn import ensemble as sk
from sklearn.datasets import load_breast_cancer, load_iris, load_wine
from sklearn.naive_bayes import GaussianNB

from skratch.ensemble import AdaBoostClassifier
from skratch.exceptions import NotFittedError
from skratch.tree import DecisionTreeClassifier

# SAMME is deterministic once the weak learners are: both sides grow the same stumps on
# the same weights (checked by the errors), so the errors, votes and probabilities
# agree to rounding.
RTOL = 1e-10
ATOL = 1e-12
LOADERS = {"breast_cancer": load_breast_cancer, "iris": load_iris, "wine": load_wine}


@pytest.mark.parametrize("learning_rate", [1.0, 0.3])
@pytest.mark.parametrize("dataset", LOADERS)
def test_adaboost_matches_sklearn(dataset, learning_rate):
    """Check errors, weights, decision function, probabilities and staged predictions."""
    X, y = LOADERS[dataset](return_X_y=True)
    ours = AdaBoostClassifier(n_estimators=40, learning_rate=learning_rate, random_state=0).fit(X, y)
    theirs = sk.AdaBoostClassifier(n_estimators=40, learning_rate=learning_rate, random_state=0).fit(X, y)
    assert len(ours.estimators_) == len(theirs.estimators_)
    assert_allclose(ours.estimator_errors_, theirs.estimator_errors_, rtol=RTOL, atol=ATOL)
    assert_allclose(ours.estimator_weights_, theirs.estimator_weights_, rtol=RTOL, atol=ATOL)
    assert_allclose(ours.decision_function(X), theirs.decision_function(X), rtol=RTOL, atol=ATOL)
    assert_allclose(ours.predict_proba(X), theirs.predict_proba(X), rtol=RTOL, atol=ATOL)
    for a, b in zip(ours.staged_predict(X), theirs.staged_predict(X)):
        assert_array_equal(a, b)
    if dataset != "iris":  # iris's stumps tie petal length and width: same votes,
        # but the credit may go to the other feature
        assert_allclose(ours.feature_importances_, theirs.feature_importances_, rtol=1e-8, atol=1e-12)


def test_adaboost_deeper_trees_and_other_learners():
    """Check depth-2 trees against scikit-learn, and that any weighted classifier works."""
    X, y = load_wine(return_X_y=True)
    ours = AdaBoostClassifier(DecisionTreeClassifier(max_depth=2), n_estimators=10, random_state=0).fit(X, y)
    from sklearn.tree import DecisionTreeClassifier as SkTree

    theirs = sk.AdaBoostClassifier(SkTree(max_depth=2), n_estimators=10, random_state=0).fit(X, y)
    assert_allclose(ours.estimator_errors_, theirs.estimator_errors_, rtol=RTOL, atol=ATOL)
    nb = AdaBoostClassifier(GaussianNB(), n_estimators=5, random_state=0).fit(X, y)
    assert nb.score(X, y) > 0.9


def test_adaboost_stops_on_perfect_learner():
    """Check that a learner with zero error ends boosting with vote 1."""
    X = np.array([[0.0], [1.0], [2.0], [3.0]])
    y = np.array([0, 0, 1, 1])
    clf = AdaBoostClassifier(n_estimators=10).fit(X, y)
    assert len(clf.estimators_) == 1
    assert clf.estimator_errors_[0] == 0.0 and clf.estimator_weights_[0] == 1.0
    assert_array_equal(clf.predict(X), y)


def test_adaboost_rejects_bad_input():
    """Check the errors for bad parameters, bad learners and unfitted use."""
    X, y = load_iris(return_X_y=True)
    with pytest.raises(ValueError, match="learning_rate"):
        AdaBoostClassifier(learning_rate=0).fit(X, y)
    with pytest.raises(ValueError, match="n_estimators"):
        AdaBoostClassifier(n_estimators=0).fit(X, y)
    with pytest.raises(TypeError, match="estimator must be an estimator"):
        AdaBoostClassifier(estimator="tree").fit(X, y)
    with pytest.raises(NotFittedError):
        AdaBoostClassifier().predict(X)
