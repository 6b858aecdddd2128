"""Ranking metrics: the ROC curve and the area under it.

A classifier that outputs a score (a probability, a margin) can be cut at any
threshold. The ROC curve traces, threshold after threshold, the fraction of negatives
wrongly let through (false positive rate) against the fraction of positives caught
(true positive rate); the area under it (AUC) is the probability that a random
positive scores above a random negative.

Read more in the book: ROC curves and AUC
<https://skratch-ml.github.io/skratch/book/advanced/roc-curves.html>
"""

import warnings
from itertools import combinations

import numpy as np

from ..exceptions import UndefinedMetricWarning
from ..utils.multiclass import type_of_target
from ..utils.validation import (
    StrOptions,
    check_array,
    check_consistent_length,
    column_or_1d,
    validate_parameter_constraints,
)
from ._classification import _POS_LABEL, _check_metric_weight

__all__ = [
    "auc",
    "average_precision_score",
    "precision_recall_curve",
    "roc_auc_score",
    "roc_curve",
]


def _check_pos_label(pos_label, y_true):
    """Default pos_label to 1, but only when the labels are {0, 1} or {-1, 1}."""
    if pos_label is not None:
        return pos_label
    classes = np.unique(y_true)
    if classes.dtype.kind in "OUS" or not (
        set(classes.tolist()) <= {0, 1} or set(classes.tolist()) <= {-1, 1}
    ):
        shown = ", ".join(repr(c) for c in classes.tolist())
        raise ValueError(
            f"y_true takes value in {{{shown}}} and pos_label is not specified: "
            "either make y_true take value in {0, 1} or {-1, 1} or pass pos_label "
            "explicitly."
        )
    return 1


def _counts_at_thresholds(y_true, y_score, pos_label, sample_weight):
    # Sort by decreasing score. Cutting after position k predicts the first
    # k + 1 samples positive:
    #   TP(k) = sum_{i<=k} w_i [y_i = +],  FP(k) = sum_{i<=k} w_i [y_i = -].
    # Tied scores cannot be separated by a threshold: keep only the last
    # position of each run of equal scores.
    y_type = type_of_target(y_true, "y_true")
    if not (y_type == "binary"
            or (y_type == "multiclass" and pos_label is not None)):
        raise ValueError(f"{y_type} format is not supported")
    check_consistent_length(y_true, y_score, sample_weight)
    y_true = column_or_1d(y_true)
    y_score = check_array(y_score, ensure_2d=False, dtype=np.float64,
                          input_name="y_score")
    y_score = column_or_1d(y_score)
    pos_label = _check_pos_label(pos_label, y_true)
    positive = (y_true == pos_label).astype(np.float64)  # (n_samples,)
    if sample_weight is not None:
        sample_weight = _check_metric_weight(column_or_1d(sample_weight),
                                             len(y_true))
        nonzero = sample_weight != 0  # zero weights must add no threshold
        positive, y_score = positive[nonzero], y_score[nonzero]
        sample_weight = sample_weight[nonzero].astype(np.float64)

    order = np.argsort(-y_score, kind="stable")
    y_score, positive = y_score[order], positive[order]
    last_of_run = np.flatnonzero(np.diff(y_score))
    threshold_index = np.append(last_of_run, len(y_score) - 1)
    if sample_weight is None:
        tps = np.cumsum(positive)[threshold_index]
        fps = 1 + threshold_index - tps  # samples so far, not positive
    else:
        weight = sample_weight[order]
        tps = np.cumsum(positive * weight)[threshold_index]
        fps = np.cumsum((1 - positive) * weight)[threshold_index]
    return fps, tps, y_score[threshold_index]


