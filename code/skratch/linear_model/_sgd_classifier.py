r"""Stochastic gradient descent for linear classifiers: one loss, many models.

The same online loop as ``SGDRegressor`` (one sample, one small step), with a
classification loss of the margin :math:`z = y\,(x^\top w + b)`, :math:`y = \pm 1`:
the hinge loss gives a linear SVM, the log loss logistic regression, the perceptron
loss the perceptron. More than two classes: one binary classifier per class, that
class against the rest.

Read more in the book: Loss functions
<https://skratch-ml.github.io/skratch/book/advanced/loss-functions.html>
"""

from numbers import Integral, Real

import numpy as np
from scipy.special import expit

from ..base import BaseEstimator, ClassifierMixin, LinearClassifierMixin
from ..utils.multiclass import check_classification_targets
from ..utils.validation import (
    Interval,
    StrOptions,
    check_random_state,
    check_X_y,
    validate_n_features,
)
from ._sgd import (
    _check_schedule,
    _sgd_epochs,
    _validation_split,
    _warn_if_not_converged,
)

__all__ = ["SGDClassifier"]


# Each loss of the margin z = y p (p = x w + b, y = +-1) returns the
# per-sample loss and its derivative dL/dp, vectorised over samples.


def _hinge(p, y, threshold=1.0):
    # L = max(0, threshold - z); dL/dp = -y where z <= threshold, else 0.
    # threshold=0 is the perceptron's loss.
    z = y * p
    inside = z <= threshold
    return np.maximum(0.0, threshold - z), np.where(inside, -y, 0.0)


def _perceptron(p, y):
    return _hinge(p, y, threshold=0.0)


def _squared_hinge(p, y):
    # L = max(0, 1 - z)^2; dL/dp = -2 y max(0, 1 - z).
    gap = np.maximum(0.0, 1.0 - y * p)
    return gap * gap, -2.0 * y * gap


def _log_loss(p, y):
    # L = log(1 + exp(-z)); dL/dp = -y sigmoid(-z) = -y / (1 + exp(z)).
    z = y * p
    return np.logaddexp(0.0, -z), -y * expit(-z)


def _modified_huber(p, y):
    # L = max(0, 1 - z)^2 for z >= -1, -4 z below: quadratic near the
    # boundary, linear (robust) for confident mistakes.
    z = y * p
    gap = np.maximum(0.0, 1.0 - z)
    linear = z < -1
    losses = np.where(linear, -4.0 * z, gap * gap)
    return losses, np.where(linear, -4.0 * y, -2.0 * y * gap)


class _ProbaLossOnly:
    """A method that exists only for a loss with probabilities (so ``hasattr``
    is honest: scikit-learn's tools ask ``hasattr(clf, "predict_proba")``)."""

    def __init__(self, method):
        self.method = method
        self.__doc__ = method.__doc__

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if instance.loss not in ("log_loss", "modified_huber"):
            raise AttributeError(
                f"probability estimates are not available for "
                f"loss={instance.loss!r} (only 'log_loss' and 'modified_huber')."
            )
        return self.method.__get__(instance, owner)


_LOSSES = {
    "hinge": _hinge,
    "log_loss": _log_loss,
    "modified_huber": _modified_huber,
    "squared_hinge": _squared_hinge,
    "perceptron": _perceptron,
}


