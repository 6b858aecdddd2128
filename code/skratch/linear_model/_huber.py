r"""Huber regression: least squares near the line, absolute error far from it.

The squared error lets one far outlier pull the whole line towards it: its
gradient grows with the residual. The Huber loss is the squared error for small
residuals and grows only linearly beyond :math:`\epsilon` (in units of a scale
:math:`\sigma` fitted with the line), so an outlier's pull is capped and the line
follows the bulk of the data.

Read more in the book: Loss functions
<https://skratch-ml.github.io/skratch/book/advanced/loss-functions.html>
"""

import warnings
from numbers import Integral, Real

import numpy as np
from scipy import optimize

from ..base import BaseEstimator, RegressorMixin
from ..exceptions import ConvergenceWarning
from ..utils.validation import (
    Interval,
    _check_sample_weight,
    check_array,
    check_is_fitted,
    check_X_y,
    validate_n_features,
)

__all__ = ["HuberRegressor"]


def _huber_objective(params, X, y, epsilon, alpha, sample_weight, fit_intercept):
    # Owen's concomitant scale form, for params = (w, [b,] sigma):
    #   F = sum_i s_i sigma (1 + H(z_i)) + alpha ||w||^2,  z_i = r_i / sigma,
    #   r_i = y_i - x_i w - b,  H(z) = z^2 if |z| <= eps, else 2 eps |z| - eps^2.
    # With c_i = clip(z_i, -eps, eps), H(z_i) = 2 c_i z_i - c_i^2 in both cases,
    # and the gradient is
    #   dF/dw = -2 sum_i s_i c_i x_i + 2 alpha w,  dF/db = -2 sum_i s_i c_i,
    #   dF/dsigma = sum_i s_i (1 - c_i^2).
    n_features = X.shape[1]
    w, sigma = params[:n_features], params[-1]
    b = params[n_features] if fit_intercept else 0.0
    z = (y - X @ w - b) / sigma  # (n_samples,) residuals in units of sigma
    c = np.clip(z, -epsilon, epsilon)
    loss = sigma * (sample_weight @ (1.0 + 2.0 * c * z - c * c)) + alpha * (w @ w)
    weighted_c = sample_weight * c  # (n_samples,)
    grad = np.empty_like(params)
    grad[:n_features] = -2.0 * (weighted_c @ X) + 2.0 * alpha * w
    if fit_intercept:
        grad[n_features] = -2.0 * weighted_c.sum()
    grad[-1] = sample_weight @ (1.0 - c * c)
    return loss, grad


