"""Naive Bayes: classifiers that assume features independent given the class."""

__all__ = []
