"""Tests for roc_curve, roc_auc_score and auc, compared against sklearn.metrics."""

import warnings

import numpy as np
import pytest
import sklearn.metrics as skm
from numpy.testing import assert_allclose, assert_array_equal
from sklearn.datasets import load_breast_cancer, load_iris
from sklearn.naive_bayes import GaussianNB

import skratch.metrics as scm
from skratch.exceptions import UndefinedMetricWarning

TOL = 1e-12


def _breast_cancer():
    X, y = load_breast_cancer(return_X_y=True)
    X, y = X[::3, :4], y[::3]
    return y, GaussianNB().fit(X, y).predict_proba(X)[:, 1]


def _ties():
    # Scores rounded to one decimal: many ties, mixing both classes.
    rng = np.random.default_rng(0)
    y = rng.integers(2, size=200)
    return y, np.round(rng.random(200) * 0.5 + 0.3 * y, 1)


def _labels_pm1():
    y, s = _ties()
    return 2 * y - 1, s


def _all_tied():
    return np.array([0, 1, 0, 1, 1]), np.full(5, 0.5)


DATA = [_breast_cancer, _ties, _labels_pm1, _all_tied]


@pytest.mark.parametrize("data", DATA)
@pytest.mark.parametrize("drop_intermediate", [True, False])
def test_roc_curve_matches_sklearn(data, drop_intermediate):
    """Check fpr, tpr and thresholds against scikit-learn's (ties, {-1, 1} labels)."""
    y, s = data()
    w = np.random.default_rng(1).random(len(y))
    w[::7] = 0.0  # zero weights must not create thresholds
    for kwargs in ({}, {"sample_weight": w}):
        ours = scm.roc_curve(y, s, drop_intermediate=drop_intermediate, **kwargs)
        theirs = skm.roc_curve(y, s, drop_intermediate=drop_intermediate, **kwargs)
        for a, b in zip(ours, theirs):
            assert_allclose(a, b, rtol=TOL, atol=TOL)


def test_roc_curve_pos_label_and_strings_match_sklearn():
    """Check pos_label with string and multiclass labels."""
    y, s = _ties()
    names = np.array(["neg", "pos"])[y]
    for a, b in zip(scm.roc_curve(names, s, pos_label="pos"),
                    skm.roc_curve(names, s, pos_label="pos")):
        assert_allclose(a, b, rtol=TOL)
    three = y + (s > 0.5)
    for a, b in zip(scm.roc_curve(three, s, pos_label=2),
                    skm.roc_curve(three, s, pos_label=2)):
        assert_allclose(a, b, rtol=TOL)


@pytest.mark.parametrize("y_true, message", [([1, 1, 1], "No negative samples"),
                                             ([0, 0, 0], "No positive samples")])
def test_roc_curve_single_class_warns_like_sklearn(y_true, message):
    """Check that one class in y_true gives NaN rates and an UndefinedMetricWarning."""
    s = [0.1, 0.5, 0.7]
    with pytest.warns(UndefinedMetricWarning, match=message):
        ours = scm.roc_curve(y_true, s)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = skm.roc_curve(y_true, s)
    for a, b in zip(ours, theirs):
        assert_allclose(a, b, equal_nan=True)


@pytest.mark.parametrize(
    "y_true, kwargs, match",
    [
        (["a", "b", "a"], {}, r"y_true takes value in \{'a', 'b'\} and pos_label"),
        ([0, 1, 2], {}, "multiclass format is not supported"),
        ([0.5, 1.0, 0.2], {}, "continuous format is not supported"),
    ],
)
def test_roc_curve_rejects_invalid_labels(y_true, kwargs, match):
    """Check scikit-learn's errors for labels that need a pos_label or are not binary."""
    with pytest.raises(ValueError, match=match):
        scm.roc_curve(y_true, [0.1, 0.2, 0.3], **kwargs)


def test_roc_curve_rejects_nan_scores():
    """Check that NaN scores raise a ValueError."""
    with pytest.raises(ValueError, match="Input y_score contains NaN"):
        scm.roc_curve([0, 1], [0.1, np.nan])


