r"""Lasso and elastic net: L1-penalised least squares by cyclic coordinate descent.

The L1 penalty has a corner at zero, so the objective has no gradient there and no
closed form; but along a single coordinate it is a parabola plus :math:`|w_j|`, whose
minimum is the *soft-thresholded* least-squares value. Coordinate descent minimises
over one weight at a time, in turn, until the duality gap certifies that the weights
are within ``tol`` of the optimum. Weights whose feature is not useful enough land
exactly on zero: the lasso selects features.

Read more in the book: Regularisation
<https://skratch-ml.github.io/skratch/book/advanced/regularisation.html>
"""

import warnings
from numbers import Integral, Number, Real

import numpy as np

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

__all__ = ["ElasticNet", "Lasso"]


def _soft_threshold(z, threshold):
    # S(z, t) = sign(z) max(|z| - t, 0): shrink towards 0 by t, stop at 0.
    if z > threshold:
        return z - threshold
    if z < -threshold:
        return z + threshold
    return 0.0


def _duality_gap(w, l1, l2, R_norm2, Ry, XtR):
    # Multiplied by n, the objective is P(w) = 1/2 ||R||^2 + l2/2 ||w||^2 + l1 ||w||_1
    # with R = y - X w. Scaling R to theta = s R, with s chosen so that
    # ||X^T theta - l2 w||_inf <= l1, gives a feasible dual point, and
    #   gap = P(w) - D(theta),  D = -s^2/2 (||R||^2 + l2 ||w||^2) + s R.y,
    # bounds the distance to the optimum: P(w) - P(w*) <= gap.
    # With l1 = 0 (ridge) the gap takes the l2 form; with l1 = l2 = 0 (least squares)
    # only the gradient norm ||X^T R||^2 is left. Same cases as scikit-learn's.
    w_l2 = w @ w
    if l1 == 0:
        dual_norm = XtR @ XtR
        if l2 == 0:
            return dual_norm
        return R_norm2 + 0.5 * l2 * w_l2 - Ry + dual_norm / (2 * l2)
    dual_norm = np.max(np.abs(XtR - l2 * w))
    scale = min(1.0, l1 / dual_norm) if dual_norm > 0 else 1.0
    primal = 0.5 * (R_norm2 + l2 * w_l2) + l1 * np.abs(w).sum()
    dual = -0.5 * scale**2 * (R_norm2 + l2 * w_l2) + scale * Ry
    return primal - dual


def _cd_residual(X, y, l1, l2, max_iter, tol):
    # Coordinate update, for each j in turn (R = y - X w, the residual):
    #   rho_j = X_j . R + ||X_j||^2 w_j  (the fit of X_j to R, w_j put back)
    #   w_j  <- S(rho_j, l1) / (||X_j||^2 + l2),
    #   then R -= (w_j new - w_j old) X_j.
    # Each update costs two passes over a column: O(n_samples).
    X = np.asfortranarray(X)  # contiguous columns: one read of X[:, j]
    n_features = X.shape[1]
    col_norm2 = np.einsum("ij,ij->j", X, X)  # (n_features,)
    w = np.zeros(n_features)
    R = y.copy()
    y_norm2 = y @ y
    gap_tol = tol * y_norm2
    gap = np.inf
    for n_iter in range(1, max_iter + 1):
        w_max = d_w_max = 0.0
        for j in range(n_features):
            if col_norm2[j] == 0.0:
                continue
            w_j = w[j]
            rho = X[:, j] @ R + col_norm2[j] * w_j
            w[j] = _soft_threshold(rho, l1) / (col_norm2[j] + l2)
            if w[j] != w_j:
                R -= (w[j] - w_j) * X[:, j]
            d_w_max = max(d_w_max, abs(w[j] - w_j))
            w_max = max(w_max, abs(w[j]))
        # The gap costs a pass over X: compute it once the weights settle.
        if w_max == 0.0 or d_w_max / w_max <= tol or n_iter == max_iter:
            gap = _duality_gap(w, l1, l2, R @ R, R @ y, X.T @ R)
            if gap <= gap_tol:
                return w, gap, gap_tol, n_iter, True
    return w, gap, gap_tol, max_iter, False


