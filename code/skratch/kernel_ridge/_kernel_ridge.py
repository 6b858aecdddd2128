r"""Kernel ridge regression: ridge regression with a kernel, solved in the dual.

Ridge regression in a feature space :math:`\phi` has, by the representer theorem, a
solution :math:`f(\mathbf{x}) = \sum_i a_i\, k(\mathbf{x}_i, \mathbf{x})` built from the
training points alone, with the *dual coefficients*

.. math::

    \mathbf{a} = (K + \lambda I)^{-1} \mathbf{y}, \qquad K_{ij} = k(\mathbf{x}_i,
    \mathbf{x}_j),

one :math:`n \times n` positive-definite system, whatever the dimension of
:math:`\phi` (infinite for the RBF kernel). As in scikit-learn there is no intercept:
centre ``y`` first, or use a kernel with a constant term.

Read more in the book: Kernels
<https://skratch-ml.github.io/skratch/book/frontier/kernels.html>
"""

import warnings
from numbers import Real

import numpy as np
from scipy import linalg

from ..base import BaseEstimator, RegressorMixin
from ..metrics.pairwise import KERNEL_PARAMS, pairwise_kernels
from ..utils.validation import (
    Interval,
    StrOptions,
    _check_sample_weight,
    check_array,
    check_is_fitted,
    check_X_y,
    validate_n_features,
)

__all__ = ["KernelRidge"]


def _solve_dual(K, Y, alpha, sample_weight=None):
    # (K + alpha I) A = Y, one Cholesky solve per distinct alpha (alpha:
    # one per target). With weights w, the weighted problem is the plain
    # one on K' = S K S and Y' = S Y with S = diag(sqrt(w)); then A = S A'.
    n_samples = K.shape[0]
    if sample_weight is not None:
        root = np.sqrt(sample_weight)
        K = K * np.outer(root, root)
        Y = Y * root[:, None]
    A = np.empty_like(Y)
    diagonal = np.diag_indices(n_samples)
    for value in np.unique(alpha):
        targets = alpha == value
        system = K.copy()
        system[diagonal] += value  # K + alpha I, without building I
        try:
            A[:, targets] = linalg.solve(
                system, Y[:, targets], assume_a="pos", overwrite_a=True,
                check_finite=False,
            )
        except (linalg.LinAlgError, np.linalg.LinAlgError):
            warnings.warn(
                "Singular matrix in solving dual problem. Using "
                "least-squares solution instead.",
                linalg.LinAlgWarning,
                stacklevel=3,
            )
            system = K.copy()
            system[diagonal] += value
            A[:, targets] = linalg.lstsq(system, Y[:, targets])[0]
    if sample_weight is not None:
        A *= root[:, None]
    return A


