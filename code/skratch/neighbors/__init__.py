"""Nearest neighbours: predictions from the closest training examples."""

from ._classification import KNeighborsClassifier
from ._kd_tree import KDTree
from ._regression import KNeighborsRegressor

__all__ = ["KDTree", "KNeighborsClassifier", "KNeighborsRegressor"]
