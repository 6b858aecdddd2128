"""Growing a CART tree with a vectorised best-split search.

The textbook recursion grows one node at a time: sort the node's samples by
each feature, sweep the sorted values while accumulating class counts (or
sums of ``y``) on the left, and score every threshold between two distinct
consecutive values. That is O(n log n) per feature and node, and
scikit-learn runs it in compiled code.

In NumPy a Python call per node would be slow (a fully grown tree on 10,000
samples has thousands of nodes), so ``Splitter.node_splits`` runs the *same*
search for many nodes at once:

1. Sort every feature once, for the whole fit (``argsort``). Row ``j`` of
   ``order`` lists the samples by increasing ``X[:, j]``.
2. Keep the rows partitioned by node: the samples of each node sit in one
   segment ``[start, end)`` of every row, still sorted by that row's
   feature. Segments are at the same positions in every row.
3. Cumulative sums along the rows, minus their value at the segment start,
   give the left child's statistics for *every* threshold of every node and
   feature; the proxy (``_criterion``) scores them all, invalid thresholds
   get ``-inf``, and a segmented maximum (``np.maximum.reduceat``) picks
   each node's best split.
4. Children replace their parent in the rows by a stable partition (left
   samples first), computed from a cumulative count, so their segments stay
   sorted: nothing is re-sorted.

Two builders use the search, as in scikit-learn. ``build_depth_first``
searches every open node of a level at once (levels, not nodes, cost a
Python iteration), then numbers the nodes depth first (left before right).
``build_best_first`` (``max_leaf_nodes``) splits, one at a time, the
frontier leaf whose split decreases the impurity most; it searches the two
children of each split together and numbers nodes in the order it makes
them, as scikit-learn's ``BestFirstTreeBuilder`` does.

Read more in the book: Decision trees
<https://skratch-ml.github.io/skratch/book/expert/decision-trees.html>
"""

from collections import namedtuple

import numpy as np

from ._criterion import CLASSIFICATION, REGRESSION
from ._tree import TREE_LEAF, TREE_UNDEFINED, Tree

__all__ = [
    "Splitter", "build_best_first", "build_depth_first", "build_tree",
]

# Values closer than this count as equal: no threshold between them
# (scikit-learn's FEATURE_THRESHOLD), and a node whose impurity is at most
# EPSILON is pure.
FEATURE_THRESHOLD = 1e-7
EPSILON = np.finfo(np.float64).eps


def _segment_ids(sizes):
    # sizes (n_nodes,) -> node of each position (sum(sizes),), and starts
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.intp)
    return np.repeat(np.arange(len(sizes)), sizes), starts


def _choose_features(Xs, starts, ends, max_features, rng):
    # Each node draws max_features features without replacement, skipping
    # features that are constant in it (scikit-learn's splitter keeps
    # drawing until it has visited max_features non-constant ones). Returns
    # (n_nodes, m) features and a validity mask.
    n_features, n_nodes = Xs.shape[0], len(starts)
    # (n_nodes, d)
    constant = (Xs[:, ends - 1] <= Xs[:, starts] + FEATURE_THRESHOLD).T
    keys = rng.random((n_nodes, n_features)) + constant  # constants last
    chosen = np.argsort(keys, axis=1)[:, :max_features]  # (n_nodes, m)
    valid = ~np.take_along_axis(constant, chosen, axis=1)
    return chosen, valid


