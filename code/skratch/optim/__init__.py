"""Optimisers for the Tensor engine: SGD, RMSprop, Adam, AdamW, learning-rate schedules."""

__all__ = []
