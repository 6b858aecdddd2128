"""Regression metrics: how far the predicted numbers are from the true ones.

The mean squared error and the mean absolute error average the size of the mistakes
(squared, or as they are); R^2 compares the squared error with that of the simplest
model there is, always predicting the mean.

Read more in the book: Loss functions
<https://skratch-ml.github.io/skratch/book/advanced/loss-functions.html>
"""

import warnings

import numpy as np

from ..exceptions import UndefinedMetricWarning
from ..utils.validation import (
    StrOptions,
    _check_sample_weight,
    check_array,
    check_consistent_length,
    validate_parameter_constraints,
)

__all__ = ["mean_absolute_error", "mean_squared_error", "r2_score",
           "root_mean_squared_error"]

# What multioutput may be: a name, or one weight per output (r2_score: or None).
_MULTIOUTPUT = [StrOptions({"raw_values", "uniform_average"}), "array-like"]
_R2_MULTIOUTPUT = [StrOptions({"raw_values", "uniform_average", "variance_weighted"}),
                   "array-like", None]


def _check_reg_targets(y_true, y_pred, sample_weight, multioutput, caller,
                       allowed=_MULTIOUTPUT):
    """Validate targets as 2-D float arrays (n_samples, n_outputs) and the weights."""
    validate_parameter_constraints({"multioutput": allowed},
                                   {"multioutput": multioutput}, caller)
    check_consistent_length(y_true, y_pred, sample_weight)
    y_true = check_array(y_true, ensure_2d=False, dtype=np.float64, input_name="y_true")
    y_pred = check_array(y_pred, ensure_2d=False, dtype=np.float64, input_name="y_pred")
    if sample_weight is not None:
        sample_weight = _check_sample_weight(sample_weight, y_true.shape[0])
    if y_true.ndim == 1:
        y_true = y_true.reshape(-1, 1)
    if y_pred.ndim == 1:
        y_pred = y_pred.reshape(-1, 1)
    if y_true.shape[1] != y_pred.shape[1]:
        raise ValueError(
            "y_true and y_pred have different number of output "
            f"({y_true.shape[1]}!={y_pred.shape[1]})"
        )
    n_outputs = y_true.shape[1]
    if multioutput is not None and not isinstance(multioutput, str):
        multioutput = check_array(multioutput, ensure_2d=False, dtype=np.float64,
                                  input_name="multioutput")
        if n_outputs == 1:
            raise ValueError("Custom weights are useful only in multi-output cases.")
        if multioutput.shape[0] != n_outputs:
            raise ValueError(
                f"There must be equally many custom weights ({multioutput.shape[0]}) "
                f"as outputs ({n_outputs})."
            )
    return y_true, y_pred, sample_weight, multioutput


def _average_outputs(errors, multioutput):
    # One number per output (n_outputs,), then their mean, or a weighted mean.
    if isinstance(multioutput, str):
        if multioutput == "raw_values":
            return errors
        multioutput = None  # "uniform_average"
    return float(np.average(errors, weights=multioutput))


_PARAMETERS = """
    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_outputs)
        True target values.
    y_pred : array-like of shape (n_samples,) or (n_samples, n_outputs)
        Predicted target values.
    sample_weight : array-like of shape (n_samples,), default=None
        Sample weights.
    multioutput : {"raw_values", "uniform_average"} or array-like of shape \
(n_outputs,), default="uniform_average"
        How to combine several outputs: one value each (``"raw_values"``), their
        mean, or their weighted mean with these weights.
"""


def mean_squared_error(y_true, y_pred, *, sample_weight=None,
                       multioutput="uniform_average"):
    r"""Mean squared error: the average squared difference between truth and guess.

    .. math::

        \text{MSE} = \frac{1}{n} \sum_{i=1}^{n} (y_i - \hat y_i)^2

    Read more in the book: Loss functions
    <https://skratch-ml.github.io/skratch/book/advanced/loss-functions.html>
    {parameters}
    Returns
    -------
    loss : float or ndarray of shape (n_outputs,)
        The mean squared error (0 is best).

    See Also
    --------
    mean_absolute_error : Less sensitive to a few large mistakes.
    sklearn.metrics.mean_squared_error : The scikit-learn function this one mirrors.

    Examples
    --------
    >>> from skratch.metrics import mean_squared_error
    >>> mean_squared_error([3, -0.5, 2, 7], [2.5, 0.0, 2, 8])
    0.375
    """
    y_true, y_pred, sample_weight, multioutput = _check_reg_targets(
        y_true, y_pred, sample_weight, multioutput, "mean_squared_error"
    )
    errors = np.average((y_true - y_pred) ** 2, axis=0, weights=sample_weight)
    return _average_outputs(errors, multioutput)


