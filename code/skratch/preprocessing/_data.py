"""Scaling features: standardisation and min-max scaling.

Many learners (gradient descent, k-nearest neighbours, regularised models, SVMs)
behave badly when one feature is in thousands and another in fractions.
``StandardScaler`` gives every feature mean 0 and variance 1; ``MinMaxScaler`` maps
every feature onto a fixed range such as [0, 1]. Both learn their statistics on the
training data only (``fit``) and apply them to any data (``transform``).

Read more in the book: Feature scaling and preprocessing
<https://skratch-ml.github.io/skratch/book/advanced/feature-scaling.html>
"""

from numbers import Real

import numpy as np

from ..base import BaseEstimator, TransformerMixin
from ..utils.validation import check_array, check_is_fitted, validate_n_features

__all__ = ["MinMaxScaler", "StandardScaler"]


def _feature_names_out(estimator, input_features):
    """The output names of a one-to-one transformer: the input names, or x0, x1..."""
    check_is_fitted(estimator)
    if input_features is None:
        return np.array([f"x{j}" for j in range(estimator.n_features_in_)],
                        dtype=object)
    input_features = np.asarray(input_features, dtype=object)
    if len(input_features) != estimator.n_features_in_:
        raise ValueError(
            f"input_features should have length equal to number of features "
            f"({estimator.n_features_in_}), got {len(input_features)}"
        )
    return input_features


def _is_constant(var, mean, n_samples):
    # A feature whose computed variance is within the rounding error of the two-pass
    # variance algorithm (Chan, Golub and LeVeque) is treated as constant:
    #   var <= n eps var + (n eps mean)^2.
    eps = np.finfo(np.float64).eps
    return var <= n_samples * eps * var + (n_samples * mean * eps) ** 2


