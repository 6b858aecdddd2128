"""Scorers: a metric turned into ``scorer(estimator, X, y)``, greater is better.

Cross-validation and grid search compare models by one number where larger is
better. A scorer predicts with the estimator (labels, probabilities or decision
values, as the metric needs) and applies the metric; error metrics are negated
(``"neg_mean_squared_error"``), so that "larger is better" holds for all of them.

Read more in the book: Cross-validation
<https://skratch-ml.github.io/skratch/book/advanced/cross-validation.html>
"""

import copy
from functools import partial
from inspect import signature

import numpy as np

from ..base import is_classifier
from ..utils.multiclass import type_of_target
from ..utils.validation import StrOptions, validate_parameter_constraints
from ._classification import (
    accuracy_score,
    balanced_accuracy_score,
    f1_score,
    log_loss,
    precision_score,
    recall_score,
)
from ._ranking import average_precision_score, roc_auc_score
from ._regression import (
    mean_absolute_error,
    mean_squared_error,
    r2_score,
    root_mean_squared_error,
)

__all__ = ["get_scorer", "get_scorer_names", "make_scorer"]


def _response_method(estimator, response_method):
    """The first of the methods named in ``response_method`` that ``estimator`` has."""
    names = [response_method] if isinstance(response_method, str) else response_method
    for name in names:
        method = getattr(estimator, name, None)
        if method is not None:
            return method
    raise AttributeError(
        f"{type(estimator).__name__} has none of the following attributes: "
        f"{', '.join(names)}."
    )


def _get_response_values(estimator, X, response_method, pos_label):
    """What the metric scores: labels, or the scores of the positive class.

    For a binary classifier, ``predict_proba`` gives the column of ``pos_label``
    (by default the second class) and ``decision_function`` is negated when
    ``pos_label`` is the first class, so that larger always means "positive".
    """
    method = _response_method(estimator, response_method)
    if not is_classifier(estimator):
        return method(X)
    classes = np.asarray(estimator.classes_)
    binary = type_of_target(classes) == "binary"
    if binary:
        if pos_label is not None and pos_label not in classes.tolist():
            raise ValueError(
                f"pos_label={pos_label} is not a valid label: It should be one of "
                f"{classes}"
            )
        if pos_label is None:
            pos_label = classes[-1]
    y_pred = method(X)
    if binary and method.__name__ == "predict_proba":
        if y_pred.shape[1] < 2:  # fitted on a single class
            raise ValueError(
                f"Got predict_proba of shape {y_pred.shape}, but need classifier "
                "with two classes."
            )
        return y_pred[:, np.flatnonzero(classes == pos_label)[0]]
    if binary and method.__name__ == "decision_function" and pos_label == classes[0]:
        return -y_pred
    return y_pred


class _Scorer:
    """Call ``sign * score_func(y, response, **kwargs)``; the response comes from
    the estimator's first method in ``response_method``."""

    def __init__(self, score_func, sign, kwargs, response_method):
        self._score_func = score_func
        self._sign = sign
        self._kwargs = kwargs
        self._response_method = response_method

    def __repr__(self):
        func = self._score_func
        name = repr(func) if isinstance(func, partial) else func.__name__
        sign = "" if self._sign > 0 else ", greater_is_better=False"
        kwargs = "".join(f", {key}={value}" for key, value in self._kwargs.items())
        return (f"make_scorer({name}{sign}, "
                f"response_method={self._response_method!r}{kwargs})")

    def _get_pos_label(self):
        # The positive class: the scorer's pos_label, else the metric's default.
        if "pos_label" in self._kwargs:
            return self._kwargs["pos_label"]
        parameters = signature(self._score_func).parameters
        if "pos_label" in parameters:
            return parameters["pos_label"].default
        return None

    def __call__(self, estimator, X, y_true, sample_weight=None):
        y_pred = _get_response_values(estimator, X, self._response_method,
                                      self._get_pos_label())
        kwargs = dict(self._kwargs)
        if sample_weight is not None:
            kwargs["sample_weight"] = sample_weight
        return self._sign * self._score_func(y_true, y_pred, **kwargs)


