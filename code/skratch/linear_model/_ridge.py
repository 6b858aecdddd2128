r"""Ridge regression: least squares with an L2 penalty, solved in closed form.

Adding :math:`\alpha \lVert w \rVert^2` to the squared error keeps the weights small
and makes the problem well posed even when features are collinear: the normal
equations become :math:`(X^\top X + \alpha I) w = X^\top y`, whose matrix is positive
definite for any :math:`\alpha > 0`, so one Cholesky factorisation solves them.

Read more in the book: Regularisation
<https://skratch-ml.github.io/skratch/book/advanced/regularisation.html>
"""

from numbers import Real

import numpy as np
from scipy import linalg

from ..base import BaseEstimator, RegressorMixin
from ..utils.validation import (
    Interval,
    StrOptions,
    _check_sample_weight,
    check_array,
    check_is_fitted,
    check_X_y,
    validate_n_features,
)

__all__ = ["Ridge"]


def _ridge_cholesky(X, Y, alpha):
    # (X^T X + alpha I) W = X^T Y  (primal: a (p, p) system, p = n_features)
    # or, with more features than samples, W = X^T (X X^T + alpha I)^-1 Y
    # (dual: an (n, n) system): the same solution, through the smaller one.
    # alpha: (n_targets,). Targets sharing an alpha share one factorisation.
    n_samples, n_features = X.shape
    primal = n_features <= n_samples
    gram = X.T @ X if primal else X @ X.T  # (p, p) or (n, n)
    rhs = X.T @ Y if primal else Y
    W = np.empty((n_features, Y.shape[1]))
    for value in np.unique(alpha):
        targets = alpha == value
        system = gram + value * np.eye(len(gram))
        solution = linalg.solve(
            system, rhs[:, targets], assume_a="pos"
        )
        W[:, targets] = solution if primal else X.T @ solution
    return W


def _ridge_svd(X, Y, alpha):
    # With X = U diag(s) V^T:  W = V diag(s / (s^2 + alpha)) U^T Y, one alpha per
    # target. Singular values below a tolerance count as zero, so alpha = 0 gives the
    # minimum-norm least-squares solution.
    U, s, Vt = np.linalg.svd(X, full_matrices=False)
    s[s <= 1e-15 * s.max()] = 0.0
    UtY = U.T @ Y  # (k, n_targets)
    with np.errstate(divide="ignore", invalid="ignore"):
        shrink = s[:, None] / (s[:, None] ** 2 + alpha[None, :])  # (k, n_targets)
    shrink[s == 0] = 0.0
    return Vt.T @ (shrink * UtY)


