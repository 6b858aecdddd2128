"""Logistic regression: a linear model of the log-odds, fitted by maximum likelihood.

Two classes use the sigmoid of one linear score; three or more use the softmax of one
score per class (the multinomial model). The penalised negative log-likelihood is
smooth and convex, and we minimise it with our own L-BFGS: a quasi-Newton method that
builds a curvature estimate from the last few gradient differences (the two-loop
recursion) and takes steps that satisfy the strong Wolfe conditions.

Read more in the book: Logistic regression
<https://skratch-ml.github.io/skratch/book/intermediate/logistic-regression.html>
"""

import warnings
from collections import deque
from numbers import Integral, Real

import numpy as np
from scipy.special import expit, logsumexp

from ..base import BaseEstimator, ClassifierMixin, LinearClassifierMixin
from ..exceptions import ConvergenceWarning
from ..utils.multiclass import check_classification_targets
from ..utils.validation import (
    Interval,
    StrOptions,
    _check_sample_weight,
    check_X_y,
    validate_n_features,
)
from ..utils.class_weight import _class_weight

__all__ = ["LogisticRegression"]


def _binary_loss_gradient(params, X, y, l2, fit_intercept, s=None):
    # z_i = x_i w + b,  p_i = sigmoid(z_i),  s_i = w_i / sum_j w_j the
    # sample weights scaled to sum to 1 (None: 1/n each, the mean)
    # L(w, b) = sum_i s_i [log(1 + exp(z_i)) - y_i z_i] + (l2 / 2) ||w||^2
    # dL/dw   = X^T (s * (p - y)) + l2 w
    # dL/db   = sum_i s_i (p_i - y_i)
    if s is None:
        s = np.full(X.shape[0], 1.0 / X.shape[0])
    w, b = (params[:-1], params[-1]) if fit_intercept else (params, 0.0)
    z = X @ w + b  # (n_samples,)
    # log(1 + exp(z)) = logaddexp(0, z) never overflows, even for z = 1000.
    neg_log_likelihood = s @ (np.logaddexp(0.0, z) - y * z)
    loss = neg_log_likelihood + 0.5 * l2 * (w @ w)
    residual = s * (expit(z) - y)  # (n_samples,)
    grad_w = X.T @ residual + l2 * w
    if fit_intercept:
        return loss, np.append(grad_w, residual.sum())
    return loss, grad_w


def _multinomial_loss_gradient(params, X, Y, l2, fit_intercept, s=None):
    # Z = X W + b,  P = softmax(Z) row by row, Y the one-hot labels,
    # s the sample weights scaled to sum to 1 (None: 1/n each)
    # L(W, b) = sum_i s_i [logsumexp_k z_ik - sum_k y_ik z_ik]
    #           + (l2 / 2) ||W||_F^2
    # dL/dW   = X^T (s * (P - Y)) + l2 W
    # dL/db   = sum_i s_i (p_i - y_i)
    n_samples, n_features = X.shape
    if s is None:
        s = np.full(n_samples, 1.0 / n_samples)
    coef = params.reshape(n_features + fit_intercept, Y.shape[1])
    W = coef[:n_features]  # (n_features, n_classes)
    Z = X @ W  # (n_samples, n_classes)
    if fit_intercept:
        Z += coef[-1]
    # (n_samples,), stable: logsumexp shifts by the row maximum
    log_norm = logsumexp(Z, axis=1)
    neg_log_likelihood = s @ (log_norm - np.sum(Y * Z, axis=1))
    loss = neg_log_likelihood + 0.5 * l2 * np.sum(W * W)
    # P - Y, each row times its scaled weight
    residual = s[:, None] * (np.exp(Z - log_norm[:, None]) - Y)
    grad = np.empty_like(coef)
    grad[:n_features] = X.T @ residual + l2 * W
    if fit_intercept:
        grad[-1] = residual.sum(axis=0)
    return loss, grad.ravel()


def _wolfe_line_search(fun, x, f0, g0, d, step, c1=1e-4, c2=0.9, max_evals=40):
    # Find a step a along the descent direction d with
    #   f(x + a d) <= f0 + c1 a g0.d          (sufficient decrease, Armijo)
    #   |g(x + a d).d| <= c2 |g0.d|           (curvature: the strong Wolfe condition)
    # First double a until [previous a, a] brackets such a step, then shrink the
    # bracket (_zoom). Nocedal and Wright, algorithm 3.5. Returns (a, f, g) or None.
    slope0 = g0 @ d
    prev = (0.0, f0, slope0, g0)  # (step, f, slope, g) at the previous trial
    for trial in range(max_evals):
        f, g = fun(x + step * d)
        slope = g @ d
        if f > f0 + c1 * step * slope0 or (trial > 0 and f >= prev[1]):
            return _zoom(fun, x, f0, slope0, d, prev, (step, f), c1, c2, max_evals)
        if abs(slope) <= -c2 * slope0:
            return step, f, g
        if slope >= 0:  # went past the minimum along d
            return _zoom(
                fun, x, f0, slope0, d, (step, f, slope, g), prev[:2], c1, c2, max_evals
            )
        prev = (step, f, slope, g)
        step *= 2.0
    return None


