"""Tests for BaggingClassifier, compared against sklearn.ensemble.BaggingClassifier."""

import warnings

import numpy as np
import pytest
from numpy.testing import assert_allclose
from sklearn import ensemble as sk
from sklearn.datasets import load_breast_cancer, load_wine
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsClassifier

from skratch.ensemble import BaggingClassifier
from skratch.exceptions import NotFittedError

# Random draws differ from scikit-learn's, so we compare held-out accuracy averaged
# over SEEDS: a difference of MARGIN is about two standard errors of that mean here.
SEEDS = range(4)
MARGIN = 0.04


@pytest.mark.parametrize(
    "params", [{}, {"max_samples": 0.5}, {"max_features": 0.5}, {"bootstrap": False}], ids=str
)
@pytest.mark.parametrize("dataset", [load_breast_cancer, load_wine], ids=["breast_cancer", "wine"])
def test_bagging_accuracy_matches_sklearn(dataset, params):
    """Check held-out accuracy against scikit-learn's (mean over seeds, within MARGIN)."""
    X, y = dataset(return_X_y=True)
    ours, theirs = [], []
    for seed in SEEDS:
        X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=seed)
        common = dict(n_estimators=20, random_state=seed, **params)
        ours.append(BaggingClassifier(**common).fit(X_train, y_train).score(X_test, y_test))
        theirs.append(sk.BaggingClassifier(**common).fit(X_train, y_train).score(X_test, y_test))
    assert abs(np.mean(ours) - np.mean(theirs)) < MARGIN


def test_bagging_oob_matches_sklearn():
    """Check that the OOB accuracy is close to scikit-learn's and to held-out accuracy."""
    X, y = load_breast_cancer(return_X_y=True)
    ours = [BaggingClassifier(n_estimators=15, oob_score=True, random_state=s).fit(X, y).oob_score_ for s in SEEDS]
    theirs = [sk.BaggingClassifier(n_estimators=15, oob_score=True, random_state=s).fit(X, y).oob_score_ for s in SEEDS]
    assert abs(np.mean(ours) - np.mean(theirs)) < MARGIN
    bag = BaggingClassifier(n_estimators=30, oob_score=True, random_state=0).fit(X, y)
    assert_allclose(bag.oob_decision_function_.sum(axis=1), 1.0)


def test_bagging_draws_and_other_estimators():
    """Check the recorded draws, seeding, and a base estimator without random_state."""
    X, y = load_wine(return_X_y=True)
    bag = BaggingClassifier(n_estimators=4, max_samples=50, max_features=5, random_state=0).fit(X, y)
    assert all(len(rows) == 50 for rows in bag.estimators_samples_)
    assert all(len(np.unique(f)) == 5 for f in bag.estimators_features_)
    again = BaggingClassifier(n_estimators=4, max_samples=50, max_features=5, random_state=0).fit(X, y)
    assert_allclose(bag.predict_proba(X), again.predict_proba(X))
    knn = BaggingClassifier(KNeighborsClassifier(), n_estimators=5, random_state=0).fit(X, y)
    assert knn.predict_proba(X).shape == (len(X), 3)


def test_bagging_missing_class_in_a_sample():
    """Check that a copy that never saw a class still lines up its probabilities."""
    X = np.arange(20, dtype=float)[:, None]
    y = np.array([0] * 18 + [1, 2])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bag = BaggingClassifier(n_estimators=5, max_samples=5, random_state=0).fit(X, y)
    proba = bag.predict_proba(X)
    assert proba.shape == (20, 3)
    assert_allclose(proba.sum(axis=1), 1.0)


def test_bagging_rejects_bad_input():
    """Check the errors for bad parameters and unfitted use."""
    X, y = load_wine(return_X_y=True)
    with pytest.raises(ValueError, match="Out of bag estimation only available if bootstrap=True"):
        BaggingClassifier(oob_score=True, bootstrap=False).fit(X, y)
    with pytest.raises(ValueError, match="max_samples must be <= 178"):
        BaggingClassifier(max_samples=500).fit(X, y)
    with pytest.raises(ValueError, match="max_features"):
        BaggingClassifier(max_features=0.0).fit(X, y)
    with pytest.raises(NotFittedError):
        BaggingClassifier().predict(X)
