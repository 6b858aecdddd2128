"""Fidelity of the metrics: the same numbers and the same complaints as scikit-learn.

A learner who swaps ``sklearn.metrics`` for ``skratch.metrics`` and compares the
outputs line by line should find no difference: column vectors, empty inputs,
unusual weights, absent classes and bad arguments give scikit-learn's values,
warnings and messages (each test asks scikit-learn for its own).
"""

import re
import warnings

import numpy as np
import pytest
import sklearn.metrics as skm
from numpy.testing import assert_allclose, assert_array_equal
from sklearn.base import BaseEstimator, ClassifierMixin

import skratch.exceptions
import skratch.metrics as scm

TOL = 1e-12  # both sides compute the same sums in the same order, or nearly


def _run(function, *args, **kwargs):
    """(result or exception, [(warning category name, message), ...])."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = function(*args, **kwargs)
        except Exception as exc:  # the complaint is what we compare
            result = exc
    shown = [(w.category.__name__, str(w.message)) for w in caught
             if not issubclass(w.category, (DeprecationWarning, FutureWarning))]
    return result, shown


def _same_complaint(name, *args, **kwargs):
    """Check that skratch raises scikit-learn's error type and message, word for word."""
    theirs, _ = _run(getattr(skm, name), *args, **kwargs)
    assert isinstance(theirs, Exception), f"scikit-learn accepted {name}{args}"
    with pytest.raises(_twin(type(theirs))) as ours:
        getattr(scm, name)(*args, **kwargs)
    assert _canonical(str(ours.value)) == _canonical(str(theirs))


def _canonical(message):
    """The message with the options listed in braces sorted: scikit-learn prints
    a set, whose order changes from one run to the next."""
    return re.sub(r"\{([^{}]*)\}",
                  lambda m: "{" + ", ".join(sorted(m.group(1).split(", "))) + "}",
                  message)


def _twin(exception_type):
    """skratch's class of the same name (InvalidParameterError), else the type."""
    return getattr(skratch.exceptions, exception_type.__name__, exception_type)


def _same_result(name, *args, **kwargs):
    """Check value (at TOL) and warnings against scikit-learn's."""
    ours, our_warnings = _run(getattr(scm, name), *args, **kwargs)
    theirs, their_warnings = _run(getattr(skm, name), *args, **kwargs)
    assert not isinstance(theirs, Exception), theirs
    assert not isinstance(ours, Exception), ours
    if isinstance(theirs, tuple):  # curves
        for a, b in zip(ours, theirs):
            assert_allclose(a, b, rtol=TOL, atol=TOL)
    elif isinstance(theirs, str):  # classification_report
        assert ours == theirs
    else:
        assert_allclose(ours, theirs, rtol=TOL, atol=TOL)
    assert our_warnings == their_warnings


def _binary(n=40, seed=0):
    rng = np.random.default_rng(seed)
    y_true = rng.integers(2, size=n)
    proba = np.clip(0.7 * y_true + 0.6 * rng.random(n) - 0.15, 0.01, 0.99)
    return y_true, (proba > 0.5).astype(int), proba


# Column vectors (n, 1) -------------------------------------------------------------


def test_log_loss_column_vector_y_true_is_the_1d_value():
    """Check the issue's case: log_loss of a (n, 1) y_true equals the 1-D value."""
    y_true, _, proba = _binary()
    P = np.column_stack([1 - proba, proba])
    expected = skm.log_loss(y_true, P)
    assert_allclose(skm.log_loss(y_true[:, None], P), expected, rtol=TOL)
    for y, p in [(y_true[:, None], P), (y_true[:, None], proba),
                 (y_true[:, None], proba[:, None]), (y_true, proba[:, None])]:
        assert_allclose(scm.log_loss(y, p), expected, rtol=TOL)


LABEL_METRICS = ["accuracy_score", "precision_score", "recall_score", "f1_score",
                 "confusion_matrix", "balanced_accuracy_score",
                 "classification_report"]
