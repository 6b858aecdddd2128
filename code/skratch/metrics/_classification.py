"""Classification metrics: how often, and how, a classifier's labels are right.

Everything here starts from counting. The confusion matrix counts, for each pair
(true class, predicted class), how many samples fall in it; accuracy, precision, recall
and F1 are ratios of those counts. The log loss instead scores predicted probabilities.

Read more in the book: Classification metrics
<https://skratch-ml.github.io/skratch/book/advanced/classification-metrics.html>
"""

import warnings
from numbers import Integral, Real

import numpy as np

from ..exceptions import UndefinedMetricWarning
from ..utils import validation
from ..utils.multiclass import type_of_target
from ..utils.validation import (
    Interval,
    StrOptions,
    check_array,
    check_consistent_length,
    column_or_1d,
    validate_parameter_constraints,
)

__all__ = [
    "accuracy_score",
    "balanced_accuracy_score",
    "classification_report",
    "confusion_matrix",
    "f1_score",
    "fbeta_score",
    "hinge_loss",
    "log_loss",
    "precision_score",
    "recall_score",
]


# --------------------------------------------------------------------------------------
# Targets: what kind of labels are these?
# --------------------------------------------------------------------------------------


def _unique_labels(*ys):
    """The sorted union of the labels, refusing a mix of strings and numbers."""
    is_text = {y.dtype.kind in "USO" for y in ys}
    if len(is_text) > 1:
        raise ValueError("Mix of label input types (string and number)")
    return np.unique(np.concatenate([np.unique(y) for y in ys]))


def _check_targets(y_true, y_pred, sample_weight=None):
    """Validate the labels and the weights of a classification metric, once for all.

    Returns (type, sorted labels, y_true, y_pred, sample_weight): the targets as
    1-D arrays (a column vector is flattened, silently, as in scikit-learn) and
    the weights checked by ``_check_metric_weight`` (None stays None).
    """
    check_consistent_length(y_true, y_pred, sample_weight)
    y_true = check_array(y_true, dtype=None, ensure_2d=False, ensure_all_finite=False,
                         ensure_min_samples=0, input_name="y_true")
    y_pred = check_array(y_pred, dtype=None, ensure_2d=False, ensure_all_finite=False,
                         ensure_min_samples=0, input_name="y_pred")
    type_true = type_of_target(y_true, "y_true")
    type_pred = type_of_target(y_pred, "y_pred")
    if y_true.shape[0] < 1:  # the lengths agree: y_pred is empty too
        raise ValueError(
            "Found empty input array (e.g., `y_true` or `y_pred`) while a minimum "
            "of 1 sample is required."
        )
    sample_weight = _check_metric_weight(sample_weight, y_true.shape[0])
    y_type = {type_true, type_pred}
    if y_type == {"binary", "multiclass"}:
        y_type = {"multiclass"}
    if len(y_type) > 1:
        raise ValueError(
            "Classification metrics can't handle a mix of "
            f"{type_true} and {type_pred} targets"
        )
    y_type = y_type.pop()
    if y_type not in ("binary", "multiclass"):
        # skratch's metrics cover one label per sample (no multilabel indicators).
        raise ValueError(f"{y_type} is not supported")
    y_true = column_or_1d(y_true, input_name="y_true")
    y_pred = column_or_1d(y_pred, input_name="y_pred")
    labels = _unique_labels(y_true, y_pred)
    if y_type == "binary" and labels.shape[0] > 2:
        y_type = "multiclass"
    return y_type, labels, y_true, y_pred, sample_weight


def _encode(y, labels):
    """Index of each element of ``y`` in ``labels`` (any order); -1 if absent."""
    order = np.argsort(labels, kind="stable")
    sorted_labels = labels[order]
    position = np.searchsorted(sorted_labels, y)
    position = np.minimum(position, len(labels) - 1)  # y beyond the last label
    found = sorted_labels[position] == y
    return np.where(found, order[position], -1)


def _check_metric_weight(sample_weight, n_samples):
    # Unlike an estimator's fit, a metric keeps None (plain counts) and the dtype
    # of numeric weights (integer or boolean weights give integer counts); object
    # weights become float64, as scikit-learn's confusion_matrix makes them.
    if sample_weight is None:
        return None
    sample_weight = validation._check_sample_weight(sample_weight, n_samples,
                                                    dtype=None)
    if sample_weight.dtype.kind not in "biuf":
        sample_weight = sample_weight.astype(np.float64)  # e.g. object arrays
    return sample_weight


# --------------------------------------------------------------------------------------
# Counting
# --------------------------------------------------------------------------------------


def _confusion_counts(true_index, pred_index, n_labels, sample_weight):
    # C[i, j] = sum of the weights of the samples with true label i, predicted j.
    # Counting the flat index i * n_labels + j (one bincount) fills the matrix.
    keep = (true_index >= 0) & (pred_index >= 0)  # drop labels not asked for
    if not keep.all():
        true_index, pred_index = true_index[keep], pred_index[keep]
        sample_weight = None if sample_weight is None else sample_weight[keep]
    flat = true_index * n_labels + pred_index  # (n_samples,)
    if sample_weight is not None and sample_weight.dtype.kind in "biu":
        # Integer weights give integer counts, summed exactly in int64 (bincount
        # sums weights in float64, which rounds integers beyond 2**53).
        counts = np.zeros(n_labels * n_labels, dtype=np.int64)
        np.add.at(counts, flat, sample_weight.astype(np.int64))
    else:
        counts = np.bincount(flat, weights=sample_weight,
                             minlength=n_labels * n_labels)
    return counts.reshape(n_labels, n_labels)


