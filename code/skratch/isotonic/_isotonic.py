r"""Isotonic regression: the best non-decreasing fit, by pooling violators.

Given targets :math:`y_1, \dots, y_n` (in the order of their ``X``) and
weights :math:`w_i > 0`, isotonic regression solves

.. math::

    \min_{\hat y} \sum_i w_i (y_i - \hat y_i)^2
    \quad \text{subject to} \quad
    \hat y_1 \le \hat y_2 \le \dots \le \hat y_n .

The pool-adjacent-violators algorithm (PAV) solves it exactly in one pass:
walk left to right keeping blocks of equal fitted value (each block's value
is the weighted mean of its targets); whenever the last block's mean falls
below the one before it, the two *violate* the order and are pooled into one
block. ``IsotonicRegression`` sorts the samples by ``X``, averages the
targets at equal ``X`` first, and predicts by linear interpolation between
the fitted points. Calibrating a classifier's scores
(``skratch.calibration.CalibratedClassifierCV(method="isotonic")``) is its
main use in practice.

Read more in the book: The practitioner's workflow
<https://skratch-ml.github.io/skratch/book/expert/practitioners-workflow.html>
"""

import math
import warnings
from numbers import Real

import numpy as np

from ..base import BaseEstimator, RegressorMixin, TransformerMixin
from ..utils.validation import (
    Interval,
    StrOptions,
    _check_sample_weight,
    check_array,
    check_consistent_length,
    check_is_fitted,
    validate_parameter_constraints,
)

__all__ = ["IsotonicRegression", "check_increasing", "isotonic_regression"]


def _pool_adjacent_violators(y, w):
    # min sum_i w_i (y_i - f_i)^2 subject to f_1 <= ... <= f_n.
    # A stack of blocks (weighted mean, total weight, size); PAV is
    # sequential by nature, so this is one Python pass over the points.
    means, weights, sizes = [], [], []
    for value, weight in zip(y.tolist(), w.tolist()):
        means.append(value)
        weights.append(weight)
        sizes.append(1)
        # Pool while the last two blocks violate the order.
        while len(means) > 1 and means[-2] > means[-1]:
            total = weights[-2] + weights[-1]
            mean = (weights[-2] * means[-2]
                    + weights[-1] * means[-1]) / total
            size = sizes[-2] + sizes[-1]
            del means[-1], weights[-1], sizes[-1]
            means[-1], weights[-1], sizes[-1] = mean, total, size
    return np.repeat(means, sizes)  # each block's mean, once per point


def _make_unique(X, y, w):
    # One point per distinct X (X sorted): the weighted mean of its targets,
    # with the summed weight. Values closer than the float64 resolution
    # count as equal, as in scikit-learn.
    resolution = np.finfo(X.dtype).resolution
    new = np.concatenate([[True], np.diff(X) >= resolution])
    starts = np.flatnonzero(new)  # (n_unique,) first index of each value
    weight = np.add.reduceat(w, starts)
    mean = np.add.reduceat(w * y, starts) / weight
    return X[starts], mean, weight


class _Interpolator:
    """The fitted function ``f_``: linear interpolation between thresholds.

    What ``scipy.interpolate.interp1d(kind="linear")`` gives scikit-learn:
    NaN outside ``[X_min_, X_max_]``, or a ``ValueError`` if
    ``bounds_error``; a constant when there is a single threshold. A plain
    class, so the fitted estimator pickles as it is.
    """

    def __init__(self, x, y, bounds_error=False):
        self.x = x
        self.y = y
        self.bounds_error = bounds_error

    def __call__(self, x_new):
        x_new = np.asarray(x_new, dtype=np.float64)
        if len(self.y) == 1:  # one threshold: a constant, everywhere
            return self.y.repeat(x_new.shape)
        below, above = x_new < self.x[0], x_new > self.x[-1]
        if self.bounds_error and below.any():
            value = x_new[np.argmax(below)]
            raise ValueError(
                f"A value ({value}) in x_new is below the interpolation "
                f"range's minimum value ({self.x[0]})."
            )
        if self.bounds_error and above.any():
            value = x_new[np.argmax(above)]
            raise ValueError(
                f"A value ({value}) in x_new is above the interpolation "
                f"range's maximum value ({self.x[-1]})."
            )
        out = np.interp(x_new, self.x, self.y)
        out[below | above] = np.nan
        return out


