"""Ensembles: bagging, random forests and boosting."""

from ._bagging import BaggingClassifier
from ._forest import RandomForestClassifier, RandomForestRegressor
from ._gradient_boosting import GradientBoostingClassifier, GradientBoostingRegressor
from ._weight_boosting import AdaBoostClassifier

__all__ = [
    "AdaBoostClassifier",
    "BaggingClassifier",
    "GradientBoostingClassifier",
    "GradientBoostingRegressor",
    "RandomForestClassifier",
    "RandomForestRegressor",
]
