r"""Probability calibration: a predicted 0.8 should come true 4 times in 5.

``calibration_curve`` bins the predicted probabilities of the positive class
and returns, per bin, the fraction of positives against the mean prediction:
a calibrated model's points lie on the diagonal (a *reliability diagram*).

``CalibratedClassifierCV`` fixes a miscalibrated classifier by learning a
monotonic map from its scores :math:`s` (``decision_function``, else
``predict_proba``) to probabilities, on data the classifier was not fitted
on (cross-validation):

- ``method="sigmoid"`` (Platt scaling): :math:`p = 1 / (1 + e^{A s + B})`,
  with :math:`A, B` fitted by maximum likelihood on smoothed targets;
- ``method="isotonic"``: ``skratch.isotonic.IsotonicRegression`` of the
  labels on the scores (any monotonic step function; needs more data).

With more than two classes each class is calibrated one-vs-rest and the
probabilities are divided by their sum.

Read more in the book: The practitioner's workflow
<https://skratch-ml.github.io/skratch/book/expert/practitioners-workflow.html>
"""

import inspect
import sys
import warnings
from math import log
from numbers import Integral

import numpy as np
from scipy.optimize import minimize
from scipy.special import expit

from ..base import BaseEstimator, ClassifierMixin
from ..isotonic import IsotonicRegression
from ..metrics._classification import _POS_LABEL
from ..metrics._ranking import _check_pos_label
from ..model_selection._split import _safe_indexing
from ..model_selection._validation import _check_cv
from ..model_selection._validation import _clone as _clone_params
from ..utils.multiclass import check_classification_targets
from ..utils.validation import (
    Interval,
    StrOptions,
    _check_sample_weight,
    _is_sparse,
    check_array,
    check_consistent_length,
    check_is_fitted,
    column_or_1d,
    validate_parameter_constraints,
)

__all__ = ["CalibratedClassifierCV", "calibration_curve"]


def _half_binomial_loss_gradient(T, raw):
    # loss = log(1 + e^raw) - T raw, gradient = sigmoid(raw) - T, written
    # with e = exp(-|raw|) so that neither overflows (scikit-learn's form).
    e = np.exp(-np.abs(raw))
    positive = raw > 0
    loss = np.log1p(e) + np.where(positive, (1 - T) * raw, -T * raw)
    grad = np.where(positive, (1 - T) - T * e, (1 - T) * e - T) / (1 + e)
    return loss, grad


def _sigmoid_calibration(F, y, sample_weight=None):
    # Platt: P(y=1 | f) = 1 / (1 + exp(A f + B)), maximum likelihood on the
    # smoothed targets T+ = (N+ + 1) / (N+ + 2), T- = 1 / (N- + 2).
    scale = 1.0
    if np.max(np.abs(F)) >= 30:  # large scores: fit on F / max|F|
        scale = np.max(np.abs(F))
        F = F / scale
    negative = y <= 0
    w = np.ones(len(y)) if sample_weight is None else sample_weight
    prior0, prior1 = w[negative].sum(), w[~negative].sum()
    T = np.where(negative, 1.0 / (prior0 + 2.0),
                 (prior1 + 1.0) / (prior1 + 2.0))

    def loss_grad(AB):
        raw = -(AB[0] * F + AB[1])
        loss, grad = _half_binomial_loss_gradient(T, raw)
        if sample_weight is not None:
            loss, grad = sample_weight * loss, sample_weight * grad
        return loss.sum(), np.array([-grad @ F, -grad.sum()])

    AB0 = np.array([0.0, log((prior0 + 1.0) / (prior1 + 1.0))])
    result = minimize(
        loss_grad, AB0, method="L-BFGS-B", jac=True,
        options={"gtol": 1e-6, "ftol": 64 * np.finfo(float).eps},
    )
    A, B = result.x
    return A / scale, B


class _SigmoidCalibration:
    """Platt's sigmoid ``1 / (1 + exp(a_ * s + b_))`` of a score ``s``."""

    def fit(self, X, y, sample_weight=None):
        F = column_or_1d(X).astype(np.float64)
        self.a_, self.b_ = _sigmoid_calibration(
            F, column_or_1d(y), sample_weight)
        return self

    def predict(self, T):
        return expit(-(self.a_ * column_or_1d(T) + self.b_))


def _response(estimator, X):
    # The classifier's scores: decision_function if it has one, else
    # predict_proba (the positive class's column when binary), as
    # (n_samples, n_columns).
    if hasattr(estimator, "decision_function"):
        scores = np.asarray(estimator.decision_function(X), dtype=float)
        method = "decision_function"
    else:
        scores = np.asarray(estimator.predict_proba(X), dtype=np.float64)
        method = "predict_proba"
        if scores.ndim == 2 and scores.shape[1] == 2:
            scores = scores[:, 1]
    return scores.reshape(len(scores), -1), method


