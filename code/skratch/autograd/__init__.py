"""Automatic differentiation: a scalar engine (Value) and an array engine (Tensor)."""

__all__ = []