def accuracy_score(y_true, y_pred, *, normalize=True, sample_weight=None):
    r"""Accuracy: the fraction of samples whose predicted label is the true one.

    .. math::

        \text{accuracy} = \frac{1}{n} \sum_{i=1}^{n} \mathbb{1}[\hat y_i = y_i]

    Read more in the book: Classification metrics
    <https://skratch-ml.github.io/skratch/book/advanced/classification-metrics.html>

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True labels.
    y_pred : array-like of shape (n_samples,)
        Predicted labels.
    normalize : bool, default=True
        If False, return the (weighted) number of correct predictions instead.
    sample_weight : array-like of shape (n_samples,), default=None
        Sample weights.

    Returns
    -------
    score : float
        The fraction (or number) of correct predictions.

    See Also
    --------
    sklearn.metrics.accuracy_score : The scikit-learn function this one mirrors.

    Examples
    --------
    >>> from skratch.metrics import accuracy_score
    >>> accuracy_score([0, 1, 2, 3], [0, 2, 1, 3])
    0.5
    >>> accuracy_score([0, 1, 2, 3], [0, 2, 1, 3], normalize=False)
    2.0
    """
    _, _, y_true, y_pred, sample_weight = _check_targets(y_true, y_pred,
                                                         sample_weight)
    correct = y_true == y_pred
    if not normalize:
        if sample_weight is None:
            return float(np.sum(correct))
        return float(np.dot(correct, sample_weight))
    return float(np.average(correct, weights=sample_weight))


def confusion_matrix(y_true, y_pred, *, labels=None, sample_weight=None,
                     normalize=None):
    r"""Confusion matrix: ``C[i, j]`` counts samples of class ``i`` predicted as ``j``.

    .. math::

        C_{ij} = \sum_{k=1}^{n} w_k \, \mathbb{1}[y_k = \ell_i] \, \mathbb{1}[\hat y_k = \ell_j]

    Rows are true classes, columns predicted classes, both in the order of ``labels``
    (sorted by default). In the binary case ``C = [[TN, FP], [FN, TP]]``.

    Read more in the book: Classification metrics
    <https://skratch-ml.github.io/skratch/book/advanced/classification-metrics.html>

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True labels.
    y_pred : array-like of shape (n_samples,)
        Predicted labels.
    labels : array-like of shape (n_classes,), default=None
        The labels to index the matrix by, in this order; samples whose true or
        predicted label is not listed are left out. By default, the sorted labels
        found in ``y_true`` or ``y_pred``.
    sample_weight : array-like of shape (n_samples,), default=None
        Sample weights.
    normalize : {"true", "pred", "all"}, default=None
        Divide by the row sums ("true": each row sums to 1), the column sums ("pred")
        or the total ("all"). None keeps counts.

    Returns
    -------
    C : ndarray of shape (n_classes, n_classes)
        The confusion matrix: int64 counts (also with integer or boolean
        weights, summed exactly), float64 with other weights or when normalised.

    See Also
    --------
    sklearn.metrics.confusion_matrix : The scikit-learn function this one mirrors.

    Examples
    --------
    >>> from skratch.metrics import confusion_matrix
    >>> confusion_matrix(["cat", "ant", "cat", "cat", "ant", "bird"],
    ...                  ["ant", "ant", "cat", "cat", "ant", "cat"])
    array([[2, 0, 0],
           [0, 0, 1],
           [1, 0, 2]])
    """
    validate_parameter_constraints(
        {"normalize": [StrOptions({"true", "pred", "all"}), None]},
        {"normalize": normalize}, "confusion_matrix",
    )
    y_type, present, y_true, y_pred, sample_weight = _check_targets(
        y_true, y_pred, sample_weight)
    if labels is None:
        labels = present
    else:
        labels = np.asarray(labels)
        if labels.size == 0:
            raise ValueError("'labels' should contain at least one label.")
        if len(np.intersect1d(y_true, labels)) == 0:
            raise ValueError("At least one label specified must be in y_true")
    n_labels = labels.size
    C = _confusion_counts(
        _encode(y_true, labels), _encode(y_pred, labels), n_labels, sample_weight
    )
    if normalize is not None:
        # A class with no samples gives 0 / 0: reported as 0, as scikit-learn does.
        with np.errstate(all="ignore"):
            if normalize == "true":
                C = C / C.sum(axis=1, keepdims=True)
            elif normalize == "pred":
                C = C / C.sum(axis=0, keepdims=True)
            else:
                C = C / C.sum()
        C = np.nan_to_num(C)
    if C.shape == (1, 1):
        warnings.warn(
            "A single label was found in 'y_true' and 'y_pred'. For the confusion "
            "matrix to have the correct shape, use the 'labels' parameter to pass "
            "all known labels.",
            UserWarning,
            stacklevel=2,
        )
    return C


# --------------------------------------------------------------------------------------
# Precision, recall, F-score
# --------------------------------------------------------------------------------------

_AVERAGES = [StrOptions({"binary", "micro", "macro", "weighted", "samples"}), None]


class _ZeroDivisionOption:
    """The values ``zero_division`` accepts: "warn", 0, 1 or NaN."""

    def is_satisfied_by(self, value):
        if isinstance(value, str):
            return value == "warn"
        return (isinstance(value, Real) and not isinstance(value, bool)
                and (value in (0, 1) or np.isnan(value)))

    def __str__(self):
        return "a str among {'warn'} or a float among {0.0, 1.0, nan}"


