"""Fidelity of model selection: the same results and complaints as scikit-learn.

Grid search, cross-validation and the splitters, given the same estimator and
data, should give scikit-learn's numbers, ``cv_results_`` (keys, dtypes, masks)
and warnings; each test asks scikit-learn for its own.
"""

import re
import warnings

import numpy as np
import pytest
import sklearn.model_selection as skms
from numpy.testing import assert_allclose, assert_array_equal
from sklearn.base import BaseEstimator, RegressorMixin
from sklearn.exceptions import FitFailedWarning as SklearnFitFailedWarning
from sklearn.linear_model import LogisticRegression

import skratch.model_selection as scms
from skratch.exceptions import FitFailedWarning, NotFittedError

TOL = 1e-12  # the same folds and estimators give the same numbers


class _NoScore(BaseEstimator):
    """A regressor without a score method: predicts ``a`` times the mean of y."""

    def __init__(self, a=1, fail=False, tag=None):
        self.a = a
        self.fail = fail
        self.tag = tag

    def fit(self, X, y):
        if self.fail:
            raise ValueError("this candidate cannot be fitted")
        self.mean_ = np.mean(y)
        return self

    def predict(self, X):
        return np.full(len(X), self.mean_ * self.a)


class _WithScore(RegressorMixin, _NoScore):
    """The same, with R^2 as its score."""


_rng = np.random.default_rng(0)
_X = _rng.normal(size=(30, 2))
_y = _X[:, 0] + _rng.normal(size=30)


def _caught(function):
    """(result or exception, [(category, message)]) of ``function()``."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = function()
        except Exception as exc:
            result = exc
    names = {SklearnFitFailedWarning: FitFailedWarning}
    return result, [(names.get(w.category, w.category), str(w.message))
                    for w in caught
                    if not issubclass(w.category, (DeprecationWarning, FutureWarning))]


def _first_line_of_each(warnings_):
    # scikit-learn's fit-failure summaries end with a traceback, skratch's with
    # the error itself: compare them up to "the following error:".
    return [(category, message.split("with the following error:")[0])
            for category, message in warnings_]


# GridSearchCV.score with a scorer ----------------------------------------------------


@pytest.mark.parametrize("scoring", ["r2", "neg_mean_squared_error",
                                     "neg_mean_absolute_error"])
def test_search_score_uses_the_scorer_as_sklearn(scoring):
    """Check that an estimator with no score method is scored by ``scoring``
    (skratch said the search had no attribute 'score')."""
    grid = {"a": [0.5, 1, 2]}
    ours = scms.GridSearchCV(_NoScore(), grid, scoring=scoring, cv=3).fit(_X, _y)
    theirs = skms.GridSearchCV(_NoScore(), grid, scoring=scoring, cv=3).fit(_X, _y)
    assert hasattr(ours, "score")
    assert_allclose(ours.score(_X, _y), theirs.score(_X, _y), rtol=TOL)
    assert ours.best_params_ == theirs.best_params_


def test_search_score_refit_false_and_unfitted_as_sklearn():
    """Check the messages of score without refitting, and before fit."""
    theirs, _ = _caught(lambda: skms.GridSearchCV(
        _NoScore(), {"a": [1]}, scoring="r2", cv=3, refit=False).fit(
        _X, _y).score(_X, _y))
    assert "`refit=False`. score is available only after" in str(theirs)
    with pytest.raises(AttributeError, match=f"^{re.escape(str(theirs))}$"):
        scms.GridSearchCV(_NoScore(), {"a": [1]}, scoring="r2", cv=3,
                          refit=False).fit(_X, _y).score(_X, _y)
    theirs, _ = _caught(lambda: skms.GridSearchCV(_NoScore(), {"a": [1]},
                                                  scoring="r2").score(_X, _y))
    with pytest.raises(NotFittedError, match=f"^{re.escape(str(theirs))}$"):
        scms.GridSearchCV(_NoScore(), {"a": [1]}, scoring="r2").score(_X, _y)


# cv_results_ ---------------------------------------------------------------------


GRIDS = [
    {"a": [1, 2]},
    {"a": [0.5, 2.0]},
    {"a": [1, 2.5]},
    {"a": [1, np.int64(3)]},
    [{"a": [1, 2]}, {"fail": [False]}],
    [{"tag": ["x", "y"]}, {"a": [3]}],
    {"tag": [(1, 2), (3, 4)]},
    {"tag": [[1], [2, 3]]},
    {"tag": [None, "x"]},
    {"a": [1], "tag": [True, False]},
]


@pytest.mark.parametrize("grid", GRIDS, ids=[
    "ints", "floats", "mixed-numbers", "numpy-int", "two-grids-bool",
    "two-grids-strings", "tuples", "ragged-lists", "none-and-str", "bools"])
def test_cv_results_param_columns_as_sklearn(grid):
    """Check param_<name>: the same dtype (int64, float64, bool or object), mask
    and values as scikit-learn (skratch stored every one as objects)."""
    ours = scms.GridSearchCV(_WithScore(), grid, cv=3).fit(_X, _y).cv_results_
    theirs = skms.GridSearchCV(_WithScore(), grid, cv=3).fit(_X, _y).cv_results_
    assert list(ours) == list(theirs)  # the same keys, in the same order
    for key in (k for k in theirs if k.startswith("param_")):
        assert ours[key].dtype == theirs[key].dtype, key
        assert_array_equal(np.ma.getmaskarray(ours[key]),
                           np.ma.getmaskarray(theirs[key]))
        assert ours[key].compressed().tolist() == theirs[key].compressed().tolist()


@pytest.mark.parametrize("return_train_score", [False, True])
def test_cv_results_keys_and_scores_as_sklearn(return_train_score):
    """Check every key of cv_results_ (score times included) and the scores."""
    grid = {"a": [0.5, 1, 2]}
    kwargs = {"cv": 4, "return_train_score": return_train_score}
    ours = scms.GridSearchCV(_WithScore(), grid, **kwargs).fit(_X, _y).cv_results_
    theirs = skms.GridSearchCV(_WithScore(), grid, **kwargs).fit(_X, _y).cv_results_
    assert list(ours) == list(theirs)
    for key in theirs:
        if "score" in key and "time" not in key:
            assert ours[key].dtype == theirs[key].dtype, key
            assert_allclose(ours[key], theirs[key], rtol=TOL)


# Failed fits and non-finite scores -----------------------------------------------


@pytest.mark.parametrize("return_train_score", [False, True])
def test_search_some_fits_failing_warns_as_sklearn(return_train_score):
    """Check FitFailedWarning (one summary, not one warning per fit) and the
    non-finite scores warnings, in scikit-learn's words and order."""
    grid = {"fail": [False, True]}
    kwargs = {"scoring": "r2", "cv": 3, "return_train_score": return_train_score}
    ours, our_warnings = _caught(
        lambda: scms.GridSearchCV(_NoScore(), grid, **kwargs).fit(_X, _y))
    theirs, their_warnings = _caught(
        lambda: skms.GridSearchCV(_NoScore(), grid, **kwargs).fit(_X, _y))
    assert _first_line_of_each(our_warnings) == _first_line_of_each(their_warnings)
    assert our_warnings[0][0] is FitFailedWarning
    assert "ValueError: this candidate cannot be fitted" in our_warnings[0][1]
    assert any("are non-finite: [" in message for _, message in our_warnings)
    assert_allclose(ours.cv_results_["mean_test_score"],
                    theirs.cv_results_["mean_test_score"], rtol=TOL)
    assert_array_equal(ours.cv_results_["rank_test_score"],
                       theirs.cv_results_["rank_test_score"])


