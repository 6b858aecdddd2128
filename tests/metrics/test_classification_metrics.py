"""Tests for the classification metrics, compared against sklearn.metrics."""

import warnings

import numpy as np
import pytest
import sklearn.metrics as skm
from numpy.testing import assert_allclose, assert_array_equal
from sklearn.exceptions import UndefinedMetricWarning as SklearnUndefinedMetricWarning

import skratch.metrics as scm
from skratch.exceptions import UndefinedMetricWarning

TOL = 1e-12  # the tolerance; both sides divide the same integer counts


def _labels(kind, n=120, seed=0):
    rng = np.random.default_rng(seed)
    if kind == "binary":
        y_true = rng.integers(2, size=n)
        y_pred = np.where(rng.random(n) < 0.7, y_true, 1 - y_true)
    elif kind == "multiclass":
        y_true = rng.integers(4, size=n)
        y_pred = np.where(rng.random(n) < 0.5, y_true, rng.integers(4, size=n))
    elif kind == "strings":
        names = np.array(["ant", "bee", "cat"])
        y_true = names[rng.integers(3, size=n)]
        y_pred = np.where(rng.random(n) < 0.5, y_true, names[rng.integers(3, size=n)])
    elif kind == "never_predicted":  # class 2 is never predicted
        y_true = rng.integers(3, size=n)
        y_pred = np.where(y_true == 2, 0, y_true)
    elif kind == "single_class_true":  # y_true holds only class 1
        y_true = np.ones(n, dtype=int)
        y_pred = rng.integers(2, size=n)
    elif kind == "iris_like":
        from sklearn.datasets import load_iris
        from sklearn.naive_bayes import GaussianNB

        X, y_true = load_iris(return_X_y=True)
        y_pred = GaussianNB().fit(X[:, :2], y_true).predict(X[:, :2])
    return y_true, y_pred


KINDS = ["binary", "multiclass", "strings", "never_predicted", "single_class_true",
         "iris_like"]


def _both(ours, theirs, *args, **kwargs):
    """Run both functions; return (ours, theirs, our warnings, their warnings)."""
    with warnings.catch_warnings(record=True) as our_warnings:
        warnings.simplefilter("always")
        a = ours(*args, **kwargs)
    with warnings.catch_warnings(record=True) as their_warnings:
        warnings.simplefilter("always")
        b = theirs(*args, **kwargs)
    return a, b, our_warnings, their_warnings


def _same_warnings(ours, theirs):
    mapping = {SklearnUndefinedMetricWarning: UndefinedMetricWarning}
    theirs = [(mapping.get(w.category, w.category), str(w.message)) for w in theirs
              if not issubclass(w.category, (DeprecationWarning, FutureWarning))]
    ours = [(w.category, str(w.message)) for w in ours]
    assert ours == theirs


@pytest.mark.parametrize("kind", KINDS)
def test_accuracy_score_matches_sklearn(kind):
    """Check that accuracy_score equals scikit-learn's, normalised, counted, weighted."""
    y_true, y_pred = _labels(kind)
    w = np.random.default_rng(1).random(len(y_true))
    for kwargs in ({}, {"normalize": False}, {"sample_weight": w}):
        assert_allclose(scm.accuracy_score(y_true, y_pred, **kwargs),
                        skm.accuracy_score(y_true, y_pred, **kwargs), rtol=TOL)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("normalize", [None, "true", "pred", "all"])
def test_confusion_matrix_matches_sklearn(kind, normalize):
    """Check that confusion_matrix equals scikit-learn's, with and without weights."""
    y_true, y_pred = _labels(kind)
    w = np.random.default_rng(1).random(len(y_true))
    for kwargs in ({}, {"sample_weight": w}):
        ours = scm.confusion_matrix(y_true, y_pred, normalize=normalize, **kwargs)
        theirs = skm.confusion_matrix(y_true, y_pred, normalize=normalize, **kwargs)
        assert ours.dtype.kind == theirs.dtype.kind
        assert_allclose(ours, theirs, rtol=TOL, atol=TOL)