def make_scorer(score_func, *, response_method="predict", greater_is_better=True,
                **kwargs):
    """Make a scorer from a metric: ``scorer(estimator, X, y)``, greater is better.

    Read more in the book: Cross-validation
    <https://skratch-ml.github.io/skratch/book/advanced/cross-validation.html>

    Parameters
    ----------
    score_func : callable
        A metric ``score_func(y_true, y_pred, **kwargs)``.
    response_method : {"predict", "predict_proba", "decision_function"} or \
list/tuple of them, default="predict"
        What the metric scores. A list or tuple names methods in order of
        preference: the first one the estimator has is used.
    greater_is_better : bool, default=True
        False for a loss: the scorer returns its negative, so that larger is
        still better.
    **kwargs
        Passed to ``score_func`` (``average="macro"``, ``beta=2``, ...).

    Returns
    -------
    scorer : callable
        ``scorer(estimator, X, y, sample_weight=None) -> float``.

    See Also
    --------
    get_scorer : The scorers named by a string.
    sklearn.metrics.make_scorer : The scikit-learn function this one mirrors.

    Examples
    --------
    >>> from skratch.metrics import fbeta_score, make_scorer
    >>> make_scorer(fbeta_score, beta=2)
    make_scorer(fbeta_score, response_method='predict', beta=2)
    """
    validate_parameter_constraints(
        {"score_func": ["callable"],
         "response_method": [list, tuple, StrOptions(
             {"predict", "predict_proba", "decision_function"})],
         "greater_is_better": ["boolean"]},
        {"score_func": score_func, "response_method": response_method,
         "greater_is_better": greater_is_better},
        "make_scorer",
    )
    return _Scorer(score_func, 1 if greater_is_better else -1, kwargs,
                   response_method)


_THRESHOLD = ("decision_function", "predict_proba")  # scores, by preference

_SCORERS = {
    "accuracy": make_scorer(accuracy_score),
    "balanced_accuracy": make_scorer(balanced_accuracy_score),
    "average_precision": make_scorer(average_precision_score,
                                     response_method=_THRESHOLD),
    "r2": make_scorer(r2_score),
    "neg_mean_squared_error": make_scorer(mean_squared_error,
                                          greater_is_better=False),
    "neg_root_mean_squared_error": make_scorer(root_mean_squared_error,
                                               greater_is_better=False),
    "neg_mean_absolute_error": make_scorer(mean_absolute_error,
                                           greater_is_better=False),
    "neg_log_loss": make_scorer(log_loss, greater_is_better=False,
                                response_method="predict_proba"),
    "roc_auc": make_scorer(roc_auc_score, response_method=_THRESHOLD),
}
for _multi_class in ("ovr", "ovo"):
    _SCORERS[f"roc_auc_{_multi_class}"] = make_scorer(
        roc_auc_score, response_method="predict_proba", multi_class=_multi_class)
    _SCORERS[f"roc_auc_{_multi_class}_weighted"] = make_scorer(
        roc_auc_score, response_method="predict_proba", multi_class=_multi_class,
        average="weighted")
for _name, _metric in [("precision", precision_score), ("recall", recall_score),
                       ("f1", f1_score)]:
    _SCORERS[_name] = make_scorer(_metric, average="binary")
    for _average in ("macro", "micro", "weighted"):
        _SCORERS[f"{_name}_{_average}"] = make_scorer(
            _metric, pos_label=None, average=_average)


def get_scorer_names():
    """The names ``get_scorer`` accepts, sorted.

    Examples
    --------
    >>> from skratch.metrics import get_scorer_names
    >>> get_scorer_names()[:3]
    ['accuracy', 'average_precision', 'balanced_accuracy']
    """
    return sorted(_SCORERS)


def get_scorer(scoring):
    """Return the scorer called ``scoring`` (a callable or None is returned unchanged).

    Read more in the book: Cross-validation
    <https://skratch-ml.github.io/skratch/book/advanced/cross-validation.html>

    Parameters
    ----------
    scoring : str, callable or None
        A name from ``get_scorer_names()`` (scikit-learn's names), or a callable
        ``scorer(estimator, X, y)``.

    Returns
    -------
    scorer : callable or None
        ``scorer(estimator, X, y, sample_weight=None) -> float``, greater is better
        (a fresh copy for a name).

    See Also
    --------
    make_scorer : Make a scorer from any metric.
    sklearn.metrics.get_scorer : The scikit-learn function this one mirrors.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.linear_model import LinearRegression
    >>> from skratch.metrics import get_scorer
    >>> X, y = np.array([[0.0], [1.0], [2.0]]), np.array([0.0, 1.0, 3.0])
    >>> reg = LinearRegression().fit(X, y)
    >>> round(get_scorer("neg_mean_squared_error")(reg, X, y), 4)
    -0.0556
    """
    validate_parameter_constraints({"scoring": [str, "callable", None]},
                                   {"scoring": scoring}, "get_scorer")
    if not isinstance(scoring, str):  # a callable or None
        return scoring
    if scoring not in _SCORERS:
        raise ValueError(
            f"{scoring!r} is not a valid scoring value. Use "
            "skratch.metrics.get_scorer_names() to get valid options."
        )
    return copy.deepcopy(_SCORERS[scoring])
