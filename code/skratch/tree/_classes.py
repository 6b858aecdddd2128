"""Decision trees (CART): a sequence of yes/no questions about one feature at a time.

A tree splits the data in two by a threshold on one feature, choosing the feature and
threshold that make the two halves purest (Gini or entropy for classes, squared error
for numbers), and splits each half again until a stopping rule says stop. A new sample
is answered by walking down the questions to a leaf: the leaf's class fractions or mean.

Read more in the book: Decision trees
<https://skratch-ml.github.io/skratch/book/expert/decision-trees.html>
"""

from math import ceil
from numbers import Integral, Real

import numpy as np

from ..base import BaseEstimator, ClassifierMixin, RegressorMixin
from ..utils.multiclass import check_classification_targets
from ..utils.validation import (
    Interval,
    StrOptions,
    _check_sample_weight,
    check_array,
    check_is_fitted,
    check_random_state,
    check_X_y,
    validate_n_features,
)
from ..utils import Bunch
from ..utils.class_weight import _sample_weight
from ._prune import ccp_pruning_path, prune_tree
from ._splitter import build_tree

__all__ = ["DecisionTreeClassifier", "DecisionTreeRegressor"]


def clone_params(estimator, **changes):
    # a fresh unfitted copy of ``estimator`` with some parameters changed
    params = {**estimator.get_params(deep=False), **changes}
    return type(estimator)(**params)


def _resolve_max_features(max_features, n_features):
    # "sqrt" -> floor(sqrt(d)), "log2" -> floor(log2(d)), float -> floor(f d), at least 1
    if max_features is None:
        return n_features
    if max_features == "sqrt":
        return max(1, int(np.sqrt(n_features)))
    if max_features == "log2":
        return max(1, int(np.log2(n_features)))
    if isinstance(max_features, Integral):
        if max_features > n_features:
            raise ValueError(
                f"max_features must be in (0, n_features={n_features}], got "
                f"{max_features!r}."
            )
        return int(max_features)
    return max(1, int(max_features * n_features))


