"""Cross-validation: score a model on every fold; learning and validation curves.

``cross_validate`` fits a fresh copy of the model on each training part and scores
it on the held-out fold (with one or several metrics, timings, and optionally the
training scores and fitted models); ``cross_val_score`` returns just the scores.
``learning_curve`` does the same for growing training sets, to show whether more
data would help, and ``validation_curve`` for a range of one hyperparameter. All
accept skratch or scikit-learn estimators: anything with ``get_params``, ``fit`` and
``predict`` (or ``score``).

Read more in the book: Cross-validation
<https://skratch-ml.github.io/skratch/book/advanced/cross-validation.html>
"""

import copy
import numbers
import time
import warnings
from collections import Counter

import numpy as np

from ..base import is_classifier
from ..exceptions import FitFailedWarning
from ..metrics import get_scorer
from ._split import KFold, StratifiedKFold, _legacy_random_state, _safe_indexing

__all__ = ["cross_val_score", "cross_validate", "learning_curve",
           "validation_curve"]


def _clone(estimator):
    """A new, unfitted estimator with the same parameters: ``type(est)(**params)``.

    A private stand-in for ``sklearn.base.clone`` (skratch must not import
    scikit-learn): parameters that are estimators, or lists/tuples of them (a
    Pipeline's steps), are cloned in turn; other values are deep-copied.
    """
    if isinstance(estimator, (list, tuple, set, frozenset)):
        return type(estimator)(_clone(item) for item in estimator)
    if hasattr(estimator, "get_params") and not isinstance(estimator, type):
        params = estimator.get_params(deep=False)
        return type(estimator)(**{name: _clone(value) for name, value in params.items()})
    return copy.deepcopy(estimator)


def _check_cv(cv, y, classifier):
    """Turn ``cv`` into a splitter: None -> 5 folds; an int -> k folds.

    Classifiers get stratified folds when ``y`` holds class labels, as in
    scikit-learn; an iterable of (train, test) pairs is used as it is.
    """
    cv = 5 if cv is None else cv
    if isinstance(cv, numbers.Integral) and not isinstance(cv, bool):
        y_is_labels = y is not None and np.asarray(y).ndim == 1 and not (
            np.asarray(y).dtype.kind == "f"
            and np.any(np.asarray(y) != np.floor(np.asarray(y)))
        )
        if classifier and y_is_labels:
            return StratifiedKFold(cv)
        return KFold(cv)
    if isinstance(cv, str):  # a str has .split and __iter__, but is no splitter
        pass
    elif hasattr(cv, "split"):
        return cv
    elif hasattr(cv, "__iter__"):
        return _FixedSplits(list(cv))
    raise ValueError(
        "Expected cv as an integer, cross-validation object (from "
        "skratch.model_selection or sklearn.model_selection) or an iterable. "
        f"Got {cv!r}."
    )


class _FixedSplits:
    """A list of (train, test) pairs, used as a splitter."""

    def __init__(self, splits):
        self.splits = splits

    def split(self, X=None, y=None, groups=None):
        yield from self.splits

    def get_n_splits(self, X=None, y=None, groups=None):
        return len(self.splits)


def _check_scoring(estimator, scoring):
    if scoring is None:
        if not hasattr(estimator, "score"):
            raise TypeError(
                "If no scoring is specified, the estimator passed should have a "
                f"'score' method. The estimator {estimator!r} does not."
            )
        return _EstimatorScore()
    return get_scorer(scoring)


class _EstimatorScore:
    """The scorer for ``scoring=None``: the estimator's own ``score`` (picklable)."""

    def __call__(self, estimator, X, y=None):
        return estimator.score(X, y)

    def __repr__(self):
        return "passthrough_scorer"


