"""Grid search: try every combination of hyperparameters, keep the best by CV.

``GridSearchCV`` cross-validates the estimator once per point of a grid of
parameter values, ranks the points by their mean validation score, and (by default)
refits the best one on all the data.

Read more in the book: Cross-validation
<https://skratch-ml.github.io/skratch/book/advanced/cross-validation.html>
"""

import time
import warnings
from collections.abc import Iterable, Mapping, Sequence
from itertools import product

import numpy as np

from ..base import BaseEstimator, is_classifier
from ..utils.validation import _is_sparse, check_array, check_is_fitted
from ._validation import (
    _check_cv,
    _check_error_score,
    _check_scoring,
    _clone,
    _fit_and_score,
    _warn_or_raise_about_fit_failures,
)

__all__ = ["GridSearchCV", "ParameterGrid"]


class ParameterGrid:
    """Every combination of the values in a grid (or in a list of grids).

    Within a grid, parameter names are taken in sorted order and the last one
    varies fastest, as in scikit-learn, so candidates come in the same order.

    Parameters
    ----------
    param_grid : dict of str to sequence, or list of such dicts
        Parameter names mapped to the values to try.

    Examples
    --------
    >>> from skratch.model_selection import ParameterGrid
    >>> for params in ParameterGrid({"b": [1, 2], "a": ["x", "y"]}):
    ...     print(params)
    {'a': 'x', 'b': 1}
    {'a': 'x', 'b': 2}
    {'a': 'y', 'b': 1}
    {'a': 'y', 'b': 2}
    """

    def __init__(self, param_grid):
        if not isinstance(param_grid, (Mapping, Iterable)):
            raise TypeError(
                f"Parameter grid should be a dict or a list, got: {param_grid!r} of "
                f"type {type(param_grid).__name__}"
            )
        if isinstance(param_grid, Mapping):
            param_grid = [param_grid]
        for grid in param_grid:
            if not isinstance(grid, dict):
                raise TypeError(f"Parameter grid is not a dict ({grid!r})")
            for name, values in grid.items():
                if isinstance(values, np.ndarray) and values.ndim > 1:
                    raise ValueError(
                        f"Parameter array for {name!r} should be one-dimensional, "
                        f"got: {values!r} with shape {values.shape}"
                    )
                if isinstance(values, str) or not isinstance(
                        values, (np.ndarray, Sequence)):
                    raise TypeError(
                        f"Parameter grid for parameter {name!r} needs to be a list or "
                        f"a numpy array, but got {values!r} (of type "
                        f"{type(values).__name__}) instead. Single values need to be "
                        "wrapped in a list with one element."
                    )
                if len(values) == 0:
                    raise ValueError(
                        f"Parameter grid for parameter {name!r} need to be a non-empty "
                        f"sequence, got: {values!r}"
                    )
        self.param_grid = param_grid

    def __iter__(self):
        for grid in self.param_grid:
            names = sorted(grid)
            for values in product(*(grid[name] for name in names)):
                yield dict(zip(names, values))

    def __len__(self):
        return sum(int(np.prod([len(v) for v in grid.values()]))
                   for grid in self.param_grid)


def _check_refit(search, attr):
    if not search.refit:
        raise AttributeError(
            f"This {type(search).__name__} instance was initialized with "
            f"`refit=False`. {attr} is available only after refitting on the best "
            "parameters. You can refit an estimator manually using the "
            "`best_params_` attribute"
        )


class _IfEstimatorHas:
    """A method that exists only if the search refits and its estimator has it.

    ``hasattr(search, "predict_proba")`` must be honest: scikit-learn's scorers and
    checks decide what to call (and what the search is) from it. The error says
    what scikit-learn's says; its cause (``__cause__``) says why.
    """

    def __init__(self, method):
        self.method = method
        self.__doc__ = method.__doc__
        self.name = method.__name__

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        try:
            _check_refit(instance, self.name)
            getattr(getattr(instance, "best_estimator_", instance.estimator),
                    self.name)
        except AttributeError as exc:
            raise AttributeError(
                f"This {type(instance).__name__!r} has no attribute {self.name!r}"
            ) from exc
        return self.method.__get__(instance, owner)


def _param_columns(candidates):
    """``param_<name>`` for each parameter: a masked array, one entry per candidate.

    An entry is masked where a candidate lacks the parameter (a list of grids with
    different names). The dtype is the one NumPy infers from the values (int64,
    float64, bool), except strings, sequences and mixed values, kept as objects.
    """
    values = {}  # name -> {candidate index: value}, names in order of appearance
    for c, params in enumerate(candidates):
        for name, value in params.items():
            values.setdefault(name, {})[c] = value
    columns = {}
    for name, by_candidate in values.items():
        try:
            inferred = np.array(list(by_candidate.values()))
        except ValueError:  # sequences of different lengths
            dtype = object
        else:
            dtype = (inferred.dtype if inferred.dtype.kind != "U"
                     and inferred.ndim == 1 else object)
        column = np.ma.MaskedArray(np.empty(len(candidates), dtype=dtype), mask=True)
        for c, value in by_candidate.items():
            column[c] = value  # unmasks the entry
        columns[f"param_{name}"] = column
    return columns


