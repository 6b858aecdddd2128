"""Stochastic gradient descent for linear regression: one small step per sample (batch).

Where ``LinearRegression(solver="gd")`` computes the gradient on the whole data set
before each step, SGD estimates it from one sample (or a mini-batch of
``batch_size`` samples), takes a step, and moves on: many cheap, noisy steps instead of
few exact ones. A decreasing learning rate averages the noise out.

Read more in the book: Gradient descent
<https://skratch-ml.github.io/skratch/book/intermediate/gradient-descent.html>
"""

import warnings
from numbers import Integral, Real

import numpy as np

from ..base import BaseEstimator, RegressorMixin
from ..exceptions import ConvergenceWarning
from ..utils.validation import (
    Interval,
    StrOptions,
    check_array,
    check_is_fitted,
    check_random_state,
    check_X_y,
    validate_n_features,
)

__all__ = ["SGDRegressor"]

# Gradients of the squared error are clipped to this size, as in scikit-learn, so that
# one wild step cannot produce inf (the divergence is then caught after the epoch).
_MAX_DLOSS = 1e12


def _learning_rate(schedule, eta0, power_t, alpha, t, optimal_init=0.0):
    # constant:    eta_t = eta0
    # invscaling:  eta_t = eta0 / t^power_t
    # optimal:     eta_t = 1 / (alpha (t0 + t - 1)), with t0 from Bottou's
    #              heuristic
    # t counts the updates, starting at 1; "adaptive" starts at eta0 and is
    # divided by 5 by the caller when the loss stops improving.
    if schedule == "invscaling":
        return eta0 / t**power_t
    if schedule == "optimal":
        return 1.0 / (alpha * (optimal_init + t - 1))
    return eta0


def _l1_cumulative_penalty(w, q, u):
    # Truncated gradient with a cumulative L1 penalty (Tsuruoka et al., 2009):
    # u = total L1 penalty every weight could have received so far, q_j = what w_j
    # actually received. Each weight is pulled towards 0 by what it is owed, but never
    # across 0, so weights that should be zero become exactly zero.
    #   w_j > 0: w_j <- max(0, w_j - (u + q_j));  w_j < 0: w_j <- min(0, w_j + (u - q_j))
    # u may be a scalar or one value per row of w (the Perceptron's classes).
    u = np.broadcast_to(u, w.shape)
    before = w.copy()
    positive, negative = w > 0, w < 0
    w[positive] = np.maximum(0.0, w[positive] - (u[positive] + q[positive]))
    w[negative] = np.minimum(0.0, w[negative] + (u[negative] - q[negative]))
    q += w - before



def _squared_loss(p, y):
    # L = (1/2)(p - y)^2, dL/dp = p - y: each sample's residual.
    residual = p - y
    return 0.5 * residual * residual, residual


def _check_schedule(estimator):
    # The one combination the per-parameter constraints cannot see.
    if estimator.learning_rate == "optimal" and estimator.alpha == 0:
        raise ValueError(
            "alpha must be > 0 since learning_rate is 'optimal' (eta = 1 / (alpha "
            "(t0 + t))); got alpha=0."
        )


def _validation_split(n_samples, validation_fraction, rng):
    """Indices (train, validation) of a random hold-out split for early stopping."""
    n_validation = max(1, int(round(validation_fraction * n_samples)))
    if n_validation >= n_samples:
        raise ValueError(
            f"validation_fraction={validation_fraction} leaves no "
            f"training sample out of n_samples={n_samples}."
        )
    order = rng.permutation(n_samples)
    return order[n_validation:], order[:n_validation]


def _warn_if_not_converged(estimator, n_iter):
    if estimator.tol is not None and n_iter == estimator.max_iter:
        warnings.warn(
            "Maximum number of iterations "
            f"(max_iter={estimator.max_iter}) reached before convergence. "
            "Consider increasing max_iter to improve the fit.",
            ConvergenceWarning,
            stacklevel=3,
        )