def _fit_and_score_all(estimator, X, y, scorers, train, test, error_score,
                       train_score=False, scorer_in_errors=False):
    """Fit ``estimator`` on ``train``; score it on ``test`` with every scorer.

    ``scorers`` maps names to scorers. Returns a dict: ``test`` and ``train``
    (name -> score; ``train`` is None unless asked), ``fit_time``, ``score_time``
    and ``fit_error`` (the error text, or None). A failed fit scores
    ``error_score`` under every name; the caller counts the failures and warns,
    or raises, once (``_warn_or_raise_about_fit_failures``). A score that is not
    a number is named by its scorer's name, or by the scorer itself with
    ``scorer_in_errors`` (as scikit-learn's single-metric searches do).
    """
    X_train, X_test = _safe_indexing(X, train), _safe_indexing(X, test)
    y_train = None if y is None else _safe_indexing(y, train)
    y_test = None if y is None else _safe_indexing(y, test)
    start = time.perf_counter()
    try:
        if y_train is None:
            estimator.fit(X_train)
        else:
            estimator.fit(X_train, y_train)
    except Exception as exc:
        if isinstance(error_score, str) and error_score == "raise":
            raise
        failed = {name: error_score for name in scorers}
        return {"test": failed, "train": dict(failed) if train_score else None,
                "fit_time": time.perf_counter() - start, "score_time": 0.0,
                "fit_error": f"{type(exc).__name__}: {exc}"}
    fit_time = time.perf_counter() - start
    start = time.perf_counter()
    test_scores = _score_all(estimator, X_test, y_test, scorers, error_score,
                             scorer_in_errors)
    score_time = time.perf_counter() - start
    train_scores = (_score_all(estimator, X_train, y_train, scorers, error_score,
                               scorer_in_errors)
                    if train_score else None)
    return {"test": test_scores, "train": train_scores, "fit_time": fit_time,
            "score_time": score_time, "fit_error": None}


def _score_all(estimator, X, y, scorers, error_score, scorer_in_errors=False):
    # name -> float; a callable that returns a dict gives one score per key. A
    # scorer that fails scores error_score, with a warning; one that returns
    # something else than a number is a mistake, and raises (as in scikit-learn).
    scores = {}
    for name, scorer in scorers.items():
        try:
            value = scorer(estimator, X, y)
        except Exception as exc:
            if isinstance(error_score, str) and error_score == "raise":
                raise
            warnings.warn(
                "Scoring failed. The score on this train-test partition for these "
                f"parameters will be set to {error_score}. Details: \n"
                f"{type(exc).__name__}: {exc}",
                UserWarning,
                stacklevel=4,
            )
            value = error_score
        values = value if isinstance(value, dict) else {name: value}
        for key, score in values.items():
            if hasattr(score, "item") and np.size(score) == 1:
                score = score.item()  # a NumPy scalar or 0-d array
            if not isinstance(score, numbers.Number):
                shown = scorer if scorer_in_errors and key == name else key
                raise ValueError(
                    f"scoring must return a number, got {score} ({type(score)}) "
                    f"instead. (scorer={shown})"
                )
            scores[key] = float(score)
    return scores


def _fit_and_score(estimator, X, y, scorer, train, test, error_score,
                   train_score=False):
    """Fit on ``train``, score on ``test`` (and ``train``) with one scorer.

    The ``_fit_and_score_all`` dict, with the scores unwrapped: ``test`` and
    ``train`` are floats (``train`` None unless asked).
    """
    result = _fit_and_score_all(estimator, X, y, {"score": scorer}, train, test,
                                error_score, train_score, scorer_in_errors=True)
    result["test"] = result["test"]["score"]
    if train_score:
        result["train"] = result["train"]["score"]
    return result


def _warn_or_raise_about_fit_failures(results, error_score):
    # As scikit-learn: every fit failed -> ValueError; some failed -> a warning.
    errors = [r["fit_error"] for r in results if r["fit_error"] is not None]
    if not errors:
        return
    summary = "\n".join(
        f"{'-' * 80}\n{n} fits failed with the following error:\n{error}"
        for error, n in Counter(errors).items()
    )
    if len(errors) == len(results):
        raise ValueError(
            f"\nAll the {len(results)} fits failed.\n"
            "It is very likely that your model is misconfigured.\n"
            "You can try to debug the error by setting error_score='raise'.\n\n"
            f"Below are more details about the failures:\n{summary}"
        )
    warnings.warn(
        f"\n{len(errors)} fits failed out of a total of {len(results)}.\n"
        "The score on these train-test partitions for these parameters will be "
        f"set to {error_score}.\n"
        "If these failures are not expected, you can try to debug them by "
        "setting error_score='raise'.\n\n"
        f"Below are more details about the failures:\n{summary}",
        FitFailedWarning,
        stacklevel=3,
    )


