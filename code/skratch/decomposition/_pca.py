"""Principal component analysis: the directions along which the data varies most.

PCA centres the data and rotates it onto orthogonal axes, the principal components,
ordered by the variance of the data along them. Keeping the first few components gives
the best low-dimensional linear summary of the data, in the least-squares sense. Both
routes to the components are here: the singular value decomposition of the centred
data, and the eigendecomposition of its covariance matrix.

Read more in the book: Principal component analysis
<https://skratch-ml.github.io/skratch/book/expert/pca.html>
"""

from numbers import Integral, Real

import numpy as np

from ..base import BaseEstimator, TransformerMixin
from ..utils.validation import (
    Interval,
    StrOptions,
    check_array,
    check_is_fitted,
    validate_n_features,
)

__all__ = ["PCA"]


def _svd_components(X_centred):
    # X_c = U diag(s) V^T (thin SVD): the rows of V^T are the principal
    # directions and the variance along direction j is s_j^2 / (n - 1).
    _, singular_values, Vt = np.linalg.svd(
        X_centred, full_matrices=False
    )
    return singular_values, Vt


def _covariance_components(X, mean):
    # C = (X^T X - n m m^T) / (n - 1) = V diag(lambda) V^T,
    # with lambda_j = s_j^2 / (n - 1). A (n_features, n_features) problem:
    # cheaper than the SVD when n_samples is much larger than n_features,
    # at the cost of squaring the condition number.
    n_samples = X.shape[0]
    covariance = X.T @ X - n_samples * np.outer(mean, mean)
    covariance /= n_samples - 1
    # eigh returns them in ascending order; rounding can make them < 0.
    eigenvalues, eigenvectors = np.linalg.eigh(covariance)
    eigenvalues = np.maximum(eigenvalues[::-1], 0.0)
    singular_values = np.sqrt(eigenvalues * (n_samples - 1))
    return singular_values, eigenvectors[:, ::-1].T


def _flip_signs(components):
    # An eigenvector is only defined up to its sign (v and -v span the
    # same axis). Fix it as scikit-learn does: the entry of largest
    # absolute value of each component is positive, so every solver and
    # every run give the same components.
    largest = np.argmax(np.abs(components), axis=1)
    signs = np.sign(components[np.arange(len(components)), largest])
    return components * signs[:, None]


