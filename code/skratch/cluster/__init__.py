"""Clustering: k-means and DBSCAN."""

__all__ = []