def _rank(scores):
    # Rank 1 is the best (highest) mean score; ties share the smallest rank
    # ("min" method); NaN scores (failed fits) rank last.
    scores = np.where(np.isnan(scores), -np.inf, scores)
    order = np.sort(scores)[::-1]
    return (np.searchsorted(-order, -scores, side="left") + 1).astype(np.int32)


class GridSearchCV(BaseEstimator):
    r"""Exhaustive search over a grid of parameters, scored by cross-validation.

    For each candidate :math:`\theta` in the grid, the mean validation score over
    the folds,

    .. math::

        \bar s(\theta) = \frac{1}{K} \sum_{k=1}^{K} s_k(\theta),

    is computed, and the best candidate is :math:`\arg\max_\theta \bar s(\theta)`
    (the first one in grid order on a tie).

    Read more in the book: Cross-validation
    <https://skratch-ml.github.io/skratch/book/advanced/cross-validation.html>

    Parameters
    ----------
    estimator : estimator instance
        A skratch or scikit-learn estimator or pipeline (nested parameters as
        ``step__param``).
    param_grid : dict or list of dicts
        Parameter names mapped to the values to try; see ``ParameterGrid``.
    scoring : str or callable, default=None
        As in ``cross_val_score``; None uses the estimator's ``score``. The
        search's own ``score`` uses it too, so the estimator needs no ``score``
        method when ``scoring`` is given.
    refit : bool, default=True
        Refit the best candidate on the whole data (``best_estimator_``), which lets
        the search itself ``predict``.
    cv : int, splitter or iterable, default=None
        As in ``cross_val_score`` (5 folds by default, stratified for classifiers).
    error_score : "raise" or float, default=np.nan
        The score of a failed fit (with one ``FitFailedWarning`` for all the
        failures; if every fit fails, a ``ValueError``); "raise" lets the error
        through.
    return_train_score : bool, default=False
        Also record the scores on the training folds.

    Attributes
    ----------
    cv_results_ : dict of ndarrays
        One entry per candidate, keys in scikit-learn's order: ``mean_fit_time``,
        ``std_fit_time``, ``mean_score_time``, ``std_score_time``,
        ``param_<name>`` (masked arrays), ``params``, ``split<k>_test_score``,
        ``mean_test_score``, ``std_test_score``, ``rank_test_score`` (and the
        train scores if asked). Non-finite mean scores raise a ``UserWarning``.
    best_index_ : int
        Index of the best candidate in ``cv_results_``.
    best_params_ : dict
        The best candidate's parameters.
    best_score_ : float
        Its mean validation score.
    best_estimator_ : estimator
        The best candidate refitted on all the data (``refit=True``).
    refit_time_ : float
        Seconds spent refitting.
    scorer_ : callable
        The scorer used.
    n_splits_ : int
        Number of cross-validation splits.
    n_features_in_ : int
        Number of features of the refitted estimator, when it records it.
    classes_ : ndarray
        The classes of the refitted classifier.

    See Also
    --------
    cross_val_score : Cross-validate one candidate.
    sklearn.model_selection.GridSearchCV : The scikit-learn class this one mirrors
        (without parallel jobs, multi-metric scoring or fit-parameter routing).

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.linear_model import LinearRegression
    >>> from skratch.model_selection import GridSearchCV
    >>> rng = np.random.default_rng(0)
    >>> X = rng.normal(size=(40, 2))
    >>> y = X @ [1.0, 2.0] + 3.0 + 0.1 * rng.normal(size=40)
    >>> grid = {"fit_intercept": [False, True]}
    >>> search = GridSearchCV(LinearRegression(), grid, cv=4).fit(X, y)
    >>> search.best_params_
    {'fit_intercept': True}
    >>> search.cv_results_["rank_test_score"]
    array([2, 1], dtype=int32)
    """

    def __init__(self, estimator, param_grid, *, scoring=None, refit=True, cv=None,
                 error_score=np.nan, return_train_score=False):
        self.estimator = estimator
        self.param_grid = param_grid
        self.scoring = scoring
        self.refit = refit
        self.cv = cv
        self.error_score = error_score
        self.return_train_score = return_train_score

    def fit(self, X, y=None, groups=None):
        """Cross-validate every candidate, then refit the best one.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            The data.
        y : array-like of shape (n_samples,), default=None
            The targets.
        groups : array-like of shape (n_samples,), default=None
            Group labels, passed to the splitter's ``split`` (for ``GroupKFold``).

        Returns
        -------
        self : GridSearchCV
            The fitted search.
        """
        _check_error_score(self.error_score)
        if _is_sparse(X):
            check_array(X, estimator=self)  # raises: sparse input is not supported
        candidates = list(ParameterGrid(self.param_grid))
        splitter = _check_cv(self.cv, y, is_classifier(self.estimator))
        splits = list(splitter.split(X, y, groups))
        self.scorer_ = _check_scoring(self.estimator, self.scoring)
        self.n_splits_ = len(splits)

        # One fit per (candidate, split), candidates first, as in scikit-learn.
        results = [
            _fit_and_score(_clone(self.estimator).set_params(**_clone(params)),
                           X, y, self.scorer_, train, test, self.error_score,
                           train_score=self.return_train_score)
            for params in candidates for train, test in splits
        ]
        _warn_or_raise_about_fit_failures(results, self.error_score)
        self.cv_results_ = self._results(candidates, results)

        self.best_index_ = int(np.argmin(self.cv_results_["rank_test_score"]))
        self.best_params_ = candidates[self.best_index_]
        self.best_score_ = float(self.cv_results_["mean_test_score"][self.best_index_])
        if self.refit:
            self.best_estimator_ = _clone(self.estimator).set_params(
                **_clone(self.best_params_))
            start = time.perf_counter()
            if y is None:
                self.best_estimator_.fit(X)
            else:
                self.best_estimator_.fit(X, y)
            self.refit_time_ = time.perf_counter() - start
            if hasattr(self.best_estimator_, "n_features_in_"):
                self.n_features_in_ = self.best_estimator_.n_features_in_
        return self

    def _results(self, candidates, results):
        # The keys in scikit-learn's order: times, param_<name>, params, then the
        # test scores (per split, mean, std, rank) and the train scores.
        shape = (len(candidates), self.n_splits_)  # (n_candidates, n_splits)

        def column(key):
            return np.array([r[key] for r in results], dtype=np.float64).reshape(shape)

        out = {}
        for key in ("fit_time", "score_time"):
            out[f"mean_{key}"] = column(key).mean(axis=1)
            out[f"std_{key}"] = column(key).std(axis=1)
        out.update(_param_columns(candidates))
        out["params"] = candidates
        for kind in ("test", "train") if self.return_train_score else ("test",):
            scores = column(kind)
            for s in range(self.n_splits_):
                out[f"split{s}_{kind}_score"] = scores[:, s]
            out[f"mean_{kind}_score"] = scores.mean(axis=1)
            if not np.isfinite(out[f"mean_{kind}_score"]).all():
                warnings.warn(
                    f"One or more of the {kind} scores are non-finite: "
                    f"{out[f'mean_{kind}_score']}",
                    UserWarning,
                    stacklevel=3,
                )
            out[f"std_{kind}_score"] = scores.std(axis=1)
            if kind == "test":
                out["rank_test_score"] = _rank(out["mean_test_score"])
        return out

    def _fitted(self):
        check_is_fitted(self)
        return self.best_estimator_

    @_IfEstimatorHas
    def predict(self, X):
        """Predict with the refitted best estimator."""
        return self._fitted().predict(X)

    @_IfEstimatorHas
    def predict_proba(self, X):
        """Class probabilities from the refitted best estimator."""
        return self._fitted().predict_proba(X)

    @_IfEstimatorHas
    def decision_function(self, X):
        """Decision values from the refitted best estimator."""
        return self._fitted().decision_function(X)

    @_IfEstimatorHas
    def transform(self, X):
        """Transform with the refitted best estimator."""
        return self._fitted().transform(X)

    def score(self, X, y=None):
        """Score the refitted best estimator with ``scoring`` (or its own ``score``).

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            The data.
        y : array-like of shape (n_samples,), default=None
            The targets.

        Returns
        -------
        score : float
            The score of ``best_estimator_`` by ``scorer_``: the estimator need not
            have a ``score`` method of its own when ``scoring`` is given.
        """
        _check_refit(self, "score")
        best = self._fitted()
        return float(self.scorer_(best, X, y))

    @property
    def classes_(self):
        """The classes of the refitted best classifier."""
        _check_refit(self, "classes_")
        return self._fitted().classes_

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        inner = self.estimator.__sklearn_tags__()
        tags.estimator_type = inner.estimator_type
        tags.classifier_tags = inner.classifier_tags
        tags.regressor_tags = inner.regressor_tags
        tags.transformer_tags = inner.transformer_tags
        tags.target_tags.required = inner.target_tags.required
        tags.input_tags = inner.input_tags
        return tags