def roc_curve(y_true, y_score, *, pos_label=None, sample_weight=None,
              drop_intermediate=True):
    r"""Receiver operating characteristic: true against false positive rate.

    For each threshold :math:`t` (each distinct score, from the highest down),
    samples with score :math:`\ge t` are predicted positive, and

    .. math::

        \text{FPR}(t) = \frac{FP(t)}{N},

    .. math::

        \text{TPR}(t) = \frac{TP(t)}{P}

    with :math:`P` and :math:`N` the numbers of positive and negative samples.

    Read more in the book: ROC curves and AUC
    <https://skratch-ml.github.io/skratch/book/advanced/roc-curves.html>

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True binary labels. Unless they are {0, 1} or {-1, 1}, give ``pos_label``.
    y_score : array-like of shape (n_samples,)
        Scores: larger means more likely positive (probabilities of the positive
        class, or decision values).
    pos_label : int, float, bool or str, default=None
        The positive class; None means 1.
    sample_weight : array-like of shape (n_samples,), default=None
        Sample weights.
    drop_intermediate : bool, default=True
        Drop thresholds whose point lies on a straight segment between its
        neighbours: they change neither the drawn curve nor its area.

    Returns
    -------
    fpr : ndarray of shape (n_thresholds,)
        False positive rates, increasing.
    tpr : ndarray of shape (n_thresholds,)
        True positive rates, increasing.
    thresholds : ndarray of shape (n_thresholds,)
        Decreasing thresholds. The first is ``inf``: nothing predicted positive, so
        the curve starts at (0, 0).

    See Also
    --------
    roc_auc_score : The area under this curve.
    sklearn.metrics.roc_curve : The scikit-learn function this one mirrors.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.metrics import roc_curve
    >>> fpr, tpr, thresholds = roc_curve([1, 1, 2, 2], [0.1, 0.4, 0.35, 0.8],
    ...                                  pos_label=2)
    >>> fpr
    array([0. , 0. , 0.5, 0.5, 1. ])
    >>> tpr
    array([0. , 0.5, 0.5, 1. , 1. ])
    >>> thresholds
    array([ inf, 0.8 , 0.4 , 0.35, 0.1 ])
    """
    validate_parameter_constraints(
        {"pos_label": _POS_LABEL, "drop_intermediate": ["boolean"]},
        {"pos_label": pos_label, "drop_intermediate": drop_intermediate},
        "roc_curve",
    )
    fps, tps, thresholds = _counts_at_thresholds(y_true, y_score, pos_label,
                                                 sample_weight)
    if drop_intermediate and fps.shape[0] > 2:
        # A point is a corner when the second difference of fps or tps is nonzero;
        # the first and last points are always kept.
        corner = np.logical_or(np.diff(fps, 2), np.diff(tps, 2))
        keep = np.flatnonzero(np.concatenate([[True], corner, [True]]))
        fps, tps, thresholds = fps[keep], tps[keep], thresholds[keep]
    fps = np.concatenate([[0.0], fps])
    tps = np.concatenate([[0.0], tps])
    thresholds = np.concatenate([[np.inf], thresholds])
    if fps[-1] <= 0:
        warnings.warn(
            "No negative samples in y_true, false positive value should be "
            "meaningless",
            UndefinedMetricWarning,
            stacklevel=2,
        )
        fpr = np.full(fps.shape, np.nan)
    else:
        fpr = fps / fps[-1]
    if tps[-1] <= 0:
        warnings.warn(
            "No positive samples in y_true, true positive value should be "
            "meaningless",
            UndefinedMetricWarning,
            stacklevel=2,
        )
        tpr = np.full(tps.shape, np.nan)
    else:
        tpr = tps / tps[-1]
    return fpr, tpr, thresholds


