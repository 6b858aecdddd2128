"""Linear regression: the least-squares line (plane, hyperplane) through the data.

One model, two ways to fit it:

- ``solver="svd"`` solves the least-squares problem exactly, in one step, from the
  singular value decomposition of the (centred) features;
- ``solver="gd"`` walks downhill on the mean squared error with batch gradient descent,
  and records every step, so the book can animate the line as it is being fitted.

Read more in the book: Linear regression
<https://skratch-ml.github.io/skratch/book/intermediate/linear-regression.html>
"""

import warnings
from numbers import Integral, Real

import numpy as np

from ..base import BaseEstimator, RegressorMixin
from ..exceptions import ConvergenceWarning
from ..utils.validation import (
    Interval,
    StrOptions,
    _check_sample_weight,
    check_array,
    check_is_fitted,
    check_X_y,
    validate_n_features,
)

__all__ = ["LinearRegression"]


def _least_squares_svd(X, Y, tol):
    # min_W ||Y - X W||^2.  With the thin SVD X = U diag(s) V^T:
    #   W = V diag(1/s) U^T Y,
    # where singular values s_j <= tol * max(s) count as zero (their 1/s_j
    # is replaced by 0). This is the minimum-norm solution: unique even when
    # columns of X are collinear, and the one scikit-learn returns.
    # Shapes (n, k), (k,), (k, p) with k = min(n_samples, n_features).
    U, s, Vt = np.linalg.svd(X, full_matrices=False)
    rank = int(np.sum(s > tol * s.max()))
    # (n_features, n_targets)
    W = Vt[:rank].T @ ((U[:, :rank].T @ Y) / s[:rank, None])
    return W, rank, s


def _mse_and_gradient(X, Y, W, b, s=None):
    # s_i = w_i / sum_j w_j, the sample weights scaled to sum to 1 (None:
    # 1/n each, the mean):
    # L(W, b) = sum_i s_i ||y_i - x_i W - b||^2   (the MSE for unit weights)
    # dL/dW   = -2 X^T (s * (Y - X W - b))
    # dL/db   = -2 sum_i s_i (y_i - x_i W - b)
    if s is None:
        s = np.full(X.shape[0], 1.0 / X.shape[0])
    residual = Y - X @ W - b  # (n_samples, n_targets)
    weighted = s[:, None] * residual
    loss = np.sum(weighted * residual)
    grad_W = -2 * (X.T @ weighted)  # (n_features, n_targets)
    grad_b = -2 * weighted.sum(axis=0)  # (n_targets,)
    return loss, grad_W, grad_b


