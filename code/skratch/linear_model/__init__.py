"""Linear models: predictions that are a weighted sum of the features."""

from ._base import LinearRegression

__all__ = ["LinearRegression"]
