"""Naive Bayes: Bayes' rule with features assumed independent given the class.

Both classifiers score a sample ``x`` for each class ``c`` by its *joint log
likelihood*, ``log P(c) + sum_j log P(x_j | c)``, and turn the scores into class
probabilities with a log-sum-exp normalisation. They differ in the model of
``P(x_j | c)``:

- ``GaussianNB``: a normal distribution per class and feature (continuous features);
- ``MultinomialNB``: word-count style features, one multinomial per class, with
  additive (Laplace/Lidstone) smoothing ``alpha``.

Read more in the book: Naive Bayes
<https://skratch-ml.github.io/skratch/book/expert/naive-bayes.html>
"""

import warnings
from numbers import Real

import numpy as np
from scipy.special import logsumexp

from ..base import BaseEstimator, ClassifierMixin
from ..utils.multiclass import check_classification_targets
from ..utils.validation import (
    Interval,
    _check_sample_weight,
    check_array,
    check_is_fitted,
    check_X_y,
    validate_n_features,
)

__all__ = ["GaussianNB", "MultinomialNB"]


def _gaussian_log_likelihood(X, theta, var):
    # log N(x | mu_c, sigma_c^2) summed over features j:
    #   -1/2 sum_j log(2 pi sigma_cj^2)
    #   - 1/2 sum_j (x_j - mu_cj)^2 / sigma_cj^2
    # One column per class; the loop is over classes (few), not samples.
    columns = []
    for mean, variance in zip(theta, var):
        log_norm = -0.5 * np.sum(np.log(2.0 * np.pi * variance))
        columns.append(
            log_norm - 0.5 * np.sum((X - mean) ** 2 / variance, axis=1)
        )
    return np.array(columns).T  # (n_samples, n_classes)


class _BaseNB(ClassifierMixin, BaseEstimator):
    """What both naive Bayes classifiers share: from joint log likelihood to labels."""

    def _check_X(self, X):
        check_is_fitted(self)
        X = check_array(X, dtype=np.float64, estimator=self)
        validate_n_features(self, X, reset=False)
        return X

    def predict_joint_log_proba(self, X):
        """Return the joint log likelihood ``log P(c) + log P(x | c)`` of each class.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        joint_log_likelihood : ndarray of shape (n_samples, n_classes)
            Columns in the order of ``classes_``.
        """
        return self._joint_log_likelihood(self._check_X(X))

    def predict_log_proba(self, X):
        """Return the log of the class probabilities ``log P(c | x)``.

        ``log P(c | x) = jll_c - log sum_k exp(jll_k)``, computed with log-sum-exp so
        that very negative joint log likelihoods do not underflow to ``log(0)``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        log_proba : ndarray of shape (n_samples, n_classes)
            Columns in the order of ``classes_``.
        """
        jll = self.predict_joint_log_proba(X)
        return jll - logsumexp(jll, axis=1, keepdims=True)

    def predict_proba(self, X):
        """Return the class probabilities ``P(c | x)``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        proba : ndarray of shape (n_samples, n_classes)
            Columns in the order of ``classes_``; each row sums to 1.
        """
        return np.exp(self.predict_log_proba(X))

    def predict(self, X):
        """Predict the class with the largest posterior probability.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        y_pred : ndarray of shape (n_samples,)
            Predicted labels.
        """
        jll = self.predict_joint_log_proba(X)
        return self.classes_[np.argmax(jll, axis=1)]


