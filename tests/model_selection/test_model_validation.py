"""Tests for cross_validate, cross_val_score, learning_curve and validation_curve,
compared against their sklearn.model_selection twins."""

import numpy as np
import pytest
import sklearn.model_selection as skms
from numpy.testing import assert_allclose, assert_array_equal
from sklearn.datasets import load_breast_cancer, load_diabetes, load_iris
from sklearn.linear_model import Ridge, RidgeClassifier
from sklearn.naive_bayes import GaussianNB
from sklearn.tree import DecisionTreeClassifier

import skratch.model_selection as scms
from skratch.exceptions import FitFailedWarning
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
    """Check that all fits failing raises (as scikit-learn does), with the error."""
    X, y = _diabetes()
    bad = LinearRegression(solver="gd", learning_rate=10.0)  # diverges
    with pytest.raises(ValueError, match=r"(?s)All the 2 fits failed.*diverged"):
        scms.cross_val_score(bad, X, y, cv=2)
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


# cross_validate and validation_curve ---------------------------------------


class _FailsOnBigRows:
    """A regressor whose fit fails when its training rows include a big value."""

    def __init__(self, limit=1e3):
        self.limit = limit

    def get_params(self, deep=True):
        return {"limit": self.limit}

    def set_params(self, **params):
        self.limit = params.get("limit", self.limit)
        return self

    def fit(self, X, y):
        if np.abs(X).max() > self.limit:
            raise ValueError(f"a value above limit={self.limit}")
        self.mean_ = float(np.mean(y))
        return self

    def predict(self, X):
        return np.full(len(X), self.mean_)

    def score(self, X, y):
        return -float(np.mean((y - self.predict(X)) ** 2))


@pytest.mark.parametrize(
    "estimator, data, scoring",
    [
        (LinearRegression(), _diabetes, None),
        (LinearRegression(), _diabetes, "r2"),
        (LinearRegression(), _diabetes, ["r2", "neg_mean_squared_error"]),
        (Ridge(alpha=0.5), _diabetes,
         {"R2": "r2", "mae": "neg_mean_absolute_error"}),
        (GaussianNB(), _breast_cancer, ("accuracy", "roc_auc", "f1")),
        (GaussianNB(), _iris, {"acc": "accuracy", "f1": "f1_macro"}),
        (DecisionTreeClassifier(random_state=0), _iris, "accuracy"),
    ],
)
@pytest.mark.parametrize("cv", [None, 3, "shuffle_split"])
def test_cross_validate_matches_sklearn(estimator, data, scoring, cv):
    """Check keys and every score array against scikit-learn's cross_validate."""
    X, y = data()
    ours_cv, their_cv = cv, cv
    if cv == "shuffle_split":
        ours_cv = scms.ShuffleSplit(4, test_size=0.3, random_state=0)
        their_cv = skms.ShuffleSplit(4, test_size=0.3, random_state=0)
    ours = scms.cross_validate(estimator, X, y, scoring=scoring, cv=ours_cv,
                               return_train_score=True)
    theirs = skms.cross_validate(estimator, X, y, scoring=scoring, cv=their_cv,
                                 return_train_score=True)
    assert sorted(ours) == sorted(theirs)
    for key in ours:
        if key.endswith("_time"):
            assert ours[key].shape == theirs[key].shape
            assert np.all(ours[key] >= 0)
        else:
            assert_allclose(ours[key], theirs[key], rtol=TOL, atol=TOL)


def test_cross_validate_callable_scorers_estimators_and_indices():
    """Check a callable scorer, a dict-returning one, estimators and indices."""
    X, y = _diabetes()

    def neg_max_error(est, X, y):
        return -np.max(np.abs(y - est.predict(X)))

    def two(est, X, y):
        return {"bias": np.mean(est.predict(X) - y), "neg_max": neg_max_error(
            est, X, y)}

    cv = scms.KFold(3, shuffle=True, random_state=1)
    sk_cv = skms.KFold(3, shuffle=True, random_state=1)
    ours = scms.cross_validate(LinearRegression(), X, y, cv=cv,
                               scoring=neg_max_error, return_estimator=True,
                               return_indices=True)
    theirs = skms.cross_validate(LinearRegression(), X, y, cv=sk_cv,
                                 scoring=neg_max_error, return_indices=True)
    assert_allclose(ours["test_score"], theirs["test_score"], rtol=TOL)
    for kind in ("train", "test"):
        for a, b in zip(ours["indices"][kind], theirs["indices"][kind]):
            assert_array_equal(a, b)
    fitted = ours["estimator"]
    assert len(fitted) == 3 and all(hasattr(e, "coef_") for e in fitted)
    assert len({id(e) for e in fitted}) == 3
    ours = scms.cross_validate(LinearRegression(), X, y, cv=cv, scoring=two)
    theirs = skms.cross_validate(LinearRegression(), X, y, cv=sk_cv, scoring=two)
    assert sorted(ours) == sorted(theirs)
    assert_allclose(ours["test_neg_max"], theirs["test_neg_max"], rtol=TOL)