SCORE_METRICS = ["roc_auc_score", "average_precision_score", "roc_curve",
                 "precision_recall_curve", "hinge_loss"]
REGRESSION_METRICS = ["mean_squared_error", "root_mean_squared_error",
                      "mean_absolute_error", "r2_score"]


@pytest.mark.parametrize("column", ["y_true", "y_pred", "both"])
@pytest.mark.parametrize("name", LABEL_METRICS + SCORE_METRICS + REGRESSION_METRICS)
def test_column_vectors_are_flattened_silently_as_sklearn(name, column):
    """Check (n, 1) targets and predictions: scikit-learn's value, and no warning."""
    y_true, y_pred, proba = _binary()
    second = (y_pred if name in LABEL_METRICS else
              proba + 0.1 * y_true if name in REGRESSION_METRICS else proba)
    first = y_true.astype(float) if name in REGRESSION_METRICS else y_true
    if column in ("y_true", "both"):
        first = first[:, None]
    if column in ("y_pred", "both"):
        second = second[:, None]
    _same_result(name, first, second)


def test_column_vector_sample_weight_in_ranking_metrics_as_sklearn():
    """Check that ranking metrics flatten (n, 1) weights; label metrics refuse them."""
    y_true, y_pred, proba = _binary()
    w = np.random.default_rng(1).random((len(y_true), 1))
    for name in ["roc_auc_score", "average_precision_score", "roc_curve",
                 "precision_recall_curve"]:
        _same_result(name, y_true, proba, sample_weight=w)
    for name in LABEL_METRICS + ["log_loss"] + REGRESSION_METRICS:
        second = proba if name == "log_loss" else y_pred
        _same_complaint(name, y_true, second, sample_weight=w)


def test_2d_targets_give_sklearns_message():
    """Check that a (n, 2) score or x says 'y should be a 1d array', as there."""
    y_true, _, proba = _binary()
    scores = np.column_stack([proba, proba])
    _same_complaint("roc_curve", y_true, scores)
    _same_complaint("roc_auc_score", y_true, proba,
                    sample_weight=np.ones((len(y_true), 2)))
    _same_complaint("auc", scores, proba)


# roc_auc_score, one-vs-one, with a class absent from y_true -------------------------


@pytest.mark.parametrize("average", ["macro", "weighted"])
@pytest.mark.parametrize("labels, present", [([0, 1, 2], [0, 1]),
                                             ([0, 1, 2, 3], [0, 1, 3]),
                                             ([0, 1, 2, 3], [1, 2])])
def test_roc_auc_ovo_averages_the_pairs_present_as_sklearn(labels, present, average):
    """Check that absent labels are left out of the pairs: scikit-learn's number,
    and no warning (skratch returned NaN with four warnings)."""
    rng = np.random.default_rng(0)
    y_true = np.array(present * 6)
    proba = rng.dirichlet(np.ones(len(labels)), size=len(y_true))
    _same_result("roc_auc_score", y_true, proba, multi_class="ovo", labels=labels,
                 average=average)
    value = scm.roc_auc_score(y_true, proba, multi_class="ovo", labels=labels,
                              average=average)
    assert np.isfinite(value)


@pytest.mark.parametrize("average", ["macro", "weighted", "micro", None])
def test_roc_auc_ovr_with_absent_label_matches_sklearn(average):
    """Check the one-vs-rest sibling: NaN for the absent class, with the warning."""
    rng = np.random.default_rng(0)
    y_true = np.array([0, 1] * 6)
    proba = rng.dirichlet(np.ones(3), size=12)
    _same_result("roc_auc_score", y_true, proba, multi_class="ovr",
                 labels=[0, 1, 2], average=average)


# Empty input -----------------------------------------------------------------------


