"""K-means clustering: Lloyd's algorithm, with k-means++ seeding.

Lloyd's algorithm alternates two steps until the centres stop moving:

- *assign*: each sample joins the cluster of its nearest centre;
- *move*: each centre moves to the (weighted) mean of the samples assigned to it.

Neither step can increase the inertia (the sum of squared distances from the samples
to their centres), so the algorithm converges, to a local minimum that depends on where
the centres start. k-means++ seeding starts them far apart, and ``n_init`` runs keep the
best of several starts.

``kmeans_steps`` runs the same two steps from given centres and returns every one of
them, so the book can animate the algorithm.

Read more in the book: K-means
<https://skratch-ml.github.io/skratch/book/expert/k-means.html>
"""

import warnings
from numbers import Integral, Real

import numpy as np

from ..base import BaseEstimator, ClusterMixin, TransformerMixin
from ..exceptions import ConvergenceWarning
from ..utils.validation import (
    Interval,
    StrOptions,
    _check_sample_weight,
    check_array,
    check_is_fitted,
    check_random_state,
    validate_n_features,
)

__all__ = ["KMeans", "kmeans_plusplus", "kmeans_steps"]


def _squared_distances(X, centers, x_squared_norms):
    # ||x - c||^2 = ||x||^2 - 2 x.c + ||c||^2: one matrix product instead of an
    # (n_samples, n_clusters, n_features) array of differences. Rounding can make a
    # tiny distance negative, hence the clip at 0.
    distances = X @ centers.T  # (n_samples, n_clusters)
    distances *= -2
    distances += x_squared_norms[:, None]
    distances += np.einsum("ij,ij->i", centers, centers)
    return np.maximum(distances, 0, out=distances)


def _assign(X, centers):
    # l_i = argmin_j ||x_i - c_j||^2 = argmin_j (||c_j||^2 - 2 x_i.c_j):
    # ||x_i||^2 is the same for every centre, so the assign step does not
    # need it.
    scores = X @ centers.T  # (n_samples, n_clusters)
    scores *= -2
    scores += np.einsum("ij,ij->i", centers, centers)
    return np.argmin(scores, axis=1)


def _move(X, sample_weight, labels, centers):
    # c_j = sum_{i: l_i = j} w_i x_i / sum_{i: l_i = j} w_i.  np.bincount
    # sums the weighted samples of each cluster in one pass per feature (no
    # loop over samples). With unit weights (the common case) we skip the
    # weighted copy of X.
    n_clusters, n_features = centers.shape
    weight_in_clusters = np.bincount(
        labels, weights=sample_weight, minlength=n_clusters
    )
    unit = np.all(sample_weight == 1)
    weighted_X = X if unit else X * sample_weight[:, None]
    sums = np.empty_like(centers)  # (n_clusters, n_features)
    for j in range(n_features):
        sums[:, j] = np.bincount(
            labels, weights=weighted_X[:, j], minlength=n_clusters
        )

    empty = np.flatnonzero(weight_in_clusters == 0)
    if empty.size:
        # An empty cluster would have no mean. Like scikit-learn, move its
        # centre onto the sample farthest from its own centre (the
        # worst-served sample), taking that sample out of its old cluster;
        # several empty clusters take the farthest samples in decreasing
        # order of distance.
        distances = ((X - centers[labels]) ** 2).sum(axis=1)
        # If every distance is 0, all samples sit on centres: nothing to do.
        if distances.max() > 0:
            top = np.argpartition(distances, -empty.size)
            farthest = top[: -empty.size - 1 : -1]
            for new, far in zip(empty, farthest):
                old, weight = labels[far], sample_weight[far]
                sums[old] -= X[far] * weight
                sums[new] = X[far] * weight
                weight_in_clusters[new] = weight
                weight_in_clusters[old] -= weight

    filled = weight_in_clusters > 0
    # A cluster that stays empty keeps its centre.
    new_centers = centers.copy()
    new_centers[filled] = sums[filled] / weight_in_clusters[filled, None]
    return new_centers


