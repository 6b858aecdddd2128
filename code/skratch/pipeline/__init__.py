"""Pipelines: chaining transformers and a final estimator, fitted without leakage."""

__all__ = []