@pytest.mark.parametrize("data", DATA)
@pytest.mark.parametrize("max_fpr", [None, 0.3, 1.0])
def test_roc_auc_score_binary_matches_sklearn(data, max_fpr):
    """Check the binary AUC (and partial AUC) against scikit-learn's."""
    y, s = data()
    w = np.random.default_rng(1).random(len(y))
    for kwargs in ({}, {"sample_weight": w}):
        assert_allclose(scm.roc_auc_score(y, s, max_fpr=max_fpr, **kwargs),
                        skm.roc_auc_score(y, s, max_fpr=max_fpr, **kwargs), rtol=TOL)


def test_roc_auc_score_single_class_warns_and_returns_nan():
    """Check that one class in y_true gives NaN with UndefinedMetricWarning (sklearn 1.9)."""
    with pytest.warns(UndefinedMetricWarning, match="Only one class is present"):
        assert np.isnan(scm.roc_auc_score([1, 1, 1], [0.2, 0.3, 0.4]))


def _iris_proba():
    X, y = load_iris(return_X_y=True)
    return y, GaussianNB().fit(X[:, :2], y).predict_proba(X[:, :2])


@pytest.mark.parametrize("multi_class", ["ovr", "ovo"])
@pytest.mark.parametrize("average", ["macro", "weighted", "micro", None])
def test_roc_auc_score_multiclass_matches_sklearn(multi_class, average):
    """Check one-vs-rest and one-vs-one multiclass AUCs against scikit-learn."""
    y, proba = _iris_proba()
    try:
        expected = skm.roc_auc_score(y, proba, multi_class=multi_class, average=average)
    except (ValueError, NotImplementedError) as exc:
        with pytest.raises(type(exc)):
            scm.roc_auc_score(y, proba, multi_class=multi_class, average=average)
        return
    assert_allclose(scm.roc_auc_score(y, proba, multi_class=multi_class,
                                      average=average), expected, rtol=TOL)
    if multi_class == "ovr":
        w = np.random.default_rng(1).random(len(y))
        assert_allclose(
            scm.roc_auc_score(y, proba, multi_class="ovr", average=average,
                              sample_weight=w),
            skm.roc_auc_score(y, proba, multi_class="ovr", average=average,
                              sample_weight=w), rtol=TOL)


@pytest.mark.parametrize(
    "kwargs, proba_fn, match",
    [
        ({}, None, r"multi_class must be in \('ovo', 'ovr'\)"),
        ({"multi_class": "ovr"}, lambda p: p * 2, "need to be probabilities"),
        ({"multi_class": "ovr"}, lambda p: p[:, :2] / p[:, :2].sum(1, keepdims=True),
         "Number of classes in y_true"),
        ({"multi_class": "ovr", "max_fpr": 0.5}, None, "Partial AUC computation"),
        ({"multi_class": "ovr", "labels": [2, 1, 0]}, None, "must be ordered"),
        ({"average": "mean"}, None, "The 'average' parameter of roc_auc_score"),
    ],
)
def test_roc_auc_score_multiclass_rejects_invalid_input(kwargs, proba_fn, match):
    """Check scikit-learn's errors for invalid multiclass AUC requests."""
    y, proba = _iris_proba()
    if proba_fn is not None:
        proba = proba_fn(proba)
    with pytest.raises(ValueError, match=match):
        scm.roc_auc_score(y, proba, **kwargs)


def test_auc_matches_sklearn_and_rejects_non_monotone_x():
    """Check auc for increasing and decreasing x, and its error for unordered x."""
    x, y = np.array([0.0, 0.2, 0.7, 1.0]), np.array([0.0, 0.5, 0.8, 1.0])
    assert_allclose(scm.auc(x, y), skm.auc(x, y), rtol=TOL)
    assert_allclose(scm.auc(x[::-1], y[::-1]), skm.auc(x[::-1], y[::-1]), rtol=TOL)
    with pytest.raises(ValueError, match="neither increasing nor decreasing"):
        scm.auc([0.0, 1.0, 0.5], [0.0, 1.0, 1.0])
    assert_array_equal(scm.roc_curve([0, 1], [0.2, 0.8])[2], [np.inf, 0.8, 0.2])


