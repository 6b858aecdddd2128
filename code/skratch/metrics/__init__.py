"""Metrics: scores and errors for regression and classification."""

from ._classification import (
    accuracy_score,
    confusion_matrix,
    f1_score,
    hinge_loss,
    log_loss,
    precision_score,
    recall_score,
)
from ._ranking import auc, roc_auc_score, roc_curve
from ._regression import mean_absolute_error, mean_squared_error, r2_score
from ._scorer import get_scorer, get_scorer_names

__all__ = [
    "accuracy_score",
    "auc",
    "confusion_matrix",
    "f1_score",
    "get_scorer",
    "get_scorer_names",
    "hinge_loss",
    "log_loss",
    "mean_absolute_error",
    "mean_squared_error",
    "precision_score",
    "r2_score",
    "recall_score",
    "roc_auc_score",
    "roc_curve",
]