class BaseDecisionTree(BaseEstimator):
    """Shared parameters, fitting and tree access of the two decision trees."""

    _parameter_constraints = {
        "max_depth": [Interval(Integral, 1, None, closed="left"), None],
        "min_samples_split": [
            Interval(Integral, 2, None, closed="left"),
            Interval(Real, 0.0, 1.0, closed="right"),
        ],
        "min_samples_leaf": [
            Interval(Integral, 1, None, closed="left"),
            Interval(Real, 0.0, 1.0, closed="neither"),
        ],
        "min_weight_fraction_leaf": [Interval(Real, 0.0, 0.5, closed="both")],
        "max_features": [
            Interval(Integral, 1, None, closed="left"),
            Interval(Real, 0.0, 1.0, closed="right"),
            StrOptions({"sqrt", "log2"}),
            None,
        ],
        "random_state": ["random_state"],
        "min_impurity_decrease": [Interval(Real, 0.0, None, closed="left")],
        "ccp_alpha": [Interval(Real, 0.0, None, closed="left")],
        "max_leaf_nodes": [
            Interval(Integral, 2, None, closed="left"),
            None,
        ],
    }

    def _fit(self, X, y, sample_weight, n_classes, rng, X_order=None):
        """Grow ``tree_`` on validated data, ``y`` encoded (and for the
        ensembles, which pass their trees bootstrap weights)."""
        n_samples, n_features = X.shape
        # Fractions are of the training set; min_samples_split is at least
        # 2 and at least 2 * min_samples_leaf (each child needs
        # min_samples_leaf samples).
        if isinstance(self.min_samples_leaf, Integral):
            min_samples_leaf = int(self.min_samples_leaf)
        else:
            min_samples_leaf = ceil(self.min_samples_leaf * n_samples)
        if isinstance(self.min_samples_split, Integral):
            min_samples_split = int(self.min_samples_split)
        else:
            min_samples_split = max(
                2, ceil(self.min_samples_split * n_samples)
            )
        min_samples_split = max(min_samples_split, 2 * min_samples_leaf)
        self.max_features_ = _resolve_max_features(
            self.max_features, n_features
        )
        self.n_outputs_ = 1
        total_weight = sample_weight.sum()
        self.tree_ = build_tree(
            X,
            y,
            sample_weight,
            n_classes=n_classes,
            criterion=self.criterion,
            max_depth=np.inf if self.max_depth is None else self.max_depth,
            min_samples_split=min_samples_split,
            min_samples_leaf=min_samples_leaf,
            min_weight_leaf=self.min_weight_fraction_leaf * total_weight,
            max_features=self.max_features_,
            min_impurity_decrease=self.min_impurity_decrease,
            rng=rng,
            X_order=X_order,
            max_leaf_nodes=self.max_leaf_nodes,  # None: depth first
        )
        if self.ccp_alpha > 0.0:
            self.tree_ = prune_tree(self.tree_, self.ccp_alpha)
        return self

    def cost_complexity_pruning_path(self, X, y, sample_weight=None):
        """Compute the pruning path of minimal cost-complexity pruning.

        The tree is grown unpruned on ``(X, y)`` (this estimator's parameters,
        ``ccp_alpha=0``), then its weakest links are cut one at a time: each cut
        removes the branch :math:`T_t` with the smallest effective alpha
        :math:`\\alpha_t = (R(t) - R(T_t)) / (|T_t| - 1)`, where
        :math:`R(t) = \\frac{w_t}{W} I(t)` is a node's weighted impurity.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : array-like of shape (n_samples,)
            Targets (class labels or values).
        sample_weight : array-like of shape (n_samples,), default=None
            Sample weights.

        Returns
        -------
        ccp_path : Bunch
            ``ccp_alphas``, ndarray: the effective alphas of the subtrees along
            the path, increasing; ``impurities``, ndarray: the sum of the
            weighted impurities of each subtree's leaves.

        Examples
        --------
        >>> from sklearn.datasets import load_iris
        >>> from skratch.tree import DecisionTreeClassifier
        >>> X, y = load_iris(return_X_y=True)
        >>> clf = DecisionTreeClassifier(max_depth=2)
        >>> path = clf.cost_complexity_pruning_path(X, y)
        >>> path.ccp_alphas.round(4), path.impurities.round(4)
        (array([0.    , 0.2598, 0.3333]), array([0.0735, 0.3333, 0.6667]))
        """
        tree = clone_params(self, ccp_alpha=0.0).fit(X, y, sample_weight)
        return Bunch(**ccp_pruning_path(tree.tree_))

    def _validate_X_predict(self, X):
        check_is_fitted(self, "tree_")
        X = check_array(X, dtype=np.float64, estimator=self)
        validate_n_features(self, X, reset=False)
        return X

    def apply(self, X):
        """Return the index of the leaf that each sample ends up in.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)

        Returns
        -------
        X_leaves : ndarray of shape (n_samples,)
            Node ids (in ``tree_``) of the leaves.
        """
        X = self._validate_X_predict(X)
        return self.tree_.apply(X)

    def decision_path(self, X):
        """Return a boolean (n_samples, node_count) array of the nodes each sample visits."""
        X = self._validate_X_predict(X)
        return self.tree_.decision_path(X)

    def get_depth(self):
        """Return the depth of the tree (the root alone has depth 0)."""
        check_is_fitted(self, "tree_")
        return self.tree_.max_depth

    def get_n_leaves(self):
        """Return the number of leaves of the tree."""
        check_is_fitted(self, "tree_")
        return self.tree_.n_leaves

    @property
    def feature_importances_(self):
        """Normalised total impurity decrease brought by each feature (sums to 1)."""
        check_is_fitted(self, "tree_")
        return self.tree_.compute_feature_importances()


_PARAMETERS = """
    max_depth : int, default=None
        Maximum depth of the tree. If None, nodes are split until they are pure or
        hold fewer than ``min_samples_split`` samples.
    min_samples_split : int or float, default=2
        Minimum number of samples a node needs to be split (a float is a fraction of
        the training samples, rounded up).
    min_samples_leaf : int or float, default=1
        Minimum number of samples in each child of a split (a float is a fraction).
    min_weight_fraction_leaf : float, default=0.0
        Minimum fraction of the total sample weight in each leaf.
    max_features : int, float, {"sqrt", "log2"} or None, default=None
        Number of features searched for the best split at each node, drawn at random
        without replacement (features constant in the node do not count). None: all.
    random_state : int, numpy.random.Generator, RandomState or None, default=None
        Seeds the feature draws (only used when ``max_features`` is below the number
        of features).
    max_leaf_nodes : int, default=None
        Grow the tree best first, up to this many leaves: the leaf split next
        is the one whose best split has the largest weighted impurity
        decrease (``min_impurity_decrease``'s). None grows depth first with
        no limit on the number of leaves. Nodes are numbered in the order
        they are made, as scikit-learn numbers them.
    min_impurity_decrease : float, default=0.0
        Split a node only if the weighted impurity decrease
        :math:`\\frac{w_t}{W}\\big(I(t) - \\frac{w_L}{w_t} I(L) - \\frac{w_R}{w_t} I(R)\\big)`
        is at least this.
"""