class Splitter:
    """The data, the criterion and the stopping rules of one fit.

    ``node_splits`` finds the statistics and the best split of a batch of
    nodes; the builders decide which nodes to search and how to number them.
    Parameters as in ``build_tree``.
    """

    def __init__(self, X, y, sample_weight, *, n_classes, criterion,
                 max_depth, min_samples_split, min_samples_leaf,
                 min_weight_leaf, max_features, min_impurity_decrease,
                 rng):
        n_samples = X.shape[0]
        self.X, self.sample_weight, self.rng = X, sample_weight, rng
        self.n_classes = n_classes
        self.classification = n_classes > 0
        table = CLASSIFICATION if self.classification else REGRESSION
        self.impurity_fn, self.proxy_fn = table[criterion]
        # per-sample statistics: weighted one-hot classes (n, K), or w y
        if self.classification:
            self.stats = np.zeros((n_samples, n_classes))
            self.stats[np.arange(n_samples), y] = sample_weight
            self.sq_stats = None
        else:
            self.stats = (sample_weight * y)[:, None]  # (n, 1)
            self.sq_stats = sample_weight * y * y
        # W, added up sample by sample as scikit-learn does
        self.total_weight = np.cumsum(sample_weight)[-1]
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split
        self.min_samples_leaf = min_samples_leaf
        self.min_weight_leaf = min_weight_leaf
        self.max_features = max_features
        self.min_impurity_decrease = min_impurity_decrease

    def node_stats(self, samples, starts):
        """Weights, class counts (or sums), impurities of the segments."""
        w = np.add.reduceat(self.sample_weight[samples], starts)
        sums = np.add.reduceat(self.stats[samples], starts, axis=0)
        if self.classification:
            return w, sums, None, self.impurity_fn(sums, w)
        sq = np.add.reduceat(self.sq_stats[samples], starts)
        return w, sums, sq, self.impurity_fn(sums, w, sq)

    def node_splits(self, order, Xs, starts, ends, depth):
        """Statistics and best split of the nodes in segments of the rows.

        ``order`` and ``Xs`` (n_features, n) hold the nodes' samples and
        their values, each node a segment ``[starts[i], ends[i])`` sorted by
        the row's feature; the segments cover the rows. Returns a dict of
        the nodes' statistics and one of their splits: ``feature``,
        ``threshold``, ``n_left`` (samples sent left) and ``improvement``
        (the weighted impurity decrease, ``-inf`` for a leaf).
        """
        w, sums, sq, impurity = self.node_stats(order[0], starts)
        n_node = ends - starts
        nodes = {
            "value": sums / w[:, None],
            "impurity": impurity,
            "n_node_samples": n_node,
            "weighted_n_node_samples": w,
        }
        is_leaf = (
            (depth >= self.max_depth)
            | (n_node < self.min_samples_split)
            | (n_node < 2 * self.min_samples_leaf)
            | (w < 2 * self.min_weight_leaf)
            | (impurity <= EPSILON)
        )
        n_nodes = len(starts)
        split = {
            "feature": np.full(n_nodes, TREE_UNDEFINED),
            "threshold": np.full(n_nodes, float(TREE_UNDEFINED)),
            "n_left": np.zeros(n_nodes, dtype=np.intp),
            "improvement": np.full(n_nodes, -np.inf),
        }
        open_ = np.flatnonzero(~is_leaf)
        if len(open_) == 0:
            return nodes, split
        keep = np.repeat(~is_leaf, n_node)
        node_pos, starts_open = _segment_ids(n_node[open_])
        found = self.best_splits(
            order[:, keep], Xs[:, keep], node_pos, starts_open,
            starts_open + n_node[open_], sums[open_], w[open_],
            None if sq is None else sq[open_], impurity[open_],
        )
        keys = ("feature", "threshold", "n_left", "improvement")
        for key, values in zip(keys, found):  # best_splits' order
            split[key][open_] = values
        return nodes, split

    def best_splits(self, order, Xs, node_pos, starts, ends, node_sums,
                    node_w, node_sq, impurity):
        """The best split of each node: every threshold scored at once.

        The arrays hold only nodes that may split (``node_pos``: the node of
        each position). Returns ``feature``, ``threshold``, ``n_left`` and
        ``improvement`` (``-inf`` where no threshold is valid).
        """
        n_features, n = order.shape
        cols = np.arange(n)
        chosen = None
        if self.max_features < n_features:
            chosen, chosen_valid = _choose_features(
                Xs, starts, ends, self.max_features, self.rng
            )
            rows = chosen[node_pos].T  # (m, n): the node's j-th feature
            order, Xs = order[rows, cols], Xs[rows, cols]
        n_rows = order.shape[0]

        # Left statistics of "split after p" = cum[:, p + 1] - cum[:, start]
        cum = np.zeros((n_rows, n + 1, self.stats.shape[1]))
        np.cumsum(self.stats[order], axis=1, out=cum[:, 1:])
        cum_w = np.zeros((n_rows, n + 1))
        np.cumsum(self.sample_weight[order], axis=1, out=cum_w[:, 1:])
        seg_start = starts[node_pos]  # (n,)
        left = cum[:, 1:] - cum[:, seg_start]  # (R, n, C)
        right = node_sums[node_pos] - left
        w_left = cum_w[:, 1:] - cum_w[:, seg_start]  # (R, n)
        w_right = node_w[node_pos] - w_left
        n_left = cols - seg_start + 1  # (n,): the same in every row
        n_right = ends[node_pos] - cols - 1

        # Only between two distinct values (sorted: the next one is larger),
        # and leaving enough samples and weight on each side.
        valid = np.zeros((n_rows, n), dtype=bool)
        valid[:, :-1] = Xs[:, 1:] > Xs[:, :-1] + FEATURE_THRESHOLD
        min_leaf = self.min_samples_leaf
        valid &= ((n_left >= min_leaf) & (n_right >= min_leaf))[None]
        if self.min_weight_leaf > 0:
            valid &= w_left >= self.min_weight_leaf
            valid &= w_right >= self.min_weight_leaf
        if chosen is not None:
            valid &= chosen_valid[node_pos].T
        with np.errstate(divide="ignore", invalid="ignore"):
            score = self.proxy_fn(left, w_left, right, w_right)
        proxy = np.where(valid, score, -np.inf)

        # Each node's best: segmented max, first row, then first position.
        row_best = np.maximum.reduceat(proxy, starts, axis=1)  # (R, nodes)
        best_row = np.argmax(row_best, axis=0)  # (n_nodes,)
        best = row_best[best_row, np.arange(len(starts))]
        at_best = proxy[best_row[node_pos], cols] == best[node_pos]
        hits = np.flatnonzero(at_best)  # the max is always attained
        first = np.concatenate([[True], np.diff(node_pos[hits]) != 0])
        r, p = best_row, hits[first]

        x_lo, x_hi = Xs[r, p], Xs[r, np.minimum(p + 1, n - 1)]
        threshold = x_lo / 2.0 + x_hi / 2.0
        # Rounding can land the midpoint on the upper value: use the lower.
        bad = (threshold == x_hi) | ~np.isfinite(threshold)
        threshold = np.where(bad, x_lo, threshold)
        feature = r if chosen is None else chosen[np.arange(len(r)), r]

        q_left = None
        if not self.classification:  # sum of w y^2 on the left: masked
            sq = self.sq_stats[order[r[node_pos], cols]]
            sq = np.where(cols <= p[node_pos], sq, 0.0)
            q_left = np.add.reduceat(sq, starts)
        improvement = self.improvement(
            left[r, p], w_left[r, p], node_sums, node_w, impurity,
            q_left, node_sq,
        )
        improvement = np.where(best > -np.inf, improvement, -np.inf)
        return feature, threshold, n_left[p], improvement

    def improvement(self, left, w_left, node_sums, node_w, impurity,
                    q_left, node_sq):
        """Weighted impurity decrease of a split, scikit-learn's formula."""
        # (w / W) (I(t) - w_R / w I(R) - w_L / w I(L)), added up in
        # scikit-learn's order: equal splits get bit-equal improvements
        right, w_right = node_sums - left, node_w - w_left
        if self.classification:
            i_left = self.impurity_fn(left, w_left)
            i_right = self.impurity_fn(right, w_right)
        else:
            i_left = self.impurity_fn(left, w_left, q_left)
            i_right = self.impurity_fn(right, w_right, node_sq - q_left)
        return (node_w / self.total_weight) * (
            impurity - w_right / node_w * i_right - w_left / node_w * i_left
        )