def _binarize(y, classes):
    # One indicator column per class; a single column (y == classes[1])
    # when there are two, as sklearn.preprocessing.label_binarize.
    Y = (np.asarray(y)[:, None] == classes[None, :]).astype(np.float64)
    return Y[:, 1:] if len(classes) == 2 else Y


class _CalibratedClassifier:
    """A fitted classifier and its calibrators (one per class, or one)."""

    def __init__(self, estimator, calibrators, *, classes, method):
        self.estimator = estimator
        self.calibrators = calibrators
        self.classes = classes
        self.method = method

    def predict_proba(self, X):
        scores, _ = _response(self.estimator, X)
        n_classes = len(self.classes)
        proba = np.zeros((len(scores), n_classes))
        columns = np.searchsorted(self.classes, self.estimator.classes_)
        if n_classes == 2:
            columns = columns + 1  # the one calibrator: positive class
        for column, score, calibrator in zip(columns, scores.T,
                                             self.calibrators):
            proba[:, column] = calibrator.predict(score)
        if n_classes == 2:
            proba[:, 0] = 1.0 - proba[:, 1]
        else:
            # One-vs-rest probabilities, renormalised to sum to 1 (uniform
            # where every calibrator says 0).
            total = proba.sum(axis=1, keepdims=True)
            proba = np.divide(proba, total, where=total != 0,
                              out=np.full_like(proba, 1 / n_classes))
        proba[(1.0 < proba) & (proba <= 1.0 + 1e-5)] = 1.0
        return proba


def _fit_calibrator(estimator, scores, y, classes, method, sample_weight):
    # One calibrator per column of scores, fitted on that column's class
    # indicator (the positive class's when binary).
    Y = _binarize(y, classes)
    columns = np.searchsorted(classes, estimator.classes_)
    calibrators = []
    for column, score in zip(columns, scores.T):
        if method == "isotonic":
            calibrator = IsotonicRegression(out_of_bounds="clip")
        else:
            calibrator = _SigmoidCalibration()
        calibrator.fit(score, Y[:, column], sample_weight)
        calibrators.append(calibrator)
    return _CalibratedClassifier(estimator, calibrators, classes=classes,
                                 method=method)


def _clone(estimator):
    # An unfitted copy; an estimator that says how to clone itself (a
    # scikit-learn estimator, or FrozenEstimator, which stays fitted) does.
    if hasattr(estimator, "__sklearn_clone__") and not isinstance(
            estimator, type):
        return estimator.__sklearn_clone__()
    return _clone_params(estimator)


def _is_frozen(estimator):
    frozen = sys.modules.get("sklearn.frozen")  # loaded if one was made
    return frozen is not None and isinstance(estimator,
                                             frozen.FrozenEstimator)


def _fit_params_for(fit_params, indices, n_samples):
    # Per-sample fit parameters follow the training rows; others pass.
    return {
        key: _safe_indexing(value, indices)
        if hasattr(value, "__len__") and not isinstance(value, str)
        and len(value) == n_samples else value
        for key, value in fit_params.items()
    }


class _HasMethods:
    """A constraint: an object with all these methods."""

    def __init__(self, methods):
        self.methods = methods

    def is_satisfied_by(self, value):
        return all(callable(getattr(value, m, None)) for m in self.methods)

    def __str__(self):
        names = " and ".join(repr(m) for m in self.methods)
        return f"an object implementing {names}"


class _CvObject:
    """A constraint: an int >= 2, a splitter, or an iterable of splits."""

    def is_satisfied_by(self, value):
        if isinstance(value, Integral) and not isinstance(value, bool):
            return value >= 2
        return not isinstance(value, str) and (
            hasattr(value, "split") or hasattr(value, "__iter__"))

    def __str__(self):
        return ("an int in the range [2, inf), an object implementing "
                "'split' and 'get_n_splits', an iterable")


