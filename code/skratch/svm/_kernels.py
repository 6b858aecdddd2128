"""Kernels: inner products in a feature space we never build.

A kernel :math:`K(x, z) = \\langle \\phi(x), \\phi(z) \\rangle` lets a linear method
(the SVM) work in the feature space of :math:`\\phi` using only ``K``. The four of
LIBSVM and scikit-learn:

- linear:     ``x . z``
- polynomial: ``(gamma x . z + coef0) ** degree``
- RBF:        ``exp(-gamma ||x - z||^2)``
- sigmoid:    ``tanh(gamma x . z + coef0)``

Read more in the book: Support vector machines
<https://skratch-ml.github.io/skratch/book/expert/support-vector-machines.html>
"""

import numpy as np

from ..metrics import pairwise

__all__ = ["kernel_matrix", "resolve_gamma"]


def resolve_gamma(gamma, X):
    # "scale": gamma = 1 / (n_features * Var(X)), so that gamma ||x - z||^2 is of
    #          order 1 whatever the units of X (Var over all entries of X);
    # "auto":  gamma = 1 / n_features.
    if gamma == "scale":
        variance = X.var()
        return 1.0 / (X.shape[1] * variance) if variance != 0 else 1.0
    if gamma == "auto":
        return 1.0 / X.shape[1]
    return float(gamma)


def dot_in_feature_order(A, B):
    # A B^T summed one feature after the other, the order of LIBSVM's dot product.
    # BLAS sums in another order; the last-bit differences are harmless in a
    # prediction, but SMO compares near-equal numbers (and LIBSVM rounds kernel rows
    # to single precision), so in training they can change which pair it picks.
    out = np.zeros((A.shape[0], B.shape[0]))
    for j in range(A.shape[1]):
        out += A[:, j, None] * B[:, j]
    return out


def squared_norms_in_feature_order(A):
    # ||a||^2 for each row, summed in feature order (as dot_in_feature_order).
    out = np.zeros(A.shape[0])
    for j in range(A.shape[1]):
        out += A[:, j] * A[:, j]
    return out


def kernel_from_dot(dot, sq_A, sq_B, kernel, gamma, degree, coef0):
    # Every kernel here is a function of x.z (and, for rbf, of ||x||^2 and ||z||^2):
    #   rbf: ||x - z||^2 = ||x||^2 + ||z||^2 - 2 x.z, as LIBSVM computes it.
    if kernel == "linear":
        return dot
    if kernel == "poly":
        return (gamma * dot + coef0) ** degree
    if kernel == "sigmoid":
        return np.tanh(gamma * dot + coef0)
    return np.exp(-gamma * (sq_A[:, None] + sq_B - 2.0 * dot))


def kernel_matrix(A, B, kernel, gamma, degree, coef0):
    """The kernel between every row of ``A`` and every row of ``B``.

    Parameters
    ----------
    A : ndarray of shape (n_A, n_features)
    B : ndarray of shape (n_B, n_features)
    kernel : {"linear", "poly", "rbf", "sigmoid"}
    gamma : float
        Already resolved (see ``resolve_gamma``).
    degree : int
    coef0 : float

    Returns
    -------
    K : ndarray of shape (n_A, n_B)
    """
    # Prediction needs no LIBSVM summation order: the kernels of
    # skratch.metrics.pairwise, shared with kernel ridge regression.
    if kernel == "linear":
        return pairwise.linear_kernel(A, B)
    if kernel == "poly":
        return pairwise.polynomial_kernel(A, B, degree=degree, gamma=gamma, coef0=coef0)
    if kernel == "sigmoid":
        return pairwise.sigmoid_kernel(A, B, gamma=gamma, coef0=coef0)
    return pairwise.rbf_kernel(A, B, gamma=gamma)
