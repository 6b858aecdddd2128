r"""The perceptron: a linear classifier that learns only from its mistakes.

Rosenblatt's rule (1958): look at one sample; if the sign of the score
:math:`x^\top w + b` is wrong, move :math:`w` towards the sample's side,
:math:`w \leftarrow w + \eta\, y\, x`; if it is right, do nothing. If the classes can
be separated by a hyperplane, the rule finds one after finitely many mistakes. With more
than two classes, one perceptron per class learns that class against the rest.

Read more in the book: Logistic regression
<https://skratch-ml.github.io/skratch/book/intermediate/logistic-regression.html>
"""

import warnings
from numbers import Integral, Real

import numpy as np

from ..base import BaseEstimator, ClassifierMixin, LinearClassifierMixin
from ..exceptions import ConvergenceWarning
from ..utils.multiclass import check_classification_targets
from ..utils.validation import (
    Interval,
    StrOptions,
    check_random_state,
    check_X_y,
    validate_n_features,
)
from ._sgd import _l1_cumulative_penalty

__all__ = ["Perceptron"]


def _perceptron_loss(margins):
    # L(w, b; x, y) = max(0, -y (x w + b)): zero when the sign is right; a mistake
    # (margin <= 0) costs its distance to the boundary, with gradient -y x.
    return np.maximum(0.0, -margins)


