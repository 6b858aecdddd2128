"""Sequential minimal optimisation (SMO) for the soft-margin SVM dual.

The dual of the soft-margin SVM is a quadratic programme in one variable per sample,

    min_a  1/2 a^T Q a - sum_i a_i   s.t.  sum_i y_i a_i = 0,  0 <= a_i <= C_i,

with :math:`Q_{ij} = y_i y_j K(x_i, x_j)`. SMO solves it two variables at a time: the
smallest step that keeps :math:`\\sum_i y_i a_i = 0` moves a pair :math:`(a_i, a_j)`,
and for a pair the optimum is a formula (a 1-D parabola, clipped to the box). Which
pair matters: LIBSVM picks the sample that violates the optimality conditions most
(``i``) and, among the others, the one whose step decreases the objective most by a
second-order estimate (``j``) -- "working set selection 3" of Fan, Chen and Lin
(2005). We follow LIBSVM step for step (same choice, same update, same stopping rule,
without its shrinking heuristic), so the solution matches scikit-learn's.

Read more in the book: Support vector machines
<https://skratch-ml.github.io/skratch/book/expert/support-vector-machines.html>
"""

import numpy as np

__all__ = ["smo"]

TAU = 1e-12  # LIBSVM's stand-in for a non-positive curvature


def _last_argmax(values):
    # LIBSVM scans with ">=", so among equal values the last index wins.
    return len(values) - 1 - int(np.argmax(values[::-1]))


def _select_working_set(G, y, alpha, C, K_diag, kernel_row, tol):
    # Optimality (KKT) in terms of -y_t G_t:
    #   max over I_up <= min over I_low, where
    #   I_up  = {t : y_t = +1, a_t < C_t} u {t : y_t = -1, a_t > 0}
    #           (a_t can grow in the direction y_t),
    #   I_low = {t : y_t = +1, a_t > 0} u {t : y_t = -1, a_t < C_t}.
    # i: the most violating index in I_up.  j: in I_low, the one
    # minimising the second-order decrease  -(b_ij)^2 / a_ij  with
    # b_ij = -y_i G_i + y_j G_j > 0,  a_ij = K_ii + K_jj - 2 K_ij.
    below_upper, above_lower = alpha < C, alpha > 0
    in_up = np.where(y > 0, below_upper, above_lower)
    in_low = np.where(y > 0, above_lower, below_upper)
    minus_yG = -y * G
    if not in_up.any():
        return None
    score_i = np.where(in_up, minus_yG, -np.inf)
    i = _last_argmax(score_i)
    G_max = score_i[i]
    # max of y_t G_t on I_low, i.e. minus the min of -y_t G_t there
    G_max2 = np.max(np.where(in_low, -minus_yG, -np.inf))
    # max_{I_up} - min_{I_low} < tol: optimal enough
    if G_max + G_max2 < tol:
        return None
    K_i = kernel_row(i)
    grad_diff = G_max - minus_yG  # b_it, (n,)
    quad = K_diag[i] + K_diag - 2.0 * K_i  # a_it, (n,)
    quad = np.where(quad > 0, quad, TAU)
    candidates = in_low & (grad_diff > 0)
    if not candidates.any():
        return None
    obj_diff = np.where(candidates, -(grad_diff**2) / quad, np.inf)
    # ties: the last index, as LIBSVM
    j = len(obj_diff) - 1 - int(np.argmin(obj_diff[::-1]))
    return i, j, K_i


