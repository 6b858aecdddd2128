"""Minimal cost-complexity pruning of a grown tree (Breiman et al., ch. 3).

A subtree :math:`T` costs :math:`R_\\alpha(T) = R(T) + \\alpha |T|`, with
:math:`R(T)` the weighted impurity of its leaves and :math:`|T|` their number.
The weakest link is the internal node :math:`t` whose branch :math:`T_t` gains
least per leaf, :math:`\\alpha_t = (R(t) - R(T_t)) / (|T_t| - 1)`; pruning cuts
it repeatedly while :math:`\\alpha_t` is at most ``ccp_alpha``. The steps follow
scikit-learn's ``_cost_complexity_prune``, addition for addition, so that ties
between equal links are broken as there (the lowest node id first).

Read more in the book: Decision trees
<https://skratch-ml.github.io/skratch/book/expert/decision-trees.html>
"""

import numpy as np

from ._tree import TREE_LEAF, Tree

__all__ = ["ccp_pruning_path", "prune_tree"]


def _parents(tree):
    # parent[t] of every node, -1 at the root
    parent = np.full(tree.node_count, -1)
    internal = np.flatnonzero(tree.children_left != TREE_LEAF)
    parent[tree.children_left[internal]] = internal
    parent[tree.children_right[internal]] = internal
    return parent


def _ancestors(parent, node):
    # the chain parent(node), parent(parent(node)), ..., root
    chain = []
    node = parent[node]
    while node != -1:
        chain.append(node)
        node = parent[node]
    return np.array(chain, dtype=np.intp)


def _descendants(tree, node):
    # every node of the branch below ``node`` (not ``node`` itself)
    found, level = [], np.array([node])
    while level.size:
        level = level[tree.children_left[level] != TREE_LEAF]
        level = np.concatenate(
            [tree.children_left[level], tree.children_right[level]]
        )
        found.append(level)
    return np.concatenate(found)


def _prune(tree, ccp_alpha):
    """Cut weakest links while alpha_t <= ccp_alpha; return (leaf mask, path)."""
    w = tree.weighted_n_node_samples
    r_node = w * tree.impurity / w[0]  # R(t) = (w_t / W) I(t)
    parent = _parents(tree)
    is_leaf = tree.children_left == TREE_LEAF
    # R(T_t) and |T_t|: each leaf, in id order, adds to all its ancestors
    r_branch = np.where(is_leaf, r_node, 0.0)
    n_leaves = np.zeros(tree.node_count, dtype=np.intp)
    for leaf in np.flatnonzero(is_leaf):
        up = _ancestors(parent, leaf)
        r_branch[up] += r_node[leaf]
        n_leaves[up] += 1
    candidate = ~is_leaf
    alphas, impurities = [0.0], [r_branch[0]]
    while candidate[0]:
        with np.errstate(divide="ignore", invalid="ignore"):
            alpha = (r_node - r_branch) / (n_leaves - 1)
        alpha = np.where(candidate, alpha, np.inf)
        t = int(np.argmin(alpha))  # the first weakest link
        if alpha[t] > ccp_alpha:
            break
        below = _descendants(tree, t)
        candidate[below] = is_leaf[below] = False
        candidate[t], is_leaf[t] = False, True
        n_pruned, n_leaves[t] = n_leaves[t] - 1, 0
        r_diff = r_node[t] - r_branch[t]
        r_branch[t] = r_node[t]
        up = _ancestors(parent, t)
        n_leaves[up] -= n_pruned
        r_branch[up] += r_diff
        alphas.append(alpha[t])
        impurities.append(r_branch[0])
    return is_leaf, np.array(alphas), np.array(impurities)


def ccp_pruning_path(tree):
    """Return the effective alphas and leaf impurities along the pruning path."""
    _, alphas, impurities = _prune(tree, np.inf)
    return {"ccp_alphas": alphas, "impurities": impurities}


def prune_tree(tree, ccp_alpha):
    """Return the subtree kept by ``ccp_alpha``, renumbered depth first."""
    leaf, _, _ = _prune(tree, ccp_alpha)
    # preorder walk of the kept nodes (left before right), one node a step
    order, stack = [], [0]
    while stack:
        t = stack.pop()
        order.append(t)
        if not leaf[t]:
            stack += [tree.children_right[t], tree.children_left[t]]
    order = np.array(order, dtype=np.intp)
    new_id = np.full(tree.node_count, TREE_LEAF)
    new_id[order] = np.arange(len(order))
    kept_leaf = leaf[order]
    left = np.where(kept_leaf, TREE_LEAF, new_id[tree.children_left[order]])
    right = np.where(kept_leaf, TREE_LEAF, new_id[tree.children_right[order]])
    depth = np.zeros(len(order), dtype=np.intp)
    for i in range(len(order)):  # parents come before their children
        if left[i] != TREE_LEAF:
            depth[left[i]] = depth[right[i]] = depth[i] + 1
    return Tree(
        n_features=tree.n_features,
        n_classes=int(tree.n_classes[0]),
        children_left=left,
        children_right=right,
        feature=np.where(kept_leaf, -2, tree.feature[order]),
        threshold=np.where(kept_leaf, -2.0, tree.threshold[order]),
        value=tree.value[order],
        impurity=tree.impurity[order],
        n_node_samples=tree.n_node_samples[order],
        weighted_n_node_samples=tree.weighted_n_node_samples[order],
        max_depth=int(depth.max()),
    )