@pytest.mark.parametrize("name, kwargs", [
    ("accuracy_score", {}), ("precision_score", {}), ("recall_score", {}),
    ("f1_score", {}), ("fbeta_score", {"beta": 2}),
    ("precision_score", {"average": "macro"}), ("confusion_matrix", {}),
    ("confusion_matrix", {"labels": [0, 1]}), ("balanced_accuracy_score", {}),
    ("classification_report", {}), ("hinge_loss", {}), ("log_loss", {}),
    ("roc_auc_score", {}), ("mean_squared_error", {}), ("r2_score", {}),
])
def test_empty_input_is_refused_as_sklearn(name, kwargs):
    """Check that empty inputs raise scikit-learn's error (skratch returned NaN,
    0.0 or an empty matrix for the classification metrics)."""
    _same_complaint(name, [], [], **kwargs)


# Sample weights ---------------------------------------------------------------------


@pytest.mark.parametrize("weights", [
    np.array([1, 2, 3, 4, 5], dtype=object),
    np.array([1.5, 2, 3, 4, 5], dtype=object),
    np.array([2**62, 2**62, 1, 1, 1], dtype=np.int64),
    np.array([2**53 + 1, 1, 1, 1, 1], dtype=np.int64),
    np.array([True, False, True, True, True]),
    np.array([1, 2, 3, 4, 5], dtype=np.uint8),
    np.array([1, 2, 3, 4, 5], dtype=np.float32),
    [1, 2, 3, 4, 5],
], ids=["object-int", "object-float", "huge-int64", "2**53+1", "bool", "uint8",
        "float32", "list"])
def test_confusion_matrix_weight_dtypes_as_sklearn(weights):
    """Check scikit-learn's result dtype (int64 for integer weights, summed
    exactly; float64 otherwise) and its exact values (object weights raised a
    TypeError; int64 weights were summed in float64)."""
    y_true, y_pred = [0, 1, 1, 0, 1], [0, 1, 0, 0, 1]
    ours = scm.confusion_matrix(y_true, y_pred, sample_weight=weights)
    theirs = skm.confusion_matrix(y_true, y_pred, sample_weight=weights)
    assert ours.dtype == theirs.dtype
    assert_array_equal(ours, theirs)  # exact, also beyond 2**53


ALL_WEIGHTED = [("accuracy_score", "labels"), ("precision_score", "labels"),
                ("f1_score", "labels"), ("confusion_matrix", "labels"),
                ("balanced_accuracy_score", "labels"),
                ("classification_report", "labels"), ("log_loss", "proba"),
                ("roc_auc_score", "scores"), ("average_precision_score", "scores"),
                ("roc_curve", "scores"), ("precision_recall_curve", "scores"),
                ("mean_squared_error", "labels"), ("mean_absolute_error", "labels"),
                ("r2_score", "labels"), ("hinge_loss", "margins")]


@pytest.mark.parametrize("weights", [[1, 2, 3], np.ones((5, 2)), [0] * 5],
                         ids=["wrong-length", "2d", "all-zero"])
@pytest.mark.parametrize("name, second", ALL_WEIGHTED)
def test_bad_sample_weight_gives_sklearns_message(name, second, weights):
    """Check check_consistent_length's and _check_sample_weight's words for
    weights of the wrong length, 2-D weights and all-zero weights."""
    y_true = np.array([0, 1, 1, 0, 1])
    y_pred = np.array([0, 1, 0, 0, 1])
    other = {"labels": y_pred, "proba": np.column_stack([0.8 - 0.6 * y_pred,
                                                         0.2 + 0.6 * y_pred]),
             "scores": 0.2 + 0.6 * y_pred, "margins": y_pred - 0.5}[second]
    if name == "hinge_loss" and np.shape(weights) != (3,):
        # scikit-learn leaves these to NumPy ("Axis must be specified when shapes
        # of a and weights differ.", ZeroDivisionError); skratch says what
        # _check_sample_weight says, as the other metrics do.
        expected = ("Sample weights must be 1D array or scalar" if np.ndim(weights)
                    == 2 else "Sample weights must contain at least one non-zero")
        with pytest.raises(ValueError, match=expected):
            scm.hinge_loss(y_true, other, sample_weight=weights)
        return
    _same_complaint(name, y_true, other, sample_weight=weights)


