"""Isotonic regression: skratch.isotonic vs sklearn.isotonic (fit and predict times).

Our pool-adjacent-violators is one Python pass over the (distinct) points, as the unit
shows it; scikit-learn calls SciPy's C++ PAV, so the fit ratio measures that loop.
"""

import numpy as np
from sklearn import isotonic as sk

from cases import Case, predict_pair
from skratch import isotonic as sc


def noisy_trend(n_samples, seed=0):
    """A noisy increasing trend in one feature, with ties (X rounded to 3 decimals)."""
    rng = np.random.default_rng(seed)
    X = np.round(rng.uniform(0, 10, size=n_samples), 3)
    return X, np.log1p(X) + rng.normal(scale=0.5, size=n_samples)


def _fit_setup(n_samples):
    X, y = noisy_trend(n_samples)
    return (lambda: sc.IsotonicRegression().fit(X, y)), (
        lambda: sk.IsotonicRegression().fit(X, y))


def _function_setup(n_samples):
    _, y = noisy_trend(n_samples)
    return (lambda: sc.isotonic_regression(y)), (lambda: sk.isotonic_regression(y))


CASES = [
    Case("IsotonicRegression fit", _fit_setup, sizes=(1_000, 100_000),
         notes="1 feature with ties, noisy log trend"),
    Case("isotonic_regression", _function_setup, sizes=(1_000, 100_000),
         notes="unsorted noisy targets (many pools)"),
    Case("IsotonicRegression predict",
         predict_pair(sc.IsotonicRegression(out_of_bounds="clip"),
                      sk.IsotonicRegression(out_of_bounds="clip"), noisy_trend,
                      n_train=10_000),
         sizes=(10_000, 1_000_000), notes="fitted on 10,000 points"),
]
