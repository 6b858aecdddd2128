"""Gaussian mixture models, fitted by expectation-maximisation (EM).

A Gaussian mixture says each sample comes from one of ``n_components`` Gaussians,
picked with probabilities ``weights_``. EM alternates two steps that never decrease the
likelihood of the data:

- *E-step*: the responsibility of each component for each sample, its posterior
  probability given the current parameters;
- *M-step*: new weights, means and covariances, as averages weighted by the
  responsibilities.

Everything is computed in log space (log-densities, log-sum-exp) so that samples far
from every component do not underflow to a density of 0.

Read more in the book: Gaussian mixtures
<https://skratch-ml.github.io/skratch/book/expert/gaussian-mixtures.html>
"""

import warnings
from numbers import Integral, Real

import numpy as np
from scipy.linalg import solve_triangular
from scipy.special import logsumexp

from ..base import BaseEstimator
from ..cluster import KMeans, kmeans_plusplus
from ..exceptions import ConvergenceWarning
from ..utils.validation import (
    Interval,
    StrOptions,
    check_array,
    check_is_fitted,
    check_random_state,
    validate_n_features,
)

__all__ = ["GaussianMixture"]

_ILL_DEFINED = (
    "Fitting the mixture model failed because some components have ill-defined "
    "empirical covariance (for instance caused by singleton or collapsed samples). "
    "Try to decrease the number of components, increase reg_covar, or scale the "
    "input data."
)


def _estimate_gaussian_parameters(X, resp, reg_covar, covariance_type):
    # N_k = sum_i r_ik,   mu_k = sum_i r_ik x_i / N_k,
    # Sigma_k = sum_i r_ik (x_i - mu_k)(x_i - mu_k)^T / N_k + reg_covar I.
    # The 10 eps keeps an empty component from dividing by zero.
    nk = resp.sum(axis=0) + 10 * np.finfo(resp.dtype).eps  # (n_components,)
    means = resp.T @ X / nk[:, None]  # (n_components, n_features)
    n_features = X.shape[1]
    if covariance_type == "full":
        covariances = np.empty((len(nk), n_features, n_features))
        for k in range(len(nk)):  # one (d, d) product per component
            diff = X - means[k]
            covariances[k] = (resp[:, k] * diff.T) @ diff / nk[k]
            covariances[k].flat[:: n_features + 1] += reg_covar
    elif covariance_type == "tied":
        # One covariance shared by all: sum_k N_k Sigma_k / n.
        covariances = X.T @ X - (nk * means.T) @ means
        covariances /= nk.sum()
        covariances.flat[:: n_features + 1] += reg_covar
    else:
        # Diagonal: E[x^2] - mu^2 per feature; spherical: their mean.
        covariances = resp.T @ (X * X) / nk[:, None] - means**2 + reg_covar
        if covariance_type == "spherical":
            covariances = covariances.mean(axis=1)
    return nk, means, covariances


def _precision_cholesky(covariances, covariance_type):
    # Sigma = L L^T (Cholesky)  =>  Sigma^{-1} = (L^{-1})^T L^{-1}: we keep
    # P = (L^{-1})^T, an upper-triangular factor of the precision, so that
    # (x - mu)^T Sigma^{-1} (x - mu) = ||(x - mu) P||^2 without inverting Sigma.
    if covariance_type in ("diag", "spherical"):
        if np.any(covariances <= 0.0):
            raise ValueError(_ILL_DEFINED)
        return 1.0 / np.sqrt(covariances)
    stacked = covariances[None] if covariance_type == "tied" else covariances
    try:
        cholesky = np.linalg.cholesky(stacked)  # (n_components, d, d), lower
    except np.linalg.LinAlgError:
        raise ValueError(_ILL_DEFINED) from None
    identity = np.eye(covariances.shape[-1])
    factors = np.stack([solve_triangular(L, identity, lower=True).T for L in cholesky])
    return factors[0] if covariance_type == "tied" else factors