def test_confusion_matrix_labels_order_and_subset():
    """Check that labels reorders and restricts the matrix as in scikit-learn."""
    y_true, y_pred = _labels("multiclass")
    for labels in ([3, 1, 0, 2], [2, 0], [0, 5, 1]):
        assert_array_equal(scm.confusion_matrix(y_true, y_pred, labels=labels),
                           skm.confusion_matrix(y_true, y_pred, labels=labels))


def test_confusion_matrix_single_label_warns():
    """Check that a single label gives a 1x1 matrix and scikit-learn's warning."""
    a, b, wa, wb = _both(scm.confusion_matrix, skm.confusion_matrix, [1, 1], [1, 1])
    assert_array_equal(a, b)
    _same_warnings(wa, wb)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("average", ["binary", "macro", "weighted", "micro", None])
@pytest.mark.parametrize("name", ["precision_score", "recall_score", "f1_score"])
def test_prf_matches_sklearn(kind, average, name):
    """Check precision/recall/F1 values and warnings against scikit-learn's."""
    y_true, y_pred = _labels(kind)
    kwargs = {"average": average}
    if kind == "strings" and average == "binary":
        kwargs["pos_label"] = "bee"
    ours_fn, theirs_fn = getattr(scm, name), getattr(skm, name)
    try:
        expected = _both(theirs_fn, theirs_fn, y_true, y_pred, **kwargs)
    except ValueError as exc:  # e.g. average="binary" on a multiclass target
        with pytest.raises(ValueError, match=str(exc)[:40].replace("[", r"\[")):
            ours_fn(y_true, y_pred, **kwargs)
        return
    a, b, wa, wb = _both(ours_fn, theirs_fn, y_true, y_pred, **kwargs)
    assert_allclose(a, b, rtol=TOL, atol=TOL)
    _same_warnings(wa, wb)
    del expected


@pytest.mark.parametrize("zero_division", [0, 1, np.nan, 0.0, 1.0])
@pytest.mark.parametrize("average", ["macro", "weighted", "micro", None, "binary"])
@pytest.mark.parametrize("name", ["precision_score", "recall_score", "f1_score"])
def test_prf_zero_division_matches_sklearn(zero_division, average, name):
    """Check that zero_division sets undefined ratios as scikit-learn does, silently."""
    y_true, y_pred = np.array([0, 0, 1, 1, 2, 2]), np.array([0, 0, 0, 1, 1, 1])
    if average == "binary":
        y_true, y_pred = np.array([0, 0, 0, 0]), np.array([0, 0, 0, 0])
    a, b, wa, wb = _both(getattr(scm, name), getattr(skm, name), y_true, y_pred,
                         average=average, zero_division=zero_division)
    assert_allclose(a, b, rtol=TOL, atol=TOL, equal_nan=True)
    assert wa == [] and wb == []


@pytest.mark.parametrize("name", ["precision_score", "recall_score", "f1_score"])
def test_prf_labels_and_sample_weight_match_sklearn(name):
    """Check labels (subset, unseen label) and sample_weight against scikit-learn."""
    y_true, y_pred = _labels("multiclass")
    w = np.random.default_rng(2).random(len(y_true))
    for kwargs in ({"labels": [2, 0], "average": "macro"},
                   {"labels": [0, 1, 7], "average": None},
                   {"sample_weight": w, "average": "weighted"},
                   {"sample_weight": w, "average": "micro"}):
        a, b, wa, wb = _both(getattr(scm, name), getattr(skm, name), y_true, y_pred,
                             **kwargs)
        assert_allclose(a, b, rtol=TOL, atol=TOL)
        _same_warnings(wa, wb)


