"""Ensembles: bagging, random forests and boosting."""

__all__ = []
