"""Helpers shared by every estimator: input validation, class labels, random states."""

from ._bunch import Bunch
from .class_weight import compute_class_weight, compute_sample_weight
from .multiclass import check_classification_targets, type_of_target
from .validation import (
    check_array,
    check_consistent_length,
    check_is_fitted,
    check_random_state,
    check_scalar,
    check_X_y,
    column_or_1d,
)

__all__ = [
    "Bunch",
    "check_X_y",
    "check_array",
    "check_classification_targets",
    "check_consistent_length",
    "check_is_fitted",
    "check_random_state",
    "check_scalar",
    "column_or_1d",
    "compute_class_weight",
    "compute_sample_weight",
    "type_of_target",
]
