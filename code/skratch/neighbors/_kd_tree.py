"""The k-d tree: nearest neighbours without measuring every distance.

*Build*: split the points in two at the median of their widest coordinate, and
recurse on each half until a node holds at most ``leaf_size`` points. Each node keeps
the bounding box of its points.

*Query* (branch and bound): keep, for each query, the ``k`` best points found so far.
Visit the child whose box is nearer first; visit the other only if its box is nearer
than the current ``k``-th best (otherwise no point inside it can enter the list: the
whole branch is *pruned*). Leaves are searched by brute force.

Here a whole batch of queries walks the tree together: a node is visited with the
array of queries that still need it, so every step is a NumPy operation on many
queries at once, and the recursion is over nodes, never over queries.

Read more in the book: k-nearest neighbours
<https://skratch-ml.github.io/skratch/book/expert/k-nearest-neighbours.html>
"""

from numbers import Integral, Real

import numpy as np

from ..utils.validation import check_array, check_scalar
from ._base import _rdist_direct, _rdist_to_dist, _sort_neighbors

__all__ = ["KDTree"]


def _box_rdist(Q, lower, upper, p):
    # Reduced distance from each query to the nearest point of the box [lower, upper]:
    #   gap_j = max(lower_j - q_j, 0, q_j - upper_j),  rdist = sum_j gap_j^p
    # No point inside the box can be closer than this: it is the bound that prunes.
    gap = np.maximum(np.maximum(lower - Q, Q - upper), 0.0)  # (n_queries, n_features)
    if np.isinf(p):
        return gap.max(axis=1)
    return (gap if p == 1 else gap**p).sum(axis=1)