class Ridge(RegressorMixin, BaseEstimator):
    r"""Linear least squares with L2 regularisation (ridge regression, Tikhonov).

    .. math::

        \min_{w,\, b} \; \lVert y - X w - b \rVert_2^2 + \alpha \lVert w \rVert_2^2

    With sample weights :math:`s_i` the squared error is
    :math:`\sum_i s_i (y_i - x_i^\top w - b)^2` (not divided by :math:`\sum_i s_i`,
    as in scikit-learn). The intercept :math:`b` is not penalised. With several targets each one is fitted
    independently, with its own ``alpha`` if ``alpha`` is an array.

    Read more in the book: Regularisation
    <https://skratch-ml.github.io/skratch/book/advanced/regularisation.html>

    Parameters
    ----------
    alpha : float or ndarray of shape (n_targets,), default=1.0
        Strength of the penalty, :math:`\alpha \ge 0`. An array gives one penalty per
        target. ``alpha=0`` is ordinary least squares (prefer ``LinearRegression``).

    fit_intercept : bool, default=True
        Whether to fit the intercept (by centring ``X`` and ``y``).

    solver : {"auto", "cholesky", "svd"}, default="auto"
        - ``"cholesky"``: solve the normal equations above with a Cholesky
          factorisation (through their :math:`n \times n` form when there are more
          features than samples);
        - ``"svd"``: shrink the singular values, :math:`s / (s^2 + \alpha)`; slower, but
          exact for singular problems (``alpha=0`` with collinear features);
        - ``"auto"``: ``"cholesky"`` when every ``alpha`` is positive, ``"svd"`` when
          one is zero (or if the Cholesky factorisation fails).

    Attributes
    ----------
    coef_ : ndarray of shape (n_features,) or (n_targets, n_features)
        The weights; 2-D when ``y`` is 2-D.

    intercept_ : float or ndarray of shape (n_targets,)
        The intercept; the float 0.0 when ``fit_intercept=False``.

    n_features_in_ : int
        Number of features seen during ``fit``.

    solver_ : str
        The solver used: ``"cholesky"`` or ``"svd"``.

    See Also
    --------
    sklearn.linear_model.Ridge : The scikit-learn estimator this one mirrors (the same
        ``coef_`` and ``intercept_``).
    LinearRegression : The unpenalised model (``alpha=0``).
    Lasso : The L1 penalty, which sets weights exactly to zero.

    Notes
    -----
    With ``fit_intercept=True`` we centre ``X`` and ``y``; the optimal intercept is
    then :math:`b = \bar y - \bar x^\top w`, and the penalty never touches it. With
    sample weights the means are weighted, and the rows of the centred ``X`` and ``y``
    are multiplied by :math:`\sqrt{s_i}`: the unweighted problem on those rows is the
    weighted one.

    Setting the gradient of the objective to zero gives :math:`(X^\top X + \alpha I)w
    = X^\top y`. For :math:`\alpha > 0` the matrix is symmetric positive definite, so
    it is invertible even when :math:`X^\top X` is not, and its condition number
    :math:`(s_{\max}^2 + \alpha) / (s_{\min}^2 + \alpha)` shrinks as :math:`\alpha` grows.

    References
    ----------
    .. [1] A. E. Hoerl, R. W. Kennard, "Ridge Regression: Biased Estimation for
       Nonorthogonal Problems", Technometrics 12(1), 1970.
    .. [2] T. Hastie, R. Tibshirani, J. Friedman, "The Elements of Statistical
       Learning", 2nd ed., Springer, 2009, section 3.4.1.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.linear_model import Ridge
    >>> # two identical columns
    >>> X = np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]])
    >>> y = np.array([0.0, 1.0, 2.0])
    >>> reg = Ridge(alpha=0.5).fit(X, y)
    >>> print(reg.coef_.round(3), round(reg.intercept_, 3))
    [0.444 0.444] 0.111
    """

    _parameter_constraints = {
        "alpha": [Interval(Real, 0, None, closed="left"), np.ndarray],
        "fit_intercept": ["boolean"],
        "solver": [StrOptions({"auto", "cholesky", "svd"})],
    }

    def __init__(self, alpha=1.0, fit_intercept=True, solver="auto"):
        self.alpha = alpha
        self.fit_intercept = fit_intercept
        self.solver = solver

    def fit(self, X, y, sample_weight=None):
        """Fit the ridge regression model.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : array-like of shape (n_samples,) or (n_samples, n_targets)
            Target values.
        sample_weight : array-like of shape (n_samples,), default=None
            Weight of each sample in the squared error. An integer weight counts
            as that many copies of the sample, a zero weight as no sample.
            Negative weights are refused (scikit-learn fails on them too, with
            a less direct message).

        Returns
        -------
        self : Ridge
            The fitted estimator.
        """
        self._validate_params()
        X, y = check_X_y(
            X, y, dtype=np.float64, multi_output=True, y_numeric=True, estimator=self
        )
        validate_n_features(self, X, reset=True)
        Y = y.reshape(len(y), -1)  # (n_samples, n_targets)
        alpha = self._check_alpha(Y.shape[1])
        weighted = sample_weight is not None
        if weighted:
            sample_weight = _check_sample_weight(
                sample_weight, X, ensure_non_negative=True
            )

        if self.fit_intercept:
            X_mean = np.average(X, axis=0, weights=sample_weight)
            Y_mean = np.average(Y, axis=0, weights=sample_weight)
            X, Y = X - X_mean, Y - Y_mean
        if weighted:  # sum_i s_i r_i^2 = ||sqrt(s) * r||^2
            root = np.sqrt(sample_weight)[:, None]
            X, Y = root * X, root * Y
        W = None
        use_cholesky = self.solver == "cholesky" or (
            self.solver == "auto" and np.all(alpha > 0)
        )
        if use_cholesky:
            try:
                W = _ridge_cholesky(X, Y, alpha)
                self.solver_ = "cholesky"
            except linalg.LinAlgError:
                if self.solver == "cholesky":
                    raise
        if W is None:  # "svd", or a singular system with alpha = 0
            W = _ridge_svd(X, Y, alpha)
            self.solver_ = "svd"

        one_target = y.ndim == 1
        self.coef_ = W.T[0] if one_target else W.T
        if self.fit_intercept:
            b = Y_mean - X_mean @ W  # (n_targets,)
            self.intercept_ = float(b[0]) if one_target else b
        else:
            self.intercept_ = 0.0  # scikit-learn's value, also for several targets
        return self

    def _check_alpha(self, n_targets):
        alpha = np.asarray(self.alpha, dtype=np.float64).ravel()
        if not np.all(np.isfinite(alpha)) or np.any(alpha < 0):
            raise ValueError(
                "The 'alpha' parameter of Ridge must be non-negative and finite; got "
                f"alpha={self.alpha!r}."
            )
        if alpha.size == 1:
            return np.full(n_targets, alpha[0])
        if alpha.size != n_targets:
            raise ValueError(
                "Number of targets and number of penalties do not correspond: "
                f"{alpha.size} != {n_targets}."
            )
        return alpha

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
        tags.target_tags.multi_output = True
        return tags