def _cd_gram(X, y, l1, l2, max_iter, tol):
    # The same updates written with the Gram matrix Q = X^T X and q = X^T y, computed
    # once (O(n p^2)). Since X_j . R = q_j - (Q w)_j, we keep Qw up to date instead of
    # R, and each update costs O(n_features) instead of O(n_samples): much cheaper
    # when there are far more samples than features (scikit-learn's precompute=True).
    Q = X.T @ X  # (n_features, n_features)
    q = X.T @ y  # (n_features,)
    n_features = X.shape[1]
    w = np.zeros(n_features)
    Qw = np.zeros(n_features)
    y_norm2 = y @ y
    gap_tol = tol * y_norm2
    gap = np.inf
    for n_iter in range(1, max_iter + 1):
        w_max = d_w_max = 0.0
        for j in range(n_features):
            if Q[j, j] == 0.0:
                continue
            w_j = w[j]
            rho = q[j] - Qw[j] + Q[j, j] * w_j
            w[j] = _soft_threshold(rho, l1) / (Q[j, j] + l2)
            if w[j] != w_j:
                Qw += (w[j] - w_j) * Q[j]
            d_w_max = max(d_w_max, abs(w[j] - w_j))
            w_max = max(w_max, abs(w[j]))
        if w_max == 0.0 or d_w_max / w_max <= tol or n_iter == max_iter:
            # ||R||^2 = ||y||^2 - 2 w.q + w.Qw and R.y = ||y||^2 - w.q, without R.
            R_norm2 = y_norm2 - 2 * (w @ q) + w @ Qw
            gap = _duality_gap(w, l1, l2, R_norm2, y_norm2 - w @ q, q - Qw)
            if gap <= gap_tol:
                return w, gap, gap_tol, n_iter, True
    return w, gap, gap_tol, max_iter, False