def _partition(X, order, Xs, starts, feature, threshold):
    """Put each segment's left samples first; every row stays sorted."""
    n_features, n = order.shape
    sizes = np.diff(np.append(starts, n))
    node_pos = np.repeat(np.arange(len(starts)), sizes)
    samples = order[0]
    goes_left = X[samples, feature[node_pos]] <= threshold[node_pos]
    n_goes_left = np.add.reduceat(goes_left.astype(np.intp), starts)
    by_sample = np.zeros(X.shape[0], dtype=bool)
    by_sample[samples] = goes_left
    G = by_sample[order]  # (d, n): does this position's sample go left?
    cum_left = np.zeros((n_features, n + 1), dtype=np.intp)
    np.cumsum(G, axis=1, out=cum_left[:, 1:])
    seg_start = starts[node_pos]
    rank_left = cum_left[:, :-1] - cum_left[:, seg_start]  # lefts before
    rank_right = (np.arange(n) - seg_start) - rank_left
    first_right = seg_start + n_goes_left[node_pos]
    new_pos = np.where(G, seg_start + rank_left, first_right + rank_right)
    flat = (new_pos + np.arange(n_features)[:, None] * n).ravel()
    new_order, new_Xs = np.empty(order.size, order.dtype), np.empty(Xs.size)
    new_order[flat] = order.ravel()
    new_Xs[flat] = Xs.ravel()
    shape = (n_features, n)
    return new_order.reshape(shape), new_Xs.reshape(shape)