class PCA(TransformerMixin, BaseEstimator):
    r"""Principal component analysis (PCA).

    Projects centred data onto the ``n_components`` orthonormal directions of largest
    variance. The first component :math:`v_1` solves

    .. math::

        v_1 = \arg\max_{\lVert v \rVert = 1} \frac{1}{n - 1}
        \sum_{i=1}^{n} \left(v^\top (x_i - \bar x)\right)^2,

    and each next one does the same among the directions orthogonal to those before.
    They are the right singular vectors of the centred data matrix.

    Read more in the book: Principal component analysis
    <https://skratch-ml.github.io/skratch/book/expert/pca.html>

    Parameters
    ----------
    n_components : int, float or None, default=None
        - int: number of components to keep (at most ``min(n_samples, n_features)``);
        - float in (0, 1): the smallest number of components whose explained variance
          ratios add up to more than this fraction;
        - None: keep ``min(n_samples, n_features)`` components.
    whiten : bool, default=False
        If True, ``transform`` divides each projection by the square root of its
        variance, so the transformed features have unit variance.
    svd_solver : {"auto", "full", "covariance_eigh"}, default="auto"
        - ``"full"``: thin SVD of the centred data;
        - ``"covariance_eigh"``: eigendecomposition of the covariance matrix, fast
          when there are many more samples than features;
        - ``"auto"``: ``"covariance_eigh"`` when ``n_features <= 1000`` and
          ``n_samples >= 10 * n_features``, otherwise ``"full"`` (scikit-learn's rule,
          except that scikit-learn may then pick its randomized solver).

    Attributes
    ----------
    components_ : ndarray of shape (n_components, n_features)
        The principal directions, as rows, by decreasing explained variance.
    explained_variance_ : ndarray of shape (n_components,)
        Variance of the data along each component (with the ``n - 1`` denominator).
    explained_variance_ratio_ : ndarray of shape (n_components,)
        Fraction of the total variance along each component.
    singular_values_ : ndarray of shape (n_components,)
        Singular values of the centred data for the kept components.
    mean_ : ndarray of shape (n_features,)
        Per-feature mean of the training data.
    n_components_ : int
        Number of components kept.
    noise_variance_ : float
        Mean of the variances along the discarded components (probabilistic PCA's
        noise estimate); 0 when none are discarded.
    n_samples_ : int
        Number of training samples.
    n_features_in_ : int
        Number of features seen during ``fit``.

    See Also
    --------
    sklearn.decomposition.PCA : The scikit-learn estimator this one mirrors.

    Notes
    -----
    The sign of each component is fixed so that its entry of largest absolute value
    is positive, scikit-learn's convention (``svd_flip`` with
    ``u_based_decision=False``); components, transforms and variances then agree
    with scikit-learn's, signs included. ``n_components="mle"`` and the randomized and
    ARPACK solvers of scikit-learn are not implemented.

    References
    ----------
    .. [1] I. T. Jolliffe, "Principal Component Analysis", 2nd ed., Springer, 2002.
    .. [2] M. E. Tipping, C. M. Bishop, "Probabilistic principal component
       analysis", Journal of the Royal Statistical Society B 61(3), 1999.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.decomposition import PCA
    >>> X = np.array([[-1.0, -1.0], [-2.0, -1.0], [-3.0, -2.0],
    ...               [1.0, 1.0], [2.0, 1.0], [3.0, 2.0]])
    >>> pca = PCA(n_components=2).fit(X)
    >>> pca.explained_variance_ratio_.round(4)
    array([0.9924, 0.0076])
    >>> pca.components_.round(4)
    array([[ 0.8385,  0.5449],
           [-0.5449,  0.8385]])
    >>> PCA(n_components=0.95).fit(X).n_components_  # 95% of the variance
    1
    """

    _parameter_constraints = {
        "n_components": [
            Interval(Integral, 0, None, closed="left"),
            Interval(Real, 0, 1, closed="neither"),
            None,
        ],
        "whiten": ["boolean"],
        "svd_solver": [StrOptions({"auto", "full", "covariance_eigh"})],
    }

    def __init__(self, n_components=None, *, whiten=False, svd_solver="auto"):
        self.n_components = n_components
        self.whiten = whiten
        self.svd_solver = svd_solver

    def fit(self, X, y=None):
        """Find the principal components of ``X``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : Ignored
            Present for API consistency.

        Returns
        -------
        self : PCA
            The fitted estimator.
        """
        self._fit(X)
        return self

    def fit_transform(self, X, y=None):
        """Fit the model and return ``X`` projected onto the components.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : Ignored
            Present for API consistency.

        Returns
        -------
        X_new : ndarray of shape (n_samples, n_components)
            The projections.
        """
        return self._transform(self._fit(X))

    def _fit(self, X):
        self._validate_params()
        X = check_array(
            X, dtype=np.float64, estimator=self, ensure_min_samples=2
        )
        validate_n_features(self, X, reset=True)
        n_samples, n_features = X.shape
        n_max = min(n_samples, n_features)
        n_components = self.n_components
        if n_components is None:
            n_components = n_max
        if isinstance(n_components, Integral) and n_components > n_max:
            raise ValueError(
                f"n_components={n_components} must be between 0 and "
                f"min(n_samples, n_features)={n_max}."
            )

        solver = self.svd_solver
        if solver == "auto":
            tall = n_features <= 1000 and n_samples >= 10 * n_features
            solver = "covariance_eigh" if tall else "full"
        self.mean_ = X.mean(axis=0)
        if solver == "full":
            singular_values, components = _svd_components(X - self.mean_)
        else:
            singular_values, components = _covariance_components(
                X, self.mean_
            )
        components = _flip_signs(components)
        explained_variance = singular_values**2 / (n_samples - 1)
        ratio = explained_variance / explained_variance.sum()

        if not isinstance(n_components, Integral):  # a fraction of the variance
            # The first k whose cumulative ratio exceeds the fraction
            # (strictly).
            cumulative = np.cumsum(ratio)
            n_components = int(
                np.searchsorted(cumulative, n_components, side="right") + 1
            )
            n_components = min(n_components, n_max)
        self.n_components_ = int(n_components)
        # Probabilistic PCA: the discarded directions are isotropic noise whose
        # variance is the mean of their variances.
        discarded = explained_variance[n_components:n_max]
        self.noise_variance_ = (
            float(discarded.mean()) if discarded.size else 0.0
        )
        self.n_samples_ = n_samples
        self.components_ = components[:n_components].copy()
        self.explained_variance_ = explained_variance[:n_components].copy()
        self.explained_variance_ratio_ = ratio[:n_components].copy()
        self.singular_values_ = singular_values[:n_components].copy()
        return X

    def transform(self, X):
        """Project ``X`` onto the principal components.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        X_new : ndarray of shape (n_samples, n_components)
            ``(X - mean_) @ components_.T``, divided by the square roots of
            ``explained_variance_`` when ``whiten=True``.
        """
        check_is_fitted(self)
        X = check_array(X, dtype=np.float64, estimator=self)
        validate_n_features(self, X, reset=False)
        return self._transform(X)

    def _transform(self, X):
        # z = V_k^T (x - mean); centring after the product avoids copying X.
        X_new = X @ self.components_.T  # (n_samples, n_components)
        X_new -= self.mean_ @ self.components_.T
        if self.whiten:
            # A zero-variance component would divide by zero: clip at
            # machine epsilon.
            X_new /= np.maximum(
                np.sqrt(self.explained_variance_), np.finfo(float).eps
            )
        return X_new

    def inverse_transform(self, X):
        """Map projections back to the original space.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_components)
            Projections (whitened if ``whiten=True``).

        Returns
        -------
        X_original : ndarray of shape (n_samples, n_features)
            ``X @ components_ + mean_`` (un-whitened first): the closest point to the
            original sample in the span of the components.
        """
        check_is_fitted(self)
        X = check_array(X, dtype=np.float64, estimator=self)
        if X.shape[1] != self.n_components_:
            raise ValueError(
                f"X has {X.shape[1]} features, but PCA.inverse_transform expects "
                f"n_components_={self.n_components_} features as input."
            )
        components = self.components_
        if self.whiten:
            components = np.sqrt(self.explained_variance_)[:, None] * components
        return X @ components + self.mean_
