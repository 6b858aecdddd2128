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


class SGDRegressor(RegressorMixin, BaseEstimator):
    r"""Linear regression fitted by stochastic (or mini-batch) gradient descent.

    Minimises the penalised mean squared error

    .. math::

        \min_{w,\, b} \; \frac{1}{n} \sum_{i=1}^{n} \frac{1}{2}(y_i - x_i^\top w - b)^2
        + \alpha \left(\frac{1 - \rho}{2} \lVert w \rVert_2^2 + \rho \lVert w \rVert_1
        \right)

    (:math:`\rho` is ``l1_ratio``) one sample, or one mini-batch, at a time: for a
    batch :math:`B`, :math:`w \leftarrow w - \eta_t \left(\frac{1}{|B|}\sum_{i\in B}
    (x_i^\top w + b - y_i)\, x_i + \nabla \text{penalty}\right)`.

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

    def _check_schedule(self):
        # The one combination the per-parameter constraints cannot see.
        if self.learning_rate == "optimal" and self.alpha == 0:
            raise ValueError(
                "alpha must be > 0 since learning_rate is 'optimal' (eta = 1 / (alpha "
                "(t0 + t))); got alpha=0."
            )

    # A diverging run overflows on its way to inf; we detect it after the epoch and
    # raise, so NumPy's overflow warnings would only be noise.
    @np.errstate(over="ignore", invalid="ignore")
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
        self._check_schedule()
        X, y = check_X_y(X, y, dtype=np.float64, y_numeric=True, estimator=self)
        validate_n_features(self, X, reset=True)
        rng = check_random_state(self.random_state)

        if self.early_stopping:
            n_validation = max(1, int(round(self.validation_fraction * len(X))))
            if n_validation >= len(X):
                raise ValueError(
                    f"validation_fraction={self.validation_fraction} leaves no "
                    f"training sample out of n_samples={len(X)}."
                )
            order = rng.permutation(len(X))
            X_val, y_val = X[order[:n_validation]], y[order[:n_validation]]
            X, y = X[order[n_validation:]], y[order[n_validation:]]

        penalty = self.penalty
        l1_ratio = {"l2": 0.0, "l1": 1.0, None: 0.0}.get(penalty, self.l1_ratio)
        alpha = 0.0 if penalty is None else float(self.alpha)
        decay_rate = alpha * (1.0 - l1_ratio)  # the L2 part, as weight decay
        l1_rate = alpha * l1_ratio
        optimal_init = 0.0
        if self.learning_rate == "optimal":
            # scikit-learn's t0: the first step has size sqrt(1 / sqrt(alpha)).
            optimal_init = 1.0 / (
                np.sqrt(1.0 / np.sqrt(self.alpha)) * self.alpha
            )

        n_samples, n_features = X.shape
        w = np.zeros(n_features)
        b = 0.0
        # L1 penalty each weight has received (cumulative)
        q = np.zeros(n_features)
        u = 0.0  # L1 penalty each weight could have received
        t = 1.0
        eta = float(self.eta0)
        best, no_improvement = np.inf, 0
        self.loss_curve_ = []
        batch = self.batch_size

        for epoch in range(1, self.max_iter + 1):
            if self.shuffle:
                order = rng.permutation(n_samples)
            else:
                order = np.arange(n_samples)
            # The rows in this epoch's order
            X_epoch, y_epoch = X[order], y[order]
            objective = 0.0
            for start in range(0, n_samples, batch):
                # (m, n_features), m <= batch
                X_batch = X_epoch[start : start + batch]
                m = len(X_batch)
                if self.learning_rate != "adaptive":
                    eta = _learning_rate(
                        self.learning_rate,
                        self.eta0,
                        self.power_t,
                        self.alpha,
                        t,
                        optimal_init,
                    )
                # d/dp of (1/2)(p - y)^2 is p - y: each sample's residual.
                residual = X_batch @ w  # (m,)
                residual += b
                residual -= y_epoch[start : start + batch]
                squares = residual @ residual
                objective += 0.5 * squares
                if decay_rate > 0:
                    objective += m * 0.5 * decay_rate * (w @ w)
                if l1_rate > 0:
                    objective += m * l1_rate * np.abs(w).sum()
                if squares > _MAX_DLOSS**2:
                    residual = np.clip(residual, -_MAX_DLOSS, _MAX_DLOSS)
                if decay_rate > 0:
                    # Weight decay is the L2 gradient step; it never
                    # flips the sign of w.
                    w *= max(0.0, 1.0 - eta * decay_rate)
                w -= (eta / m) * (residual @ X_batch)
                if self.fit_intercept:
                    b -= (eta / m) * residual.sum()
                if l1_rate > 0:
                    u += eta * l1_rate
                    _l1_cumulative_penalty(w, q, u)
                t += 1.0

            finite = np.isfinite(b) and np.isfinite(w).all()
            if not (np.isfinite(objective) and finite):
                raise ValueError(
                    "Floating-point under-/overflow occurred at epoch "
                    f"#{epoch}: the loss or the weights became infinite "
                    f"(eta0={self.eta0} is too large for this data?). "
                    "Scaling input data with StandardScaler might help."
                )
            self.loss_curve_.append(float(objective / n_samples))

            # Stopping rule: the score (objective, or minus the validation
            # R^2) must beat the best so far by tol at least once in
            # n_iter_no_change epochs.
            if self.early_stopping:
                residual_val = y_val - X_val @ w - b
                total = np.sum((y_val - y_val.mean()) ** 2)
                if total > 0:
                    score = -(1 - residual_val @ residual_val / total)
                else:
                    score = 0.0
            else:
                score = self.loss_curve_[-1]
            if self.tol is not None and score > best - self.tol:
                no_improvement += 1
            else:
                no_improvement = 0
            best = min(best, score)
            if no_improvement >= self.n_iter_no_change:
                if self.learning_rate == "adaptive" and eta > 1e-6:
                    eta /= 5.0
                    no_improvement = 0
                else:
                    break

        self.coef_ = w
        self.intercept_ = np.array([b])
        self.n_iter_ = epoch
        self.t_ = t
        if self.tol is not None and epoch == self.max_iter:
            warnings.warn(
                "Maximum number of iterations "
                f"(max_iter={self.max_iter}) reached before convergence. "
                "Consider increasing max_iter to improve the fit.",
                ConvergenceWarning,
                stacklevel=3,  # fit is wrapped by np.errstate: one frame more
            )
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
