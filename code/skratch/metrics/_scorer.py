"""Scorers: a metric turned into ``scorer(estimator, X, y)``, greater is better.

Cross-validation and grid search compare models by one number where larger is
better. A scorer predicts with the estimator (labels, probabilities or decision
values, as the metric needs) and applies the metric; error metrics are negated
(``"neg_mean_squared_error"``), so that "larger is better" holds for all of them.

Read more in the book: Cross-validation
<https://skratch-ml.github.io/skratch/book/advanced/cross-validation.html>
"""

from functools import partial

import numpy as np

from ._classification import (
    accuracy_score,
    balanced_accuracy_score,
    f1_score,
    log_loss,
    precision_score,
    recall_score,
)
from ._ranking import average_precision_score, roc_auc_score
from ._regression import mean_absolute_error, mean_squared_error, r2_score

__all__ = ["get_scorer", "get_scorer_names"]


class _Scorer:
    """Call ``sign * metric(y, response)`` where response comes from the estimator."""

    def __init__(self, name, metric, sign, response):
        self.name = name
        self.metric = metric
        self.sign = sign
        self.response = response  # "predict", "proba" or "threshold"

    def __repr__(self):
        return f"make_scorer({self.name})"

    def _response(self, estimator, X):
        if self.response == "predict":
            return estimator.predict(X)
        classes = getattr(estimator, "classes_", None)
        binary = classes is not None and len(classes) == 2
        if self.response == "threshold" and hasattr(estimator, "decision_function"):
            return estimator.decision_function(X)
        proba = estimator.predict_proba(X)
        # For two classes the metric wants the positive (second) class's column.
        return proba[:, 1] if binary else proba

    def __call__(self, estimator, X, y, sample_weight=None):
        response = self._response(estimator, X)
        kwargs = {} if sample_weight is None else {"sample_weight": sample_weight}
        return self.sign * self.metric(y, response, **kwargs)


def _root_mean_squared_error(y_true, y_pred, **kwargs):
    return float(np.sqrt(mean_squared_error(y_true, y_pred, **kwargs)))


_SCORERS = {
    "accuracy": (accuracy_score, 1, "predict"),
    "balanced_accuracy": (balanced_accuracy_score, 1, "predict"),
    "average_precision": (average_precision_score, 1, "threshold"),
    "r2": (r2_score, 1, "predict"),
    "neg_mean_squared_error": (mean_squared_error, -1, "predict"),
    "neg_root_mean_squared_error": (_root_mean_squared_error, -1, "predict"),
    "neg_mean_absolute_error": (mean_absolute_error, -1, "predict"),
    "neg_log_loss": (log_loss, -1, "proba"),
    "roc_auc": (roc_auc_score, 1, "threshold"),
    "roc_auc_ovr": (partial(roc_auc_score, multi_class="ovr"), 1, "proba"),
    "roc_auc_ovo": (partial(roc_auc_score, multi_class="ovo"), 1, "proba"),
    "roc_auc_ovr_weighted": (
        partial(roc_auc_score, multi_class="ovr", average="weighted"), 1, "proba"),
    "roc_auc_ovo_weighted": (
        partial(roc_auc_score, multi_class="ovo", average="weighted"), 1, "proba"),
}
for _name, _metric in [("precision", precision_score), ("recall", recall_score),
                       ("f1", f1_score)]:
    _SCORERS[_name] = (_metric, 1, "predict")
    for _average in ("macro", "micro", "weighted"):
        _SCORERS[f"{_name}_{_average}"] = (
            partial(_metric, average=_average), 1, "predict")


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
    """Return the scorer called ``scoring`` (a callable is returned unchanged).

    Read more in the book: Cross-validation
    <https://skratch-ml.github.io/skratch/book/advanced/cross-validation.html>

    Parameters
    ----------
    scoring : str or callable
        A name from ``get_scorer_names()`` (scikit-learn's names), or a callable
        ``scorer(estimator, X, y)``.

    Returns
    -------
    scorer : callable
        ``scorer(estimator, X, y, sample_weight=None) -> float``, greater is better.

    See Also
    --------
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
    if callable(scoring):
        return scoring
    if not isinstance(scoring, str) or scoring not in _SCORERS:
        raise ValueError(
            f"{scoring!r} is not a valid scoring value. Use "
            "skratch.metrics.get_scorer_names() to get valid options."
        )
    metric, sign, response = _SCORERS[scoring]
    return _Scorer(scoring, metric, sign, response)