def test_cross_validate_passes_groups_to_the_splitter():
    """Check that groups reach GroupKFold, in cross_validate and its wrappers."""
    X, y = _iris()
    groups = np.arange(len(y)) % 7
    kwargs = {"cv": skms.GroupKFold(3), "groups": groups}
    theirs = skms.cross_validate(GaussianNB(), X, y, **kwargs)
    ours = scms.cross_validate(GaussianNB(), X, y, cv=scms.GroupKFold(3),
                               groups=groups)
    assert_allclose(ours["test_score"], theirs["test_score"], rtol=TOL)
    assert_allclose(
        scms.cross_val_score(GaussianNB(), X, y, cv=scms.GroupKFold(3),
                             groups=groups),
        theirs["test_score"], rtol=TOL)
    assert_allclose(
        scms.learning_curve(GaussianNB(), X, y, cv=scms.GroupKFold(3),
                            groups=groups, train_sizes=[0.5, 1.0])[2],
        skms.learning_curve(GaussianNB(), X, y, train_sizes=[0.5, 1.0],
                            **kwargs)[2], rtol=TOL)
    with pytest.raises(ValueError, match="'groups' parameter should not be None"):
        scms.cross_validate(GaussianNB(), X, y, cv=scms.GroupKFold(3))


def test_cross_validate_nan_in_X_names_the_problem():
    """Check that NaN in X fails every fit with the estimator's message."""
    X, y = _diabetes()
    X = X.copy()
    X[5, 2] = np.nan
    with pytest.raises(ValueError, match="Input X contains NaN"):
        scms.cross_validate(LinearRegression(), X, y, cv=3, error_score="raise")
    # The two folds that train on row 5 fail to fit; the one that tests on it
    # fails to score. All three say why.
    fit_failed = pytest.warns(FitFailedWarning, match=r"(?s)2 fits failed out "
                              r"of a total of 3.*Input X contains NaN")
    score_failed = pytest.warns(UserWarning, match=r"(?s)Scoring failed.*Input X "
                                r"contains NaN")
    with fit_failed, score_failed:
        res = scms.cross_validate(LinearRegression(), X, y, cv=3)
    assert np.isnan(res["test_score"]).all()


def test_cross_validate_some_or_all_fits_failing():
    """Check FitFailedWarning for some failures and ValueError for all."""
    X = np.arange(40.0).reshape(20, 2)
    X[0, 0] = 1e6  # in the training set of every fold but the first
    y = np.arange(20.0)
    with pytest.warns(FitFailedWarning, match=r"(?s)4 fits failed out of a total of "
                      r"5.*set to nan.*limit=1000"):
        res = scms.cross_validate(_FailsOnBigRows(), X, y, cv=5,
                                  return_train_score=True)
    assert np.isnan(res["test_score"][1:]).all()
    assert np.isfinite(res["test_score"][0])
    assert np.isnan(res["train_score"][1:]).all()
    with pytest.warns(FitFailedWarning, match="will be set to -1.0"):
        res = scms.cross_validate(_FailsOnBigRows(), X, y, cv=5,
                                  error_score=-1.0,
                                  scoring=["r2", "neg_mean_squared_error"])
    assert_array_equal(res["test_r2"][1:], -1.0)
    with pytest.raises(ValueError, match=r"(?s)All the 5 fits failed.*"
                       "limit=0.5"):
        scms.cross_validate(_FailsOnBigRows(limit=0.5), X, y, cv=5)


@pytest.mark.parametrize(
    "scoring, match",
    [
        (["r2", "r2"], r"Duplicate elements were found in the given list"),
        ([], r"Empty list was given"),
        ([lambda e, X, y: 0.0], r"One or more of the elements were callables"),
        ([1, 2], r"Non-string types were found in the given list"),
        ({}, r"An empty dict was passed"),
        ({1: "r2"}, r"Non-string types were found in the keys"),
        (["r2", "accuracy_score"], r"'accuracy_score' is not a valid scoring"),
        (3.5, r"scoring is invalid \(got 3.5\)"),
    ],
)
def test_cross_validate_rejects_invalid_scoring(scoring, match):
    """Check the messages for bad multi-metric scoring, naming the value."""
    X, y = _diabetes()
    with pytest.raises(ValueError, match=match):
        scms.cross_validate(LinearRegression(), X, y, scoring=scoring)