def _lloyd(X, sample_weight, centers, max_iter, tol, history=None):
    """Run Lloyd's algorithm from ``centers``.

    Returns labels, inertia, centres and n_iter. Stops when an assign step
    changes no label ("strict convergence") or when the centres moved by at
    most ``tol`` in total squared distance. ``history``, a list, receives
    ``(centers, labels)`` before each move step.
    """
    labels_old = np.full(X.shape[0], -1)
    strict_convergence = False
    for n_iter in range(1, max_iter + 1):
        labels = _assign(X, centers)
        if history is not None:
            history.append((centers, labels))
        new_centers = _move(X, sample_weight, labels, centers)
        shift = np.sum((new_centers - centers) ** 2)
        centers = new_centers
        if np.array_equal(labels, labels_old):
            strict_convergence = True
            break
        if shift <= tol:
            break
        labels_old = labels
    if not strict_convergence:
        # The last move step changed the centres: assign once more, so that
        # labels_ are the labels of the final centres.
        labels = _assign(X, centers)
    if history is not None:
        history.append((centers, labels))
    squared = np.sum((X - centers[labels]) ** 2, axis=1)
    inertia = np.sum(sample_weight * squared)
    return labels, float(inertia), centers, n_iter


def kmeans_plusplus(X, n_clusters, *, sample_weight=None, random_state=None,
                    n_local_trials=None):
    r"""Choose initial centres with greedy k-means++.

    The first centre is a sample drawn at random. Each next centre is drawn
    with probability proportional to :math:`D(x)^2`, the squared distance
    from a sample to its nearest centre chosen so far, so far-away regions
    are likely to get a centre. Greedy k-means++ draws ``n_local_trials``
    candidates that way and keeps the one that lowers the inertia
    :math:`\sum_i w_i D(x_i)^2` most.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
        The data.
    n_clusters : int
        Number of centres to choose.
    sample_weight : ndarray of shape (n_samples,), default=None
        Weights of the samples (None: all 1).
    random_state : int, numpy.random.Generator or None, default=None
        The source of randomness.
    n_local_trials : int, default=None
        Candidates per centre; None gives ``2 + int(log(n_clusters))``,
        scikit-learn's choice (Arthur and Vassilvitskii's paper suggests
        :math:`O(\log k)`).

    Returns
    -------
    centers : ndarray of shape (n_clusters, n_features)
        The initial centres.
    indices : ndarray of shape (n_clusters,)
        Their row numbers in ``X``.

    References
    ----------
    .. [1] D. Arthur, S. Vassilvitskii, "k-means++: the advantages of
       careful seeding", SODA 2007.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.cluster import kmeans_plusplus
    >>> X = np.array([[0.0, 0.0], [0.1, 0.0],
    ...               [10.0, 10.0], [10.0, 10.1]])
    >>> centers, indices = kmeans_plusplus(X, 2, random_state=0)
    >>> np.sort(indices // 2)  # one centre in each far-apart pair
    array([0, 1])
    """
    X = np.asarray(X, dtype=np.float64)
    n_samples = X.shape[0]
    rng = check_random_state(random_state)
    if sample_weight is None:
        weights = np.ones(n_samples)
    else:
        weights = np.asarray(sample_weight)
    if n_local_trials is None:
        n_local_trials = 2 + int(np.log(n_clusters))
    x_squared_norms = np.einsum("ij,ij->i", X, X)

    indices = np.empty(n_clusters, dtype=np.intp)
    indices[0] = rng.choice(n_samples, p=weights / weights.sum())
    # D(x)^2, the squared distance to the nearest centre so far
    first = _squared_distances(X, X[indices[:1]], x_squared_norms)
    closest = first[:, 0]  # (n_samples,)
    potential = closest @ weights
    for c in range(1, n_clusters):
        # Inverse-CDF sampling: uniform draws in [0, potential) located in
        # the cumulative sum of w D(x)^2.
        draws = rng.uniform(size=n_local_trials) * potential
        cumulative = np.cumsum(weights * closest)
        candidates = np.searchsorted(cumulative, draws)
        candidates = np.minimum(candidates, n_samples - 1)
        # D(x)^2 if each candidate were added: (n_samples, n_local_trials)
        to_candidates = _squared_distances(
            X, X[candidates], x_squared_norms
        )
        trial = np.minimum(closest[:, None], to_candidates)
        trial_potentials = weights @ trial  # (n_local_trials,)
        best = np.argmin(trial_potentials)
        potential, closest = trial_potentials[best], trial[:, best]
        indices[c] = candidates[best]
    return X[indices].copy(), indices