def root_mean_squared_error(y_true, y_pred, *, sample_weight=None,
                            multioutput="uniform_average"):
    r"""Root mean squared error: the square root of the MSE, in the target's units.

    .. math::

        \text{RMSE} = \sqrt{\frac{1}{n} \sum_{i=1}^{n} (y_i - \hat y_i)^2}

    With several outputs the root is taken per output, then averaged.

    Read more in the book: Loss functions
    <https://skratch-ml.github.io/skratch/book/advanced/loss-functions.html>
    {parameters}
    Returns
    -------
    loss : float or ndarray of shape (n_outputs,)
        The root mean squared error (0 is best).

    See Also
    --------
    mean_squared_error : The same error, squared.
    sklearn.metrics.root_mean_squared_error : The scikit-learn function this one
        mirrors.

    Examples
    --------
    >>> from skratch.metrics import root_mean_squared_error
    >>> round(root_mean_squared_error([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]), 4)
    0.6124
    """
    y_true, y_pred, sample_weight, multioutput = _check_reg_targets(
        y_true, y_pred, sample_weight, multioutput, "root_mean_squared_error"
    )
    errors = np.average((y_true - y_pred) ** 2, axis=0, weights=sample_weight)
    return _average_outputs(np.sqrt(errors), multioutput)


def mean_absolute_error(y_true, y_pred, *, sample_weight=None,
                        multioutput="uniform_average"):
    r"""Mean absolute error: the average size of the mistakes, in the target's units.

    .. math::

        \text{MAE} = \frac{1}{n} \sum_{i=1}^{n} |y_i - \hat y_i|

    Read more in the book: Loss functions
    <https://skratch-ml.github.io/skratch/book/advanced/loss-functions.html>
    {parameters}
    Returns
    -------
    loss : float or ndarray of shape (n_outputs,)
        The mean absolute error (0 is best).

    See Also
    --------
    mean_squared_error : Punishes large mistakes more.
    sklearn.metrics.mean_absolute_error : The scikit-learn function this one mirrors.

    Examples
    --------
    >>> from skratch.metrics import mean_absolute_error
    >>> mean_absolute_error([3, -0.5, 2, 7], [2.5, 0.0, 2, 8])
    0.5
    """
    y_true, y_pred, sample_weight, multioutput = _check_reg_targets(
        y_true, y_pred, sample_weight, multioutput, "mean_absolute_error"
    )
    errors = np.average(np.abs(y_true - y_pred), axis=0, weights=sample_weight)
    return _average_outputs(errors, multioutput)


def r2_score(y_true, y_pred, *, sample_weight=None, multioutput="uniform_average",
             force_finite=True):
    r""":math:`R^2`, the coefficient of determination.

    .. math::

        R^2 = 1 - \frac{\sum_i (y_i - \hat y_i)^2}{\sum_i (y_i - \bar y)^2}

    1 is a perfect prediction, 0 is what always predicting the mean :math:`\bar y`
    scores, and a worse model scores below 0.

    Read more in the book: Linear regression
    <https://skratch-ml.github.io/skratch/book/intermediate/linear-regression.html>
    {parameters}
        ``"variance_weighted"`` weights each output's :math:`R^2` by the variance of
        its true values.
    force_finite : bool, default=True
        A constant ``y_true`` makes the denominator 0. With True the score is then
        1.0 for a perfect prediction and 0.0 otherwise (instead of NaN or -inf).

    Returns
    -------
    r2 : float or ndarray of shape (n_outputs,)
        The :math:`R^2` score. With fewer than two samples it is not defined: NaN,
        with an ``UndefinedMetricWarning``.

    See Also
    --------
    sklearn.metrics.r2_score : The scikit-learn function this one mirrors.

    Examples
    --------
    >>> from skratch.metrics import r2_score
    >>> round(r2_score([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]), 4)
    0.9486
    >>> r2_score([1, 2, 3], [2, 2, 2])  # the mean scores 0
    0.0
    """
    y_true, y_pred, sample_weight, multioutput = _check_reg_targets(
        y_true, y_pred, sample_weight, multioutput, "r2_score", _R2_MULTIOUTPUT
    )
    if y_pred.shape[0] < 2:
        warnings.warn("R^2 score is not well-defined with less than two samples.",
                      UndefinedMetricWarning, stacklevel=2)
        return np.nan
    weight = 1.0 if sample_weight is None else sample_weight[:, None]
    y_mean = np.average(y_true, axis=0, weights=sample_weight)  # (n_outputs,)
    numerator = np.sum(weight * (y_true - y_pred) ** 2, axis=0)  # residual sum
    denominator = np.sum(weight * (y_true - y_mean) ** 2, axis=0)  # total sum

    nonzero_denominator = denominator != 0
    if not force_finite:
        with np.errstate(divide="ignore", invalid="ignore"):
            scores = 1 - numerator / denominator
    else:
        # 0 / 0 (a constant target predicted exactly) scores 1; x / 0 scores 0.
        nonzero_numerator = numerator != 0
        scores = np.ones(y_true.shape[1])
        valid = nonzero_denominator & nonzero_numerator
        scores[valid] = 1 - numerator[valid] / denominator[valid]
        scores[nonzero_numerator & ~nonzero_denominator] = 0.0

    if isinstance(multioutput, str) and multioutput == "variance_weighted":
        # All-constant targets make every weight 0: fall back to the plain mean.
        multioutput = denominator if nonzero_denominator.any() else None
    with np.errstate(invalid="ignore"):  # -inf * 0 weight, only if not force_finite
        return _average_outputs(scores, multioutput)


for _function in (mean_squared_error, root_mean_squared_error,
                  mean_absolute_error):
    _function.__doc__ = _function.__doc__.replace("    {parameters}", _PARAMETERS)
# r2_score continues the multioutput entry, so no blank line after the block.
r2_score.__doc__ = r2_score.__doc__.replace("    {parameters}\n", _PARAMETERS)
