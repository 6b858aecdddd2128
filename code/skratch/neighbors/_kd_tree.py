"""The k-d tree: nearest neighbours without measuring every distance.

*Build*: split the points in two at the median of their widest coordinate, and
recurse on each half until a node holds at most ``leaf_size`` points. Each node keeps
the bounding box of its points.

*Query* (branch and bound): keep, for each query, the ``k`` best points found so far.
Visit the child whose box is nearer first; visit the other only if its box is nearer
than the current ``k``-th best (otherwise no point inside it can enter the list: the
whole branch is *pruned*). Leaves are searched by brute force.

Here a whole batch of queries walks the tree together, so every step is a NumPy
operation on many queries at once, never a loop over queries: all queries descend
to their own leaf, one level per step, and its points give each query a first
bound; then the (query, node) pairs of one level are tested against the bound
together, and the pairs that survive at the leaves are searched in chunks.

Read more in the book: k-nearest neighbours
<https://skratch-ml.github.io/skratch/book/expert/k-nearest-neighbours.html>
"""

from numbers import Integral, Real

import numpy as np

from ..utils.validation import check_array, check_scalar
from ._base import _rdist_to_dist, _sort_neighbors

__all__ = ["KDTree"]

# (query, leaf) pairs searched at a time: their distances, (pairs, leaf_size),
# then fit in the processor's cache, which is faster than one big array.
_PAIRS_PER_CHUNK = 4096


