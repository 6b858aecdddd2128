"""What a benchmark is (``Case``) and helpers the ``bench_<family>.py`` modules share."""

from dataclasses import dataclass, field
from typing import Callable

import numpy as np


@dataclass
class Case:
    """One benchmark: ``setup(n_samples)`` returns ``(skratch_fn, reference_fn)``.

    Parameters
    ----------
    name : str
        What is timed, e.g. ``"Ridge fit"``.
    setup : callable
        ``setup(n_samples) -> (ours, theirs)``: makes the data (seeded), builds and, for
        a predict benchmark, fits the models, and returns two zero-argument functions.
    sizes : tuple of int
        Numbers of samples to time at (the full run); ``--quick`` uses ``quick_size``.
    target : float or None
        The ratio the issue asks for at the largest size (reported, not enforced).
    reference : str
        What skratch is compared with.
    notes : str
        Anything a reader needs to interpret the row (data shape, parameters).
    """

    name: str
    setup: Callable
    sizes: tuple = (1_000, 100_000)
    target: float | None = None
    reference: str = "scikit-learn"
    notes: str = ""
    quick_size: int = 200
    repeat: int | None = None  # overrides --repeat for slow cases
    extra: dict = field(default_factory=dict)


def regression_data(n_samples, n_features=20, seed=0):
    """A seeded linear regression problem with Gaussian noise."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n_samples, n_features))
    y = X @ rng.normal(size=n_features) + 0.5 * rng.normal(size=n_samples)
    return X, y


def classification_data(n_samples, n_features=20, n_classes=2, seed=0):
    """A seeded classification problem: Gaussian blobs whose classes overlap a little."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(scale=1.5, size=(n_classes, n_features))
    y = rng.integers(n_classes, size=n_samples)
    X = centres[y] + rng.normal(size=(n_samples, n_features))
    return X, y


def fit_pair(ours, theirs, data):
    """A ``setup`` that times ``fit`` of two estimators on ``data(n_samples)``."""
    def setup(n_samples):
        X, y = data(n_samples)
        return (lambda: ours.fit(X, y)), (lambda: theirs.fit(X, y))
    return setup


def predict_pair(ours, theirs, data, n_train=None):
    """A ``setup`` that fits both estimators once, then times ``predict`` on ``n_samples`` rows.

    The models are fitted on ``n_train`` rows (default: as many as are predicted).
    """
    def setup(n_samples):
        X, y = data(n_samples if n_train is None else n_train)
        X_new, _ = data(n_samples, seed=1)
        ours.fit(X, y), theirs.fit(X, y)
        return (lambda: ours.predict(X_new)), (lambda: theirs.predict(X_new))
    return setup
