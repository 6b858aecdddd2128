"""Growing a CART tree, one level at a time, with a vectorised best-split search.

The textbook recursion grows one node at a time: sort the node's samples by each
feature, sweep the sorted values while accumulating class counts (or sums of ``y``) on
the left, and score every threshold between two distinct consecutive values. That is
O(n log n) per feature and node, and scikit-learn runs it in compiled code.

In NumPy a Python call per node would be slow (a fully grown tree on 10,000 samples has
thousands of nodes), so we run the *same* search for every open node of a level at once:

1. Sort every feature once, for the whole fit (``argsort``). Row ``j`` of ``order`` lists
   the samples by increasing ``X[:, j]``.
2. Keep the rows partitioned by node: the samples of each open node sit in one segment
   ``[start, end)`` of every row, still sorted by that row's feature. Segments are at the
   same positions in every row, so one ``node_pos`` array says which node each
   position belongs to.
3. Cumulative sums along the rows, minus their value at the segment start, give the
   left child's statistics for *every* threshold of every node and feature; the proxy
   (``_criterion``) scores them all, invalid thresholds get ``-inf``, and a segmented
   maximum (``np.maximum.reduceat``) picks each node's best split.
4. Children replace their parent in the rows by a stable partition (left samples first),
   computed from a cumulative count, so their segments stay sorted: nothing is re-sorted.

Per node this is still "sort once, scan cumulative counts"; levels, not nodes, cost a
Python iteration. Nodes are numbered breadth first while growing, then renumbered depth
first (left before right) as scikit-learn numbers them.

Read more in the book: Decision trees
<https://skratch-ml.github.io/skratch/book/expert/decision-trees.html>
"""

import numpy as np

from ._criterion import CLASSIFICATION, REGRESSION
from ._tree import TREE_LEAF, TREE_UNDEFINED, Tree

__all__ = ["build_tree"]

# Values closer than this count as equal: no threshold between them (scikit-learn's
# FEATURE_THRESHOLD), and a node whose impurity is at most EPSILON is pure.
FEATURE_THRESHOLD = 1e-7
EPSILON = np.finfo(np.float64).eps


def _segment_ids(sizes):
    # sizes (n_nodes,) -> (sum(sizes),) node index of each position, and segment starts
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    return np.repeat(np.arange(len(sizes)), sizes), starts


def _choose_features(Xs, starts, ends, max_features, rng):
    # Each node draws max_features features without replacement, skipping features that
    # are constant in it (scikit-learn's splitter keeps drawing until it has visited
    # max_features non-constant ones). Returns (n_nodes, m) features and a validity mask.
    n_features, n_nodes = Xs.shape[0], len(starts)
    constant = (Xs[:, ends - 1] <= Xs[:, starts] + FEATURE_THRESHOLD).T  # (n_nodes, d)
    keys = rng.random((n_nodes, n_features)) + constant  # constants sort last
    chosen = np.argsort(keys, axis=1)[:, :max_features]  # (n_nodes, m)
    valid = ~np.take_along_axis(constant, chosen, axis=1)
    return chosen, valid


