"""Mixture models: skratch.mixture vs sklearn.mixture (GaussianMixture fit times).

Both sides start from the same initial weights, means and precisions and run the same
number of EM iterations (tol=0, max_iter=20), so the times compare the same work.
"""

import numpy as np
from sklearn import mixture as sk

from cases import Case
from skratch import mixture as sc


def blobs(n_samples, n_features=10, n_centres=5, seed=0):
    rng = np.random.default_rng(seed)
    centres = rng.normal(scale=3.0, size=(n_centres, n_features))
    return centres[rng.integers(n_centres, size=n_samples)] + rng.normal(size=(n_samples, n_features))


def gmm_setup(covariance_type):
    def setup(n_samples):
        X = blobs(n_samples)
        start = sk.GaussianMixture(5, covariance_type=covariance_type, max_iter=1,
                                   random_state=0).fit(X[:2000])
        params = dict(covariance_type=covariance_type, tol=0.0, max_iter=20,
                      weights_init=start.weights_, means_init=start.means_,
                      precisions_init=start.precisions_)
        ours, theirs = sc.GaussianMixture(5, **params), sk.GaussianMixture(5, **params)
        return (lambda: ours.fit(X)), (lambda: theirs.fit(X))
    return setup


CASES = [
    Case(f"GaussianMixture fit ({covariance_type})", gmm_setup(covariance_type),
         sizes=(1_000, 100_000), target=3.0, repeat=3,
         notes="10 features, 5 components, 20 EM iterations from the same start")
    for covariance_type in ["full", "tied", "diag", "spherical"]
]
