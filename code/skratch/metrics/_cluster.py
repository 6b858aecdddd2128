r"""Clustering metrics without ground truth: the silhouette.

A clustering is good when each sample is close to its own cluster and far
from the others. The silhouette of sample :math:`i` puts the two in one
number between -1 and 1:
:math:`a_i`, its mean distance to the other members of its cluster, against
:math:`b_i`, its mean distance to the members of the nearest other cluster.

Read more in the book: K-means
<https://skratch-ml.github.io/skratch/book/expert/k-means.html>
"""

from numbers import Integral

import numpy as np

from ..utils.validation import (
    Interval,
    StrOptions,
    check_random_state,
    check_X_y,
    validate_parameter_constraints,
)

__all__ = ["silhouette_samples", "silhouette_score"]

# The metrics computed here, with scikit-learn's names and aliases.
_METRICS = {"euclidean", "l2", "sqeuclidean", "manhattan", "cityblock",
            "l1", "cosine", "precomputed"}
# Rows of distances computed at a time: a block of _BLOCK_BYTES / (8 n)
# rows keeps memory at about 64 MB whatever the number of samples.
_BLOCK_BYTES = 64 * 2**20


def _check_number_of_labels(n_labels, n_samples):
    # The silhouette needs a "nearest other cluster" (n_labels >= 2) and a
    # cluster with a second member (n_labels <= n_samples - 1).
    if not 1 < n_labels < n_samples:
        raise ValueError(
            f"Number of labels is {n_labels}. Valid values are 2 to "
            "n_samples - 1 (inclusive)"
        )


def _distance_block(X, rows, metric, x_squared_norms, x_norms):
    """Distances from the samples ``rows`` (a slice) to every sample."""
    if metric == "precomputed":
        return X[rows]
    if metric in ("euclidean", "l2", "sqeuclidean"):
        # ||x - z||^2 = ||x||^2 - 2 x.z + ||z||^2, clipped at 0 (rounding),
        # the self-distance set to exactly 0: as euclidean_distances.
        D = X[rows] @ X.T  # (n_block, n_samples)
        D *= -2.0
        D += x_squared_norms[rows, None]
        D += x_squared_norms[None, :]
        np.maximum(D, 0.0, out=D)
        D[np.arange(D.shape[0]), np.arange(rows.start, rows.stop)] = 0.0
        return D if metric == "sqeuclidean" else np.sqrt(D, out=D)
    if metric == "cosine":
        # 1 - x.z / (||x|| ||z||), in [0, 2]; a zero row counts as norm 1.
        unit = X / x_norms[:, None]
        D = unit[rows] @ unit.T
        D *= -1.0
        D += 1.0
        np.clip(D, 0.0, 2.0, out=D)
        D[np.arange(D.shape[0]), np.arange(rows.start, rows.stop)] = 0.0
        return D
    # manhattan, cityblock, l1: sum_f |x_f - z_f|, one feature at a time,
    # so that no (n_block, n_samples, n_features) array is made.
    D = np.zeros((rows.stop - rows.start, X.shape[0]))
    for f in range(X.shape[1]):
        D += np.abs(X[rows, f, None] - X[None, :, f])
    return D