def test_cross_val_score_rejects_several_metrics():
    """Check that cross_val_score refuses a list and points to cross_validate."""
    X, y = _diabetes()
    with pytest.raises(ValueError, match=r"use cross_validate for several"):
        scms.cross_val_score(LinearRegression(), X, y, scoring=["r2"])


@pytest.mark.parametrize(
    "estimator, data, param_name, param_range, kwargs",
    [
        (Ridge(), _diabetes, "alpha", [0.01, 1.0, 100.0], {}),
        (Ridge(), _diabetes, "alpha", np.logspace(-2, 2, 4),
         {"cv": 3, "scoring": "neg_mean_squared_error"}),
        (DecisionTreeClassifier(random_state=0), _iris, "max_depth",
         [1, 2, 4, None], {"scoring": "accuracy"}),
        (GaussianNB(), _breast_cancer, "var_smoothing", [1e-9, 1e-3, 1e-1],
         {"cv": "shuffle"}),
    ],
)
def test_validation_curve_matches_sklearn(estimator, data, param_name,
                                          param_range, kwargs):
    """Check both score arrays against scikit-learn's validation_curve."""
    X, y = data()
    ours_kwargs, their_kwargs = dict(kwargs), dict(kwargs)
    if kwargs.get("cv") == "shuffle":
        ours_kwargs["cv"] = scms.StratifiedShuffleSplit(4, random_state=0)
        their_kwargs["cv"] = skms.StratifiedShuffleSplit(4, random_state=0)
    ours = scms.validation_curve(estimator, X, y, param_name=param_name,
                                 param_range=param_range, **ours_kwargs)
    theirs = skms.validation_curve(estimator, X, y, param_name=param_name,
                                   param_range=param_range, **their_kwargs)
    assert ours[0].shape == (len(param_range), theirs[0].shape[1])
    assert_allclose(ours[0], theirs[0], rtol=TOL, atol=TOL)
    assert_allclose(ours[1], theirs[1], rtol=TOL, atol=TOL)


def test_validation_curve_skratch_estimator_and_groups():
    """Check a skratch estimator with GroupKFold against scikit-learn's."""
    from skratch.linear_model import Ridge as OurRidge

    X, y = _diabetes()
    groups = np.arange(len(y)) % 5
    ours = scms.validation_curve(OurRidge(), X, y, param_name="alpha",
                                 param_range=[0.1, 1.0], groups=groups,
                                 cv=scms.GroupKFold(5))
    theirs = skms.validation_curve(Ridge(), X, y, param_name="alpha",
                                   param_range=[0.1, 1.0], groups=groups,
                                   cv=skms.GroupKFold(5))
    assert_allclose(ours[1], theirs[1], rtol=1e-8)
    with pytest.raises(ValueError, match="Invalid parameter 'alpah'|alpah"):
        scms.validation_curve(OurRidge(), X, y, param_name="alpah",
                              param_range=[0.1])


def test_new_splitters_inside_grid_search_and_nested_cv():
    """Check GroupKFold/TimeSeriesSplit in GridSearchCV, and nested CV."""
    from sklearn.model_selection import GridSearchCV as SkGridSearchCV

    X, y = _diabetes()
    groups = np.arange(len(y)) % 6
    grid = {"alpha": [0.01, 1.0, 10.0]}
    for ours_cv, their_cv, g in [
        (scms.GroupKFold(3), skms.GroupKFold(3), groups),
        (scms.TimeSeriesSplit(3, gap=2), skms.TimeSeriesSplit(3, gap=2), None),
        (scms.ShuffleSplit(3, random_state=0), skms.ShuffleSplit(
            3, random_state=0), None),
    ]:
        ours = scms.GridSearchCV(Ridge(), grid, cv=ours_cv).fit(X, y, groups=g)
        theirs = SkGridSearchCV(Ridge(), grid, cv=their_cv).fit(X, y, groups=g)
        assert ours.best_params_ == theirs.best_params_
        assert_allclose(ours.best_score_, theirs.best_score_, rtol=TOL)
    inner = scms.GridSearchCV(Ridge(), grid, cv=scms.KFold(3))
    outer = scms.KFold(4, shuffle=True, random_state=0)
    sk_inner = SkGridSearchCV(Ridge(), grid, cv=skms.KFold(3))
    sk_outer = skms.KFold(4, shuffle=True, random_state=0)
    assert_allclose(scms.cross_val_score(inner, X, y, cv=outer),
                    skms.cross_val_score(sk_inner, X, y, cv=sk_outer), rtol=TOL)
