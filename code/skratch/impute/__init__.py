"""Imputation: filling in missing values."""

__all__ = []
