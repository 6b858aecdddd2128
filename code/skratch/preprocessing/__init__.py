"""Preprocessing: scaling features, encoding categories, polynomial features."""

from ._data import MinMaxScaler, StandardScaler
from ._encoders import OneHotEncoder
from ._polynomial import PolynomialFeatures

__all__ = ["MinMaxScaler", "OneHotEncoder", "PolynomialFeatures", "StandardScaler"]
