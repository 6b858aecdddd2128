"""Naive Bayes: classifiers that assume features independent given the class."""

from ._naive_bayes import GaussianNB, MultinomialNB

__all__ = ["GaussianNB", "MultinomialNB"]
