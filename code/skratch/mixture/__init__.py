"""Mixture models: Gaussian mixtures fitted by expectation-maximisation."""

__all__ = []