_PRUNING = """
    ccp_alpha : float, default=0.0
        Complexity parameter of minimal cost-complexity pruning: after growing,
        the weakest link (the branch with the smallest effective alpha, see
        ``cost_complexity_pruning_path``) is cut while its alpha is at most
        ``ccp_alpha``. 0 prunes nothing; the pruned tree is renumbered depth
        first, as scikit-learn renumbers it.
"""

_NOTES = r"""
    Without ``max_leaf_nodes`` the tree is grown level by level, every open node
    of a level searched at once (see ``skratch.tree._splitter``): each feature is
    sorted once per fit, and the best threshold of each node comes from
    cumulative class counts or sums along the sorted values, O(n log n) per
    feature and node as in the textbook algorithm. Thresholds are midpoints
    between consecutive distinct values, computed in float64 (scikit-learn first
    casts ``X`` to float32, so its thresholds differ in the 8th digit). With
    ``max_features=None`` ties between equally good features go to the first
    feature; scikit-learn visits the features in a random order, so on an exact
    tie the two may pick different (equally good) splits. Gini scores splits by
    :math:`\sum_k c_{Lk}^2 / w_L + \sum_k c_{Rk}^2 / w_R`, scikit-learn by
    :math:`-w_L I(L) - w_R I(R)`: the same order, but two splits equal on paper
    may round apart differently, and rarely (symmetric data) the trees differ.

    With ``max_leaf_nodes`` the tree is grown best first, as scikit-learn's
    ``BestFirstTreeBuilder`` grows it: each node's best split is searched when
    the node is made (its two children together), and the frontier is a heap on
    the improvement popped with the steps of libstdc++'s ``std::pop_heap`` (the
    C++ library of scikit-learn's Linux wheels), so that leaves of equal
    improvement are split in scikit-learn's order and nodes get its ids.

    Weights that are not binary fractions (``class_weight="balanced"`` on most
    data) make scikit-learn's sums, added up in another order, differ from ours
    in the last bits: a pure node can then have a Gini of 1e-16 there, above the
    purity tolerance, and be split by scikit-learn where ours stays a leaf.

    Not implemented: ``splitter="random"``, ``monotonic_cst``, missing values and
    multi-output ``y``.
"""