def silhouette_samples(X, labels, *, metric="euclidean"):
    r"""The silhouette coefficient of each sample.

    With :math:`a_i` the mean distance from sample :math:`i` to the other
    samples of its cluster and :math:`b_i` the smallest mean distance from
    :math:`i` to the samples of another cluster,

    .. math::

        s_i = \frac{b_i - a_i}{\max(a_i, b_i)}

    1 means far from the other clusters, 0 on the border between two, and a
    negative value closer to another cluster than to its own. A sample alone
    in its cluster gets 0.

    Read more in the book: K-means
    <https://skratch-ml.github.io/skratch/book/expert/k-means.html>

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The samples, or the distances between them when
        ``metric="precomputed"`` (with zeros on the diagonal).
    labels : array-like of shape (n_samples,)
        The cluster of each sample (any hashable labels); between 2 and
        ``n_samples - 1`` distinct ones.
    metric : str, default="euclidean"
        One of "euclidean", "l2", "sqeuclidean", "manhattan",
        "cityblock", "l1", "cosine" or "precomputed" (then ``X`` has
        shape (n_samples, n_samples)). The distance between samples, as
        in scikit-learn's
        ``pairwise_distances``; ``"precomputed"`` when ``X`` holds the
        distances.

    Returns
    -------
    silhouette : ndarray of shape (n_samples,)
        The silhouette of each sample, in [-1, 1].

    See Also
    --------
    silhouette_score : Their mean, one number for the clustering.
    sklearn.metrics.silhouette_samples : The scikit-learn function this one
        mirrors.

    Notes
    -----
    The distances are computed one block of rows at a time (about 64 MB
    each), and a block's distances are summed per cluster with one matrix
    product by the one-hot matrix of the labels, so memory grows with
    ``n_samples`` and not with its square, and no Python loop runs over the
    samples.

    References
    ----------
    .. [1] P. J. Rousseeuw, "Silhouettes: a graphical aid to the
       interpretation and validation of cluster analysis", Journal of
       Computational and Applied Mathematics 20, 1987.

    Examples
    --------
    >>> from skratch.metrics import silhouette_samples
    >>> X = [[1.0], [2.0], [3.0], [9.0], [10.0], [11.0]]
    >>> silhouette_samples(X, [0, 0, 0, 1, 1, 1]).round(4)
    array([0.8333, 0.875 , 0.7857, 0.7857, 0.875 , 0.8333])
    """
    validate_parameter_constraints({"metric": [StrOptions(_METRICS)]},
                                   {"metric": metric}, "silhouette_samples")
    X, labels = check_X_y(X, labels, dtype=np.float64)
    n_samples = X.shape[0]
    if metric == "precomputed":
        if X.shape[1] != n_samples:
            raise ValueError(
                "A precomputed distance matrix must be square: got "
                f"X.shape={X.shape}."
            )
        if np.any(np.abs(X.diagonal()) > 100 * np.finfo(np.float64).eps):
            raise ValueError(
                "The precomputed distance matrix contains non-zero "
                "elements on the diagonal. Use np.fill_diagonal(X, 0)."
            )
    classes, labels = np.unique(labels, return_inverse=True)
    n_labels = classes.size
    _check_number_of_labels(n_labels, n_samples)
    label_freqs = np.bincount(labels, minlength=n_labels)  # (n_labels,)
    one_hot = np.zeros((n_samples, n_labels))
    one_hot[np.arange(n_samples), labels] = 1.0

    x_squared_norms = np.einsum("ij,ij->i", X, X)
    x_norms = np.sqrt(x_squared_norms)
    x_norms[x_norms == 0] = 1.0
    block = max(1, _BLOCK_BYTES // (8 * n_samples))
    intra = np.empty(n_samples)  # sum of distances to the own cluster
    inter = np.empty(n_samples)  # b_i
    for start in range(0, n_samples, block):
        rows = slice(start, min(start + block, n_samples))
        D = _distance_block(X, rows, metric, x_squared_norms, x_norms)
        sums = D @ one_hot  # (n_block, n_labels): distance to each cluster
        own = (np.arange(sums.shape[0]), labels[rows])
        intra[rows] = sums[own]
        sums[own] = np.inf
        inter[rows] = (sums / label_freqs).min(axis=1)

    # a_i divides by the other members, |C| - 1; a cluster of one gives 0/0.
    with np.errstate(divide="ignore", invalid="ignore"):
        a = intra / (label_freqs[labels] - 1)
        s = (inter - a) / np.maximum(a, inter)
    return np.nan_to_num(s)  # clusters of size 1 (and 0/0 ties) get 0


def silhouette_score(X, labels, *, metric="euclidean", sample_size=None,
                     random_state=None):
    r"""The mean silhouette coefficient over the samples.

    .. math::

        S = \frac{1}{n} \sum_{i=1}^{n} \frac{b_i - a_i}{\max(a_i, b_i)}

    with :math:`a_i` and :math:`b_i` as in ``silhouette_samples``. The best
    value is 1, values near 0 mean overlapping clusters; comparing it across
    numbers of clusters is one way to choose that number.

    Read more in the book: K-means
    <https://skratch-ml.github.io/skratch/book/expert/k-means.html>

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The samples, or the distances between them when
        ``metric="precomputed"``.
    labels : array-like of shape (n_samples,)
        The cluster of each sample.
    metric : str, default="euclidean"
        The distance between samples; see ``silhouette_samples``.
    sample_size : int, default=None
        Score a random subset of this many samples (None: all of them).
    random_state : int, numpy.random.Generator or None, default=None
        The source of randomness for the subset (used only with
        ``sample_size``).

    Returns
    -------
    silhouette : float
        The mean silhouette, in [-1, 1].

    See Also
    --------
    silhouette_samples : One value per sample.
    skratch.cluster.KMeans : Its ``inertia_`` is the other way to choose k.
    sklearn.metrics.silhouette_score : The scikit-learn function this one
        mirrors.

    Notes
    -----
    skratch draws the subset with a NumPy ``Generator``, scikit-learn with a
    ``RandomState``: the same integer seed picks different subsets, so only
    full-data scores can be compared digit for digit.

    References
    ----------
    .. [1] P. J. Rousseeuw, "Silhouettes: a graphical aid to the
       interpretation and validation of cluster analysis", Journal of
       Computational and Applied Mathematics 20, 1987.

    Examples
    --------
    >>> from skratch.metrics import silhouette_score
    >>> X = [[1.0], [2.0], [3.0], [9.0], [10.0], [11.0]]
    >>> round(silhouette_score(X, [0, 0, 0, 1, 1, 1]), 4)
    0.8313
    >>> round(silhouette_score(X, [0, 0, 1, 1, 1, 1]), 4)
    0.4629
    """
    validate_parameter_constraints(
        {"sample_size": [Interval(Integral, 1, None, closed="left"), None],
         "random_state": ["random_state"]},
        {"sample_size": sample_size, "random_state": random_state},
        "silhouette_score",
    )
    if sample_size is not None:
        X, labels = check_X_y(X, labels, dtype=np.float64)
        rng = check_random_state(random_state)
        indices = rng.permutation(X.shape[0])[:sample_size]
        if metric == "precomputed":
            X = X[np.ix_(indices, indices)]
        else:
            X = X[indices]
        labels = labels[indices]
    return float(np.mean(silhouette_samples(X, labels, metric=metric)))
