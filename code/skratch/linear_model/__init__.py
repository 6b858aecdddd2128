"""Linear models: predictions that are a weighted sum of the features."""

from ._base import LinearRegression
from ._logistic import LogisticRegression
from ._ridge import Ridge
from ._sgd import SGDRegressor

__all__ = ["LinearRegression", "LogisticRegression", "Ridge", "SGDRegressor"]