_POS_LABEL = [Real, str, "boolean", None]  # no bytes


def _check_metric_params(name, average, zero_division, pos_label=1):
    validate_parameter_constraints(
        {"average": _AVERAGES, "zero_division": [_ZeroDivisionOption()],
         "pos_label": _POS_LABEL},
        {"average": average, "zero_division": zero_division, "pos_label": pos_label},
        name,
    )


def _divide(numerator, denominator, metric, modifier, average, warn_for,
            zero_division):
    # numerator / denominator, elementwise; where the denominator is 0 the ratio is
    # undefined (0 / 0) and becomes zero_division (0.0 for "warn", with a warning).
    mask = denominator == 0
    result = numerator / np.where(mask, 1, denominator).astype(np.float64)
    if not mask.any():
        return result
    result[mask] = 0.0 if zero_division == "warn" else float(zero_division)
    if zero_division == "warn" and metric in warn_for:
        message = (
            f"{metric.capitalize()} is ill-defined and being set to 0.0 "
            + ("due to" if result.shape[0] == 1 else "in labels with")
            + f" no {modifier} samples. Use `zero_division` parameter to control "
            "this behavior."
        )
        warnings.warn(message, UndefinedMetricWarning, stacklevel=4)
    return result


def _nan_average(values, weights=None):
    # Average ignoring NaN entries (zero_division=np.nan marks "undefined"); if every
    # weight is 0, fall back to the plain mean.
    keep = ~np.isnan(values)
    if not keep.any():
        return np.nan
    if weights is None:
        return float(np.mean(values[keep]))
    weights = weights[keep]
    if np.sum(weights) == 0:
        return float(np.mean(values[keep]))
    return float(np.average(values[keep], weights=weights))


def _precision_recall_fscore(y_true, y_pred, *, beta=1.0, labels=None, pos_label=1,
                             average="binary", warn_for=(), sample_weight=None,
                             zero_division="warn"):
    # Per class k: TP_k = C[k, k], predicted P_k = sum_i C[i, k], true T_k = sum_j C[k, j]
    # precision_k = TP_k / P_k,  recall_k = TP_k / T_k,
    # F_beta,k = (1 + beta^2) TP_k / ((1 + beta^2) TP_k + beta^2 FN_k + FP_k)
    #          = (1 + beta^2) TP_k / (beta^2 T_k + P_k).
    y_type, present, y_true, y_pred, sample_weight = _check_targets(
        y_true, y_pred, sample_weight)
    if average == "binary":
        if y_type != "binary":
            raise ValueError(
                f"Target is {y_type} but average='binary'. Please choose another "
                "average setting, one of [None, 'micro', 'macro', 'weighted']."
            )
        if pos_label not in present and len(present) >= 2:
            raise ValueError(
                f"pos_label={pos_label} is not a valid label. It should be one of "
                f"{present}"
            )
        labels = [pos_label]
    elif average == "samples":
        raise ValueError(
            "Samplewise metrics are not available outside of multilabel "
            "classification."
        )
    elif pos_label not in (None, 1):
        warnings.warn(
            f"Note that pos_label (set to {pos_label!r}) is ignored when average != "
            f"'binary' (got {average!r}). You may use labels=[pos_label] to specify "
            "a single positive class.",
            UserWarning,
            stacklevel=3,
        )

    counts = _prf_counts(y_true, y_pred, labels, present, sample_weight)
    return _prf_from_counts(*counts, beta=beta, average=average,
                            warn_for=warn_for, zero_division=zero_division)


def _prf_counts(y_true, y_pred, labels, present, sample_weight):
    # Count over every label, asked for or present (so every sample has an index),
    # then keep the first n_asked: the labels asked for, in their order.
    if labels is None:
        labels = all_labels = present
    else:
        labels = np.asarray(labels)
        extra = np.setdiff1d(present, labels)
        all_labels = np.concatenate([labels, extra]) if extra.size else labels
    n_asked, n_all = len(labels), len(all_labels)
    true_index, pred_index = _encode(y_true, all_labels), _encode(y_pred, all_labels)
    hit = true_index == pred_index
    w = sample_weight
    tp_sum = np.bincount(true_index[hit], None if w is None else w[hit],
                         minlength=n_all)[:n_asked]  # (n_asked,)
    true_sum = np.bincount(true_index, w, minlength=n_all)[:n_asked]
    pred_sum = np.bincount(pred_index, w, minlength=n_all)[:n_asked]
    return tp_sum, pred_sum, true_sum


def _prf_from_counts(tp_sum, pred_sum, true_sum, *, beta, average, warn_for,
                     zero_division):
    # The ratios of the per-class counts, then the average asked for.
    if average == "micro":
        tp_sum, pred_sum, true_sum = (np.array([s.sum()]) for s in
                                      (tp_sum, pred_sum, true_sum))

    precision = _divide(tp_sum, pred_sum, "precision", "predicted", average,
                        warn_for, zero_division)
    recall = _divide(tp_sum, true_sum, "recall", "true", average, warn_for,
                     zero_division)
    if np.isposinf(beta):
        f_score = recall
    elif beta == 0:
        f_score = precision
    else:
        beta2 = beta**2
        f_score = _divide((1 + beta2) * tp_sum.astype(np.float64),
                          beta2 * true_sum + pred_sum, "f-score",
                          "true nor predicted", average, warn_for, zero_division)

    if average is None:
        return precision, recall, f_score, true_sum
    weights = true_sum if average == "weighted" else None
    return (_nan_average(precision, weights), _nan_average(recall, weights),
            _nan_average(f_score, weights), None)