def _check_multimetric_scoring(estimator, scoring):
    """``scoring`` as a dict name -> scorer, and whether it names several metrics.

    A str, a callable or None is one metric, called ``"score"``; a list, tuple or
    set of names, or a dict of name -> str or callable, is several.
    """
    if scoring is None or isinstance(scoring, str) or callable(scoring):
        return {"score": _check_scoring(estimator, scoring)}, False
    if isinstance(scoring, (list, tuple, set)):
        message = ("The list/tuple elements must be unique strings of predefined "
                   "scorers. ")
        try:
            keys = set(scoring)
        except TypeError as exc:
            raise ValueError(message) from exc
        if len(keys) != len(scoring):
            raise ValueError(f"{message} Duplicate elements were found in the "
                             f"given list. {scoring!r}")
        if not keys:
            raise ValueError(f"{message} Empty list was given. {scoring!r}")
        if any(callable(k) for k in keys):
            raise ValueError(
                f"{message} One or more of the elements were callables. Use a "
                f"dict of score name mapped to the scorer callable. Got {scoring!r}"
            )
        if not all(isinstance(k, str) for k in keys):
            raise ValueError(f"{message} Non-string types were found in the "
                             f"given list. Got {scoring!r}")
        return {name: _check_scoring(estimator, name) for name in scoring}, True
    if isinstance(scoring, dict):
        if not all(isinstance(k, str) for k in scoring):
            raise ValueError("Non-string types were found in the keys of the "
                             f"given dict. scoring={scoring!r}")
        if not scoring:
            raise ValueError(f"An empty dict was passed. {scoring!r}")
        return ({name: _check_scoring(estimator, value)
                 for name, value in scoring.items()}, True)
    raise ValueError(
        f"scoring is invalid (got {scoring!r}). Use a str from "
        "skratch.metrics.get_scorer_names(), a callable, a list/tuple/set of "
        "names, a dict of name -> str or callable, or None."
    )


def _check_error_score(error_score):
    if not (isinstance(error_score, numbers.Number)
            or (isinstance(error_score, str) and error_score == "raise")):
        raise ValueError(
            "error_score must be the string 'raise' or a numeric value. "
            f"Got {error_score!r} instead."
        )


def cross_val_score(estimator, X, y=None, *, groups=None, scoring=None, cv=None,
                    error_score=np.nan):
    r"""Score a model by cross-validation: one score per held-out fold.

    For each fold :math:`k`, a fresh copy of the estimator is fitted on the other
    folds and scored on fold :math:`k`; the mean of the scores estimates how the
    model does on new data, and their spread how much that estimate varies.

    Read more in the book: Cross-validation
    <https://skratch-ml.github.io/skratch/book/advanced/cross-validation.html>

    Parameters
    ----------
    estimator : estimator instance
        A skratch or scikit-learn estimator (or pipeline). It is cloned, never fitted
        itself.
    X : array-like of shape (n_samples, n_features)
        The data.
    y : array-like of shape (n_samples,), default=None
        The targets.
    groups : array-like of shape (n_samples,), default=None
        Group labels, passed to the splitter's ``split`` (for ``GroupKFold``).
    scoring : str or callable, default=None
        A name from ``skratch.metrics.get_scorer_names()`` (``"accuracy"``, ``"r2"``,
        ``"neg_mean_squared_error"``, ``"f1"``, ``"roc_auc"``, ...), a callable
        ``scorer(estimator, X, y)``, or None for the estimator's ``score``.
    cv : int, splitter or iterable, default=None
        None for 5 folds; an int for that many folds (``StratifiedKFold`` for a
        classifier, ``KFold`` otherwise, unshuffled, as in scikit-learn); a splitter
        with a ``split`` method; or an iterable of (train, test) index arrays.
    error_score : "raise" or float, default=np.nan
        The score of a fold whose fit fails (with a ``FitFailedWarning``; if
        every fit fails, a ``ValueError``); "raise" lets the error through.

    Returns
    -------
    scores : ndarray of shape (n_splits,)
        The score on each fold.

    See Also
    --------
    cross_validate : Several metrics, timings, training scores, fitted models.
    learning_curve : Scores for growing training sets.
    sklearn.model_selection.cross_val_score : The scikit-learn function this one
        mirrors.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.linear_model import LinearRegression
    >>> from skratch.model_selection import cross_val_score
    >>> rng = np.random.default_rng(0)
    >>> X = rng.normal(size=(30, 2))
    >>> y = X @ [1.0, 2.0] + 0.1 * rng.normal(size=30)
    >>> cross_val_score(LinearRegression(), X, y, cv=3).round(3)
    array([0.997, 0.994, 0.999])
    """
    if isinstance(scoring, (list, tuple, set, dict)):
        raise ValueError(
            "The 'scoring' parameter of cross_val_score must be a str, a callable "
            f"or None (one metric; use cross_validate for several). Got {scoring!r} "
            "instead."
        )
    results = cross_validate(estimator, X, y, groups=groups, scoring=scoring,
                             cv=cv, error_score=error_score)
    return results["test_score"]


