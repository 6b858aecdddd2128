"""Support vector machines: maximum-margin classifiers and the kernel trick."""

from ._classes import SVC, LinearSVC

__all__ = ["LinearSVC", "SVC"]