def _zoom(fun, x, f0, slope0, d, low, high, c1, c2, max_evals):
    # The bracket: `low` = (step, f, slope, g) is the best step so far that satisfies
    # sufficient decrease; a strong Wolfe step lies between it and high = (step, f).
    # Nocedal and Wright, algorithm 3.6, with quadratic interpolation.
    (lo, f_lo, slope_lo, g_lo), (hi, f_hi) = low, high
    for _ in range(max_evals):
        width = hi - lo
        # Minimum of the parabola through f_lo, slope_lo at lo and f_hi at hi, if it
        # falls well inside the bracket; otherwise bisect.
        step = lo + 0.5 * width
        curvature = 2.0 * (f_hi - f_lo - slope_lo * width)
        if curvature > 0:
            quadratic = lo - slope_lo * width**2 / curvature
            if 0.1 < (quadratic - lo) / width < 0.9:
                step = quadratic
        f, g = fun(x + step * d)
        slope = g @ d
        if f > f0 + c1 * step * slope0 or f >= f_lo:
            hi, f_hi = step, f
        else:
            if abs(slope) <= -c2 * slope0:
                return step, f, g
            if slope * width >= 0:
                hi, f_hi = lo, f_lo
            lo, f_lo, slope_lo, g_lo = step, f, slope, g
        if abs(hi - lo) <= 1e-14 * max(abs(lo), 1e-300):
            break
    # No Wolfe step found (round-off near the optimum): settle for any decrease.
    return (lo, f_lo, g_lo) if lo > 0 else None


def _lbfgs(fun, x0, max_iter, tol, memory=10):
    # Quasi-Newton descent: x_{k+1} = x_k - a_k H_k g_k, where H_k approximates the
    # inverse Hessian from the last `memory` pairs s = x_{k+1} - x_k, y = g_{k+1} - g_k
    # (two-loop recursion, Nocedal and Wright algorithm 7.4). Stops when
    # max_j |g_j| <= tol, or when f decreases by less than 64 machine epsilons
    # (relative): the tests scipy's L-BFGS-B applies for scikit-learn.
    x = x0
    f, g = fun(x)
    pairs = deque(maxlen=memory)  # (s, y, 1 / s.y)
    ftol = 64 * np.finfo(float).eps
    converged = False
    n_iter = 0
    while n_iter < max_iter:
        if np.max(np.abs(g)) <= tol:
            converged = True
            break
        # Two-loop recursion: d = -H g without ever forming H.
        q = g.copy()
        alphas = []
        for s, y, rho in reversed(pairs):
            a = rho * (s @ q)
            q -= a * y
            alphas.append(a)
        if pairs:
            s, y, _ = pairs[-1]
            q *= (s @ y) / (y @ y)  # H_0 = gamma I, scaled to the latest curvature
        for (s, y, rho), a in zip(pairs, reversed(alphas)):
            q += s * (a - rho * (y @ q))
        d = -q
        # Without curvature information the first step's length is a guess: 1 / ||g||.
        step = 1.0 if pairs else min(1.0, 1.0 / np.linalg.norm(g))
        found = _wolfe_line_search(fun, x, f, g, d, step)
        n_iter += 1
        if found is None:  # no step decreases f: at the limit of float precision
            converged = np.max(np.abs(g)) <= np.sqrt(tol)
            break
        step, f_new, g_new = found
        s, y = step * d, g_new - g
        if s @ y > 1e-10 * (y @ y):  # keep H positive definite
            pairs.append((s, y, 1.0 / (s @ y)))
        decrease = f - f_new
        x, f, g = x + s, f_new, g_new
        if decrease <= ftol * max(abs(f), abs(f + decrease), 1.0):
            converged = True
            break
    else:
        converged = np.max(np.abs(g)) <= tol
    return x, f, n_iter, converged