def test_search_all_fits_failing_raises_as_sklearn():
    """Check that every fit failing is a ValueError saying so (skratch raised the
    refit's error after one warning per fit)."""
    grid = {"fail": [True]}
    theirs, _ = _caught(lambda: skms.GridSearchCV(
        _NoScore(), grid, scoring="r2", cv=3).fit(_X, _y))
    head = str(theirs).split("with the following error:")[0]
    with pytest.raises(ValueError, match=f"^{re.escape(head)}") as ours:
        scms.GridSearchCV(_NoScore(), grid, scoring="r2", cv=3).fit(_X, _y)
    assert str(ours.value).endswith("ValueError: this candidate cannot be fitted")


def test_learning_curve_failed_fits_warn_once_as_sklearn():
    """Check the learning_curve sibling: one FitFailedWarning summary."""
    kwargs = {"train_sizes": [2, 20], "cv": 3, "scoring": "r2"}
    _, our_warnings = _caught(lambda: scms.learning_curve(
        _NoScore(fail=True), _X, _y, **kwargs))
    theirs, their_warnings = _caught(lambda: skms.learning_curve(
        _NoScore(fail=True), _X, _y, **kwargs))
    assert isinstance(theirs, ValueError)  # all failed, there too
    ours, _ = _caught(lambda: scms.learning_curve(_NoScore(fail=True), _X, _y,
                                                  **kwargs))
    assert str(ours).split("with the following error:")[0] == \
        str(theirs).split("with the following error:")[0]
    assert our_warnings == their_warnings == []


# Scorers that fail or return something else ---------------------------------------


def _array_scorer(estimator, X, y):
    return np.array([1.0, 2.0])


def _raising_scorer(estimator, X, y):
    raise RuntimeError("this scorer always fails")


def _numpy_scalar_scorer(estimator, X, y):
    return np.float32(0.25)


