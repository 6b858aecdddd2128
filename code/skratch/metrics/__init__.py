"""Metrics: scores and errors for regression and classification."""

__all__ = []