def auc(x, y):
    r"""Area under a curve through the points (x, y), by the trapezoidal rule.

    .. math::

        A = \sum_{k} (x_{k+1} - x_k) \, \frac{y_k + y_{k+1}}{2}

    Read more in the book: ROC curves and AUC
    <https://skratch-ml.github.io/skratch/book/advanced/roc-curves.html>

    Parameters
    ----------
    x : array-like of shape (n,)
        Coordinates, increasing or decreasing (at least 2 points).
    y : array-like of shape (n,)
        Heights.

    Returns
    -------
    area : float

    See Also
    --------
    sklearn.metrics.auc : The scikit-learn function this one mirrors.

    Examples
    --------
    >>> from skratch.metrics import auc
    >>> auc([0.0, 0.5, 1.0], [0.0, 1.0, 1.0])
    0.75
    """
    check_consistent_length(x, y)
    x = column_or_1d(x)  # as given (the message shows x's own numbers)
    y = column_or_1d(y)
    if x.shape[0] < 2:
        raise ValueError(
            "At least 2 points are needed to compute area under curve, but "
            f"x.shape = {x.shape[0]}"
        )
    dx = np.diff(x)
    direction = 1
    if np.any(dx < 0):
        if np.all(dx <= 0):
            direction = -1
        else:
            raise ValueError(f"x is neither increasing nor decreasing : {x}.")
    return float(direction * np.trapezoid(y, x))


def _binary_roc_auc(y_true, y_score, sample_weight=None, max_fpr=None):
    # AUC = area under (FPR, TPR). With max_fpr, the partial area up to max_fpr,
    # rescaled (McClish) so that chance scores 0.5 and a perfect ranking 1.
    if len(np.unique(y_true)) != 2:
        warnings.warn(
            "Only one class is present in y_true. ROC AUC score is not defined in "
            "that case.",
            UndefinedMetricWarning,
            stacklevel=3,
        )
        return np.nan
    fpr, tpr, _ = roc_curve(y_true, y_score, sample_weight=sample_weight)
    if max_fpr is None or max_fpr == 1:
        return auc(fpr, tpr)
    stop = np.searchsorted(fpr, max_fpr, "right")
    tpr = np.append(tpr[:stop], np.interp(max_fpr, fpr[stop - 1:stop + 1],
                                          tpr[stop - 1:stop + 1]))
    fpr = np.append(fpr[:stop], max_fpr)
    partial = auc(fpr, tpr)
    min_area, max_area = 0.5 * max_fpr**2, max_fpr
    return 0.5 * (1 + (partial - min_area) / (max_area - min_area))


