r"""Pairwise distances and kernels: one number for every pair of rows.

A kernel :math:`\kappa(\mathbf{x}, \mathbf{z}) = \langle \phi(\mathbf{x}), \phi(\mathbf{z})
\rangle` is an inner product in a feature space that is never built; kernel ridge
regression and support vector machines use only the matrix
:math:`K_{ij} = \kappa(\mathbf{x}_i, \mathbf{z}_j)`. The kernels here, with
scikit-learn's names and defaults (``gamma=None`` means :math:`1 / d` for
:math:`d` features):

- linear:     :math:`\mathbf{x}^\top \mathbf{z}`
- polynomial: :math:`(\gamma\, \mathbf{x}^\top \mathbf{z} + c_0)^{q}`
- RBF:        :math:`\exp(-\gamma \lVert \mathbf{x} - \mathbf{z} \rVert^2)`
- sigmoid:    :math:`\tanh(\gamma\, \mathbf{x}^\top \mathbf{z} + c_0)`

Read more in the book: Kernels
<https://skratch-ml.github.io/skratch/book/frontier/kernels.html>
"""

import numpy as np

from ..utils.validation import check_array

__all__ = [
    "euclidean_distances",
    "linear_kernel",
    "pairwise_kernels",
    "polynomial_kernel",
    "rbf_kernel",
    "sigmoid_kernel",
]


def check_pairwise_arrays(X, Y):
    """``X`` and ``Y`` as finite 2-D float arrays with the same number of columns.

    ``Y=None`` means ``Y = X`` (the kernel of a data set with itself).
    """
    X = check_array(X, dtype=np.float64, input_name="X")
    if Y is None or Y is X:
        return X, X
    Y = check_array(Y, dtype=np.float64, input_name="Y")
    if X.shape[1] != Y.shape[1]:
        raise ValueError(
            "Incompatible dimension for X and Y matrices: X.shape[1] == "
            f"{X.shape[1]} while Y.shape[1] == {Y.shape[1]}"
        )
    return X, Y


def _gamma(gamma, X):
    # gamma=None: 1 / n_features, so that gamma x.z is of order 1 for unit features.
    return 1.0 / X.shape[1] if gamma is None else gamma


def euclidean_distances(X, Y=None, *, squared=False):
    r"""The Euclidean distance between every row of ``X`` and of ``Y``.

    Computed as :math:`\lVert \mathbf{x} - \mathbf{z} \rVert^2 =
    \lVert \mathbf{x} \rVert^2 - 2\, \mathbf{x}^\top \mathbf{z} +
    \lVert \mathbf{z} \rVert^2`: one matrix product instead of a
    difference per pair. Rounding can make that a tiny negative number,
    so it is clipped at 0 (and the diagonal is exactly 0 when ``Y`` is
    ``X``).

    Parameters
    ----------
    X : array-like of shape (n_samples_X, n_features)
        First set of rows.
    Y : array-like of shape (n_samples_Y, n_features), default=None
        Second set of rows; ``None`` means ``X``.
    squared : bool, default=False
        Return squared distances.

    Returns
    -------
    distances : ndarray of shape (n_samples_X, n_samples_Y)
        The distances.

    Examples
    --------
    >>> from skratch.metrics.pairwise import euclidean_distances
    >>> euclidean_distances([[0.0, 0.0], [3.0, 4.0]])
    array([[0., 5.],
           [5., 0.]])
    """
    X, Y = check_pairwise_arrays(X, Y)
    x_sq = np.einsum("ij,ij->i", X, X)[:, None]  # (n_X, 1)
    if Y is X:
        y_sq = x_sq.T  # (1, n_Y)
    else:
        y_sq = np.einsum("ij,ij->i", Y, Y)[None, :]  # (1, n_Y)
    distances = X @ Y.T  # in place from here: one (n_X, n_Y) array in all
    distances *= -2.0
    distances += x_sq
    distances += y_sq
    np.maximum(distances, 0.0, out=distances)
    if Y is X:
        np.fill_diagonal(distances, 0.0)
    return distances if squared else np.sqrt(distances, out=distances)