def calibration_curve(y_true, y_prob, *, pos_label=None, n_bins=5,
                      strategy="uniform"):
    """Fraction of positives and mean predicted probability, bin by bin.

    The probabilities are put into ``n_bins`` bins of ``[0, 1]``; for each
    non-empty bin the function returns the fraction of samples that are
    positive and the mean predicted probability. A calibrated classifier
    gives points on the diagonal.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True binary labels.
    y_prob : array-like of shape (n_samples,)
        Predicted probabilities of the positive class, in ``[0, 1]``.
    pos_label : int, float, bool or str, default=None
        The positive class; None means 1 when the labels are {0, 1} or
        {-1, 1}.
    n_bins : int, default=5
        Number of bins. Empty bins are left out, so fewer points may come
        back.
    strategy : {"uniform", "quantile"}, default="uniform"
        "uniform": bins of equal width; "quantile": bin edges at the
        quantiles of ``y_prob`` (about as many samples in each bin).

    Returns
    -------
    prob_true : ndarray of shape (n_bins,) or smaller
        Fraction of positives in each non-empty bin.
    prob_pred : ndarray of shape (n_bins,) or smaller
        Mean predicted probability in each non-empty bin.

    See Also
    --------
    CalibratedClassifierCV : Calibrate a classifier's probabilities.
    sklearn.calibration.calibration_curve : The scikit-learn twin.

    Notes
    -----
    A sample lands in bin :math:`k` when ``edges[k] < p <= edges[k + 1]``
    (the first bin also takes ``p = 0``; with "quantile", equal quantiles
    make empty bins), exactly as ``numpy.searchsorted`` on the inner edges.

    Read more in the book: The practitioner's workflow
    <https://skratch-ml.github.io/skratch/book/expert/practitioners-workflow.html>

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.calibration import calibration_curve
    >>> y_true = np.array([0, 0, 0, 0, 1, 1, 1, 1, 1])
    >>> y_prob = np.array([0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9, 1.0])
    >>> prob_true, prob_pred = calibration_curve(y_true, y_prob, n_bins=3)
    >>> prob_true
    array([0. , 0.5, 1. ])
    >>> prob_pred
    array([0.2  , 0.525, 0.85 ])
    """
    validate_parameter_constraints(
        {"pos_label": _POS_LABEL,
         "n_bins": [Interval(Integral, 1, None, closed="left")],
         "strategy": [StrOptions({"uniform", "quantile"})]},
        {"pos_label": pos_label, "n_bins": n_bins, "strategy": strategy},
        caller_name="calibration_curve",
    )
    y_true = column_or_1d(check_array(
        y_true, dtype=None, ensure_2d=False, input_name="y_true"),
        input_name="y_true")
    y_prob = column_or_1d(check_array(
        y_prob, dtype=np.float64, ensure_2d=False, input_name="y_prob"),
        input_name="y_prob")
    check_consistent_length(y_true, y_prob)
    pos_label = _check_pos_label(pos_label, y_true)
    if y_prob.min() < 0 or y_prob.max() > 1:
        raise ValueError(
            "y_prob has values outside [0, 1]: got a minimum of "
            f"{y_prob.min()} and a maximum of {y_prob.max()}."
        )
    labels = np.unique(y_true)
    if len(labels) > 2:
        raise ValueError(
            "Only binary classification is supported. Provided labels "
            f"{labels}."
        )
    positive = y_true == pos_label

    if strategy == "quantile":
        edges = np.percentile(y_prob, np.linspace(0, 1, n_bins + 1) * 100)
    else:
        edges = np.linspace(0.0, 1.0, n_bins + 1)
    bin_of = np.searchsorted(edges[1:-1], y_prob)  # (n_samples,) bin index
    bin_sums = np.bincount(bin_of, weights=y_prob, minlength=n_bins)
    bin_true = np.bincount(bin_of, weights=positive, minlength=n_bins)
    bin_total = np.bincount(bin_of, minlength=n_bins)
    nonzero = bin_total != 0
    return (bin_true[nonzero] / bin_total[nonzero],
            bin_sums[nonzero] / bin_total[nonzero])


