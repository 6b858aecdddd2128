"""Anomaly detection: model what is normal, flag what is not."""

__all__ = []