def build_depth_first(splitter, order, Xs):
    """Grow level by level, every open node of a level searched at once.

    The tree is scikit-learn's ``DepthFirstTreeBuilder``'s: each node is
    split by its best split until a stopping rule makes it a leaf; the
    order of the search does not matter, so levels are grown together and
    numbered depth first at the end (``_to_tree``).
    """
    n = order.shape[1]
    starts, ends = np.array([0]), np.array([n])
    levels, next_id, depth = [], 1, 0
    while True:
        nodes, split = splitter.node_splits(order, Xs, starts, ends, depth)
        gain = split["improvement"] + EPSILON
        is_split = gain >= splitter.min_impurity_decrease
        ids = np.flatnonzero(is_split)
        children = next_id + 2 * np.arange(len(ids))
        nodes["children_left"] = np.full(len(starts), TREE_LEAF)
        nodes["children_right"] = np.full(len(starts), TREE_LEAF)
        nodes["children_left"][ids] = children
        nodes["children_right"][ids] = children + 1
        feature = np.where(is_split, split["feature"], TREE_UNDEFINED)
        threshold = np.where(is_split, split["threshold"], TREE_UNDEFINED)
        nodes["feature"], nodes["threshold"] = feature, threshold
        levels.append(nodes)
        if len(ids) == 0:
            break
        next_id, depth = next_id + 2 * len(ids), depth + 1

        # The split nodes' samples, each node cut in two (left first).
        keep = np.repeat(is_split, ends - starts)
        sizes = (ends - starts)[ids]
        _, starts = _segment_ids(sizes)
        order, Xs = _partition(
            splitter.X, order[:, keep], Xs[:, keep], starts,
            feature[ids], threshold[ids],
        )
        n_left = split["n_left"][ids]
        sizes = np.column_stack([n_left, sizes - n_left]).ravel()
        _, starts = _segment_ids(sizes)
        ends = starts + sizes
    return _to_tree(levels, splitter)