def _multiclass_roc_auc(y_true, y_score, labels, multi_class, average,
                        sample_weight):
    # One-vs-rest: the AUC of each class against all others, then averaged.
    # One-vs-one (Hand & Till): the AUC of each pair of classes, both ways, averaged.
    if y_score.ndim != 2:
        raise ValueError(
            "`y_score` needs to be of shape `(n_samples, n_classes)`, since `y_true` "
            f"contains multiple classes. Got `y_score.shape={y_score.shape}`."
        )
    if not np.allclose(1, y_score.sum(axis=1)):
        raise ValueError(
            "Target scores need to be probabilities for multiclass roc_auc, i.e. "
            "they should sum up to 1.0 over classes"
        )
    options = ("micro", "macro", "weighted", None) if multi_class == "ovr" else (
        "macro", "weighted", None)
    if average not in options:
        raise ValueError(
            f"average must be one of {options} for multiclass problems"
        )
    if average is None and multi_class == "ovo":
        raise NotImplementedError("average=None is not implemented for "
                                  "multi_class='ovo'.")
    if labels is not None:
        labels = np.asarray(labels)
        classes = np.unique(labels)
        if len(classes) != len(labels):
            raise ValueError("Parameter 'labels' must be unique")
        if not np.array_equal(classes, labels):
            raise ValueError("Parameter 'labels' must be ordered")
        if len(classes) != y_score.shape[1]:
            raise ValueError(
                f"Number of given labels, {len(classes)}, not equal to the number of "
                f"columns in 'y_score', {y_score.shape[1]}"
            )
        if len(np.setdiff1d(y_true, classes)):
            raise ValueError("'y_true' contains labels not in parameter 'labels'")
    else:
        classes = np.unique(y_true)
        if len(classes) != y_score.shape[1]:
            raise ValueError(
                "Number of classes in y_true not equal to the number of columns in "
                "'y_score'"
            )
    Y = (y_true[:, None] == classes).astype(int)  # (n_samples, n_classes), one-hot

    if multi_class == "ovo":
        if sample_weight is not None:
            raise ValueError(
                "sample_weight is not supported for multiclass one-vs-one ROC AUC, "
                "'sample_weight' must be None in this case."
            )
        # Only the classes present in y_true make pairs (a pair with an absent
        # class has no AUC); each keeps its column of y_score.
        present = np.flatnonzero(Y.any(axis=0))
        pairs = list(combinations(present, 2))
        scores, prevalence = np.empty(len(pairs)), np.empty(len(pairs))
        for p, (a, b) in enumerate(pairs):
            in_pair = (Y[:, a] + Y[:, b]).astype(bool)
            prevalence[p] = in_pair.mean()
            a_vs_b = _binary_roc_auc(Y[in_pair, a], y_score[in_pair, a])
            b_vs_a = _binary_roc_auc(Y[in_pair, b], y_score[in_pair, b])
            scores[p] = (a_vs_b + b_vs_a) / 2
        return float(np.average(scores, weights=prevalence
                                if average == "weighted" else None))

    if average == "micro":
        weight = None if sample_weight is None else np.repeat(sample_weight,
                                                              Y.shape[1])
        return _binary_roc_auc(Y.ravel(), y_score.ravel(), weight)
    per_class = np.array([
        _binary_roc_auc(Y[:, k], y_score[:, k], sample_weight)
        for k in range(Y.shape[1])
    ])
    if average is None:
        return per_class
    class_weight = None
    if average == "weighted":
        class_weight = (Y.sum(axis=0) if sample_weight is None
                        else sample_weight @ Y)
        if np.isclose(class_weight.sum(), 0):
            return 0
        per_class[class_weight == 0] = 0
    return float(np.average(per_class, weights=class_weight))


def roc_auc_score(y_true, y_score, *, average="macro", sample_weight=None,
                  max_fpr=None, multi_class="raise", labels=None):
    r"""Area under the ROC curve: how well the scores rank positives above negatives.

    .. math::

        \text{AUC} = \int_0^1 \text{TPR} \; d\,\text{FPR} = P(s^+ > s^-)

    for :math:`s^+` the score of a random positive and :math:`s^-` that of a random
    negative (ties counting one half). 1 is a perfect ranking, 0.5 a random one.

    Read more in the book: ROC curves and AUC
    <https://skratch-ml.github.io/skratch/book/advanced/roc-curves.html>

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True labels. Binary: the larger label is the positive class.
    y_score : array-like of shape (n_samples,) or (n_samples, n_classes)
        Binary: scores of the positive class. Multiclass: probabilities, one column
        per class in sorted order, each row summing to 1.
    average : {"macro", "weighted", "micro"} or None, default="macro"
        Multiclass only: how to average the per-class (or per-pair) AUCs.
    sample_weight : array-like of shape (n_samples,), default=None
        Sample weights.
    max_fpr : float in (0, 1], default=None
        Binary only: the standardised partial AUC up to this false positive rate.
    multi_class : {"raise", "ovr", "ovo"}, default="raise"
        Multiclass only: one-vs-rest or one-vs-one; "raise" refuses multiclass
        targets (the choice must be explicit).
    labels : array-like of shape (n_classes,), default=None
        Multiclass only: the classes, sorted, indexing the columns of ``y_score``.

    Returns
    -------
    auc : float
        The area. If ``y_true`` holds a single class the AUC is not defined: NaN,
        with an ``UndefinedMetricWarning``.

    See Also
    --------
    roc_curve : The curve whose area this is.
    sklearn.metrics.roc_auc_score : The scikit-learn function this one mirrors.

    Examples
    --------
    >>> from skratch.metrics import roc_auc_score
    >>> roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    0.75
    """
    validate_parameter_constraints(
        {"average": [StrOptions({"micro", "macro", "samples", "weighted"}), None],
         "multi_class": [StrOptions({"raise", "ovr", "ovo"})]},
        {"average": average, "multi_class": multi_class}, "roc_auc_score",
    )
    if max_fpr is not None and not 0 < max_fpr <= 1:
        raise ValueError(f"Expected max_fpr in range (0, 1], got: {max_fpr!r}")
    y_type = type_of_target(y_true, "y_true")
    y_true = check_array(y_true, ensure_2d=False, dtype=None, input_name="y_true")
    y_score = check_array(y_score, ensure_2d=False, dtype=np.float64,
                          input_name="y_score")
    if sample_weight is not None:
        sample_weight = column_or_1d(sample_weight)
    if y_type == "multiclass" or (
        y_type == "binary" and y_score.ndim == 2 and y_score.shape[1] > 2
    ):
        if max_fpr is not None and max_fpr != 1.0:
            raise ValueError(
                "Partial AUC computation not available in multiclass setting, "
                f"'max_fpr' must be set to `None`, received `max_fpr={max_fpr}` "
                "instead"
            )
        if multi_class == "raise":
            raise ValueError("multi_class must be in ('ovo', 'ovr')")
        check_consistent_length(y_true, y_score, sample_weight)
        sample_weight = _check_metric_weight(sample_weight, len(y_true))
        return _multiclass_roc_auc(y_true, y_score, labels, multi_class, average,
                                   sample_weight)
    if y_type != "binary":
        raise ValueError(f"{y_type} format is not supported")
    # Binary: the larger label is the positive class.
    y_true = (y_true == np.unique(y_true)[-1]).astype(int)
    return _binary_roc_auc(y_true, y_score, sample_weight, max_fpr)