def linear_kernel(X, Y=None, dense_output=True):
    r"""The linear kernel :math:`\kappa(\mathbf{x}, \mathbf{z}) = \mathbf{x}^\top \mathbf{z}`.

    Parameters
    ----------
    X : array-like of shape (n_samples_X, n_features)
        First set of rows.
    Y : array-like of shape (n_samples_Y, n_features), default=None
        Second set of rows; ``None`` means ``X``.
    dense_output : bool, default=True
        Accepted for scikit-learn's signature; the output is always dense.

    Returns
    -------
    kernel : ndarray of shape (n_samples_X, n_samples_Y)
        The Gram matrix :math:`X Y^\top`.

    Examples
    --------
    >>> from skratch.metrics.pairwise import linear_kernel
    >>> linear_kernel([[1.0, 2.0]], [[3.0, 4.0], [1.0, 0.0]])
    array([[11.,  1.]])
    """
    X, Y = check_pairwise_arrays(X, Y)
    return X @ Y.T


def polynomial_kernel(X, Y=None, degree=3, gamma=None, coef0=1):
    r"""The polynomial kernel :math:`(\gamma\, \mathbf{x}^\top \mathbf{z} + c_0)^q`.

    It is the inner product of all monomials of the features up to degree :math:`q`,
    weighted, without building them.

    Parameters
    ----------
    X : array-like of shape (n_samples_X, n_features)
        First set of rows.
    Y : array-like of shape (n_samples_Y, n_features), default=None
        Second set of rows; ``None`` means ``X``.
    degree : float, default=3
        The power :math:`q`.
    gamma : float, default=None
        The scale :math:`\gamma` of the inner product; ``None`` means
        ``1 / n_features``.
    coef0 : float, default=1
        The constant :math:`c_0`.

    Returns
    -------
    kernel : ndarray of shape (n_samples_X, n_samples_Y)
        The kernel matrix.

    Examples
    --------
    >>> from skratch.metrics.pairwise import polynomial_kernel
    >>> polynomial_kernel([[1, 2]], [[3, 4]], degree=2, gamma=1, coef0=1)
    array([[144.]])
    """
    X, Y = check_pairwise_arrays(X, Y)
    kernel = X @ Y.T
    kernel *= _gamma(gamma, X)
    kernel += coef0
    return kernel**degree


def rbf_kernel(X, Y=None, gamma=None):
    r"""The RBF (Gaussian) kernel.

    :math:`\kappa(\mathbf{x}, \mathbf{z}) = \exp(-\gamma
    \lVert \mathbf{x} - \mathbf{z} \rVert^2)`: 1 for identical rows,
    falling towards 0 with distance; :math:`\gamma` sets how fast (a
    length scale of :math:`1 / \sqrt{2 \gamma}`).

    Parameters
    ----------
    X : array-like of shape (n_samples_X, n_features)
        First set of rows.
    Y : array-like of shape (n_samples_Y, n_features), default=None
        Second set of rows; ``None`` means ``X``.
    gamma : float, default=None
        The inverse squared length scale; ``None`` means ``1 / n_features``.

    Returns
    -------
    kernel : ndarray of shape (n_samples_X, n_samples_Y)
        The kernel matrix.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.metrics.pairwise import rbf_kernel
    >>> np.round(rbf_kernel([[0.0], [1.0], [3.0]], gamma=0.5), 4)
    array([[1.    , 0.6065, 0.0111],
           [0.6065, 1.    , 0.1353],
           [0.0111, 0.1353, 1.    ]])
    """
    X, Y = check_pairwise_arrays(X, Y)
    kernel = euclidean_distances(X, Y, squared=True)
    kernel *= -_gamma(gamma, X)
    return np.exp(kernel, out=kernel)