def _to_tree(levels, splitter):
    # Concatenate the levels (breadth-first ids), then renumber depth
    # first: a node's position is its parent's + 1 (left child) or + 1 +
    # the size of the left subtree.
    arrays = {
        key: np.concatenate([lv[key] for lv in levels]) for key in levels[0]
    }
    bounds = np.cumsum([0] + [len(lv["impurity"]) for lv in levels])
    left, right = arrays["children_left"], arrays["children_right"]
    node_count = bounds[-1]

    size = np.ones(node_count, dtype=np.intp)  # subtree sizes, bottom-up
    for lo, hi in zip(bounds[-2::-1], bounds[:0:-1]):
        internal = lo + np.flatnonzero(left[lo:hi] != TREE_LEAF)
        size[internal] += size[left[internal]] + size[right[internal]]
    position = np.zeros(node_count, dtype=np.intp)  # preorder, top-down
    for lo, hi in zip(bounds[:-1], bounds[1:]):
        internal = lo + np.flatnonzero(left[lo:hi] != TREE_LEAF)
        position[left[internal]] = position[internal] + 1
        skip = 1 + size[left[internal]]
        position[right[internal]] = position[internal] + skip

    out = {}
    for key, values in arrays.items():
        out[key] = np.empty_like(values)
        out[key][position] = values
    for key in ("children_left", "children_right"):
        child = arrays[key]
        leaf = child == TREE_LEAF
        out[key][position] = np.where(leaf, TREE_LEAF, position[child])
    return _make_tree(out, splitter, max_depth=len(levels) - 1)


def _make_tree(arrays, splitter, max_depth):
    value = arrays.pop("value")[:, None, :]  # (node_count, 1, n_classes)
    return Tree(
        n_features=splitter.X.shape[1],
        n_classes=max(splitter.n_classes, 1),
        value=value,
        max_depth=max_depth,
        **arrays,
    )


# A node on the frontier of best-first growth, keyed on its improvement.
Record = namedtuple(
    "Record", "improvement node start end n_left depth is_leaf"
)


def _sift_up(heap, hole, top, record):
    # libstdc++'s __push_heap: move the hole up past smaller parents
    parent = (hole - 1) // 2
    while hole > top and heap[parent].improvement < record.improvement:
        heap[hole] = heap[parent]
        hole, parent = parent, (parent - 1) // 2
    heap[hole] = record


def heap_push(heap, record):
    """std::push_heap on a max-heap of improvements (libstdc++ steps)."""
    heap.append(record)
    _sift_up(heap, len(heap) - 1, 0, record)


def heap_pop(heap):
    """std::pop_heap: the largest improvement; ties pop as in libstdc++."""
    top, last = heap[0], heap.pop()
    n = len(heap)
    if n == 0:
        return top
    # __adjust_heap: the hole left at the root sinks to a leaf along the
    # larger children, then ``last`` sifts up from there
    hole = child = 0
    while child < (n - 1) // 2:
        child = 2 * (child + 1)
        if heap[child].improvement < heap[child - 1].improvement:
            child -= 1
        heap[hole] = heap[child]
        hole = child
    if n % 2 == 0 and child == (n - 2) // 2:
        child = 2 * (child + 1)
        heap[hole] = heap[child - 1]
        hole = child - 1
    _sift_up(heap, hole, 0, last)
    return top


def _add_nodes(splitter, tree, order, Xs, lo, sizes, depth):
    # Make the nodes of the segments at lo, lo + sizes[0], ... (their ids
    # are the next ones) with their best splits; return their records.
    hi = lo + sum(sizes)
    _, starts = _segment_ids(np.asarray(sizes))
    nodes, split = splitter.node_splits(
        order[:, lo:hi], Xs[:, lo:hi], starts, starts + sizes, depth
    )
    gain = split["improvement"] + EPSILON
    is_leaf = gain < splitter.min_impurity_decrease
    records = []
    for i, start in enumerate(lo + starts):
        records.append(Record(
            0.0 if is_leaf[i] else split["improvement"][i],
            len(tree["impurity"]), start, start + sizes[i],
            split["n_left"][i], depth, is_leaf[i],
        ))
        for key in nodes:
            tree[key].append(nodes[key][i])
        tree["feature"].append(split["feature"][i])
        tree["threshold"].append(split["threshold"][i])
        tree["children_left"].append(TREE_LEAF)
        tree["children_right"].append(TREE_LEAF)
    return records


