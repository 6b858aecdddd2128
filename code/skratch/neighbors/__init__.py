"""Nearest neighbours: predictions from the closest training examples."""

__all__ = []
