"""Probabilities from an SVM: Platt scaling, then pairwise coupling.

An SVM gives a score :math:`f(x)`, not a probability. Platt (1999) fits a sigmoid
:math:`P(y = 1 \\mid f) = 1 / (1 + e^{A f + B})` to scores the classifier did not see
during its training (``SVC`` takes them from an internal 5-fold cross-validation); we
fit it with LIBSVM's Newton method with backtracking, from Lin, Lin and Weng (2007).
With more than two classes each one-vs-one classifier gives a pairwise probability
:math:`r_{ij} \\approx P(y = i \\mid y \\in \\{i, j\\}, x)`, and "pairwise coupling"
finds the class probabilities :math:`p` that agree with all of them best: method 2 of
Wu, Lin and Weng (2004), as LIBSVM.

Read more in the book: Support vector machines
<https://skratch-ml.github.io/skratch/book/expert/support-vector-machines.html>
"""

import numpy as np
from scipy.special import expit

__all__ = ["pairwise_coupling", "sigmoid_predict", "sigmoid_train"]

# LIBSVM's bounds on a pairwise probability, so that coupling never divides by 0.
MIN_PROB = 1e-7


def _platt_loss(dec, t, A, B):
    # Cross-entropy of the targets t against sigmoid(-(A f + B)), summed:
    #   sum_i t_i z_i + log(1 + e^{-z_i}),  z_i = A f_i + B,
    # written so that exp never overflows (LIBSVM's two branches).
    z = dec * A + B  # (n,)
    linear = np.where(z >= 0, t * z, (t - 1) * z)
    return float(np.sum(linear + np.log1p(np.exp(-np.abs(z)))))


def sigmoid_train(dec, y, max_iter=100, min_step=1e-10, sigma=1e-12, eps=1e-5):
    """Fit Platt's sigmoid ``P(y=+1 | f) = 1 / (1 + exp(A f + B))`` by Newton's method.

    Parameters
    ----------
    dec : ndarray of shape (n,)
        Decision values :math:`f_i`, from classifiers that did not see sample ``i``.
    y : ndarray of shape (n,)
        Labels, +1 or -1.
    max_iter, min_step, sigma, eps : float
        LIBSVM's constants: Newton iterations, smallest line-search step, ridge
        added to the Hessian, and the gradient size at which to stop.

    Returns
    -------
    A, B : float
        The sigmoid's slope and offset (``A < 0`` when large ``f`` means +1).
    """
    # Targets smoothed towards the prior, which guards against overfitting:
    #   t_+ = (N_+ + 1) / (N_+ + 2),   t_- = 1 / (N_- + 2).
    n_pos = float(np.sum(y > 0))
    n_neg = len(y) - n_pos
    t = np.where(y > 0, (n_pos + 1.0) / (n_pos + 2.0), 1.0 / (n_neg + 2.0))
    A, B = 0.0, float(np.log((n_neg + 1.0) / (n_pos + 1.0)))
    fval = _platt_loss(dec, t, A, B)
    for _ in range(max_iter):
        # Gradient g and Hessian H of the loss in (A, B); p = P(+1), d2 = p (1 - p).
        p = expit(-(dec * A + B))
        d2 = p * (1.0 - p)
        h11 = sigma + np.sum(dec * dec * d2)
        h22 = sigma + np.sum(d2)
        h21 = np.sum(dec * d2)
        g1, g2 = np.sum(dec * (t - p)), np.sum(t - p)
        if abs(g1) < eps and abs(g2) < eps:
            break
        # Newton direction -H^{-1} g, then halve the step until the loss
        # decreases enough (Armijo's condition).
        det = h11 * h22 - h21 * h21
        dA = -(h22 * g1 - h21 * g2) / det
        dB = -(-h21 * g1 + h11 * g2) / det
        gd = g1 * dA + g2 * dB
        step = 1.0
        while step >= min_step:
            new_A, new_B = A + step * dA, B + step * dB
            new_f = _platt_loss(dec, t, new_A, new_B)
            if new_f < fval + 1e-4 * step * gd:
                A, B, fval = new_A, new_B, new_f
                break
            step /= 2.0
        if step < min_step:  # the line search failed: keep the last point
            break
    return A, B


def sigmoid_predict(dec, A, B):
    """Platt's probability of the positive class, ``1 / (1 + exp(A f + B))``."""
    return expit(-(dec * A + B))


def pairwise_coupling(r, max_iter=None):
    """Class probabilities from pairwise ones (Wu, Lin and Weng's method 2).

    Finds, for each sample, :math:`p` minimising
    :math:`\\sum_i \\sum_{j \\ne i} (r_{ji} p_i - r_{ij} p_j)^2` subject to
    :math:`\\sum_i p_i = 1`; its minimum is :math:`p^\\top Q p` with
    :math:`Q_{ii} = \\sum_{j \\ne i} r_{ji}^2`, :math:`Q_{ij} = -r_{ji} r_{ij}`.
    LIBSVM's fixed-point iteration updates one :math:`p_t` at a time and
    renormalises; here every sample takes its steps at once.

    Parameters
    ----------
    r : ndarray of shape (n_samples, n_classes, n_classes)
        ``r[:, i, j]`` estimates P(class i | class i or j); ``r[:, j, i]`` is
        ``1 - r[:, i, j]``; the diagonal is ignored.
    max_iter : int, default=None
        Passes over the classes; None is LIBSVM's ``max(100, n_classes)``.

    Returns
    -------
    p : ndarray of shape (n_samples, n_classes)
        Class probabilities; each row sums to 1.
    """
    n, k, _ = r.shape
    max_iter = max(100, k) if max_iter is None else max_iter
    r = r * (1.0 - np.eye(k))  # the diagonal takes no part
    Q = -np.swapaxes(r, 1, 2) * r  # Q[:, t, j] = -r[:, j, t] r[:, t, j], (n, k, k)
    Q[:, np.arange(k), np.arange(k)] = np.sum(r * r, axis=1)  # sum_j r[:, j, t]^2
    p = np.full((n, k), 1.0 / k)
    eps = 0.005 / k
    for _ in range(max_iter):
        # Optimal when every (Q p)_t equals p^T Q p (the multiplier of sum p = 1).
        Qp = np.einsum("ntj,nj->nt", Q, p)  # (n, k)
        pQp = np.sum(p * Qp, axis=1)  # (n,)
        active = np.max(np.abs(Qp - pQp[:, None]), axis=1) >= eps
        if not active.any():
            break
        for t in range(k):
            # Solve for p_t with the others fixed, then divide p by 1 + diff so it
            # sums to 1 again; Qp and pQp are updated rather than recomputed.
            diff = np.where(active, (pQp - Qp[:, t]) / Q[:, t, t], 0.0)  # (n,)
            p[:, t] += diff
            pQp = (pQp + diff * (diff * Q[:, t, t] + 2.0 * Qp[:, t])) / (1 + diff) ** 2
            Qp = (Qp + diff[:, None] * Q[:, t, :]) / (1 + diff)[:, None]
            p /= (1 + diff)[:, None]
    return p