def test_prf_pos_label_ignored_warning_matches_sklearn():
    """Check the warning when pos_label is set but average is not 'binary'."""
    y_true, y_pred = _labels("binary")
    a, b, wa, wb = _both(scm.f1_score, skm.f1_score, y_true, y_pred, pos_label=0,
                         average="macro")
    assert_allclose(a, b, rtol=TOL)
    _same_warnings(wa, wb)


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"average": "binary"}, "Target is multiclass but average='binary'"),
        ({"average": "samples"}, "Samplewise metrics are not available"),
        ({"average": "mean"}, "The 'average' parameter of f1_score must be"),
        ({"zero_division": 2}, "The 'zero_division' parameter of f1_score must be"),
    ],
)
def test_f1_score_rejects_invalid_arguments(kwargs, match):
    """Check that bad average/zero_division values raise a clear ValueError."""
    y_true, y_pred = _labels("multiclass")
    with pytest.raises(ValueError, match=match):
        scm.f1_score(y_true, y_pred, **kwargs)


@pytest.mark.parametrize(
    "y_true, y_pred, match",
    [
        ([0, 1, 1], [0, 1], r"inconsistent numbers of samples: \[3, 2\]"),
        ([0.5, 1.0], [0, 1], "mix of continuous and binary targets"),
        ([0.5, 1.5], [0.5, 1.5], "continuous is not supported"),
        (["a", "b"], [0, 1], r"Mix of label input types \(string and number\)"),
        ([[0, 1], [1, 0]], [[0, 1], [1, 0]], "multilabel-indicator is not supported"),
        ([0.0, np.nan], [0, 1], "Input y_true contains NaN"),
        (["a", "b", "a"], ["a", "b", "b"], "pos_label=1 is not a valid label"),
    ],
)
def test_f1_score_rejects_invalid_targets(y_true, y_pred, match):
    """Check that invalid targets raise a ValueError naming the problem."""
    with pytest.raises(ValueError, match=match):
        scm.f1_score(y_true, y_pred)
    with pytest.raises(ValueError):
        skm.f1_score(y_true, y_pred)


def test_confusion_matrix_rejects_labels_not_in_y_true():
    """Check scikit-learn's errors for empty labels and labels absent from y_true."""
    with pytest.raises(ValueError, match="at least one label"):
        scm.confusion_matrix([0, 1], [0, 1], labels=[])
    with pytest.raises(ValueError, match="At least one label specified must be"):
        scm.confusion_matrix([0, 1], [0, 1], labels=[5])


# Log loss ------------------------------------------------------------------------


def _probabilities(n_classes, n=100, seed=0):
    rng = np.random.default_rng(seed)
    y_true = rng.integers(n_classes, size=n)
    logits = rng.normal(size=(n, n_classes)) + 2 * np.eye(n_classes)[y_true]
    proba = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    return y_true, proba


@pytest.mark.parametrize("n_classes", [2, 3, 5])
@pytest.mark.parametrize("normalize", [True, False])
def test_log_loss_matches_sklearn(n_classes, normalize):
    """Check that log_loss equals scikit-learn's, weighted or not."""
    y_true, proba = _probabilities(n_classes)
    w = np.random.default_rng(1).random(len(y_true))
    for kwargs in ({}, {"sample_weight": w}):
        assert_allclose(scm.log_loss(y_true, proba, normalize=normalize, **kwargs),
                        skm.log_loss(y_true, proba, normalize=normalize, **kwargs),
                        rtol=TOL)
    if n_classes == 2:  # 1-D: probability of the positive class
        assert_allclose(scm.log_loss(y_true, proba[:, 1]),
                        skm.log_loss(y_true, proba[:, 1]), rtol=TOL)


def test_log_loss_clips_like_sklearn():
    """Check that certain wrong predictions are clipped to eps, in float64 and 32."""
    y_true = [0, 1, 1]
    for dtype in (np.float64, np.float32):
        proba = np.array([[0.0, 1.0], [1.0, 0.0], [0.5, 0.5]], dtype=dtype)
        assert_allclose(scm.log_loss(y_true, proba), skm.log_loss(y_true, proba),
                        rtol=1e-6 if dtype == np.float32 else TOL)


