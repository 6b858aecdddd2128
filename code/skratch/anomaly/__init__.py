"""Anomaly detection: model what is normal, flag what is not."""

from ._gaussian import GaussianAnomalyDetector

__all__ = ["GaussianAnomalyDetector"]