class StandardScaler(TransformerMixin, BaseEstimator):
    r"""Standardise features: subtract the mean, divide by the standard deviation.

    .. math::

        z_{ij} = \frac{x_{ij} - \mu_j}{\sigma_j},

    .. math::

        \mu_j = \frac{1}{n}\sum_i x_{ij},

    .. math::

        \sigma_j^2 = \frac{1}{n}\sum_i (x_{ij} - \mu_j)^2

    Read more in the book: Feature scaling and preprocessing
    <https://skratch-ml.github.io/skratch/book/advanced/feature-scaling.html>

    Parameters
    ----------
    copy : bool, default=True
        If False, ``transform`` scales a float64 array in place.
    with_mean : bool, default=True
        Subtract the mean.
    with_std : bool, default=True
        Divide by the standard deviation.

    Attributes
    ----------
    mean_ : ndarray of shape (n_features,) or None
        The mean :math:`\mu_j` of each feature; None when ``with_mean`` and
        ``with_std`` are both False.
    var_ : ndarray of shape (n_features,) or None
        The variance :math:`\sigma_j^2` (population, divided by :math:`n`); None when
        ``with_std=False``.
    scale_ : ndarray of shape (n_features,) or None
        :math:`\sigma_j`, except 1 for (near-)constant features, which are thus only
        centred (dividing by 0 would give NaN). None when ``with_std=False``.
    n_samples_seen_ : int
        Number of samples seen in ``fit``.
    n_features_in_ : int
        Number of features seen in ``fit``.

    See Also
    --------
    MinMaxScaler : Scale to a fixed range instead.
    sklearn.preprocessing.StandardScaler : The scikit-learn estimator this one
        mirrors (skratch rejects NaN instead of ignoring it, and has no
        ``partial_fit`` or ``sample_weight``).

    Notes
    -----
    Fit the scaler on the training data only, then transform the validation and
    test data with the training statistics; fitting on all the data leaks the test
    set's mean and spread into the model. A ``Pipeline`` does this for you.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.preprocessing import StandardScaler
    >>> X = np.array([[0.0, 10.0], [2.0, 10.0], [4.0, 10.0]])
    >>> scaler = StandardScaler().fit(X)
    >>> scaler.mean_, scaler.scale_.round(4)
    (array([ 2., 10.]), array([1.633, 1.   ]))
    >>> scaler.transform(X).round(4)
    array([[-1.2247,  0.    ],
           [ 0.    ,  0.    ],
           [ 1.2247,  0.    ]])
    """

    _parameter_constraints = {
        "copy": ["boolean"],
        "with_mean": ["boolean"],
        "with_std": ["boolean"],
    }

    def __init__(self, *, copy=True, with_mean=True, with_std=True):
        self.copy = copy
        self.with_mean = with_mean
        self.with_std = with_std

    def fit(self, X, y=None):
        """Compute the mean and standard deviation of each feature.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : None
            Ignored.

        Returns
        -------
        self : StandardScaler
            The fitted scaler.
        """
        self._validate_params()
        X = check_array(X, dtype=np.float64, estimator=self)
        validate_n_features(self, X, reset=True)
        self.n_samples_seen_ = X.shape[0]
        self.mean_ = self.var_ = self.scale_ = None
        if self.with_mean or self.with_std:
            self.mean_ = X.mean(axis=0)  # (n_features,)
        if self.with_std:
            centred = X - self.mean_  # (n_samples, n_features)
            self.var_ = np.einsum("ij,ij->j", centred, centred) / X.shape[0]
            constant = _is_constant(self.var_, self.mean_, X.shape[0])
            self.scale_ = np.where(constant, 1.0, np.sqrt(self.var_))
        return self

    def transform(self, X, copy=None):
        """Standardise ``X`` with the statistics learned in ``fit``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Data to scale.
        copy : bool, default=None
            Overrides the ``copy`` parameter.

        Returns
        -------
        X_new : ndarray of shape (n_samples, n_features)
            Scaled data.
        """
        check_is_fitted(self)
        copy = self.copy if copy is None else copy
        X = check_array(X, dtype=np.float64, estimator=self, copy=copy)
        validate_n_features(self, X, reset=False)
        if self.with_mean:
            X -= self.mean_
        if self.with_std:
            X /= self.scale_
        return X

    def inverse_transform(self, X, copy=None):
        """Undo the scaling: ``X * scale_ + mean_``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Scaled data.
        copy : bool, default=None
            Overrides the ``copy`` parameter.

        Returns
        -------
        X_original : ndarray of shape (n_samples, n_features)
            Data on the original scale.
        """
        check_is_fitted(self)
        copy = self.copy if copy is None else copy
        X = check_array(X, dtype=np.float64, estimator=self, copy=copy)
        validate_n_features(self, X, reset=False)
        if self.with_std:
            X *= self.scale_
        if self.with_mean:
            X += self.mean_
        return X

    def get_feature_names_out(self, input_features=None):
        """Output feature names: the input names (``x0, x1, ...`` by default)."""
        return _feature_names_out(self, input_features)