def test_log_loss_labels_and_string_classes_match_sklearn():
    """Check labels= for a class missing from y_true, and string labels."""
    _, proba = _probabilities(3)
    y_true = np.array(["a", "c"] * 50)
    assert_allclose(scm.log_loss(y_true, proba, labels=["a", "b", "c"]),
                    skm.log_loss(y_true, proba, labels=["a", "b", "c"]), rtol=TOL)


@pytest.mark.parametrize(
    "y_true, proba, kwargs, match",
    [
        ([0, 1], [[0.5, 0.6], [0.2, 1.2]], {}, "greater than 1"),
        ([0, 1], [[0.5, 0.5], [-0.2, 1.2]], {}, "greater than 1"),
        ([0, 1], [[1.5, -0.5], [0.5, 0.5]], {}, "greater than 1"),
        ([0, 0], [0.2, 0.3], {}, r"y_true contains only one label \(0\)"),
        ([0, 1, 2], [0.2, 0.3, 0.1], {}, "different number of classes: 3 vs 2"),
        ([0, 1, 3], [[0.5, 0.5]] * 3, {"labels": [0, 1]}, "not belonging to"),
        ([0, 1], [0.2, 0.3, 0.4], {}, r"inconsistent numbers of samples"),
        ([0, 1], [0.2, np.nan], {}, "Input y_proba contains NaN"),
    ],
)
def test_log_loss_rejects_invalid_input(y_true, proba, kwargs, match):
    """Check that invalid probabilities or labels raise a clear ValueError."""
    with pytest.raises(ValueError, match=match):
        scm.log_loss(y_true, proba, **kwargs)


def test_log_loss_warns_when_rows_do_not_sum_to_one():
    """Check scikit-learn's warning for rows that are not probabilities."""
    with pytest.warns(UserWarning, match="do not sum to one"):
        scm.log_loss([0, 1], [[0.5, 0.4], [0.2, 0.8]])


# F-beta ------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("average",
                         ["binary", "macro", "weighted", "micro", None])
@pytest.mark.parametrize("beta", [0.0, 0.5, 1.0, 2.0, np.inf])
def test_fbeta_score_matches_sklearn(kind, average, beta):
    """Check F-beta values and warnings against scikit-learn's, every beta."""
    y_true, y_pred = _labels(kind)
    kwargs = {"average": average, "beta": beta}
    if kind == "strings" and average == "binary":
        kwargs["pos_label"] = "bee"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            skm.fbeta_score(y_true, y_pred, **kwargs)
    except ValueError as exc:
        with pytest.raises(ValueError,
                           match=str(exc)[:40].replace("[", r"\[")):
            scm.fbeta_score(y_true, y_pred, **kwargs)
        return
    a, b, wa, wb = _both(scm.fbeta_score, skm.fbeta_score, y_true, y_pred,
                         **kwargs)
    assert_allclose(a, b, rtol=TOL, atol=TOL)
    _same_warnings(wa, wb)


