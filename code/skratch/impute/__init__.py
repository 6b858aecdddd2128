"""Imputation: filling in missing values."""

from ._base import SimpleImputer

__all__ = ["SimpleImputer"]