class GaussianNB(_BaseNB):
    r"""Gaussian naive Bayes: one normal distribution per class and feature.

    The posterior of class :math:`c` for a sample :math:`x` is, by Bayes' rule and
    the naive assumption that features are independent given the class,

    .. math::

        P(c \mid x) \propto{} & P(c) \prod_{j=1}^{d}
        \frac{1}{\sqrt{2\pi\sigma_{cj}^2}} \\
        & \times \exp\left(-\frac{(x_j - \mu_{cj})^2}{2\sigma_{cj}^2}\right)

    with :math:`\mu_{cj}` and :math:`\sigma_{cj}^2` the mean and variance of feature
    :math:`j` among the training samples of class :math:`c`.

    Read more in the book: Naive Bayes
    <https://skratch-ml.github.io/skratch/book/expert/naive-bayes.html>

    Parameters
    ----------
    priors : array-like of shape (n_classes,), default=None
        Prior probabilities :math:`P(c)` of the classes, in the order of
        ``classes_``. If None, the class frequencies in the training data.

    var_smoothing : float, default=1e-9
        Fraction of the largest feature variance added to every variance, so that a
        feature constant within a class does not give a zero variance (a division by
        zero in the likelihood).

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
        Class labels, sorted.

    class_count_ : ndarray of shape (n_classes,)
        (Weighted) number of training samples in each class.

    class_prior_ : ndarray of shape (n_classes,)
        Prior probability of each class.

    epsilon_ : float
        The variance added to every ``var_``: ``var_smoothing`` times the largest
        variance of a feature over the whole training set.

    theta_ : ndarray of shape (n_classes, n_features)
        Mean :math:`\mu_{cj}` of each feature per class.

    var_ : ndarray of shape (n_classes, n_features)
        Variance :math:`\sigma_{cj}^2` of each feature per class, plus ``epsilon_``.

    n_features_in_ : int
        Number of features seen during ``fit``.

    See Also
    --------
    sklearn.naive_bayes.GaussianNB : The scikit-learn estimator this one mirrors.
    MultinomialNB : Naive Bayes for count features.

    Notes
    -----
    Products of many small densities underflow, so everything is computed in logs:
    the joint log likelihood :math:`\log P(c) + \sum_j \log p(x_j \mid c)` per class,
    normalised with log-sum-exp. The variances are the biased (divide by :math:`n_c`)
    maximum-likelihood estimates, as in scikit-learn.

    References
    ----------
    .. [1] C. D. Manning, P. Raghavan, H. Schuetze, "Introduction to Information
       Retrieval", Cambridge University Press, 2008, chapter 13.
    .. [2] T. Hastie, R. Tibshirani, J. Friedman, "The Elements of Statistical
       Learning", 2nd ed., Springer, 2009, section 6.6.3.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.naive_bayes import GaussianNB
    >>> X = np.array([[-1.0, -1.0], [-2.0, -1.0], [1.0, 1.0], [2.0, 1.0]])
    >>> y = np.array([0, 0, 1, 1])
    >>> clf = GaussianNB().fit(X, y)
    >>> clf.theta_
    array([[-1.5, -1. ],
           [ 1.5,  1. ]])
    >>> clf.predict([[-0.8, -1.0]])
    array([0])
    >>> clf.predict_proba([[0.1, 0.0]]).round(3)
    array([[0.231, 0.769]])
    """

    _parameter_constraints = {
        "priors": [np.ndarray, list, tuple, None],
        "var_smoothing": [Interval(Real, 0, None, closed="left")],
    }

    def __init__(self, *, priors=None, var_smoothing=1e-9):
        self.priors = priors
        self.var_smoothing = var_smoothing

    def fit(self, X, y, sample_weight=None):
        """Fit the per-class means and variances.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : array-like of shape (n_samples,)
            Class labels.
        sample_weight : array-like of shape (n_samples,), default=None
            Weights of the samples (weighted means and variances).

        Returns
        -------
        self : GaussianNB
            The fitted estimator.
        """
        self._validate_params()
        X, y = check_X_y(X, y, dtype=np.float64, estimator=self)
        validate_n_features(self, X, reset=True)
        weights = _check_sample_weight(sample_weight, X, ensure_non_negative=True)
        check_classification_targets(y)
        self.classes_, y_index = np.unique(y, return_inverse=True)
        n_classes = len(self.classes_)

        # Smoothing relative to the data's scale: a fixed epsilon would be huge for
        # features in micro-units and invisible for features in millions.
        self.epsilon_ = float(self.var_smoothing * np.var(X, axis=0).max())
        self.theta_ = np.zeros((n_classes, X.shape[1]))
        self.var_ = np.zeros((n_classes, X.shape[1]))
        self.class_count_ = np.zeros(n_classes)
        for c in range(n_classes):
            X_c, w_c = X[y_index == c], weights[y_index == c]
            self.class_count_[c] = w_c.sum()
            if self.class_count_[c] == 0:
                continue  # all its weights are 0: prior 0, mean 0, variance epsilon_
            self.theta_[c] = np.average(X_c, axis=0, weights=w_c)
            self.var_[c] = np.average((X_c - self.theta_[c]) ** 2, axis=0, weights=w_c)
        self.var_ += self.epsilon_

        if self.priors is None:
            self.class_prior_ = self.class_count_ / self.class_count_.sum()
        else:
            priors = np.asarray(self.priors, dtype=np.float64)
            if len(priors) != n_classes:
                raise ValueError(
                    f"Number of priors must match number of classes: got {len(priors)} "
                    f"priors for {n_classes} classes."
                )
            if not np.isclose(priors.sum(), 1.0):
                raise ValueError(
                    f"The sum of the priors should be 1, got {float(priors.sum())!r}."
                )
            if (priors < 0).any():
                raise ValueError(f"Priors must be non-negative, got {priors!r}.")
            self.class_prior_ = priors
        return self

    def _joint_log_likelihood(self, X):
        # log P(c) + log p(x | c), (n_samples, n_classes)
        with np.errstate(divide="ignore"):  # a zero prior gives log(0) = -inf
            log_prior = np.log(self.class_prior_)
        return log_prior + _gaussian_log_likelihood(X, self.theta_, self.var_)


