"""Random forests: many decorrelated trees, each grown on a bootstrap sample.

Every tree sees a bootstrap sample of the rows (drawn with replacement) and, at each
node, only a random subset of ``max_features`` features. Each tree is deep and noisy;
averaging many of them keeps their low bias and cuts the variance. The rows a tree did
not see (about 37% of them, "out of bag") give a free estimate of the test score.

Read more in the book: Random forests
<https://skratch-ml.github.io/skratch/book/expert/random-forests.html>
"""

import warnings
from numbers import Integral, Real

import numpy as np

from ..base import BaseEstimator, ClassifierMixin, RegressorMixin
from ..utils.class_weight import _class_weight, _sample_weight
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
from ..tree import DecisionTreeClassifier, DecisionTreeRegressor

__all__ = ["RandomForestClassifier", "RandomForestRegressor"]


def _n_bootstrap(max_samples, n_samples):
    # How many rows each tree draws: all of them, a count, or a fraction (at least 1).
    if max_samples is None:
        return n_samples
    if isinstance(max_samples, Integral):
        if max_samples > n_samples:
            raise ValueError(
                f"max_samples must be <= n_samples={n_samples}, got {max_samples!r}."
            )
        return int(max_samples)
    return max(round(n_samples * max_samples), 1)


def _r2(y, y_pred):
    # R^2 = 1 - sum (y - y_hat)^2 / sum (y - mean y)^2
    return 1.0 - np.sum((y - y_pred) ** 2) / np.sum((y - y.mean()) ** 2)


class BaseForest(BaseEstimator):
    """Shared parameters and fitting loop of the random forests."""

    _parameter_constraints = {
        "n_estimators": [Interval(Integral, 1, None, closed="left")],
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
        "min_impurity_decrease": [Interval(Real, 0.0, None, closed="left")],
        "bootstrap": ["boolean"],
        "oob_score": ["boolean"],
        "n_jobs": [Integral, None],
        "random_state": ["random_state"],
        "max_samples": [
            None,
            Interval(Integral, 1, None, closed="left"),
            Interval(Real, 0.0, 1.0, closed="right"),
        ],
    }
    _tree_params = (
        "criterion", "max_depth", "min_samples_split", "min_samples_leaf",
        "min_weight_fraction_leaf", "max_features", "min_impurity_decrease",
    )

    def _fit_forest(
        self, X, y, sample_weight, n_classes, tree_class, balance_draws=False
    ):
        if self.oob_score and not self.bootstrap:
            raise ValueError(
                "Out of bag estimation only available if bootstrap=True"
            )
        if self.max_samples is not None and not self.bootstrap:
            raise ValueError(
                "`max_sample` cannot be set if `bootstrap=False`. "
                "Either switch to `bootstrap=True` or set "
                "`max_sample=None`."
            )
        n_samples = X.shape[0]
        n_draws = _n_bootstrap(self.max_samples, n_samples)
        rng = check_random_state(self.random_state)
        # Sort each feature once; every tree reuses the order (its
        # bootstrap only changes the weights: a row drawn k times has
        # weight k, one not drawn 0).
        X_order = np.argsort(X, axis=0, kind="stable").T
        # With unequal weights a bootstrap draws each row with probability
        # proportional to its weight (scikit-learn >= 1.9), so a weight of
        # 2 counts, on average, as two copies.
        p_draw = None
        if np.ptp(sample_weight) > 0:
            p_draw = sample_weight / sample_weight.sum()
        params = {n: getattr(self, n) for n in self._tree_params}
        self.estimators_ = []
        in_bag_counts = []
        for _ in range(self.n_estimators):
            seed = int(rng.integers(np.iinfo(np.int32).max))
            tree = tree_class(random_state=seed, **params)
            weights = sample_weight
            if self.bootstrap:
                if p_draw is None:
                    draws = rng.integers(0, n_samples, n_draws)
                else:
                    draws = rng.choice(n_samples, n_draws, p=p_draw)
                counts = np.bincount(draws, minlength=n_samples)
                weights = counts.astype(np.float64)
                if balance_draws:  # "balanced" on this tree's draws
                    weights = weights * _sample_weight("balanced", y, draws)
                in_bag_counts.append(counts)
            tree._fit(
                X, y, weights, n_classes, check_random_state(seed), X_order
            )
            tree.n_features_in_ = X.shape[1]
            if n_classes:
                tree.classes_, tree.n_classes_ = np.arange(n_classes), n_classes
            self.estimators_.append(tree)
        if self.oob_score:
            self._set_oob(X, y, np.array(in_bag_counts), n_classes)
        return self

    def _oob_predictions(self, X, in_bag_counts, n_outputs):
        # Average each sample's predictions over the trees that did not
        # draw it.
        total = np.zeros((X.shape[0], n_outputs))
        n_votes = np.zeros(X.shape[0])
        for tree, counts in zip(self.estimators_, in_bag_counts):
            out = counts == 0
            # leaf values: (n_out, n_outputs)
            leaf_values = tree.tree_.predict(X[out])[:, 0, :]
            total[out] += leaf_values
            n_votes[out] += 1
        if np.any(n_votes == 0):
            warnings.warn(
                "Some inputs do not have OOB scores. This probably means "
                "too few trees were used to compute any reliable OOB "
                "estimates.",
                UserWarning,
            )
        with np.errstate(invalid="ignore", divide="ignore"):
            return total / n_votes[:, None], n_votes > 0

    def _validate_X_predict(self, X):
        check_is_fitted(self, "estimators_")
        X = check_array(X, dtype=np.float64, estimator=self)
        validate_n_features(self, X, reset=False)
        return X

    @property
    def feature_importances_(self):
        """Mean over the trees of their normalised importances, normalised again."""
        check_is_fitted(self, "estimators_")
        importances = [
            tree.feature_importances_
            for tree in self.estimators_
            if tree.tree_.node_count > 1
        ]
        if not importances:
            return np.zeros(self.n_features_in_)
        mean = np.mean(importances, axis=0)
        return mean / mean.sum()

    def apply(self, X):
        """Return the leaf index of each sample in each tree: (n_samples, n_estimators)."""
        X = self._validate_X_predict(X)
        return np.column_stack([tree.tree_.apply(X) for tree in self.estimators_])


