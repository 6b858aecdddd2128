"""Tests for Platt scaling and pairwise coupling (skratch.svm._probability).

Platt's fit is compared with a direct minimisation of the same loss (scipy) and with
sklearn.calibration._sigmoid_calibration; the coupling with a line-by-line port of
LIBSVM's multiclass_probability and with the exact minimiser of its objective.
"""

import numpy as np
import pytest
from numpy.testing import assert_allclose
from scipy.optimize import minimize
from sklearn.calibration import _sigmoid_calibration

from skratch.svm._probability import pairwise_coupling, sigmoid_predict, sigmoid_train


def _scores(n, seed):
    # Decision-like scores: class +1 centred at 1, class -1 at -1, overlapping.
    rng = np.random.default_rng(seed)
    y = np.where(rng.random(n) < 0.4, 1.0, -1.0)
    return y + rng.normal(scale=1.2, size=n), y


def _platt_reference(dec, y):
    # The same objective minimised by scipy to a tight gradient: cross-entropy of
    # Platt's smoothed targets against 1 / (1 + exp(A f + B)).
    n_pos, n_neg = np.sum(y > 0), np.sum(y < 0)
    t = np.where(y > 0, (n_pos + 1) / (n_pos + 2), 1 / (n_neg + 2))

    def loss_grad(AB):
        z = AB[0] * dec + AB[1]
        p = 1 / (1 + np.exp(z))  # P(+1)
        loss = np.sum(t * z + np.logaddexp(0, -z))
        g = t - p
        return loss, np.array([np.sum(dec * g), np.sum(g)])

    result = minimize(loss_grad, [0.0, 0.0], jac=True, method="BFGS",
                      options={"gtol": 1e-12})
    return result.x


@pytest.mark.parametrize("n, seed", [(40, 0), (300, 1), (2000, 2)])
def test_sigmoid_train_matches_direct_minimisation(n, seed):
    """Check that LIBSVM's Newton fit reaches the minimiser scipy finds, to 1e-6."""
    dec, y = _scores(n, seed)
    A, B = sigmoid_train(dec, y)
    assert_allclose([A, B], _platt_reference(dec, y), atol=1e-6)
    # scikit-learn's CalibratedClassifierCV minimises the same loss (L-BFGS).
    assert_allclose([A, B], _sigmoid_calibration(dec, y > 0), atol=1e-6)
    assert A < 0  # large scores mean +1


def test_sigmoid_train_separable_scores_stay_finite():
    """Check that perfectly separated scores give a steep but finite sigmoid."""
    dec = np.array([-3.0, -2.0, -1.0, 1.0, 2.0, 3.0])
    y = np.sign(dec)
    A, B = sigmoid_train(dec, y)
    assert np.isfinite([A, B]).all() and A < 0
    p = sigmoid_predict(dec, A, B)
    # The smoothed targets 1/(N-+2) and (N++1)/(N++2) bound how sure it gets.
    assert np.all(p[y > 0] > 0.5) and np.all(p[y < 0] < 0.5)
    assert_allclose(sigmoid_predict(np.array([0.0]), A, B), 1 / (1 + np.exp(B)))


def _libsvm_multiclass_probability(r):
    # A line-by-line port of LIBSVM's multiclass_probability for one sample.
    k = len(r)
    p = np.full(k, 1.0 / k)
    Q = np.zeros((k, k))
    for t in range(k):
        for j in range(t):
            Q[t, t] += r[j, t] * r[j, t]
            Q[t, j] = Q[j, t]
        for j in range(t + 1, k):
            Q[t, t] += r[j, t] * r[j, t]
            Q[t, j] = -r[j, t] * r[t, j]
    eps = 0.005 / k
    for _ in range(max(100, k)):
        Qp = np.array([sum(Q[t, j] * p[j] for j in range(k)) for t in range(k)])
        pQp = sum(p[t] * Qp[t] for t in range(k))
        if max(abs(Qp[t] - pQp) for t in range(k)) < eps:
            break
        for t in range(k):
            diff = (-Qp[t] + pQp) / Q[t, t]
            p[t] += diff
            pQp = (pQp + diff * (diff * Q[t, t] + 2 * Qp[t])) / (1 + diff) / (1 + diff)
            for j in range(k):
                Qp[j] = (Qp[j] + diff * Q[t, j]) / (1 + diff)
                p[j] /= 1 + diff
    return p


def _random_pairwise(n, k, seed):
    # Pairwise probabilities that no single p explains exactly.
    rng = np.random.default_rng(seed)
    r = np.zeros((n, k, k))
    a, b = np.triu_indices(k, k=1)
    upper = rng.uniform(0.02, 0.98, size=(n, len(a)))
    r[:, a, b], r[:, b, a] = upper, 1 - upper
    return r


@pytest.mark.parametrize("k", [2, 3, 4, 6])
def test_pairwise_coupling_matches_libsvm_loop(k):
    """Check the vectorised coupling against LIBSVM's loop, sample by sample."""
    r = _random_pairwise(50, k, seed=k)
    p = pairwise_coupling(r)
    expected = np.array([_libsvm_multiclass_probability(r_i) for r_i in r])
    assert_allclose(p, expected, rtol=1e-12, atol=1e-14)
    assert_allclose(p.sum(axis=1), 1.0, rtol=1e-12)
    assert np.all(p > 0)


@pytest.mark.parametrize("k", [3, 5])
def test_pairwise_coupling_solves_its_quadratic_programme(k):
    """Check the coupling against the exact minimiser of p^T Q p with sum(p) = 1."""
    r = _random_pairwise(30, k, seed=10 + k)
    p = pairwise_coupling(r)
    for r_i, p_i in zip(r, p):
        Q = -r_i.T * r_i
        np.fill_diagonal(Q, np.sum(r_i * r_i, axis=0) - np.diag(r_i) ** 2)
        # KKT: [2Q 1; 1^T 0] [p; mu] = [0; 1]
        kkt = np.block([[2 * Q, np.ones((k, 1))], [np.ones((1, k)), np.zeros((1, 1))]])
        exact = np.linalg.solve(kkt, np.r_[np.zeros(k), 1.0])[:k]
        # LIBSVM stops when max_t |(Qp)_t - p^T Q p| < 0.005 / k.
        assert_allclose(p_i, exact, atol=0.005)


def test_pairwise_coupling_recovers_consistent_probabilities():
    """Check that pairwise r_ij = p_i / (p_i + p_j) give back p."""
    rng = np.random.default_rng(0)
    p_true = rng.dirichlet(np.ones(4), size=20)  # (20, 4)
    r = p_true[:, :, None] / (p_true[:, :, None] + p_true[:, None, :])
    p = pairwise_coupling(r)
    assert_allclose(p.sum(axis=1), 1.0, rtol=1e-12)
    assert_allclose(p, p_true, atol=2e-3)
