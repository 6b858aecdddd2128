"""Support vector machines: maximum-margin classifiers and the kernel trick."""

__all__ = []
