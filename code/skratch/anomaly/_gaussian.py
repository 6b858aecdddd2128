"""Anomaly detection with a Gaussian density: what is unlikely is anomalous.

Fit a Gaussian to (mostly normal) training data, then flag the samples whose density
under it is below a threshold. The density is per-feature (independent features, a
diagonal covariance) or multivariate (a full covariance, which also captures
correlations). The threshold is picked on a labelled validation set, where it
maximises the F1 score of the anomaly class; without one, it is the quantile of the
training densities given by ``contamination``.

This model is the course's own: scikit-learn's closest relative is
``sklearn.covariance.EllipticEnvelope`` (a robust multivariate Gaussian).

Read more in the book: Anomaly detection
<https://skratch-ml.github.io/skratch/book/expert/anomaly-detection.html>
"""

from numbers import Real

import numpy as np
from scipy.linalg import solve_triangular

from ..base import BaseEstimator
from ..utils.validation import (
    Interval,
    StrOptions,
    check_array,
    check_consistent_length,
    check_is_fitted,
    validate_n_features,
)

__all__ = ["GaussianAnomalyDetector"]


def _log_density_diag(X, mean, variances):
    # log p(x) = sum_j log N(x_j | mu_j, s_j^2)
    #          = -1/2 sum_j [ log(2 pi s_j^2) + (x_j - mu_j)^2 / s_j^2 ]
    return -0.5 * (np.sum(np.log(2 * np.pi * variances))
                   + np.sum((X - mean) ** 2 / variances, axis=1))


def _log_density_full(X, mean, covariance):
    # log p(x) = -1/2 [ d log(2 pi) + log det Sigma
    #                   + (x - mu)^T Sigma^{-1} (x - mu) ].
    # With Sigma = L L^T (Cholesky): log det Sigma = 2 sum_j log L_jj, and
    # the quadratic form is ||z||^2 with L z = x - mu, a triangular solve
    # instead of an inverse.
    L = np.linalg.cholesky(covariance)
    # Z has shape (n_features, n_samples)
    Z = solve_triangular(L, (X - mean).T, lower=True)
    quadratic = np.sum(Z**2, axis=0)  # ||z||^2 of each sample
    half_log_det = np.sum(np.log(np.diag(L)))
    d = X.shape[1]
    return -0.5 * (d * np.log(2 * np.pi) + quadratic) - half_log_det


def _best_f1_threshold(scores, is_anomaly):
    # Flag the samples whose score is below a threshold t. F1 of the
    # anomaly class is 2 TP / (2 TP + FP + FN) = 2 TP / (TP + FP + n_anom),
    # n_anom the number of anomalies. Sorting the scores, "flag the i
    # lowest" for every i gives every possible t: cumulative sums give TP
    # and FP for all of them at once.
    order = np.argsort(scores, kind="stable")
    sorted_scores, sorted_anomaly = scores[order], is_anomaly[order]
    true_positives = np.cumsum(sorted_anomaly)
    flagged = np.arange(1, len(scores) + 1)  # TP + FP
    f1 = 2 * true_positives / (flagged + sorted_anomaly.sum())
    # Tied scores are flagged together: only cut after the last of a run
    # of ties.
    f1[:-1][sorted_scores[1:] == sorted_scores[:-1]] = -1.0
    best = int(np.argmax(f1))
    if best == len(scores) - 1:  # flag everything
        above_all = np.nextafter(sorted_scores[-1], np.inf)
        return float(above_all), float(f1[best])
    low, high = sorted_scores[best], sorted_scores[best + 1]
    # halfway between the last flagged and the first kept
    middle = (low + high) / 2
    return float(middle if middle > low else high), float(f1[best])