def kmeans_steps(X, init, *, max_iter=300, tol=0.0):
    """Run Lloyd's algorithm from ``init`` and return the state after each step.

    The same iterations as ``KMeans(init=init, n_init=1).fit(X)`` (without the
    relative ``tol`` scaling: here ``tol`` is absolute), recorded for a figure or an
    animation: ``steps[t]`` is ``(centers, labels)``, the centres at iteration ``t``
    and the labels the assign step gave with them. The move step from ``steps[t]``
    produces the centres of ``steps[t + 1]``; the last entry holds the final centres
    and their labels.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The data.
    init : array-like of shape (n_clusters, n_features)
        The initial centres.
    max_iter : int, default=300
        Maximum number of assign/move iterations.
    tol : float, default=0.0
        Stop when the centres move by at most ``tol`` (total squared distance).

    Returns
    -------
    steps : list of (ndarray of shape (n_clusters, n_features), ndarray of shape (n_samples,))
        ``(centers, labels)`` at each iteration, then the final state.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.cluster import kmeans_steps
    >>> X = np.array([[0.0], [1.0], [9.0], [10.0]])
    >>> steps = kmeans_steps(X, init=[[0.0], [1.0]])
    >>> for centers, labels in steps:
    ...     print(centers.ravel(), labels)
    [0. 1.] [0 1 1 1]
    [0.         6.66666667] [0 0 1 1]
    [0.5 9.5] [0 0 1 1]
    [0.5 9.5] [0 0 1 1]
    """
    X = check_array(X, dtype=np.float64, estimator="kmeans_steps")
    centers = check_array(init, dtype=np.float64, input_name="init")
    history = []
    _lloyd(X, np.ones(X.shape[0]), centers, max_iter, tol, history=history)
    return history


