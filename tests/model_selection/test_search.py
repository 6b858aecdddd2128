"""Tests for GridSearchCV and ParameterGrid, compared against
sklearn.model_selection.GridSearchCV and ParameterGrid."""

import re

import numpy as np
import pytest
import sklearn.model_selection as skms
from numpy.testing import assert_allclose, assert_array_equal
from sklearn.datasets import load_breast_cancer, load_diabetes
from sklearn.linear_model import Ridge, RidgeClassifier
from sklearn.naive_bayes import GaussianNB

import skratch.model_selection as scms
from skratch.exceptions import NotFittedError
from skratch.linear_model import LinearRegression

TOL = 1e-12


def test_parameter_grid_same_order_as_sklearn():
    """Check that candidates come in scikit-learn's order, for a dict and a list."""
    for grid in ({"b": [1, 2], "a": ["x", "y", "z"]},
                 [{"kernel": ["linear"], "C": [1, 10]}, {"gamma": [0.1], "C": [1]}]):
        assert list(scms.ParameterGrid(grid)) == list(skms.ParameterGrid(grid))
        assert len(scms.ParameterGrid(grid)) == len(skms.ParameterGrid(grid))


@pytest.mark.parametrize("grid", [
    {"a": 1}, {"a": "abc"}, {"a": {1, 2}}, {"a": []}, {"a": np.zeros((2, 2))},
    "a", 1, (1, 2), [{"a": [1]}, 3],
], ids=["scalar", "str", "set", "empty", "2d", "str-grid", "int", "tuple",
        "list-with-int"])
def test_parameter_grid_rejects_invalid_grids_as_sklearn(grid):
    """Check that bad grids raise scikit-learn's error type and message."""
    with pytest.raises((TypeError, ValueError)) as theirs:
        skms.ParameterGrid(grid)
    with pytest.raises(theirs.type, match=f"^{re.escape(str(theirs.value))}$"):
        scms.ParameterGrid(grid)


def test_parameter_grid_accepts_what_sklearn_accepts():
    """Check that tuples, ranges, arrays and an empty list are grids there too."""
    for grid in ({"a": (1, 2)}, {"a": range(3)}, {"a": np.arange(2)}, []):
        assert list(scms.ParameterGrid(grid)) == list(skms.ParameterGrid(grid))


@pytest.mark.parametrize(
    "estimator, grid, scoring, data",
    [
        (Ridge(), {"alpha": [0.01, 1.0, 100.0], "fit_intercept": [True, False]}, None,
         "diabetes"),
        (Ridge(), {"alpha": [0.1, 10.0]}, "neg_mean_squared_error", "diabetes"),
        (LinearRegression(), {"fit_intercept": [True, False]}, "r2", "diabetes"),
        (RidgeClassifier(), {"alpha": [0.01, 1.0, 100.0]}, "roc_auc",
         "cancer"),
        (GaussianNB(),
         [{"var_smoothing": [1e-9]}, {"var_smoothing": [1e-3], "priors": [None]}],
         "accuracy", "cancer"),
    ],
)
def test_grid_search_matches_sklearn(estimator, grid, scoring, data):
    """Check cv_results_ scores, ranks and best_* against scikit-learn's."""
    if data == "diabetes":
        X, y = load_diabetes(return_X_y=True)
    else:
        X, y = load_breast_cancer(return_X_y=True)
        X, y = X[::2, :5], y[::2]
    ours = scms.GridSearchCV(estimator, grid, scoring=scoring, cv=4,
                             return_train_score=True).fit(X, y)
    theirs = skms.GridSearchCV(estimator, grid, scoring=scoring, cv=4,
                               return_train_score=True).fit(X, y)
    for key in ("mean_test_score", "std_test_score", "split0_test_score",
                "split3_test_score", "mean_train_score"):
        assert_allclose(ours.cv_results_[key], theirs.cv_results_[key], rtol=TOL,
                        atol=TOL)
    assert_array_equal(ours.cv_results_["rank_test_score"],
                       theirs.cv_results_["rank_test_score"])
    assert ours.cv_results_["params"] == theirs.cv_results_["params"]
    for key in theirs.cv_results_:
        if key.startswith("param_"):
            assert_array_equal(ours.cv_results_[key].mask, theirs.cv_results_[key].mask)
    assert ours.best_params_ == theirs.best_params_
    assert ours.best_index_ == theirs.best_index_
    assert_allclose(ours.best_score_, theirs.best_score_, rtol=TOL)
    assert_allclose(ours.predict(X), theirs.predict(X), rtol=TOL)
    assert_allclose(ours.score(X, y), theirs.score(X, y), rtol=TOL)


def test_grid_search_ties_rank_first_candidate_best():
    """Check that tied candidates share rank 1 and the first one is chosen."""
    X, y = load_diabetes(return_X_y=True)
    search = scms.GridSearchCV(LinearRegression(), {"tol": [1e-6, 1e-7]}, cv=3).fit(X, y)
    assert_array_equal(search.cv_results_["rank_test_score"], [1, 1])
    assert search.best_index_ == 0


def test_grid_search_nested_params_and_classes():
    """Check step__param names in a grid (sklearn Pipeline) and classes_ passthrough."""
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    X, y = load_breast_cancer(return_X_y=True)
    pipe = make_pipeline(StandardScaler(), GaussianNB())
    search = scms.GridSearchCV(pipe, {"gaussiannb__var_smoothing": [1e-9, 1e-3]}, cv=3)
    search.fit(X[::3], y[::3])
    assert_array_equal(search.classes_, [0, 1])
    assert search.predict_proba(X[:5]).shape == (5, 2)


def test_grid_search_refit_false_and_not_fitted():
    """Check that predict needs a refitted, fitted search."""
    X, y = load_diabetes(return_X_y=True)
    with pytest.raises(NotFittedError):
        scms.GridSearchCV(Ridge(), {"alpha": [1.0]}).predict(X)
    search = scms.GridSearchCV(Ridge(), {"alpha": [1.0, 2.0]}, refit=False).fit(X, y)
    assert not hasattr(search, "best_estimator_")
    # scikit-learn's words: no such attribute, because of refit=False (the cause).
    with pytest.raises(AttributeError,
                       match="^This 'GridSearchCV' has no attribute 'predict'$") as e:
        search.predict(X)
    assert "`refit=False`. predict is available only after" in str(e.value.__cause__)
    assert not hasattr(search, "predict")


def test_grid_search_rejects_unknown_parameter():
    """Check that a grid naming a parameter the estimator lacks raises ValueError."""
    X, y = load_diabetes(return_X_y=True)
    with pytest.raises(ValueError, match="Invalid parameter 'alpha'"):
        scms.GridSearchCV(LinearRegression(), {"alpha": [1.0]}, cv=2,
                          error_score="raise").fit(X, y)
