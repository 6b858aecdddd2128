"""Model selection: splitting data, cross-validation, learning curves, grid search."""

from ._search import GridSearchCV, ParameterGrid
from ._split import KFold, StratifiedKFold, train_test_split
from ._validation import cross_val_score, learning_curve

__all__ = [
    "GridSearchCV",
    "KFold",
    "ParameterGrid",
    "StratifiedKFold",
    "cross_val_score",
    "learning_curve",
    "train_test_split",
]