# --------------------------------------------------------------------------
# Precision-recall curve and average precision
# --------------------------------------------------------------------------


def _precision_recall(fps, tps):
    # precision(t) = TP(t) / (TP(t) + FP(t)),  recall(t) = TP(t) / P.
    # Nothing predicted positive (TP + FP = 0) gives precision 0; no
    # positive in y_true (P = 0) gives recall 1 everywhere.
    predicted = tps + fps
    safe = np.where(predicted == 0, 1.0, predicted)
    precision = np.where(predicted == 0, 0.0, tps / safe)
    if tps[-1] == 0:
        warnings.warn(
            "No positive class found in y_true, recall is set to one for "
            "all thresholds.",
            UserWarning,
            stacklevel=3,
        )
        return precision, np.ones(tps.shape)
    return precision, tps / tps[-1]


def precision_recall_curve(y_true, y_score, *, pos_label=None,
                           sample_weight=None, drop_intermediate=False):
    r"""Precision and recall at every threshold on the scores.

    For each threshold :math:`t` (each distinct score), the samples with
    score :math:`\ge t` are predicted positive, and

    .. math::

        \text{precision}(t) = \frac{TP(t)}{TP(t) + FP(t)},

    .. math::

        \text{recall}(t) = \frac{TP(t)}{P}

    with :math:`P` the number of positive samples. A last point,
    precision 1 and recall 0 (no threshold), closes the curve on the
    vertical axis.

    Read more in the book: Classification metrics
    <https://skratch-ml.github.io/skratch/book/advanced/classification-metrics.html>

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True binary labels. Unless they are {0, 1} or {-1, 1}, give
        ``pos_label``.
    y_score : array-like of shape (n_samples,)
        Scores: larger means more likely positive (probabilities of the
        positive class, or decision values).
    pos_label : int, float, bool or str, default=None
        The positive class; None means 1.
    sample_weight : array-like of shape (n_samples,), default=None
        Sample weights.
    drop_intermediate : bool, default=False
        Keep, of each run of thresholds with the same recall (a vertical
        segment of the plotted curve), only the first and last.

    Returns
    -------
    precision : ndarray of shape (n_thresholds + 1,)
        ``precision[i]`` is the precision of predicting positive every
        sample with score ``>= thresholds[i]``; the last element is 1.
    recall : ndarray of shape (n_thresholds + 1,)
        Decreasing recalls, in the same order; the last element is 0.
    thresholds : ndarray of shape (n_thresholds,)
        Increasing thresholds: the distinct scores.

    See Also
    --------
    average_precision_score : One number summarising this curve.
    roc_curve : True against false positive rate, threshold by threshold.
    sklearn.metrics.precision_recall_curve : The scikit-learn function
        this one mirrors.

    Examples
    --------
    >>> from skratch.metrics import precision_recall_curve
    >>> precision, recall, thresholds = precision_recall_curve(
    ...     [0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    >>> precision
    array([0.5       , 0.66666667, 0.5       , 1.        , 1.        ])
    >>> recall
    array([1. , 1. , 0.5, 0.5, 0. ])
    >>> thresholds
    array([0.1 , 0.35, 0.4 , 0.8 ])
    """
    validate_parameter_constraints(
        {"pos_label": _POS_LABEL, "drop_intermediate": ["boolean"]},
        {"pos_label": pos_label, "drop_intermediate": drop_intermediate},
        "precision_recall_curve",
    )
    fps, tps, thresholds = _counts_at_thresholds(y_true, y_score, pos_label,
                                                 sample_weight)
    if drop_intermediate and fps.shape[0] > 2:
        # Keep a point unless TP is the same before and after it (the
        # middle of a vertical segment); the two ends are always kept.
        changes = np.logical_or(np.diff(tps[:-1]), np.diff(tps[1:]))
        keep = np.flatnonzero(np.concatenate([[True], changes, [True]]))
        fps, tps, thresholds = fps[keep], tps[keep], thresholds[keep]
    precision, recall = _precision_recall(fps, tps)
    # Reversed, so that recall decreases and thresholds increase.
    return (np.append(precision[::-1], 1.0), np.append(recall[::-1], 0.0),
            thresholds[::-1])


