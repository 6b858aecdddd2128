"""DBSCAN: clusters are dense regions, separated by sparse ones.

A *core sample* has at least ``min_samples`` samples (itself included) within distance
``eps``. Core samples within ``eps`` of each other belong to the same cluster; a
non-core sample within ``eps`` of a core sample joins that core sample's cluster (a
*border* sample); every other sample is *noise*, labelled -1. No number of clusters is
given in advance, and clusters may have any shape.

Read more in the book: K-means (the unit's section on density-based clustering)
<https://skratch-ml.github.io/skratch/book/expert/k-means.html>
"""

from numbers import Integral, Real

import numpy as np

from ..base import BaseEstimator, ClusterMixin
from ..neighbors import KDTree
from ..utils.validation import (
    Interval,
    StrOptions,
    _check_sample_weight,
    check_array,
    validate_n_features,
)

__all__ = ["DBSCAN"]

# Rows of the distance matrix computed at a time: memory stays about
# _BLOCK_BYTES whatever the number of samples.
_BLOCK_BYTES = 2**26

# Up to this many features a k-d tree finds the neighbourhoods; beyond, its boxes
# prune little (the curse of dimensionality) and brute force is faster.
_TREE_MAX_FEATURES = 15


def _radius_neighbors_tree(X, eps):
    # N(i) as a CSR-like pair (indptr, indices), from a k-d tree: only the
    # leaves whose box is within eps of x_i are searched.
    queries, indices, _ = KDTree(X, leaf_size=30)._radius_pairs(X, eps)
    indptr = np.r_[0, np.cumsum(np.bincount(queries, minlength=X.shape[0]))]
    return indptr, indices  # row i: indices[indptr[i]:indptr[i + 1]]


