"""Clustering: k-means and DBSCAN."""

from ._kmeans import KMeans, kmeans_plusplus, kmeans_steps

__all__ = ["KMeans", "kmeans_plusplus", "kmeans_steps"]