class Perceptron(LinearClassifierMixin, ClassifierMixin, BaseEstimator):
    r"""The perceptron, trained online (one sample at a time), one-vs-rest for 3+ classes.

    For each sample, in turn, and each class :math:`k` (with :math:`y_k = \pm 1`: is
    the sample of class :math:`k`?):

    .. math::

        & \text{if } y_k (x^\top w_k + b_k) \le 0: \\
        & \qquad w_k \leftarrow w_k + \eta_0\, y_k\, x, \\
        & \qquad b_k \leftarrow b_k + \eta_0\, y_k

    which is stochastic gradient descent on :math:`\max(0, -y_k (x^\top w_k + b_k))`.

    Read more in the book: Logistic regression
    <https://skratch-ml.github.io/skratch/book/intermediate/logistic-regression.html>

    Parameters
    ----------
    penalty : {"l2", "l1", "elasticnet", None}, default=None
        Optional penalty, applied as in ``SGDRegressor``.

    alpha : float, default=0.0001
        Strength of the penalty.

    l1_ratio : float, default=0.15
        Share of L1 in the ``"elasticnet"`` penalty.

    fit_intercept : bool, default=True
        Whether to fit the intercepts.

    max_iter : int, default=1000
        Maximum number of epochs.

    tol : float or None, default=1e-3
        Stop a class's perceptron when its epoch loss has not improved on its best by
        more than ``tol`` for ``n_iter_no_change`` epochs. None: run ``max_iter``.

    shuffle : bool, default=True
        Whether to shuffle the samples before each epoch.

    eta0 : float, default=1.0
        The step size :math:`\eta_0` (constant).

    random_state : int, numpy.random.Generator, RandomState or None, default=0
        Seeds the shuffling.

    n_iter_no_change : int, default=5
        Epochs without improvement before stopping.

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
        The class labels, sorted.

    coef_ : ndarray of shape (1, n_features) or (n_classes, n_features)
        The weights; one row for two classes (the score of ``classes_[1]``).

    intercept_ : ndarray of shape (1,) or (n_classes,)
        The intercepts.

    n_iter_ : int
        Number of epochs run (the largest over the one-vs-rest perceptrons).

    n_features_in_ : int
        Number of features seen during ``fit``.

    See Also
    --------
    sklearn.linear_model.Perceptron : The scikit-learn estimator this one mirrors.
    LogisticRegression : A linear classifier with probabilities and a smooth loss.
    SGDRegressor : The same online updates, for the squared error.

    Notes
    -----
    With ``shuffle=False`` our updates are scikit-learn's, sample by sample (its
    Perceptron is an ``SGDClassifier`` with this loss and ``learning_rate="constant"``);
    the one-vs-rest perceptrons are independent, so we update them together (a vector
    over classes) and each stops on its own.

    References
    ----------
    .. [1] F. Rosenblatt, "The perceptron: a probabilistic model for information
       storage and organization in the brain", Psychological Review 65(6), 1958.
    .. [2] C. M. Bishop, "Pattern Recognition and Machine Learning", Springer, 2006,
       section 4.1.7.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.linear_model import Perceptron
    >>> X = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0],
    ...               [2.0, 2.0], [3.0, 2.0]])
    >>> y = np.array([0, 0, 0, 1, 1])
    >>> clf = Perceptron(shuffle=False).fit(X, y)
    >>> clf.predict(X)
    array([0, 0, 0, 1, 1])
    >>> print(clf.coef_, clf.intercept_)
    [[1. 1.]] [-3.]
    """

    _parameter_constraints = {
        "penalty": [StrOptions({"l2", "l1", "elasticnet"}), None],
        "alpha": [Interval(Real, 0, None, closed="left")],
        "l1_ratio": [Interval(Real, 0, 1, closed="both")],
        "fit_intercept": ["boolean"],
        "max_iter": [Interval(Integral, 1, None, closed="left")],
        "tol": [Interval(Real, 0, None, closed="left"), None],
        "shuffle": ["boolean"],
        "eta0": [Interval(Real, 0, None, closed="neither")],
        "random_state": ["random_state"],
        "n_iter_no_change": [Interval(Integral, 1, None, closed="left")],
    }

    def __init__(
        self,
        penalty=None,
        alpha=0.0001,
        l1_ratio=0.15,
        fit_intercept=True,
        max_iter=1000,
        tol=1e-3,
        shuffle=True,
        eta0=1.0,
        random_state=0,
        n_iter_no_change=5,
    ):
        self.penalty = penalty
        self.alpha = alpha
        self.l1_ratio = l1_ratio
        self.fit_intercept = fit_intercept
        self.max_iter = max_iter
        self.tol = tol
        self.shuffle = shuffle
        self.eta0 = eta0
        self.random_state = random_state
        self.n_iter_no_change = n_iter_no_change

    def fit(self, X, y):
        """Fit the perceptron(s) by online updates over the samples.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : array-like of shape (n_samples,)
            Class labels.

        Returns
        -------
        self : Perceptron
            The fitted estimator.
        """
        self._validate_params()
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
        n_samples, n_features = X.shape
        # Y[i, k] = +1 if sample i is of class k, else -1; one column for two classes.
        if len(self.classes_) == 2:
            Y = np.where(y_index == 1, 1.0, -1.0)[:, None]  # (n_samples, 1)
        else:
            Y = np.where(y_index[:, None] == np.arange(len(self.classes_)), 1.0, -1.0)
        n_outputs = Y.shape[1]

        l1_ratio = {"l2": 0.0, "l1": 1.0, None: 0.0}.get(self.penalty, self.l1_ratio)
        alpha = 0.0 if self.penalty is None else float(self.alpha)
        eta = float(self.eta0)
        decay = max(0.0, 1.0 - eta * alpha * (1 - l1_ratio))  # the L2 step
        W = np.zeros((n_outputs, n_features))
        b = np.zeros(n_outputs)
        q = np.zeros_like(W)  # cumulative L1 penalty received (see SGDRegressor)
        u = np.zeros((n_outputs, 1))
        active = np.ones(n_outputs, dtype=bool)  # perceptrons still training
        best = np.full(n_outputs, np.inf)
        no_improvement = np.zeros(n_outputs, dtype=int)
        n_iter = np.zeros(n_outputs, dtype=int)

        for epoch in range(1, self.max_iter + 1):
            order = rng.permutation(n_samples) if self.shuffle else range(n_samples)
            objective = np.zeros(n_outputs)
            for i in order:  # the perceptron rule is online: one sample at a time
                x, y_i = X[i], Y[i]
                margins = y_i * (W @ x + b)  # (n_outputs,)
                objective += _perceptron_loss(margins)
                if alpha > 0:
                    objective += alpha * (
                        0.5 * (1 - l1_ratio) * np.einsum("kj,kj->k", W, W)
                        + l1_ratio * np.abs(W).sum(axis=1)
                    )
                    W[active] *= decay
                step = np.where((margins <= 0) & active, eta * y_i, 0.0)  # (n_outputs,)
                W += step[:, None] * x
                if self.fit_intercept:
                    b += step
                if alpha * l1_ratio > 0:
                    u[active] += eta * alpha * l1_ratio
                    # Stopped perceptrons are left alone (rows copied in and out).
                    W_active, q_active = W[active], q[active]
                    _l1_cumulative_penalty(W_active, q_active, u[active])
                    W[active], q[active] = W_active, q_active
            n_iter[active] = epoch
            if self.tol is not None:
                objective /= n_samples
                worse = objective > best - self.tol
                no_improvement = np.where(worse, no_improvement + 1, 0)
                best = np.minimum(best, objective)
                active &= no_improvement < self.n_iter_no_change
            if not active.any():
                break

        self.coef_ = W
        self.intercept_ = b
        self.n_iter_ = int(n_iter.max())
        if self.tol is not None and active.any():
            warnings.warn(
                f"Maximum number of iterations (max_iter={self.max_iter}) reached "
                "before convergence. Consider increasing max_iter to improve the fit.",
                ConvergenceWarning,
                stacklevel=2,
            )
        return self