# A diverging run overflows on its way to inf; we detect it after the epoch and
# raise, so NumPy's overflow warnings would only be noise.
@np.errstate(over="ignore", invalid="ignore")
def _sgd_epochs(
    est, X, y, loss, rng, *, validation_score=None, batch_size=1, average=0
):
    """The epoch loop that SGDRegressor and SGDClassifier share.

    ``loss(p, y)`` returns each sample's loss and its derivative dL/dp
    for the predictions ``p``; the schedule, penalty and stopping rule
    are read from the estimator ``est``. ``validation_score(w, b)``
    (higher is better) replaces the training objective in the stopping
    rule when early stopping is on. With ``average`` = a > 0, also the
    running mean of the weights from update a on.

    Returns ``w, b, n_epochs, t, loss_curve`` and ``(w_average,
    b_average)`` (or None).
    """
    penalty = est.penalty
    l1_ratio = {"l2": 0.0, "l1": 1.0, None: 0.0}.get(penalty, est.l1_ratio)
    alpha = 0.0 if penalty is None else float(est.alpha)
    decay_rate = alpha * (1.0 - l1_ratio)  # the L2 part, as weight decay
    l1_rate = alpha * l1_ratio
    optimal_init = 0.0
    if est.learning_rate == "optimal":
        # scikit-learn's t0: the first step has size sqrt(1 / sqrt(alpha)).
        optimal_init = 1.0 / (np.sqrt(1.0 / np.sqrt(est.alpha)) * est.alpha)

    n_samples, n_features = X.shape
    w = np.zeros(n_features)
    b = 0.0
    q = np.zeros(n_features)  # L1 penalty each weight has received
    u = 0.0  # L1 penalty each weight could have received (cumulative)
    w_average, b_average = np.zeros(n_features), 0.0
    t = 1.0
    eta = float(est.eta0)
    best, no_improvement = np.inf, 0
    loss_curve = []

    for epoch in range(1, est.max_iter + 1):
        order = np.arange(n_samples)
        if est.shuffle:
            order = rng.permutation(n_samples)
        X_epoch, y_epoch = X[order], y[order]  # rows in this epoch's order
        objective = 0.0
        for start in range(0, n_samples, batch_size):
            X_batch = X_epoch[start : start + batch_size]  # (m, n_features)
            m = len(X_batch)
            if est.learning_rate != "adaptive":
                eta = _learning_rate(
                    est.learning_rate,
                    est.eta0,
                    est.power_t,
                    est.alpha,
                    t,
                    optimal_init,
                )
            p = X_batch @ w  # (m,)
            p += b
            losses, dloss = loss(p, y_epoch[start : start + batch_size])
            objective += losses.sum()
            if decay_rate > 0:
                objective += m * 0.5 * decay_rate * (w @ w)
            if l1_rate > 0:
                objective += m * l1_rate * np.abs(w).sum()
            np.clip(dloss, -_MAX_DLOSS, _MAX_DLOSS, out=dloss)
            if decay_rate > 0:
                # Weight decay is the L2 gradient step; it never flips w.
                w *= max(0.0, 1.0 - eta * decay_rate)
            w -= (eta / m) * (dloss @ X_batch)
            if est.fit_intercept:
                b -= (eta / m) * dloss.sum()
            if 0 < average <= t:
                # Running mean of the iterates (before the L1 step, as in
                # scikit-learn): w_avg += (w - w_avg) / (updates averaged).
                n_averaged = t - average + 1
                w_average += (w - w_average) / n_averaged
                b_average += (b - b_average) / n_averaged
            if l1_rate > 0:
                u += eta * l1_rate
                _l1_cumulative_penalty(w, q, u)
            t += 1.0

        finite = np.isfinite(objective) and np.isfinite(b)
        if not (finite and np.isfinite(w).all()):
            raise ValueError(
                "Floating-point under-/overflow occurred at epoch "
                f"#{epoch}: the loss or the weights became infinite "
                f"(eta0={est.eta0} is too large for this data?). "
                "Scaling input data with StandardScaler might help."
            )
        loss_curve.append(float(objective / n_samples))

        # Stopping rule: the score (objective, or minus the validation
        # score) must beat the best so far by tol at least once in
        # n_iter_no_change epochs.
        if validation_score is not None:
            score = -validation_score(w, b)
        else:
            score = loss_curve[-1]
        if est.tol is not None and score > best - est.tol:
            no_improvement += 1
        else:
            no_improvement = 0
        best = min(best, score)
        if no_improvement >= est.n_iter_no_change:
            if est.learning_rate == "adaptive" and eta > 1e-6:
                eta /= 5.0
                no_improvement = 0
            else:
                break

    averaged = (w_average, b_average) if average else None
    return w, b, epoch, t, loss_curve, averaged