def _binary_average_precision(y_true, y_score, pos_label=1,
                              sample_weight=None):
    # AP = sum_n (R_n - R_{n-1}) P_n: each precision weighted by the recall
    # gained at its threshold (a step function, not a trapezoid).
    precision, recall, _ = precision_recall_curve(
        y_true, y_score, pos_label=pos_label, sample_weight=sample_weight
    )
    return float(max(0.0, -np.sum(np.diff(recall) * precision[:-1])))


def _average_binary_score(y_true, y_score, average, pos_label,
                          sample_weight):
    # One binary AP per column of the indicator matrix Y, then averaged:
    # "micro" pools every (sample, class) cell, "weighted" weights by the
    # positives of each class, "samples" scores each row across classes.
    y_score = check_array(y_score, ensure_2d=False, dtype=np.float64,
                          input_name="y_score")
    check_consistent_length(y_true, y_score, sample_weight)
    if y_score.ndim == 1:
        y_score = y_score[:, None]
    if y_true.shape != y_score.shape:
        raise ValueError(
            "`y_score` needs to be of shape `(n_samples, n_classes)`, since "
            "`y_true` contains multiple classes. Got "
            f"`y_score.shape={y_score.shape}`."
        )
    score_weight, average_weight = sample_weight, None
    if average == "micro":
        if score_weight is not None:
            score_weight = np.repeat(score_weight, y_true.shape[1])
        return _binary_average_precision(y_true.ravel(), y_score.ravel(),
                                         pos_label, score_weight)
    if average == "weighted":
        average_weight = (y_true.sum(axis=0) if sample_weight is None
                          else sample_weight @ y_true)
        if np.isclose(average_weight.sum(), 0):
            return 0
    elif average == "samples":
        average_weight, score_weight = sample_weight, None
        y_true, y_score = y_true.T, y_score.T
    score = np.array([
        _binary_average_precision(y_true[:, k], y_score[:, k], pos_label,
                                  score_weight)
        for k in range(y_true.shape[1])
    ])
    if average is None:
        return score
    if average_weight is not None:
        score[average_weight == 0] = 0  # a weightless NaN must not spread
    return float(np.average(score, weights=average_weight))


