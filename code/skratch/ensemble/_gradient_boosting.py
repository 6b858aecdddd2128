"""Gradient boosting: small regression trees fitted one after another to the residuals.

Start from a constant, then repeat: compute the negative gradient of the loss at the
current predictions (for squared error, the residuals :math:`y - F(x)`), fit a shallow
regression tree to it, and add a fraction ``learning_rate`` of the tree to the model.
It is gradient descent, with trees as the steps. For classification the model outputs
log-odds; each leaf's value is then one Newton step on the log-loss of its samples.

Read more in the book: Boosting
<https://skratch-ml.github.io/skratch/book/expert/boosting.html>
"""

from numbers import Integral, Real

import numpy as np
from scipy.special import expit, logsumexp, softmax

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
from ..tree import DecisionTreeRegressor

__all__ = ["GradientBoostingClassifier", "GradientBoostingRegressor"]

EPS = np.finfo(np.float64).eps


def _squared_error(y, raw, weight):
    # L = sum_i w_i (y_i - F_i)^2 / sum_i w_i  (scikit-learn's train_score_)
    return np.average((y - raw[:, 0]) ** 2, weights=weight)


def _binomial_deviance(y, raw, weight):
    # L = 2 * mean_i w_i [log(1 + exp F_i) - y_i F_i]   (twice the mean log-loss)
    return 2 * np.average(np.logaddexp(0, raw[:, 0]) - y * raw[:, 0], weights=weight)


def _multinomial_loss(y, raw, weight):
    # L = mean_i w_i [logsumexp_k F_ik - F_i,y_i]   (the mean cross-entropy)
    return np.average(logsumexp(raw, axis=1) - raw[np.arange(len(y)), y], weights=weight)


def _newton_leaf_values(leaves, n_nodes, neg_gradient, prob, weight, factor):
    # gamma_leaf = factor * sum_i w_i (y_i - p_i) / sum_i w_i p_i (1 - p_i)
    # (one Newton step on the log-loss; factor (K - 1) / K for K > 2 classes, as in
    # Friedman's paper and scikit-learn). A zero Hessian gives 0.
    w_sum = np.bincount(leaves, weights=weight, minlength=n_nodes)
    with np.errstate(invalid="ignore", divide="ignore"):
        numerator = np.bincount(leaves, weights=weight * neg_gradient, minlength=n_nodes) / w_sum
        hessian = np.bincount(leaves, weights=weight * prob * (1 - prob), minlength=n_nodes) / w_sum
        values = factor * numerator / hessian
    return np.where(np.abs(hessian) < 1e-150, 0.0, values)


