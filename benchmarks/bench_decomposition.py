"""Decomposition: skratch.decomposition vs sklearn.decomposition (PCA fit times)."""

import numpy as np
from sklearn import decomposition as sk

from cases import Case
from skratch import decomposition as sc


def correlated(n_samples, n_features=50, seed=0):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(n_samples, n_features)) @ rng.normal(size=(n_features, n_features))


def pca_setup(svd_solver, n_features):
    def setup(n_samples):
        X = correlated(n_samples, n_features)
        ours = sc.PCA(10, svd_solver=svd_solver)
        theirs = sk.PCA(10, svd_solver=svd_solver)
        return (lambda: ours.fit(X)), (lambda: theirs.fit(X))
    return setup


CASES = [
    Case("PCA fit (svd_solver='auto')", pca_setup("auto", 50), sizes=(1_000, 100_000),
         target=1.5, notes="50 features, 10 components; both pick covariance_eigh"),
    Case("PCA fit (svd_solver='full')", pca_setup("full", 50), sizes=(1_000, 20_000),
         target=1.5, notes="50 features, 10 components, thin SVD"),
]
