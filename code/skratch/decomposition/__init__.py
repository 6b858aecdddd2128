"""Matrix decomposition: principal component analysis."""

__all__ = []
