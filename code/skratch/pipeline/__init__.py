"""Pipelines: chaining transformers and a final estimator, fitted without leakage."""

from ._pipeline import Pipeline, make_pipeline

__all__ = ["Pipeline", "make_pipeline"]