def cross_validate(estimator, X, y=None, *, groups=None, scoring=None, cv=None,
                   return_train_score=False, return_estimator=False,
                   return_indices=False, error_score=np.nan):
    """Cross-validate a model: scores, timings and fitted models per split.

    For each split of ``cv``, a fresh copy of the estimator is fitted on the
    training indices and scored on the test indices with every metric of
    ``scoring``. The fit and the scoring are timed.

    Read more in the book: Cross-validation
    <https://skratch-ml.github.io/skratch/book/advanced/cross-validation.html>

    Parameters
    ----------
    estimator : estimator instance
        A skratch or scikit-learn estimator (or pipeline). It is cloned for every
        split, never fitted itself.
    X : array-like of shape (n_samples, n_features)
        The data.
    y : array-like of shape (n_samples,), default=None
        The targets.
    groups : array-like of shape (n_samples,), default=None
        Group labels, passed to the splitter's ``split`` (for ``GroupKFold``).
    scoring : str, callable, list, tuple, set or dict, default=None
        One metric: a name from ``skratch.metrics.get_scorer_names()``, a callable
        ``scorer(estimator, X, y)``, or None for the estimator's ``score``.
        Several: a list/tuple/set of names, or a dict mapping your names to names
        or callables (a callable returning a dict gives one metric per key).
    cv : int, splitter or iterable, default=None
        As in ``cross_val_score``.
    return_train_score : bool, default=False
        Also score each fitted model on its own training set.
    return_estimator : bool, default=False
        Also return the fitted model of each split.
    return_indices : bool, default=False
        Also return the train and test indices of each split.
    error_score : "raise" or float, default=np.nan
        The score of a split whose fit fails (with a ``FitFailedWarning``; if
        every fit fails, a ``ValueError``); "raise" lets the error through.

    Returns
    -------
    scores : dict of ndarrays of shape (n_splits,)
        ``fit_time`` and ``score_time`` (seconds); ``test_score`` for one metric,
        or ``test_<name>`` for each metric; ``train_score``/``train_<name>`` with
        ``return_train_score``; ``estimator`` (a list) with
        ``return_estimator``; ``indices`` (a dict of lists ``train`` and
        ``test``) with ``return_indices``.

    See Also
    --------
    cross_val_score : Just the test scores, one metric.
    sklearn.model_selection.cross_validate : The scikit-learn function this one
        mirrors (without parallel jobs and fit parameters).

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.linear_model import LinearRegression
    >>> from skratch.model_selection import cross_validate
    >>> rng = np.random.default_rng(0)
    >>> X = rng.normal(size=(30, 2))
    >>> y = X @ [1.0, 2.0] + 0.1 * rng.normal(size=30)
    >>> res = cross_validate(LinearRegression(), X, y, cv=3,
    ...                      scoring=["r2", "neg_mean_absolute_error"],
    ...                      return_train_score=True)
    >>> sorted(res)  # doctest: +NORMALIZE_WHITESPACE
    ['fit_time', 'score_time', 'test_neg_mean_absolute_error', 'test_r2',
     'train_neg_mean_absolute_error', 'train_r2']
    >>> res["test_r2"].round(3)
    array([0.997, 0.994, 0.999])
    """
    _check_error_score(error_score)
    splitter = _check_cv(cv, y, is_classifier(estimator))
    scorers, multimetric = _check_multimetric_scoring(estimator, scoring)
    splits = list(splitter.split(X, y, groups))
    fitted = [_clone(estimator) for _ in splits]
    results = [
        _fit_and_score_all(est, X, y, scorers, train, test, error_score,
                           train_score=return_train_score)
        for est, (train, test) in zip(fitted, splits)
    ]
    _warn_or_raise_about_fit_failures(results, error_score)
    out = {
        "fit_time": np.array([r["fit_time"] for r in results]),
        "score_time": np.array([r["score_time"] for r in results]),
    }
    if return_estimator:
        out["estimator"] = fitted
    if return_indices:
        out["indices"] = {"train": [tr for tr, _ in splits],
                          "test": [te for _, te in splits]}
    kinds = ("test", "train") if return_train_score else ("test",)
    for kind in kinds:
        # The metric names come from the first split that was scored.
        ok = [r[kind] for r in results if r["fit_error"] is None] or [
            results[0][kind]]
        for name in ok[0]:
            key = f"{kind}_{name}" if multimetric or name != "score" else (
                f"{kind}_score")
            out[key] = np.array([r[kind].get(name, error_score)
                                 for r in results], dtype=np.float64)
    return out