_PRF_PARAMETERS = """
    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True labels.
    y_pred : array-like of shape (n_samples,)
        Predicted labels.
    labels : array-like, default=None
        The labels to include when ``average != "binary"``, in this order (labels
        absent from the data count as classes with no samples). By default, the
        sorted labels found in ``y_true`` or ``y_pred``.
    pos_label : int, float, bool or str, default=1
        The positive class when ``average="binary"``; ignored otherwise (with a
        warning if it is not 1).
    average : {"binary", "micro", "macro", "weighted"} or None, default="binary"
        - ``"binary"``: the score of the class ``pos_label`` (binary targets only);
        - ``"micro"``: from the counts summed over all classes;
        - ``"macro"``: the unweighted mean of the per-class scores;
        - ``"weighted"``: the mean of the per-class scores weighted by each class's
          number of true samples (its support);
        - None: the per-class scores, as an array.
    sample_weight : array-like of shape (n_samples,), default=None
        Sample weights.
    zero_division : {"warn", 0.0, 1.0, np.nan}, default="warn"
        The value of an undefined ratio (0 / 0). ``"warn"`` gives 0.0 and raises an
        ``UndefinedMetricWarning``; ``np.nan`` leaves those classes out of the average.
"""


def precision_score(y_true, y_pred, *, labels=None, pos_label=1, average="binary",
                    sample_weight=None, zero_division="warn"):
    r"""Precision: of the samples predicted positive, the fraction that are positive.

    .. math::

        \text{precision} = \frac{TP}{TP + FP}

    Read more in the book: Classification metrics
    <https://skratch-ml.github.io/skratch/book/advanced/classification-metrics.html>
    {parameters}
    Returns
    -------
    precision : float or ndarray of shape (n_labels,)
        The precision (per class if ``average=None``).

    See Also
    --------
    recall_score, f1_score
    sklearn.metrics.precision_score : The scikit-learn function this one mirrors.

    Examples
    --------
    >>> from skratch.metrics import precision_score
    >>> y_true = [0, 1, 2, 0, 1, 2]
    >>> y_pred = [0, 2, 1, 0, 0, 1]
    >>> round(precision_score(y_true, y_pred, average="macro"), 4)
    0.2222
    >>> precision_score(y_true, y_pred, average=None).round(4)
    array([0.6667, 0.    , 0.    ])
    """
    _check_metric_params("precision_score", average, zero_division, pos_label)
    precision, _, _, _ = _precision_recall_fscore(
        y_true, y_pred, labels=labels, pos_label=pos_label, average=average,
        warn_for=("precision",), sample_weight=sample_weight,
        zero_division=zero_division,
    )
    return precision


def recall_score(y_true, y_pred, *, labels=None, pos_label=1, average="binary",
                 sample_weight=None, zero_division="warn"):
    r"""Recall: of the positive samples, the fraction predicted positive.

    .. math::

        \text{recall} = \frac{TP}{TP + FN}

    Read more in the book: Classification metrics
    <https://skratch-ml.github.io/skratch/book/advanced/classification-metrics.html>
    {parameters}
    Returns
    -------
    recall : float or ndarray of shape (n_labels,)
        The recall (per class if ``average=None``).

    See Also
    --------
    precision_score, f1_score
    sklearn.metrics.recall_score : The scikit-learn function this one mirrors.

    Examples
    --------
    >>> from skratch.metrics import recall_score
    >>> y_true = [0, 1, 2, 0, 1, 2]
    >>> y_pred = [0, 2, 1, 0, 0, 1]
    >>> round(recall_score(y_true, y_pred, average="macro"), 4)
    0.3333
    >>> recall_score([0, 1, 1, 1], [0, 1, 0, 1])  # binary: pos_label=1
    0.6666666666666666
    """
    _check_metric_params("recall_score", average, zero_division, pos_label)
    _, recall, _, _ = _precision_recall_fscore(
        y_true, y_pred, labels=labels, pos_label=pos_label, average=average,
        warn_for=("recall",), sample_weight=sample_weight,
        zero_division=zero_division,
    )
    return recall


def fbeta_score(y_true, y_pred, *, beta, labels=None, pos_label=1,
                average="binary", sample_weight=None, zero_division="warn"):
    r"""F-beta score: a weighted harmonic mean of precision and recall.

    .. math::

        F_\beta &= \frac{(1 + \beta^2) \cdot \text{precision} \cdot
                         \text{recall}}
                        {\beta^2 \cdot \text{precision} + \text{recall}} \\
                &= \frac{(1 + \beta^2)\,TP}
                        {(1 + \beta^2)\,TP + \beta^2 FN + FP}

    ``beta`` says how many times more recall matters than precision:
    ``beta=1`` is the F1 score, ``beta=2`` favours recall, ``beta=0.5``
    precision; ``beta=0`` is the precision, ``beta=inf`` the recall.

    Read more in the book: Classification metrics
    <https://skratch-ml.github.io/skratch/book/advanced/classification-metrics.html>

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True labels.
    y_pred : array-like of shape (n_samples,)
        Predicted labels.
    beta : float
        The weight of recall relative to precision, ``>= 0``.
    {parameters_tail}
    Returns
    -------
    fbeta : float or ndarray of shape (n_labels,)
        The F-beta score (per class if ``average=None``).

    See Also
    --------
    f1_score : ``fbeta_score`` with ``beta=1``.
    sklearn.metrics.fbeta_score : The scikit-learn function this one
        mirrors.

    Examples
    --------
    >>> from skratch.metrics import fbeta_score
    >>> y_true = [0, 1, 1, 1, 0, 1]
    >>> y_pred = [0, 1, 0, 0, 1, 1]
    >>> round(fbeta_score(y_true, y_pred, beta=0.5), 4)  # P 0.67, R 0.5
    0.625
    >>> round(fbeta_score(y_true, y_pred, beta=2), 4)
    0.5263
    """
    validate_parameter_constraints(
        {"beta": [Interval(Real, 0.0, None, closed="both")]},
        {"beta": beta}, "fbeta_score",
    )
    _check_metric_params("fbeta_score", average, zero_division, pos_label)
    _, _, f, _ = _precision_recall_fscore(
        y_true, y_pred, beta=beta, labels=labels, pos_label=pos_label,
        average=average, warn_for=("f-score",), sample_weight=sample_weight,
        zero_division=zero_division,
    )
    return f