def sigmoid_kernel(X, Y=None, gamma=None, coef0=1):
    r"""The sigmoid kernel :math:`\tanh(\gamma\, \mathbf{x}^\top \mathbf{z} + c_0)`.

    Not positive definite for every :math:`\gamma` and :math:`c_0`; it is here because
    it is LIBSVM's and scikit-learn's fourth kernel.

    Parameters
    ----------
    X : array-like of shape (n_samples_X, n_features)
        First set of rows.
    Y : array-like of shape (n_samples_Y, n_features), default=None
        Second set of rows; ``None`` means ``X``.
    gamma : float, default=None
        The scale :math:`\gamma`; ``None`` means ``1 / n_features``.
    coef0 : float, default=1
        The constant :math:`c_0`.

    Returns
    -------
    kernel : ndarray of shape (n_samples_X, n_samples_Y)
        The kernel matrix.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.metrics.pairwise import sigmoid_kernel
    >>> np.round(sigmoid_kernel([[1, 2]], [[3, 4]], gamma=0.1, coef0=0), 4)
    array([[0.8005]])
    """
    X, Y = check_pairwise_arrays(X, Y)
    kernel = X @ Y.T
    kernel *= _gamma(gamma, X)
    kernel += coef0
    return np.tanh(kernel, out=kernel)


PAIRWISE_KERNEL_FUNCTIONS = {
    "linear": linear_kernel,
    "poly": polynomial_kernel,
    "polynomial": polynomial_kernel,
    "rbf": rbf_kernel,
    "sigmoid": sigmoid_kernel,
}

# The parameters each kernel takes, for pairwise_kernels(filter_params=True).
KERNEL_PARAMS = {
    "linear": (),
    "poly": ("gamma", "degree", "coef0"),
    "polynomial": ("gamma", "degree", "coef0"),
    "rbf": ("gamma",),
    "sigmoid": ("gamma", "coef0"),
}


def pairwise_kernels(X, Y=None, metric="linear", *, filter_params=False, n_jobs=None,
                     **kwds):
    """The kernel between every row of ``X`` and every row of ``Y``, by name.

    Parameters
    ----------
    X : array-like of shape (n_samples_X, n_features) or (n_samples_X, n_samples_Y)
        First set of rows, or the kernel itself if ``metric="precomputed"``.
    Y : array-like of shape (n_samples_Y, n_features), default=None
        Second set of rows; ``None`` means ``X``.
    metric : str or callable, default="linear"
        ``"linear"``, ``"poly"`` (or ``"polynomial"``), ``"rbf"``, ``"sigmoid"``,
        ``"precomputed"`` (``X`` is returned, checked), or a callable
        ``k(x, z, **kwds)`` of two 1-D rows, called for every pair.
    filter_params : bool, default=False
        Drop the keyword arguments the chosen kernel does not take.
    n_jobs : None
        Accepted for scikit-learn's signature; skratch computes in one process.
    **kwds
        The kernel's parameters (``gamma``, ``degree``, ``coef0``).

    Returns
    -------
    kernel : ndarray of shape (n_samples_X, n_samples_Y)
        The kernel matrix.

    Examples
    --------
    >>> from skratch.metrics.pairwise import pairwise_kernels
    >>> pairwise_kernels([[1.0, 2.0]], [[3.0, 4.0]], metric="poly",
    ...                  degree=2, gamma=1, coef0=1)
    array([[144.]])
    """
    if metric == "precomputed":
        X, _ = check_pairwise_arrays(X, None)
        if Y is not None:
            raise ValueError("Y must be None when metric='precomputed'; X is the kernel.")
        return X
    if callable(metric):
        X, Y = check_pairwise_arrays(X, Y)
        return np.array([[metric(x, z, **kwds) for z in Y] for x in X], dtype=float)
    if metric not in PAIRWISE_KERNEL_FUNCTIONS:
        raise ValueError(
            f"Unknown kernel {metric!r}; valid kernels are "
            f"{sorted(PAIRWISE_KERNEL_FUNCTIONS)}, 'precomputed' or a callable."
        )
    if filter_params:
        kwds = {k: v for k, v in kwds.items() if k in KERNEL_PARAMS[metric]}
    return PAIRWISE_KERNEL_FUNCTIONS[metric](X, Y, **kwds)