class KDTree:
    r"""A k-d tree over the rows of ``X``, for fast nearest-neighbour queries.

    Read more in the book: k-nearest neighbours
    <https://skratch-ml.github.io/skratch/book/expert/k-nearest-neighbours.html>

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The points to index.

    leaf_size : int, default=40
        A node with at most ``leaf_size`` points is a leaf, searched by brute force.
        Small leaves prune more but mean more nodes to visit.

    p : float, default=2
        Minkowski power of the distance, ``>= 1``: 1 is Manhattan, 2 Euclidean,
        ``np.inf`` Chebyshev.

    Attributes
    ----------
    data : ndarray of shape (n_samples, n_features)
        The indexed points.

    idx_array : ndarray of shape (n_samples,)
        Point indices, reordered so that each node's points are the contiguous slice
        ``idx_array[node_start[i]:node_end[i]]``.

    node_start, node_end : ndarray of shape (n_nodes,)
        Slice of ``idx_array`` held by each node.

    node_children : ndarray of shape (n_nodes, 2)
        Left and right child of each node; ``-1`` for a leaf. Node 0 is the root.

    node_split_dim : ndarray of shape (n_nodes,)
        The coordinate each internal node splits on (its widest); ``-1`` for a leaf.

    node_lower, node_upper : ndarray of shape (n_nodes, n_features)
        Bounding box of each node's points.

    See Also
    --------
    sklearn.neighbors.KDTree : scikit-learn's tree (in Cython), same idea.

    Notes
    -----
    Splitting at the median keeps the tree balanced: its depth is about
    :math:`\log_2(n / \text{leaf\_size})`. Pruning works because a Minkowski
    distance with :math:`p \ge 1` is a true distance: a point in a box is never
    closer to a query than the box itself. It pays off in low dimensions; in high
    dimensions almost every box is "near" every query and the tree visits most
    leaves (the curse of dimensionality), so brute force wins.

    References
    ----------
    .. [1] J. L. Bentley, "Multidimensional binary search trees used for associative
       searching", Communications of the ACM 18(9), 1975.
    .. [2] J. H. Friedman, J. L. Bentley, R. A. Finkel, "An algorithm for finding
       best matches in logarithmic expected time", ACM Transactions on Mathematical
       Software 3(3), 1977.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.neighbors import KDTree
    >>> X = np.array([[0.0, 0.0], [1.0, 0.0], [5.0, 5.0],
    ...               [6.0, 5.0], [0.0, 1.0]])
    >>> tree = KDTree(X, leaf_size=2)
    >>> dist, ind = tree.query([[0.2, 0.1], [5.5, 4.0]], k=2)
    >>> ind
    array([[0, 1],
           [2, 3]])
    >>> dist.round(3)
    array([[0.224, 0.806],
           [1.118, 1.118]])
    """

    def __init__(self, X, leaf_size=40, p=2):
        self.data = check_array(X, dtype=np.float64, estimator="KDTree")
        self.leaf_size = check_scalar(
            leaf_size, "leaf_size", Integral, min_val=1, caller_name="KDTree"
        )
        self.p = check_scalar(p, "p", Real, min_val=1, caller_name="KDTree")
        self._build()

    def _build(self):
        X = self.data
        self.idx_array = np.arange(X.shape[0])
        start, end, children, split_dim, lower, upper = [], [], [], [], [], []

        def make_node(lo, hi):
            # One node over idx_array[lo:hi]; returns its number.
            node = len(start)
            points = X[self.idx_array[lo:hi]]
            start.append(lo), end.append(hi), children.append([-1, -1])
            split_dim.append(-1)
            lower.append(points.min(axis=0)), upper.append(points.max(axis=0))
            if hi - lo <= self.leaf_size:
                return node
            dim = int(np.argmax(upper[node] - lower[node]))  # the widest coordinate
            # Median split: argpartition puts the median point at position mid, the
            # smaller half before it and the larger after (linear time, no sort).
            mid = (lo + hi) // 2
            order = np.argpartition(points[:, dim], mid - lo)
            self.idx_array[lo:hi] = self.idx_array[lo:hi][order]
            split_dim[node] = dim
            left = make_node(lo, mid)
            right = make_node(mid, hi)
            children[node] = [left, right]
            return node

        make_node(0, X.shape[0])
        self.node_start = np.array(start)
        self.node_end = np.array(end)
        self.node_children = np.array(children)
        self.node_split_dim = np.array(split_dim)
        self.node_lower = np.array(lower)
        self.node_upper = np.array(upper)

    def query(self, X, k=1, return_distance=True):
        """Find the ``k`` nearest indexed points of each row of ``X``.

        Parameters
        ----------
        X : array-like of shape (n_queries, n_features)
            Query points.
        k : int, default=1
            Number of neighbours, at most the number of indexed points.
        return_distance : bool, default=True
            Also return the distances.

        Returns
        -------
        dist : ndarray of shape (n_queries, k)
            Distances, increasing along each row. Only if ``return_distance``.
        ind : ndarray of shape (n_queries, k)
            Indices of the neighbours in ``data``; equal distances ordered by index.
        """
        X = check_array(X, dtype=np.float64, estimator="KDTree")
        if X.shape[1] != self.data.shape[1]:
            raise ValueError(
                f"X has {X.shape[1]} features, but KDTree is expecting "
                f"{self.data.shape[1]} features as input."
            )
        check_scalar(k, "k", Integral, min_val=1, caller_name="KDTree.query")
        if k > self.data.shape[0]:
            raise ValueError(
                f"k must be less than or equal to the number of training points: "
                f"got k={k} for {self.data.shape[0]} points."
            )
        # The best k so far, per query, unsorted: reduced distances and indices.
        best_rdist = np.full((X.shape[0], k), np.inf)
        best_ind = np.full((X.shape[0], k), -1, dtype=np.intp)
        self._visit(0, np.arange(X.shape[0]), X, best_rdist, best_ind)
        rdist, ind = _sort_neighbors(best_rdist, best_ind)
        if return_distance:
            return _rdist_to_dist(rdist, self.p), ind
        return ind

    def _visit(self, node, queries, X, best_rdist, best_ind):
        # Bound: keep only the queries for which this node's box is nearer than
        # their current k-th best; for the others the whole subtree is pruned.
        Q = X[queries]
        box = _box_rdist(Q, self.node_lower[node], self.node_upper[node], self.p)
        near = box < best_rdist[queries].max(axis=1)
        queries, Q = queries[near], Q[near]
        if len(queries) == 0:
            return
        left, right = self.node_children[node]
        if left == -1:
            self._search_leaf(node, queries, Q, best_rdist, best_ind)
            return
        # Branch: each query goes first to the child whose box is nearer to it (the
        # one it most likely finds its neighbours in), then to the other.
        to_left = _box_rdist(
            Q, self.node_lower[left], self.node_upper[left], self.p
        ) <= _box_rdist(Q, self.node_lower[right], self.node_upper[right], self.p)
        for child, group in [
            (left, to_left), (right, ~to_left), (right, to_left), (left, ~to_left)
        ]:
            self._visit(child, queries[group], X, best_rdist, best_ind)

    def _search_leaf(self, node, queries, Q, best_rdist, best_ind):
        # Brute force on the leaf's points, merged with the best k so far.
        points = self.idx_array[self.node_start[node] : self.node_end[node]]
        rdist = _rdist_direct(Q, self.data[points], self.p)  # (n_queries, n_points)
        cand_rdist = np.hstack([best_rdist[queries], rdist])
        cand_ind = np.hstack([best_ind[queries], np.broadcast_to(points, rdist.shape)])
        k = best_rdist.shape[1]
        keep = np.argpartition(cand_rdist, k - 1, axis=1)[:, :k]
        best_rdist[queries] = np.take_along_axis(cand_rdist, keep, 1)
        best_ind[queries] = np.take_along_axis(cand_ind, keep, 1)