class KernelRidge(RegressorMixin, BaseEstimator):
    r"""Kernel ridge regression.

    Minimises :math:`\lVert \mathbf{y} - K \mathbf{a} \rVert^2 + \lambda\,
    \mathbf{a}^\top K \mathbf{a}` over the dual coefficients :math:`\mathbf{a}`, whose
    solution is :math:`\mathbf{a} = (K + \lambda I)^{-1} \mathbf{y}`; predicts
    :math:`\hat y(\mathbf{x}) = \sum_i a_i\, k(\mathbf{x}_i, \mathbf{x})`. With the
    linear kernel it is ``Ridge(fit_intercept=False)``.

    Parameters
    ----------
    alpha : float or array-like of shape (n_targets,), default=1.0
        The penalty strength :math:`\lambda` (one per target if an array).
    kernel : str or callable, default="linear"
        ``"linear"``, ``"poly"``, ``"polynomial"``, ``"rbf"``, ``"sigmoid"``,
        ``"precomputed"`` (``X`` is the kernel matrix), or a callable ``k(x, z)``.
    gamma : float, default=None
        Scale of the poly, rbf and sigmoid kernels; ``None`` means
        ``1 / n_features``.
    degree : float, default=3
        Degree of the polynomial kernel.
    coef0 : float, default=1
        Constant of the poly and sigmoid kernels.
    kernel_params : dict, default=None
        Keyword arguments for a callable kernel.

    Attributes
    ----------
    dual_coef_ : ndarray of shape (n_samples,) or (n_samples, n_targets)
        The dual coefficients :math:`\mathbf{a}`.
    X_fit_ : ndarray of shape (n_samples, n_features)
        The training data (the kernel matrix itself if ``kernel="precomputed"``).
    n_features_in_ : int
        Number of features seen during ``fit``.

    See Also
    --------
    skratch.linear_model.Ridge : The same penalty on a linear model, in the primal.
    sklearn.kernel_ridge.KernelRidge : The scikit-learn twin.

    Notes
    -----
    Read more in the book: Kernels
    <https://skratch-ml.github.io/skratch/book/frontier/kernels.html>

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.kernel_ridge import KernelRidge
    >>> X = np.linspace(0, 3, 7).reshape(-1, 1)
    >>> model = KernelRidge(alpha=0.1, kernel="rbf", gamma=1.0)
    >>> model = model.fit(X, np.sin(X[:, 0]))
    >>> np.round(model.predict([[1.5], [2.9]]), 3)
    array([0.968, 0.24 ])
    """

    _parameter_constraints = {
        "alpha": [Interval(Real, 0, None, closed="left"), "array-like"],
        "kernel": [
            StrOptions({"linear", "poly", "polynomial", "rbf", "sigmoid", "precomputed"}),
            "callable",
        ],
        "gamma": [Interval(Real, 0, None, closed="left"), None],
        "degree": [Interval(Real, 0, None, closed="left")],
        "coef0": [Real],
        "kernel_params": [dict, None],
    }

    def __init__(self, alpha=1.0, *, kernel="linear", gamma=None, degree=3, coef0=1,
                 kernel_params=None):
        self.alpha = alpha
        self.kernel = kernel
        self.gamma = gamma
        self.degree = degree
        self.coef0 = coef0
        self.kernel_params = kernel_params

    def _get_kernel(self, X, Y=None):
        if callable(self.kernel):
            params = self.kernel_params or {}
        else:
            params = {"gamma": self.gamma, "degree": self.degree, "coef0": self.coef0}
            params = {k: v for k, v in params.items() if k in KERNEL_PARAMS.get(
                self.kernel, ())}
        return pairwise_kernels(X, Y, metric=self.kernel, **params)

    def fit(self, X, y, sample_weight=None):
        """Fit the dual coefficients.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data; the (n_samples, n_samples) kernel matrix if
            ``kernel="precomputed"``.
        y : array-like of shape (n_samples,) or (n_samples, n_targets)
            Target values.
        sample_weight : float or array-like of shape (n_samples,), default=None
            Weight of each sample.

        Returns
        -------
        self : KernelRidge
            The fitted estimator.
        """
        self._validate_params()
        X, y = check_X_y(
            X, y, dtype=np.float64, multi_output=True, y_numeric=True, estimator=self
        )
        if self.kernel == "precomputed" and X.shape[0] != X.shape[1]:
            raise ValueError(
                "With kernel='precomputed', X must be the square kernel matrix; got "
                f"shape {X.shape}."
            )
        validate_n_features(self, X, reset=True)
        if sample_weight is not None:
            sample_weight = _check_sample_weight(sample_weight, X)
        Y = y.reshape(len(y), -1)  # (n_samples, n_targets)
        alpha = self._check_alpha(Y.shape[1])
        K = self._get_kernel(X)
        A = _solve_dual(K, Y, alpha, sample_weight)
        self.dual_coef_ = A[:, 0] if y.ndim == 1 else A
        self.X_fit_ = X
        return self

    def _check_alpha(self, n_targets):
        alpha = np.asarray(self.alpha, dtype=np.float64).ravel()
        if not np.all(np.isfinite(alpha)) or np.any(alpha < 0):
            raise ValueError(
                "The 'alpha' parameter of KernelRidge must be non-negative and finite; "
                f"got alpha={self.alpha!r}."
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
        """Predict ``K(X, X_fit_) @ dual_coef_``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples; the (n_samples, n_samples_fit) kernel between them and the
            training samples if ``kernel="precomputed"``.

        Returns
        -------
        y_pred : ndarray of shape (n_samples,) or (n_samples, n_targets)
            Predicted values.
        """
        check_is_fitted(self)
        X = check_array(X, dtype=np.float64, estimator=self)
        validate_n_features(self, X, reset=False)
        K = X if self.kernel == "precomputed" else self._get_kernel(X, self.X_fit_)
        return K @ self.dual_coef_

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.pairwise = self.kernel == "precomputed"
        tags.target_tags.multi_output = True  # one dual coefficient column per target
        return tags