def _radius_neighbors(X, eps):
    # N(i) = { j : ||x_i - x_j|| <= eps }, as a CSR-like pair (indptr, indices).
    # Distances come blockwise from ||x||^2 - 2 x.y + ||y||^2; pairs near the boundary
    # (where rounding could flip the comparison) are recomputed exactly from x - y.
    n_samples = X.shape[0]
    squared_norms = np.einsum("ij,ij->i", X, X)
    block = max(1, _BLOCK_BYTES // (8 * n_samples))
    rows, cols = [], []
    for start in range(0, n_samples, block):
        stop = min(start + block, n_samples)
        d2 = squared_norms[start:stop, None] - 2 * X[start:stop] @ X.T + squared_norms
        r, c = np.nonzero(d2 <= eps**2 * (1 + 1e-6) + 1e-12)  # candidates, generous
        r += start
        exact = np.sqrt(np.sum((X[r] - X[c]) ** 2, axis=1)) <= eps
        rows.append(r[exact])
        cols.append(c[exact])
    rows, cols = np.concatenate(rows), np.concatenate(cols)
    indptr = np.r_[0, np.cumsum(np.bincount(rows, minlength=n_samples))]
    return indptr, cols  # row-major from np.nonzero: cols grouped by row already


def _gather(indptr, indices, rows):
    # Concatenate the neighbour lists of `rows` without a Python loop over them.
    starts, lengths = indptr[rows], indptr[rows + 1] - indptr[rows]
    offsets = np.repeat(starts - np.r_[0, np.cumsum(lengths)[:-1]], lengths)
    return indices[offsets + np.arange(lengths.sum())]


class DBSCAN(ClusterMixin, BaseEstimator):
    r"""Density-based spatial clustering of applications with noise.

    A sample :math:`x_i` is a core sample when its :math:`\varepsilon`-neighbourhood
    holds enough (weighted) samples:

    .. math::

        \sum_{j \,:\, \lVert x_i - x_j \rVert \le \varepsilon} w_j \ge
        \text{min\_samples}.

    Clusters are the connected groups of core samples (linked when within
    :math:`\varepsilon`), plus the non-core samples within :math:`\varepsilon` of one.

    Read more in the book: K-means
    <https://skratch-ml.github.io/skratch/book/expert/k-means.html>

    Parameters
    ----------
    eps : float, default=0.5
        Neighbourhood radius :math:`\varepsilon`.
    min_samples : int, default=5
        Number (or total weight) of samples in a neighbourhood, the sample itself
        included, for the sample to be a core sample.
    metric : {"euclidean"}, default="euclidean"
        Distance between samples (only the Euclidean distance is implemented).

    Attributes
    ----------
    labels_ : ndarray of shape (n_samples,)
        Cluster of each sample; -1 for noise.
    core_sample_indices_ : ndarray of shape (n_core_samples,)
        Indices of the core samples.
    components_ : ndarray of shape (n_core_samples, n_features)
        The core samples themselves.
    n_features_in_ : int
        Number of features seen during ``fit``.

    See Also
    --------
    sklearn.cluster.DBSCAN : The scikit-learn estimator this one mirrors.
    skratch.cluster.KMeans : Round clusters, a number fixed in advance.

    Notes
    -----
    Clusters are numbered as scikit-learn numbers them: by expanding, in index order,
    from each core sample not yet labelled. A border sample within reach of several
    clusters joins the first one expanded, the one with the smallest label.
    Neighbourhoods are found with a k-d tree (``skratch.neighbors.KDTree``) for up
    to 15 features, and beyond by brute force, in blocks of rows of the distance
    matrix (memory bounded, time quadratic in ``n_samples``); each cluster is expanded
    breadth-first, a whole frontier of core samples at a time.

    References
    ----------
    .. [1] M. Ester, H.-P. Kriegel, J. Sander, X. Xu, "A density-based algorithm for
       discovering clusters in large spatial databases with noise", KDD 1996.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.cluster import DBSCAN
    >>> X = np.array([[1.0, 2.0], [2.0, 2.0], [2.0, 3.0],
    ...               [8.0, 7.0], [8.0, 8.0], [25.0, 80.0]])
    >>> db = DBSCAN(eps=3, min_samples=2).fit(X)
    >>> db.labels_
    array([ 0,  0,  0,  1,  1, -1])
    >>> db.core_sample_indices_
    array([0, 1, 2, 3, 4])
    """

    _parameter_constraints = {
        "eps": [Interval(Real, 0, None, closed="neither")],
        "min_samples": [Interval(Integral, 1, None, closed="left")],
        "metric": [StrOptions({"euclidean"})],
    }

    def __init__(self, eps=0.5, *, min_samples=5, metric="euclidean"):
        self.eps = eps
        self.min_samples = min_samples
        self.metric = metric

    def fit(self, X, y=None, sample_weight=None):
        """Find the clusters of ``X``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : Ignored
            Present for API consistency.
        sample_weight : array-like of shape (n_samples,), default=None
            Weight of each sample in the neighbourhood counts (None: all 1).

        Returns
        -------
        self : DBSCAN
            The fitted estimator.
        """
        self._validate_params()
        X = check_array(X, dtype=np.float64, estimator=self)
        validate_n_features(self, X, reset=True)
        n_samples = X.shape[0]
        if X.shape[1] <= _TREE_MAX_FEATURES:
            indptr, indices = _radius_neighbors_tree(X, self.eps)
        else:
            indptr, indices = _radius_neighbors(X, self.eps)
        if sample_weight is None:
            n_neighbors = np.diff(indptr)
        else:
            sample_weight = _check_sample_weight(sample_weight, X, ensure_non_negative=True)
            # Sum of the weights in each neighbourhood: one bincount over the pairs.
            owners = np.repeat(np.arange(n_samples), np.diff(indptr))
            n_neighbors = np.bincount(owners, weights=sample_weight[indices],
                                      minlength=n_samples)
        is_core = n_neighbors >= self.min_samples

        labels = np.full(n_samples, -1)
        label = 0
        for seed in np.flatnonzero(is_core):
            if labels[seed] != -1:
                continue
            # Breadth-first: label the frontier, then its unlabelled neighbours; only
            # core samples pass the cluster on, border samples stop it.
            labels[seed] = label
            frontier = np.array([seed])
            while frontier.size:
                reached = np.unique(_gather(indptr, indices, frontier))
                reached = reached[labels[reached] == -1]
                labels[reached] = label
                frontier = reached[is_core[reached]]
            label += 1

        self.labels_ = labels
        self.core_sample_indices_ = np.flatnonzero(is_core)
        self.components_ = X[self.core_sample_indices_].copy()
        return self
