"""Nearest neighbours search, shared by the k-NN classifier and regressor.

Two ways to find the ``k`` training points closest to each query:

- *brute force*: every distance from a block of queries to every training point,
  then the ``k`` smallest of each row (``np.argpartition``). Blocks keep the distance
  matrix within a memory budget, whatever the number of queries;
- a *k-d tree* (``_kd_tree.KDTree``), which skips whole regions of space that cannot
  hold a closer point.

Distances are Minkowski distances ``(sum_j |a_j - b_j|^p)^(1/p)``: Manhattan for
``p=1``, Euclidean for ``p=2``, Chebyshev (the largest coordinate gap) for
``p=inf``. Searches compare the *reduced* distance ``sum_j |a_j - b_j|^p`` (or the
largest gap), which orders points the same way and needs no root.

Read more in the book: k-nearest neighbours
<https://skratch-ml.github.io/skratch/book/expert/k-nearest-neighbours.html>
"""

from numbers import Integral, Real

import numpy as np

from ..base import BaseEstimator
from ..utils.validation import (
    Interval,
    StrOptions,
    check_array,
    check_is_fitted,
    validate_n_features,
)

# Memory budget of one block of the (n_queries, n_train) distance matrix: 16 MiB
# (blocks that stay in cache are faster than bigger ones, and memory stays bounded).
_BLOCK_BYTES = 16 * 2**20

_METRIC_P = {"euclidean": 2, "manhattan": 1, "l1": 1, "l2": 2, "chebyshev": np.inf}


def _rdist_to_dist(rdist, p):
    # dist = rdist^(1/p); the Chebyshev "reduced" distance is already the distance.
    if p == 1 or np.isinf(p):
        return rdist
    if p == 2:
        return np.sqrt(rdist)
    return rdist ** (1.0 / p)


def _pairwise_rdist(A, B, p):
    # Reduced Minkowski distances between every row of A and every row of B:
    #   p = 2:   ||a - b||^2 = ||a||^2 - 2 a.b + ||b||^2   (one matrix product)
    #   else:    sum_j |a_j - b_j|^p,  or  max_j |a_j - b_j| for p = inf
    # The p = 2 expansion can come out slightly negative by rounding: clip at 0.
    if p == 2:
        sq = (A**2).sum(axis=1)[:, None] - 2.0 * (A @ B.T) + (B**2).sum(axis=1)
        return np.maximum(sq, 0.0, out=sq)  # (n_A, n_B)
    # One feature at a time: memory stays (n_A, n_B), not (n_A, n_B, n_features).
    out = np.zeros((A.shape[0], B.shape[0]))
    for j in range(A.shape[1]):
        gap = np.abs(A[:, j, None] - B[None, :, j])
        if np.isinf(p):
            np.maximum(out, gap, out=out)
        else:
            out += gap if p == 1 else gap**p
    return out


def _rdist_direct(A, B, p):
    # Reduced distances from A (n, d) to B (n, k, d) or (m, d), from the differences
    # themselves: exact (0 for a duplicate point), unlike the p = 2 expansion.
    gap = np.abs(A[:, None, :] - B)  # (n, k or m, d)
    if np.isinf(p):
        return gap.max(axis=-1)
    if p == 2:
        return (gap**2).sum(axis=-1)
    return (gap if p == 1 else gap**p).sum(axis=-1)


def _sort_neighbors(rdist, ind):
    # Sort each row by distance, equal distances by training index (stable order).
    order = np.lexsort((ind, rdist), axis=-1)
    return np.take_along_axis(rdist, order, 1), np.take_along_axis(ind, order, 1)