class ElasticNet(RegressorMixin, BaseEstimator):
    r"""Linear regression with combined L1 and L2 penalties, by coordinate descent.

    .. math::

        \min_{w,\, b} \; & \frac{1}{2n} \lVert y - X w - b \rVert_2^2 \\
        & + \alpha \rho \lVert w \rVert_1 + \frac{\alpha (1 - \rho)}{2} \lVert w \rVert_2^2

    with :math:`\rho` = ``l1_ratio``. The intercept is not penalised. With sample
    weights :math:`s_i` the squared error is their weighted mean,
    :math:`\frac{1}{2 \sum_i s_i} \sum_i s_i (y_i - x_i^\top w - b)^2`, as in
    scikit-learn.

    Read more in the book: Regularisation
    <https://skratch-ml.github.io/skratch/book/advanced/regularisation.html>

    Parameters
    ----------
    alpha : float, default=1.0
        Strength of the penalty, :math:`\alpha \ge 0`.

    l1_ratio : float, default=0.5
        The mix :math:`\rho \in [0, 1]`: 1 is the lasso, 0 a ridge penalty.

    fit_intercept : bool, default=True
        Whether to fit the intercept (by centring ``X`` and ``y``).

    precompute : bool, default=False
        Run the updates on the Gram matrix :math:`X^\top X` (each update costs
        :math:`O(p)` instead of :math:`O(n)`; best when ``n_samples`` is much larger
        than ``n_features``). Both forms give the same weights.

    max_iter : int, default=1000
        Maximum number of passes over the coordinates.

    tol : float, default=1e-4
        Stop when the duality gap is at most ``tol`` times :math:`\lVert y \rVert^2`
        (the gap being that of :math:`n` times the objective, as in scikit-learn);
        the gap is checked once a pass changes no weight by more than ``tol`` times
        the largest weight.

    Attributes
    ----------
    coef_ : ndarray of shape (n_features,) or (n_targets, n_features)
        The weights; many are exactly zero when the L1 part is strong.

    intercept_ : float or ndarray of shape (n_targets,)
        The intercept; 0.0 when ``fit_intercept=False``.

    dual_gap_ : float or ndarray of shape (n_targets,)
        The duality gap at the end, divided by ``n_samples`` (scikit-learn's scale).

    n_iter_ : int or list of int
        Number of passes over the coordinates (one per target).

    n_features_in_ : int
        Number of features seen during ``fit``.

    See Also
    --------
    sklearn.linear_model.ElasticNet : The scikit-learn estimator this one mirrors.
    Lasso : ``l1_ratio=1``.
    Ridge : The L2 penalty alone, in closed form.

    Notes
    -----
    Along coordinate :math:`j`, with the other weights fixed, the objective (times
    :math:`n`) is :math:`\frac{1}{2}(\lVert X_j\rVert^2 + n\alpha(1-\rho)) w_j^2 -
    \rho_j w_j + n\alpha\rho |w_j|` plus a constant, with :math:`\rho_j = X_j^\top R +
    \lVert X_j\rVert^2 w_j`. Its minimum is :math:`S(\rho_j, n\alpha\rho) /
    (\lVert X_j\rVert^2 + n\alpha(1-\rho))`, where :math:`S` is soft-thresholding.

    Unlike scikit-learn we do not screen out features the gap proves to be zero, so
    ``n_iter_`` can differ slightly; the optimum is the same.

    References
    ----------
    .. [1] J. Friedman, T. Hastie, R. Tibshirani, "Regularization Paths for
       Generalized Linear Models via Coordinate Descent", Journal of Statistical
       Software 33(1), 2010.
    .. [2] H. Zou, T. Hastie, "Regularization and variable selection via the elastic
       net", JRSS B 67(2), 2005.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.linear_model import ElasticNet
    >>> rng = np.random.default_rng(0)
    >>> X = rng.normal(size=(100, 3))
    >>> y = X @ np.array([2.0, 0.0, -1.0]) + 0.1 * rng.normal(size=100)
    >>> reg = ElasticNet(alpha=0.1, l1_ratio=0.7).fit(X, y)
    >>> print(reg.coef_.round(3))
    [ 1.891  0.    -0.91 ]
    """

    _parameter_constraints = {
        "alpha": [Interval(Real, 0, None, closed="left")],
        "l1_ratio": [Interval(Real, 0, 1, closed="both")],
        "fit_intercept": ["boolean"],
        "precompute": ["boolean"],
        "max_iter": [Interval(Integral, 1, None, closed="left")],
        "tol": [Interval(Real, 0, None, closed="left")],
    }

    def __init__(
        self,
        alpha=1.0,
        l1_ratio=0.5,
        fit_intercept=True,
        precompute=False,
        max_iter=1000,
        tol=1e-4,
    ):
        self.alpha = alpha
        self.l1_ratio = l1_ratio
        self.fit_intercept = fit_intercept
        self.precompute = precompute
        self.max_iter = max_iter
        self.tol = tol

    def fit(self, X, y, sample_weight=None):
        """Fit the model by cyclic coordinate descent.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : array-like of shape (n_samples,) or (n_samples, n_targets)
            Target values.
        sample_weight : float or array-like of shape (n_samples,), default=None
            Weight of each sample in the squared error; rescaled to sum to
            ``n_samples``, as in scikit-learn (a float weighs every sample the
            same: no weights). An integer weight counts as that many copies of
            the sample, a zero weight as no sample. Negative weights are
            refused (scikit-learn takes their square root and returns NaN-driven
            results with a RuntimeWarning).

        Returns
        -------
        self : ElasticNet
            The fitted estimator.
        """
        self._validate_params()
        X, y = check_X_y(
            X, y, dtype=np.float64, multi_output=True, y_numeric=True, estimator=self
        )
        validate_n_features(self, X, reset=True)
        Y = y.reshape(len(y), -1)  # (n_samples, n_targets)
        n_samples = len(X)
        if isinstance(sample_weight, Number):
            sample_weight = None  # the same weight for all: no weights
        if sample_weight is not None:
            sample_weight = _check_sample_weight(
                sample_weight, X, ensure_non_negative=True
            )
            # The weighted mean is unchanged by a common factor: rescale the
            # weights to sum to n, so that the penalties below stay n alpha.
            sample_weight = sample_weight * (n_samples / sample_weight.sum())
        if self.fit_intercept:
            X_mean = np.average(X, axis=0, weights=sample_weight)
            Y_mean = np.average(Y, axis=0, weights=sample_weight)
            X, Y = X - X_mean, Y - Y_mean
        if sample_weight is not None:  # sum_i s_i r_i^2 = ||sqrt(s) * r||^2
            root = np.sqrt(sample_weight)[:, None]
            X, Y = root * X, root * Y
        # The solvers work on n times the objective (as scikit-learn's), so the
        # penalties are scaled by n.
        l1 = self.alpha * self._l1_share() * n_samples
        l2 = self.alpha * (1.0 - self._l1_share()) * n_samples
        solver = _cd_gram if self.precompute else _cd_residual

        W = np.zeros((X.shape[1], Y.shape[1]))
        gaps, n_iters = [], []
        for k in range(Y.shape[1]):
            W[:, k], gap, gap_tol, n_iter, converged = solver(
                X, Y[:, k], l1, l2, self.max_iter, self.tol
            )
            gaps.append(gap / n_samples)
            n_iters.append(n_iter)
            if not converged:
                warnings.warn(
                    "Objective did not converge. You might want to increase the number "
                    f"of iterations (max_iter={self.max_iter}), check the scale of the "
                    "features or consider increasing regularisation. Duality gap: "
                    f"{gap:.3e}, tolerance: {gap_tol:.3e}",
                    ConvergenceWarning,
                    stacklevel=2,
                )

        one_target = y.ndim == 1
        self.coef_ = W[:, 0] if one_target else W.T
        self.dual_gap_ = gaps[0] if one_target else np.array(gaps)
        self.n_iter_ = n_iters[0] if one_target else n_iters
        if self.fit_intercept:
            b = Y_mean - X_mean @ W
            self.intercept_ = float(b[0]) if one_target else b
        else:
            self.intercept_ = 0.0
        return self

    def _l1_share(self):
        return self.l1_ratio

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