class BaseGradientBoosting(BaseEstimator):
    """The boosting loop shared by the regressor and the classifier."""

    _parameter_constraints = {
        "learning_rate": [Interval(Real, 0.0, None, closed="left")],
        "n_estimators": [Interval(Integral, 1, None, closed="left")],
        "subsample": [Interval(Real, 0.0, 1.0, closed="right")],
        "min_samples_split": [
            Interval(Integral, 2, None, closed="left"),
            Interval(Real, 0.0, 1.0, closed="right"),
        ],
        "min_samples_leaf": [
            Interval(Integral, 1, None, closed="left"),
            Interval(Real, 0.0, 1.0, closed="neither"),
        ],
        "min_weight_fraction_leaf": [Interval(Real, 0.0, 0.5, closed="both")],
        "max_depth": [Interval(Integral, 1, None, closed="left"), None],
        "min_impurity_decrease": [Interval(Real, 0.0, None, closed="left")],
        "random_state": ["random_state"],
        "max_features": [
            Interval(Integral, 1, None, closed="left"),
            Interval(Real, 0.0, 1.0, closed="right"),
            StrOptions({"sqrt", "log2"}),
            None,
        ],
    }

    def _boost(self, X, y, sample_weight, raw, n_classes):
        """Fit the stages; ``raw`` (n_samples, K) starts at the initial
        prediction."""
        n_samples = X.shape[0]
        rng = check_random_state(self.random_state)
        X_order = np.argsort(
            X, axis=0, kind="stable"
        ).T  # sorted once for all stages
        n_trees = raw.shape[1]
        n_in_bag = max(1, int(self.subsample * n_samples))
        subsampled = self.subsample < 1.0
        self.estimators_ = np.empty((self.n_estimators, n_trees), dtype=object)
        self.train_score_ = np.zeros(self.n_estimators)
        if subsampled:
            self.oob_improvement_ = np.zeros(self.n_estimators)
            self.oob_scores_ = np.zeros(self.n_estimators)
        in_bag = np.ones(n_samples, dtype=bool)
        for i in range(self.n_estimators):
            if subsampled:
                in_bag = np.zeros(n_samples, dtype=bool)
                in_bag[rng.choice(n_samples, n_in_bag, replace=False)] = True
                if i == 0:
                    previous_oob = self._loss(
                        y[~in_bag], raw[~in_bag], sample_weight[~in_bag]
                    )
            weight = sample_weight * in_bag
            neg_gradient, prob = self._negative_gradient(y, raw)  # (n, K) each
            for k in range(n_trees):
                seed = int(rng.integers(np.iinfo(np.int32).max))
                tree = DecisionTreeRegressor(
                    max_depth=self.max_depth,
                    min_samples_split=self.min_samples_split,
                    min_samples_leaf=self.min_samples_leaf,
                    min_weight_fraction_leaf=self.min_weight_fraction_leaf,
                    min_impurity_decrease=self.min_impurity_decrease,
                    max_features=self.max_features,
                    random_state=seed,
                )
                tree._fit(
                    X,
                    neg_gradient[:, k],
                    weight,
                    0,
                    check_random_state(seed),
                    X_order,
                )
                tree.n_features_in_ = X.shape[1]
                leaves = tree.tree_.apply(X)
                if (
                    prob is not None
                ):  # log-loss: Newton step in each leaf (in-bag rows)
                    factor = (
                        1.0 if n_classes == 2 else (n_classes - 1) / n_classes
                    )
                    tree.tree_.value[:, 0, 0] = _newton_leaf_values(
                        leaves,
                        tree.tree_.node_count,
                        neg_gradient[:, k],
                        prob[:, k],
                        weight,
                        factor,
                    )
                raw[:, k] += self.learning_rate * tree.tree_.value[leaves, 0, 0]
                self.estimators_[i, k] = tree
            self.train_score_[i] = self._loss(
                y[in_bag], raw[in_bag], sample_weight[in_bag]
            )
            if subsampled:
                self.oob_scores_[i] = self._loss(
                    y[~in_bag], raw[~in_bag], sample_weight[~in_bag]
                )
                self.oob_improvement_[i] = previous_oob - self.oob_scores_[i]
                previous_oob = self.oob_scores_[i]
        if subsampled:
            self.oob_score_ = self.oob_scores_[-1]
        self.n_estimators_ = self.n_estimators
        return self

    def _validate_X_predict(self, X):
        check_is_fitted(self, "estimators_")
        X = check_array(X, dtype=np.float64, estimator=self)
        validate_n_features(self, X, reset=False)
        return X

    def _staged_raw_predict(self, X):
        # F_m(x) = F_0 + learning_rate * sum_{j <= m} tree_j(x), one stage at a time
        raw = np.tile(self._init_raw, (X.shape[0], 1))
        for stage in self.estimators_:
            for k, tree in enumerate(stage):
                raw[:, k] += self.learning_rate * tree.tree_.predict(X)[:, 0, 0]
            yield raw.copy()

    def _raw_predict(self, X):
        raw = np.tile(self._init_raw, (X.shape[0], 1))
        for stage in self.estimators_:
            for k, tree in enumerate(stage):
                raw[:, k] += self.learning_rate * tree.tree_.predict(X)[:, 0, 0]
        return raw

    @property
    def feature_importances_(self):
        """Mean over the trees of their impurity decreases, normalised to sum to 1."""
        check_is_fitted(self, "estimators_")
        per_tree = [
            tree.tree_.compute_feature_importances(normalize=False)
            for tree in self.estimators_.ravel()
            if tree.tree_.node_count > 1
        ]
        if not per_tree:
            return np.zeros(self.n_features_in_)
        mean = np.mean(per_tree, axis=0)
        return mean / mean.sum()


_GB_PARAMETERS = """
    learning_rate : float, default=0.1
        Shrinks each tree's contribution: smaller values need more trees but usually
        generalise better.
    n_estimators : int, default=100
        Number of boosting stages.
    subsample : float, default=1.0
        Fraction of the rows, drawn without replacement at each stage, that the stage's
        tree is fitted on (stochastic gradient boosting when below 1).
    min_samples_split : int or float, default=2
        Minimum number of samples to split a node.
    min_samples_leaf : int or float, default=1
        Minimum number of samples in each leaf.
    min_weight_fraction_leaf : float, default=0.0
        Minimum fraction of the total weight in each leaf.
    max_depth : int or None, default=3
        Depth of each tree.
    min_impurity_decrease : float, default=0.0
        Split only if the squared-error decrease reaches this.
    random_state : int, numpy.random.Generator, RandomState or None, default=None
        Seeds the subsamples and the feature draws.
    max_features : int, float, {"sqrt", "log2"} or None, default=None
        Features searched at each node of each tree.
"""