class SGDRegressor(RegressorMixin, BaseEstimator):
    r"""Linear regression fitted by stochastic (or mini-batch) gradient descent.

    Minimises the penalised mean squared error

    .. math::

        \min_{w,\, b} \; & \frac{1}{n} \sum_{i=1}^{n} \frac{1}{2}(y_i - x_i^\top w - b)^2 \\
        & + \alpha \Big(\frac{1 - \rho}{2} \lVert w \rVert_2^2 + \rho \lVert w \rVert_1
        \Big)

    (:math:`\rho` is ``l1_ratio``) one sample, or one mini-batch, at a time: for a
    batch :math:`B`,

    .. math::

        w \leftarrow w - \eta_t \,(g_B + \nabla \text{penalty}),

    .. math::

        g_B = \frac{1}{|B|}\sum_{i\in B} (x_i^\top w + b - y_i)\, x_i.

    Read more in the book: Gradient descent
    <https://skratch-ml.github.io/skratch/book/intermediate/gradient-descent.html>

    Parameters
    ----------
    loss : {"squared_error"}, default="squared_error"
        The loss; only the squared error is implemented.

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
        Stop when the epoch's mean objective has not improved on the best one by more
        than ``tol`` for ``n_iter_no_change`` epochs in a row (with
        ``early_stopping``: the validation R^2). None: run ``max_iter`` epochs.

    shuffle : bool, default=True
        Whether to shuffle the training data before every epoch.

    random_state : int, numpy.random.Generator, RandomState or None, default=None
        Seeds the shuffling and the validation split.

    learning_rate : {"constant", "invscaling", "optimal", "adaptive"}, default="invscaling"
        The schedule :math:`\eta_t`, with :math:`t` the number of updates so far plus
        one: ``"constant"`` :math:`\eta_0`; ``"invscaling"``
        :math:`\eta_0 / t^{\text{power\_t}}`; ``"optimal"``
        :math:`1 / (\alpha (t_0 + t - 1))`; ``"adaptive"`` :math:`\eta_0`, divided by 5
        each time ``n_iter_no_change`` epochs pass without improvement.

    eta0 : float, default=0.01
        Initial learning rate (not used by ``"optimal"``).

    power_t : float, default=0.25
        Exponent of the ``"invscaling"`` schedule.

    early_stopping : bool, default=False
        Hold out ``validation_fraction`` of the data and stop on its R^2.

    validation_fraction : float, default=0.1
        Share of the data held out when ``early_stopping=True``.

    n_iter_no_change : int, default=5
        Number of epochs without improvement before stopping.

    batch_size : int, default=1
        Samples per update. **Our addition** (scikit-learn's SGDRegressor always uses
        1): with ``batch_size > 1`` each step uses the mean gradient of a mini-batch.
        ``batch_size=1`` reproduces scikit-learn's updates.

    Attributes
    ----------
    coef_ : ndarray of shape (n_features,)
        The weights.

    intercept_ : ndarray of shape (1,)
        The intercept.

    n_features_in_ : int
        Number of features seen during ``fit``.

    n_iter_ : int
        Number of epochs run.

    t_ : float
        Number of updates made, plus one (the :math:`t` of the next step).

    loss_curve_ : list of float
        For every epoch, the mean over its updates of the objective (half squared
        error plus penalty), each evaluated just before its update: the quantity the
        stopping rule watches.

    See Also
    --------
    sklearn.linear_model.SGDRegressor : The scikit-learn estimator this one mirrors.
    LinearRegression : The exact least-squares solution.
    Ridge : The exact solution of the L2-penalised problem.

    Notes
    -----
    The L2 step is written as weight decay, :math:`w \leftarrow (1 - \eta_t \alpha
    (1-\rho))\, w - \eta_t \nabla_w \text{loss}`, and the L1 step as a cumulative
    truncated gradient, both as in scikit-learn; with ``shuffle=False`` and
    ``batch_size=1`` our updates are scikit-learn's, to rounding.

    References
    ----------
    .. [1] L. Bottou, "Stochastic Gradient Descent Tricks", in Neural Networks: Tricks
       of the Trade, Springer, 2012.
    .. [2] Y. Tsuruoka, J. Tsujii, S. Ananiadou, "Stochastic Gradient Descent Training
       for L1-regularized Log-linear Models with Cumulative Penalty", ACL 2009.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.linear_model import SGDRegressor
    >>> rng = np.random.default_rng(0)
    >>> X = rng.normal(size=(200, 2))
    >>> y = X @ np.array([2.0, -1.0]) + 0.5
    >>> reg = SGDRegressor(penalty=None, random_state=0).fit(X, y)
    >>> print(reg.coef_.round(2), reg.intercept_.round(2))
    [ 1.99 -0.99] [0.49]
    >>> reg.n_iter_ == len(reg.loss_curve_)
    True
    """

    _parameter_constraints = {
        "loss": [StrOptions({"squared_error"})],
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
        "batch_size": [Interval(Integral, 1, None, closed="left")],
    }

    def __init__(
        self,
        loss="squared_error",
        penalty="l2",
        alpha=0.0001,
        l1_ratio=0.15,
        fit_intercept=True,
        max_iter=1000,
        tol=1e-3,
        shuffle=True,
        random_state=None,
        learning_rate="invscaling",
        eta0=0.01,
        power_t=0.25,
        early_stopping=False,
        validation_fraction=0.1,
        n_iter_no_change=5,
        batch_size=1,
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
        self.batch_size = batch_size

    def fit(self, X, y):
        """Fit the linear model with stochastic (mini-batch) gradient descent.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : array-like of shape (n_samples,)
            Target values.

        Returns
        -------
        self : SGDRegressor
            The fitted estimator.
        """
        self._validate_params()
        _check_schedule(self)
        X, y = check_X_y(X, y, dtype=np.float64, y_numeric=True, estimator=self)
        validate_n_features(self, X, reset=True)
        rng = check_random_state(self.random_state)

        validation_score = None
        if self.early_stopping:
            train, val = _validation_split(
                len(X), self.validation_fraction, rng
            )
            X_val, y_val = X[val], y[val]
            X, y = X[train], y[train]

            def validation_score(w, b):  # the validation R^2
                residual_val = y_val - X_val @ w - b
                total = np.sum((y_val - y_val.mean()) ** 2)
                if total == 0:
                    return 0.0
                return 1 - residual_val @ residual_val / total

        w, b, epoch, t, self.loss_curve_, _ = _sgd_epochs(
            self,
            X,
            y,
            _squared_loss,
            rng,
            validation_score=validation_score,
            batch_size=self.batch_size,
        )

        self.coef_ = w
        self.intercept_ = np.array([b])
        self.n_iter_ = epoch
        self.t_ = t
        _warn_if_not_converged(self, epoch)
        return self

    def predict(self, X):
        """Predict with the linear model: ``X @ coef_ + intercept_``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        y_pred : ndarray of shape (n_samples,)
            Predicted values.
        """
        check_is_fitted(self)
        X = check_array(X, dtype=np.float64, estimator=self)
        validate_n_features(self, X, reset=False)
        return X @ self.coef_ + self.intercept_[0]
