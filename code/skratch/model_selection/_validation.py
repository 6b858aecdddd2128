"""Cross-validation: score a model on every fold, and learning curves.

``cross_val_score`` fits a fresh copy of the model on each training part and scores
it on the held-out fold; ``learning_curve`` does the same for growing training sets,
to show whether more data would help. Both accept skratch or scikit-learn estimators:
anything with ``get_params``, ``fit`` and ``predict`` (or ``score``).

Read more in the book: Cross-validation
<https://skratch-ml.github.io/skratch/book/advanced/cross-validation.html>
"""

import copy
import numbers
import sys
import time
import warnings

import numpy as np

from ..metrics import get_scorer
from ._split import KFold, StratifiedKFold, _legacy_random_state, _safe_indexing

__all__ = ["cross_val_score", "learning_curve"]


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


def _is_classifier(estimator):
    """Whether ``estimator`` is a classifier (skratch, scikit-learn, or a pipeline)."""
    from ..base import ClassifierMixin

    if hasattr(estimator, "steps") and estimator.steps:  # a pipeline: its last step
        return _is_classifier(estimator.steps[-1][1])
    if isinstance(estimator, ClassifierMixin):
        return True
    if getattr(estimator, "_estimator_type", None) == "classifier":
        return True
    if "sklearn" in sys.modules:  # a scikit-learn estimator: ask scikit-learn
        from sklearn.base import is_classifier

        try:
            return is_classifier(estimator)
        except Exception:  # not something scikit-learn can read tags from
            return False
    return False


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


def _fit_and_score(estimator, X, y, scorer, train, test, error_score,
                   train_score=False):
    """Fit a clone on ``train``; return (test score, train score or None, fit time)."""
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
        warnings.warn(
            f"A fit failed and its score was set to error_score={error_score}. "
            f"The error was: {type(exc).__name__}: {exc}",
            RuntimeWarning,
            stacklevel=3,
        )
        return error_score, error_score if train_score else None, 0.0
    fit_time = time.perf_counter() - start
    test_value = float(scorer(estimator, X_test, y_test))
    train_value = float(scorer(estimator, X_train, y_train)) if train_score else None
    return test_value, train_value, fit_time


def _check_error_score(error_score):
    if not (isinstance(error_score, numbers.Number)
            or (isinstance(error_score, str) and error_score == "raise")):
        raise ValueError(
            "error_score must be the string 'raise' or a numeric value. "
            f"Got {error_score!r} instead."
        )


def cross_val_score(estimator, X, y=None, *, scoring=None, cv=None,
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
    scoring : str or callable, default=None
        A name from ``skratch.metrics.get_scorer_names()`` (``"accuracy"``, ``"r2"``,
        ``"neg_mean_squared_error"``, ``"f1"``, ``"roc_auc"``, ...), a callable
        ``scorer(estimator, X, y)``, or None for the estimator's ``score``.
    cv : int, splitter or iterable, default=None
        None for 5 folds; an int for that many folds (``StratifiedKFold`` for a
        classifier, ``KFold`` otherwise, unshuffled, as in scikit-learn); a splitter
        with a ``split`` method; or an iterable of (train, test) index arrays.
    error_score : "raise" or float, default=np.nan
        The score of a fold whose fit fails (with a ``RuntimeWarning``); "raise"
        lets the error through.

    Returns
    -------
    scores : ndarray of shape (n_splits,)
        The score on each fold.

    See Also
    --------
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
    _check_error_score(error_score)
    splitter = _check_cv(cv, y, _is_classifier(estimator))
    scorer = _check_scoring(estimator, scoring)
    scores = [
        _fit_and_score(_clone(estimator), X, y, scorer, train, test, error_score)[0]
        for train, test in splitter.split(X, y)
    ]
    return np.array(scores, dtype=np.float64)


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


def learning_curve(estimator, X, y, *, train_sizes=np.linspace(0.1, 1.0, 5),
                   cv=None, scoring=None, shuffle=False, random_state=None,
                   error_score=np.nan):
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
    splitter = _check_cv(cv, y, _is_classifier(estimator))
    scorer = _check_scoring(estimator, scoring)
    splits = list(splitter.split(X, y))
    sizes = _translate_train_sizes(train_sizes, len(splits[0][0]))
    if shuffle:
        rng = _legacy_random_state(random_state)
        splits = [(rng.permutation(train), test) for train, test in splits]
    train_scores = np.empty((len(sizes), len(splits)))
    test_scores = np.empty((len(sizes), len(splits)))
    for s, (train, test) in enumerate(splits):
        for t, m in enumerate(sizes):
            test_scores[t, s], train_scores[t, s], _ = _fit_and_score(
                _clone(estimator), X, y, scorer, train[:m], test, error_score,
                train_score=True,
            )
    return sizes, train_scores, test_scores