class MinMaxScaler(TransformerMixin, BaseEstimator):
    r"""Scale each feature linearly onto ``feature_range`` (by default [0, 1]).

    .. math::

        x'_{ij} = a + (x_{ij} - m_j) \, \frac{b - a}{M_j - m_j}

    where :math:`m_j, M_j` are the minimum and maximum of feature :math:`j` in the
    training data and :math:`(a, b)` is ``feature_range``.

    Read more in the book: Feature scaling and preprocessing
    <https://skratch-ml.github.io/skratch/book/advanced/feature-scaling.html>

    Parameters
    ----------
    feature_range : tuple (min, max), default=(0, 1)
        The range the training data is mapped onto.
    copy : bool, default=True
        If False, ``transform`` scales a float64 array in place.
    clip : bool, default=False
        Clip transformed values to ``feature_range`` (new data may fall outside the
        training range).

    Attributes
    ----------
    data_min_ : ndarray of shape (n_features,)
        Per-feature minimum :math:`m_j`.
    data_max_ : ndarray of shape (n_features,)
        Per-feature maximum :math:`M_j`.
    data_range_ : ndarray of shape (n_features,)
        :math:`M_j - m_j`.
    scale_ : ndarray of shape (n_features,)
        :math:`(b - a) / (M_j - m_j)`, with a constant feature's range taken as 1.
    min_ : ndarray of shape (n_features,)
        :math:`a - m_j \cdot \text{scale}_j`, so that ``X * scale_ + min_`` scales.
    n_samples_seen_ : int
        Number of samples seen in ``fit``.
    n_features_in_ : int
        Number of features seen in ``fit``.

    See Also
    --------
    StandardScaler : Mean 0 and variance 1 instead.
    sklearn.preprocessing.MinMaxScaler : The scikit-learn estimator this one mirrors
        (skratch rejects NaN instead of ignoring it, and has no ``partial_fit``).

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.preprocessing import MinMaxScaler
    >>> X = np.array([[1.0, -1.0], [3.0, 0.0], [5.0, 1.0]])
    >>> MinMaxScaler().fit_transform(X)
    array([[0. , 0. ],
           [0.5, 0.5],
           [1. , 1. ]])
    >>> scaler = MinMaxScaler(feature_range=(-1, 1), clip=True).fit(X)
    >>> scaler.transform([[7.0, 0.0]])
    array([[1., 0.]])
    """

    _parameter_constraints = {
        "feature_range": [tuple],
        "copy": ["boolean"],
        "clip": ["boolean"],
    }

    def __init__(self, feature_range=(0, 1), *, copy=True, clip=False):
        self.feature_range = feature_range
        self.copy = copy
        self.clip = clip

    def fit(self, X, y=None):
        """Compute the minimum and maximum of each feature.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : None
            Ignored.

        Returns
        -------
        self : MinMaxScaler
            The fitted scaler.
        """
        self._validate_params()
        low, high = self._range()
        X = check_array(X, dtype=np.float64, estimator=self)
        validate_n_features(self, X, reset=True)
        self.n_samples_seen_ = X.shape[0]
        self.data_min_ = X.min(axis=0)
        self.data_max_ = X.max(axis=0)
        self.data_range_ = self.data_max_ - self.data_min_
        # A (near-)constant feature has range ~0: use 1, so it maps to `low`.
        safe_range = np.where(self.data_range_ < 10 * np.finfo(np.float64).eps, 1.0,
                              self.data_range_)
        self.scale_ = (high - low) / safe_range
        self.min_ = low - self.data_min_ * self.scale_
        return self

    def _range(self):
        if len(self.feature_range) != 2 or not all(
            isinstance(v, Real) and not isinstance(v, bool) for v in self.feature_range
        ):
            raise ValueError(
                "feature_range must be a tuple of two numbers (min, max). Got "
                f"{self.feature_range!r}."
            )
        low, high = self.feature_range
        if low >= high:
            raise ValueError(
                "Minimum of desired feature range must be smaller than maximum. "
                f"Got {self.feature_range!r}."
            )
        return low, high

    def transform(self, X):
        """Scale ``X`` with the minima and maxima learned in ``fit``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Data to scale.

        Returns
        -------
        X_new : ndarray of shape (n_samples, n_features)
            Scaled data.
        """
        check_is_fitted(self)
        X = check_array(X, dtype=np.float64, estimator=self, copy=self.copy)
        validate_n_features(self, X, reset=False)
        X *= self.scale_
        X += self.min_
        if self.clip:
            np.clip(X, self.feature_range[0], self.feature_range[1], out=X)
        return X

    def inverse_transform(self, X):
        """Undo the scaling: ``(X - min_) / scale_``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Scaled data.

        Returns
        -------
        X_original : ndarray of shape (n_samples, n_features)
            Data on the original scale.
        """
        check_is_fitted(self)
        X = check_array(X, dtype=np.float64, estimator=self, copy=self.copy)
        validate_n_features(self, X, reset=False)
        X -= self.min_
        X /= self.scale_
        return X

    def get_feature_names_out(self, input_features=None):
        """Output feature names: the input names (``x0, x1, ...`` by default)."""
        return _feature_names_out(self, input_features)
