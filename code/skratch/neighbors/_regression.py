"""k-nearest neighbours regression: the average target of the closest examples.

Read more in the book: k-nearest neighbours
<https://skratch-ml.github.io/skratch/book/expert/k-nearest-neighbours.html>
"""

import numpy as np

from ..base import RegressorMixin
from ..utils.validation import check_X_y, validate_n_features
from ._base import NeighborsBase

__all__ = ["KNeighborsRegressor"]


class KNeighborsRegressor(RegressorMixin, NeighborsBase):
    r"""Regressor that predicts the (weighted) mean target of the ``k`` nearest neighbours.

    .. math::

        \hat y(x) = \frac{\sum_{i \in N_k(x)} w_i \, y_i}{\sum_{i \in N_k(x)} w_i}

    with :math:`N_k(x)` the ``k`` nearest training points under the Minkowski
    distance, and :math:`w_i = 1` (``weights="uniform"``) or
    :math:`w_i = 1 / d(x, x_i)` (``weights="distance"``).

    Read more in the book: k-nearest neighbours
    <https://skratch-ml.github.io/skratch/book/expert/k-nearest-neighbours.html>

    Parameters
    ----------
    n_neighbors : int, default=5
        Number of neighbours :math:`k` averaged.

    weights : {"uniform", "distance"}, callable or None, default="uniform"
        ``"uniform"`` (or None): plain mean; ``"distance"``: inverse-distance
        weighted mean, exact at the training points; a callable maps the distances
        (n_queries, k) to weights of the same shape.

    algorithm : {"auto", "brute", "kd_tree"}, default="auto"
        How neighbours are found (see ``KNeighborsClassifier``); ``"auto"`` is
        brute force.

    leaf_size : int, default=30
        Leaf size of the k-d tree (``algorithm="kd_tree"`` only).

    p : float, default=2
        Minkowski power, ``>= 1`` (1 Manhattan, 2 Euclidean, inf Chebyshev).

    metric : {"minkowski", "euclidean", "manhattan", "chebyshev", "l1", "l2"}, default="minkowski"
        The distance; the named ones fix ``p``.

    Attributes
    ----------
    effective_metric_ : str
        The distance used.

    n_features_in_ : int
        Number of features seen during ``fit``.

    n_samples_fit_ : int
        Number of training samples.

    See Also
    --------
    sklearn.neighbors.KNeighborsRegressor : The scikit-learn estimator this one
        mirrors (same predictions).
    KNeighborsClassifier : The same idea for class labels.

    Notes
    -----
    The prediction is a step function of :math:`x` for uniform weights: it changes
    only where the set of :math:`k` nearest neighbours changes. A 2-D ``y`` (several
    targets) is averaged column by column.

    References
    ----------
    .. [1] T. Hastie, R. Tibshirani, J. Friedman, "The Elements of Statistical
       Learning", 2nd ed., Springer, 2009, section 2.3.2.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.neighbors import KNeighborsRegressor
    >>> X = np.array([[0.0], [1.0], [2.0], [3.0]])
    >>> y = np.array([0.0, 1.0, 4.0, 9.0])
    >>> reg = KNeighborsRegressor(n_neighbors=2).fit(X, y)
    >>> reg.predict([[1.4], [2.9]])
    array([2.5, 6.5])
    >>> weighted = KNeighborsRegressor(n_neighbors=2, weights="distance")
    >>> weighted.fit(X, y).predict([[1.0]])
    array([1.])
    """

    def fit(self, X, y):
        """Store the training set (and build the k-d tree if asked).

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : array-like of shape (n_samples,) or (n_samples, n_targets)
            Target values.

        Returns
        -------
        self : KNeighborsRegressor
            The fitted estimator.
        """
        self._validate_params()
        X, y = check_X_y(
            X, y, dtype=np.float64, multi_output=True, y_numeric=True, estimator=self
        )
        validate_n_features(self, X, reset=True)
        self._y = y
        self._fit(X)
        return self

    def predict(self, X):
        """Predict the (weighted) mean target of the neighbours.

        Parameters
        ----------
        X : array-like of shape (n_queries, n_features)
            Query points.

        Returns
        -------
        y_pred : ndarray of shape (n_queries,) or (n_queries, n_targets)
            Predicted values.
        """
        dist, ind = self.kneighbors(X)
        weights = self._neighbor_weights(dist)
        Y = self._y.reshape(len(self._y), -1)[ind]  # (n_queries, k, n_targets)
        if weights is None:
            y_pred = Y.mean(axis=1)
        else:
            y_pred = (Y * weights[:, :, None]).sum(axis=1) / weights.sum(axis=1)[:, None]
        return y_pred[:, 0] if self._y.ndim == 1 else y_pred

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.target_tags.multi_output = True
        return tags
