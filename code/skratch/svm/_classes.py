"""Support vector classifiers: SVC (kernels, SMO) and LinearSVC (dual coordinate descent).

Read more in the book: Support vector machines
<https://skratch-ml.github.io/skratch/book/expert/support-vector-machines.html>
"""

import warnings
from numbers import Integral, Real

import numpy as np

from ..base import BaseEstimator, ClassifierMixin, LinearClassifierMixin
from ..exceptions import ConvergenceWarning, NotFittedError
from ..utils.class_weight import _class_weight
from ..utils.multiclass import check_classification_targets
from ..utils.validation import (
    Interval,
    StrOptions,
    _check_sample_weight,
    check_array,
    check_is_fitted,
    check_random_state,
    check_X_y,
    validate_n_features,
)
from ._kernels import (
    dot_in_feature_order,
    kernel_from_dot,
    kernel_matrix,
    resolve_gamma,
    squared_norms_in_feature_order,
)
from ._probability import MIN_PROB, pairwise_coupling, sigmoid_predict, sigmoid_train
from ._smo import smo

__all__ = ["LinearSVC", "SVC"]

# Memory for cached kernel rows, as scikit-learn's default cache_size (200 MB).
_CACHE_BYTES = 200 * 2**20


def _encode_labels(y):
    # classes_ and each sample's class index; an SVM needs two classes to separate.
    check_classification_targets(y)
    classes, y_index = np.unique(y, return_inverse=True)
    if len(classes) < 2:
        raise ValueError(
            "The number of classes has to be greater than one; got "
            f"{len(classes)} class: {classes!r}."
        )
    return classes, y_index


def _ovr_decision_function(predictions, confidences, n_classes):
    # One-vs-one votes turned into one score per class: the votes, plus the summed
    # confidences squashed into (-1/3, 1/3) so they only break ties between votes.
    n_samples = predictions.shape[0]
    votes = np.zeros((n_samples, n_classes))
    confidence = np.zeros((n_samples, n_classes))
    k = 0
    for i in range(n_classes):
        for j in range(i + 1, n_classes):
            confidence[:, i] -= confidences[:, k]
            confidence[:, j] += confidences[:, k]
            votes[predictions[:, k] == 0, i] += 1
            votes[predictions[:, k] == 1, j] += 1
            k += 1
    return votes + confidence / (3 * (np.abs(confidence) + 1))


