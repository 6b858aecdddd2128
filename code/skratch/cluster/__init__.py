"""Clustering: k-means and DBSCAN."""

from ._dbscan import DBSCAN
from ._kmeans import KMeans, kmeans_plusplus, kmeans_steps

__all__ = ["DBSCAN", "KMeans", "kmeans_plusplus", "kmeans_steps"]