def build_tree(
    X,
    y,
    sample_weight,
    *,
    n_classes,
    criterion,
    max_depth,
    min_samples_split,
    min_samples_leaf,
    min_weight_leaf,
    max_features,
    min_impurity_decrease,
    rng,
    X_order=None,
):
    """Grow a tree on ``X`` and return it as a ``Tree`` of flat arrays.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features), float64
    y : ndarray of shape (n_samples,)
        Class indices ``0 .. n_classes - 1`` (classification) or float targets.
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
    """
    n_samples, n_features = X.shape
    classification = n_classes > 0
    impurity_fn, proxy_fn = (CLASSIFICATION if classification else REGRESSION)[criterion]

    # Per-sample statistics: weighted one-hot class indicators (n_samples, K), or w * y.
    if classification:
        stats = np.zeros((n_samples, n_classes))
        stats[np.arange(n_samples), y] = sample_weight
    else:
        stats = (sample_weight * y)[:, None]  # (n_samples, 1)
        sq_stats = sample_weight * y * y

    if X_order is None:
        X_order = np.argsort(X, axis=0, kind="stable").T
    order = X_order[sample_weight[X_order] > 0].reshape(n_features, -1)  # (d, n)
    Xs = np.take_along_axis(X.T, order, axis=1)  # (d, n) sorted values per feature
    feature_rows = np.arange(n_features)[:, None]
    goes_left_by_sample = np.zeros(n_samples, dtype=bool)

    n = order.shape[1]
    node_pos = np.zeros(n, dtype=np.intp)  # which open node each position belongs to
    starts, ends = np.array([0]), np.array([n])
    total_weight = sample_weight.sum()

    levels = []  # per level: dict of arrays for its nodes, numbered consecutively
    next_id, depth = 1, 0
    while len(starts):
        # --- the statistics of this level's nodes (fresh sums, not differences) ---
        samples = order[0]
        node_w = np.add.reduceat(sample_weight[samples], starts)  # (n_nodes,)
        node_stats = np.add.reduceat(stats[samples], starts, axis=0)  # (n_nodes, C)
        if classification:
            impurity = impurity_fn(node_stats, node_w)
            value = node_stats / node_w[:, None]
        else:
            node_sq = np.add.reduceat(sq_stats[samples], starts)
            impurity = impurity_fn(node_stats, node_w, node_sq)
            value = node_stats / node_w[:, None]
        n_node = ends - starts
        n_nodes = len(starts)
        level = {
            "value": value,
            "impurity": impurity,
            "n_node_samples": n_node,
            "weighted_n_node_samples": node_w,
            "children_left": np.full(n_nodes, TREE_LEAF),
            "children_right": np.full(n_nodes, TREE_LEAF),
            "feature": np.full(n_nodes, TREE_UNDEFINED),
            "threshold": np.full(n_nodes, float(TREE_UNDEFINED)),
        }
        levels.append(level)

        # --- which nodes may split at all: the stopping rules ---
        can_split = ~(
            (depth >= max_depth)
            | (n_node < min_samples_split)
            | (n_node < 2 * min_samples_leaf)
            | (node_w < 2 * min_weight_leaf)
            | (impurity <= EPSILON)
        )
        split_nodes = np.flatnonzero(can_split)  # indices within the level
        if len(split_nodes) == 0:
            break
        keep = can_split[node_pos]
        order, Xs, node_pos = order[:, keep], Xs[:, keep], np.searchsorted(
            split_nodes, node_pos[keep]
        )
        n = order.shape[1]
        sizes = n_node[split_nodes]
        starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
        ends = starts + sizes
        node_w, node_stats = node_w[split_nodes], node_stats[split_nodes]

        # --- candidate rows: every feature, or max_features drawn per node ---
        if max_features < n_features:
            chosen, chosen_valid = _choose_features(Xs, starts, ends, max_features, rng)
            rows = chosen[node_pos].T  # (m, n): the j-th chosen feature of each node
            order_c, Xs_c = order[rows, np.arange(n)], Xs[rows, np.arange(n)]
        else:
            chosen, chosen_valid = None, None
            order_c, Xs_c = order, Xs

        # --- every threshold of every node scored, the best of each kept ---
        allowed = None if chosen_valid is None else chosen_valid[node_pos].T
        best_row, best_pos, best, threshold, left_best, w_left_best = (
            _best_splits(
                stats, sample_weight, order_c, Xs_c, starts, ends, node_pos,
                node_stats, node_w, proxy_fn, min_samples_leaf,
                min_weight_leaf, allowed,
            )
        )
        has_split = best > -np.inf
        feature = best_row if chosen is None else chosen[np.arange(len(starts)), best_row]

        if min_impurity_decrease > 0:
            has_split &= _improvement(
                left_best, w_left_best,
                node_stats, node_w, impurity[split_nodes],
                None if classification else _left_sq_sums(
                    sq_stats, order_c, best_row, best_pos, node_pos, starts
                ),
                None if classification else node_sq[split_nodes],
                impurity_fn, classification, total_weight,
            ) + EPSILON >= min_impurity_decrease

        # --- record the splits and number the children (left, right, left, ...) ---
        split = np.flatnonzero(has_split)
        ids = split_nodes[split]
        children = next_id + 2 * np.arange(len(split))
        level["children_left"][ids] = children
        level["children_right"][ids] = children + 1
        level["feature"][ids] = feature[split]
        level["threshold"][ids] = threshold[split]
        next_id += 2 * len(split)
        depth += 1
        if len(split) == 0:
            break

        # --- partition: children replace their parent, left samples first ---
        keep = has_split[node_pos]
        order, Xs, node_pos = order[:, keep], Xs[:, keep], np.searchsorted(
            split, node_pos[keep]
        )
        n = order.shape[1]
        starts, ends = starts[split], ends[split]
        starts = np.concatenate([[0], np.cumsum(ends - starts)[:-1]])
        samples = order[0]
        goes_left = (
            X[samples, feature[split][node_pos]] <= threshold[split][node_pos]
        )
        n_goes_left = np.add.reduceat(goes_left.astype(np.intp), starts)
        goes_left_by_sample[samples] = goes_left
        G = goes_left_by_sample[order]  # (d, n)
        cum_left = np.zeros((n_features, n + 1), dtype=np.intp)
        np.cumsum(G, axis=1, out=cum_left[:, 1:])
        seg_start = starts[node_pos]
        rank_left = cum_left[:, :-1] - cum_left[:, seg_start]  # lefts before p
        rank_right = (np.arange(n) - seg_start) - rank_left
        new_pos = np.where(
            G, seg_start + rank_left, (seg_start + n_goes_left[node_pos]) + rank_right
        )
        flat = (new_pos + feature_rows * n).ravel()
        new_order, new_Xs = np.empty(order.size, order.dtype), np.empty(Xs.size)
        new_order[flat] = order.ravel()
        new_Xs[flat] = Xs.ravel()
        order, Xs = new_order.reshape(n_features, n), new_Xs.reshape(n_features, n)
        sizes = np.column_stack([n_goes_left, np.diff(np.append(starts, n)) - n_goes_left])
        node_pos, starts = _segment_ids(sizes.ravel())
        ends = starts + sizes.ravel()

    return _to_tree(levels, n_features, max(n_classes, 1))