def f1_score(y_true, y_pred, *, labels=None, pos_label=1, average="binary",
             sample_weight=None, zero_division="warn"):
    r"""F1 score: the harmonic mean of precision and recall.

    .. math::

        F_1 &= \frac{2 \cdot \text{precision} \cdot \text{recall}}
                   {\text{precision} + \text{recall}} \\
            &= \frac{2\,TP}{2\,TP + FP + FN}

    The second form is the one computed: it is defined whenever there is at least
    one true or predicted positive, even when precision or recall is not.

    Read more in the book: Classification metrics
    <https://skratch-ml.github.io/skratch/book/advanced/classification-metrics.html>
    {parameters}
    Returns
    -------
    f1 : float or ndarray of shape (n_labels,)
        The F1 score (per class if ``average=None``).

    See Also
    --------
    precision_score, recall_score, fbeta_score
    sklearn.metrics.f1_score : The scikit-learn function this one mirrors.

    Examples
    --------
    >>> from skratch.metrics import f1_score
    >>> y_true = [0, 1, 2, 0, 1, 2]
    >>> y_pred = [0, 2, 1, 0, 0, 1]
    >>> round(f1_score(y_true, y_pred, average="macro"), 4)
    0.2667
    >>> round(f1_score(y_true, y_pred, average="weighted"), 4)
    0.2667
    >>> f1_score(y_true, y_pred, average=None).round(4)
    array([0.8, 0. , 0. ])
    """
    _check_metric_params("f1_score", average, zero_division, pos_label)
    return fbeta_score(
        y_true, y_pred, beta=1.0, labels=labels, pos_label=pos_label,
        average=average, sample_weight=sample_weight,
        zero_division=zero_division,
    )


for _function in (precision_score, recall_score, f1_score):
    _function.__doc__ = _function.__doc__.replace("    {parameters}", _PRF_PARAMETERS)
fbeta_score.__doc__ = fbeta_score.__doc__.replace(
    "    {parameters_tail}",
    _PRF_PARAMETERS[_PRF_PARAMETERS.index("    labels :"):],
)


# --------------------------------------------------------------------------
# Balanced accuracy and the classification report
# --------------------------------------------------------------------------


def balanced_accuracy_score(y_true, y_pred, *, sample_weight=None,
                            adjusted=False):
    r"""Balanced accuracy: the mean of the recalls of the classes.

    .. math::

        \text{balanced accuracy} = \frac{1}{K} \sum_{k=1}^{K}
        \frac{C_{kk}}{\sum_j C_{kj}}

    Each class counts the same, however many samples it has, so a model
    that always predicts the majority class scores :math:`1/K`, not the
    majority's share. With ``adjusted=True`` the score is rescaled so that
    chance is 0 and a perfect score 1:
    :math:`(\text{score} - 1/K) / (1 - 1/K)`.

    Read more in the book: Classification metrics
    <https://skratch-ml.github.io/skratch/book/advanced/classification-metrics.html>

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True labels.
    y_pred : array-like of shape (n_samples,)
        Predicted labels.
    sample_weight : array-like of shape (n_samples,), default=None
        Sample weights.
    adjusted : bool, default=False
        Rescale so that random guessing scores 0 (it can then go below 0).

    Returns
    -------
    balanced_accuracy : float
        The mean per-class recall. Classes predicted but absent from
        ``y_true`` are left out (with a ``UserWarning``).

    See Also
    --------
    accuracy_score : The plain fraction of correct labels.
    recall_score : ``average="macro"`` gives the same number.
    sklearn.metrics.balanced_accuracy_score : The scikit-learn function
        this one mirrors.

    Examples
    --------
    >>> from skratch.metrics import balanced_accuracy_score
    >>> y_true = [0, 1, 0, 0, 1, 0]
    >>> y_pred = [0, 1, 0, 0, 0, 1]
    >>> balanced_accuracy_score(y_true, y_pred)  # (3/4 + 1/2) / 2
    0.625
    """
    validate_parameter_constraints(
        {"adjusted": ["boolean"]}, {"adjusted": adjusted},
        "balanced_accuracy_score",
    )
    C = confusion_matrix(y_true, y_pred, sample_weight=sample_weight)
    with np.errstate(divide="ignore", invalid="ignore"):
        per_class = np.diag(C) / C.sum(axis=1)  # recall of each class
    if np.any(np.isnan(per_class)):
        warnings.warn("y_pred contains classes not in y_true", UserWarning,
                      stacklevel=2)
        per_class = per_class[~np.isnan(per_class)]
    score = np.mean(per_class)
    if adjusted:
        chance = 1 / per_class.shape[0]
        score = (score - chance) / (1 - chance)
    return float(score)


