"""The fitted tree as flat arrays, the layout of scikit-learn's ``tree_``.

Node ``i`` is described by the ``i``-th entry of each array: its children
(``children_left[i]``, ``children_right[i]``, ``-1`` at a leaf), the test it applies
(``X[:, feature[i]] <= threshold[i]`` goes left), and what it predicts (``value[i]``).
Node 0 is the root and nodes are numbered depth first, left before right. Prediction
walks all samples down the tree together: one NumPy step per level, not per sample
(the samples that reach a leaf drop out of the arrays).

Read more in the book: Decision trees
<https://skratch-ml.github.io/skratch/book/expert/decision-trees.html>
"""

import numpy as np

__all__ = ["TREE_LEAF", "TREE_UNDEFINED", "Tree"]

TREE_LEAF = -1  # children_left / children_right of a leaf
TREE_UNDEFINED = -2  # feature (and threshold) of a leaf


class Tree:
    """A binary decision tree stored in parallel arrays (one entry per node).

    Parameters
    ----------
    n_features : int
        Number of features of the data it was grown on.
    n_classes : int
        Number of classes (1 for regression).
    children_left, children_right : ndarray of shape (node_count,)
        Node ids of the children, ``TREE_LEAF`` (-1) for leaves.
    feature : ndarray of shape (node_count,)
        Feature tested at each internal node, ``TREE_UNDEFINED`` (-2) at leaves.
    threshold : ndarray of shape (node_count,)
        Threshold of each internal node's test, -2.0 at leaves.
    value : ndarray of shape (node_count, 1, n_classes)
        Class fractions (classification) or the mean target (regression) of the
        training samples that reach each node, weighted by ``sample_weight``.
    impurity : ndarray of shape (node_count,)
        Impurity of each node, by the tree's criterion.
    n_node_samples : ndarray of shape (node_count,)
        Training samples (of non-zero weight) reaching each node.
    weighted_n_node_samples : ndarray of shape (node_count,)
        Their total weight.
    max_depth : int
        Depth of the deepest leaf (the root alone has depth 0).
    """

    def __init__(self, *, n_features, n_classes, children_left, children_right,
                 feature, threshold, value, impurity, n_node_samples,
                 weighted_n_node_samples, max_depth):
        self.n_features = n_features
        self.n_classes = np.array([n_classes])
        self.n_outputs = 1
        self.children_left = children_left
        self.children_right = children_right
        self.feature = feature
        self.threshold = threshold
        self.value = value
        self.impurity = impurity
        self.n_node_samples = n_node_samples
        self.weighted_n_node_samples = weighted_n_node_samples
        self.max_depth = max_depth

    @property
    def node_count(self):
        return len(self.children_left)

    @property
    def n_leaves(self):
        return int(np.sum(self.children_left == TREE_LEAF))

    def apply(self, X):
        """Return the id of the leaf each sample of ``X`` (validated, 2-D) lands in."""
        n_samples, n_features = X.shape
        X_flat = np.ascontiguousarray(X).ravel()  # X[i, j]: X_flat[i * n_features + j]
        # children[2 * t] is node t's left child, children[2 * t + 1] its right one.
        children = np.column_stack([self.children_left, self.children_right]).ravel()
        leaf = np.zeros(n_samples, dtype=np.intp)
        # The rows still at an internal node, and that node: each step moves them
        # all one level down; the rows that reach a leaf leave the arrays.
        root_is_leaf = self.children_left[0] == TREE_LEAF
        rows = leaf[:0] if root_is_leaf else np.arange(n_samples)
        node = np.zeros(rows.size, dtype=np.intp)
        while rows.size:
            value = X_flat[rows * n_features + self.feature[node]]
            node = children[2 * node + (value > self.threshold[node])]
            done = self.children_left[node] == TREE_LEAF
            leaf[rows[done]] = node[done]
            rows, node = rows[~done], node[~done]
        return leaf

    def predict(self, X):
        """Return ``value`` of the leaf of each sample: (n_samples, 1, n_classes)."""
        return self.value[self.apply(X)]

    def decision_path(self, X):
        """Return a boolean (n_samples, node_count) matrix: the nodes each sample visits."""
        path = np.zeros((X.shape[0], self.node_count), dtype=bool)
        node = np.zeros(X.shape[0], dtype=np.intp)
        rows = np.arange(X.shape[0])
        feature = np.maximum(self.feature, 0)
        path[rows, node] = True
        for _ in range(self.max_depth):
            left = self.children_left[node]
            internal = left != TREE_LEAF
            goes_left = X[rows, feature[node]] <= self.threshold[node]
            node = np.where(internal, np.where(goes_left, left, self.children_right[node]), node)
            path[rows, node] = True
        return path

    def compute_feature_importances(self, normalize=True):
        """Return the total weighted impurity decrease brought by each feature.

        For an internal node :math:`t` with children :math:`L, R`, the decrease is
        :math:`w_t I(t) - w_L I(L) - w_R I(R)`; each feature sums the decreases of the
        nodes that test it, divided by the root's weight, then (``normalize``) by the
        total so the importances add up to 1.
        """
        internal = np.flatnonzero(self.children_left != TREE_LEAF)
        left, right = self.children_left[internal], self.children_right[internal]
        w, imp = self.weighted_n_node_samples, self.impurity
        decrease = w[internal] * imp[internal] - w[left] * imp[left] - w[right] * imp[right]
        importances = np.bincount(
            self.feature[internal], weights=decrease, minlength=self.n_features
        ).astype(np.float64)
        importances /= w[0]
        if normalize:
            total = importances.sum()
            if total > 0.0:
                importances /= total
        return importances
