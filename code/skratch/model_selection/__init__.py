"""Model selection: splitting data, cross-validation, learning curves, grid search."""

__all__ = []