class GaussianAnomalyDetector(BaseEstimator):
    r"""Anomaly detector that thresholds a fitted Gaussian density.

    Fits :math:`\mu` and :math:`\Sigma` by maximum likelihood on the training data and
    flags a sample as an anomaly when its log-density is below ``threshold_``:

    .. math::

        \text{anomaly}(x) \iff \log \mathcal{N}(x \mid \mu, \Sigma) < \tau .

    Read more in the book: Anomaly detection
    <https://skratch-ml.github.io/skratch/book/expert/anomaly-detection.html>

    Parameters
    ----------
    covariance_type : {"diag", "full"}, default="diag"
        - ``"diag"``: one Gaussian per feature, features independent (the product of
          per-feature densities);
        - ``"full"``: a multivariate Gaussian with a full covariance matrix, which
          also models correlations between features.
    contamination : float in (0, 0.5], default=0.1
        Used when neither ``threshold`` nor a validation set is given: the expected
        fraction of anomalies in the training data. ``threshold_`` is then that
        quantile of the training log-densities.
    threshold : float or None, default=None
        A fixed threshold :math:`\tau` on the log-density (the log of the density
        threshold :math:`\varepsilon` often written in courses). None: choose it.
    reg_covar : float, default=1e-6
        Added to the variances (the covariance's diagonal), so that a constant
        feature does not give a zero variance.

    Attributes
    ----------
    mean_ : ndarray of shape (n_features,)
        The mean :math:`\mu`.
    covariance_ : ndarray of shape (n_features,) or (n_features, n_features)
        Variances (``"diag"``) or covariance matrix (``"full"``), ``reg_covar``
        included; divided by ``n_samples`` (maximum likelihood).
    threshold_ : float
        The threshold :math:`\tau` on the log-density.
    offset_ : float
        Equal to ``threshold_`` (scikit-learn's name: ``decision_function`` is
        ``score_samples - offset_``).
    threshold_source_ : {"given", "validation", "contamination"}
        How ``threshold_`` was set.
    validation_f1_ : float or None
        F1 score of the anomaly class on the validation set at ``threshold_``; None
        without a validation set.
    n_features_in_ : int
        Number of features seen during ``fit``.

    See Also
    --------
    sklearn.covariance.EllipticEnvelope : A multivariate Gaussian fitted robustly
        (minimum covariance determinant), thresholded by ``contamination``.
    skratch.mixture.GaussianMixture : Several Gaussians, for multimodal normal data.

    Notes
    -----
    The labels of the validation set follow ``predict``'s convention: 1 for a normal
    sample, -1 for an anomaly (if your labels mark anomalies with 1, pass
    ``np.where(y == 1, -1, 1)``). The chosen threshold lies halfway between the
    log-densities of the last flagged and the first kept validation samples. The
    training data should be (mostly) normal: anomalies in it inflate
    :math:`\Sigma`, which EllipticEnvelope's robust estimate resists.

    References
    ----------
    .. [1] V. Chandola, A. Banerjee, V. Kumar, "Anomaly detection: a survey", ACM
       Computing Surveys 41(3), 2009.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.anomaly import GaussianAnomalyDetector
    >>> rng = np.random.default_rng(0)
    >>> X = rng.normal(size=(200, 2))
    >>> outliers = [[6.0, 6.0], [-5.0, 7.0]]
    >>> X_val = np.vstack([rng.normal(size=(50, 2)), outliers])
    >>> y_val = np.r_[np.ones(50), -1, -1]  # 1 normal, -1 anomaly
    >>> det = GaussianAnomalyDetector().fit(X, X_val=X_val, y_val=y_val)
    >>> det.threshold_source_, det.validation_f1_
    ('validation', 1.0)
    >>> det.predict([[0.0, 0.0], [8.0, -8.0]])
    array([ 1, -1])
    """

    _parameter_constraints = {
        "covariance_type": [StrOptions({"diag", "full"})],
        "contamination": [Interval(Real, 0, 0.5, closed="right")],
        "threshold": [Real, None],
        "reg_covar": [Interval(Real, 0, None, closed="left")],
    }

    def __init__(self, covariance_type="diag", contamination=0.1, threshold=None,
                 reg_covar=1e-6):
        self.covariance_type = covariance_type
        self.contamination = contamination
        self.threshold = threshold
        self.reg_covar = reg_covar

    def fit(self, X, y=None, X_val=None, y_val=None):
        """Fit the Gaussian to ``X`` and set the threshold.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data, assumed (mostly) normal.
        y : Ignored
            Present for API consistency.
        X_val : array-like of shape (n_val_samples, n_features), default=None
            Labelled validation samples, to choose the threshold by F1.
        y_val : array-like of shape (n_val_samples,), default=None
            Their labels: 1 normal, -1 anomaly.

        Returns
        -------
        self : GaussianAnomalyDetector
            The fitted estimator.
        """
        self._validate_params()
        X = check_array(X, dtype=np.float64, estimator=self)
        validate_n_features(self, X, reset=True)
        self.mean_ = X.mean(axis=0)
        if self.covariance_type == "diag":
            self.covariance_ = X.var(axis=0) + self.reg_covar
        else:
            centred = X - self.mean_
            self.covariance_ = centred.T @ centred / X.shape[0]
            self.covariance_.flat[:: X.shape[1] + 1] += self.reg_covar

        self.validation_f1_ = None
        if (X_val is None) != (y_val is None):
            raise ValueError(
                "X_val and y_val must be given together, to choose the threshold on "
                "a labelled validation set; got only "
                f"{'X_val' if y_val is None else 'y_val'}."
            )
        if self.threshold is not None:
            self.threshold_, self.threshold_source_ = float(self.threshold), "given"
        elif X_val is not None:
            self.threshold_, self.validation_f1_ = self._threshold_from_validation(
                X_val, y_val)
            self.threshold_source_ = "validation"
        else:
            # The contamination-quantile of the training log-densities: that fraction
            # of the training samples falls below it.
            scores = self._log_density(X)
            self.threshold_ = float(np.percentile(scores, 100 * self.contamination))
            self.threshold_source_ = "contamination"
        self.offset_ = self.threshold_
        return self

    def _threshold_from_validation(self, X_val, y_val):
        X_val = check_array(X_val, dtype=np.float64, estimator=self, input_name="X_val")
        validate_n_features(self, X_val, reset=False)
        y_val = check_array(y_val, dtype=None, ensure_2d=False, input_name="y_val")
        check_consistent_length(X_val, y_val)
        labels = np.unique(y_val)
        if not np.all(np.isin(labels, [-1, 1])):
            raise ValueError(
                "y_val must contain 1 (normal) and -1 (anomaly), the labels predict "
                f"returns; got labels {labels.tolist()}. If 1 marks anomalies in your "
                "labels, pass np.where(y_val == 1, -1, 1)."
            )
        if -1 not in labels:
            raise ValueError(
                "y_val contains no anomaly (label -1): F1 of the anomaly class is "
                "undefined, so no threshold can be chosen on it."
            )
        return _best_f1_threshold(self._log_density(X_val), y_val == -1)

    def _log_density(self, X):
        if self.covariance_type == "diag":
            return _log_density_diag(X, self.mean_, self.covariance_)
        return _log_density_full(X, self.mean_, self.covariance_)

    def score_samples(self, X):
        """Return the log-density of each sample (higher is more normal).

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        scores : ndarray of shape (n_samples,)
            :math:`\\log \\mathcal{N}(x \\mid \\mu, \\Sigma)`.
        """
        check_is_fitted(self)
        X = check_array(X, dtype=np.float64, estimator=self)
        validate_n_features(self, X, reset=False)
        return self._log_density(X)

    def decision_function(self, X):
        """Return ``score_samples(X) - threshold_``: negative for anomalies.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        decision : ndarray of shape (n_samples,)
            Margin of each sample's log-density above the threshold.
        """
        return self.score_samples(X) - self.offset_

    def predict(self, X):
        """Return 1 for a normal sample and -1 for an anomaly.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        labels : ndarray of shape (n_samples,)
            1 (normal) or -1 (anomaly, log-density below ``threshold_``).
        """
        return np.where(self.decision_function(X) < 0, -1, 1)

    def fit_predict(self, X, y=None, **fit_params):
        """Fit, then return ``predict(X)`` on the training data.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : Ignored
            Present for API consistency.
        **fit_params : dict
            Passed on to ``fit`` (``X_val``, ``y_val``).

        Returns
        -------
        labels : ndarray of shape (n_samples,)
            1 (normal) or -1 (anomaly).
        """
        return self.fit(X, **fit_params).predict(X)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.estimator_type = "outlier_detector"
        return tags