def _k_smallest(scores, k):
    # Column indices of the k smallest entries of each row, in no particular order.
    # np.argpartition alone costs about 10 ns per entry (a selection, not SIMD), far
    # more than the matrix product that made the scores. So first a cheap filter:
    # cut each row into chunks of m entries and take each chunk's minimum (a fast
    # vectorised pass). The chunks holding the k smallest minima contain the k
    # smallest entries of the row: an entry below the k-th smallest chunk minimum T
    # sits in a chunk whose minimum is below T, i.e. in one of those k chunks (an
    # entry exactly equal to T is a tie, which either order may take). argpartition
    # then runs on k * m entries instead of the whole row.
    n_rows, n_cols = scores.shape
    m = int(np.sqrt(n_cols))  # chunk size: the filter and the final search balance
    n_chunks = n_cols // m
    if k >= n_chunks // 4:  # nothing to gain: plain argpartition
        return np.argpartition(scores, k - 1, axis=1)[:, :k]
    usable = n_chunks * m  # the columns past it (< m) are searched as they are
    chunk_min = scores[:, :usable].reshape(n_rows, n_chunks, m).min(axis=2)
    chunks = np.argpartition(chunk_min, k - 1, axis=1)[:, :k]  # (n_rows, k)
    columns = (chunks[:, :, None] * m + np.arange(m)).reshape(n_rows, k * m)
    columns = np.hstack([columns, np.broadcast_to(np.arange(usable, n_cols),
                                                  (n_rows, n_cols - usable))])
    values = np.take_along_axis(scores, columns, 1)
    best = np.argpartition(values, k - 1, axis=1)[:, :k]
    return np.take_along_axis(columns, best, 1)  # (n_rows, k)