def _log_gaussian_prob(X, means, precisions_chol, covariance_type):
    # log N(x | mu, Sigma) = -1/2 (d log(2 pi) + (x - mu)^T Sigma^{-1} (x - mu))
    #                        + log det P,     with P the precision factor above.
    n_samples, n_features = X.shape
    n_components = means.shape[0]
    if covariance_type in ("full", "tied"):
        chols = (precisions_chol if covariance_type == "full"
                 else np.broadcast_to(precisions_chol, (n_components,) + precisions_chol.shape))
        log_det = np.log(np.diagonal(chols, axis1=1, axis2=2)).sum(axis=1)
        mahalanobis = np.empty((n_samples, n_components))
        for k in range(n_components):
            y = X @ chols[k] - means[k] @ chols[k]  # (n_samples, n_features)
            mahalanobis[:, k] = np.einsum("ij,ij->i", y, y)
    elif covariance_type == "diag":
        log_det = np.log(precisions_chol).sum(axis=1)
        precisions = precisions_chol**2  # (n_components, n_features)
        # sum_j (x_j - mu_j)^2 / s_j^2, expanded into matrix products.
        mahalanobis = (np.sum(means**2 * precisions, axis=1)
                       - 2 * X @ (means * precisions).T + (X**2) @ precisions.T)
    else:  # spherical: one variance per component
        log_det = n_features * np.log(precisions_chol)
        precisions = precisions_chol**2  # (n_components,)
        mahalanobis = (np.sum(means**2, axis=1) * precisions
                       - 2 * (X @ means.T) * precisions
                       + np.outer(np.einsum("ij,ij->i", X, X), precisions))
    return -0.5 * (n_features * np.log(2 * np.pi) + mahalanobis) + log_det