def _report_rows(y_true, y_pred, labels, present, sample_weight,
                 zero_division):
    # Per class, then the three averages: (name, precision, recall, f1,
    # support); "accuracy" names the micro row when it equals accuracy.
    # The labels are counted once; each average is computed from the counts
    # (with the warnings scikit-learn gives, one call per average).
    labels_given = labels is not None
    labels = present if labels is None else labels
    micro_is_accuracy = not labels_given or set(labels) >= set(present)
    kwargs = {"beta": 1.0, "warn_for": ("precision", "recall", "f-score"),
              "zero_division": zero_division}
    counts = _prf_counts(y_true, y_pred, labels, present, sample_weight)
    p, r, f1, support = _prf_from_counts(*counts, average=None, **kwargs)
    averages = []
    for average in ("micro", "macro", "weighted"):
        name = ("accuracy" if average == "micro" and micro_is_accuracy
                else average + " avg")
        avg_p, avg_r, avg_f1, _ = _prf_from_counts(*counts, average=average,
                                                   **kwargs)
        averages.append((name, avg_p, avg_r, avg_f1, np.sum(support)))
    return labels, (p, r, f1, support), averages


def classification_report(y_true, y_pred, *, labels=None, target_names=None,
                          sample_weight=None, digits=2, output_dict=False,
                          zero_division="warn"):
    r"""A table of precision, recall, F1 and support for each class.

    One row per class, then the accuracy (or, when ``labels`` leaves some
    classes out, the micro average), the macro average (plain mean of the
    rows) and the weighted average (mean weighted by each row's support,
    its number of true samples). The text is the same as scikit-learn's.

    Read more in the book: Classification metrics
    <https://skratch-ml.github.io/skratch/book/advanced/classification-metrics.html>

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True labels.
    y_pred : array-like of shape (n_samples,)
        Predicted labels.
    labels : array-like of shape (n_labels,), default=None
        The labels to report, in this order. By default, the sorted labels
        found in ``y_true`` or ``y_pred``.
    target_names : array-like of shape (n_labels,), default=None
        Display names of the labels, in the same order.
    sample_weight : array-like of shape (n_samples,), default=None
        Sample weights.
    digits : int, default=2
        Decimal places of the floats in the text (not in the dict).
    output_dict : bool, default=False
        Return a dict instead of text.
    zero_division : {"warn", 0.0, 1.0, np.nan}, default="warn"
        The value of an undefined ratio (0 / 0); ``"warn"`` gives 0.0 and
        an ``UndefinedMetricWarning``.

    Returns
    -------
    report : str or dict
        The text table, or ``{label: {"precision": ..., "recall": ...,
        "f1-score": ..., "support": ...}, ..., "accuracy": float,
        "macro avg": {...}, "weighted avg": {...}}``.

    See Also
    --------
    precision_score, recall_score, f1_score
    sklearn.metrics.classification_report : The scikit-learn function this
        one mirrors.

    Examples
    --------
    >>> from skratch.metrics import classification_report
    >>> y_true = [0, 1, 2, 2, 2]
    >>> y_pred = [0, 0, 2, 2, 1]
    >>> names = ["class 0", "class 1", "class 2"]
    >>> print(classification_report(y_true, y_pred, target_names=names))
                  precision    recall  f1-score   support
    <BLANKLINE>
         class 0       0.50      1.00      0.67         1
         class 1       0.00      0.00      0.00         1
         class 2       1.00      0.67      0.80         3
    <BLANKLINE>
        accuracy                           0.60         5
       macro avg       0.50      0.56      0.49         5
    weighted avg       0.70      0.60      0.61         5
    <BLANKLINE>
    """
    validate_parameter_constraints(
        {"digits": [Interval(Integral, 0, None, closed="left")],
         "output_dict": ["boolean"],
         "zero_division": [_ZeroDivisionOption()]},
        {"digits": digits, "output_dict": output_dict,
         "zero_division": zero_division},
        "classification_report",
    )
    labels_given = labels is not None
    if labels_given:
        labels = np.asarray(labels)
    _, present, y_true, y_pred, sample_weight = _check_targets(
        y_true, y_pred, sample_weight)
    n_labels = len(labels) if labels_given else len(present)
    if target_names is not None and n_labels != len(target_names):
        if labels_given:
            warnings.warn(
                f"labels size, {n_labels}, does not match size of "
                f"target_names, {len(target_names)}",
                UserWarning,
                stacklevel=2,
            )
        else:
            raise ValueError(
                f"Number of classes, {n_labels}, does not match size of "
                f"target_names, {len(target_names)}. Try specifying the "
                "labels parameter"
            )
    labels, (p, r, f1, support), averages = _report_rows(
        y_true, y_pred, labels, present, sample_weight, zero_division)
    if target_names is None:
        target_names = [f"{label}" for label in labels]
    rows = list(zip(target_names, p, r, f1, support))
    headers = ["precision", "recall", "f1-score", "support"]

    if output_dict:
        report = {name: dict(zip(headers, [float(v) for v in values]))
                  for name, *values in rows}
        for name, *values in averages:
            report[name] = dict(zip(headers, [float(v) for v in values]))
        if "accuracy" in report:
            report["accuracy"] = report["accuracy"]["precision"]
        return report

    width = max(max(len(name) for name in target_names),
                len("weighted avg"), digits)
    text = ("{:>{width}s} " + " {:>9}" * 4).format("", *headers,
                                                   width=width)
    text += "\n\n"
    row = "{:>{width}s} " + " {:>9.{digits}f}" * 3 + " {:>9}\n"
    for values in rows:
        text += row.format(*values, width=width, digits=digits)
    text += "\n"
    for name, *values in averages:
        if name == "accuracy":  # one number, in the f1-score column
            text += ("{:>{width}s} " + " {:>9.{digits}}" * 2
                     + " {:>9.{digits}f}" + " {:>9}\n").format(
                name, "", "", *values[2:], width=width, digits=digits)
        else:
            text += row.format(name, *values, width=width, digits=digits)
    return text