class Lasso(ElasticNet):
    r"""Linear regression with an L1 penalty (the lasso), by coordinate descent.

    .. math::

        \min_{w,\, b} \; \frac{1}{2n} \lVert y - X w - b \rVert_2^2
        + \alpha \lVert w \rVert_1

    ``ElasticNet`` with ``l1_ratio=1``: see it for the algorithm, the attributes and
    ``sample_weight`` (the squared error becomes a weighted mean).

    Read more in the book: Regularisation
    <https://skratch-ml.github.io/skratch/book/advanced/regularisation.html>

    Parameters
    ----------
    alpha : float, default=1.0
        Strength of the penalty; larger values set more weights exactly to zero.

    fit_intercept : bool, default=True
        Whether to fit the intercept.

    precompute : bool, default=False
        Run the updates on the Gram matrix (see ``ElasticNet``).

    max_iter : int, default=1000
        Maximum number of passes over the coordinates.

    tol : float, default=1e-4
        Tolerance on the duality gap, relative to :math:`\lVert y \rVert^2`.

    Attributes
    ----------
    coef_ : ndarray of shape (n_features,) or (n_targets, n_features)
        The weights.

    intercept_ : float or ndarray of shape (n_targets,)
        The intercept.

    dual_gap_ : float or ndarray of shape (n_targets,)
        The final duality gap, divided by ``n_samples``.

    n_iter_ : int or list of int
        Number of passes over the coordinates.

    n_features_in_ : int
        Number of features seen during ``fit``.

    See Also
    --------
    sklearn.linear_model.Lasso : The scikit-learn estimator this one mirrors.
    ElasticNet : L1 and L2 penalties together.

    Notes
    -----
    The L1 penalty's corner at zero is what sets weights exactly to zero: a weight
    stays at zero as long as its feature's correlation with the residual,
    :math:`|X_j^\top R| / n`, is below :math:`\alpha`.

    References
    ----------
    .. [1] R. Tibshirani, "Regression Shrinkage and Selection via the Lasso", JRSS B
       58(1), 1996.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.linear_model import Lasso
    >>> rng = np.random.default_rng(0)
    >>> X = rng.normal(size=(100, 3))
    >>> y = X @ np.array([2.0, 0.0, -1.0]) + 0.1 * rng.normal(size=100)
    >>> reg = Lasso(alpha=0.1).fit(X, y)
    >>> print(reg.coef_.round(3))
    [ 1.913  0.    -0.907]
    """

    _parameter_constraints = {
        key: value
        for key, value in ElasticNet._parameter_constraints.items()
        if key != "l1_ratio"
    }

    def __init__(
        self, alpha=1.0, fit_intercept=True, precompute=False, max_iter=1000, tol=1e-4
    ):
        # Only our own arguments are stored (the estimator contract); the L1 share
        # comes from _l1_share below.
        self.alpha = alpha
        self.fit_intercept = fit_intercept
        self.precompute = precompute
        self.max_iter = max_iter
        self.tol = tol

    def _l1_share(self):
        return 1.0