def kneighbors_brute(X_fit, X, n_neighbors, p, block_bytes=_BLOCK_BYTES):
    """The ``n_neighbors`` nearest rows of ``X_fit`` to each row of ``X``, by brute force.

    Parameters
    ----------
    X_fit : ndarray of shape (n_train, n_features)
        Points searched.
    X : ndarray of shape (n_queries, n_features)
        Query points.
    n_neighbors : int
        Number of neighbours, at most ``n_train``.
    p : float
        Minkowski power, ``>= 1`` (``np.inf`` for Chebyshev).
    block_bytes : int, default=16 MiB
        Memory budget of one block of the distance matrix.

    Returns
    -------
    dist : ndarray of shape (n_queries, n_neighbors)
        Distances, increasing along each row.
    ind : ndarray of shape (n_queries, n_neighbors)
        Indices into ``X_fit``; equal distances are ordered by index.
    """
    n_train = X_fit.shape[0]
    block = max(1, block_bytes // (8 * n_train))  # query rows per block
    if p == 2:
        # ||x - b||^2 = ||x||^2 - 2 x.b + ||b||^2, where ||x||^2 (the query's own
        # norm) is the same along a row and does not change the ranking. The rest is
        # one matrix product if ||b||^2 rides along as an extra feature:
        #   [x, 1] . [-2 b, ||b||^2] = -2 x.b + ||b||^2.
        fit_aug = np.hstack([-2.0 * X_fit, (X_fit**2).sum(axis=1)[:, None]]).T
    dist = np.empty((X.shape[0], n_neighbors))
    ind = np.empty((X.shape[0], n_neighbors), dtype=np.intp)
    for start in range(0, X.shape[0], block):
        X_block = X[start : start + block]
        if p == 2:
            ones = np.ones((len(X_block), 1))
            scores = np.hstack([X_block, ones]) @ fit_aug  # (block, n_train)
        else:
            scores = _pairwise_rdist(X_block, X_fit, p)  # (block, n_train)
        if n_neighbors < n_train:
            nearest = _k_smallest(scores, n_neighbors)
        else:
            nearest = np.broadcast_to(np.arange(n_train), scores.shape).copy()
        # The scores picked the candidates; their exact distances decide the order
        # (and make a duplicate point's distance exactly 0).
        exact = _rdist_direct(X_block, X_fit[nearest], p)  # (block, k)
        exact, nearest = _sort_neighbors(exact, nearest)
        dist[start : start + block] = _rdist_to_dist(exact, p)
        ind[start : start + block] = nearest
    return dist, ind


class _Callable:
    """Constraint: the parameter may be any callable (e.g. a weights function)."""

    def is_satisfied_by(self, value):
        return callable(value)

    def __str__(self):
        return "a callable"


class NeighborsBase(BaseEstimator):
    """Storage of the training set and the k-nearest-neighbours query.

    Subclasses add what to do with the neighbours' targets.
    """

    _parameter_constraints = {
        "n_neighbors": [Interval(Integral, 1, None, closed="left")],
        "weights": [StrOptions({"uniform", "distance"}), _Callable(), None],
        "algorithm": [StrOptions({"auto", "brute", "kd_tree"})],
        "leaf_size": [Interval(Integral, 1, None, closed="left")],
        "p": [Interval(Real, 1, None, closed="left")],
        "metric": [StrOptions({"minkowski", *_METRIC_P})],
    }

    def __init__(
        self,
        n_neighbors=5,
        *,
        weights="uniform",
        algorithm="auto",
        leaf_size=30,
        p=2,
        metric="minkowski",
    ):
        self.n_neighbors = n_neighbors
        self.weights = weights
        self.algorithm = algorithm
        self.leaf_size = leaf_size
        self.p = p
        self.metric = metric

    def _fit(self, X):
        # Lazy learning: "fitting" stores the data (and, for kd_tree, indexes it).
        from ._kd_tree import KDTree

        self._p = _METRIC_P.get(self.metric, self.p)
        self.effective_metric_ = self.metric if self.metric != "minkowski" else (
            {1: "manhattan", 2: "euclidean"}.get(self._p, "minkowski")
        )
        self._fit_X = X
        self.n_samples_fit_ = X.shape[0]
        # "auto" picks brute force: in NumPy one matrix product beats a tree walk
        # written in Python on all but very large, low-dimensional data.
        self._fit_method = "kd_tree" if self.algorithm == "kd_tree" else "brute"
        self._tree = (
            KDTree(X, leaf_size=self.leaf_size, p=self._p)
            if self._fit_method == "kd_tree"
            else None
        )

    def kneighbors(self, X=None, n_neighbors=None, return_distance=True):
        """Find the nearest training points of each query point.

        Parameters
        ----------
        X : array-like of shape (n_queries, n_features), default=None
            Query points. If None, the training points, each *excluding itself* from
            its own neighbours.
        n_neighbors : int, default=None
            Number of neighbours; ``self.n_neighbors`` if None.
        return_distance : bool, default=True
            Also return the distances.

        Returns
        -------
        neigh_dist : ndarray of shape (n_queries, n_neighbors)
            Distances to the neighbours, increasing. Only if ``return_distance``.
        neigh_ind : ndarray of shape (n_queries, n_neighbors)
            Indices of the neighbours in the training set.
        """
        check_is_fitted(self)
        if n_neighbors is None:
            n_neighbors = self.n_neighbors
        elif not isinstance(n_neighbors, Integral) or isinstance(n_neighbors, bool) \
                or n_neighbors <= 0:
            raise ValueError(
                f"Expected n_neighbors > 0 (an int), got {n_neighbors!r}."
            )
        query_is_train = X is None
        if query_is_train:
            X = self._fit_X
            n_neighbors += 1  # each point is its own nearest neighbour: drop it below
        else:
            X = check_array(X, dtype=np.float64, estimator=self)
            validate_n_features(self, X, reset=False)
        if n_neighbors > self.n_samples_fit_:
            asked = n_neighbors - 1 if query_is_train else n_neighbors
            raise ValueError(
                f"Expected n_neighbors <= n_samples_fit, but n_neighbors = {asked}, "
                f"n_samples_fit = {self.n_samples_fit_}, n_samples = {X.shape[0]}."
            )

        if self._fit_method == "kd_tree":
            dist, ind = self._tree.query(X, k=n_neighbors)
        else:
            dist, ind = kneighbors_brute(self._fit_X, X, n_neighbors, self._p)

        if query_is_train:
            # Drop each sample from its own list. With duplicates the sample may be
            # missing from it: then drop the first entry instead (as scikit-learn).
            keep = ind != np.arange(X.shape[0])[:, None]
            missing = keep.all(axis=1)
            keep[missing, 0] = False
            shape = (X.shape[0], n_neighbors - 1)
            dist, ind = dist[keep].reshape(shape), ind[keep].reshape(shape)
        return (dist, ind) if return_distance else ind

    def _neighbor_weights(self, dist):
        # uniform: None (all 1); distance: w = 1 / d, and a query that coincides with
        # training points gives them all the weight (1) and the others 0.
        if self.weights in (None, "uniform"):
            return None
        if self.weights == "distance":
            with np.errstate(divide="ignore"):
                weights = 1.0 / dist
            exact = np.isinf(weights)
            rows = exact.any(axis=1)
            weights[rows] = exact[rows]
            return weights
        return self.weights(dist)