# Bytes labels and pos_label ---------------------------------------------------------


@pytest.mark.parametrize("name", ["roc_curve", "precision_recall_curve",
                                  "roc_auc_score", "average_precision_score",
                                  "accuracy_score", "f1_score", "confusion_matrix"])
def test_bytes_labels_are_refused_as_sklearn(name):
    """Check scikit-learn's TypeError for labels given as bytes."""
    y_true = np.array([b"a", b"b", b"a", b"b"])
    second = y_true if name in ("accuracy_score", "f1_score",
                                "confusion_matrix") else [0.1, 0.4, 0.35, 0.8]
    _same_complaint(name, y_true, second)


@pytest.mark.parametrize("name", ["roc_curve", "precision_recall_curve",
                                  "average_precision_score", "precision_score",
                                  "recall_score", "f1_score"])
def test_bytes_pos_label_is_refused_as_sklearn(name):
    """Check the parameter message for pos_label=b"b" (skratch scored it)."""
    y_true = np.array(["a", "b", "a", "b"])
    labels = name in ("precision_score", "recall_score", "f1_score")
    second = y_true if labels else [0.1, 0.4, 0.35, 0.8]
    _same_complaint(name, y_true, second, pos_label=b"b")


# auc ------------------------------------------------------------------------------


@pytest.mark.parametrize("x", [[0, 2, 1], [0.0, 2.0, 1.0], [[0], [2], [1]]])
def test_auc_non_monotonic_message_as_sklearn(x):
    """Check that the message shows x as given (integers were shown as floats)."""
    _same_complaint("auc", x, [1, 2, 3])


@pytest.mark.parametrize("x, y", [([[0], [2], [3]], [1, 2, 3]),
                                  ([3, 2, 0], [[1], [2], [3]]), ([0, 1], [1, 1])])
def test_auc_values_as_sklearn(x, y):
    """Check column vectors and a decreasing x (a column raised a broadcast error)."""
    assert_allclose(scm.auc(x, y), skm.auc(x, y), rtol=TOL)


def test_auc_needs_two_points_as_sklearn():
    """Check the message for a single point."""
    _same_complaint("auc", [0], [1])


# Scorers ---------------------------------------------------------------------------


class _OnlyPredict(ClassifierMixin, BaseEstimator):
    """A classifier with predict only (constant: its first class)."""

    def fit(self, X, y):
        self.classes_ = np.unique(y)
        return self

    def predict(self, X):
        return np.full(len(X), self.classes_[0])


class _Proba(_OnlyPredict):
    def predict_proba(self, X):
        k = len(self.classes_)
        return np.full((len(X), k), 1 / k)


class _Decision(_OnlyPredict):
    def decision_function(self, X):
        return np.arange(len(X), dtype=float) - len(X) / 2


_X = np.random.default_rng(0).normal(size=(12, 2))
_Y = np.array([0, 1] * 6)


@pytest.mark.parametrize("scoring", ["roc_auc", "neg_log_loss", "average_precision",
                                     "roc_auc_ovr", "accuracy", "f1", "precision"])
@pytest.mark.parametrize("estimator", [_OnlyPredict, _Proba, _Decision])
@pytest.mark.parametrize("fit_y", ["two classes", "one class", "strings"])
def test_scorers_complain_and_score_as_sklearn(scoring, estimator, fit_y):
    """Check scorers on classifiers lacking the method the metric needs, fitted on
    one class, or with string classes: scikit-learn's score or its message
    ("has none of the following attributes", "need classifier with two
    classes", "pos_label=1 is not a valid label")."""
    y = {"two classes": _Y, "one class": np.zeros(12, int),
         "strings": np.array(["no", "yes"] * 6)}[fit_y]
    y_test = np.array(["no", "yes"] * 6) if fit_y == "strings" else _Y
    clf = estimator().fit(_X, y)
    theirs, their_warnings = _run(skm.get_scorer(scoring), clf, _X, y_test)
    if isinstance(theirs, Exception):
        with pytest.raises(_twin(type(theirs)), match=f"^{re.escape(str(theirs))}$"):
            scm.get_scorer(scoring)(clf, _X, y_test)
    else:
        ours, our_warnings = _run(scm.get_scorer(scoring), clf, _X, y_test)
        assert_allclose(ours, theirs, rtol=TOL)
        assert our_warnings == their_warnings


