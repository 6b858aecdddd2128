"""Support vector machines: maximum-margin classifiers and the kernel trick."""

from ._classes import SVC

__all__ = ["SVC"]