def check_increasing(x, y):
    """Whether ``y`` increases with ``x``: the sign of Spearman's rho.

    Parameters
    ----------
    x : array-like of shape (n_samples,)
        Training data.
    y : array-like of shape (n_samples,)
        Training target.

    Returns
    -------
    increasing_bool : bool
        True when Spearman's rank correlation is >= 0. A ``UserWarning``
        says when its 95% confidence interval (Fisher transform) spans 0.

    See Also
    --------
    sklearn.isotonic.check_increasing : The scikit-learn twin.

    Examples
    --------
    >>> from skratch.isotonic import check_increasing
    >>> check_increasing([1, 2, 3, 4, 5], [2, 4, 6, 8, 10])
    True
    >>> check_increasing([1, 2, 3, 4, 5], [10, 8, 6, 4, 2])
    False
    """
    from scipy.stats import spearmanr

    rho, _ = spearmanr(x, y)
    if rho not in (-1.0, 1.0) and len(x) > 3:
        # rho's 95% confidence interval: +-1.96 standard errors of
        # atanh(rho) (Fisher's transform)
        F = 0.5 * math.log((1.0 + rho) / (1.0 - rho))
        F_se = 1 / math.sqrt(len(x) - 3)
        low, high = math.tanh(F - 1.96 * F_se), math.tanh(F + 1.96 * F_se)
        if np.sign(low) != np.sign(high):
            warnings.warn(
                "Confidence interval of the Spearman correlation "
                "coefficient spans zero. Determination of ``increasing`` "
                "may be suspect.",
                stacklevel=2,
            )
    return bool(rho >= 0)


_BOUND = [Interval(Real, None, None, closed="both"), None]


def isotonic_regression(y, *, sample_weight=None, y_min=None, y_max=None,
                        increasing=True):
    r"""Solve the isotonic regression problem for ``y``, in the given order.

    .. math::

        \min_{\hat y} \sum_i w_i (y_i - \hat y_i)^2

    subject to

    .. math::

        \hat y_1 \le \dots \le \hat y_n

    (``>=`` if ``increasing=False``), by pool-adjacent-violators; the
    solution is then clipped to ``[y_min, y_max]``.

    Parameters
    ----------
    y : array-like of shape (n_samples,)
        The data, in order.
    sample_weight : array-like of shape (n_samples,), default=None
        Strictly positive weights; None gives every point weight 1.
    y_min : float, default=None
        Lower bound on the fitted values; None is -inf.
    y_max : float, default=None
        Upper bound on the fitted values; None is +inf.
    increasing : bool, default=True
        Fit a non-decreasing (True) or non-increasing (False) sequence.

    Returns
    -------
    y_ : ndarray of shape (n_samples,)
        The isotonic fit of ``y``.

    See Also
    --------
    IsotonicRegression : The estimator, which first sorts by ``X``.
    sklearn.isotonic.isotonic_regression : The scikit-learn twin (which
        calls ``scipy.optimize.isotonic_regression``).

    Notes
    -----
    Read more in the book: The practitioner's workflow
    <https://skratch-ml.github.io/skratch/book/expert/practitioners-workflow.html>

    Examples
    --------
    >>> from skratch.isotonic import isotonic_regression
    >>> isotonic_regression([5, 3, 1, 2, 8, 10, 7, 9, 6, 4]).round(3)
    array([2.75 , 2.75 , 2.75 , 2.75 , 7.333, 7.333, 7.333, 7.333, 7.333,
           7.333])
    """
    validate_parameter_constraints(
        {"y_min": _BOUND, "y_max": _BOUND, "increasing": ["boolean"]},
        {"y_min": y_min, "y_max": y_max, "increasing": increasing},
        caller_name="isotonic_regression",
    )
    y = check_array(y, dtype=np.float64, ensure_2d=False, input_name="y")
    if y.ndim != 1:
        raise ValueError(
            "y should be a 1d array, got an array of shape "
            f"{y.shape} instead."
        )
    w = _check_sample_weight(sample_weight, y)
    if np.any(w <= 0):
        raise ValueError(
            "Weights w must be strictly positive; got a minimum of "
            f"{w.min().item()!r}."
        )
    order = np.s_[:] if increasing else np.s_[::-1]  # decreasing: reversed
    fit = _pool_adjacent_violators(y[order], w[order])[order]
    if y_min is not None or y_max is not None:
        lower = -np.inf if y_min is None else y_min
        upper = np.inf if y_max is None else y_max
        fit = np.clip(fit, lower, upper)
    return fit