@pytest.mark.parametrize("seed", range(5))
def test_fbeta_score_random_weighted_inputs_match_sklearn(seed):
    """Check random labels, random beta and sample weights."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(10, 300))
    y_true = rng.integers(3, size=n)
    y_pred = np.where(rng.random(n) < 0.6, y_true, rng.integers(3, size=n))
    w, beta = rng.random(n), float(rng.uniform(0.1, 4))
    for average in ("macro", "weighted", "micro", None):
        a, b, _, _ = _both(scm.fbeta_score, skm.fbeta_score, y_true, y_pred,
                           beta=beta, average=average, sample_weight=w)
        assert_allclose(a, b, rtol=TOL, atol=TOL)


@pytest.mark.parametrize("zero_division", [0, 1, np.nan])
@pytest.mark.parametrize("average", ["macro", "weighted", "micro", None])
def test_fbeta_score_zero_division_matches_sklearn(zero_division, average):
    """Check undefined F-beta (class never true nor predicted) is set alike."""
    y_true, y_pred = np.array([0, 0, 1, 1]), np.array([0, 0, 0, 1])
    a, b, wa, wb = _both(scm.fbeta_score, skm.fbeta_score, y_true, y_pred,
                         beta=2, labels=[0, 1, 2], average=average,
                         zero_division=zero_division)
    assert_allclose(a, b, rtol=TOL, atol=TOL, equal_nan=True)
    assert wa == [] and wb == []


def test_f1_score_is_fbeta_score_with_beta_one():
    """Check that f1_score and fbeta_score(beta=1) give the same numbers."""
    y_true, y_pred = _labels("multiclass")
    for average in ("macro", "weighted", "micro", None):
        assert_array_equal(
            scm.f1_score(y_true, y_pred, average=average),
            scm.fbeta_score(y_true, y_pred, beta=1, average=average))


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"beta": -1}, (r"The 'beta' parameter of fbeta_score must be a "
                        r"float in the range \[0.0, inf\]. Got -1 instead")),
        ({"beta": "2"}, "The 'beta' parameter of fbeta_score"),
        ({"beta": 1, "average": "mean"}, "'average' parameter of fbeta_score"),
        ({"beta": 1, "zero_division": 5}, "'zero_division' parameter of fb"),
        ({"beta": 1, "pos_label": 3}, r"pos_label=3 is not a valid label"),
    ],
)
def test_fbeta_score_rejects_invalid_arguments(kwargs, match):
    """Check clear errors for a negative beta, bad average, bad pos_label."""
    y_true, y_pred = _labels("binary")
    with pytest.raises(ValueError, match=match):
        scm.fbeta_score(y_true, y_pred, **kwargs)


def test_fbeta_score_requires_beta():
    """Check that beta is keyword-only and required, as in scikit-learn."""
    with pytest.raises(TypeError, match="beta"):
        scm.fbeta_score([0, 1], [0, 1])


# Balanced accuracy --------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("adjusted", [False, True])
def test_balanced_accuracy_score_matches_sklearn(kind, adjusted):
    """Check balanced accuracy (plain, adjusted, weighted) and warnings."""
    y_true, y_pred = _labels(kind)
    w = np.random.default_rng(1).random(len(y_true))
    for kwargs in ({}, {"sample_weight": w}):
        a, b, wa, wb = _both(scm.balanced_accuracy_score,
                             skm.balanced_accuracy_score, y_true, y_pred,
                             adjusted=adjusted, **kwargs)
        assert_allclose(a, b, rtol=TOL, atol=TOL)
        _same_warnings(wa, wb)


def test_balanced_accuracy_score_edge_cases_match_sklearn():
    """Check the majority-class model, one class, and a class never true."""
    y_true = np.array([0] * 95 + [1] * 5)
    cases = [(y_true, np.zeros(100, dtype=int)),  # always "negative"
             (np.ones(4, dtype=int), np.ones(4, dtype=int)),
             (np.array([0, 0, 1, 1]), np.array([0, 2, 1, 1]))]
    for yt, yp in cases:
        for adjusted in (False, True):
            a, b, wa, wb = _both(scm.balanced_accuracy_score,
                                 skm.balanced_accuracy_score, yt, yp,
                                 adjusted=adjusted)
            assert_allclose(a, b, rtol=TOL, atol=TOL, equal_nan=True)
            _same_warnings(wa, wb)
    assert scm.balanced_accuracy_score(*cases[0]) == 0.5
    assert scm.balanced_accuracy_score(*cases[0], adjusted=True) == 0.0


@pytest.mark.parametrize(
    "y_true, y_pred, kwargs, match",
    [
        ([0, 1, 1], [0, 1], {}, "inconsistent numbers of samples"),
        ([0.0, np.nan], [0, 1], {}, "Input y_true contains NaN"),
        ([0.5, 1.5], [0.5, 1.5], {}, "continuous is not supported"),
        ([0, 1], [0, 1], {"adjusted": "yes"},
         "'adjusted' parameter of balanced_accuracy_score"),
    ],
)
def test_balanced_accuracy_score_rejects_invalid_input(y_true, y_pred,
                                                       kwargs, match):
    """Check clear errors for mismatched lengths, NaN and bad arguments."""
    with pytest.raises(ValueError, match=match):
        scm.balanced_accuracy_score(y_true, y_pred, **kwargs)


# Classification report ------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("digits", [2, 4])
def test_classification_report_text_and_dict_match_sklearn(kind, digits):
    """Check the text is identical and the dict equal, warnings included."""
    y_true, y_pred = _labels(kind)
    a, b, wa, wb = _both(scm.classification_report,
                         skm.classification_report, y_true, y_pred,
                         digits=digits)
    assert a == b
    _same_warnings(wa, wb)
    a, b, _, _ = _both(scm.classification_report, skm.classification_report,
                       y_true, y_pred, output_dict=True)
    assert a.keys() == b.keys()
    for key in b:
        if isinstance(b[key], dict):
            assert a[key].keys() == b[key].keys()
            for metric in b[key]:
                assert_allclose(a[key][metric], b[key][metric], rtol=TOL)
                assert type(a[key][metric]) is type(b[key][metric])
        else:
            assert_allclose(a[key], b[key], rtol=TOL)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"labels": [1, 2, 3]},  # a subset and an unseen label: "micro avg"
        {"labels": [2, 0, 1, 3]},  # every label, in another order
        {"target_names": ["zero", "one", "a long class name", "three"]},
        {"sample_weight": np.random.default_rng(3).random(120)},
        {"zero_division": 0.0, "labels": [0, 1, 2, 3, 9]},
        {"zero_division": np.nan, "labels": [0, 9], "output_dict": True},
        {"zero_division": 1.0, "labels": [0, 9], "digits": 0},
    ],
)
def test_classification_report_options_match_sklearn(kwargs):
    """Check labels, target_names, weights, digits and zero_division."""
    y_true, y_pred = _labels("multiclass")
    a, b, wa, wb = _both(scm.classification_report,
                         skm.classification_report, y_true, y_pred,
                         **kwargs)
    if kwargs.get("output_dict"):
        assert a.keys() == b.keys()
        for key in b:
            assert_allclose(list(a[key].values()), list(b[key].values()),
                            rtol=TOL, equal_nan=True)
    else:
        assert a == b
    _same_warnings(wa, wb)


def test_classification_report_small_example_is_sklearns():
    """Check the text against scikit-learn's docstring example, string labels."""
    y_true = ["cat", "dog", "cat", "cat", "bird", "dog"]
    y_pred = ["cat", "cat", "cat", "dog", "bird", "dog"]
    assert (scm.classification_report(y_true, y_pred)
            == skm.classification_report(y_true, y_pred))
    assert (scm.classification_report(y_true, y_pred, output_dict=True)
            == skm.classification_report(y_true, y_pred, output_dict=True))