class GradientBoostingRegressor(RegressorMixin, BaseGradientBoosting):
    __doc__ = r"""Gradient boosting for regression with the squared error.

    Starting from :math:`F_0 = \bar y`, stage :math:`m` fits a regression tree
    :math:`h_m` to the residuals :math:`r_i = y_i - F_{m-1}(x_i)` (the negative gradient
    of :math:`\tfrac12 (y - F)^2`) and sets :math:`F_m = F_{m-1} + \nu\, h_m`,
    :math:`\nu` the learning rate.

    Read more in the book: Boosting
    <https://skratch-ml.github.io/skratch/book/expert/boosting.html>

    Parameters
    ----------
    loss : {"squared_error"}, default="squared_error"
        The loss to minimise.
    """ + _GB_PARAMETERS + r"""
    Attributes
    ----------
    estimators_ : ndarray of DecisionTreeRegressor of shape (n_estimators, 1)
        The fitted trees.
    n_estimators_ : int
        Number of stages fitted.
    train_score_ : ndarray of shape (n_estimators,)
        Mean squared error on the (in-bag) training rows after each stage.
    oob_improvement_, oob_scores_ : ndarray of shape (n_estimators,)
        Decrease of, and value of, the out-of-bag loss at each stage
        (``subsample < 1`` only); ``oob_score_`` is the last one.
    feature_importances_ : ndarray of shape (n_features,)
        Impurity-based importances, averaged over the trees.
    n_features_in_ : int
        Number of features seen during ``fit``.

    See Also
    --------
    GradientBoostingClassifier : The same for class labels, with the log-loss.
    RandomForestRegressor : Deep trees averaged instead of shallow trees added.
    sklearn.ensemble.GradientBoostingRegressor : The scikit-learn estimator this mirrors.

    Notes
    -----
    The features are sorted once and every stage's tree reuses the order. Only the
    squared error is implemented; ``init``, ``alpha``, ``warm_start``, early stopping
    (``n_iter_no_change``), ``max_leaf_nodes`` and ``ccp_alpha`` are not.

    References
    ----------
    .. [1] J. H. Friedman, "Greedy Function Approximation: A Gradient Boosting
       Machine", The Annals of Statistics, 29(5), 2001.
    .. [2] J. H. Friedman, "Stochastic Gradient Boosting", Computational Statistics &
       Data Analysis, 38(4), 2002.

    Examples
    --------
    >>> from sklearn.datasets import load_diabetes
    >>> from skratch.ensemble import GradientBoostingRegressor
    >>> X, y = load_diabetes(return_X_y=True)
    >>> reg = GradientBoostingRegressor(n_estimators=50, random_state=0)
    >>> reg = reg.fit(X, y)
    >>> reg.predict(X[:3]).round(1)
    array([193.5,  84.1, 166.9])
    >>> reg.train_score_[[0, -1]].round(0)
    array([5366., 1610.])
    """

    _parameter_constraints = {
        **BaseGradientBoosting._parameter_constraints,
        "loss": [StrOptions({"squared_error"})],
    }

    def __init__(
        self,
        *,
        loss="squared_error",
        learning_rate=0.1,
        n_estimators=100,
        subsample=1.0,
        min_samples_split=2,
        min_samples_leaf=1,
        min_weight_fraction_leaf=0.0,
        max_depth=3,
        min_impurity_decrease=0.0,
        random_state=None,
        max_features=None,
    ):
        self.loss = loss
        self.learning_rate = learning_rate
        self.n_estimators = n_estimators
        self.subsample = subsample
        self.min_samples_split = min_samples_split
        self.min_samples_leaf = min_samples_leaf
        self.min_weight_fraction_leaf = min_weight_fraction_leaf
        self.max_depth = max_depth
        self.min_impurity_decrease = min_impurity_decrease
        self.random_state = random_state
        self.max_features = max_features

    def _loss(self, y, raw, weight):
        return _squared_error(y, raw, weight)

    def _negative_gradient(self, y, raw):
        return (y - raw[:, 0])[:, None], None

    def fit(self, X, y, sample_weight=None):
        """Fit the boosted trees to ``(X, y)``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : array-like of shape (n_samples,)
            Target values.
        sample_weight : array-like of shape (n_samples,), default=None
            Sample weights.

        Returns
        -------
        self : GradientBoostingRegressor
            The fitted estimator.
        """
        self._validate_params()
        X, y = check_X_y(X, y, dtype=np.float64, y_numeric=True, estimator=self)
        validate_n_features(self, X, reset=True)
        sample_weight = _check_sample_weight(sample_weight, X, ensure_non_negative=True)
        self._init_raw = np.array([np.average(y, weights=sample_weight)])  # F_0 = mean
        raw = np.tile(self._init_raw, (X.shape[0], 1))
        return self._boost(X, y, sample_weight, raw, 0)

    def predict(self, X):
        """Return :math:`F_M(x)`, the sum of the initial value and all the trees.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)

        Returns
        -------
        y_pred : ndarray of shape (n_samples,)
        """
        return self._raw_predict(self._validate_X_predict(X))[:, 0]

    def staged_predict(self, X):
        """Yield the prediction after each stage (for learning curves)."""
        for raw in self._staged_raw_predict(self._validate_X_predict(X)):
            yield raw[:, 0]


