"""Bagging (bootstrap aggregating): one model, trained many times on resampled data.

Each copy of the base estimator is fitted on a bootstrap sample of the rows (and
optionally a random subset of the features); the ensemble averages their class
probabilities. Averaging models that overfit in different ways cancels much of their
variance; the rows a copy never saw score it for free ("out of bag").

Read more in the book: Random forests
<https://skratch-ml.github.io/skratch/book/expert/random-forests.html>
"""

import warnings
from numbers import Integral, Real

import numpy as np

from ..base import BaseEstimator, ClassifierMixin
from ..utils.multiclass import check_classification_targets
from ..utils.validation import (
    Interval,
    check_array,
    check_is_fitted,
    check_random_state,
    check_X_y,
    validate_n_features,
)
from ..tree import DecisionTreeClassifier
from ._weight_boosting import _clone

__all__ = ["BaggingClassifier"]


def _draw_count(value, n_total, name):
    # An int is a count, a float a fraction of n_total (at least 1).
    if isinstance(value, Integral):
        if value > n_total:
            raise ValueError(f"{name} must be <= {n_total}, got {value!r}.")
        return int(value)
    return max(1, int(value * n_total))


class BaggingClassifier(ClassifierMixin, BaseEstimator):
    r"""A bagging classifier: copies of one estimator on bootstrap samples, averaged.

    Copy :math:`b` is fitted on rows :math:`S_b` drawn with replacement (and features
    :math:`F_b`); the ensemble's probabilities are the copies' mean,

    .. math::

        \hat p(k \mid x) = \frac{1}{B} \sum_{b=1}^{B} \hat p_b(k \mid x_{F_b}),

    using each copy's ``predict_proba`` if it has one, else its vote (a one-hot).

    Read more in the book: Random forests
    <https://skratch-ml.github.io/skratch/book/expert/random-forests.html>

    Parameters
    ----------
    estimator : estimator, default=None
        The base estimator; None means a ``DecisionTreeClassifier()``.
    n_estimators : int, default=10
        Number of copies.
    max_samples : int, float or None, default=None
        Rows drawn for each copy: all ``n_samples`` (None), a count (int) or a fraction.
    max_features : int or float, default=1.0
        Features drawn for each copy: a count or a fraction of ``n_features``.
    bootstrap : bool, default=True
        Draw rows with replacement; if False, without.
    bootstrap_features : bool, default=False
        Draw features with replacement.
    oob_score : bool, default=False
        Score on the out-of-bag rows (needs ``bootstrap=True``).
    n_jobs : int or None, default=None
        Accepted for compatibility with scikit-learn and ignored.
    random_state : int, numpy.random.Generator, RandomState or None, default=None
        Seeds the draws and the copies' own ``random_state``.

    Attributes
    ----------
    estimators_ : list of estimators
        The fitted copies.
    estimators_samples_ : list of ndarray
        The rows drawn for each copy (with repeats when ``bootstrap=True``).
    estimators_features_ : list of ndarray
        The features drawn for each copy.
    classes_ : ndarray of shape (n_classes,)
        The class labels.
    n_classes_ : int
        Number of classes.
    n_features_in_ : int
        Number of features seen during ``fit``.
    oob_score_ : float
        Out-of-bag accuracy (``oob_score=True`` only).
    oob_decision_function_ : ndarray of shape (n_samples, n_classes)
        Out-of-bag class probabilities; NaN for a row that every copy drew.

    See Also
    --------
    RandomForestClassifier : Bagged trees that also draw features at every node.
    sklearn.ensemble.BaggingClassifier : The scikit-learn estimator this mirrors.

    Notes
    -----
    Copies are fitted on the drawn rows themselves (repeated rows included), so any
    classifier works, with or without ``sample_weight``. A copy that did not see every
    class has its probabilities placed in the ensemble's class columns. ``n_jobs`` is
    ignored; ``warm_start`` is not implemented.

    References
    ----------
    .. [1] L. Breiman, "Bagging predictors", Machine Learning, 24(2), 123-140, 1996.

    Examples
    --------
    >>> from sklearn.datasets import load_wine
    >>> from skratch.ensemble import BaggingClassifier
    >>> X, y = load_wine(return_X_y=True)
    >>> bag = BaggingClassifier(n_estimators=20, oob_score=True,
    ...                         random_state=0).fit(X, y)
    >>> len(bag.estimators_), bag.oob_decision_function_.shape
    (20, (178, 3))
    >>> bool(bag.oob_score_ > 0.85)
    True
    """

    _parameter_constraints = {
        "n_estimators": [Interval(Integral, 1, None, closed="left")],
        "max_samples": [
            None,
            Interval(Integral, 1, None, closed="left"),
            Interval(Real, 0, 1, closed="right"),
        ],
        "max_features": [
            Interval(Integral, 1, None, closed="left"),
            Interval(Real, 0, 1, closed="right"),
        ],
        "bootstrap": ["boolean"],
        "bootstrap_features": ["boolean"],
        "oob_score": ["boolean"],
        "n_jobs": [Integral, None],
        "random_state": ["random_state"],
    }

    def __init__(
        self,
        estimator=None,
        n_estimators=10,
        *,
        max_samples=None,
        max_features=1.0,
        bootstrap=True,
        bootstrap_features=False,
        oob_score=False,
        n_jobs=None,
        random_state=None,
    ):
        self.estimator = estimator
        self.n_estimators = n_estimators
        self.max_samples = max_samples
        self.max_features = max_features
        self.bootstrap = bootstrap
        self.bootstrap_features = bootstrap_features
        self.oob_score = oob_score
        self.n_jobs = n_jobs
        self.random_state = random_state

    def fit(self, X, y):
        """Fit the copies on bootstrap samples of ``(X, y)``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : array-like of shape (n_samples,)
            Class labels.

        Returns
        -------
        self : BaggingClassifier
            The fitted estimator.
        """
        self._validate_params()
        if self.oob_score and not self.bootstrap:
            raise ValueError("Out of bag estimation only available if bootstrap=True")
        if self.estimator is not None and not hasattr(self.estimator, "fit"):
            raise TypeError(f"estimator must be an estimator with fit, got {self.estimator!r}.")
        X, y = check_X_y(X, y, dtype=np.float64, estimator=self)
        validate_n_features(self, X, reset=True)
        check_classification_targets(y)
        self.classes_, y_encoded = np.unique(y, return_inverse=True)
        self.n_classes_ = len(self.classes_)
        n_samples, n_features = X.shape
        n_rows = n_samples if self.max_samples is None else _draw_count(
            self.max_samples, n_samples, "max_samples"
        )
        n_cols = _draw_count(self.max_features, n_features, "max_features")
        base = DecisionTreeClassifier() if self.estimator is None else self.estimator
        rng = check_random_state(self.random_state)

        self.estimators_, self.estimators_samples_, self.estimators_features_ = [], [], []
        for _ in range(self.n_estimators):
            params = {}
            if "random_state" in base.get_params(deep=False):
                params["random_state"] = int(rng.integers(np.iinfo(np.int32).max))
            if self.bootstrap_features:
                features = rng.integers(0, n_features, n_cols)
            else:
                features = np.sort(rng.choice(n_features, n_cols, replace=False))
            if self.bootstrap:
                rows = rng.integers(0, n_samples, n_rows)
            else:
                rows = rng.choice(n_samples, n_rows, replace=False)
            # Fit on encoded labels so every copy speaks in class indices.
            copy = _clone(base, **params).fit(X[rows][:, features], y_encoded[rows])
            self.estimators_.append(copy)
            self.estimators_samples_.append(rows)
            self.estimators_features_.append(features)
        if self.oob_score:
            self._set_oob(X, y_encoded)
        return self

    def _copy_proba(self, copy, X):
        # (n, n_classes) probabilities of one copy, in the ensemble's class columns
        proba = np.zeros((X.shape[0], self.n_classes_))
        seen = np.asarray(copy.classes_, dtype=int)  # the class indices it was fitted on
        if hasattr(copy, "predict_proba"):
            proba[:, seen] = copy.predict_proba(X)
        else:
            proba[np.arange(X.shape[0]), np.asarray(copy.predict(X), dtype=int)] = 1.0
        return proba

    def _set_oob(self, X, y_encoded):
        total = np.zeros((X.shape[0], self.n_classes_))
        n_votes = np.zeros(X.shape[0])
        for copy, rows, features in zip(
            self.estimators_, self.estimators_samples_, self.estimators_features_
        ):
            out = np.ones(X.shape[0], dtype=bool)
            out[rows] = False
            if out.any():
                total[out] += self._copy_proba(copy, X[out][:, features])
                n_votes[out] += 1
        if np.any(n_votes == 0):
            warnings.warn(
                "Some inputs do not have OOB scores. This probably means too few "
                "estimators were used to compute any reliable oob estimates.",
                UserWarning,
            )
        has_oob = n_votes > 0
        with np.errstate(invalid="ignore", divide="ignore"):
            self.oob_decision_function_ = total / n_votes[:, None]
        predicted = np.argmax(self.oob_decision_function_[has_oob], axis=1)
        self.oob_score_ = float(np.mean(predicted == y_encoded[has_oob]))

    def predict_proba(self, X):
        """Return the mean of the copies' class probabilities (or votes).

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)

        Returns
        -------
        proba : ndarray of shape (n_samples, n_classes)
            Columns in the order of ``classes_``.
        """
        check_is_fitted(self, "estimators_")
        X = check_array(X, dtype=np.float64, estimator=self)
        validate_n_features(self, X, reset=False)
        proba = np.zeros((X.shape[0], self.n_classes_))
        for copy, features in zip(self.estimators_, self.estimators_features_):
            proba += self._copy_proba(copy, X[:, features])
        return proba / len(self.estimators_)

    def predict(self, X):
        """Return the class with the highest mean probability.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)

        Returns
        -------
        y_pred : ndarray of shape (n_samples,)
        """
        proba = self.predict_proba(X)
        return self.classes_[np.argmax(proba, axis=1)]
