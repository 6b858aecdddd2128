"""Metrics: scores and errors for regression, classification and clustering."""

from ._classification import (
    accuracy_score,
    balanced_accuracy_score,
    classification_report,
    confusion_matrix,
    f1_score,
    fbeta_score,
    hinge_loss,
    log_loss,
    precision_score,
    recall_score,
)
from ._ranking import (
    auc,
    average_precision_score,
    precision_recall_curve,
    roc_auc_score,
    roc_curve,
)
from ._cluster import silhouette_samples, silhouette_score
from . import pairwise
from .pairwise import euclidean_distances, pairwise_kernels
from ._regression import (
    mean_absolute_error,
    mean_squared_error,
    r2_score,
    root_mean_squared_error,
)
from ._scorer import get_scorer, get_scorer_names, make_scorer

__all__ = [
    "accuracy_score",
    "auc",
    "average_precision_score",
    "balanced_accuracy_score",
    "classification_report",
    "confusion_matrix",
    "euclidean_distances",
    "f1_score",
    "fbeta_score",
    "get_scorer",
    "get_scorer_names",
    "hinge_loss",
    "log_loss",
    "make_scorer",
    "mean_absolute_error",
    "mean_squared_error",
    "pairwise",
    "pairwise_kernels",
    "precision_recall_curve",
    "precision_score",
    "r2_score",
    "recall_score",
    "roc_auc_score",
    "roc_curve",
    "silhouette_samples",
    "silhouette_score",
    "root_mean_squared_error",
]