def _solve_binary(X, y_pm, C, kernel_args, tol, max_iter):
    # One binary SVM by SMO on (X, y = +-1) with box constraints 0 <= a_i <= C_i.
    rows = _KernelRows(X, kernel_args, max(2, _CACHE_BYTES // (8 * len(X))))
    return smo(rows, rows.diag, y_pm, C, tol, max_iter)


def _cross_val_decision(X, y_pm, C, kernel_args, tol, max_iter, rng, n_folds=5):
    # Decision values of each sample from an SVM trained without it: LIBSVM's
    # svm_binary_svc_probability (random folds, same C_i; a fold whose training
    # part holds one class only scores +1 or -1, as LIBSVM).
    n = len(y_pm)
    perm = rng.permutation(n)
    dec = np.empty(n)
    for fold in range(n_folds):
        begin, end = fold * n // n_folds, (fold + 1) * n // n_folds
        test, train = perm[begin:end], np.concatenate([perm[:begin], perm[end:]])
        y_train = y_pm[train]
        if np.all(y_train > 0) or np.all(y_train < 0):
            dec[test] = y_train[0] if len(train) else 0.0
            continue
        alpha, rho, _, _ = _solve_binary(
            X[train], y_train, C[train], kernel_args, tol, max_iter
        )
        sv = alpha > 0
        K = kernel_matrix(X[train][sv], X[test], *kernel_args)  # (n_SV, n_test)
        dec[test] = (alpha[sv] * y_train[sv]) @ K - rho
    return dec


class _KernelRows:
    """Rows of the kernel matrix of the training set, computed when SMO asks.

    Like LIBSVM, a row is computed only when SMO needs it and then cached: SMO often
    converges after touching a small fraction of the n^2 entries.
    """

    def __init__(self, X, kernel_args, max_rows):
        self.X, self.kernel_args, self.max_rows, self.cache = X, kernel_args, max_rows, {}
        self.sq = squared_norms_in_feature_order(X)  # (n,)
        # K(x_i, x_i), one per sample: the shapes (n, 1) keep it elementwise.
        column = self.sq[:, None]
        self.diag = kernel_from_dot(column, self.sq, column, *kernel_args)[:, 0]

    def __call__(self, i):
        row = self.cache.get(i)
        if row is None:
            dot = dot_in_feature_order(self.X[i : i + 1], self.X)  # (1, n)
            row = kernel_from_dot(dot, self.sq[i : i + 1], self.sq, *self.kernel_args)
            # LIBSVM keeps kernel rows in single precision (its cache then holds
            # twice as many): rounding them the same way makes SMO take its steps.
            row = row[0].astype(np.float32).astype(np.float64)
            if len(self.cache) >= self.max_rows:  # full: forget the oldest row
                self.cache.pop(next(iter(self.cache)))
            self.cache[i] = row
        return row


class SVC(ClassifierMixin, BaseEstimator):
    r"""C-support vector classification with a kernel, trained by SMO.

    Solves, for two classes with labels :math:`y_i = \pm 1`, the dual of the
    soft-margin SVM

    .. math::

        \min_{\alpha} \; & \frac{1}{2} \sum_{i,j} \alpha_i \alpha_j y_i y_j
        K(x_i, x_j) \\
        & - \sum_i \alpha_i \\
        \text{s.t.} \; & \sum_i y_i \alpha_i = 0, \\
        & 0 \le \alpha_i \le C_i

    with :math:`C_i = C \, w_{y_i} s_i` (class weight times sample weight; both 1
    by default), and predicts with :math:`f(x) = \sum_i \alpha_i y_i K(x_i, x) + b`.
    The samples with :math:`\alpha_i > 0` are the *support vectors*: the only ones
    :math:`f` needs. More than two classes: one SVM per pair of classes
    (one-vs-one), which then vote.

    Read more in the book: Support vector machines
    <https://skratch-ml.github.io/skratch/book/expert/support-vector-machines.html>

    Parameters
    ----------
    C : float, default=1.0
        Cost of a margin violation, > 0. Large ``C``: few violations, narrow margin,
        risk of overfitting; small ``C``: wide margin, more violations.

    kernel : {"linear", "poly", "rbf", "sigmoid"}, default="rbf"
        The kernel :math:`K` (see ``skratch.svm._kernels``).

    degree : int, default=3
        Degree of the polynomial kernel.

    gamma : {"scale", "auto"} or float, default="scale"
        Kernel coefficient of rbf, poly and sigmoid. ``"scale"`` is
        ``1 / (n_features * X.var())``, ``"auto"`` is ``1 / n_features``.

    coef0 : float, default=0.0
        Constant term of the poly and sigmoid kernels.

    probability : bool, default=False
        Fit a probability model, so that ``predict_proba`` and
        ``predict_log_proba`` exist: Platt's sigmoid on decision values from an
        internal 5-fold cross-validation, then pairwise coupling for more than two
        classes (see Notes). It costs five more fits per pair of classes, and the
        random folds make the probabilities depend on ``random_state``.

    tol : float, default=1e-3
        Stop SMO when the largest violation of the optimality conditions is below
        ``tol``.

    class_weight : dict or "balanced", default=None
        Multiply ``C`` by the weight of each sample's class: a dict maps class
        labels to weights (classes it leaves out weigh 1); ``"balanced"`` gives
        class :math:`k` the weight :math:`n / (K n_k)` (see
        ``skratch.utils.compute_class_weight``); None: every class weighs 1.

    max_iter : int, default=-1
        Limit on SMO iterations per pair of classes; -1 for no limit.

    decision_function_shape : {"ovr", "ovo"}, default="ovr"
        With more than two classes, ``decision_function`` returns one column per
        pair of classes (``"ovo"``) or one per class (``"ovr"``: votes plus
        confidences, as scikit-learn).

    break_ties : bool, default=False
        With ``decision_function_shape="ovr"`` and more than two classes, predict
        the argmax of ``decision_function`` (ties between votes broken by the
        confidences) instead of the plain one-vs-one vote.

    random_state : int, numpy.random.Generator or None, default=None
        Seeds the folds of the cross-validation behind ``probability=True``;
        unused otherwise (SMO is deterministic).

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
        Class labels, sorted.

    class_weight_ : ndarray of shape (n_classes,)
        The weight of each class that multiplies ``C`` (ones without
        ``class_weight``).

    support_ : ndarray of shape (n_SV,)
        Indices of the support vectors in the training set, grouped by class.

    support_vectors_ : ndarray of shape (n_SV, n_features)
        The support vectors.

    n_support_ : ndarray of shape (n_classes,)
        Number of support vectors of each class.

    dual_coef_ : ndarray of shape (n_classes - 1, n_SV)
        :math:`y_i \alpha_i` of each support vector in the classifiers it is part of
        (LIBSVM's layout; see Notes).

    intercept_ : ndarray of shape (n_classes * (n_classes - 1) / 2,)
        The intercept :math:`b` of each one-vs-one classifier.

    coef_ : ndarray of shape (n_classes * (n_classes - 1) / 2, n_features)
        The weights :math:`w = \sum_i y_i \alpha_i x_i`; linear kernel only.

    n_iter_ : ndarray of shape (n_classes * (n_classes - 1) / 2,)
        SMO iterations of each one-vs-one classifier.

    fit_status_ : int
        0 if every SMO run converged, 1 otherwise.

    probA_ : ndarray of shape (n_classes * (n_classes - 1) / 2,)
        Slope :math:`A` of Platt's sigmoid :math:`1 / (1 + e^{A f + B})` of each
        one-vs-one classifier, with :math:`f` positive for the pair's first class;
        empty unless ``probability=True``.

    probB_ : ndarray of shape (n_classes * (n_classes - 1) / 2,)
        Offset :math:`B` of the same sigmoids.

    n_features_in_ : int
        Number of features seen during ``fit``.

    See Also
    --------
    sklearn.svm.SVC : The scikit-learn estimator this one mirrors (LIBSVM).
    LinearSVC : Linear kernel only, trained in the primal features; scales better.

    Notes
    -----
    The SMO solver follows LIBSVM [2]_ step by step (working set selection with
    second-order information, same update and stopping rule), except for LIBSVM's
    *shrinking* heuristic (which only speeds it up). So it agrees with
    scikit-learn's ``SVC(shrinking=False)`` to rounding; with shrinking (its
    default) the gradient LIBSVM rebuilds is rounded differently, a near-tie can
    go the other way, and ``decision_function`` then agrees to about ``tol``, the
    support vectors except, rarely, a sample whose :math:`\alpha_i` is within
    ``tol`` of 0.

    For the pair of classes :math:`(i, j)`, :math:`i < j`, the coefficients of the
    support vectors of class :math:`i` are in row :math:`j - 1` of ``dual_coef_``,
    those of class :math:`j` in row :math:`i`. For two classes, the decision
    function is positive for ``classes_[1]``.

    Weights follow LIBSVM: samples with ``sample_weight`` 0 are removed before
    training (they are never support vectors), the others bound their
    :math:`\alpha_i` by :math:`C_i`; ``"balanced"`` counts the samples of each
    class without their weights, as scikit-learn. ``support_`` indexes the
    training set as given; scikit-learn 1.9 indexes it with the zero-weight
    samples removed (a known bug, scikit-learn pull request 27763), and gives a
    broken model when a class keeps no positive weight, which we refuse.

    With ``probability=True``, each one-vs-one classifier is trained five more
    times, each time without one fifth of its samples (random folds), and scores
    the samples it left out. Platt's sigmoid is fitted to those held-out scores
    by Newton's method [4]_, which gives the pairwise probabilities
    :math:`r_{ij}`, clipped to :math:`[10^{-7}, 1 - 10^{-7}]`. The class
    probabilities minimise
    :math:`\sum_i \sum_{j \ne i} (r_{ji} p_i - r_{ij} p_j)^2` under
    :math:`\sum_i p_i = 1`, method 2 of [5]_: an iteration that stops within
    :math:`0.005 / K` of the optimum (for two classes too, as scikit-learn's
    LIBSVM, so :math:`p_0` is within 0.0025 of :math:`r_{01}`). Because the
    probabilities come from other models than the one ``predict`` uses, the
    argmax of ``predict_proba`` can disagree with ``predict`` near the
    boundary. The folds are drawn by NumPy, not by LIBSVM's generator, so the
    probabilities match scikit-learn's in log-loss, not digit for digit.

    References
    ----------
    .. [1] J. Platt, "Sequential minimal optimization: a fast algorithm for training
       support vector machines", Microsoft Research Technical Report, 1998.
    .. [2] R.-E. Fan, P.-H. Chen, C.-J. Lin, "Working set selection using second
       order information for training support vector machines", Journal of Machine
       Learning Research 6, 2005.
    .. [3] C.-C. Chang, C.-J. Lin, "LIBSVM: a library for support vector machines",
       ACM Transactions on Intelligent Systems and Technology 2(3), 2011.
    .. [4] H.-T. Lin, C.-J. Lin, R. C. Weng, "A note on Platt's probabilistic
       outputs for support vector machines", Machine Learning 68, 2007.
    .. [5] T.-F. Wu, C.-J. Lin, R. C. Weng, "Probability estimates for multi-class
       classification by pairwise coupling", Journal of Machine Learning Research
       5, 2004.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.svm import SVC
    >>> X = np.array([[-2.0, -1.0], [-1.0, -1.0], [-1.0, -2.0],
    ...               [1.0, 1.0], [2.0, 1.0], [1.0, 2.0]])
    >>> y = np.array([0, 0, 0, 1, 1, 1])
    >>> clf = SVC(kernel="linear").fit(X, y)
    >>> clf.support_
    array([1, 3])
    >>> clf.dual_coef_.round(3), clf.intercept_.round(3)
    (array([[-0.25,  0.25]]), array([0.]))
    >>> clf.predict([[0.5, 0.8]])
    array([1])
    >>> from sklearn.datasets import load_iris
    >>> X_iris, y_iris = load_iris(return_X_y=True)
    >>> clf = SVC(probability=True, random_state=0).fit(X_iris, y_iris)
    >>> proba = clf.predict_proba(X_iris[[0, 60, 140]])
    >>> proba.round(2)
    array([[0.98, 0.01, 0.01],
           [0.02, 0.97, 0.01],
           [0.01, 0.  , 0.99]])
    >>> proba.sum(axis=1)
    array([1., 1., 1.])
    """

    _parameter_constraints = {
        "C": [Interval(Real, 0, None, closed="neither")],
        "kernel": [StrOptions({"linear", "poly", "rbf", "sigmoid"})],
        "degree": [Interval(Integral, 0, None, closed="left")],
        "gamma": [StrOptions({"scale", "auto"}), Interval(Real, 0, None, closed="left")],
        "coef0": [Interval(Real, None, None, closed="neither")],
        "probability": ["boolean"],
        "tol": [Interval(Real, 0, None, closed="neither")],
        "class_weight": [dict, StrOptions({"balanced"}), None],
        "max_iter": [Interval(Integral, -1, None, closed="left")],
        "decision_function_shape": [StrOptions({"ovr", "ovo"})],
        "break_ties": ["boolean"],
        "random_state": ["random_state"],
    }

    def __init__(
        self,
        *,
        C=1.0,
        kernel="rbf",
        degree=3,
        gamma="scale",
        coef0=0.0,
        probability=False,
        tol=1e-3,
        class_weight=None,
        max_iter=-1,
        decision_function_shape="ovr",
        break_ties=False,
        random_state=None,
    ):
        self.C = C
        self.kernel = kernel
        self.degree = degree
        self.gamma = gamma
        self.coef0 = coef0
        self.probability = probability
        self.tol = tol
        self.class_weight = class_weight
        self.max_iter = max_iter
        self.decision_function_shape = decision_function_shape
        self.break_ties = break_ties
        self.random_state = random_state

    def fit(self, X, y, sample_weight=None):
        """Fit one SVM per pair of classes with SMO.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : array-like of shape (n_samples,)
            Class labels.
        sample_weight : array-like of shape (n_samples,), default=None
            Non-negative weights: sample ``i`` gets the box :math:`0 \\le \\alpha_i
            \\le C w_{y_i} s_i`, so a weight of 2 counts a margin violation twice;
            samples of weight 0 are left out. None: every sample weighs 1.

        Returns
        -------
        self : SVC
            The fitted estimator.
        """
        self._validate_params()
        if self.break_ties and self.decision_function_shape == "ovo":
            raise ValueError(
                "break_ties must be False when decision_function_shape is 'ovo'."
            )
        X, y = check_X_y(X, y, dtype=np.float64, estimator=self)
        validate_n_features(self, X, reset=True)
        rng = check_random_state(self.random_state)
        sample_weight = _check_sample_weight(sample_weight, X, ensure_non_negative=True)
        self.classes_, y_index = _encode_labels(y)
        # LIBSVM's box of each sample: C_i = C * class weight * sample weight.
        self.class_weight_ = _class_weight(self.class_weight, self.classes_, y)
        C = float(self.C) * self.class_weight_[y_index] * sample_weight  # (n,)
        n_classes = len(self.classes_)
        self._gamma = resolve_gamma(self.gamma, X)
        kernel_args = (self.kernel, self._gamma, self.degree, self.coef0)

        # LIBSVM's layout: samples of weight 0 dropped, the others grouped by class
        # (stable within a class), one binary problem per pair (a, b), a < b,
        # with y = +1 for class a.
        kept = sample_weight > 0
        members = [np.flatnonzero(kept & (y_index == c)) for c in range(n_classes)]
        empty = [c for c, m in zip(self.classes_.tolist(), members) if len(m) == 0]
        if empty:
            raise ValueError(
                "Every class needs a sample with a positive sample_weight; class(es) "
                f"{empty} have none."
            )
        alphas, rhos, n_iters, all_converged = {}, [], [], True
        prob_A, prob_B = [], []
        for a in range(n_classes):
            for b in range(a + 1, n_classes):
                idx = np.concatenate([members[a], members[b]])
                y_pm = np.where(y_index[idx] == a, 1.0, -1.0)
                problem = (X[idx], y_pm, C[idx], kernel_args, self.tol, self.max_iter)
                if self.probability:
                    dec = _cross_val_decision(*problem, rng)
                    A, B = sigmoid_train(dec, y_pm)
                    prob_A.append(A)
                    prob_B.append(B)
                alpha, rho, n_iter, converged = _solve_binary(*problem)
                alphas[a, b] = alpha
                rhos.append(rho)
                n_iters.append(n_iter)
                all_converged &= converged
        if not np.all(np.isfinite(rhos)):
            raise ValueError(
                "The dual coefficients or intercepts are not finite: a class has no "
                f"sample with a positive C_i (class_weight_={self.class_weight_!r})."
            )
        if not all_converged:
            warnings.warn(
                f"Solver terminated early (max_iter={self.max_iter}). Consider "
                "pre-processing your data with StandardScaler or MinMaxScaler.",
                ConvergenceWarning,
                stacklevel=2,
            )
        self._store_support(X, members, alphas, np.array(rhos))
        self.probA_, self.probB_ = np.array(prob_A), np.array(prob_B)
        self.n_iter_ = np.array(n_iters)
        self.fit_status_ = 0 if all_converged else 1
        return self

    def _store_support(self, X, members, alphas, rhos):
        # A sample is a support vector if its alpha is > 0 in any of its problems.
        n_classes = len(members)
        is_sv = [np.zeros(len(m), dtype=bool) for m in members]
        for (a, b), alpha in alphas.items():
            is_sv[a] |= alpha[: len(members[a])] > 0
            is_sv[b] |= alpha[len(members[a]) :] > 0
        self.support_ = np.concatenate([m[s] for m, s in zip(members, is_sv)])
        self.n_support_ = np.array([s.sum() for s in is_sv], dtype=np.int32)
        self.support_vectors_ = X[self.support_]
        start = np.concatenate([[0], np.cumsum(self.n_support_)])
        # Pair (a, b): class a's coefficients y alpha = +alpha go to row b - 1,
        # class b's (-alpha) to row a; columns are the support vectors' positions.
        dual_coef = np.zeros((n_classes - 1, len(self.support_)))
        for (a, b), alpha in alphas.items():
            alpha_a, alpha_b = alpha[: len(members[a])], alpha[len(members[a]) :]
            dual_coef[b - 1, start[a] : start[a + 1]] = alpha_a[is_sv[a]]
            dual_coef[a, start[b] : start[b + 1]] = -alpha_b[is_sv[b]]
        self._dual_coef_lib, self._intercept_lib = dual_coef, -rhos
        self._sv_start = start
        if n_classes == 2:
            # scikit-learn flips the binary problem so that f(x) > 0 means classes_[1].
            self.dual_coef_, self.intercept_ = -dual_coef, rhos.copy()
        else:
            self.dual_coef_, self.intercept_ = dual_coef, -rhos

    @property
    def coef_(self):
        """Weights of the linear kernel, one row per pair of classes."""
        if self.kernel != "linear":
            raise AttributeError("coef_ is only available when using a linear kernel")
        check_is_fitted(self, "support_")
        return self._pair_values(self.support_vectors_).T * (
            -1 if len(self.classes_) == 2 else 1
        )

    def _pair_values(self, K_sv):
        # f_ab(x) - b_ab = sum over the support vectors of classes a and b of
        # y alpha K(sv, x), for each pair (a, b); K_sv has one row per support vector.
        coef, start = self._dual_coef_lib, self._sv_start
        n_classes = len(self.classes_)
        columns = []
        for a in range(n_classes):
            for b in range(a + 1, n_classes):
                sa, sb = slice(start[a], start[a + 1]), slice(start[b], start[b + 1])
                columns.append(coef[b - 1, sa] @ K_sv[sa] + coef[a, sb] @ K_sv[sb])
        return np.array(columns).T  # (n_samples, n_pairs)

    def _decision_ovo(self, X):
        check_is_fitted(self, "support_")
        X = check_array(X, dtype=np.float64, estimator=self)
        validate_n_features(self, X, reset=False)
        K_sv = kernel_matrix(
            self.support_vectors_, X, self.kernel, self._gamma, self.degree, self.coef0
        )  # (n_SV, n_samples)
        return self._pair_values(K_sv) + self._intercept_lib  # LIBSVM's sign

    def decision_function(self, X):
        """Signed distance-like score of each sample to the separating surfaces.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        decision : ndarray of shape (n_samples,), (n_samples, n_classes) or \
                (n_samples, n_classes * (n_classes - 1) / 2)
            Two classes: positive for ``classes_[1]``. More: one column per class
            (``"ovr"``) or per pair of classes (``"ovo"``).
        """
        dec = self._decision_ovo(X)
        if len(self.classes_) == 2:
            return -dec[:, 0]
        if self.decision_function_shape == "ovr":
            return _ovr_decision_function(dec < 0, -dec, len(self.classes_))
        return dec

    def predict(self, X):
        """Predict by one-vs-one vote (the first class wins a tied vote).

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        y_pred : ndarray of shape (n_samples,)
            Predicted labels.
        """
        dec = self._decision_ovo(X)
        n_classes = len(self.classes_)
        if self.break_ties and self.decision_function_shape == "ovr" and n_classes > 2:
            ovr = _ovr_decision_function(dec < 0, -dec, n_classes)
            return self.classes_[np.argmax(ovr, axis=1)]
        votes = _ovr_decision_function(dec <= 0, np.zeros_like(dec), n_classes)
        return self.classes_[np.argmax(votes, axis=1)]

    def _check_probability(self, name):
        # As scikit-learn: the probability methods exist only with probability=True
        # (so hasattr(clf, "predict_proba") tells the truth).
        if not self.probability:
            raise AttributeError(
                f"{name} is not available when probability=False: fit "
                "SVC(probability=True) to get Platt-scaled probabilities."
            )

    @property
    def predict_proba(self):
        """Class probabilities: Platt's sigmoids, coupled across the pairs.

        Available only with ``probability=True``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        proba : ndarray of shape (n_samples, n_classes)
            Probability of each class, columns in the order of ``classes_``.
        """
        self._check_probability("predict_proba")
        return self._predict_proba

    @property
    def predict_log_proba(self):
        """Logarithm of ``predict_proba``; available only with ``probability=True``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        log_proba : ndarray of shape (n_samples, n_classes)
            Log-probability of each class, columns in the order of ``classes_``.
        """
        self._check_probability("predict_log_proba")
        return self._predict_log_proba

    def _predict_log_proba(self, X):
        return np.log(self._predict_proba(X))

    def _predict_proba(self, X):
        dec = self._decision_ovo(X)  # (n_samples, n_pairs), > 0 for the pair's first
        if len(self.probA_) == 0:
            raise NotFittedError(
                "predict_proba is not available when fitted with probability=False; "
                "fit again with probability=True."
            )
        # r[:, a, b] = P(a | a or b), from the sigmoid of pair (a, b).
        r_pairs = np.clip(
            sigmoid_predict(dec, self.probA_, self.probB_), MIN_PROB, 1 - MIN_PROB
        )
        # Two classes go through the coupling too, as in scikit-learn's LIBSVM: its
        # stopping rule leaves p within 0.005 / 2 of (r_01, r_10).
        n_classes = len(self.classes_)
        a, b = np.triu_indices(n_classes, k=1)  # the pairs in LIBSVM's order
        r = np.zeros((len(dec), n_classes, n_classes))
        r[:, a, b], r[:, b, a] = r_pairs, 1 - r_pairs
        return pairwise_coupling(r)


def _dual_coordinate_descent(X, y, C, loss, tol, max_iter, rng):
    # Hsieh et al. (2008), liblinear's solver for the L2-regularised SVM dual:
    #   min_a 1/2 a^T (Q + D) a - sum_i a_i,  0 <= a_i <= U,  Q_ij = y_i y_j x_i.x_j
    # hinge: D = 0, U = C;  squared hinge: D_ii = 1 / (2C), U = inf.
    # One coordinate at a time, keeping w = sum_i y_i a_i x_i up to date, so the
    # gradient G_i = y_i w.x_i - 1 + D_ii a_i costs one dot product. Coordinates
    # stuck at a bound whose gradient pushes further out are "shrunk" (skipped)
    # until the end, as in liblinear. The loop over coordinates is the algorithm:
    # each update uses the w left by the previous one.
    n_samples, n_features = X.shape
    diag, upper = (0.0, C) if loss == "hinge" else (0.5 / C, np.inf)
    QD = diag + np.einsum("ij,ij->i", X, X)  # (n_samples,)
    alpha, w = np.zeros(n_samples), np.zeros(n_features)
    index = np.arange(n_samples)
    active = n_samples
    pg_max_old, pg_min_old = np.inf, -np.inf
    rows = list(X)  # row views: indexing a list is cheaper than a 2-D array
    n_iter = 0
    while n_iter < max_iter:
        pg_max, pg_min = -np.inf, np.inf
        rng.shuffle(index[:active])
        s = 0
        while s < active:
            i = index[s]
            x_i, y_i, a_i = rows[i], y[i], alpha[i]
            G = y_i * float(w @ x_i) - 1.0 + a_i * diag
            PG = 0.0
            if a_i == 0.0:
                if G > pg_max_old:  # at 0 and pushed below it: shrink
                    active -= 1
                    index[s], index[active] = index[active], index[s]
                    continue
                PG = min(G, 0.0)
            elif a_i == upper:
                if G < pg_min_old:  # at C and pushed above it: shrink
                    active -= 1
                    index[s], index[active] = index[active], index[s]
                    continue
                PG = max(G, 0.0)
            else:
                PG = G
            pg_max, pg_min = max(pg_max, PG), min(pg_min, PG)
            if abs(PG) > 1e-12:
                # Exact minimisation along coordinate i, clipped to [0, U].
                alpha[i] = min(max(a_i - G / QD[i], 0.0), upper)
                w += ((alpha[i] - a_i) * y_i) * x_i
            s += 1
        n_iter += 1
        if pg_max - pg_min <= tol:  # projected gradient small on the active set
            if active == n_samples:
                break
            active, pg_max_old, pg_min_old = n_samples, np.inf, -np.inf  # recheck all
            continue
        pg_max_old = pg_max if pg_max > 0 else np.inf
        pg_min_old = pg_min if pg_min < 0 else -np.inf
    return w, n_iter


class LinearSVC(LinearClassifierMixin, ClassifierMixin, BaseEstimator):
    r"""Linear support vector classification, trained by dual coordinate descent.

    For labels :math:`y_i = \pm 1` (one problem per class, one-vs-rest), minimises

    .. math::

        \frac{1}{2} \lVert w \rVert^2
        + C \sum_{i=1}^{n} \max\left(0, 1 - y_i\, w^\top x_i\right)^q

    with :math:`q = 1` (``loss="hinge"``) or :math:`q = 2` (``"squared_hinge"``).
    With ``fit_intercept``, :math:`x_i` gets an extra constant feature
    ``intercept_scaling`` whose weight gives the intercept; that weight is
    regularised too, as in liblinear.

    Read more in the book: Support vector machines
    <https://skratch-ml.github.io/skratch/book/expert/support-vector-machines.html>

    Parameters
    ----------
    penalty : {"l2"}, default="l2"
        The regulariser (only L2 here).

    loss : {"squared_hinge", "hinge"}, default="squared_hinge"
        The loss: the squared hinge is differentiable, the hinge is the standard SVM.

    dual : {"auto", True}, default="auto"
        Solve the dual problem. Only the dual solver is implemented, so ``"auto"``
        means True (scikit-learn would pick the primal solver when
        ``n_samples > n_features``; the optimum is the same).

    tol : float, default=1e-4
        Stop when the projected gradient's spread is below ``tol``.

    C : float, default=1.0
        Cost of the loss against the regulariser, > 0.

    multi_class : {"ovr"}, default="ovr"
        One binary problem per class (only one-vs-rest here).

    fit_intercept : bool, default=True
        Fit an intercept (through the extra constant feature).

    intercept_scaling : float, default=1.0
        Value of the extra constant feature. Larger values regularise the
        intercept less.

    random_state : int, numpy.random.Generator or None, default=None
        Seeds the order in which coordinates are visited.

    max_iter : int, default=1000
        Maximum number of passes over the data.

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
        Class labels, sorted.

    coef_ : ndarray of shape (1, n_features) or (n_classes, n_features)
        Weights; one row for two classes (positive for ``classes_[1]``).

    intercept_ : ndarray of shape (1,) or (n_classes,)
        Intercepts (0 if ``fit_intercept=False``).

    n_iter_ : int
        Largest number of passes over the data among the binary problems.

    n_features_in_ : int
        Number of features seen during ``fit``.

    See Also
    --------
    sklearn.svm.LinearSVC : The scikit-learn estimator this one mirrors (liblinear).
    SVC : Kernel SVM trained with SMO; ``SVC(kernel="linear")`` solves the hinge loss
        without regularising the intercept.

    Notes
    -----
    The dual has one variable per sample and a box constraint only (the intercept
    lives in :math:`w`, so there is no equality constraint as in ``SVC``): each
    coordinate has a closed-form update. The coordinates are visited in a random
    order each pass, so ``coef_`` matches scikit-learn's to the solver tolerance,
    not to rounding.

    References
    ----------
    .. [1] C.-J. Hsieh, K.-W. Chang, C.-J. Lin, S. S. Keerthi, S. Sundararajan, "A
       dual coordinate descent method for large-scale linear SVM", ICML 2008.
    .. [2] R.-E. Fan, K.-W. Chang, C.-J. Hsieh, X.-R. Wang, C.-J. Lin, "LIBLINEAR: a
       library for large linear classification", Journal of Machine Learning
       Research 9, 2008.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.svm import LinearSVC
    >>> X = np.array([[-2.0, -1.0], [-1.0, -1.0], [-1.0, -2.0],
    ...               [1.0, 1.0], [2.0, 1.0], [1.0, 2.0]])
    >>> y = np.array([0, 0, 0, 1, 1, 1])
    >>> clf = LinearSVC(random_state=0, tol=1e-8).fit(X, y)
    >>> clf.coef_.round(3), clf.intercept_.round(3)
    (array([[0.444, 0.444]]), array([0.]))
    >>> clf.predict([[0.5, 0.8], [-0.5, -0.1]])
    array([1, 0])
    """

    _parameter_constraints = {
        "penalty": [StrOptions({"l2"})],
        "loss": [StrOptions({"hinge", "squared_hinge"})],
        "dual": [StrOptions({"auto"}), "boolean"],
        "tol": [Interval(Real, 0, None, closed="neither")],
        "C": [Interval(Real, 0, None, closed="neither")],
        "multi_class": [StrOptions({"ovr"})],
        "fit_intercept": ["boolean"],
        "intercept_scaling": [Interval(Real, 0, None, closed="neither")],
        "random_state": ["random_state"],
        "max_iter": [Interval(Integral, 0, None, closed="left")],
    }

    def __init__(
        self,
        penalty="l2",
        loss="squared_hinge",
        *,
        dual="auto",
        tol=1e-4,
        C=1.0,
        multi_class="ovr",
        fit_intercept=True,
        intercept_scaling=1.0,
        random_state=None,
        max_iter=1000,
    ):
        self.penalty = penalty
        self.loss = loss
        self.dual = dual
        self.tol = tol
        self.C = C
        self.multi_class = multi_class
        self.fit_intercept = fit_intercept
        self.intercept_scaling = intercept_scaling
        self.random_state = random_state
        self.max_iter = max_iter

    def fit(self, X, y):
        """Fit one linear SVM per class (one for two classes).

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : array-like of shape (n_samples,)
            Class labels.

        Returns
        -------
        self : LinearSVC
            The fitted estimator.
        """
        self._validate_params()
        if self.dual is False:
            raise ValueError(
                "LinearSVC(dual=False) is not implemented in skratch: only the dual "
                "coordinate descent solver is; use dual=True or 'auto'."
            )
        X, y = check_X_y(X, y, dtype=np.float64, estimator=self)
        validate_n_features(self, X, reset=True)
        rng = check_random_state(self.random_state)
        self.classes_, y_index = _encode_labels(y)
        if self.fit_intercept:
            X = np.hstack([X, np.full((len(X), 1), float(self.intercept_scaling))])
        # Two classes: one problem, +1 for classes_[1]. More: one per class.
        positives = [1] if len(self.classes_) == 2 else range(len(self.classes_))
        weights, n_iters = [], []
        for k in positives:
            y_pm = np.where(y_index == k, 1.0, -1.0)
            w, n_iter = _dual_coordinate_descent(
                X, y_pm, float(self.C), self.loss, self.tol, self.max_iter, rng
            )
            weights.append(w)
            n_iters.append(n_iter)
        W = np.array(weights)  # (n_problems, n_features + fit_intercept)
        self.n_iter_ = max(n_iters)
        if self.n_iter_ >= self.max_iter:
            warnings.warn(
                "Liblinear-style dual coordinate descent failed to converge in "
                f"max_iter={self.max_iter} passes; increase the number of iterations.",
                ConvergenceWarning,
                stacklevel=2,
            )
        if self.fit_intercept:
            self.coef_, self.intercept_ = W[:, :-1], self.intercept_scaling * W[:, -1]
        else:
            self.coef_, self.intercept_ = W, np.zeros(len(W))
        return self
