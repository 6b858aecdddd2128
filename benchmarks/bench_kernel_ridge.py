"""Kernels and kernel ridge: skratch.metrics.pairwise and skratch.kernel_ridge vs scikit-learn.

A kernel matrix is n x m numbers, so the sizes are rows of X against 500 rows of Y
(kernels) and training samples (KernelRidge: an n x n solve).
"""

import numpy as np
import sklearn.kernel_ridge as skkr
import sklearn.metrics.pairwise as skpw

import skratch.kernel_ridge as sckr
import skratch.metrics.pairwise as scpw
from cases import Case, fit_pair, predict_pair, regression_data


def _kernel_pair(name, **params):
    def setup(n_samples):
        rng = np.random.default_rng(0)
        X, Y = rng.normal(size=(n_samples, 20)), rng.normal(size=(500, 20))
        ours, theirs = getattr(scpw, name), getattr(skpw, name)
        return (lambda: ours(X, Y, **params)), (lambda: theirs(X, Y, **params))
    return setup


CASES = [
    Case("rbf_kernel", _kernel_pair("rbf_kernel"), sizes=(1_000, 10_000), target=1.5,
         notes="n x 500 rows, 20 features"),
    Case("polynomial_kernel", _kernel_pair("polynomial_kernel"), sizes=(1_000, 10_000),
         target=1.5, notes="n x 500 rows, 20 features, degree 3"),
    Case("euclidean_distances", _kernel_pair("euclidean_distances"),
         sizes=(1_000, 10_000), target=1.5, notes="n x 500 rows, 20 features"),
    Case("KernelRidge fit",
         fit_pair(sckr.KernelRidge(kernel="rbf"), skkr.KernelRidge(kernel="rbf"),
                  regression_data),
         sizes=(500, 3_000), target=1.5, notes="rbf kernel, n x n Cholesky solve"),
    Case("KernelRidge predict",
         predict_pair(sckr.KernelRidge(kernel="rbf"), skkr.KernelRidge(kernel="rbf"),
                      regression_data, n_train=1_000),
         sizes=(1_000, 20_000), target=1.5, notes="rbf kernel, 1,000 training rows"),
]
