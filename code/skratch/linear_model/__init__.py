"""Linear models: predictions that are a weighted sum of the features."""

from ._base import LinearRegression
from ._logistic import LogisticRegression

__all__ = ["LinearRegression", "LogisticRegression"]