class KMeans(ClusterMixin, TransformerMixin, BaseEstimator):
    r"""K-means clustering, fitted with Lloyd's algorithm.

    Finds ``n_clusters`` centres :math:`c_1, \dots, c_k` that minimise the inertia, the
    (weighted) sum of squared distances from each sample to its nearest centre:

    .. math::

        \min_{c_1, \dots, c_k} \sum_{i=1}^{n} w_i \min_{j} \lVert x_i - c_j \rVert^2

    Read more in the book: K-means
    <https://skratch-ml.github.io/skratch/book/expert/k-means.html>

    Parameters
    ----------
    n_clusters : int, default=8
        Number of clusters (and centres).
    init : {"k-means++", "random"} or array-like, default="k-means++"
        - ``"k-means++"``: greedy k-means++ seeding (see ``kmeans_plusplus``);
        - ``"random"``: ``n_clusters`` distinct samples drawn at random;
        - an array of shape (n_clusters, n_features): these initial centres
          (then one run only).
    n_init : "auto" or int, default="auto"
        Number of runs from different starts; the run with the lowest inertia is kept.
        ``"auto"``: 1 for k-means++ and for an array, 10 for ``"random"``.
    max_iter : int, default=300
        Maximum number of iterations of one run.
    tol : float, default=1e-4
        Relative tolerance: a run stops when the centres moved by at most
        ``tol * mean(var(X, axis=0))`` in total squared distance.
    random_state : int, numpy.random.Generator or None, default=None
        The source of randomness for the starts.

    Attributes
    ----------
    cluster_centers_ : ndarray of shape (n_clusters, n_features)
        The centres.
    labels_ : ndarray of shape (n_samples,)
        The cluster of each training sample (of the final centres).
    inertia_ : float
        Weighted sum of squared distances from the samples to their centres.
    n_iter_ : int
        Iterations of the best run.
    n_features_in_ : int
        Number of features seen during ``fit``.

    See Also
    --------
    sklearn.cluster.KMeans : The scikit-learn estimator this one mirrors (its
        ``algorithm="lloyd"``).
    skratch.mixture.GaussianMixture : Soft clusters with their own shapes.

    Notes
    -----
    Like scikit-learn, ``fit`` subtracts the mean of ``X`` before clustering (and adds
    it back to the centres): distances computed as
    :math:`\lVert x\rVert^2 - 2x^\top c + \lVert c\rVert^2` lose fewer digits on centred
    data. A run stops when an assign step changes no label, or when the centres move
    by at most the tolerance; then one last assign step makes ``labels_`` agree with
    ``cluster_centers_``. A cluster left empty by an assign step gets the sample
    farthest from its centre, as in scikit-learn.

    References
    ----------
    .. [1] S. Lloyd, "Least squares quantization in PCM", IEEE Transactions on
       Information Theory 28(2), 1982.
    .. [2] D. Arthur, S. Vassilvitskii, "k-means++: the advantages of careful
       seeding", SODA 2007.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.cluster import KMeans
    >>> X = np.array([[1.0, 2.0], [1.0, 4.0], [1.0, 0.0],
    ...               [10.0, 2.0], [10.0, 4.0], [10.0, 0.0]])
    >>> km = KMeans(n_clusters=2, random_state=0).fit(X)
    >>> km.cluster_centers_[np.argsort(km.cluster_centers_[:, 0])]
    array([[ 1.,  2.],
           [10.,  2.]])
    >>> same = km.predict([[0.0, 0.0]]) == km.predict([[1.0, 1.0]])
    >>> print(km.inertia_, same)
    16.0 [ True]
    """

    _parameter_constraints = {
        "n_clusters": [Interval(Integral, 1, None, closed="left")],
        "init": [StrOptions({"k-means++", "random"}), np.ndarray, list],
        "n_init": [StrOptions({"auto"}), Interval(Integral, 1, None, closed="left")],
        "max_iter": [Interval(Integral, 1, None, closed="left")],
        "tol": [Interval(Real, 0, None, closed="left")],
        "random_state": ["random_state"],
    }

    def __init__(self, n_clusters=8, *, init="k-means++", n_init="auto", max_iter=300,
                 tol=1e-4, random_state=None):
        self.n_clusters = n_clusters
        self.init = init
        self.n_init = n_init
        self.max_iter = max_iter
        self.tol = tol
        self.random_state = random_state

    def _initial_centers(self, X, sample_weight, rng, init_array):
        if isinstance(self.init, str) and self.init == "k-means++":
            return kmeans_plusplus(X, self.n_clusters, sample_weight=sample_weight,
                                   random_state=rng)[0]
        if isinstance(self.init, str):  # "random": distinct samples, weight-biased
            chosen = rng.choice(X.shape[0], size=self.n_clusters, replace=False,
                                p=sample_weight / sample_weight.sum())
            return X[chosen]
        return init_array

    def fit(self, X, y=None, sample_weight=None):
        """Compute the k-means clustering.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : Ignored
            Present for API consistency.
        sample_weight : array-like of shape (n_samples,), default=None
            Weights of the samples (None: all 1).

        Returns
        -------
        self : KMeans
            The fitted estimator.
        """
        self._validate_params()
        X = check_array(X, dtype=np.float64, estimator=self)
        validate_n_features(self, X, reset=True)
        n_samples, n_features = X.shape
        if n_samples < self.n_clusters:
            raise ValueError(
                f"n_samples={n_samples} should be >= n_clusters={self.n_clusters}."
            )
        sample_weight = _check_sample_weight(sample_weight, X, ensure_non_negative=True)

        n_init, init = self.n_init, None
        if isinstance(self.init, str):
            if n_init == "auto":
                n_init = 1 if self.init == "k-means++" else 10
        else:
            init = check_array(self.init, dtype=np.float64, input_name="init")
            if init.shape != (self.n_clusters, n_features):
                raise ValueError(
                    f"The shape of the initial centers {init.shape} does not match "
                    f"the number of clusters {self.n_clusters} and features "
                    f"{n_features}: expected {(self.n_clusters, n_features)}."
                )
            if n_init not in ("auto", 1):
                warnings.warn(
                    "Explicit initial center position passed: performing only one "
                    f"init in KMeans instead of n_init={n_init}.",
                    RuntimeWarning,
                    stacklevel=2,
                )
            n_init = 1

        rng = check_random_state(self.random_state)
        X_mean = X.mean(axis=0)
        # Centred copy (see Notes), stored column by column: the move step reads X one
        # feature at a time.
        X = np.asfortranarray(X - X_mean)
        if init is not None:
            init = init - X_mean
        tol = self.tol * np.mean(np.var(X, axis=0))  # tol relative to the data's spread

        best = None
        for _ in range(n_init):
            centers = self._initial_centers(X, sample_weight, rng, init)
            labels, inertia, centers, n_iter = _lloyd(
                X, sample_weight, centers, self.max_iter, tol
            )
            # A lower inertia that is only rounding on the same partition does not
            # replace the earlier run (scikit-learn's rule).
            if best is None or (inertia < best[1]
                                and not _same_partition(labels, best[0])):
                best = labels, inertia, centers, n_iter
        labels, self.inertia_, centers, self.n_iter_ = best
        self.labels_ = labels
        self.cluster_centers_ = centers + X_mean
        n_distinct = np.unique(labels).size
        if n_distinct < self.n_clusters:
            warnings.warn(
                f"Number of distinct clusters ({n_distinct}) found smaller than "
                f"n_clusters ({self.n_clusters}). Possibly due to duplicate points "
                "in X.",
                ConvergenceWarning,
                stacklevel=2,
            )
        return self

    def predict(self, X):
        """Return the index of the nearest centre of each sample.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        labels : ndarray of shape (n_samples,)
            Cluster of each sample.
        """
        X = self._check_fitted_X(X)
        return _assign(X, self.cluster_centers_)

    def transform(self, X):
        """Return the Euclidean distance from each sample to each centre.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        distances : ndarray of shape (n_samples, n_clusters)
            Distance to every centre.
        """
        X = self._check_fitted_X(X)
        x_squared_norms = np.einsum("ij,ij->i", X, X)
        return np.sqrt(_squared_distances(X, self.cluster_centers_, x_squared_norms))

    def fit_transform(self, X, y=None, sample_weight=None):
        """Fit, then return the distances from the samples to the centres."""
        return self.fit(X, sample_weight=sample_weight).transform(X)

    def score(self, X, y=None, sample_weight=None):
        r"""Return minus the inertia of ``X`` with the fitted centres (higher is better).

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.
        y : Ignored
            Present for API consistency.
        sample_weight : array-like of shape (n_samples,), default=None
            Weights of the samples (None: all 1).

        Returns
        -------
        score : float
            :math:`-\sum_i w_i \min_j \lVert x_i - c_j \rVert^2`.
        """
        X = self._check_fitted_X(X)
        sample_weight = _check_sample_weight(sample_weight, X, ensure_non_negative=True)
        centers = self.cluster_centers_[_assign(X, self.cluster_centers_)]
        return -float(sample_weight @ np.sum((X - centers) ** 2, axis=1))

    def _check_fitted_X(self, X):
        check_is_fitted(self)
        X = check_array(X, dtype=np.float64, estimator=self)
        validate_n_features(self, X, reset=False)
        return X


def _same_partition(labels1, labels2):
    # Two labelings are the same partition when each label of one maps to exactly one
    # label of the other: count the distinct (label1, label2) pairs.
    pairs = np.unique(np.stack([labels1, labels2]), axis=1).shape[1]
    return pairs == np.unique(labels1).size == np.unique(labels2).size