class GaussianMixture(BaseEstimator):
    r"""Gaussian mixture model, fitted by expectation-maximisation.

    The density of a sample is a weighted sum of ``n_components`` Gaussians,

    .. math::

        p(x) = \sum_{k=1}^{K} \pi_k \, \mathcal{N}(x \mid \mu_k, \Sigma_k),

    and EM maximises the mean log-likelihood
    :math:`\frac{1}{n}\sum_i \log p(x_i)` over the weights :math:`\pi_k`, means
    :math:`\mu_k` and covariances :math:`\Sigma_k`.

    Read more in the book: Gaussian mixtures
    <https://skratch-ml.github.io/skratch/book/expert/gaussian-mixtures.html>

    Parameters
    ----------
    n_components : int, default=1
        Number of Gaussians.
    covariance_type : {"full", "tied", "diag", "spherical"}, default="full"
        - ``"full"``: each component has its own covariance matrix;
        - ``"tied"``: all components share one covariance matrix;
        - ``"diag"``: each component has its own diagonal covariance;
        - ``"spherical"``: each component has one variance, the same in every
          direction.
    tol : float, default=1e-3
        EM stops when the mean log-likelihood improves by less than ``tol``.
    reg_covar : float, default=1e-6
        Added to the diagonal of every covariance, so that it stays positive definite
        (a component that shrinks onto one point would otherwise have a density of
        infinity).
    max_iter : int, default=100
        Maximum number of EM iterations per initialisation.
    n_init : int, default=1
        Number of initialisations; the one with the highest likelihood is kept.
    init_params : {"kmeans", "k-means++", "random", "random_from_data"}, default="kmeans"
        How the initial responsibilities are chosen: the labels of a k-means fit,
        k-means++ seeds, random responsibilities, or random samples as means.
    weights_init, means_init, precisions_init : array-like, default=None
        Initial weights ``(n_components,)``, means ``(n_components, n_features)``
        and precisions (inverse covariances; shape as ``covariances_``). Those given
        replace the ones computed from ``init_params``.
    random_state : int, numpy.random.Generator or None, default=None
        The source of randomness for the initialisation.
    warm_start : bool, default=False
        If True, a new ``fit`` starts from the previous solution (one
        initialisation).

    Attributes
    ----------
    weights_ : ndarray of shape (n_components,)
        Mixing weights :math:`\pi_k`.
    means_ : ndarray of shape (n_components, n_features)
        Means :math:`\mu_k`.
    covariances_ : ndarray
        Covariances: ``(n_components, n_features, n_features)`` (full),
        ``(n_features, n_features)`` (tied), ``(n_components, n_features)`` (diag),
        ``(n_components,)`` (spherical).
    precisions_ : ndarray
        Their inverses, same shapes.
    precisions_cholesky_ : ndarray
        Cholesky factors of the precisions, same shapes (square roots for diag and
        spherical).
    converged_ : bool
        Whether the best initialisation stopped on ``tol`` before ``max_iter``.
    n_iter_ : int
        EM iterations of the best initialisation.
    lower_bound_ : float
        Mean log-likelihood of the training data at the last iteration of the best
        initialisation (computed in that iteration's E-step).
    lower_bounds_ : list of float
        That value at every iteration of the best initialisation.
    n_features_in_ : int
        Number of features seen during ``fit``.

    See Also
    --------
    sklearn.mixture.GaussianMixture : The scikit-learn estimator this one mirrors.
    skratch.cluster.KMeans : Hard assignments, spherical clusters of equal size.

    Notes
    -----
    Densities use the Cholesky factor of each precision matrix, as scikit-learn does:
    no covariance matrix is ever inverted, and the log-determinant is the sum of the
    logs of the factor's diagonal. Responsibilities come from
    :math:`\log r_{ik} = \log \pi_k + \log \mathcal{N}(x_i) - \log\sum_j \pi_j
    \mathcal{N}(x_i)`, with ``scipy.special.logsumexp`` for the last term. The
    ``"kmeans"`` initialisation runs skratch's ``KMeans``, which draws other random
    numbers than scikit-learn's, so from ``init_params`` alone the two reach the same
    solutions only up to the randomness of the start.

    References
    ----------
    .. [1] A. P. Dempster, N. M. Laird, D. B. Rubin, "Maximum likelihood from
       incomplete data via the EM algorithm", Journal of the Royal Statistical
       Society B 39(1), 1977.
    .. [2] C. M. Bishop, "Pattern Recognition and Machine Learning", Springer, 2006,
       section 9.2.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.mixture import GaussianMixture
    >>> X = np.array([[1.0, 2.0], [1.0, 4.0], [1.0, 0.0],
    ...               [10.0, 2.0], [10.0, 4.0], [10.0, 0.0]])
    >>> gm = GaussianMixture(n_components=2, random_state=0).fit(X)
    >>> gm.means_[np.argsort(gm.means_[:, 0])]
    array([[ 1.,  2.],
           [10.,  2.]])
    >>> gm.predict([[0.0, 0.0]]) == gm.predict([[2.0, 3.0]])
    array([ True])
    """

    _parameter_constraints = {
        "n_components": [Interval(Integral, 1, None, closed="left")],
        "covariance_type": [StrOptions({"full", "tied", "diag", "spherical"})],
        "tol": [Interval(Real, 0, None, closed="left")],
        "reg_covar": [Interval(Real, 0, None, closed="left")],
        "max_iter": [Interval(Integral, 0, None, closed="left")],
        "n_init": [Interval(Integral, 1, None, closed="left")],
        "init_params": [StrOptions({"kmeans", "k-means++", "random", "random_from_data"})],
        "weights_init": [np.ndarray, list, None],
        "means_init": [np.ndarray, list, None],
        "precisions_init": [np.ndarray, list, None],
        "random_state": ["random_state"],
        "warm_start": ["boolean"],
    }

    def __init__(self, n_components=1, *, covariance_type="full", tol=1e-3,
                 reg_covar=1e-6, max_iter=100, n_init=1, init_params="kmeans",
                 weights_init=None, means_init=None, precisions_init=None,
                 random_state=None, warm_start=False):
        self.n_components = n_components
        self.covariance_type = covariance_type
        self.tol = tol
        self.reg_covar = reg_covar
        self.max_iter = max_iter
        self.n_init = n_init
        self.init_params = init_params
        self.weights_init = weights_init
        self.means_init = means_init
        self.precisions_init = precisions_init
        self.random_state = random_state
        self.warm_start = warm_start

    # Initialisation ------------------------------------------------------------------

    def _check_initial_parameters(self, n_features):
        k, cov = self.n_components, self.covariance_type
        shapes = {"full": (k, n_features, n_features), "tied": (n_features, n_features),
                  "diag": (k, n_features), "spherical": (k,)}
        checked = {}
        for name, shape in [("weights_init", (k,)), ("means_init", (k, n_features)),
                            ("precisions_init", shapes[cov])]:
            value = getattr(self, name)
            if value is None:
                checked[name] = None
                continue
            value = check_array(value, dtype=np.float64, ensure_2d=False, allow_nd=True,
                                input_name=name)
            if value.shape != shape:
                raise ValueError(
                    f"The parameter '{name}' should have the shape of {shape}, but "
                    f"got {value.shape}."
                )
            checked[name] = value
        weights = checked["weights_init"]
        if weights is not None and (np.any(weights < 0) or np.any(weights > 1)
                                    or not np.isclose(weights.sum(), 1.0)):
            raise ValueError(
                "The parameter 'weights_init' should be non-negative and sum to 1, "
                f"but got {weights!r} (sum {weights.sum():.5f})."
            )
        precisions = checked["precisions_init"]
        if precisions is not None:
            if cov in ("diag", "spherical"):
                if np.any(precisions <= 0):
                    raise ValueError(f"'{cov} precision' should be positive.")
            else:
                stacked = precisions[None] if cov == "tied" else precisions
                if not np.allclose(stacked, np.swapaxes(stacked, 1, 2)) or np.any(
                        np.linalg.eigvalsh(stacked) <= 0):
                    raise ValueError(
                        f"'{cov} precision' should be symmetric, positive-definite."
                    )
        return checked

    def _initial_resp(self, X, rng):
        n_samples, k = X.shape[0], self.n_components
        resp = np.zeros((n_samples, k))
        if self.init_params == "kmeans":
            labels = KMeans(k, n_init=1, random_state=rng).fit(X).labels_
            resp[np.arange(n_samples), labels] = 1
        elif self.init_params == "random":
            resp = rng.uniform(size=(n_samples, k))
            resp /= resp.sum(axis=1, keepdims=True)
        else:  # one sample per component: its mean starts on that sample
            if self.init_params == "k-means++":
                indices = kmeans_plusplus(X, k, random_state=rng)[1]
            else:
                indices = rng.choice(n_samples, size=k, replace=False)
            resp[indices, np.arange(k)] = 1
        return resp

    def _initialize(self, X, rng, initial):
        if any(initial[name] is None for name in initial):
            resp = self._initial_resp(X, rng)
            nk, means, covariances = _estimate_gaussian_parameters(
                X, resp, self.reg_covar, self.covariance_type)
            weights = nk / X.shape[0]
        self.weights_ = weights if initial["weights_init"] is None else initial["weights_init"]
        self.means_ = means if initial["means_init"] is None else initial["means_init"]
        precisions = initial["precisions_init"]
        if precisions is None:
            self.covariances_ = covariances
            self.precisions_cholesky_ = _precision_cholesky(covariances, self.covariance_type)
        elif self.covariance_type in ("diag", "spherical"):
            self.precisions_cholesky_ = np.sqrt(precisions)
        else:
            # Upper-triangular P with P P^T = precision: the transpose of the Cholesky
            # factor of the precision read backwards (reverse rows and columns).
            stacked = precisions[None] if self.covariance_type == "tied" else precisions
            chol = np.linalg.cholesky(stacked[:, ::-1, ::-1])[:, ::-1, ::-1]
            self.precisions_cholesky_ = chol[0] if self.covariance_type == "tied" else chol

    # EM ------------------------------------------------------------------------------

    def _weighted_log_prob(self, X):
        # log pi_k + log N(x_i | mu_k, Sigma_k): (n_samples, n_components)
        return (_log_gaussian_prob(X, self.means_, self.precisions_cholesky_,
                                   self.covariance_type) + np.log(self.weights_))

    def _e_step(self, X):
        # log r_ik = log pi_k N_ik - log sum_j pi_j N_ij;
        # also the mean log-likelihood.
        weighted = self._weighted_log_prob(X)
        log_norm = logsumexp(weighted, axis=1)  # log p(x_i)
        return float(np.mean(log_norm)), weighted - log_norm[:, None]

    def _m_step(self, X, log_resp):
        nk, self.means_, self.covariances_ = _estimate_gaussian_parameters(
            X, np.exp(log_resp), self.reg_covar, self.covariance_type)
        self.weights_ = nk / nk.sum()
        self.precisions_cholesky_ = _precision_cholesky(self.covariances_,
                                                        self.covariance_type)

    def fit(self, X, y=None):
        """Estimate the model parameters with EM.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : Ignored
            Present for API consistency.

        Returns
        -------
        self : GaussianMixture
            The fitted estimator.
        """
        self.fit_predict(X)
        return self

    def fit_predict(self, X, y=None):
        """Fit the model and return the most likely component of each sample.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : Ignored
            Present for API consistency.

        Returns
        -------
        labels : ndarray of shape (n_samples,)
            Component labels.
        """
        self._validate_params()
        X = check_array(X, dtype=np.float64, estimator=self, ensure_min_samples=2)
        if X.shape[0] < self.n_components:
            raise ValueError(
                "Expected n_samples >= n_components but got n_components = "
                f"{self.n_components}, n_samples = {X.shape[0]}"
            )
        warm = self.warm_start and hasattr(self, "converged_")
        validate_n_features(self, X, reset=not warm)
        initial = self._check_initial_parameters(X.shape[1])
        rng = check_random_state(self.random_state)

        best_lower_bound, best = -np.inf, None
        for _ in range(1 if warm else self.n_init):
            if not warm:
                self._initialize(X, rng, initial)
            lower_bound = self.lower_bound_ if warm else -np.inf
            lower_bounds, converged, n_iter = [], False, 0
            for n_iter in range(1, self.max_iter + 1):
                previous = lower_bound
                # The likelihood of the current parameters comes out of the E-step,
                # so lower_bound is that of the parameters *before* this M-step.
                lower_bound, log_resp = self._e_step(X)
                self._m_step(X, log_resp)
                lower_bounds.append(lower_bound)
                if abs(lower_bound - previous) < self.tol:
                    converged = True
                    break
            if best is None or lower_bound > best_lower_bound:
                best_lower_bound = lower_bound
                best = (self.weights_, self.means_, self.covariances_,
                        self.precisions_cholesky_, n_iter, lower_bounds, converged)

        (self.weights_, self.means_, self.covariances_, self.precisions_cholesky_,
         self.n_iter_, self.lower_bounds_, self.converged_) = best
        self.lower_bound_ = best_lower_bound
        chol = self.precisions_cholesky_
        if self.covariance_type == "full":
            self.precisions_ = chol @ np.swapaxes(chol, 1, 2)
        elif self.covariance_type == "tied":
            self.precisions_ = chol @ chol.T
        else:
            self.precisions_ = chol**2
        if not self.converged_ and self.max_iter > 0:
            warnings.warn(
                f"Best performing initialization did not converge in "
                f"max_iter={self.max_iter} iterations. Try different init parameters, "
                "or increase max_iter, tol, or check for degenerate data.",
                ConvergenceWarning,
                stacklevel=2,
            )
        # One more E-step so that the labels agree with the final parameters.
        return self._e_step(X)[1].argmax(axis=1)

    # Using the fitted model ----------------------------------------------------------

    def _check_fitted_X(self, X):
        check_is_fitted(self)
        X = check_array(X, dtype=np.float64, estimator=self)
        validate_n_features(self, X, reset=False)
        return X

    def score_samples(self, X):
        """Return the log-density :math:`\\log p(x)` of each sample.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        log_prob : ndarray of shape (n_samples,)
            Log of the mixture density at each sample.
        """
        return logsumexp(self._weighted_log_prob(self._check_fitted_X(X)), axis=1)

    def score(self, X, y=None):
        """Return the mean log-likelihood of ``X``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.
        y : Ignored
            Present for API consistency.

        Returns
        -------
        log_likelihood : float
            Mean of ``score_samples(X)``.
        """
        return float(self.score_samples(X).mean())

    def predict(self, X):
        """Return the most likely component of each sample.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        labels : ndarray of shape (n_samples,)
            Component labels.
        """
        return self._weighted_log_prob(self._check_fitted_X(X)).argmax(axis=1)

    def predict_proba(self, X):
        """Return the responsibilities: each component's posterior probability.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        resp : ndarray of shape (n_samples, n_components)
            Posterior probability of each component; rows sum to 1.
        """
        return np.exp(self._e_step(self._check_fitted_X(X))[1])

    def _n_parameters(self):
        # Free parameters: K - 1 weights, K d means, and the covariances' entries.
        k, d = self.means_.shape
        covariance = {"full": k * d * (d + 1) / 2, "tied": d * (d + 1) / 2,
                      "diag": k * d, "spherical": k}[self.covariance_type]
        return int(covariance + k * d + k - 1)

    def bic(self, X):
        """Bayesian information criterion: :math:`-2 \\log L + p \\log n` (lower is better).

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        bic : float
        """
        n_samples = np.shape(X)[0]
        return (-2 * self.score(X) * n_samples
                + self._n_parameters() * np.log(n_samples))

    def aic(self, X):
        """Akaike information criterion: :math:`-2 \\log L + 2 p` (lower is better).

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        aic : float
        """
        return -2 * self.score(X) * np.shape(X)[0] + 2 * self._n_parameters()

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.estimator_type = "density_estimator"
        return tags