class CalibratedClassifierCV(ClassifierMixin, BaseEstimator):
    r"""Calibrate a classifier's probabilities with cross-validation.

    For each fold the classifier is fitted on the training part and a
    calibrator maps its scores :math:`s` on the held-out part to
    probabilities: Platt's sigmoid

    .. math::

        \hat p(s) = \frac{1}{1 + e^{A s + B}}

    (``method="sigmoid"``) or an isotonic regression (``"isotonic"``).
    With ``ensemble=True`` the model keeps the ``n_folds`` (classifier,
    calibrator) pairs and averages their probabilities; with
    ``ensemble=False`` the calibrator is fitted on cross-validated scores
    of the whole data and paired with one classifier refitted on it all.

    Parameters
    ----------
    estimator : estimator instance, default=None
        The classifier to calibrate: it needs ``fit`` and
        ``decision_function`` (used first) or ``predict_proba``. None means
        ``skratch.svm.LinearSVC(random_state=0)``. A fitted scikit-learn
        estimator wrapped in ``sklearn.frozen.FrozenEstimator`` is not
        refitted: all the data calibrates it.
    method : {"sigmoid", "isotonic"}, default="sigmoid"
        Platt's sigmoid (two parameters; good for few samples) or isotonic
        regression (non-parametric; overfits below about 1000 samples).
    cv : int, cross-validation generator or iterable, default=None
        None is 5 folds; an int is that many folds, stratified
        (``skratch.model_selection.StratifiedKFold``) for class labels;
        or a splitter, or an iterable of (train, test) index arrays.
    ensemble : bool or "auto", default="auto"
        True: average one calibrated copy per fold. False: calibrate
        cross-validated scores, predict with the classifier fitted on all
        the data. "auto" is False for a ``FrozenEstimator``, True otherwise.

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
        The class labels.
    n_features_in_ : int
        Number of features seen during ``fit``, when the classifier records
        it.
    calibrated_classifiers_ : list
        The (classifier, calibrators) pairs: one per fold, or one when
        ``ensemble=False``. Each has ``estimator``, ``calibrators`` (one
        per class, one in the binary case) and ``predict_proba``.

    See Also
    --------
    calibration_curve : Measure how calibrated the probabilities are.
    skratch.isotonic.IsotonicRegression : The isotonic calibrator.
    sklearn.calibration.CalibratedClassifierCV : The scikit-learn class
        this one mirrors, without ``method="temperature"``, ``n_jobs`` and
        metadata routing (fit parameters go to the classifier's ``fit``).

    Notes
    -----
    Read more in the book: The practitioner's workflow
    <https://skratch-ml.github.io/skratch/book/expert/practitioners-workflow.html>

    References
    ----------
    J. Platt, "Probabilistic Outputs for Support Vector Machines and
    Comparisons to Regularized Likelihood Methods", 1999.

    B. Zadrozny and C. Elkan, "Transforming Classifier Scores into Accurate
    Multiclass Probability Estimates", KDD 2002.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.calibration import CalibratedClassifierCV
    >>> from skratch.naive_bayes import GaussianNB
    >>> rng = np.random.default_rng(0)
    >>> X = rng.normal(size=(100, 2))
    >>> y = (X[:, 0] + X[:, 1] + rng.normal(size=100) > 0).astype(int)
    >>> model = CalibratedClassifierCV(GaussianNB(), cv=3).fit(X, y)
    >>> len(model.calibrated_classifiers_)
    3
    >>> model.predict_proba([[-1.0, -1.0], [1.0, 1.5]]).round(3)
    array([[0.911, 0.089],
           [0.08 , 0.92 ]])
    """

    _parameter_constraints = {
        "estimator": [_HasMethods(["fit", "predict_proba"]),
                      _HasMethods(["fit", "decision_function"]), None],
        "method": [StrOptions({"isotonic", "sigmoid"})],
        "cv": [_CvObject(), None],
        "ensemble": ["boolean", StrOptions({"auto"})],
    }

    def __init__(self, estimator=None, *, method="sigmoid", cv=None,
                 ensemble="auto"):
        self.estimator = estimator
        self.method = method
        self.cv = cv
        self.ensemble = ensemble

    def _get_estimator(self):
        if self.estimator is None:
            from ..svm import LinearSVC

            return LinearSVC(random_state=0)
        return self.estimator

    def fit(self, X, y, sample_weight=None, **fit_params):
        """Fit the classifier(s) and their calibrators.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data, as the classifier accepts it.
        y : array-like of shape (n_samples,)
            Class labels.
        sample_weight : array-like of shape (n_samples,), default=None
            Weights for the calibrators, and for the classifier if its
            ``fit`` accepts ``sample_weight`` (otherwise a ``UserWarning``).
        **fit_params : dict
            Passed on to the classifier's ``fit`` (per-sample arrays are
            split with the folds).

        Returns
        -------
        self : CalibratedClassifierCV
            The fitted estimator.
        """
        self._validate_params()
        if _is_sparse(X):
            check_array(X, estimator=self)  # raises: no sparse input
        if y is None:
            raise ValueError(
                "CalibratedClassifierCV requires y to be passed, but the "
                "target y is None."
            )
        y = column_or_1d(check_array(y, dtype=None, ensure_2d=False,
                                     input_name="y"), warn=True)
        check_classification_targets(y)
        check_consistent_length(X, y)
        estimator = self._get_estimator()
        ensemble = self.ensemble
        if ensemble == "auto":
            ensemble = not _is_frozen(estimator)
        self.classes_, counts = np.unique(y, return_counts=True)

        supports_weight = "sample_weight" in inspect.signature(
            estimator.fit).parameters
        if sample_weight is not None:
            sample_weight = _check_sample_weight(sample_weight, len(y))
            if not supports_weight:
                warnings.warn(
                    f"Since {type(estimator).__name__} does not appear "
                    "to accept sample_weight, sample weights will only be "
                    "used for the calibration itself. Be warned that the "
                    "result of the calibration is likely to be incorrect.",
                    UserWarning, stacklevel=2,
                )
            else:
                fit_params = {**fit_params, "sample_weight": sample_weight}

        n_folds = self.cv if isinstance(self.cv, Integral) else getattr(
            self.cv, "n_splits", None)
        if n_folds and np.any(counts < n_folds):
            smallest = self.classes_.tolist()[np.argmin(counts)]
            raise ValueError(
                f"Requesting {n_folds}-fold cross-validation but provided "
                f"less than {n_folds} examples for at least one class "
                f"(class {smallest!r} has {counts.min()})."
            )
        if type(self.cv).__name__ == "LeaveOneOut":
            raise ValueError(
                "LeaveOneOut cross-validation does not allow all classes "
                "to be present in test splits. Please use a "
                "cross-validation generator that allows all classes to "
                "appear in every test and train split."
            )
        splits = list(_check_cv(self.cv, y, classifier=True).split(X, y))

        if ensemble:
            self.calibrated_classifiers_ = [
                self._fit_pair(_clone(estimator), X, y, train, test,
                               sample_weight, fit_params)
                for train, test in splits
            ]
        else:
            scores = self._cross_val_scores(estimator, X, y, splits,
                                            fit_params)
            this = _clone(estimator).fit(X, y, **fit_params)
            self.calibrated_classifiers_ = [_fit_calibrator(
                this, scores, y, self.classes_, self.method, sample_weight)]

        first = self.calibrated_classifiers_[0].estimator
        if hasattr(first, "n_features_in_"):
            self.n_features_in_ = first.n_features_in_
        if hasattr(first, "feature_names_in_"):
            self.feature_names_in_ = first.feature_names_in_
        return self

    def _fit_pair(self, estimator, X, y, train, test, sample_weight,
                  fit_params):
        # Fit on the training part, calibrate on the held-out part.
        params = _fit_params_for(fit_params, train, len(y))
        estimator.fit(_safe_indexing(X, train), y[train], **params)
        scores, _ = _response(estimator, _safe_indexing(X, test))
        weight = None if sample_weight is None else sample_weight[test]
        return _fit_calibrator(estimator, scores, y[test], self.classes_,
                               self.method, weight)

    def _cross_val_scores(self, estimator, X, y, splits, fit_params):
        # cross_val_predict of the scores: each sample scored by the copy
        # that did not see it. Columns of classes a fold lacked get 0
        # (probabilities) or the lowest float (decision values).
        tests = np.concatenate([test for _, test in splits])
        if np.sort(tests).tolist() != list(range(len(y))):
            raise ValueError("cross_val_predict only works for partitions")
        scores = None
        for train, test in splits:
            fold = _clone(estimator).fit(
                _safe_indexing(X, train), y[train],
                **_fit_params_for(fit_params, train, len(y)))
            fold_scores, method = _response(fold, _safe_indexing(X, test))
            if scores is None:
                n_columns = 1 if len(self.classes_) == 2 else len(
                    self.classes_)
                fill = 0.0 if method == "predict_proba" else np.finfo(
                    np.float64).min
                scores = np.full((len(y), n_columns), fill)
            if fold_scores.shape[1] == scores.shape[1]:
                scores[test] = fold_scores
            else:
                columns = np.searchsorted(self.classes_, fold.classes_)
                scores[np.ix_(test, columns)] = fold_scores
        return scores

    def predict_proba(self, X):
        """Calibrated class probabilities: the mean over the pairs.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples, as the classifier accepts them.

        Returns
        -------
        proba : ndarray of shape (n_samples, n_classes)
            Probabilities, columns in the order of ``classes_``.
        """
        check_is_fitted(self)
        probas = [pair.predict_proba(X)
                  for pair in self.calibrated_classifiers_]
        return np.mean(probas, axis=0)

    def predict(self, X):
        """Predict the class of highest calibrated probability.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        y_pred : ndarray of shape (n_samples,)
            Labels from ``classes_``.
        """
        check_is_fitted(self)
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        inner = self._get_estimator().__sklearn_tags__()
        tags.input_tags.sparse = inner.input_tags.sparse
        return tags