@pytest.mark.parametrize("error_score", [np.nan, "raise"])
def test_scorer_returning_an_array_raises_as_sklearn(error_score):
    """Check 'scoring must return a number' (skratch raised NumPy's TypeError),
    named by the scorer's name in cross_val_score, by the scorer in searches."""
    X, y = _X, (_y > 0).astype(int)
    clf = LogisticRegression()
    for run in (
        lambda ms: ms.cross_val_score(clf, X, y, scoring=_array_scorer, cv=2,
                                      error_score=error_score),
        lambda ms: ms.GridSearchCV(clf, {"C": [1.0]}, scoring=_array_scorer, cv=2,
                                   error_score=error_score).fit(X, y),
        lambda ms: ms.learning_curve(clf, X, y, scoring=_array_scorer, cv=2,
                                     train_sizes=[10], error_score=error_score),
    ):
        theirs, _ = _caught(lambda: run(skms))
        assert str(theirs).startswith("scoring must return a number, got [1. 2.]")
        with pytest.raises(ValueError, match=f"^{re.escape(str(theirs))}$"):
            run(scms)


def test_scorer_that_raises_warns_with_error_score_as_sklearn():
    """Check the 'Scoring failed' UserWarning and error_score, and "raise"."""
    X, y = _X, (_y > 0).astype(int)
    clf = LogisticRegression()
    for error_score in (np.nan, -1.0):
        ours, our_warnings = _caught(lambda: scms.cross_val_score(
            clf, X, y, scoring=_raising_scorer, cv=2, error_score=error_score))
        theirs, their_warnings = _caught(lambda: skms.cross_val_score(
            clf, X, y, scoring=_raising_scorer, cv=2, error_score=error_score))
        assert_array_equal(ours, theirs)
        # scikit-learn's details are the traceback; its last line is skratch's.
        assert [(c, m.split("Details: \n")[0]) for c, m in our_warnings] == \
            [(c, m.split("Details: \n")[0]) for c, m in their_warnings]
        assert all(m.endswith("RuntimeError: this scorer always fails")
                   for _, m in our_warnings)
        assert all(m.strip().endswith("RuntimeError: this scorer always fails")
                   for _, m in their_warnings)
    with pytest.raises(RuntimeError, match="this scorer always fails"):
        scms.cross_val_score(clf, X, y, scoring=_raising_scorer, cv=2,
                             error_score="raise")


def test_scorer_returning_a_numpy_scalar_is_a_number():
    """Check that NumPy scalars are numbers for the check, as there."""
    X, y = _X, (_y > 0).astype(int)
    ours = scms.cross_val_score(LogisticRegression(), X, y,
                                scoring=_numpy_scalar_scorer, cv=2)
    theirs = skms.cross_val_score(LogisticRegression(), X, y,
                                  scoring=_numpy_scalar_scorer, cv=2)
    assert_array_equal(ours, theirs)


def test_search_scoring_a_classifier_lacking_the_method_as_sklearn():
    """Check a scorer asking for a method the estimator lacks, in a search: the
    scores are error_score and the warning names the missing methods."""
    grid = {"a": [1]}
    X, y = _X, (_y > 0).astype(int)
    ours, our_warnings = _caught(lambda: scms.GridSearchCV(
        _WithScore(), grid, scoring="neg_log_loss", cv=2).fit(X, y))
    theirs, their_warnings = _caught(lambda: skms.GridSearchCV(
        _WithScore(), grid, scoring="neg_log_loss", cv=2).fit(X, y))
    assert_array_equal(ours.cv_results_["mean_test_score"],
                       theirs.cv_results_["mean_test_score"])
    assert [c for c, _ in our_warnings] == [c for c, _ in their_warnings]
    missing = ("_WithScore has none of the following attributes: predict_proba.")
    assert all(missing in m for c, m in our_warnings if "Scoring failed" in m)
    assert all(missing in m for c, m in their_warnings if "Scoring failed" in m)


# Splitters ignore groups, with a warning ------------------------------------------


@pytest.mark.parametrize("name, kwargs", [
    ("KFold", {"n_splits": 2}), ("StratifiedKFold", {"n_splits": 2}),
    ("ShuffleSplit", {"n_splits": 2, "random_state": 0}),
    ("StratifiedShuffleSplit", {"n_splits": 2, "test_size": 2, "random_state": 0}),
    ("TimeSeriesSplit", {"n_splits": 2}),
])
def test_splitters_warn_that_groups_are_ignored_as_sklearn(name, kwargs):
    """Check scikit-learn's UserWarning (skratch's StratifiedKFold and
    StratifiedShuffleSplit ignored groups silently) and the same folds."""
    X, y, groups = np.zeros((8, 2)), np.array([0, 1] * 4), np.arange(8)
    ours, our_warnings = _caught(
        lambda: list(getattr(scms, name)(**kwargs).split(X, y, groups)))
    theirs, their_warnings = _caught(
        lambda: list(getattr(skms, name)(**kwargs).split(X, y, groups)))
    assert our_warnings == their_warnings == [
        (UserWarning, f"The groups parameter is ignored by {name}")]
    for (a, b), (c, d) in zip(ours, theirs):
        assert_array_equal(a, c)
        assert_array_equal(b, d)
