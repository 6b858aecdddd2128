"""Linear models: predictions that are a weighted sum of the features."""

from ._base import LinearRegression
from ._coordinate_descent import ElasticNet, Lasso
from ._huber import HuberRegressor
from ._logistic import LogisticRegression
from ._perceptron import Perceptron
from ._ridge import Ridge
from ._sgd import SGDRegressor
from ._sgd_classifier import SGDClassifier

__all__ = [
    "ElasticNet",
    "HuberRegressor",
    "Lasso",
    "LinearRegression",
    "LogisticRegression",
    "Perceptron",
    "Ridge",
    "SGDClassifier",
    "SGDRegressor",
]