class MultinomialNB(_BaseNB):
    r"""Multinomial naive Bayes: for counts, such as word counts in documents.

    Each class :math:`c` has a probability :math:`\theta_{cj}` for every feature
    (word) :math:`j`; a sample is a bag of counts :math:`x_j` drawn from it, so

    .. math::

        \log P(c \mid x) ={} & \log P(c) + \text{const} \\
        & + \sum_{j=1}^{d} x_j \log \theta_{cj},

    .. math::

        \hat\theta_{cj} = \frac{N_{cj} + \alpha}{N_c + \alpha d}

    where :math:`N_{cj}` is the total count of feature :math:`j` in class :math:`c`
    and :math:`N_c = \sum_j N_{cj}`.

    Read more in the book: Naive Bayes
    <https://skratch-ml.github.io/skratch/book/expert/naive-bayes.html>

    Parameters
    ----------
    alpha : float, default=1.0
        Additive smoothing: every count is increased by ``alpha`` (1 is Laplace
        smoothing, below 1 Lidstone), so that a word never seen in a class does not
        get probability 0 and veto the class.

    force_alpha : bool, default=True
        If False and ``alpha`` is below 1e-10, use 1e-10 (with a warning) to avoid
        ``log(0)``. If True, keep ``alpha`` as it is.

    fit_prior : bool, default=True
        Learn the class priors from the class frequencies; if False, use uniform
        priors.

    class_prior : array-like of shape (n_classes,), default=None
        Prior probabilities of the classes; if given, they are not learned.

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
        Class labels, sorted.

    class_count_ : ndarray of shape (n_classes,)
        (Weighted) number of training samples in each class.

    class_log_prior_ : ndarray of shape (n_classes,)
        Log prior probability of each class.

    feature_count_ : ndarray of shape (n_classes, n_features)
        (Weighted) total count :math:`N_{cj}` of each feature per class.

    feature_log_prob_ : ndarray of shape (n_classes, n_features)
        Smoothed log probability :math:`\log \hat\theta_{cj}`.

    n_features_in_ : int
        Number of features seen during ``fit``.

    See Also
    --------
    sklearn.naive_bayes.MultinomialNB : The scikit-learn estimator this one mirrors.
    GaussianNB : Naive Bayes for continuous features.

    Notes
    -----
    The multinomial coefficient :math:`(\sum_j x_j)! / \prod_j x_j!` is the same for
    every class, so it cancels in :math:`P(c \mid x)` and is never computed. Counts
    need not be integers (tf-idf values work in practice), but must not be negative.

    References
    ----------
    .. [1] C. D. Manning, P. Raghavan, H. Schuetze, "Introduction to Information
       Retrieval", Cambridge University Press, 2008, section 13.2.
    .. [2] A. McCallum, K. Nigam, "A comparison of event models for naive Bayes text
       classification", AAAI Workshop on Learning for Text Categorization, 1998.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.naive_bayes import MultinomialNB
    >>> X = np.array([[3, 0, 1], [2, 1, 0], [0, 2, 3], [1, 3, 2]])
    >>> y = np.array(["ham", "ham", "spam", "spam"])
    >>> clf = MultinomialNB().fit(X, y)
    >>> np.exp(clf.feature_log_prob_).round(3)
    array([[0.6  , 0.2  , 0.2  ],
           [0.143, 0.429, 0.429]])
    >>> clf.predict([[0, 1, 4]])
    array(['spam'], dtype='<U4')
    """

    _parameter_constraints = {
        "alpha": [Interval(Real, 0, None, closed="left")],
        "force_alpha": ["boolean"],
        "fit_prior": ["boolean"],
        "class_prior": [np.ndarray, list, tuple, None],
    }

    def __init__(self, *, alpha=1.0, force_alpha=True, fit_prior=True, class_prior=None):
        self.alpha = alpha
        self.force_alpha = force_alpha
        self.fit_prior = fit_prior
        self.class_prior = class_prior

    def _check_non_negative(self, X, where):
        if (X < 0).any():
            raise ValueError(
                f"Negative values in data passed to MultinomialNB ({where}): counts "
                f"must be >= 0, got a minimum of {float(X.min())!r}."
            )

    def fit(self, X, y, sample_weight=None):
        """Count the features of each class and smooth the counts.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training counts (non-negative).
        y : array-like of shape (n_samples,)
            Class labels.
        sample_weight : array-like of shape (n_samples,), default=None
            Weights of the samples (each sample's counts are multiplied by it).

        Returns
        -------
        self : MultinomialNB
            The fitted estimator.
        """
        self._validate_params()
        X, y = check_X_y(X, y, dtype=np.float64, estimator=self)
        validate_n_features(self, X, reset=True)
        self._check_non_negative(X, "input X")
        weights = _check_sample_weight(
            sample_weight, X, ensure_non_negative=True
        )
        check_classification_targets(y)
        self.classes_, y_index = np.unique(y, return_inverse=True)
        n_classes = len(self.classes_)

        # One-hot class membership times the sample weights:
        # (n_samples, n_classes).
        Y = np.zeros((X.shape[0], n_classes))
        Y[np.arange(X.shape[0]), y_index] = weights
        self.class_count_ = Y.sum(axis=0)
        self.feature_count_ = Y.T @ X  # (n_classes, n_features): N_cj

        alpha = self.alpha
        if alpha < 1e-10 and not self.force_alpha:
            warnings.warn(
                f"alpha={alpha!r} is too small and will result in numeric "
                "errors, "
                "setting alpha = 1.0e-10. Use `force_alpha=True` to keep alpha "
                "unchanged.",
                stacklevel=2,
            )
            alpha = 1e-10
        # theta_cj = (N_cj + alpha) / (N_c + alpha d), in logs.
        smoothed = self.feature_count_ + alpha
        with np.errstate(
            divide="ignore"
        ):  # alpha = 0 and an unseen word: log(0)
            self.feature_log_prob_ = np.log(smoothed) - np.log(
                smoothed.sum(axis=1, keepdims=True)
            )
            self.class_log_prior_ = self._class_log_prior(n_classes)
        return self

    def _class_log_prior(self, n_classes):
        # log P(c): given, learned from class frequencies, or uniform.
        if self.class_prior is not None:
            class_prior = np.asarray(self.class_prior, dtype=np.float64)
            if len(class_prior) != n_classes:
                raise ValueError(
                    "Number of priors must match number of classes: got "
                    f"{len(class_prior)} priors for {n_classes} classes."
                )
            return np.log(class_prior)
        if self.fit_prior:
            return np.log(self.class_count_) - np.log(self.class_count_.sum())
        return np.full(n_classes, -np.log(n_classes))

    def _joint_log_likelihood(self, X):
        # log P(c) + sum_j x_j log theta_cj, (n_samples, n_classes)
        self._check_non_negative(X, "input X")
        return X @ self.feature_log_prob_.T + self.class_log_prior_

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.positive_only = True  # counts: negative X is refused
        # As scikit-learn's: on shifted Gaussian blobs (the checks' data) a model of
        # counts is not expected to reach a high accuracy.
        tags.classifier_tags.poor_score = True
        return tags