def _translate_train_sizes(train_sizes, n_max):
    # Fractions of the largest training set -> numbers of samples (rounded down,
    # at least 1); duplicates removed, with a warning.
    sizes = np.asarray(train_sizes)
    n_ticks = sizes.shape[0]
    low, high = np.min(sizes), np.max(sizes)
    if np.issubdtype(sizes.dtype, np.floating):
        if low <= 0.0 or high > 1.0:
            raise ValueError(
                "train_sizes has been interpreted as fractions of the maximum number "
                "of training samples and must be within (0, 1], but is within "
                f"[{low:f}, {high:f}]."
            )
        sizes = np.clip((sizes * n_max).astype(int), 1, n_max)
    elif low <= 0 or high > n_max:
        raise ValueError(
            "train_sizes has been interpreted as absolute numbers of training samples "
            f"and must be within (0, {n_max}], but is within [{low}, {high}]."
        )
    sizes = np.unique(sizes)
    if n_ticks > sizes.shape[0]:
        warnings.warn(
            "Removed duplicate entries from 'train_sizes'. Number of ticks will be "
            f"less than the size of 'train_sizes': {sizes.shape[0]} instead of "
            f"{n_ticks}.",
            RuntimeWarning,
            stacklevel=3,
        )
    return sizes


def learning_curve(estimator, X, y, *, groups=None,
                   train_sizes=np.linspace(0.1, 1.0, 5), cv=None, scoring=None,
                   shuffle=False, random_state=None, error_score=np.nan):
    """Training and validation scores for growing training sets.

    For each cross-validation split and each size :math:`m`, the estimator is
    fitted on the first :math:`m` training samples and scored on them (training
    score) and on the held-out fold (validation score). A gap between the two curves
    that closes as :math:`m` grows says more data helps (high variance); two low
    curves that meet early say the model is too simple (high bias).

    Read more in the book: Learning curves
    <https://skratch-ml.github.io/skratch/book/advanced/learning-curves.html>

    Parameters
    ----------
    estimator : estimator instance
        A skratch or scikit-learn estimator; it is cloned for every fit.
    X : array-like of shape (n_samples, n_features)
        The data.
    y : array-like of shape (n_samples,)
        The targets.
    groups : array-like of shape (n_samples,), default=None
        Group labels, passed to the splitter's ``split`` (for ``GroupKFold``).
    train_sizes : array-like of shape (n_ticks,), default=np.linspace(0.1, 1.0, 5)
        Training-set sizes: floats are fractions of the largest training set (that
        of the first split), ints are numbers of samples.
    cv, scoring, error_score
        As in ``cross_val_score``.
    shuffle : bool, default=False
        Shuffle each training set before taking its first :math:`m` samples.
    random_state : int, RandomState or Generator, default=None
        Seeds the shuffle; an int gives scikit-learn's result.

    Returns
    -------
    train_sizes_abs : ndarray of shape (n_unique_ticks,)
        The training-set sizes used.
    train_scores : ndarray of shape (n_unique_ticks, n_splits)
        Scores on the training sets.
    test_scores : ndarray of shape (n_unique_ticks, n_splits)
        Scores on the held-out folds.

    See Also
    --------
    sklearn.model_selection.learning_curve : The scikit-learn function this one
        mirrors (without its incremental-learning and timing options).

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.linear_model import LinearRegression
    >>> from skratch.model_selection import learning_curve
    >>> rng = np.random.default_rng(0)
    >>> X = rng.normal(size=(40, 2))
    >>> y = X @ [1.0, 2.0] + 0.5 * rng.normal(size=40)
    >>> sizes, train, test = learning_curve(LinearRegression(), X, y, cv=4,
    ...                                     train_sizes=[0.2, 0.6, 1.0])
    >>> sizes
    array([ 6, 18, 30])
    >>> test.mean(axis=1).round(2)
    array([0.93, 0.93, 0.94])
    """
    _check_error_score(error_score)
    splitter = _check_cv(cv, y, is_classifier(estimator))
    scorer = _check_scoring(estimator, scoring)
    splits = list(splitter.split(X, y, groups))
    sizes = _translate_train_sizes(train_sizes, len(splits[0][0]))
    if shuffle:
        rng = _legacy_random_state(random_state)
        splits = [(rng.permutation(train), test) for train, test in splits]
    results = [
        _fit_and_score(_clone(estimator), X, y, scorer, train[:m], test,
                       error_score, train_score=True)
        for train, test in splits for m in sizes
    ]
    _warn_or_raise_about_fit_failures(results, error_score)
    shape = (len(splits), len(sizes))
    train_scores = np.array([r["train"] for r in results]).reshape(shape).T
    test_scores = np.array([r["test"] for r in results]).reshape(shape).T
    return sizes, train_scores, test_scores


