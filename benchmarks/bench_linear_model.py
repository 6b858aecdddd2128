"""Linear models: skratch.linear_model vs sklearn.linear_model (fit times)."""

import numpy as np
from sklearn import linear_model as sk

from run import Case
from skratch import linear_model as sc

N_FEATURES = 20


def regression_data(n_samples, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n_samples, N_FEATURES))
    y = X @ rng.normal(size=N_FEATURES) + 0.5 * rng.normal(size=n_samples)
    return X, y


def fit_pair(ours, theirs, data):
    """A setup function timing ``fit`` of two estimators on ``data(n_samples)``."""
    def setup(n_samples):
        X, y = data(n_samples)
        return (lambda: ours.fit(X, y)), (lambda: theirs.fit(X, y))
    return setup


CASES = [
    Case("LinearRegression fit", fit_pair(sc.LinearRegression(), sk.LinearRegression(), regression_data),
         target=1.5, notes="20 features"),
]
