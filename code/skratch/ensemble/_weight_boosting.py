"""AdaBoost (SAMME): weak learners trained in turn on re-weighted samples.

Each round fits a weak learner (by default a depth-1 tree, a "stump") to the weighted
samples, measures its weighted error, gives it a say in the final vote that grows as
its error shrinks, and multiplies the weights of the samples it got wrong, so that the
next learner concentrates on them.

Read more in the book: Boosting
<https://skratch-ml.github.io/skratch/book/expert/boosting.html>
"""

import warnings
from numbers import Integral, Real

import numpy as np
from scipy.special import softmax

from ..base import BaseEstimator, ClassifierMixin
from ..utils.multiclass import check_classification_targets
from ..utils.validation import (
    Interval,
    _check_sample_weight,
    check_array,
    check_is_fitted,
    check_random_state,
    check_X_y,
    validate_n_features,
)
from ..tree import DecisionTreeClassifier

__all__ = ["AdaBoostClassifier"]


def _samme_estimator_weight(error, n_classes, learning_rate):
    # alpha_m = learning_rate * (log((1 - err_m) / err_m) + log(K - 1))
    return learning_rate * (
        np.log((1.0 - error) / error) + np.log(n_classes - 1.0)
    )


def _clone(estimator, **params):
    """A new unfitted estimator with the same parameters (and ``params`` changed)."""
    return type(estimator)(**{**estimator.get_params(deep=False), **params})