def validation_curve(estimator, X, y, *, param_name, param_range, groups=None,
                     cv=None, scoring=None, error_score=np.nan):
    """Training and validation scores for a range of one hyperparameter.

    For each split and each value :math:`v` of ``param_range``, a copy of the
    estimator with ``param_name=v`` is fitted on the training indices and scored
    on them (training score) and on the test indices (validation score). Where
    both are low the model is too simple; where the training score is high and
    the validation score falls, it overfits.

    Read more in the book: Cross-validation
    <https://skratch-ml.github.io/skratch/book/advanced/cross-validation.html>

    Parameters
    ----------
    estimator : estimator instance
        A skratch or scikit-learn estimator; it is cloned for every fit.
    X : array-like of shape (n_samples, n_features)
        The data.
    y : array-like of shape (n_samples,) or None
        The targets.
    param_name : str
        The parameter to vary (``"alpha"``, or ``"step__param"`` in a pipeline).
    param_range : array-like of shape (n_values,)
        The values to try.
    groups : array-like of shape (n_samples,), default=None
        Group labels, passed to the splitter's ``split`` (for ``GroupKFold``).
    cv, scoring, error_score
        As in ``cross_val_score``.

    Returns
    -------
    train_scores : ndarray of shape (n_values, n_splits)
        Scores on the training sets.
    test_scores : ndarray of shape (n_values, n_splits)
        Scores on the held-out sets.

    See Also
    --------
    learning_curve : Scores for growing training sets.
    sklearn.model_selection.validation_curve : The scikit-learn function this one
        mirrors (without parallel jobs and fit parameters).

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.linear_model import Ridge
    >>> from skratch.model_selection import validation_curve
    >>> rng = np.random.default_rng(0)
    >>> X = rng.normal(size=(40, 3))
    >>> y = X @ [1.0, 2.0, 0.0] + 0.5 * rng.normal(size=40)
    >>> train, test = validation_curve(Ridge(), X, y, param_name="alpha",
    ...                                param_range=[0.1, 10.0, 1000.0], cv=4)
    >>> test.shape
    (3, 4)
    >>> test.mean(axis=1).round(2)
    array([ 0.93,  0.84, -0.05])
    """
    _check_error_score(error_score)
    splitter = _check_cv(cv, y, is_classifier(estimator))
    scorer = _check_scoring(estimator, scoring)
    splits = list(splitter.split(X, y, groups))
    values = list(param_range)
    results = [
        _fit_and_score(_clone(estimator).set_params(**{param_name: v}), X, y,
                       scorer, train, test, error_score, train_score=True)
        for train, test in splits for v in values
    ]
    _warn_or_raise_about_fit_failures(results, error_score)
    shape = (len(splits), len(values))
    train_scores = np.array([r["train"] for r in results]).reshape(shape)
    test_scores = np.array([r["test"] for r in results]).reshape(shape)
    return train_scores.T, test_scores.T