# --------------------------------------------------------------------------------------
# Log loss
# --------------------------------------------------------------------------------------


def _one_hot(y_true, labels):
    """One column per class (sorted), as scikit-learn's LabelBinarizer orders them."""
    if labels is not None:
        labels = np.asarray(labels)
        classes = np.unique(labels)
        if classes.shape != labels.shape or np.any(classes != labels):
            warnings.warn(
                f"Labels passed were {labels}. But this function assumes labels are "
                f"ordered lexicographically. Pass the ordered labels="
                f"{classes.tolist()} and ensure that the columns of y_prob correspond "
                "to this ordering.",
                UserWarning,
                stacklevel=3,
            )
        unknown = np.setdiff1d(y_true, classes)
        if unknown.size:
            raise ValueError(
                f"y_true contains values {set(unknown.tolist())} not belonging to the "
                f"passed labels {labels.tolist()}."
            )
    else:
        classes = np.unique(y_true)
    if classes.shape[0] == 1:
        if labels is None:
            raise ValueError(
                f"y_true contains only one label ({classes[0]}). Please provide the "
                "list of all expected class labels explicitly through the labels "
                "argument."
            )
        raise ValueError(
            "The labels array needs to contain at least two labels for log_loss, "
            f"got {classes}."
        )
    index = np.searchsorted(classes, y_true)  # (n_samples,)
    Y = np.zeros((len(y_true), len(classes)))
    Y[np.arange(len(y_true)), index] = 1.0
    return Y, classes


def log_loss(y_true, y_proba, *, normalize=True, sample_weight=None, labels=None):
    r"""Log loss (cross-entropy): the mean negative log-probability of the true class.

    .. math::

        L = -\frac{1}{n} \sum_{i=1}^{n} \sum_{k=1}^{K} y_{ik} \log p_{ik}

    where :math:`y_{ik}` is 1 if sample :math:`i` is of class :math:`k`, and
    :math:`p_{ik}` is its predicted probability. For two classes this is
    :math:`-\frac{1}{n}\sum_i [y_i \log p_i + (1 - y_i)\log(1 - p_i)]`.

    Read more in the book: Logistic regression
    <https://skratch-ml.github.io/skratch/book/intermediate/logistic-regression.html>

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True labels.
    y_proba : array-like of shape (n_samples, n_classes) or (n_samples,)
        Predicted probabilities, columns in the sorted order of the classes (as
        ``predict_proba`` returns them). A 1-D array is the probability of the
        positive (larger) class of a binary problem. Values are clipped to
        ``[eps, 1 - eps]``, ``eps`` the machine precision of their dtype, so that a
        confident mistake costs a large but finite loss.
    normalize : bool, default=True
        Return the mean loss per sample; if False, the sum.
    sample_weight : array-like of shape (n_samples,), default=None
        Sample weights.
    labels : array-like, default=None
        All the class labels, when ``y_true`` does not contain every class.

    Returns
    -------
    loss : float
        The log loss.

    See Also
    --------
    sklearn.metrics.log_loss : The scikit-learn function this one mirrors
        (``y_proba`` was called ``y_pred`` before scikit-learn 1.9).

    Notes
    -----
    Rows of ``y_proba`` that do not sum to 1 raise a ``UserWarning`` (they are not
    renormalised).

    Examples
    --------
    >>> from skratch.metrics import log_loss
    >>> round(log_loss(["spam", "ham", "ham", "spam"],
    ...                [[.1, .9], [.9, .1], [.8, .2], [.35, .65]]), 5)
    0.21616
    """
    y_proba = check_array(y_proba, dtype=None, ensure_2d=False, input_name="y_proba")
    if y_proba.dtype.kind != "f":
        y_proba = y_proba.astype(np.float64)
    if y_proba.max() > 1:
        raise ValueError(f"y_prob contains values greater than 1: {y_proba.max()}")
    if y_proba.min() < 0:
        raise ValueError(f"y_prob contains values lower than 0: {y_proba.min()}")
    check_consistent_length(y_proba, y_true, sample_weight)
    y_true = check_array(y_true, dtype=None, ensure_2d=False, input_name="y_true")
    y_true = column_or_1d(y_true)  # a column vector (n, 1) is flattened
    sample_weight = _check_metric_weight(sample_weight, len(y_true))
    Y, classes = _one_hot(y_true, labels)  # (n_samples, n_classes)

    if y_proba.ndim == 1:
        y_proba = y_proba[:, None]
    if y_proba.shape[1] == 1:
        y_proba = np.concatenate([1 - y_proba, y_proba], axis=1)
    eps = np.finfo(y_proba.dtype).eps
    if not np.allclose(y_proba.sum(axis=1), 1, rtol=np.sqrt(eps), atol=1e-8):
        warnings.warn(
            "The y_prob values do not sum to one. Make sure to pass probabilities.",
            UserWarning,
            stacklevel=2,
        )
    if classes.shape[0] != y_proba.shape[1]:
        if labels is None:
            raise ValueError(
                f"y_true and y_prob contain different number of classes: "
                f"{classes.shape[0]} vs {y_proba.shape[1]}. Please provide the true "
                f"labels explicitly through the labels argument. Classes found in "
                f"y_true: {classes}"
            )
        raise ValueError(
            "The number of classes in labels is different from that in y_prob. "
            f"Classes found in labels: {classes}"
        )

    # Only the true class's column counts (y_ik = 1); clipping keeps log finite.
    p_true = np.clip(y_proba, eps, 1 - eps)[Y.astype(bool)]  # (n_samples,)
    loss = -np.log(p_true)
    if not normalize:
        return float(np.sum(loss if sample_weight is None else loss * sample_weight))
    return float(np.average(loss, weights=sample_weight))


