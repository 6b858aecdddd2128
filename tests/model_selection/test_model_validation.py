"""Tests for cross_val_score and learning_curve, compared against
sklearn.model_selection.cross_val_score and learning_curve."""

import numpy as np
import pytest
import sklearn.model_selection as skms
from numpy.testing import assert_allclose, assert_array_equal
from sklearn.datasets import load_breast_cancer, load_diabetes, load_iris
from sklearn.linear_model import Ridge, RidgeClassifier
from sklearn.naive_bayes import GaussianNB
from sklearn.tree import DecisionTreeClassifier

import skratch.model_selection as scms
from skratch.linear_model import LinearRegression

TOL = 1e-12  # deterministic estimators on the same folds give the same numbers


def _diabetes():
    return load_diabetes(return_X_y=True)


def _breast_cancer():
    X, y = load_breast_cancer(return_X_y=True)
    return X[::2, :5], y[::2]


def _iris():
    return load_iris(return_X_y=True)


@pytest.mark.parametrize(
    "estimator, data, scoring",
    [
        (LinearRegression(), _diabetes, None),
        (LinearRegression(), _diabetes, "neg_mean_squared_error"),
        (LinearRegression(), _diabetes, "neg_mean_absolute_error"),
        (Ridge(alpha=0.5), _diabetes, "r2"),
        (GaussianNB(), _breast_cancer, None),
        (GaussianNB(), _breast_cancer, "f1"),
        (GaussianNB(), _breast_cancer, "roc_auc"),
        (RidgeClassifier(), _breast_cancer, "roc_auc"),
        (GaussianNB(), _breast_cancer, "neg_log_loss"),
        (GaussianNB(), _iris, "f1_macro"),
        (GaussianNB(), _iris, "accuracy"),
        (GaussianNB(), _iris, "roc_auc_ovr"),
        (DecisionTreeClassifier(random_state=0), _iris, "precision_weighted"),
    ],
)
@pytest.mark.parametrize("cv", [None, 3, "kfold_shuffled"])
def test_cross_val_score_matches_sklearn(estimator, data, scoring, cv):
    """Check that cross_val_score equals scikit-learn's for the same folds."""
    X, y = data()
    if cv == "kfold_shuffled":
        ours_cv, their_cv = (scms.KFold(4, shuffle=True, random_state=0),
                             skms.KFold(4, shuffle=True, random_state=0))
    else:
        ours_cv = their_cv = cv
    assert_allclose(
        scms.cross_val_score(estimator, X, y, scoring=scoring, cv=ours_cv),
        skms.cross_val_score(estimator, X, y, scoring=scoring, cv=their_cv),
        rtol=TOL, atol=TOL,
    )


def test_cross_val_score_accepts_iterable_of_splits():
    """Check that a list of (train, test) pairs is used as the folds."""
    X, y = _diabetes()
    splits = list(skms.KFold(3).split(X))
    assert_allclose(scms.cross_val_score(LinearRegression(), X, y, cv=splits),
                    skms.cross_val_score(LinearRegression(), X, y, cv=splits),
                    rtol=TOL)


def test_cross_val_score_does_not_fit_the_estimator():
    """Check that the estimator passed in is cloned, not fitted."""
    X, y = _diabetes()
    reg = LinearRegression()
    scms.cross_val_score(reg, X, y, cv=3)
    assert not hasattr(reg, "coef_")


def test_cross_val_score_error_score():
    """Check that a failing fit gives error_score with a warning, or raises."""
    X, y = _diabetes()
    bad = LinearRegression(solver="gd", learning_rate=10.0)  # diverges
    with pytest.warns(RuntimeWarning, match="A fit failed"):
        scores = scms.cross_val_score(bad, X, y, cv=2)
    assert np.isnan(scores).all()
    with pytest.raises(ValueError, match="diverged"):
        scms.cross_val_score(bad, X, y, cv=2, error_score="raise")


@pytest.mark.parametrize(
    "kwargs, error, match",
    [
        ({"scoring": "accuracy_score"}, ValueError, "'accuracy_score' is not a valid"),
        ({"cv": "five"}, ValueError, "Expected cv as an integer"),
        ({"error_score": "ignore"}, ValueError, "error_score must be the string"),
    ],
)
def test_cross_val_score_rejects_invalid_arguments(kwargs, error, match):
    """Check that unknown scorers, cv values and error_score raise clearly."""
    X, y = _diabetes()
    with pytest.raises(error, match=match):
        scms.cross_val_score(LinearRegression(), X, y, **kwargs)


@pytest.mark.parametrize(
    "estimator, data, kwargs",
    [
        (LinearRegression(), _diabetes, {}),
        (LinearRegression(), _diabetes, {"train_sizes": [30, 100, 200], "cv": 3}),
        (GaussianNB(), _breast_cancer,
         {"scoring": "accuracy", "shuffle": True, "random_state": 0}),
        (LinearRegression(), _diabetes,
         {"cv": 4, "shuffle": True, "random_state": 3,
          "scoring": "neg_mean_squared_error", "train_sizes": [0.3, 0.7, 1.0]}),
    ],
)
def test_learning_curve_matches_sklearn(estimator, data, kwargs):
    """Check sizes, train scores and test scores against scikit-learn's."""
    X, y = data()
    ours = scms.learning_curve(estimator, X, y, **kwargs)
    theirs = skms.learning_curve(estimator, X, y, **kwargs)
    assert_array_equal(ours[0], theirs[0])
    assert_allclose(ours[1], theirs[1], rtol=TOL, atol=TOL)
    assert_allclose(ours[2], theirs[2], rtol=TOL, atol=TOL)


def test_learning_curve_duplicate_sizes_warn():
    """Check that sizes rounding to the same number warn and are merged."""
    X, y = _diabetes()
    with pytest.warns(RuntimeWarning, match="Removed duplicate entries"):
        sizes, train, _ = scms.learning_curve(LinearRegression(), X, y, cv=3,
                                              train_sizes=[0.5, 0.5001, 1.0])
    assert sizes.shape == (2,) and train.shape == (2, 3)


@pytest.mark.parametrize(
    "train_sizes, match",
    [([0.0, 0.5], r"fractions .* within \(0, 1\]"),
     ([1.5], r"fractions .* within \(0, 1\]"),
     ([0, 10], r"absolute numbers .* within \(0, 294\]"),
     ([10, 1000], r"absolute numbers .* within \(0, 294\]")],
)
def test_learning_curve_rejects_invalid_train_sizes(train_sizes, match):
    """Check that out-of-range train_sizes raise a ValueError quoting the range."""
    X, y = _diabetes()
    with pytest.raises(ValueError, match=match):
        scms.learning_curve(LinearRegression(), X, y, cv=3, train_sizes=train_sizes)