class DecisionTreeClassifier(ClassifierMixin, BaseDecisionTree):
    __doc__ = r"""A decision tree classifier (CART).

    Each internal node asks "is :math:`x_j \le \theta`?", with the feature :math:`j` and
    threshold :math:`\theta` that minimise the children's weighted impurity

    .. math::

        \frac{w_L}{w_t} I(L) + \frac{w_R}{w_t} I(R),

    .. math::

        I_{\text{gini}} = 1 - \sum_k p_k^2,

    .. math::

        I_{\text{entropy}} = -\sum_k p_k \log_2 p_k,

    where :math:`p_k` is the (weighted) fraction of class :math:`k` in the node.

    Read more in the book: Decision trees
    <https://skratch-ml.github.io/skratch/book/expert/decision-trees.html>

    Parameters
    ----------
    criterion : {"gini", "entropy"}, default="gini"
        The impurity :math:`I` to minimise.
    """ + _PARAMETERS + r"""    class_weight : dict, list of dict or "balanced", default=None
        Weights of the classes, ``{label: weight}`` (classes left out weigh
        1); ``"balanced"`` gives class :math:`k` the weight
        :math:`n / (K n_k)` (see ``skratch.utils.compute_class_weight``).
        They multiply ``sample_weight``, and so the total that
        ``min_weight_fraction_leaf`` is a fraction of. None: every class
        weighs 1. A list (one dict per output) is for multi-output ``y``,
        which this tree does not take: as scikit-learn's with one output, it
        fails.
""" + _PRUNING[1:] + r"""
    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
        The class labels.
    n_classes_ : int
        Number of classes.
    n_features_in_ : int
        Number of features seen during ``fit``.
    max_features_ : int
        The resolved ``max_features``.
    n_outputs_ : int
        Always 1.
    tree_ : Tree
        The fitted tree in flat arrays (``children_left``, ``children_right``,
        ``feature``, ``threshold``, ``value`` of shape (node_count, 1, n_classes) with
        class fractions, ``impurity``, ``n_node_samples``, ...).
    feature_importances_ : ndarray of shape (n_features,)
        Normalised impurity decrease brought by each feature.

    See Also
    --------
    DecisionTreeRegressor : The same tree for a numeric target.
    skratch.ensemble.RandomForestClassifier : Many randomised trees, averaged.
    sklearn.tree.DecisionTreeClassifier : The scikit-learn estimator this mirrors.

    Notes
    -----""" + _NOTES + r"""
    References
    ----------
    .. [1] L. Breiman, J. Friedman, R. Olshen, C. Stone, "Classification and Regression
       Trees", Wadsworth, 1984.
    .. [2] T. Hastie, R. Tibshirani, J. Friedman, "The Elements of Statistical
       Learning", 2nd ed., Springer, 2009, section 9.2.

    Examples
    --------
    >>> from sklearn.datasets import load_iris
    >>> from skratch.tree import DecisionTreeClassifier, export_text
    >>> X, y = load_iris(return_X_y=True)
    >>> clf = DecisionTreeClassifier(max_depth=2).fit(X, y)
    >>> print(export_text(clf))
    |--- feature_2 <= 2.45
    |   |--- class: 0
    |--- feature_2 >  2.45
    |   |--- feature_3 <= 1.75
    |   |   |--- class: 1
    |   |--- feature_3 >  1.75
    |   |   |--- class: 2
    <BLANKLINE>
    >>> clf.predict_proba(X[[0, 60]]).round(3)
    array([[1.   , 0.   , 0.   ],
           [0.   , 0.907, 0.093]])
    >>> round(clf.score(X, y), 3)
    0.96

    Grown best first, the tree splits the leaf whose split gains most: after
    the root, the node of 100 flowers, then its child of 54 (nodes are
    numbered as they are made):

    >>> best = DecisionTreeClassifier(max_leaf_nodes=4).fit(X, y)
    >>> best.get_n_leaves(), best.tree_.n_node_samples.tolist()
    (4, [150, 50, 100, 54, 46, 48, 6])
    """

    _parameter_constraints = {
        **BaseDecisionTree._parameter_constraints,
        "criterion": [StrOptions({"gini", "entropy"})],
        "class_weight": [dict, list, StrOptions({"balanced"}), None],
    }

    def __init__(
        self,
        *,
        criterion="gini",
        max_depth=None,
        min_samples_split=2,
        min_samples_leaf=1,
        min_weight_fraction_leaf=0.0,
        max_features=None,
        random_state=None,
        max_leaf_nodes=None,
        min_impurity_decrease=0.0,
        class_weight=None,
        ccp_alpha=0.0,
    ):
        self.criterion = criterion
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split
        self.min_samples_leaf = min_samples_leaf
        self.min_weight_fraction_leaf = min_weight_fraction_leaf
        self.max_features = max_features
        self.random_state = random_state
        self.max_leaf_nodes = max_leaf_nodes
        self.min_impurity_decrease = min_impurity_decrease
        self.class_weight = class_weight
        self.ccp_alpha = ccp_alpha

    def fit(self, X, y, sample_weight=None):
        """Grow the tree on the training set ``(X, y)``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : array-like of shape (n_samples,)
            Class labels.
        sample_weight : array-like of shape (n_samples,), default=None
            Sample weights; samples of weight 0 are ignored. They are
            multiplied by the weights of ``class_weight``.

        Returns
        -------
        self : DecisionTreeClassifier
            The fitted estimator.
        """
        self._validate_params()
        X, y = check_X_y(X, y, dtype=np.float64, estimator=self)
        validate_n_features(self, X, reset=True)
        sample_weight = _check_sample_weight(
            sample_weight, X, ensure_non_negative=True
        )
        check_classification_targets(y)
        self.classes_, y_encoded = np.unique(y, return_inverse=True)
        self.n_classes_ = len(self.classes_)
        if self.class_weight is not None:
            # each sample's weight times its class's weight
            class_weight = _sample_weight(self.class_weight, y)
            sample_weight = sample_weight * class_weight
        rng = check_random_state(self.random_state)
        n_classes = self.n_classes_
        return self._fit(X, y_encoded, sample_weight, n_classes, rng)

    def predict_proba(self, X):
        """Return the class fractions of the leaf each sample reaches.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)

        Returns
        -------
        proba : ndarray of shape (n_samples, n_classes)
            Columns in the order of ``classes_``; rows sum to 1.
        """
        X = self._validate_X_predict(X)
        proba = self.tree_.predict(X)[:, 0, :]
        return proba / proba.sum(axis=1, keepdims=True)

    def predict_log_proba(self, X):
        """Return the log of ``predict_proba`` (``-inf`` for a class absent from the leaf)."""
        with np.errstate(divide="ignore"):
            return np.log(self.predict_proba(X))

    def predict(self, X):
        """Return the majority class of the leaf each sample reaches.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)

        Returns
        -------
        y_pred : ndarray of shape (n_samples,)
        """
        proba = self.predict_proba(X)
        return self.classes_[np.argmax(proba, axis=1)]