class AdaBoostClassifier(ClassifierMixin, BaseEstimator):
    r"""An AdaBoost classifier, multi-class SAMME algorithm.

    With sample weights :math:`w_i` (starting uniform), round :math:`m` fits a learner
    :math:`h_m`, computes its weighted error and its vote

    .. math::

        \varepsilon_m = \frac{\sum_i w_i\, [h_m(x_i) \ne y_i]}{\sum_i w_i},

    .. math::

        \alpha_m = \nu \Big(\log\frac{1 - \varepsilon_m}{\varepsilon_m} + \log(K - 1)\Big),

    then sets :math:`w_i \leftarrow w_i\, e^{\alpha_m [h_m(x_i) \ne y_i]}` and normalises.
    The ensemble predicts :math:`\arg\max_k \sum_m \alpha_m [h_m(x) = k]`.

    Read more in the book: Boosting
    <https://skratch-ml.github.io/skratch/book/expert/boosting.html>

    Parameters
    ----------
    estimator : estimator, default=None
        The weak learner; it must accept ``sample_weight`` in ``fit``. None means
        ``DecisionTreeClassifier(max_depth=1)``.
    n_estimators : int, default=50
        Maximum number of rounds (boosting stops early on a perfect learner).
    learning_rate : float, default=1.0
        The shrinkage :math:`\nu` of each learner's vote.
    random_state : int, numpy.random.Generator, RandomState or None, default=None
        Seeds the learners that have a ``random_state`` parameter.

    Attributes
    ----------
    estimators_ : list of estimators
        The fitted weak learners.
    estimator_weights_ : ndarray of shape (n_estimators,)
        The votes :math:`\alpha_m` (0 for rounds not run).
    estimator_errors_ : ndarray of shape (n_estimators,)
        The weighted errors :math:`\varepsilon_m` (1 for rounds not run).
    classes_ : ndarray of shape (n_classes,)
        The class labels.
    n_classes_ : int
        Number of classes.
    n_features_in_ : int
        Number of features seen during ``fit``.
    feature_importances_ : ndarray of shape (n_features,)
        The learners' importances averaged with weights :math:`\alpha_m`.

    See Also
    --------
    GradientBoostingClassifier : Boosting by fitting gradients of the log-loss.
    sklearn.ensemble.AdaBoostClassifier : The scikit-learn estimator this mirrors.

    Notes
    -----
    With two classes SAMME is the original AdaBoost (the :math:`\log(K-1)` term is 0).
    A learner no better than chance (:math:`\varepsilon_m \ge 1 - 1/K`) is discarded and
    boosting stops; the first one raises a ``ValueError``.

    References
    ----------
    .. [1] Y. Freund, R. Schapire, "A Decision-Theoretic Generalization of On-Line
       Learning and an Application to Boosting", 1995.
    .. [2] J. Zhu, H. Zou, S. Rosset, T. Hastie, "Multi-class AdaBoost", Statistics
       and Its Interface, 2(3), 2009.

    Examples
    --------
    >>> from sklearn.datasets import load_breast_cancer
    >>> from skratch.ensemble import AdaBoostClassifier
    >>> X, y = load_breast_cancer(return_X_y=True)
    >>> clf = AdaBoostClassifier(n_estimators=20, random_state=0).fit(X, y)
    >>> clf.estimator_errors_[:3].round(3)
    array([0.077, 0.119, 0.156])
    >>> round(clf.score(X, y), 3)
    0.989
    """

    _parameter_constraints = {
        "n_estimators": [Interval(Integral, 1, None, closed="left")],
        "learning_rate": [Interval(Real, 0, None, closed="neither")],
        "random_state": ["random_state"],
    }

    def __init__(self, estimator=None, *, n_estimators=50, learning_rate=1.0, random_state=None):
        self.estimator = estimator
        self.n_estimators = n_estimators
        self.learning_rate = learning_rate
        self.random_state = random_state

    def fit(self, X, y, sample_weight=None):
        """Boost the weak learners on ``(X, y)``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : array-like of shape (n_samples,)
            Class labels.
        sample_weight : array-like of shape (n_samples,), default=None
            Initial sample weights (normalised to sum to 1).

        Returns
        -------
        self : AdaBoostClassifier
            The fitted estimator.
        """
        self._validate_params()
        if self.estimator is not None and not hasattr(self.estimator, "fit"):
            raise TypeError(
                "estimator must be an estimator "
                "with fit(X, y, sample_weight), got "
                f"{self.estimator!r}."
            )
        X, y = check_X_y(X, y, dtype=np.float64, estimator=self)
        validate_n_features(self, X, reset=True)
        weight = _check_sample_weight(
            sample_weight, X, ensure_non_negative=True
        )
        weight = weight / weight.sum()
        check_classification_targets(y)
        self.classes_ = np.unique(y)
        self.n_classes_ = len(self.classes_)
        base = (
            DecisionTreeClassifier(max_depth=1)
            if self.estimator is None
            else self.estimator
        )
        rng = check_random_state(self.random_state)

        self.estimators_ = []
        self.estimator_weights_ = np.zeros(self.n_estimators)
        self.estimator_errors_ = np.ones(self.n_estimators)
        for m in range(self.n_estimators):
            params = {}
            if "random_state" in base.get_params(deep=False):
                params["random_state"] = int(
                    rng.integers(np.iinfo(np.int32).max)
                )
            learner = _clone(base, **params).fit(X, y, sample_weight=weight)
            incorrect = learner.predict(X) != y
            error = np.average(incorrect, weights=weight)
            self.estimators_.append(learner)
            if error <= 0:  # a perfect learner: it alone decides
                self.estimator_weights_[m], self.estimator_errors_[m] = 1.0, 0.0
                break
            if error >= 1.0 - 1.0 / self.n_classes_:
                self.estimators_.pop()
                if not self.estimators_:
                    raise ValueError(
                        "BaseClassifier in AdaBoostClassifier "
                        "ensemble is worse than "
                        f"random (weighted error {error:.3f} "
                        f">= 1 - 1/{self.n_classes_}), "
                        "ensemble can not be fit."
                    )
                break
            alpha = _samme_estimator_weight(
                error, self.n_classes_, self.learning_rate
            )
            self.estimator_weights_[m], self.estimator_errors_[m] = alpha, error
            if m == self.n_estimators - 1:
                break
            # w_i <- w_i exp(alpha [wrong]), on the log scale to avoid overflow
            with np.errstate(divide="ignore"):
                weight = np.exp(
                    np.log(weight) + alpha * incorrect * (weight > 0)
                )
            total = weight.sum()
            if not np.isfinite(total):
                warnings.warn(
                    "Sample weights have reached infinite values, "
                    f"at iteration {m}, "
                    "causing overflow. Iterations stopped. "
                    "Try lowering the learning rate.",
                    stacklevel=2,
                )
                break
            weight /= total
        return self

    def _votes(self, learner, alpha, X):
        # +alpha for the predicted class, -alpha / (K - 1) for the others (SAMME's
        # symmetric coding, whose sum over classes is 0)
        predicted = learner.predict(X)[:, None] == self.classes_[None, :]  # (n, K)
        return np.where(predicted, alpha, -alpha / max(self.n_classes_ - 1, 1))

    def staged_decision_function(self, X):
        """Yield ``decision_function`` after each round."""
        check_is_fitted(self, "estimators_")
        X = check_array(X, dtype=np.float64, estimator=self)
        validate_n_features(self, X, reset=False)
        total, alpha_sum = np.zeros((X.shape[0], self.n_classes_)), 0.0
        for learner, alpha in zip(self.estimators_, self.estimator_weights_):
            total += self._votes(learner, alpha, X)
            alpha_sum += alpha
            scores = total / alpha_sum
            yield scores[:, 1] - scores[:, 0] if self.n_classes_ == 2 else scores

    def decision_function(self, X):
        """Return the normalised weighted votes: (n_samples,) for two classes
        (positive means ``classes_[1]``), else (n_samples, n_classes)."""
        for scores in self.staged_decision_function(X):
            pass
        return scores

    def _proba(self, scores):
        # softmax of the votes, scaled as scikit-learn does
        if self.n_classes_ == 2:
            scores = np.column_stack([-scores, scores]) / 2
        else:
            scores = scores / (self.n_classes_ - 1)
        return softmax(scores, axis=1)

    def predict_proba(self, X):
        """Return class probabilities: a softmax of the (scaled) weighted votes."""
        return self._proba(self.decision_function(X))

    def predict(self, X):
        """Return the class with the largest weighted vote.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)

        Returns
        -------
        y_pred : ndarray of shape (n_samples,)
        """
        scores = self.decision_function(X)
        if self.n_classes_ == 2:
            return self.classes_[(scores > 0).astype(int)]
        return self.classes_[np.argmax(scores, axis=1)]

    def staged_predict(self, X):
        """Yield the predicted classes after each round."""
        for scores in self.staged_decision_function(X):
            if self.n_classes_ == 2:
                yield self.classes_[(scores > 0).astype(int)]
            else:
                yield self.classes_[np.argmax(scores, axis=1)]

    @property
    def feature_importances_(self):
        """The learners' feature importances, averaged with their votes as weights."""
        check_is_fitted(self, "estimators_")
        alphas = self.estimator_weights_[: len(self.estimators_)]
        importances = np.array([learner.feature_importances_ for learner in self.estimators_])
        return alphas @ importances / alphas.sum()