class LogisticRegression(LinearClassifierMixin, ClassifierMixin, BaseEstimator):
    r"""Logistic regression classifier (binary and multinomial), with an L2 penalty.

    With two classes the probability of the second class is the sigmoid of a linear
    score, :math:`p(y = 1 \mid x) = \sigma(x^\top w + b)`; with :math:`K \ge 3` classes
    it is the softmax of :math:`K` scores, :math:`p(y = k \mid x) \propto
    \exp(x^\top w_k + b_k)`. The weights minimise scikit-learn's objective, the
    negative log-likelihood scaled by ``C`` plus half the squared norm of the weights
    (the intercepts are not penalised):

    .. math::

        \min_{W,\, b} \; & C \sum_{i=1}^{n} s_i \, (-\log p(y_i \mid x_i)) \\
        & + \frac{1}{2} \lVert W \rVert_F^2

    where :math:`s_i` is the weight of sample :math:`i` (``sample_weight`` times the
    weight of its class, ``class_weight``; 1 by default).

    Read more in the book: Logistic regression
    <https://skratch-ml.github.io/skratch/book/intermediate/logistic-regression.html>

    Parameters
    ----------
    penalty : {"l2", None}, default="l2"
        ``"l2"`` adds :math:`\frac{1}{2}\lVert W\rVert^2`; ``None`` fits the plain
        maximum-likelihood model (the same as ``C=np.inf``). scikit-learn 1.8 deprecated
        this parameter in favour of ``C=np.inf``; we keep it because the book uses both.

    C : float, default=1.0
        Inverse of the regularisation strength; ``np.inf`` means no penalty. Smaller
        values shrink the weights more.

    fit_intercept : bool, default=True
        Whether to fit the intercepts :math:`b`.

    class_weight : dict or "balanced", default=None
        Weights of the classes, multiplying ``sample_weight``: a dict
        ``{label: weight}`` (classes left out weigh 1), or ``"balanced"``, which
        weighs class :math:`k` by :math:`\sum_i s_i / (K \sum_{i: y_i = k} s_i)`
        (``n_samples / (n_classes * np.bincount(y))`` without sample weights), so
        every class carries the same total weight. None: every class weighs 1.

    tol : float, default=1e-4
        Stop when the largest absolute component of the gradient of the objective,
        divided by :math:`C \sum_i s_i` (:math:`C n` without weights;
        scikit-learn's scaling), is at most ``tol``.

    max_iter : int, default=100
        Maximum number of L-BFGS iterations.

    solver : {"lbfgs"}, default="lbfgs"
        Our limited-memory BFGS with a strong Wolfe line search.

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
        The class labels, sorted.

    coef_ : ndarray of shape (1, n_features) or (n_classes, n_features)
        The weights; one row for two classes (the score of ``classes_[1]``).

    intercept_ : ndarray of shape (1,) or (n_classes,)
        The intercepts; zeros when ``fit_intercept=False``.

    n_features_in_ : int
        Number of features seen during ``fit``.

    n_iter_ : ndarray of shape (1,)
        Number of L-BFGS iterations run.

    See Also
    --------
    sklearn.linear_model.LogisticRegression : The scikit-learn estimator this one
        mirrors (``solver="lbfgs"``; the same optimum).
    Perceptron : A linear classifier trained by mistake-driven updates.

    Notes
    -----
    We minimise the objective divided by :math:`C \sum_i s_i`, the weighted mean
    log-loss plus :math:`\frac{1}{2C\sum_i s_i}\lVert W\rVert^2`, as scikit-learn
    does: the optimum is the same, and ``tol`` then means the same thing in both
    libraries.

    In the multinomial model adding the same vector to every class's weights does not
    change the probabilities. The penalty picks the weights that sum to zero over the
    classes; the intercepts, unpenalised, start at zero and every gradient step keeps
    their sum at zero, so the solution is the same representative as scikit-learn's.

    The log-likelihood is computed with ``logaddexp`` and ``logsumexp``, so large scores
    never overflow.

    References
    ----------
    .. [1] J. Nocedal, S. J. Wright, "Numerical Optimization", 2nd ed., Springer,
       2006, chapters 3 (line search) and 7 (L-BFGS).
    .. [2] C. M. Bishop, "Pattern Recognition and Machine Learning", Springer, 2006,
       section 4.3.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.linear_model import LogisticRegression
    >>> X = np.array([[0.0], [1.0], [2.0], [3.0]])
    >>> y = np.array([0, 0, 1, 1])
    >>> clf = LogisticRegression().fit(X, y)
    >>> print(clf.coef_.round(3), clf.intercept_.round(3))
    [[0.958]] [-1.437]
    >>> clf.predict_proba([[1.5]]).round(3)
    array([[0.5, 0.5]])
    >>> clf.predict([[0.2], [2.8]])
    array([0, 1])
    """

    _parameter_constraints = {
        "penalty": [StrOptions({"l2"}), None],
        "C": [Interval(Real, 0, None, closed="neither")],
        "fit_intercept": ["boolean"],
        "class_weight": [dict, StrOptions({"balanced"}), None],
        "tol": [Interval(Real, 0, None, closed="left")],
        "max_iter": [Interval(Integral, 0, None, closed="left")],
        "solver": [StrOptions({"lbfgs"})],
    }

    def __init__(
        self,
        penalty="l2",
        C=1.0,
        fit_intercept=True,
        class_weight=None,
        tol=1e-4,
        max_iter=100,
        solver="lbfgs",
    ):
        self.penalty = penalty
        self.C = C
        self.fit_intercept = fit_intercept
        self.class_weight = class_weight
        self.tol = tol
        self.max_iter = max_iter
        self.solver = solver

    def fit(self, X, y, sample_weight=None):
        """Fit the model by minimising the penalised log-loss with L-BFGS.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : array-like of shape (n_samples,)
            Class labels (numbers or strings).
        sample_weight : array-like of shape (n_samples,), default=None
            Weight of each sample in the log-loss (multiplied by the weight of its
            class when ``class_weight`` is set). An integer weight counts as that
            many copies of the sample, a zero weight as no sample. Negative weights
            are accepted, as in scikit-learn.

        Returns
        -------
        self : LogisticRegression
            The fitted estimator.
        """
        self._validate_params()
        X, y = check_X_y(X, y, dtype=np.float64, estimator=self)
        check_classification_targets(y)
        validate_n_features(self, X, reset=True)
        self.classes_, y_index = np.unique(y, return_inverse=True)
        n_classes = len(self.classes_)
        if n_classes < 2:
            raise ValueError(
                "This solver needs samples of at least 2 classes in the data, but the "
                f"data contains only one class: {self.classes_[0]}."
            )
        n_features = X.shape[1]
        sample_weight = _check_sample_weight(sample_weight, X)
        if self.class_weight is not None:
            sample_weight = sample_weight * _class_weight(
                self.class_weight, self.classes_, y, sample_weight
            )[y_index]
        # scikit-learn's objective over sum(w): the weighted mean log-loss plus
        # ||W||^2 / (2 C sum(w)); the weights below sum to 1.
        weight_sum = sample_weight.sum()
        no_penalty = self.penalty is None or np.isinf(self.C)
        l2 = 0.0 if no_penalty else 1.0 / (self.C * weight_sum)
        scaled_weight = sample_weight / weight_sum
        fit_intercept = bool(self.fit_intercept)

        if n_classes == 2:
            target = (y_index == 1).astype(np.float64)  # 1 for classes_[1]
            size = n_features + fit_intercept
            loss_gradient = _binary_loss_gradient
        else:
            target = np.eye(n_classes)[y_index]  # (n_samples, n_classes), one-hot
            size = (n_features + fit_intercept) * n_classes
            loss_gradient = _multinomial_loss_gradient

        def fun(params):
            return loss_gradient(
                params, X, target, l2, fit_intercept, scaled_weight
            )

        params, _, n_iter, converged = _lbfgs(fun, np.zeros(size), self.max_iter, self.tol)
        if not converged:
            warnings.warn(
                f"L-BFGS did not converge in max_iter={self.max_iter} iterations "
                f"(tol={self.tol}). Increase max_iter or scale the data (for example "
                "with a StandardScaler).",
                ConvergenceWarning,
                stacklevel=2,
            )

        # (n_features + fit_intercept, n_outputs) -> coef_ (n_outputs, n_features).
        coef = params.reshape(n_features + fit_intercept, -1)
        self.coef_ = np.ascontiguousarray(coef[:n_features].T)
        self.intercept_ = coef[-1].copy() if fit_intercept else np.zeros(len(coef.T))
        self.n_iter_ = np.array([n_iter])
        return self

    def predict_log_proba(self, X):
        """Return the log of the class probabilities, computed without overflow.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        log_proba : ndarray of shape (n_samples, n_classes)
            Columns in the order of ``classes_``.
        """
        scores = self.decision_function(X)
        if scores.ndim == 1:
            # log sigmoid(z) = -log(1 + exp(-z)), and log(1 - sigmoid(z)) likewise.
            return -np.logaddexp(0.0, np.column_stack([scores, -scores]))
        return scores - logsumexp(scores, axis=1, keepdims=True)

    def predict_proba(self, X):
        """Return the class probabilities (sigmoid or softmax of the scores).

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        proba : ndarray of shape (n_samples, n_classes)
            Columns in the order of ``classes_``; each row sums to 1.
        """
        return np.exp(self.predict_log_proba(X))