class GradientBoostingClassifier(ClassifierMixin, BaseGradientBoosting):
    __doc__ = r"""Gradient boosting for classification with the log-loss.

    The model outputs log-odds :math:`F(x)` (one per class when there are more than
    two), turned into probabilities by the sigmoid (binary) or the softmax. Each stage
    fits one regression tree per output to the negative gradient
    :math:`y_{ik} - p_k(x_i)` and sets each leaf to one Newton step

    .. math::

        \gamma = \frac{\sum_{i \in \text{leaf}} w_i (y_{ik} - p_{ik})}
                      {\sum_{i \in \text{leaf}} w_i\, p_{ik} (1 - p_{ik})}

    (times :math:`(K-1)/K` for :math:`K > 2` classes, as in Friedman's algorithm).

    Read more in the book: Boosting
    <https://skratch-ml.github.io/skratch/book/expert/boosting.html>

    Parameters
    ----------
    loss : {"log_loss"}, default="log_loss"
        The loss to minimise.
    """ + _GB_PARAMETERS + r"""
    Attributes
    ----------
    estimators_ : ndarray of DecisionTreeRegressor of shape (n_estimators, K)
        The fitted trees, ``K = 1`` for two classes and ``n_classes`` otherwise.
    classes_ : ndarray of shape (n_classes,)
        The class labels.
    n_classes_ : int
        Number of classes.
    n_estimators_ : int
        Number of stages fitted.
    train_score_ : ndarray of shape (n_estimators,)
        Loss on the (in-bag) training rows after each stage: twice the mean log-loss
        for two classes, the mean cross-entropy for more (scikit-learn's scales).
    oob_improvement_, oob_scores_ : ndarray of shape (n_estimators,)
        Out-of-bag loss decrease and loss at each stage (``subsample < 1`` only).
    feature_importances_ : ndarray of shape (n_features,)
        Impurity-based importances, averaged over the trees.
    n_features_in_ : int
        Number of features seen during ``fit``.

    See Also
    --------
    GradientBoostingRegressor : Gradient boosting with the squared error.
    AdaBoostClassifier : Boosting by re-weighting the samples.
    sklearn.ensemble.GradientBoostingClassifier : The scikit-learn estimator this mirrors.

    Notes
    -----
    The initial log-odds are the (weighted) class priors: :math:`F_0 = \log\frac{p}{1-p}`
    for two classes, :math:`F_{0k} = \log p_k - \frac1K \sum_j \log p_j` for more. Only
    the log-loss is implemented (no ``"exponential"``), and no ``init``, early stopping
    or ``warm_start``.

    References
    ----------
    .. [1] J. H. Friedman, "Greedy Function Approximation: A Gradient Boosting
       Machine", The Annals of Statistics, 29(5), 2001.

    Examples
    --------
    >>> from sklearn.datasets import load_iris
    >>> from skratch.ensemble import GradientBoostingClassifier
    >>> X, y = load_iris(return_X_y=True)
    >>> clf = GradientBoostingClassifier(n_estimators=20, random_state=0)
    >>> clf = clf.fit(X, y)
    >>> clf.estimators_.shape
    (20, 3)
    >>> clf.predict_proba(X[[0, 60, 120]]).round(2)
    array([[0.95, 0.03, 0.03],
           [0.03, 0.94, 0.03],
           [0.03, 0.03, 0.94]])
    """

    _parameter_constraints = {
        **BaseGradientBoosting._parameter_constraints,
        "loss": [StrOptions({"log_loss"})],
    }

    def __init__(
        self,
        *,
        loss="log_loss",
        learning_rate=0.1,
        n_estimators=100,
        subsample=1.0,
        min_samples_split=2,
        min_samples_leaf=1,
        min_weight_fraction_leaf=0.0,
        max_depth=3,
        min_impurity_decrease=0.0,
        random_state=None,
        max_features=None,
    ):
        self.loss = loss
        self.learning_rate = learning_rate
        self.n_estimators = n_estimators
        self.subsample = subsample
        self.min_samples_split = min_samples_split
        self.min_samples_leaf = min_samples_leaf
        self.min_weight_fraction_leaf = min_weight_fraction_leaf
        self.max_depth = max_depth
        self.min_impurity_decrease = min_impurity_decrease
        self.random_state = random_state
        self.max_features = max_features

    def _loss(self, y, raw, weight):
        if self.n_classes_ == 2:
            return _binomial_deviance(y, raw, weight)
        return _multinomial_loss(y, raw, weight)

    def _negative_gradient(self, y, raw):
        # -dL/dF = y - p, with p = sigmoid(F) (binary) or softmax(F) (one column per class)
        if self.n_classes_ == 2:
            prob = expit(raw)  # (n, 1)
            return y[:, None] - prob, prob
        prob = softmax(raw, axis=1)  # (n, K)
        return np.eye(self.n_classes_)[y] - prob, prob

    def fit(self, X, y, sample_weight=None):
        """Fit the boosted trees to ``(X, y)``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : array-like of shape (n_samples,)
            Class labels (at least two classes).
        sample_weight : array-like of shape (n_samples,), default=None
            Sample weights.

        Returns
        -------
        self : GradientBoostingClassifier
            The fitted estimator.
        """
        self._validate_params()
        X, y = check_X_y(X, y, dtype=np.float64, estimator=self)
        validate_n_features(self, X, reset=True)
        sample_weight = _check_sample_weight(sample_weight, X, ensure_non_negative=True)
        check_classification_targets(y)
        self.classes_, y_encoded = np.unique(y, return_inverse=True)
        self.n_classes_ = len(self.classes_)
        if self.n_classes_ < 2:
            raise ValueError(
                "y contains 1 class after sample_weight trimmed classes with zero "
                f"weights, while a minimum of 2 classes are required. Got {self.classes_!r}."
            )
        priors = np.bincount(y_encoded, weights=sample_weight) / sample_weight.sum()
        priors = np.clip(priors, EPS, 1 - EPS)
        if self.n_classes_ == 2:
            self._init_raw = np.array([np.log(priors[1] / (1 - priors[1]))])
        else:
            self._init_raw = np.log(priors) - np.mean(np.log(priors))
        raw = np.tile(self._init_raw, (X.shape[0], 1))
        return self._boost(X, y_encoded, sample_weight, raw, self.n_classes_)

    def decision_function(self, X):
        """Return the raw scores :math:`F(x)`: (n_samples,) for two classes, else (n_samples, K)."""
        raw = self._raw_predict(self._validate_X_predict(X))
        return raw[:, 0] if self.n_classes_ == 2 else raw

    def _proba(self, raw):
        if self.n_classes_ == 2:
            p = expit(raw[:, 0])
            return np.column_stack([1 - p, p])
        return softmax(raw, axis=1)

    def predict_proba(self, X):
        """Return the class probabilities: sigmoid or softmax of :math:`F(x)`.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)

        Returns
        -------
        proba : ndarray of shape (n_samples, n_classes)
        """
        return self._proba(self._raw_predict(self._validate_X_predict(X)))

    def predict(self, X):
        """Return the most probable class.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)

        Returns
        -------
        y_pred : ndarray of shape (n_samples,)
        """
        proba = self.predict_proba(X)
        return self.classes_[np.argmax(proba, axis=1)]

    def staged_predict_proba(self, X):
        """Yield the class probabilities after each stage."""
        for raw in self._staged_raw_predict(self._validate_X_predict(X)):
            yield self._proba(raw)

    def staged_predict(self, X):
        """Yield the predicted classes after each stage."""
        for proba in self.staged_predict_proba(X):
            yield self.classes_[np.argmax(proba, axis=1)]