class IsotonicRegression(RegressorMixin, TransformerMixin, BaseEstimator):
    r"""Isotonic regression: a monotonic, piecewise-linear fit of y on x.

    Fits :math:`\min_{\hat y} \sum_i w_i (y_i - \hat y_i)^2` subject to
    :math:`\hat y` non-decreasing in :math:`x` (or non-increasing), then
    predicts by linear interpolation between the fitted points.

    Parameters
    ----------
    y_min : float, default=None
        Lower bound on the lowest predicted value; None is -inf.
    y_max : float, default=None
        Upper bound on the highest predicted value; None is +inf.
    increasing : bool or "auto", default=True
        Whether the fit increases (True) or decreases (False) with ``X``;
        "auto" chooses by the sign of Spearman's correlation
        (``check_increasing``).
    out_of_bounds : {"nan", "clip", "raise"}, default="nan"
        What ``predict`` does with ``X`` outside the training range: NaN,
        the value at the nearest end, or a ``ValueError``.

    Attributes
    ----------
    X_min_ : float
        Smallest training ``X`` (with a non-zero weight).
    X_max_ : float
        Largest training ``X``.
    X_thresholds_ : ndarray of shape (n_thresholds,)
        Distinct ascending ``X`` values the interpolation goes through (the
        inner points of flat stretches dropped).
    y_thresholds_ : ndarray of shape (n_thresholds,)
        The fitted values at ``X_thresholds_``.
    f_ : callable
        The interpolating function (scikit-learn's is a
        ``scipy.interpolate.interp1d``; ours a small picklable class with
        the same outputs and errors).
    increasing_ : bool
        The direction used (``increasing``, or the one "auto" chose).

    See Also
    --------
    isotonic_regression : The fit for points already in order.
    sklearn.isotonic.IsotonicRegression : The scikit-learn twin.

    Notes
    -----
    Ties in ``X`` are pooled first (the weighted mean of their targets), the
    secondary approach of de Leeuw (1977), as in scikit-learn. Samples of
    zero weight are dropped.

    Read more in the book: The practitioner's workflow
    <https://skratch-ml.github.io/skratch/book/expert/practitioners-workflow.html>

    Examples
    --------
    >>> from skratch.isotonic import IsotonicRegression
    >>> X = [1, 2, 3, 4, 5, 6]
    >>> y = [1.0, 3.0, 2.0, 4.0, 3.5, 6.0]
    >>> iso = IsotonicRegression().fit(X, y)
    >>> iso.predict([1, 2.5, 4.5, 7])
    array([1.  , 2.5 , 3.75,  nan])
    >>> iso.y_thresholds_
    array([1.  , 2.5 , 2.5 , 3.75, 3.75, 6.  ])
    """

    _parameter_constraints = {
        "y_min": _BOUND,
        "y_max": _BOUND,
        "increasing": ["boolean", StrOptions({"auto"})],
        "out_of_bounds": [StrOptions({"nan", "clip", "raise"})],
    }

    def __init__(self, *, y_min=None, y_max=None, increasing=True,
                 out_of_bounds="nan"):
        self.y_min = y_min
        self.y_max = y_max
        self.increasing = increasing
        self.out_of_bounds = out_of_bounds

    @staticmethod
    def _check_input_data_shape(X):
        if not (X.ndim == 1 or (X.ndim == 2 and X.shape[1] == 1)):
            raise ValueError(
                "Isotonic regression input X should be a 1d array or 2d "
                f"array with 1 feature; got shape {X.shape}."
            )

    def fit(self, X, y, sample_weight=None):
        """Fit the isotonic regression of ``y`` on ``X``.

        Parameters
        ----------
        X : array-like of shape (n_samples,) or (n_samples, 1)
            Training data.
        y : array-like of shape (n_samples,)
            Training target.
        sample_weight : array-like of shape (n_samples,), default=None
            Weights; None gives every sample weight 1.

        Returns
        -------
        self : IsotonicRegression
            The fitted estimator.
        """
        self._validate_params()
        X = check_array(X, dtype=np.float64, ensure_2d=False,
                        estimator=self)
        y = check_array(y, dtype=np.float64, ensure_2d=False,
                        input_name="y", estimator=self)
        check_consistent_length(X, y, sample_weight)
        self._check_input_data_shape(X)
        X = X.reshape(-1)
        if self.increasing == "auto":
            self.increasing_ = check_increasing(X, y)
        else:
            self.increasing_ = self.increasing

        w = _check_sample_weight(sample_weight, X)
        keep = w > 0
        X, y, w = X[keep], y[keep], w[keep]
        order = np.lexsort((y, X))  # by X, ties by y
        X, y, w = _make_unique(X[order], y[order], w[order])
        y = isotonic_regression(
            y, sample_weight=w, y_min=self.y_min, y_max=self.y_max,
            increasing=self.increasing_)
        self.X_min_, self.X_max_ = float(np.min(X)), float(np.max(X))

        # Drop the inner points of flat stretches: no prediction changes.
        keep = np.ones(len(y), dtype=bool)
        keep[1:-1] = (y[1:-1] != y[:-2]) | (y[1:-1] != y[2:])
        self.X_thresholds_, self.y_thresholds_ = X[keep], y[keep]
        self.f_ = _Interpolator(self.X_thresholds_, self.y_thresholds_,
                                bounds_error=self.out_of_bounds == "raise")
        return self

    def transform(self, T):
        """Interpolate the fitted function at ``T``.

        Parameters
        ----------
        T : array-like of shape (n_samples,) or (n_samples, 1)
            Data to transform.

        Returns
        -------
        y_pred : ndarray of shape (n_samples,)
            The fitted function at ``T`` (see ``out_of_bounds``).
        """
        check_is_fitted(self)
        T = check_array(T, dtype=np.float64, ensure_2d=False,
                        estimator=self)
        self._check_input_data_shape(T)
        T = T.reshape(-1)
        if self.out_of_bounds == "clip":
            T = np.clip(T, self.X_min_, self.X_max_)
        return self.f_(T)

    def predict(self, T):
        """Predict by linear interpolation between the fitted points.

        Parameters
        ----------
        T : array-like of shape (n_samples,) or (n_samples, 1)
            Data to predict for.

        Returns
        -------
        y_pred : ndarray of shape (n_samples,)
            Predicted values.
        """
        return self.transform(T)

    def get_feature_names_out(self, input_features=None):
        """Name the single output feature: ``["isotonicregression0"]``.

        Parameters
        ----------
        input_features : array-like of str or None, default=None
            Ignored.

        Returns
        -------
        feature_names_out : ndarray of str objects
            ``["isotonicregression0"]``.
        """
        check_is_fitted(self, "f_")
        return np.asarray([f"{type(self).__name__.lower()}0"], dtype=object)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.one_d_array = True
        tags.input_tags.two_d_array = False
        return tags