class LinearRegression(RegressorMixin, BaseEstimator):
    r"""Ordinary least squares linear regression.

    Finds the weights :math:`w` and intercept :math:`b` that minimise the mean squared
    error between the targets and the linear prediction :math:`x_i^\top w + b`:

    .. math::

        \min_{w,\, b} \; L(w, b)
        = \frac{1}{n} \sum_{i=1}^{n} \left(y_i - x_i^\top w - b\right)^2

    With sample weights :math:`s_i` it is the weighted mean,
    :math:`\sum_i s_i (y_i - x_i^\top w - b)^2 / \sum_i s_i` (weighted least
    squares).

    Read more in the book: Linear regression
    <https://skratch-ml.github.io/skratch/book/intermediate/linear-regression.html>

    Parameters
    ----------
    fit_intercept : bool, default=True
        Whether to fit the intercept :math:`b`. If False, :math:`b = 0` and the line
        goes through the origin (the data is expected to be centred).

    solver : {"svd", "gd"}, default="svd"
        - ``"svd"``: the exact least-squares solution, from the singular value
          decomposition of the centred ``X`` (minimum-norm if columns are collinear).
        - ``"gd"``: batch gradient descent on :math:`L`, from :math:`w = 0, b = 0`.
          Needs features on a similar scale (standardise ``X``) and a suitable
          ``learning_rate``.

    learning_rate : float, default=0.01
        Step size of gradient descent (``solver="gd"`` only). Too large and the loss
        grows instead of shrinking (gradient descent diverges); too small and it needs
        many iterations.

    max_iter : int, default=1000
        Maximum number of gradient-descent iterations (``solver="gd"`` only).

    tol : float, default=1e-6
        - ``solver="gd"``: stop after iteration :math:`k` as soon as
          :math:`|L_{k-1} - L_k| < \text{tol}` (absolute change in the loss).
        - ``solver="svd"``: singular values at most ``tol`` times the largest one are
          treated as zero (scikit-learn's ``tol``, passed as ``cond`` to its solver).

    Attributes
    ----------
    coef_ : ndarray of shape (n_features,) or (n_targets, n_features)
        The weights :math:`w`; 2-D when ``y`` is 2-D (one row per target).

    intercept_ : float or ndarray of shape (n_targets,)
        The intercept :math:`b`; 0.0 when ``fit_intercept=False``.

    n_features_in_ : int
        Number of features seen during ``fit``.

    n_iter_ : int
        Number of gradient-descent iterations run; 1 for ``solver="svd"`` (one solve).

    rank_ : int
        Rank of the (centred) ``X``, its rows times :math:`\sqrt{s_i}` when
        ``sample_weight`` is given. ``solver="svd"`` only.

    singular_ : ndarray of shape (min(n_samples, n_features),)
        Singular values of that matrix, largest first. ``solver="svd"`` only.

    loss_curve_ : list of float
        Loss :math:`L` after each iteration (``n_iter_`` values). ``solver="gd"`` only.

    coef_path_ : ndarray of shape (n_iter + 1, n_features)
        ``coef_`` at every iteration, starting with the zeros it started from;
        of shape (n_iter + 1, n_targets, n_features) for several targets; n_iter
        is ``n_iter_``.
        ``solver="gd"`` only.

    intercept_path_ : ndarray of shape (n_iter + 1,) or (n_iter + 1, n_targets)
        ``intercept_`` at every iteration, start included. ``solver="gd"`` only.

    See Also
    --------
    sklearn.linear_model.LinearRegression : The scikit-learn estimator this one mirrors
        (``solver="svd"`` gives the same ``coef_`` and ``intercept_``).
    sklearn.linear_model.SGDRegressor : Stochastic gradient descent (one sample at a
        time).

    Notes
    -----
    Setting the gradient of :math:`L` to zero gives the normal equation
    :math:`X^\top X w = X^\top y` (on centred data). We do not solve it by inverting
    :math:`X^\top X`: forming that matrix squares the condition number,
    :math:`\mathrm{cond}(X^\top X) = \mathrm{cond}(X)^2`, so nearly collinear features lose
    twice as many digits, and exactly collinear ones make :math:`X^\top X` singular. The
    SVD works on :math:`X` itself and returns the minimum-norm solution in both cases.

    With ``fit_intercept=True`` the ``"svd"`` solver centres ``X`` and ``y``: the
    optimal intercept is then :math:`b = \bar y - \bar x^\top w`, and :math:`w` needs no
    column of ones. With sample weights the means are weighted, and the rows of the
    centred ``X`` and ``y`` are multiplied by :math:`\sqrt{s_i}`: ordinary least
    squares on those rows is the weighted problem, as in scikit-learn. The ``"gd"``
    solver instead updates :math:`b` alongside :math:`w`,
    which is the version the book animates.

    For a 2-D ``y`` the loss sums the squared errors over the targets,
    :math:`\frac{1}{n}\sum_i \lVert y_i - W^\top x_i - b \rVert^2`: each target is
    fitted independently, with the same steps as if it were alone. If the loss
    becomes infinite or NaN, gradient descent has diverged and ``fit`` raises a
    ``ValueError``; reaching ``max_iter`` first raises a ``ConvergenceWarning``.

    References
    ----------
    .. [1] T. Hastie, R. Tibshirani, J. Friedman, "The Elements of Statistical
       Learning", 2nd ed., Springer, 2009, section 3.2.
    .. [2] G. H. Golub, C. F. Van Loan, "Matrix Computations", 4th ed., Johns Hopkins
       University Press, 2013, section 5.5 (the SVD and least squares).

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.linear_model import LinearRegression
    >>> X = np.array([[0.0], [1.0], [2.0]])
    >>> y = np.array([1.0, 3.0, 5.0])  # y = 2 x + 1
    >>> reg = LinearRegression().fit(X, y)
    >>> print(reg.coef_.round(3), round(reg.intercept_, 3))
    [2.] 1.0
    >>> reg.predict(np.array([[3.0]])).round(3)
    array([7.])

    Gradient descent gets close to the same line, and keeps every step it took:

    >>> gd = LinearRegression(solver="gd", learning_rate=0.1).fit(X, y)
    >>> print(gd.coef_.round(2), round(gd.intercept_, 2), gd.n_iter_)
    [2.] 1.0 73
    >>> gd.coef_path_.shape  # (n_iter_ + 1, n_features), w = 0 included
    (74, 1)
    """

    _parameter_constraints = {
        "fit_intercept": ["boolean"],
        "solver": [StrOptions({"svd", "gd"})],
        "learning_rate": [Interval(Real, 0, None, closed="neither")],
        "max_iter": [Interval(Integral, 1, None, closed="left")],
        "tol": [Interval(Real, 0, None, closed="left")],
    }

    def __init__(
        self,
        fit_intercept=True,
        solver="svd",
        learning_rate=0.01,
        max_iter=1000,
        tol=1e-6,
    ):
        self.fit_intercept = fit_intercept
        self.solver = solver
        self.learning_rate = learning_rate
        self.max_iter = max_iter
        self.tol = tol

    def fit(self, X, y, sample_weight=None):
        """Fit the linear model.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : array-like of shape (n_samples,) or (n_samples, n_targets)
            Target values.
        sample_weight : array-like of shape (n_samples,), default=None
            Weight of each sample in the squared error (weighted least squares).
            An integer weight counts as that many copies of the sample, a zero
            weight as no sample; negative weights are refused.

        Returns
        -------
        self : LinearRegression
            The fitted estimator.
        """
        self._validate_params()
        X, y = check_X_y(
            X, y, dtype=np.float64, multi_output=True, y_numeric=True, estimator=self
        )
        validate_n_features(self, X, reset=True)
        # (n_samples, n_targets): one code path for one target or several.
        Y = y.reshape(len(y), -1)
        weighted = sample_weight is not None
        sample_weight = _check_sample_weight(
            sample_weight, X, ensure_non_negative=True
        )

        if self.solver == "svd":
            W, b = self._fit_svd(X, Y, sample_weight if weighted else None)
        else:
            W, b, W_path, b_path = self._fit_gradient_descent(
                X, Y, sample_weight / sample_weight.sum()
            )

        # scikit-learn's layout: coef_ is (n_targets, n_features), and a 1-D y drops the
        # targets axis: coef_ (n_features,), intercept_ a float.
        one_target = y.ndim == 1
        self.coef_ = W.T[0] if one_target else W.T
        if not self.fit_intercept:
            self.intercept_ = 0.0
        else:
            self.intercept_ = float(b[0]) if one_target else b
        if self.solver == "gd":
            # From (n_iter_ + 1, n_features, n_targets) to (n_iter_ + 1, n_targets,
            # n_features), the layout of coef_ at every step.
            coef_path = W_path.transpose(0, 2, 1)
            self.coef_path_ = coef_path[:, 0] if one_target else coef_path
            self.intercept_path_ = b_path[:, 0] if one_target else b_path
        return self

    def _fit_svd(self, X, Y, sample_weight):
        # Weighted least squares min sum_i s_i ||y_i - x_i W - b||^2 is ordinary
        # least squares on the rows sqrt(s_i) x_i, sqrt(s_i) y_i (after
        # centring at the weighted means).
        X_mean = np.average(X, axis=0, weights=sample_weight)
        Y_mean = np.average(Y, axis=0, weights=sample_weight)
        if not self.fit_intercept:
            X_mean, Y_mean = np.zeros(X.shape[1]), np.zeros(Y.shape[1])
        # On centred data the best intercept is b = mean(y) - mean(x) W, so W is the
        # least-squares solution of the centred problem (no column of ones needed).
        X_c, Y_c = X - X_mean, Y - Y_mean
        if sample_weight is not None:
            root = np.sqrt(sample_weight)[:, None]
            X_c, Y_c = root * X_c, root * Y_c
        W, self.rank_, self.singular_ = _least_squares_svd(X_c, Y_c, self.tol)
        b = Y_mean - X_mean @ W  # (n_targets,)
        self.n_iter_ = 1
        return W, b

    # A diverging run overflows on its way to inf: we detect that and raise ourselves,
    # so NumPy's overflow warnings would only be noise.
    @np.errstate(over="ignore", invalid="ignore")
    def _fit_gradient_descent(self, X, Y, s):
        # Start from W = 0, b = 0 and repeat  W <- W - learning_rate * dL/dW
        # (and the same for b) until the loss changes by less than tol, or
        # for max_iter steps.
        W = np.zeros((X.shape[1], Y.shape[1]))  # (n_features, n_targets)
        b = np.zeros(Y.shape[1])  # (n_targets,)
        loss, grad_W, grad_b = _mse_and_gradient(X, Y, W, b, s)
        losses, W_path, b_path = [], [W], [b]
        change = np.inf
        for iteration in range(1, self.max_iter + 1):
            # New arrays (no -=), so that W_path and b_path keep every step.
            W = W - self.learning_rate * grad_W
            if self.fit_intercept:
                b = b - self.learning_rate * grad_b
            previous_loss = loss
            loss, grad_W, grad_b = _mse_and_gradient(X, Y, W, b, s)
            if not np.isfinite(loss):
                raise ValueError(
                    f"Gradient descent diverged at iteration {iteration}: "
                    f"the loss became {loss}. learning_rate="
                    f"{self.learning_rate} is too large for this data; use "
                    "a smaller learning_rate or standardise X."
                )
            losses.append(float(loss))
            W_path.append(W)
            b_path.append(b)
            change = abs(previous_loss - loss)
            if change < self.tol:
                break
        else:  # the loop ran out without a break: not converged
            warnings.warn(
                "Gradient descent did not converge in "
                f"max_iter={self.max_iter} iterations: the loss still "
                f"changed by {change:.3g} in the last one (tol={self.tol}). "
                "Increase max_iter or learning_rate, or standardise X.",
                ConvergenceWarning,
                stacklevel=3,
            )

        self.n_iter_ = len(losses)
        self.loss_curve_ = losses
        # paths: (n_iter_ + 1, n_features, n_targets), (n_iter_ + 1, n_targets)
        return W, b, np.array(W_path), np.array(b_path)

    def predict(self, X):
        """Predict with the linear model: ``X @ coef_.T + intercept_``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        y_pred : ndarray of shape (n_samples,) or (n_samples, n_targets)
            Predicted values.
        """
        check_is_fitted(self)
        X = check_array(X, dtype=np.float64, estimator=self)
        validate_n_features(self, X, reset=False)
        return X @ self.coef_.T + self.intercept_

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.target_tags.multi_output = True  # y may be 2-D: one column per target
        return tags