def average_precision_score(y_true, y_score, *, average="macro",
                            pos_label=1, sample_weight=None):
    r"""Average precision: the precision-recall curve summed into one number.

    .. math::

        \text{AP} = \sum_n (R_n - R_{n-1}) \, P_n

    where :math:`P_n` and :math:`R_n` are the precision and recall at the
    :math:`n`-th threshold: each precision is weighted by the recall it
    adds. This is a step-function area, not the trapezoidal one of
    ``auc(recall, precision)``, which joins points by straight lines and
    can be too optimistic.

    Read more in the book: Classification metrics
    <https://skratch-ml.github.io/skratch/book/advanced/classification-metrics.html>

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_classes)
        True binary labels, a multilabel indicator matrix, or multiclass
        labels (scored one class against the rest).
    y_score : array-like of shape (n_samples,) or (n_samples, n_classes)
        Scores of the positive class (binary), or one column per class
        (multilabel, multiclass with its classes sorted).
    average : {"macro", "weighted", "micro", "samples"} or None, default="macro"
        How to average the per-class scores (ignored for binary
        ``y_true``): "macro" the plain mean, "weighted" weighted by each
        class's positives, "micro" one curve over every (sample, class)
        cell, "samples" one score per sample (multilabel), None the
        per-class scores.
    pos_label : int, float, bool or str, default=1
        The positive class of a binary ``y_true``; it must stay 1 for
        multilabel and multiclass targets.
    sample_weight : array-like of shape (n_samples,), default=None
        Sample weights.

    Returns
    -------
    average_precision : float or ndarray of shape (n_classes,)
        The average precision (per class if ``average=None``).

    See Also
    --------
    precision_recall_curve : The curve this number summarises.
    roc_auc_score : The area under the ROC curve.
    sklearn.metrics.average_precision_score : The scikit-learn function
        this one mirrors.

    Examples
    --------
    >>> from skratch.metrics import average_precision_score
    >>> round(average_precision_score([0, 0, 1, 1],
    ...                               [0.1, 0.4, 0.35, 0.8]), 4)
    0.8333
    """
    validate_parameter_constraints(
        {"average": [StrOptions({"micro", "macro", "samples", "weighted"}),
                     None],
         "pos_label": _POS_LABEL[:-1]},  # not None
        {"average": average, "pos_label": pos_label}, "average_precision_score",
    )
    if sample_weight is not None:
        sample_weight = column_or_1d(sample_weight)
    y_type = type_of_target(y_true, "y_true")
    y_true = np.asarray(y_true)
    if y_type == "binary":
        present = np.unique(y_true)
        if present.shape[0] == 2 and pos_label not in present:
            raise ValueError(
                f"pos_label={pos_label} is not a valid label. It should be "
                f"one of {present}"
            )
        return _binary_average_precision(y_true, y_score, pos_label,
                                         sample_weight)
    if y_type == "multilabel-indicator" and pos_label != 1:
        raise ValueError(
            "Parameter pos_label is fixed to 1 for multilabel-indicator "
            "y_true. Do not set pos_label or set pos_label to 1."
        )
    if y_type == "multiclass":
        if pos_label != 1:
            raise ValueError(
                "Parameter pos_label is fixed to 1 for multiclass y_true. "
                "Do not set pos_label or set pos_label to 1."
            )
        y_true = column_or_1d(y_true)
        classes = np.unique(y_true)
        y_true = (y_true[:, None] == classes).astype(int)  # one-hot
    elif y_type != "multilabel-indicator":
        raise ValueError(f"{y_type} format is not supported")
    if sample_weight is not None:
        sample_weight = _check_metric_weight(sample_weight, len(y_true))
    return _average_binary_score(y_true, y_score, average, pos_label,
                                 sample_weight)