def test_classification_report_target_names_mismatch():
    """Check the error (labels not given) and warning (labels given)."""
    y_true, y_pred = _labels("binary")
    with pytest.raises(ValueError,
                       match="Number of classes, 2, does not match size of "
                             "target_names, 3"):
        scm.classification_report(y_true, y_pred, target_names=["a", "b",
                                                                "c"])
    a, b, wa, wb = _both(scm.classification_report,
                         skm.classification_report, y_true, y_pred,
                         labels=[0, 1, 2], target_names=["a", "b"])
    assert a == b
    _same_warnings(wa, wb)


@pytest.mark.parametrize(
    "y_true, y_pred, kwargs, match",
    [
        ([0, 1, 1], [0, 1], {}, "inconsistent numbers of samples"),
        ([0.0, np.nan], [0, 1], {}, "Input y_true contains NaN"),
        ([0, 1], [0, 1], {"digits": -1},
         "'digits' parameter of classification_report"),
        ([0, 1], [0, 1], {"zero_division": 3},
         "'zero_division' parameter of classification_report"),
        ([0, 1], [0, 1], {"output_dict": 1},
         "'output_dict' parameter of classification_report"),
    ],
)
def test_classification_report_rejects_invalid_input(y_true, y_pred, kwargs,
                                                     match):
    """Check clear errors for lengths, NaN, digits and zero_division."""
    with pytest.raises(ValueError, match=match):
        scm.classification_report(y_true, y_pred, **kwargs)