class HuberRegressor(RegressorMixin, BaseEstimator):
    r"""Linear regression that is robust to outliers (the Huber loss).

    Minimises over the weights :math:`w`, the intercept :math:`b` and a scale
    :math:`\sigma > 0`, jointly,

    .. math::

        \min_{w,\, b,\, \sigma} \; & \sum_{i=1}^{n} \Big(\sigma
        + H_\epsilon\Big(\frac{r_i}{\sigma}\Big) \sigma \Big) \\
        & + \alpha \lVert w \rVert_2^2,

    .. math::

        r_i = y_i - x_i^\top w - b,

    .. math::

        H_\epsilon(z) = \begin{cases} z^2 & |z| \le \epsilon \\
        2 \epsilon |z| - \epsilon^2 & |z| > \epsilon \end{cases}

    (Owen's concomitant scale): residuals within :math:`\epsilon \sigma` are
    squared, larger ones count linearly. Fitting :math:`\sigma` makes the fit the
    same whatever the unit of ``y``.

    Read more in the book: Loss functions
    <https://skratch-ml.github.io/skratch/book/advanced/loss-functions.html>

    Parameters
    ----------
    epsilon : float, default=1.35
        Where the loss turns linear, in units of :math:`\sigma` (at least 1). The
        smaller, the more robust; 1.35 keeps 95% of the least-squares efficiency
        on Gaussian noise.

    max_iter : int, default=100
        Maximum number of L-BFGS-B iterations.

    alpha : float, default=0.0001
        Strength of the squared L2 penalty on ``coef_``.

    warm_start : bool, default=False
        Start from the previous fit's ``coef_``, ``intercept_`` and ``scale_``.

    fit_intercept : bool, default=True
        Whether to fit the intercept.

    tol : float, default=1e-05
        Stop when every component of the projected gradient is below ``tol``.

    Attributes
    ----------
    coef_ : ndarray of shape (n_features,)
        The weights.

    intercept_ : float
        The intercept (0.0 if ``fit_intercept=False``).

    scale_ : float
        The fitted scale :math:`\sigma` of the residuals.

    n_features_in_ : int
        Number of features seen during ``fit``.

    n_iter_ : int
        Number of L-BFGS-B iterations run.

    outliers_ : ndarray of shape (n_samples,)
        True for the training samples whose residual exceeds
        :math:`\epsilon \sigma`.

    See Also
    --------
    sklearn.linear_model.HuberRegressor : The scikit-learn estimator this one
        mirrors.
    LinearRegression : The squared error, for every residual.
    SGDRegressor : Linear regression by stochastic gradient descent.

    Notes
    -----
    The objective is convex in :math:`(w, b, \sigma)` and smooth (its gradient is
    continuous), so a quasi-Newton method finds its minimum; we use SciPy's
    L-BFGS-B, with :math:`\sigma` bounded below by ten times the machine epsilon,
    from :math:`w = 0, b = 0, \sigma = 1`, as scikit-learn does.

    References
    ----------
    .. [1] P. J. Huber, "Robust Estimation of a Location Parameter", Annals of
       Mathematical Statistics 35(1), 1964.
    .. [2] A. B. Owen, "A robust hybrid of lasso and ridge regression",
       Contemporary Mathematics 443, 2007.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.linear_model import HuberRegressor
    >>> rng = np.random.default_rng(0)
    >>> X = rng.normal(size=(100, 1))
    >>> y = 3 * X[:, 0] + 1 + 0.1 * rng.normal(size=100)
    >>> y[:5] += 20  # five outliers
    >>> huber = HuberRegressor().fit(X, y)
    >>> print(huber.coef_.round(2), round(huber.intercept_, 2))
    [3.01] 1.01
    >>> bool(huber.outliers_[:5].all())  # the five are flagged
    True
    """

    _parameter_constraints = {
        "epsilon": [Interval(Real, 1.0, None, closed="left")],
        "max_iter": [Interval(Integral, 0, None, closed="left")],
        "alpha": [Interval(Real, 0, None, closed="left")],
        "warm_start": ["boolean"],
        "fit_intercept": ["boolean"],
        "tol": [Interval(Real, 0.0, None, closed="left")],
    }

    def __init__(
        self,
        *,
        epsilon=1.35,
        max_iter=100,
        alpha=0.0001,
        warm_start=False,
        fit_intercept=True,
        tol=1e-05,
    ):
        self.epsilon = epsilon
        self.max_iter = max_iter
        self.alpha = alpha
        self.warm_start = warm_start
        self.fit_intercept = fit_intercept
        self.tol = tol

    def fit(self, X, y, sample_weight=None):
        """Fit the weights, the intercept and the scale jointly.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : array-like of shape (n_samples,)
            Target values.
        sample_weight : array-like of shape (n_samples,), default=None
            Weight of each sample.

        Returns
        -------
        self : HuberRegressor
            The fitted estimator.
        """
        self._validate_params()
        X, y = check_X_y(X, y, dtype=np.float64, y_numeric=True, estimator=self)
        sample_weight = _check_sample_weight(sample_weight, X)
        validate_n_features(self, X, reset=True)
        n_features = X.shape[1]

        if self.warm_start and hasattr(self, "coef_"):
            intercept = [self.intercept_] if self.fit_intercept else []
            params = np.concatenate([self.coef_, intercept, [self.scale_]])
        else:
            params = np.zeros(n_features + self.fit_intercept + 1)
            params[-1] = 1.0  # sigma starts at 1, strictly inside its bound
        bounds = [(None, None)] * (len(params) - 1)
        bounds.append((10 * np.finfo(np.float64).eps, None))  # sigma > 0

        result = optimize.minimize(
            _huber_objective,
            params,
            args=(
                X,
                y,
                self.epsilon,
                self.alpha,
                sample_weight,
                self.fit_intercept,
            ),
            method="L-BFGS-B",
            jac=True,
            bounds=bounds,
            options={"maxiter": self.max_iter, "gtol": self.tol},
        )
        if result.status == 2:
            raise ValueError(
                "HuberRegressor convergence failed: l-BFGS-b solver terminated "
                f"with {result.message}"
            )
        if result.status != 0:
            warnings.warn(
                "lbfgs failed to converge after "
                f"{result.nit} iteration(s) (status={result.status}): "
                f"{result.message}. Increase max_iter or scale the data.",
                ConvergenceWarning,
                stacklevel=2,
            )
        params = result.x
        self.n_iter_ = int(min(result.nit, self.max_iter))
        self.coef_ = params[:n_features]
        self.intercept_ = float(params[n_features]) if self.fit_intercept else 0.0
        self.scale_ = float(params[-1])
        residual = np.abs(y - X @ self.coef_ - self.intercept_)
        self.outliers_ = residual > self.scale_ * self.epsilon
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
        return X @ self.coef_ + self.intercept_