def _box_rdist(Q, lower, upper, p):
    # Reduced distance from each query to the nearest point of the box
    # [lower, upper]:
    #   gap_j = max(lower_j - q_j, 0, q_j - upper_j),  rdist = sum_j gap_j^p
    # No point inside the box can be closer: it is the bound that prunes.
    # gap has shape (n_queries, n_features).
    gap = np.maximum(np.maximum(lower - Q, Q - upper), 0.0)
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
        start, end, children, split_dim = [], [], [], []
        lower, upper = [], []

        def make_node(lo, hi):
            # One node over idx_array[lo:hi]; returns its number.
            node = len(start)
            points = X[self.idx_array[lo:hi]]
            start.append(lo), end.append(hi), children.append([-1, -1])
            split_dim.append(-1)
            lower.append(points.min(axis=0)), upper.append(points.max(axis=0))
            if hi - lo <= self.leaf_size:
                return node
            # the widest coordinate
            dim = int(np.argmax(upper[node] - lower[node]))
            # Median split: argpartition puts the median point at position
            # mid, the smaller half before it and the larger after (linear
            # time, no sort).
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
        # Each leaf's points as a row of one table, padded with a point at
        # infinity (index n_points), so many leaves are searched in one step.
        self._n_points = X.shape[0]
        infinity = np.full(X.shape[1], np.inf)
        self._padded_columns = np.vstack([X, infinity]).T.copy()
        size = self.node_end - self.node_start
        slot = np.arange(size[self.node_children[:, 0] == -1].max())
        last = X.shape[0] - 1
        position = np.minimum(self.node_start[:, None] + slot, last)
        # (n_nodes, max_leaf); the rows of internal nodes are never read
        self._leaf_points = np.where(
            slot < size[:, None], self.idx_array[position], X.shape[0]
        )

    def _check_queries(self, X):
        X = check_array(X, dtype=np.float64, estimator="KDTree")
        if X.shape[1] != self.data.shape[1]:
            raise ValueError(
                f"X has {X.shape[1]} features, but KDTree is expecting "
                f"{self.data.shape[1]} features as input."
            )
        return X

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
        X = self._check_queries(X)
        check_scalar(k, "k", Integral, min_val=1, caller_name="KDTree.query")
        if k > self.data.shape[0]:
            raise ValueError(
                f"k must be less than or equal to the number of training points: "
                f"got k={k} for {self.data.shape[0]} points."
            )
        n_queries = X.shape[0]
        # 1. Each query descends to the leaf it falls in; that leaf's k nearest
        #    points give a first bound (the k-th best reduced distance).
        own_leaf = self._descend(X)
        rdist, ind = _merge_k_best(
            np.full((n_queries, k), np.inf),
            np.full((n_queries, k), self._n_points),  # the padding point
            *self._leaf_rdist(X, np.arange(n_queries), own_leaf),
        )
        # 2. Every other leaf whose box is within the bound may hold a closer
        #    point: search them all by brute force, keep the points within the
        #    bound, and merge them with the k best of step 1.
        queries, leaves, _ = self._leaves_within(X, rdist[:, -1])
        other = leaves != own_leaf[queries]
        found_q, found_ind, found_rdist = self._points_within(
            X, queries[other], leaves[other], rdist[:, -1]
        )
        rdist, ind = _k_best_of_runs(
            np.concatenate([np.repeat(np.arange(n_queries), k), found_q]),
            np.concatenate([rdist.ravel(), found_rdist]),
            np.concatenate([ind.ravel(), found_ind]),
            k,
        )
        if return_distance:
            return _rdist_to_dist(rdist, self.p), ind
        return ind

    def query_radius(self, X, r, return_distance=False):
        """Find the indexed points within distance ``r`` of each row of ``X``.

        Parameters
        ----------
        X : array-like of shape (n_queries, n_features)
            Query points.
        r : float
            The radius (points at distance exactly ``r`` are included).
        return_distance : bool, default=False
            Also return the distances.

        Returns
        -------
        ind : ndarray of shape (n_queries,), dtype=object
            For each query, the indices of its neighbours, in increasing order.
        dist : ndarray of shape (n_queries,), dtype=object
            Their distances. Only if ``return_distance``.
        """
        X = self._check_queries(X)
        check_scalar(r, "r", Real, min_val=0, caller_name="KDTree.query_radius")
        queries, ind, rdist = self._radius_pairs(X, r)
        order = np.lexsort((ind, queries))  # each query's points in index order
        queries, ind, rdist = queries[order], ind[order], rdist[order]
        splits = np.searchsorted(queries, np.arange(1, X.shape[0]))
        ind_lists = np.empty(X.shape[0], dtype=object)
        ind_lists[:] = np.split(ind, splits)
        if not return_distance:
            return ind_lists
        dist_lists = np.empty(X.shape[0], dtype=object)
        dist_lists[:] = np.split(_rdist_to_dist(rdist, self.p), splits)
        return ind_lists, dist_lists

    def _radius_pairs(self, X, r):
        # All pairs (query, point) with dist <= r, grouped by query (the points of
        # a query in no particular order):
        # the leaves whose box is within r, searched by brute force, their points
        # kept when within r. (X is validated.)
        r_rdist = r if self.p == 1 or np.isinf(self.p) else r**self.p
        bound = np.full(X.shape[0], r_rdist)
        queries, leaves, _ = self._leaves_within(X, bound)
        found_q, found_ind, found_rdist = self._points_within(X, queries, leaves, bound)
        order = np.argsort(found_q, kind="stable")
        return found_q[order], found_ind[order], found_rdist[order]

    def _descend(self, X):
        # The leaf each query falls in: all queries go down one level per step,
        # left when their coordinate is below the middle of the gap between the
        # two children's boxes (the median split).
        left, right = self.node_children.T
        dim = np.maximum(self.node_split_dim, 0)
        middle = (self.node_upper[left, dim] + self.node_lower[right, dim]) / 2
        node = np.zeros(X.shape[0], dtype=np.intp)
        active = np.arange(X.shape[0]) if left[0] != -1 else node[:0]
        while active.size:
            here = node[active]
            goes_left = X[active, dim[here]] <= middle[here]
            node[active] = np.where(goes_left, left[here], right[here])
            active = active[left[node[active]] != -1]
        return node

    def _leaves_within(self, X, bound):
        # All pairs (query, leaf) whose leaf box is within the query's bound
        # (a reduced distance), and that box distance. Breadth first: the pairs
        # of one level are tested together, the survivors' children make the
        # next level's pairs; a subtree whose box is too far is never entered.
        queries = np.arange(X.shape[0])
        nodes = np.zeros(X.shape[0], dtype=np.intp)
        found_q, found_leaf, found_box = [], [], []
        while queries.size:
            box = _box_rdist(
                X[queries], self.node_lower[nodes], self.node_upper[nodes], self.p
            )
            near = box <= bound[queries]
            queries, nodes, box = queries[near], nodes[near], box[near]
            leaf = self.node_children[nodes, 0] == -1
            found_q.append(queries[leaf])
            found_leaf.append(nodes[leaf])
            found_box.append(box[leaf])
            queries = np.repeat(queries[~leaf], 2)
            nodes = self.node_children[nodes[~leaf]].ravel()
        return tuple(np.concatenate(a) for a in (found_q, found_leaf, found_box))

    def _points_within(self, X, queries, leaves, bound):
        # For pairs (query, leaf), the leaf's points within the query's bound, as
        # flat (query, point, reduced distance) arrays. Pairs go a chunk at a
        # time so the (pairs, leaf points) distances stay small, in cache.
        found = []
        for start in range(0, len(queries), _PAIRS_PER_CHUNK):
            q = queries[start : start + _PAIRS_PER_CHUNK]
            leaf = leaves[start : start + _PAIRS_PER_CHUNK]
            rdist, ind = self._leaf_rdist(X, q, leaf)
            pair, slot = np.nonzero(rdist <= bound[q, None])
            found.append((q[pair], ind[pair, slot], rdist[pair, slot]))
        if not found:
            return np.zeros(0, np.intp), np.zeros(0, np.intp), np.zeros(0)
        return tuple(np.concatenate(a) for a in zip(*found))

    def _leaf_rdist(self, X, queries, leaves):
        # Reduced distances from each query to the points of its paired leaf,
        # (n_pairs, max_leaf), with the indices of those points. Leaves are
        # padded to one width with a point at infinity (index n_points). One
        # feature at a time: memory stays (n_pairs, max_leaf).
        ind = self._leaf_points[leaves]  # (n_pairs, max_leaf)
        rdist = np.zeros(ind.shape)
        for j, column in enumerate(self._padded_columns):
            gap = np.abs(X[queries, j, None] - column[ind])
            if np.isinf(self.p):
                np.maximum(rdist, gap, out=rdist)
            else:
                rdist += gap if self.p == 1 else gap**self.p
        return rdist, ind


def _k_best_of_runs(queries, rdist, ind, k):
    # The k best candidates of each query, from flat arrays in which every query
    # has at least k: sort by query, then distance, then index, and keep the
    # first k of each query's run. Returns (n_queries, k) arrays.
    order = np.lexsort((ind, rdist, queries))
    queries = queries[order]
    rank = np.arange(len(queries)) - np.searchsorted(queries, queries)
    keep = order[rank < k]
    return rdist[keep].reshape(-1, k), ind[keep].reshape(-1, k)


def _merge_k_best(best_rdist, best_ind, rdist, ind):
    # Merge candidates (n, m) into the k best so far (n, k): sort each row by
    # distance, equal distances by index, and keep the first k.
    k = best_rdist.shape[1]
    rdist, ind = _sort_neighbors(
        np.hstack([best_rdist, rdist]), np.hstack([best_ind, ind])
    )
    return rdist[:, :k], ind[:, :k]