def _best_splits(stats, weight, order, Xs, starts, ends, node_pos,
                 node_stats, node_w, proxy_fn, min_samples_leaf,
                 min_weight_leaf, allowed=None):
    """Score every threshold of every node at once; keep each node's best.

    Row ``r`` of ``order`` and ``Xs`` (shape (R, n)) lists samples and their
    values of one feature, sorted within each node's segment; ``node_pos``
    gives the node of each position. Returns, per node, the best row and
    position, its proxy score (``-inf`` if no split is allowed), the
    midpoint threshold, and the left child's statistics and weight.
    """
    n_rows, n = order.shape
    # Left statistics of "split after position p": running sums along each
    # row, minus their value at the segment start. cum[:, p] sums the
    # positions < p: (R, n + 1, C) and (R, n + 1).
    cum = np.zeros((n_rows, n + 1, stats.shape[1]))
    np.cumsum(stats[order], axis=1, out=cum[:, 1:])
    cum_w = np.zeros((n_rows, n + 1))
    np.cumsum(weight[order], axis=1, out=cum_w[:, 1:])
    seg_start = starts[node_pos]  # (n,)
    left = cum[:, 1:] - cum[:, seg_start]  # (R, n, C)
    right = node_stats[node_pos] - left
    w_left = cum_w[:, 1:] - cum_w[:, seg_start]  # (R, n)
    w_right = node_w[node_pos] - w_left
    n_left = np.arange(n) - seg_start + 1  # (n,) the same in every row
    n_right = ends[node_pos] - np.arange(n) - 1

    # Only between two distinct values (sorted, so the next is larger),
    # and leaving enough samples (and weight) on each side.
    valid = np.zeros((n_rows, n), dtype=bool)
    valid[:, :-1] = Xs[:, 1:] > Xs[:, :-1] + FEATURE_THRESHOLD
    enough = (n_left >= min_samples_leaf) & (n_right >= min_samples_leaf)
    valid &= enough[None]
    if min_weight_leaf > 0:
        valid &= (w_left >= min_weight_leaf) & (w_right >= min_weight_leaf)
    if allowed is not None:
        valid &= allowed
    with np.errstate(divide="ignore", invalid="ignore"):
        score = proxy_fn(left, w_left, right, w_right)
    proxy = np.where(valid, score, -np.inf)

    # The best split of each node: segmented max, first row, first position.
    row_best = np.maximum.reduceat(proxy, starts, axis=1)  # (R, n_nodes)
    best_row = np.argmax(row_best, axis=0)  # (n_nodes,)
    best = row_best[best_row, np.arange(len(starts))]
    at_best = proxy[best_row[node_pos], np.arange(n)] == best[node_pos]
    hits = np.flatnonzero(at_best)
    # one hit per node (the max is always attained): the first of each
    best_pos = hits[np.concatenate([[True], np.diff(node_pos[hits]) != 0])]

    x_lo = Xs[best_row, best_pos]
    x_hi = Xs[best_row, np.minimum(best_pos + 1, n - 1)]
    threshold = x_lo / 2.0 + x_hi / 2.0
    # Rounding can land the midpoint on the upper value: use the lower.
    threshold = np.where(
        (threshold == x_hi) | ~np.isfinite(threshold), x_lo, threshold
    )
    return (best_row, best_pos, best, threshold,
            left[best_row, best_pos], w_left[best_row, best_pos])


