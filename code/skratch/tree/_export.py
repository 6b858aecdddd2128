"""Print a fitted decision tree as indented text, in scikit-learn's ``export_text`` format.

Read more in the book: Decision trees
<https://skratch-ml.github.io/skratch/book/expert/decision-trees.html>
"""

from numbers import Integral

import numpy as np

from ..utils.validation import check_is_fitted, check_scalar
from ._classes import DecisionTreeClassifier
from ._tree import TREE_LEAF

__all__ = ["export_text"]


def _subtree_depth(tree, node):
    # Levels of nodes below and including `node` (a leaf alone counts 1).
    if tree.children_left[node] == TREE_LEAF:
        return 1
    return 1 + max(
        _subtree_depth(tree, tree.children_left[node]),
        _subtree_depth(tree, tree.children_right[node]),
    )


def export_text(
    decision_tree,
    *,
    feature_names=None,
    class_names=None,
    max_depth=10,
    spacing=3,
    decimals=2,
    show_weights=False,
):
    """Return the rules of a fitted decision tree as indented text.

    Each internal node prints two lines, ``name <= threshold`` (its left branch,
    indented below it) and ``name >  threshold`` (its right branch); each leaf prints
    its class (classifier) or ``value: [mean]`` (regressor).

    Parameters
    ----------
    decision_tree : DecisionTreeClassifier or DecisionTreeRegressor
        A fitted tree (anything with ``tree_`` in the same layout, such as scikit-learn's).
    feature_names : list of str, default=None
        One name per feature; None prints ``feature_0``, ``feature_1``, ...
    class_names : list of str, default=None
        One name per class, in the order of ``classes_``; None prints ``classes_``.
    max_depth : int, default=10
        Deeper branches are printed as "truncated branch of depth k".
    spacing : int, default=3
        Width of one level of indentation.
    decimals : int, default=2
        Digits after the point for thresholds and values.
    show_weights : bool, default=False
        Classifiers: also print the weighted class counts of each leaf.

    Returns
    -------
    report : str
        The tree, one line per branch or leaf.

    See Also
    --------
    sklearn.tree.export_text : The scikit-learn function this one reproduces.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.tree import DecisionTreeRegressor, export_text
    >>> X = np.array([[1.0], [2.0], [3.0], [10.0]])
    >>> reg = DecisionTreeRegressor(max_depth=1).fit(X, [1.0, 1.0, 2.0, 8.0])
    >>> print(export_text(reg, feature_names=["size"]))
    |--- size <= 6.50
    |   |--- value: [1.33]
    |--- size >  6.50
    |   |--- value: [8.00]
    <BLANKLINE>
    """
    check_is_fitted(decision_tree, "tree_")
    check_scalar(max_depth, "max_depth", Integral, min_val=0, caller_name="export_text")
    check_scalar(spacing, "spacing", Integral, min_val=1, caller_name="export_text")
    check_scalar(decimals, "decimals", Integral, min_val=0, caller_name="export_text")
    tree = decision_tree.tree_
    is_classifier = hasattr(decision_tree, "classes_")
    if is_classifier:
        if class_names is None:
            class_names = decision_tree.classes_
        elif len(class_names) != len(decision_tree.classes_):
            raise ValueError(
                f"class_names must contain {len(decision_tree.classes_)} elements (one "
                f"per class), got {len(class_names)}."
            )
    if feature_names is None:
        feature_names = [f"feature_{j}" for j in range(tree.n_features)]
    elif len(feature_names) != tree.n_features:
        raise ValueError(
            f"feature_names must contain {tree.n_features} elements, got "
            f"{len(feature_names)}."
        )

    def leaf_line(node, indent):
        value = tree.value[node][0]  # (n_classes,) fractions, or (1,) mean
        fmt = "{:.%df}" % decimals
        if not is_classifier:
            return f"{indent} value: [{', '.join(fmt.format(v) for v in value)}]\n"
        text = ""
        if show_weights:
            weights = value * tree.weighted_n_node_samples[node]
            text = f" weights: [{', '.join(fmt.format(v) for v in weights)}]"
        return f"{indent}{text} class: {class_names[np.argmax(value)]}\n"

    lines = []

    def recurse(node, depth):
        # "|   |   |---": one "|" plus spacing per level, the last one drawn as dashes
        indent = ("|" + " " * spacing) * depth
        indent = indent[:-spacing] + "-" * spacing
        if depth > max_depth + 1:
            subtree = _subtree_depth(tree, node)
            if subtree == 1:
                lines.append(leaf_line(node, indent))
            else:
                lines.append(f"{indent} truncated branch of depth {subtree}\n")
            return
        if tree.children_left[node] == TREE_LEAF:
            lines.append(leaf_line(node, indent))
            return
        name = feature_names[tree.feature[node]]
        threshold = "{:.{}f}".format(tree.threshold[node], decimals)
        lines.append(f"{indent} {name} <= {threshold}\n")
        recurse(tree.children_left[node], depth + 1)
        lines.append(f"{indent} {name} >  {threshold}\n")
        recurse(tree.children_right[node], depth + 1)

    recurse(0, 1)
    return "".join(lines)