# Precision-recall curve and average precision ------------------------------


@pytest.mark.parametrize("data", DATA)
@pytest.mark.parametrize("drop_intermediate", [True, False])
def test_precision_recall_curve_matches_sklearn(data, drop_intermediate):
    """Check precision, recall and thresholds against scikit-learn's."""
    y, s = data()
    w = np.random.default_rng(1).random(len(y))
    w[::7] = 0.0  # zero weights must not create thresholds
    for kwargs in ({}, {"sample_weight": w}):
        ours = scm.precision_recall_curve(
            y, s, drop_intermediate=drop_intermediate, **kwargs)
        theirs = skm.precision_recall_curve(
            y, s, drop_intermediate=drop_intermediate, **kwargs)
        for a, b in zip(ours, theirs):
            assert a.shape == b.shape
            assert_allclose(a, b, rtol=TOL, atol=TOL)


@pytest.mark.parametrize("seed", range(5))
def test_precision_recall_curve_random_inputs_match_sklearn(seed):
    """Check random sizes, scores with ties, and integer weights."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(5, 400))
    y = rng.integers(2, size=n)
    s = np.round(rng.normal(size=n) + y, int(rng.integers(0, 3)))
    w = rng.integers(0, 4, size=n)
    for kwargs in ({}, {"sample_weight": w},
                   {"drop_intermediate": True, "sample_weight": w}):
        for a, b in zip(scm.precision_recall_curve(y, s, **kwargs),
                        skm.precision_recall_curve(y, s, **kwargs)):
            assert_allclose(a, b, rtol=TOL, atol=TOL)
        assert_allclose(
            scm.average_precision_score(
                y, s, sample_weight=kwargs.get("sample_weight")),
            skm.average_precision_score(
                y, s, sample_weight=kwargs.get("sample_weight")),
            rtol=TOL, atol=TOL)


def test_precision_recall_curve_pos_label_and_strings_match_sklearn():
    """Check pos_label with string labels and with the 0 class as positive."""
    y, s = _ties()
    names = np.array(["neg", "pos"])[y]
    for pos_label, labels in (("pos", names), ("neg", names), (0, y)):
        for a, b in zip(
                scm.precision_recall_curve(labels, s, pos_label=pos_label),
                skm.precision_recall_curve(labels, s, pos_label=pos_label)):
            assert_allclose(a, b, rtol=TOL)
        assert_allclose(
            scm.average_precision_score(labels, s, pos_label=pos_label),
            skm.average_precision_score(labels, s, pos_label=pos_label),
            rtol=TOL)


def test_precision_recall_curve_no_positive_warns_like_sklearn():
    """Check that no positive in y_true gives recall 1 and the same warning."""
    y, s = [0, 0, 0], [0.1, 0.5, 0.7]
    with pytest.warns(UserWarning, match="No positive class found in y_true"):
        ours = scm.precision_recall_curve(y, s)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = skm.precision_recall_curve(y, s)
        expected_ap = skm.average_precision_score(y, s)
    for a, b in zip(ours, theirs):
        assert_allclose(a, b)
    with pytest.warns(UserWarning, match="No positive class found"):
        assert scm.average_precision_score(y, s) == expected_ap == 0.0


def test_precision_recall_curve_all_positive_and_perfect_ranking():
    """Check one-class-positive and perfectly separated scores."""
    for y, s in (([1, 1, 1], [0.2, 0.2, 0.9]), ([0, 0, 1, 1], [1, 2, 3, 4])):
        for a, b in zip(scm.precision_recall_curve(y, s),
                        skm.precision_recall_curve(y, s)):
            assert_allclose(a, b, rtol=TOL)
        assert scm.average_precision_score(y, s) == 1.0


@pytest.mark.parametrize(
    "y_true, y_score, kwargs, match",
    [
        (["a", "b", "a"], [0.1, 0.2, 0.3], {},
         r"y_true takes value in \{'a', 'b'\} and pos_label"),
        ([0, 1, 2], [0.1, 0.2, 0.3], {}, "multiclass format is not supported"),
        ([0, 1], [0.1, np.nan], {}, "Input y_score contains NaN"),
        ([0, 1, 1], [0.1, 0.2], {}, "inconsistent numbers of samples"),
        ([0, 1], [0.1, 0.2], {"drop_intermediate": "yes"},
         "'drop_intermediate' parameter of precision_recall_curve"),
    ],
)
def test_precision_recall_curve_rejects_invalid_input(y_true, y_score,
                                                      kwargs, match):
    """Check the errors for bad labels, NaN scores and mismatched lengths."""
    with pytest.raises(ValueError, match=match):
        scm.precision_recall_curve(y_true, y_score, **kwargs)


@pytest.mark.parametrize("data", DATA)
def test_average_precision_score_binary_matches_sklearn(data):
    """Check the binary average precision, weighted or not."""
    y, s = data()
    w = np.random.default_rng(1).random(len(y))
    for kwargs in ({}, {"sample_weight": w}):
        assert_allclose(scm.average_precision_score(y, s, **kwargs),
                        skm.average_precision_score(y, s, **kwargs),
                        rtol=TOL)


@pytest.mark.parametrize("average", ["macro", "weighted", "micro", None])
def test_average_precision_score_multiclass_matches_sklearn(average):
    """Check one-vs-rest average precision on iris, weighted or not."""
    y, proba = _iris_proba()
    w = np.random.default_rng(1).random(len(y))
    for kwargs in ({}, {"sample_weight": w}):
        assert_allclose(
            scm.average_precision_score(y, proba, average=average, **kwargs),
            skm.average_precision_score(y, proba, average=average, **kwargs),
            rtol=TOL)


@pytest.mark.filterwarnings("ignore:No positive class found")
@pytest.mark.parametrize("average",
                         ["macro", "weighted", "micro", "samples", None])
def test_average_precision_score_multilabel_matches_sklearn(average):
    """Check a multilabel indicator matrix with every average."""
    rng = np.random.default_rng(0)
    Y = rng.integers(2, size=(60, 3))
    Y[0] = 1  # every row and column holds a positive
    S = np.round(rng.random((60, 3)) + 0.5 * Y, 1)
    w = rng.random(60)
    for kwargs in ({}, {"sample_weight": w}):
        assert_allclose(
            scm.average_precision_score(Y, S, average=average, **kwargs),
            skm.average_precision_score(Y, S, average=average, **kwargs),
            rtol=TOL)


@pytest.mark.parametrize(
    "y_true, y_score, kwargs, match",
    [
        ([0, 1, 1], [0.1, 0.2, 0.3], {"pos_label": 2},
         r"pos_label=2 is not a valid label. It should be one of \[0 1\]"),
        ([0, 1, 2], [[0.2, 0.3, 0.5]] * 3, {"pos_label": 2},
         "pos_label is fixed to 1 for multiclass"),
        ([[0, 1], [1, 0]], [[0.2, 0.8], [0.4, 0.6]], {"pos_label": 0},
         "pos_label is fixed to 1 for multilabel-indicator"),
        ([0, 1, 2], [0.2, 0.3, 0.5], {}, r"Got `y_score.shape=\(3, 1\)`"),
        ([0.5, 1.5, 0.2], [0.2, 0.3, 0.5], {},
         "continuous format is not supported"),
        ([0, 1], [0.2, np.nan], {}, "Input y_score contains NaN"),
        ([0, 1, 1], [0.2, 0.3], {}, "inconsistent numbers of samples"),
        ([0, 1], [0.2, 0.3], {"average": "mean"},
         "'average' parameter of average_precision_score"),
    ],
)
def test_average_precision_score_rejects_invalid_input(y_true, y_score,
                                                       kwargs, match):
    """Check scikit-learn's errors for bad pos_label, shapes and NaN."""
    with pytest.raises(ValueError, match=match):
        scm.average_precision_score(y_true, y_score, **kwargs)