def _left_sq_sums(sq_stats, order_c, best_row, best_pos, node_pos, starts):
    # q_L = sum of w y^2 over the left child of each chosen split (a masked segment sum)
    n = order_c.shape[1]
    vals = sq_stats[order_c[best_row[node_pos], np.arange(n)]]
    vals = np.where(np.arange(n) <= best_pos[node_pos], vals, 0.0)
    return np.add.reduceat(vals, starts)


def _improvement(left, w_left, node_stats, node_w, impurity, q_left, q_node, impurity_fn,
                 classification, total_weight):
    # Delta = (w / W) * (I(t) - w_L / w I(L) - w_R / w I(R)), scikit-learn's definition
    right, w_right = node_stats - left, node_w - w_left
    if classification:
        i_left, i_right = impurity_fn(left, w_left), impurity_fn(right, w_right)
    else:
        i_left = impurity_fn(left, w_left, q_left)
        i_right = impurity_fn(right, w_right, q_node - q_left)
    return (node_w / total_weight) * (
        impurity - w_left / node_w * i_left - w_right / node_w * i_right
    )


def _to_tree(levels, n_features, n_classes):
    # Concatenate the levels (breadth-first ids), then renumber depth first: a node's
    # position is its parent's + 1 (left child) or + 1 + size of the left subtree.
    arrays = {key: np.concatenate([lv[key] for lv in levels]) for key in levels[0]}
    bounds = np.cumsum([0] + [len(lv["impurity"]) for lv in levels])
    left, right = arrays["children_left"], arrays["children_right"]
    node_count = bounds[-1]

    size = np.ones(node_count, dtype=np.intp)  # subtree sizes, bottom-up
    for lo, hi in zip(bounds[-2::-1], bounds[:0:-1]):
        internal = lo + np.flatnonzero(left[lo:hi] != TREE_LEAF)
        size[internal] += size[left[internal]] + size[right[internal]]
    position = np.zeros(node_count, dtype=np.intp)  # preorder positions, top-down
    for lo, hi in zip(bounds[:-1], bounds[1:]):
        internal = lo + np.flatnonzero(left[lo:hi] != TREE_LEAF)
        position[left[internal]] = position[internal] + 1
        position[right[internal]] = position[internal] + 1 + size[left[internal]]

    out = {}
    for key, values in arrays.items():
        out[key] = np.empty_like(values)
        out[key][position] = values
    for key in ("children_left", "children_right"):
        child = arrays[key]
        out[key][position] = np.where(child == TREE_LEAF, TREE_LEAF, position[child])
    value = out.pop("value")[:, None, :]  # (node_count, n_outputs=1, n_classes)
    return Tree(
        n_features=n_features,
        n_classes=n_classes,
        value=value,
        max_depth=len(levels) - 1,
        **out,
    )