class SGDClassifier(LinearClassifierMixin, ClassifierMixin, BaseEstimator):
    r"""Linear classifier (SVM, logistic regression, ...) fitted by SGD.

    Minimises the penalised mean loss of the margins
    :math:`z_i = y_i (x_i^\top w + b)`, with :math:`y_i = \pm 1`:

    .. math::

        \min_{w,\, b} \; & \frac{1}{n} \sum_{i=1}^{n} L(z_i) \\
        & + \alpha \Big(\frac{1 - \rho}{2} \lVert w \rVert_2^2
        + \rho \lVert w \rVert_1 \Big)

    one sample at a time, as ``SGDRegressor`` does (the same schedules, penalties
    and stopping rule). For :math:`K > 2` classes, :math:`K` binary classifiers
    (one vs all), each with :math:`y_i = +1` for its class and :math:`-1` else.

    Read more in the book: Loss functions
    <https://skratch-ml.github.io/skratch/book/advanced/loss-functions.html>

    Parameters
    ----------
    loss : {"hinge", "log_loss", "modified_huber", "squared_hinge", \
"perceptron"}, default="hinge"
        The loss :math:`L(z)`: ``"hinge"`` :math:`\max(0, 1 - z)` (a linear SVM),
        ``"log_loss"`` :math:`\log(1 + e^{-z})` (logistic regression),
        ``"modified_huber"`` :math:`\max(0, 1 - z)^2` for :math:`z \ge -1` and
        :math:`-4z` below, ``"squared_hinge"`` :math:`\max(0, 1 - z)^2`,
        ``"perceptron"`` :math:`\max(0, -z)`.

    penalty : {"l2", "l1", "elasticnet", None}, default="l2"
        The penalty on ``coef_`` (never on the intercept).

    alpha : float, default=0.0001
        Strength of the penalty; also sets the ``"optimal"`` learning rate.

    l1_ratio : float, default=0.15
        Share :math:`\rho` of L1 in the ``"elasticnet"`` penalty.

    fit_intercept : bool, default=True
        Whether to fit the intercept.

    max_iter : int, default=1000
        Maximum number of epochs (passes over the training data).

    tol : float or None, default=1e-3
        Stop when the epoch's mean objective has not improved on the best one by
        more than ``tol`` for ``n_iter_no_change`` epochs in a row (with
        ``early_stopping``: the validation accuracy). None: run ``max_iter``.

    shuffle : bool, default=True
        Whether to shuffle the training data before every epoch.

    random_state : int, numpy.random.Generator, RandomState or None, \
default=None
        Seeds the shuffling and the validation split.

    learning_rate : {"optimal", "constant", "invscaling", "adaptive"}, \
default="optimal"
        The schedule :math:`\eta_t` (:math:`t` = updates so far plus one):
        ``"optimal"`` :math:`1 / (\alpha (t_0 + t - 1))`, with :math:`t_0` chosen
        so that the first step is :math:`\alpha^{-1/4}` (Bottou's heuristic);
        ``"constant"`` :math:`\eta_0`; ``"invscaling"``
        :math:`\eta_0 / t^{\text{power\_t}}`; ``"adaptive"`` :math:`\eta_0`,
        divided by 5 each time ``n_iter_no_change`` epochs pass without
        improvement.

    eta0 : float, default=0.01
        Initial learning rate (not used by ``"optimal"``).

    power_t : float, default=0.5
        Exponent of the ``"invscaling"`` schedule.

    early_stopping : bool, default=False
        Hold out ``validation_fraction`` of the data and stop on its accuracy.

    validation_fraction : float, default=0.1
        Share of the data held out when ``early_stopping=True``.

    n_iter_no_change : int, default=5
        Number of epochs without improvement before stopping.

    average : bool or int, default=False
        True, or an int a > 0: ``coef_`` and ``intercept_`` are the mean of the
        iterates from update a on (averaged SGD; True means a = 1).

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
        The class labels, sorted.

    coef_ : ndarray of shape (1, n_features) or (n_classes, n_features)
        The weights; one row for two classes (the score of ``classes_[1]``).

    intercept_ : ndarray of shape (1,) or (n_classes,)
        The intercepts.

    n_features_in_ : int
        Number of features seen during ``fit``.

    n_iter_ : int
        Number of epochs run (the largest over the one-vs-all classifiers).

    t_ : float
        Number of updates made by the longest binary fit, plus one.

    loss_curve_ : list of float or list of list of float
        For every epoch, the mean objective over its updates (the quantity the
        stopping rule watches); one list per class for three classes or more.

    See Also
    --------
    sklearn.linear_model.SGDClassifier : The scikit-learn estimator this one
        mirrors.
    SGDRegressor : The same loop with the squared error.
    LogisticRegression : The log loss, minimised exactly.
    Perceptron : The perceptron loss with a constant rate.

    Notes
    -----
    With ``shuffle=False`` the updates are scikit-learn's, sample by sample: the
    same losses, weight decay for L2, cumulative truncated gradient for L1.
    ``predict_proba`` exists for ``"log_loss"`` (the sigmoid of the score,
    normalised over the one-vs-all classifiers) and ``"modified_huber"``
    (:math:`(\text{clip}(s, -1, 1) + 1) / 2`, normalised).
    With an L1 penalty the stopping rule may end at another epoch than
    scikit-learn's: its objective reads an L1 norm cached at the last
    non-zero update, which the truncation step does not refresh; ours is the
    current norm.

    References
    ----------
    .. [1] L. Bottou, "Stochastic Gradient Descent Tricks", in Neural Networks:
       Tricks of the Trade, Springer, 2012.
    .. [2] T. Zhang, "Solving large scale linear prediction problems using
       stochastic gradient descent algorithms", ICML 2004.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.linear_model import SGDClassifier
    >>> rng = np.random.default_rng(0)
    >>> X = np.vstack([rng.normal(-2, 1, (50, 2)), rng.normal(2, 1, (50, 2))])
    >>> y = np.repeat([0, 1], 50)
    >>> clf = SGDClassifier(loss="log_loss", random_state=0).fit(X, y)
    >>> clf.score(X, y)
    1.0
    >>> clf.predict_proba([[2.0, 2.0]]).round(3)
    array([[0., 1.]])
    """

    _parameter_constraints = {
        "loss": [StrOptions(set(_LOSSES))],
        "penalty": [StrOptions({"l2", "l1", "elasticnet"}), None],
        "alpha": [Interval(Real, 0, None, closed="left")],
        "l1_ratio": [Interval(Real, 0, 1, closed="both")],
        "fit_intercept": ["boolean"],
        "max_iter": [Interval(Integral, 1, None, closed="left")],
        "tol": [Interval(Real, 0, None, closed="left"), None],
        "shuffle": ["boolean"],
        "random_state": ["random_state"],
        "learning_rate": [
            StrOptions({"constant", "invscaling", "optimal", "adaptive"})
        ],
        "eta0": [Interval(Real, 0, None, closed="neither")],
        "power_t": [Interval(Real, None, None, closed="neither")],
        "early_stopping": ["boolean"],
        "validation_fraction": [Interval(Real, 0, 1, closed="neither")],
        "n_iter_no_change": [Interval(Integral, 1, None, closed="left")],
        "average": [Interval(Integral, 0, None, closed="left"), "boolean"],
    }

    def __init__(
        self,
        loss="hinge",
        *,
        penalty="l2",
        alpha=0.0001,
        l1_ratio=0.15,
        fit_intercept=True,
        max_iter=1000,
        tol=1e-3,
        shuffle=True,
        random_state=None,
        learning_rate="optimal",
        eta0=0.01,
        power_t=0.5,
        early_stopping=False,
        validation_fraction=0.1,
        n_iter_no_change=5,
        average=False,
    ):
        self.loss = loss
        self.penalty = penalty
        self.alpha = alpha
        self.l1_ratio = l1_ratio
        self.fit_intercept = fit_intercept
        self.max_iter = max_iter
        self.tol = tol
        self.shuffle = shuffle
        self.random_state = random_state
        self.learning_rate = learning_rate
        self.eta0 = eta0
        self.power_t = power_t
        self.early_stopping = early_stopping
        self.validation_fraction = validation_fraction
        self.n_iter_no_change = n_iter_no_change
        self.average = average

    def fit(self, X, y):
        """Fit the linear classifier(s) with stochastic gradient descent.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : array-like of shape (n_samples,)
            Class labels.

        Returns
        -------
        self : SGDClassifier
            The fitted estimator.
        """
        self._validate_params()
        _check_schedule(self)
        X, y = check_X_y(X, y, dtype=np.float64, estimator=self)
        check_classification_targets(y)
        validate_n_features(self, X, reset=True)
        self.classes_, y_index = np.unique(y, return_inverse=True)
        if len(self.classes_) < 2:
            raise ValueError(
                "The number of classes has to be greater than one; got 1 class: "
                f"{self.classes_[0]}."
            )
        rng = check_random_state(self.random_state)
        train = np.arange(len(X))
        if self.early_stopping:
            train, val = _validation_split(
                len(X), self.validation_fraction, rng
            )
        # Y[i, k] = +1 if sample i is of class k, else -1; one column for two.
        if len(self.classes_) == 2:
            Y = np.where(y_index == 1, 1.0, -1.0)[:, None]  # (n_samples, 1)
        else:
            Y = np.where(y_index[:, None] == np.arange(len(self.classes_)), 1.0, -1.0)
        average = int(self.average)  # True is 1: average from the first update
        loss = _LOSSES[self.loss]

        coef, intercept, n_iter, t, curves = [], [], 0, 1.0, []
        for y_k in Y.T:  # one binary classifier per column
            validation_score = None
            if self.early_stopping:

                def validation_score(w, b, y_val=y_k[val]):  # accuracy
                    return np.mean(np.where(X[val] @ w + b > 0, 1.0, -1.0) == y_val)

            w, b, n_iter_k, t_k, curve, averaged = _sgd_epochs(
                self,
                X[train],
                y_k[train],
                loss,
                rng,
                validation_score=validation_score,
                average=average,
            )
            if averaged is not None and average <= t_k - 1:
                w, b = averaged
            coef.append(w)
            intercept.append(b)
            curves.append(curve)
            n_iter, t = max(n_iter, n_iter_k), max(t, t_k)

        self.coef_ = np.array(coef)
        self.intercept_ = np.array(intercept)
        self.n_iter_ = n_iter
        self.t_ = t
        self.loss_curve_ = curves[0] if len(curves) == 1 else curves
        _warn_if_not_converged(self, n_iter)
        return self

    @_ProbaLossOnly
    def predict_proba(self, X):
        """Probability estimates, for ``loss="log_loss"`` or ``"modified_huber"``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        proba : ndarray of shape (n_samples, n_classes)
            One column per class, in the order of ``classes_``.
        """
        scores = self.decision_function(X)
        if self.loss == "log_loss":
            proba = expit(scores)
        else:
            proba = (np.clip(scores, -1.0, 1.0) + 1.0) / 2.0
        if proba.ndim == 1:
            return np.column_stack([1.0 - proba, proba])
        total = proba.sum(axis=1, keepdims=True)  # (n_samples, 1)
        # All-zero rows (modified Huber: every score <= -1) become uniform.
        all_zero = total[:, 0] == 0
        proba[all_zero] = 1.0
        total[all_zero] = len(self.classes_)
        return proba / total

    @_ProbaLossOnly
    def predict_log_proba(self, X):
        """Log of ``predict_proba``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        log_proba : ndarray of shape (n_samples, n_classes)
            One column per class, in the order of ``classes_``.
        """
        return np.log(self.predict_proba(X))