class DecisionTreeRegressor(RegressorMixin, BaseDecisionTree):
    __doc__ = r"""A decision tree regressor (CART).

    Each internal node asks "is :math:`x_j \le \theta`?", with the feature and threshold
    that minimise the children's weighted squared error around their means,

    .. math::

        \sum_{i \in L} w_i (y_i - \bar y_L)^2 + \sum_{i \in R} w_i (y_i - \bar y_R)^2,

    and each leaf predicts the (weighted) mean target of its training samples.

    Read more in the book: Decision trees
    <https://skratch-ml.github.io/skratch/book/expert/decision-trees.html>

    Parameters
    ----------
    criterion : {"squared_error", "friedman_mse"}, default="squared_error"
        ``"friedman_mse"`` scores a split by Friedman's improvement
        :math:`(w_R s_L - w_L s_R)^2 / (w_L w_R)` (:math:`s` the sums of :math:`w y`),
        which ranks the splits exactly as the squared error does.
    """ + _PARAMETERS + _PRUNING[1:] + r"""
    Attributes
    ----------
    n_features_in_ : int
        Number of features seen during ``fit``.
    max_features_ : int
        The resolved ``max_features``.
    n_outputs_ : int
        Always 1.
    tree_ : Tree
        The fitted tree in flat arrays; ``value`` has shape (node_count, 1, 1) and
        holds each node's mean target.
    feature_importances_ : ndarray of shape (n_features,)
        Normalised squared-error decrease brought by each feature.

    See Also
    --------
    DecisionTreeClassifier : The same tree for class labels.
    skratch.ensemble.GradientBoostingRegressor : Small regression trees, added up.
    sklearn.tree.DecisionTreeRegressor : The scikit-learn estimator this mirrors.

    Notes
    -----""" + _NOTES + r"""
    References
    ----------
    .. [1] L. Breiman, J. Friedman, R. Olshen, C. Stone, "Classification and Regression
       Trees", Wadsworth, 1984.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.tree import DecisionTreeRegressor
    >>> X = np.array([[1.0], [2.0], [3.0], [10.0], [11.0], [12.0]])
    >>> y = np.array([1.0, 1.2, 0.8, 5.0, 5.5, 4.5])
    >>> reg = DecisionTreeRegressor(max_depth=1).fit(X, y)
    >>> reg.tree_.threshold[0], reg.predict([[2.5], [20.0]])
    (np.float64(6.5), array([1., 5.]))
    """

    _parameter_constraints = {
        **BaseDecisionTree._parameter_constraints,
        "criterion": [StrOptions({"squared_error", "friedman_mse"})],
    }

    def __init__(
        self,
        *,
        criterion="squared_error",
        max_depth=None,
        min_samples_split=2,
        min_samples_leaf=1,
        min_weight_fraction_leaf=0.0,
        max_features=None,
        random_state=None,
        max_leaf_nodes=None,
        min_impurity_decrease=0.0,
        ccp_alpha=0.0,
    ):
        self.criterion = criterion
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split
        self.min_samples_leaf = min_samples_leaf
        self.min_weight_fraction_leaf = min_weight_fraction_leaf
        self.max_features = max_features
        self.random_state = random_state
        self.max_leaf_nodes = max_leaf_nodes
        self.min_impurity_decrease = min_impurity_decrease
        self.ccp_alpha = ccp_alpha

    def fit(self, X, y, sample_weight=None):
        """Grow the tree on the training set ``(X, y)``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : array-like of shape (n_samples,)
            Target values.
        sample_weight : array-like of shape (n_samples,), default=None
            Sample weights; samples of weight 0 are ignored.

        Returns
        -------
        self : DecisionTreeRegressor
            The fitted estimator.
        """
        self._validate_params()
        X, y = check_X_y(X, y, dtype=np.float64, y_numeric=True, estimator=self)
        validate_n_features(self, X, reset=True)
        sample_weight = _check_sample_weight(sample_weight, X, ensure_non_negative=True)
        rng = check_random_state(self.random_state)
        return self._fit(X, y, sample_weight, 0, rng)

    def predict(self, X):
        """Return the mean target of the leaf each sample reaches.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)

        Returns
        -------
        y_pred : ndarray of shape (n_samples,)
        """
        X = self._validate_X_predict(X)
        return self.tree_.predict(X)[:, 0, 0]