_FOREST_PARAMETERS = """
    max_depth : int, default=None
        Maximum depth of each tree; None grows them until the leaves are pure.
    min_samples_split : int or float, default=2
        Minimum number of samples to split a node (a float is a fraction).
    min_samples_leaf : int or float, default=1
        Minimum number of samples in each leaf (a float is a fraction).
    min_weight_fraction_leaf : float, default=0.0
        Minimum fraction of the total weight in each leaf.
    min_impurity_decrease : float, default=0.0
        Split only if the weighted impurity decrease reaches this.
    bootstrap : bool, default=True
        Grow each tree on a bootstrap sample; if False, every tree sees every row
        (and only the feature draws differ).
    oob_score : bool, default=False
        Score the forest on the out-of-bag rows (needs ``bootstrap=True``).
    n_jobs : int or None, default=None
        Accepted for compatibility with scikit-learn and ignored: trees are grown one
        after the other.
    random_state : int, numpy.random.Generator, RandomState or None, default=None
        Seeds the bootstrap samples and the feature draws.
    max_samples : int, float or None, default=None
        Rows drawn for each bootstrap sample: all ``n_samples`` (None), a count, or a
        fraction of ``n_samples``.
"""


class RandomForestClassifier(ClassifierMixin, BaseForest):
    __doc__ = r"""A random forest classifier: bootstrap-sampled, feature-subsampled trees.

    The forest's class probabilities average the trees' leaf class fractions,

    .. math::

        \hat p(k \mid x) = \frac{1}{B} \sum_{b=1}^{B} \hat p_b(k \mid x),

    and it predicts the most probable class.

    Read more in the book: Random forests
    <https://skratch-ml.github.io/skratch/book/expert/random-forests.html>

    Parameters
    ----------
    n_estimators : int, default=100
        Number of trees.
    criterion : {"gini", "entropy"}, default="gini"
        Impurity each tree minimises.
    max_features : int, float, {"sqrt", "log2"} or None, default="sqrt"
        Features searched at each node (see ``DecisionTreeClassifier``).
    """ + _FOREST_PARAMETERS + r"""    class_weight : dict, "balanced", "balanced_subsample" or None, default=None
        Weights of the classes, multiplying ``sample_weight``: a dict maps class
        labels to weights (classes it leaves out weigh 1); ``"balanced"`` gives
        class :math:`k` the weight :math:`n / (K n_k)` on the whole training set
        (see ``skratch.utils.compute_class_weight``); ``"balanced_subsample"``
        computes those weights again on each tree's bootstrap sample (a class the
        sample misses weighs 0), and is ``"balanced"`` when ``bootstrap=False``.

    Attributes
    ----------
    estimators_ : list of DecisionTreeClassifier
        The fitted trees (they predict class indices ``0 .. n_classes - 1``).
    classes_ : ndarray of shape (n_classes,)
        The class labels.
    n_classes_ : int
        Number of classes.
    n_features_in_ : int
        Number of features seen during ``fit``.
    feature_importances_ : ndarray of shape (n_features,)
        Mean of the trees' normalised importances.
    oob_score_ : float
        Accuracy on the out-of-bag rows (``oob_score=True`` only).
    oob_decision_function_ : ndarray of shape (n_samples, n_classes)
        Out-of-bag class probabilities of each training row; NaN for a row that every
        tree drew (``oob_score=True`` only).

    See Also
    --------
    RandomForestRegressor : The same forest for a numeric target.
    BaggingClassifier : Bootstrap aggregation of any classifier.
    sklearn.ensemble.RandomForestClassifier : The scikit-learn estimator this mirrors.

    Notes
    -----
    Each bootstrap sample is given to the tree as integer sample weights (a row drawn
    twice weighs 2), as scikit-learn does, so the features are sorted once for the
    whole forest. As in scikit-learn 1.9, ``sample_weight`` times the class weights
    sets the probability of each row to be drawn (with ``bootstrap=False`` the
    trees get the weights themselves). Not implemented:
    ``warm_start``, ``max_leaf_nodes``, ``ccp_alpha``, ``monotonic_cst``;
    ``n_jobs`` is ignored.

    References
    ----------
    .. [1] L. Breiman, "Random Forests", Machine Learning, 45(1), 5-32, 2001.

    Examples
    --------
    >>> from sklearn.datasets import load_breast_cancer
    >>> from skratch.ensemble import RandomForestClassifier
    >>> X, y = load_breast_cancer(return_X_y=True)
    >>> forest = RandomForestClassifier(n_estimators=20, oob_score=True,
    ...                                 random_state=0).fit(X, y)
    >>> len(forest.estimators_), forest.oob_decision_function_.shape
    (20, (569, 2))
    >>> bool(forest.oob_score_ > 0.9), forest.score(X, y)
    (True, 1.0)
    """

    _parameter_constraints = {
        **BaseForest._parameter_constraints,
        "criterion": [StrOptions({"gini", "entropy"})],
        "class_weight": [StrOptions({"balanced", "balanced_subsample"}), dict, None],
    }

    def __init__(
        self,
        n_estimators=100,
        *,
        criterion="gini",
        max_depth=None,
        min_samples_split=2,
        min_samples_leaf=1,
        min_weight_fraction_leaf=0.0,
        max_features="sqrt",
        min_impurity_decrease=0.0,
        bootstrap=True,
        oob_score=False,
        n_jobs=None,
        random_state=None,
        max_samples=None,
        class_weight=None,
    ):
        self.n_estimators = n_estimators
        self.criterion = criterion
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split
        self.min_samples_leaf = min_samples_leaf
        self.min_weight_fraction_leaf = min_weight_fraction_leaf
        self.max_features = max_features
        self.min_impurity_decrease = min_impurity_decrease
        self.bootstrap = bootstrap
        self.oob_score = oob_score
        self.n_jobs = n_jobs
        self.random_state = random_state
        self.max_samples = max_samples
        self.class_weight = class_weight

    def fit(self, X, y, sample_weight=None):
        """Grow the forest on ``(X, y)``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : array-like of shape (n_samples,)
            Class labels.
        sample_weight : array-like of shape (n_samples,), default=None
            Sample weights, multiplied by the weights of ``class_weight``; with
            ``bootstrap`` they are the probabilities of drawing each row (the
            trees see the counts), otherwise the trees' weights.

        Returns
        -------
        self : RandomForestClassifier
            The fitted estimator.
        """
        self._validate_params()
        X, y = check_X_y(X, y, dtype=np.float64, estimator=self)
        validate_n_features(self, X, reset=True)
        sample_weight = _check_sample_weight(sample_weight, X, ensure_non_negative=True)
        check_classification_targets(y)
        self.classes_, y_encoded = np.unique(y, return_inverse=True)
        self.n_classes_ = len(self.classes_)
        # "balanced_subsample" with bootstrap is computed per tree, in _fit_forest;
        # "balanced" counts the classes with their sample weights, as scikit-learn.
        per_tree = self.class_weight == "balanced_subsample" and self.bootstrap
        if isinstance(self.class_weight, dict):
            sample_weight = sample_weight * _sample_weight(self.class_weight, y)
        elif self.class_weight is not None and not per_tree:
            sample_weight = sample_weight * _class_weight(
                "balanced", self.classes_, y, sample_weight
            )[y_encoded]
        return self._fit_forest(
            X, y_encoded, sample_weight, self.n_classes_, DecisionTreeClassifier,
            balance_draws=per_tree,
        )

    def _set_oob(self, X, y, in_bag_counts, n_classes):
        proba, has_oob = self._oob_predictions(X, in_bag_counts, n_classes)
        self.oob_decision_function_ = proba
        self.oob_score_ = float(np.mean(np.argmax(proba[has_oob], axis=1) == y[has_oob]))

    def predict_proba(self, X):
        """Return the mean of the trees' class probabilities.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)

        Returns
        -------
        proba : ndarray of shape (n_samples, n_classes)
            Columns in the order of ``classes_``.
        """
        X = self._validate_X_predict(X)
        proba = np.zeros((X.shape[0], self.n_classes_))
        for tree in self.estimators_:
            proba += tree.tree_.predict(X)[:, 0, :]
        return proba / len(self.estimators_)

    def predict_log_proba(self, X):
        """Return the log of ``predict_proba``."""
        with np.errstate(divide="ignore"):
            return np.log(self.predict_proba(X))

    def predict(self, X):
        """Return the class with the highest mean probability.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)

        Returns
        -------
        y_pred : ndarray of shape (n_samples,)
        """
        proba = self.predict_proba(X)
        return self.classes_[np.argmax(proba, axis=1)]