def test_decision_function_is_negated_for_the_first_class_as_sklearn():
    """Check a scorer whose pos_label is the first class (make_scorer's kwargs)."""
    clf = _Decision().fit(_X, _Y)
    y_test = np.array([1, 0] * 6)
    for make in (skm.make_scorer, scm.make_scorer):
        assert make(skm.average_precision_score)  # both accept scikit-learn's
    ours = scm.make_scorer(scm.average_precision_score, pos_label=0,
                           response_method="decision_function")(clf, _X, y_test)
    theirs = skm.make_scorer(skm.average_precision_score, pos_label=0,
                             response_method="decision_function")(clf, _X, y_test)
    assert_allclose(ours, theirs, rtol=TOL)


@pytest.mark.parametrize("name", ["accuracy", "roc_auc", "neg_log_loss",
                                  "neg_mean_squared_error",
                                  "neg_root_mean_squared_error", "precision",
                                  "f1_macro", "recall_weighted", "roc_auc_ovr",
                                  "roc_auc_ovo_weighted", "average_precision"])
def test_scorer_repr_is_sklearns(name):
    """Check that printing a scorer shows scikit-learn's make_scorer(...) text."""
    assert repr(scm.get_scorer(name)) == repr(skm.get_scorer(name))


def test_make_scorer_matches_sklearn():
    """Check make_scorer's repr, value, copies, and its parameter messages."""
    ours = scm.make_scorer(scm.fbeta_score, beta=2)
    theirs = skm.make_scorer(skm.fbeta_score, beta=2)
    assert repr(ours) == repr(theirs)
    clf = _Decision().fit(_X, _Y)
    assert_allclose(ours(clf, _X, _Y), theirs(clf, _X, _Y), rtol=TOL)
    loss = scm.make_scorer(scm.log_loss, greater_is_better=False,
                           response_method="predict_proba")
    assert repr(loss) == repr(skm.make_scorer(skm.log_loss, greater_is_better=False,
                                              response_method="predict_proba"))
    assert scm.get_scorer("accuracy") is not scm.get_scorer("accuracy")
    for kwargs in ({"response_method": "predict_log"}, {"greater_is_better": 1}):
        _same_complaint("make_scorer", skm.accuracy_score, **kwargs)
    _same_complaint("make_scorer", "accuracy")


@pytest.mark.parametrize("scoring", [3, 2.5, ["accuracy"]])
def test_get_scorer_rejects_non_strings_as_sklearn(scoring):
    """Check the parameter message for a scoring that is no str, callable or None."""
    _same_complaint("get_scorer", scoring)


def test_get_scorer_passes_none_and_callables_through():
    """Check that None and a callable come back unchanged, as there."""
    assert scm.get_scorer(None) is None
    assert scm.get_scorer(len) is len


def test_root_mean_squared_error_matches_sklearn():
    """Check the root per output, then the average (several outputs, weights)."""
    rng = np.random.default_rng(0)
    Y, P = rng.normal(size=(30, 3)), rng.normal(size=(30, 3))
    w = rng.random(30)
    for kwargs in ({}, {"sample_weight": w}, {"multioutput": "raw_values"},
                   {"multioutput": [0.2, 0.3, 0.5]}):
        assert_allclose(scm.root_mean_squared_error(Y, P, **kwargs),
                        skm.root_mean_squared_error(Y, P, **kwargs), rtol=TOL)
    _same_complaint("root_mean_squared_error", Y, P, multioutput="variance_weighted")