# --- hinge_loss -----------------------------------------------------------------------


def _hinge_cases():
    rng = np.random.default_rng(0)
    n = 50
    scores_1d = rng.normal(size=n)
    yield "binary -1/1", np.where(rng.random(n) < 0.5, -1, 1), scores_1d
    yield "binary strings", rng.choice(["ham", "spam"], size=n), scores_1d
    yield "binary 0/1 column", rng.integers(2, size=n), scores_1d[:, None]
    yield "one label", np.full(n, 3), scores_1d
    yield "multiclass", rng.integers(4, size=n), rng.normal(size=(n, 4))
    yield "multiclass strings", rng.choice(list("abc"), size=n), rng.normal(size=(n, 3))


HINGE_CASES = {name: (y, s) for name, y, s in _hinge_cases()}


@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("case", HINGE_CASES)
def test_hinge_loss_matches_sklearn(case, weighted):
    """Check that hinge_loss equals scikit-learn's to 1e-12, binary and Crammer-Singer."""
    y_true, scores = HINGE_CASES[case]
    weights = np.random.default_rng(1).uniform(0, 2, len(y_true)) if weighted else None
    ours = scm.hinge_loss(y_true, scores, sample_weight=weights)
    theirs = skm.hinge_loss(y_true, scores, sample_weight=weights)
    assert isinstance(ours, float)
    assert_allclose(ours, theirs, rtol=1e-12, atol=1e-12)


def test_hinge_loss_labels_match_sklearn():
    """Check that labels= lets y_true miss a class, as in scikit-learn, to 1e-12."""
    rng = np.random.default_rng(2)
    y_true = rng.integers(3, size=30)  # classes 0, 1, 2 of 0..3
    scores = rng.normal(size=(30, 4))
    labels = [0, 1, 2, 3]
    ours = scm.hinge_loss(y_true, scores, labels=labels)
    theirs = skm.hinge_loss(y_true, scores, labels=labels)
    assert_allclose(ours, theirs, rtol=1e-12)


def test_hinge_loss_by_hand():
    """Check two small cases by hand: mean of max(0, 1 - margin)."""
    # margins 2, 0.4, 1.5 -> losses 0, 0.6, 0 -> mean 0.2
    assert_allclose(scm.hinge_loss([-1, 1, 1], [-2.0, 0.4, 1.5]), 0.2, rtol=1e-12)
    # true scores 2 and 0.5, best others 1.5 and 1.0 -> losses 0.5 and 1.5
    scores = [[2.0, 1.5, 0.0], [0.0, 1.0, 0.5]]
    assert_allclose(scm.hinge_loss([0, 2], scores, labels=[0, 1, 2]), 1.0)


@pytest.mark.parametrize(
    "y_true, scores, kwargs, match",
    [
        ([0, 1, 2], [0.5, 0.1, 0.2], {}, "cannot be 1d array"),
        ([0, 1, 2], np.zeros((3, 2)), {}, "include all labels"),
        ([0, 1, 2], np.zeros((3, 2)), {"labels": [0, 1, 2]}, "not consistent"),
        ([0, 1, 5], np.zeros((3, 3)), {"labels": [0, 1, 2]}, "unseen labels"),
        ([0, 1, 1], [0.5, 0.1], {}, "inconsistent numbers of samples"),
    ],
)
def test_hinge_loss_rejects_invalid_input(y_true, scores, kwargs, match):
    """Check that bad shapes and labels raise a ValueError naming the problem."""
    with pytest.raises(ValueError, match=match):
        scm.hinge_loss(y_true, scores, **kwargs)