# --------------------------------------------------------------------------------------
# Hinge loss
# --------------------------------------------------------------------------------------


def hinge_loss(y_true, pred_decision, *, labels=None, sample_weight=None):
    r"""Average hinge loss: how far each score falls short of a margin of 1.

    Two classes, with :math:`y_i = +1` for the larger label and :math:`-1` for
    the other, and scores :math:`s_i` (from ``decision_function``):

    .. math::

        L = \frac{1}{n} \sum_{i=1}^{n} \max(0,\, 1 - y_i s_i)

    More classes (Crammer and Singer), with :math:`s_{ik}` the score of class
    :math:`k` and :math:`y_i` the true class:
    :math:`\max(0,\, 1 - s_{i y_i} + \max_{k \ne y_i} s_{ik})`. A mistake costs at
    least 1, so the summed hinge loss bounds the number of mistakes from above.

    Read more in the book: Loss functions
    <https://skratch-ml.github.io/skratch/book/advanced/loss-functions.html>

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True labels. With two classes the larger one is the positive class.
    pred_decision : array-like of shape (n_samples,) or (n_samples, n_classes)
        Predicted scores, as ``decision_function`` returns them; one column per
        class (sorted) when there are more than two.
    labels : array-like, default=None
        All the class labels, when ``y_true`` does not contain every class.
    sample_weight : array-like of shape (n_samples,), default=None
        Sample weights.

    Returns
    -------
    loss : float
        The (weighted) mean hinge loss.

    See Also
    --------
    sklearn.metrics.hinge_loss : The scikit-learn function this one mirrors.
    log_loss : The loss of predicted probabilities.

    References
    ----------
    .. [1] K. Crammer, Y. Singer, "On the Algorithmic Implementation of
       Multiclass Kernel-based Vector Machines", JMLR 2, 2001.

    Examples
    --------
    >>> from skratch.metrics import hinge_loss
    >>> round(hinge_loss([-1, 1, 1], [-2.0, 0.4, 1.5]), 4)
    0.2
    >>> scores = [[2.0, 1.5, 0.0], [0.0, 1.0, 0.5]]
    >>> round(hinge_loss([0, 2], scores, labels=[0, 1, 2]), 4)
    1.0
    """
    check_consistent_length(y_true, pred_decision, sample_weight)
    pred_decision = check_array(
        pred_decision, ensure_2d=False, input_name="pred_decision"
    )
    y_true = check_array(y_true, dtype=None, ensure_2d=False, input_name="y_true")
    y_true = column_or_1d(y_true)  # a column vector (n, 1) is flattened
    sample_weight = _check_metric_weight(sample_weight, len(y_true))
    classes = np.unique(labels if labels is not None else y_true)

    if classes.size > 2:
        n_samples = y_true.shape[0]
        if pred_decision.ndim <= 1:
            raise ValueError(
                "The shape of pred_decision cannot be 1d array with a multiclass "
                "target. pred_decision shape must be (n_samples, n_classes), that "
                f"is ({n_samples}, {classes.size}). Got: {pred_decision.shape}"
            )
        if classes.size != pred_decision.shape[1]:
            if labels is None:
                raise ValueError(
                    "Please include all labels in y_true or pass labels as third "
                    "argument"
                )
            raise ValueError(
                "The shape of pred_decision is not consistent with the number of "
                "classes. With a multiclass target, pred_decision shape must be "
                f"(n_samples, n_classes), that is ({n_samples}, {classes.size}). "
                f"Got: {pred_decision.shape}"
            )
        index = _encode(y_true, classes)  # (n_samples,) column of the true class
        if np.any(index < 0):
            unseen = np.unique(y_true[index < 0])
            raise ValueError(f"y contains previously unseen labels: {unseen}")
        rows = np.arange(n_samples)
        others = pred_decision.astype(np.float64)  # a copy
        others[rows, index] = -np.inf  # the best score among the other classes:
        margin = pred_decision[rows, index] - others.max(axis=1)
    else:
        pred_decision = column_or_1d(pred_decision, input_name="pred_decision")
        # +1 for the larger of y_true's two labels, -1 otherwise (and -1 for
        # all when y_true holds one label), as scikit-learn's LabelBinarizer.
        present = np.unique(y_true)
        if present.size == 1:
            sign = np.full(len(y_true), -1.0)
        else:
            positive = present[1] if present.size == 2 else present[0]
            sign = np.where(y_true == positive, 1.0, -1.0)
        margin = sign * pred_decision

    losses = np.maximum(0.0, 1.0 - margin)  # a good enough score costs nothing
    return float(np.average(losses, weights=sample_weight))
