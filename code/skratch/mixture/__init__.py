"""Mixture models: Gaussian mixtures fitted by expectation-maximisation."""

from ._gaussian_mixture import GaussianMixture

__all__ = ["GaussianMixture"]