class RandomForestRegressor(RegressorMixin, BaseForest):
    __doc__ = r"""A random forest regressor: the mean of bootstrap-sampled regression trees.

    .. math::

        \hat f(x) = \frac{1}{B} \sum_{b=1}^{B} \hat f_b(x)

    Read more in the book: Random forests
    <https://skratch-ml.github.io/skratch/book/expert/random-forests.html>

    Parameters
    ----------
    n_estimators : int, default=100
        Number of trees.
    criterion : {"squared_error", "friedman_mse"}, default="squared_error"
        Split criterion of each tree.
    max_features : int, float, {"sqrt", "log2"} or None, default=1.0
        Features searched at each node; the default 1.0 searches all of them, so the
        trees differ only through their bootstrap samples.
    """ + _FOREST_PARAMETERS + r"""
    Attributes
    ----------
    estimators_ : list of DecisionTreeRegressor
        The fitted trees.
    n_features_in_ : int
        Number of features seen during ``fit``.
    feature_importances_ : ndarray of shape (n_features,)
        Mean of the trees' normalised importances.
    oob_score_ : float
        R^2 on the out-of-bag rows (``oob_score=True`` only).
    oob_prediction_ : ndarray of shape (n_samples,)
        Out-of-bag prediction for each training row; NaN for a row every tree drew.

    See Also
    --------
    RandomForestClassifier : The same forest for class labels.
    GradientBoostingRegressor : Shallow trees fitted one after the other.
    sklearn.ensemble.RandomForestRegressor : The scikit-learn estimator this mirrors.

    Notes
    -----
    Bootstrap samples are integer sample weights; the features are sorted once for
    the whole forest. As in scikit-learn 1.9, ``sample_weight`` sets the
    probability of each row to be drawn. ``n_jobs`` is ignored.

    References
    ----------
    .. [1] L. Breiman, "Random Forests", Machine Learning, 45(1), 5-32, 2001.

    Examples
    --------
    >>> from sklearn.datasets import load_diabetes
    >>> from skratch.ensemble import RandomForestRegressor
    >>> X, y = load_diabetes(return_X_y=True)
    >>> forest = RandomForestRegressor(n_estimators=20, max_depth=4,
    ...                                oob_score=True, random_state=0)
    >>> forest = forest.fit(X, y)
    >>> forest.predict(X[:3]).round(-1)
    array([200.,  80., 180.])
    >>> bool(0.3 < forest.oob_score_ < 0.6)
    True
    """

    _parameter_constraints = {
        **BaseForest._parameter_constraints,
        "criterion": [StrOptions({"squared_error", "friedman_mse"})],
    }

    def __init__(
        self,
        n_estimators=100,
        *,
        criterion="squared_error",
        max_depth=None,
        min_samples_split=2,
        min_samples_leaf=1,
        min_weight_fraction_leaf=0.0,
        max_features=1.0,
        min_impurity_decrease=0.0,
        bootstrap=True,
        oob_score=False,
        n_jobs=None,
        random_state=None,
        max_samples=None,
    ):
        self.n_estimators = n_estimators
        self.criterion = criterion
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split
        self.min_samples_leaf = min_samples_leaf
        self.min_weight_fraction_leaf = min_weight_fraction_leaf
        self.max_features = max_features
        self.min_impurity_decrease = min_impurity_decrease
        self.bootstrap = bootstrap
        self.oob_score = oob_score
        self.n_jobs = n_jobs
        self.random_state = random_state
        self.max_samples = max_samples

    def fit(self, X, y, sample_weight=None):
        """Grow the forest on ``(X, y)``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : array-like of shape (n_samples,)
            Target values.
        sample_weight : array-like of shape (n_samples,), default=None
            Sample weights; with ``bootstrap`` they are the probabilities of
            drawing each row (the trees see the counts), otherwise the trees'
            weights.

        Returns
        -------
        self : RandomForestRegressor
            The fitted estimator.
        """
        self._validate_params()
        X, y = check_X_y(X, y, dtype=np.float64, y_numeric=True, estimator=self)
        validate_n_features(self, X, reset=True)
        sample_weight = _check_sample_weight(sample_weight, X, ensure_non_negative=True)
        return self._fit_forest(X, y, sample_weight, 0, DecisionTreeRegressor)

    def _set_oob(self, X, y, in_bag_counts, n_classes):
        prediction, has_oob = self._oob_predictions(X, in_bag_counts, 1)
        self.oob_prediction_ = prediction[:, 0]
        self.oob_score_ = float(_r2(y[has_oob], self.oob_prediction_[has_oob]))

    def predict(self, X):
        """Return the mean of the trees' predictions.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)

        Returns
        -------
        y_pred : ndarray of shape (n_samples,)
        """
        X = self._validate_X_predict(X)
        total = np.zeros(X.shape[0])
        for tree in self.estimators_:
            total += tree.tree_.predict(X)[:, 0, 0]
        return total / len(self.estimators_)
