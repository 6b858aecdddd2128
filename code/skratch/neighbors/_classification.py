"""k-nearest neighbours classification: a vote among the closest training examples.

Read more in the book: k-nearest neighbours
<https://skratch-ml.github.io/skratch/book/expert/k-nearest-neighbours.html>
"""

import numpy as np

from ..base import ClassifierMixin
from ..utils.multiclass import check_classification_targets
from ..utils.validation import check_X_y, validate_n_features
from ._base import NeighborsBase

__all__ = ["KNeighborsClassifier"]


def _class_votes(neighbor_classes, weights, n_classes):
    # votes[i, c] = sum of w_ij over the neighbours j of query i in class c
    # (w_ij = 1 for a uniform vote), scattered by one bincount on flat
    # indices.
    n_queries, k = neighbor_classes.shape
    if weights is None:
        weights = np.ones((n_queries, k))
    rows = np.arange(n_queries)[:, None] * n_classes
    flat = (rows + neighbor_classes).ravel()
    votes = np.bincount(
        flat, weights=weights.ravel(), minlength=n_queries * n_classes
    )
    return votes.reshape(n_queries, n_classes)


class KNeighborsClassifier(ClassifierMixin, NeighborsBase):
    r"""Classifier that predicts the majority class of the ``k`` nearest neighbours.

    For a query :math:`x`, with :math:`N_k(x)` its ``k`` nearest training points
    under the Minkowski distance
    :math:`d(x, x') = \left(\sum_j |x_j - x'_j|^p\right)^{1/p}`,

    .. math::

        P(c \mid x) = \frac{\sum_{i \in N_k(x)} w_i \, [y_i = c]}
                           {\sum_{i \in N_k(x)} w_i},

    .. math::

        \hat y(x) = \arg\max_c P(c \mid x)

    with :math:`w_i = 1` (``weights="uniform"``) or :math:`w_i = 1 / d(x, x_i)`
    (``weights="distance"``).

    Read more in the book: k-nearest neighbours
    <https://skratch-ml.github.io/skratch/book/expert/k-nearest-neighbours.html>

    Parameters
    ----------
    n_neighbors : int, default=5
        Number of neighbours :math:`k` that vote. Small :math:`k` follows the data
        closely (low bias, high variance); large :math:`k` smooths it.

    weights : {"uniform", "distance"}, callable or None, default="uniform"
        - ``"uniform"`` (or None): every neighbour has one vote;
        - ``"distance"``: votes weighted by the inverse distance; a query equal to
          training points gets exactly their labels;
        - a callable: takes the distances, shape (n_queries, k), returns weights of
          the same shape.

    algorithm : {"auto", "brute", "kd_tree"}, default="auto"
        How neighbours are found: ``"brute"`` measures every distance (in blocks of
        at most 16 MiB of distances); ``"kd_tree"`` uses ``KDTree``; ``"auto"``
        uses brute force (fastest in NumPy for most data). All three return the same
        neighbours.

    leaf_size : int, default=30
        Leaf size of the k-d tree (``algorithm="kd_tree"`` only).

    p : float, default=2
        Minkowski power, ``>= 1``: 1 is Manhattan, 2 Euclidean, ``float("inf")``
        Chebyshev. Used when ``metric="minkowski"``.

    metric : {"minkowski", "euclidean", "manhattan", "chebyshev", "l1", "l2"}, default="minkowski"
        The distance; the named ones fix ``p`` (2, 1, inf, 1, 2).

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
        Class labels, sorted.

    effective_metric_ : str
        The distance used: ``"euclidean"``, ``"manhattan"``, ``"chebyshev"`` or
        ``"minkowski"`` (another ``p``).

    n_features_in_ : int
        Number of features seen during ``fit``.

    n_samples_fit_ : int
        Number of training samples.

    See Also
    --------
    sklearn.neighbors.KNeighborsClassifier : The scikit-learn estimator this one
        mirrors (same predictions).
    KNeighborsRegressor : The same idea for a numeric target.
    KDTree : The tree behind ``algorithm="kd_tree"``.

    Notes
    -----
    "Fitting" only stores the training set; the work happens at prediction, which
    costs :math:`O(n_{\text{train}}\, d)` per query with brute force. Features on
    different scales distort the distance: standardise them first.

    Equal votes go to the class that comes first in ``classes_``. Neighbours at
    exactly equal distances are ordered by training index; scikit-learn breaks such
    ties in its own way, so on data with many exact ties (integers, duplicates) the
    ``k``-th neighbour, and rarely a prediction, may differ.

    References
    ----------
    .. [1] T. Cover, P. Hart, "Nearest neighbor pattern classification", IEEE
       Transactions on Information Theory 13(1), 1967.
    .. [2] T. Hastie, R. Tibshirani, J. Friedman, "The Elements of Statistical
       Learning", 2nd ed., Springer, 2009, section 13.3.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.neighbors import KNeighborsClassifier
    >>> X = np.array([[0.0], [1.0], [2.0], [3.0]])
    >>> y = np.array([0, 0, 1, 1])
    >>> clf = KNeighborsClassifier(n_neighbors=3).fit(X, y)
    >>> clf.predict([[1.1], [2.6]])
    array([0, 1])
    >>> clf.predict_proba([[1.1]]).round(3)
    array([[0.667, 0.333]])
    >>> clf.kneighbors([[1.1]])
    (array([[0.1, 0.9, 1.1]]), array([[1, 2, 0]]))
    """

    def fit(self, X, y):
        """Store the training set (and build the k-d tree if asked).

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : array-like of shape (n_samples,)
            Class labels.

        Returns
        -------
        self : KNeighborsClassifier
            The fitted estimator.
        """
        self._validate_params()
        X, y = check_X_y(X, y, dtype=np.float64, estimator=self)
        validate_n_features(self, X, reset=True)
        check_classification_targets(y)
        self.classes_, self._y = np.unique(y, return_inverse=True)
        self._fit(X)
        return self

    def predict_proba(self, X):
        """Return the (weighted) fraction of neighbours in each class.

        Parameters
        ----------
        X : array-like of shape (n_queries, n_features)
            Query points.

        Returns
        -------
        proba : ndarray of shape (n_queries, n_classes)
            Columns in the order of ``classes_``; each row sums to 1.
        """
        dist, ind = self.kneighbors(X)
        votes = _class_votes(
            self._y[ind], self._neighbor_weights(dist), len(self.classes_)
        )
        total = votes.sum(axis=1, keepdims=True)
        # all weights 0 (a callable may do that): no division by zero
        total[total == 0] = 1.0
        return votes / total

    def predict(self, X):
        """Predict the class with the most (weighted) votes among the neighbours.

        Parameters
        ----------
        X : array-like of shape (n_queries, n_features)
            Query points.

        Returns
        -------
        y_pred : ndarray of shape (n_queries,)
            Predicted labels.
        """
        # argmax returns the first maximum: ties go to the class first in classes_.
        proba = self.predict_proba(X)
        return self.classes_[np.argmax(proba, axis=1)]
