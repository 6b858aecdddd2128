"""Matrix decomposition: principal component analysis."""

from ._pca import PCA

__all__ = ["PCA"]
