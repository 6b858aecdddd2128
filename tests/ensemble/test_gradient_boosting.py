"""Tests for GradientBoostingRegressor and GradientBoostingClassifier, compared against
sklearn.ensemble.GradientBoostingRegressor and sklearn.ensemble.GradientBoostingClassifier."""

import numpy as np
import pytest
from numpy.testing import assert_allclose
from sklearn import ensemble as sk
from sklearn.datasets import load_breast_cancer, load_diabetes, load_iris, load_wine
from sklearn.model_selection import train_test_split

from skratch.ensemble import GradientBoostingClassifier, GradientBoostingRegressor
from skratch.exceptions import NotFittedError

# With subsample=1.0 both grow the same trees on the same residuals: predictions agree
# to rounding (about 1e-13); 1e-6 is the bar.
TOL = 1e-6
# Importances can differ where two features split a node into the same samples (an
# exact tie broken by scikit-learn's random feature order): predictions do not change,
# but the credit goes to the other feature.
IMPORTANCE_ATOL = 0.01

# (dataset, max_depth) pairs whose trees have no tie that changes the partition.
# breast_cancer at depth 2 and wine at depth 3 have one (a node where two features
# isolate different samples equally well), after which the ensembles drift apart.
CLASSIFICATION_CASES = [
    ("breast_cancer", 1), ("breast_cancer", 3), ("iris", 1), ("iris", 2), ("iris", 3),
    ("wine", 1), ("wine", 2),
]
LOADERS = {"breast_cancer": load_breast_cancer, "iris": load_iris, "wine": load_wine}


@pytest.mark.parametrize("learning_rate", [0.1, 0.5])
@pytest.mark.parametrize("max_depth", [1, 2, 3])
def test_gradient_boosting_regressor_matches_sklearn(max_depth, learning_rate):
    """Check predictions, staged predictions and train_score_ on diabetes."""
    X, y = load_diabetes(return_X_y=True)
    params = dict(max_depth=max_depth, learning_rate=learning_rate, n_estimators=60, random_state=0)
    ours = GradientBoostingRegressor(**params).fit(X, y)
    theirs = sk.GradientBoostingRegressor(**params).fit(X, y)
    assert_allclose(ours.predict(X), theirs.predict(X), rtol=TOL)
    assert_allclose(ours.train_score_, theirs.train_score_, rtol=TOL)
    for a, b in zip(ours.staged_predict(X[:50]), theirs.staged_predict(X[:50])):
        assert_allclose(a, b, rtol=TOL)
    assert_allclose(ours.feature_importances_, theirs.feature_importances_, atol=IMPORTANCE_ATOL)


@pytest.mark.parametrize("dataset, max_depth", CLASSIFICATION_CASES)
def test_gradient_boosting_classifier_matches_sklearn(dataset, max_depth):
    """Check probabilities, decision function and train_score_ (binary and multiclass)."""
    X, y = LOADERS[dataset](return_X_y=True)
    params = dict(max_depth=max_depth, n_estimators=60, random_state=0)
    ours = GradientBoostingClassifier(**params).fit(X, y)
    theirs = sk.GradientBoostingClassifier(**params).fit(X, y)
    assert_allclose(ours.predict_proba(X), theirs.predict_proba(X), rtol=TOL, atol=TOL)
    assert_allclose(ours.decision_function(X), theirs.decision_function(X), rtol=TOL, atol=TOL)
    assert_allclose(ours.train_score_, theirs.train_score_, rtol=TOL)
    assert (ours.predict(X) == theirs.predict(X)).all()
    last = list(ours.staged_predict_proba(X))[-1]
    assert_allclose(last, ours.predict_proba(X))


def test_gradient_boosting_sample_weight_matches_sklearn():
    """Check that sample weights give scikit-learn's model (regression and binary)."""
    X, y = load_diabetes(return_X_y=True)
    w = np.random.default_rng(0).integers(1, 4, size=len(y)).astype(float)
    ours = GradientBoostingRegressor(n_estimators=30, random_state=0).fit(X, y, sample_weight=w)
    theirs = sk.GradientBoostingRegressor(n_estimators=30, random_state=0).fit(X, y, sample_weight=w)
    assert_allclose(ours.predict(X), theirs.predict(X), rtol=TOL)
    X, y = load_breast_cancer(return_X_y=True)
    w = np.random.default_rng(0).integers(1, 4, size=len(y)).astype(float)
    ours = GradientBoostingClassifier(n_estimators=30, max_depth=1, random_state=0).fit(X, y, sample_weight=w)
    theirs = sk.GradientBoostingClassifier(n_estimators=30, max_depth=1, random_state=0).fit(X, y, sample_weight=w)
    assert_allclose(ours.predict_proba(X), theirs.predict_proba(X), rtol=TOL, atol=TOL)


def test_gradient_boosting_subsample_scores_like_sklearn():
    """Check that stochastic boosting (subsample=0.5) scores like scikit-learn's on
    held-out data (mean R^2 over 4 seeds within 0.05) and records OOB losses."""
    X, y = load_diabetes(return_X_y=True)
    ours, theirs = [], []
    for seed in range(4):
        X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=seed)
        params = dict(subsample=0.5, n_estimators=50, learning_rate=0.05, random_state=seed)
        model = GradientBoostingRegressor(**params).fit(X_train, y_train)
        ours.append(model.score(X_test, y_test))
        theirs.append(sk.GradientBoostingRegressor(**params).fit(X_train, y_train).score(X_test, y_test))
    assert abs(np.mean(ours) - np.mean(theirs)) < 0.05
    assert model.oob_scores_.shape == (50,) and model.oob_score_ == model.oob_scores_[-1]
    assert model.oob_improvement_[0] > 0


def test_gradient_boosting_rejects_bad_input():
    """Check the errors for bad parameters, one class, unfitted models and feature counts."""
    X, y = load_iris(return_X_y=True)
    with pytest.raises(ValueError, match="learning_rate"):
        GradientBoostingClassifier(learning_rate=-0.1).fit(X, y)
    with pytest.raises(ValueError, match="subsample"):
        GradientBoostingRegressor(subsample=0.0).fit(X, y)
    with pytest.raises(ValueError, match="loss"):
        GradientBoostingRegressor(loss="huber").fit(X, y)
    with pytest.raises(ValueError, match="minimum of 2 classes"):
        GradientBoostingClassifier().fit(X, np.zeros(len(X)))
    with pytest.raises(ValueError, match="Unknown label type"):
        GradientBoostingClassifier().fit(X, y + 0.5)
    with pytest.raises(NotFittedError):
        GradientBoostingRegressor().predict(X)
    model = GradientBoostingRegressor(n_estimators=5).fit(X, y)
    with pytest.raises(ValueError, match="X has 2 features"):
        model.predict(X[:, :2])