def _update_pair(alpha, y, G, C, K_diag, K_ij, i, j):
    # Minimise the dual along the pair: a one-variable parabola, then
    # clip back into the box [0, C_i] x [0, C_j] along the line
    # y_i a_i + y_j a_j = constant. (LIBSVM's update, written for the
    # two cases y_i != y_j and y_i == y_j.)
    C_i, C_j = C[i], C[j]
    a_i, a_j = alpha[i], alpha[j]
    if y[i] != y[j]:
        quad = K_diag[i] + K_diag[j] - 2.0 * K_ij  # = Q_ii + Q_jj + 2 Q_ij
        quad = quad if quad > 0 else TAU
        delta = (-G[i] - G[j]) / quad
        diff = a_i - a_j  # kept constant
        a_i, a_j = a_i + delta, a_j + delta
        if diff > 0:
            if a_j < 0:
                a_j, a_i = 0.0, diff
        elif a_i < 0:
            a_i, a_j = 0.0, -diff
        if diff > C_i - C_j:
            if a_i > C_i:
                a_i, a_j = C_i, C_i - diff
        elif a_j > C_j:
            a_j, a_i = C_j, C_j + diff
    else:
        quad = K_diag[i] + K_diag[j] - 2.0 * K_ij  # = Q_ii + Q_jj - 2 Q_ij
        quad = quad if quad > 0 else TAU
        delta = (G[i] - G[j]) / quad
        total = a_i + a_j  # kept constant
        a_i, a_j = a_i - delta, a_j + delta
        if total > C_i:
            if a_i > C_i:
                a_i, a_j = C_i, total - C_i
        elif a_j < 0:
            a_j, a_i = 0.0, total
        if total > C_j:
            if a_j > C_j:
                a_j, a_i = C_j, total - C_j
        elif a_i < 0:
            a_i, a_j = 0.0, total
    return a_i, a_j


def _intercept(G, y, alpha, C):
    # rho, the negated intercept: at the optimum y_t G_t = -rho for
    # every free (0 < a_t < C) sample; average them. With no free
    # sample, take the middle of the interval the bounded samples
    # allow.
    yG = y * G
    at_upper, at_lower = alpha >= C, alpha <= 0
    free = ~at_upper & ~at_lower
    if free.any():
        return float(yG[free].mean())
    ub_mask = (at_upper & (y < 0)) | (at_lower & ~at_upper & (y > 0))
    lb_mask = (at_upper & (y > 0)) | (at_lower & ~at_upper & (y < 0))
    ub = yG[ub_mask].min() if ub_mask.any() else np.inf
    lb = yG[lb_mask].max() if lb_mask.any() else -np.inf
    return float((ub + lb) / 2)


def smo(kernel_row, K_diag, y, C, tol, max_iter):
    """Solve the SVM dual with SMO and LIBSVM's working-set selection.

    Parameters
    ----------
    kernel_row : callable
        ``kernel_row(i)`` returns row ``i`` of the kernel matrix, shape
        (n,).
    K_diag : ndarray of shape (n,)
        Diagonal of the kernel matrix.
    y : ndarray of shape (n,)
        Labels, +1 or -1.
    C : ndarray of shape (n,)
        Upper bound of each ``a_i``.
    tol : float
        Stop when the largest KKT violation gap is below ``tol``.
    max_iter : int
        Iteration budget (``-1``: LIBSVM's own limit, effectively none).

    Returns
    -------
    alpha : ndarray of shape (n,)
        The dual variables.
    rho : float
        The decision function is ``sum_i y_i a_i K(x_i, x) - rho``.
    n_iter : int
        Number of pair updates.
    converged : bool
        False if ``max_iter`` stopped the solver first.
    """
    n = len(y)
    if max_iter == -1:
        max_iter = max(10_000_000, 100 * n)
    alpha = np.zeros(n)
    G = -np.ones(n)  # gradient of the dual, Q a - 1, at a = 0
    n_iter, converged = 0, False
    while n_iter < max_iter:
        selected = _select_working_set(
            G, y, alpha, C, K_diag, kernel_row, tol
        )
        if selected is None:
            converged = True
            break
        i, j, K_i = selected
        old_i, old_j = alpha[i], alpha[j]
        alpha[i], alpha[j] = _update_pair(
            alpha, y, G, C, K_diag, K_i[j], i, j
        )
        n_iter += 1
        # G = Q a - 1 changes only through the two moved variables:
        #   G += Q[:, i] da_i + Q[:, j] da_j,   Q[:, t] = y y_t K[:, t].
        K_j = kernel_row(j)
        G += y * (
            y[i] * (alpha[i] - old_i) * K_i
            + y[j] * (alpha[j] - old_j) * K_j
        )
    return alpha, _intercept(G, y, alpha, C), n_iter, converged