def build_best_first(splitter, order, Xs, max_leaf_nodes):
    """Grow the frontier leaf whose split decreases the impurity most.

    scikit-learn's ``BestFirstTreeBuilder``: a node's best split is found
    when the node is made; the frontier is a max-heap on the improvement
    (0 for a node that cannot split), popped with libstdc++'s steps so
    that equal improvements come out in scikit-learn's order. Up to
    ``max_leaf_nodes - 1`` splits; nodes are numbered as they are made.
    """
    keys = ("value", "impurity", "n_node_samples",
            "weighted_n_node_samples", "feature", "threshold",
            "children_left", "children_right")
    tree = {key: [] for key in keys}
    frontier, n_splits_left, max_depth = [], max_leaf_nodes - 1, 0
    n = order.shape[1]
    root, = _add_nodes(splitter, tree, order, Xs, 0, [n], 0)
    heap_push(frontier, root)
    while frontier:
        node = heap_pop(frontier)
        max_depth = max(max_depth, node.depth)
        if node.is_leaf or n_splits_left <= 0:
            tree["feature"][node.node] = TREE_UNDEFINED
            tree["threshold"][node.node] = TREE_UNDEFINED
            continue
        n_splits_left -= 1
        s, e = node.start, node.end
        order[:, s:e], Xs[:, s:e] = _partition(
            splitter.X, order[:, s:e], Xs[:, s:e], np.array([0]),
            np.array([tree["feature"][node.node]]),
            np.array([tree["threshold"][node.node]]),
        )
        sizes = [node.n_left, e - s - node.n_left]
        left, right = _add_nodes(
            splitter, tree, order, Xs, s, sizes, node.depth + 1
        )
        tree["children_left"][node.node] = left.node
        tree["children_right"][node.node] = right.node
        heap_push(frontier, left)
        heap_push(frontier, right)
    arrays = {key: np.array(values) for key, values in tree.items()}
    return _make_tree(arrays, splitter, max_depth)


def build_tree(X, y, sample_weight, *, n_classes, criterion, max_depth,
               min_samples_split, min_samples_leaf, min_weight_leaf,
               max_features, min_impurity_decrease, rng, X_order=None,
               max_leaf_nodes=None):
    """Grow a tree on ``X`` and return it as a ``Tree`` of flat arrays.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features), float64
    y : ndarray of shape (n_samples,)
        Class indices ``0 .. n_classes - 1`` (classification) or targets.
    sample_weight : ndarray of shape (n_samples,)
        Non-negative; samples of weight 0 are left out (as in scikit-learn).
    n_classes : int
        Number of classes, or 0 for regression.
    criterion : str
        A key of ``_criterion.CLASSIFICATION`` or ``_criterion.REGRESSION``.
    max_depth, min_samples_split, min_samples_leaf : int
        Resolved stopping rules (``max_depth`` may be ``np.inf``).
    min_weight_leaf : float
        Minimum total weight of a leaf.
    max_features : int
        Features searched per node.
    min_impurity_decrease : float
        Split only if the weighted impurity decrease reaches this.
    rng : numpy.random.Generator
        Draws the features when ``max_features < n_features``.
    X_order : ndarray of shape (n_features, n_samples), default=None
        ``np.argsort(X, axis=0).T``, when the caller reuses it across trees.
    max_leaf_nodes : int or None, default=None
        None grows depth first; an int grows best first, up to this many
        leaves (scikit-learn's two builders).
    """
    splitter = Splitter(
        X, y, sample_weight, n_classes=n_classes, criterion=criterion,
        max_depth=max_depth, min_samples_split=min_samples_split,
        min_samples_leaf=min_samples_leaf, min_weight_leaf=min_weight_leaf,
        max_features=max_features,
        min_impurity_decrease=min_impurity_decrease, rng=rng,
    )
    n_features = X.shape[1]
    if X_order is None:
        X_order = np.argsort(X, axis=0, kind="stable").T
    # (d, n): the samples of non-zero weight by increasing X[:, j], and
    # their sorted values
    order = X_order[sample_weight[X_order] > 0].reshape(n_features, -1)
    Xs = np.take_along_axis(X.T, order, axis=1)
    if max_leaf_nodes is None:
        return build_depth_first(splitter, order, Xs)
    return build_best_first(splitter, order, Xs, max_leaf_nodes)
