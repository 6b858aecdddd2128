"""Tests for LogisticRegression, compared against sklearn.linear_model.LogisticRegression."""

import numpy as np
import pytest
from numpy.testing import assert_allclose
from sklearn.datasets import load_breast_cancer, load_digits, load_iris, load_wine
from sklearn.linear_model import LogisticRegression as SklearnLogisticRegression

from skratch.exceptions import ConvergenceWarning, NotFittedError
from skratch.linear_model import LogisticRegression

# Both minimise the same smooth convex objective with L-BFGS run to tol=1e-10; each
# stops when the objective no longer decreases by more than 64 machine epsilons, which
# leaves the coefficients about 1e-6 (relative to the largest) from the optimum.
COEF_RTOL = 1e-4  # relative to the largest coefficient
OBJECTIVE_RTOL = 1e-6
TIGHT = dict(tol=1e-10, max_iter=10_000)


def _standardise(X):
    return (X - X.mean(axis=0)) / np.where(X.std(axis=0) > 0, X.std(axis=0), 1.0)


def _breast_cancer():
    X, y = load_breast_cancer(return_X_y=True)
    return _standardise(X), y


def _iris():
    return load_iris(return_X_y=True)


def _wine():
    X, y = load_wine(return_X_y=True)
    return _standardise(X), y


def _digits():
    X, y = load_digits(return_X_y=True)
    return _standardise(X[:400]), y[:400]


def _generated():
    # Overlapping Gaussian blobs with string labels, features on different scales.
    rng = np.random.default_rng(0)
    y = rng.integers(3, size=200)
    X = rng.normal(size=(200, 5)) + rng.normal(scale=2.0, size=(3, 5))[y]
    return X * [1.0, 0.5, 2.0, 1.0, 0.2], np.array(["cat", "dog", "fish"])[y]


def _generated_binary():
    X, y = _generated()
    return X, y == "dog"


DATASETS = {
    "breast_cancer": _breast_cancer,
    "iris": _iris,
    "wine": _wine,
    "digits": _digits,
    "generated": _generated,
    "generated_binary": _generated_binary,
}


def _objective(clf, X, y, C):
    # scikit-learn's objective: C * sum of log-losses + 0.5 ||W||^2 (intercepts free).
    log_proba = clf.predict_log_proba(X)
    index = np.searchsorted(clf.classes_, y)
    penalty = 0.0 if np.isinf(C) else 0.5 * np.sum(clf.coef_**2)
    scale = 1.0 if np.isinf(C) else C
    return -scale * np.sum(log_proba[np.arange(len(y)), index]) + penalty


def _assert_close_to_largest(actual, desired, rtol):
    assert_allclose(actual, desired, rtol=rtol, atol=rtol * np.max(np.abs(desired)))


@pytest.mark.parametrize("fit_intercept", [True, False])
@pytest.mark.parametrize("C", [0.1, 1.0, 10.0])
@pytest.mark.parametrize("dataset", DATASETS)
def test_logistic_regression_matches_sklearn(dataset, C, fit_intercept):
    """Check that coef_, intercept_ and the objective equal scikit-learn's optimum."""
    X, y = DATASETS[dataset]()
    ours = LogisticRegression(C=C, fit_intercept=fit_intercept, **TIGHT).fit(X, y)
    theirs = SklearnLogisticRegression(C=C, fit_intercept=fit_intercept, **TIGHT).fit(
        X, y
    )

    assert ours.coef_.shape == theirs.coef_.shape
    assert ours.intercept_.shape == theirs.intercept_.shape
    assert_allclose(ours.classes_, theirs.classes_) if ours.classes_.dtype.kind != "U" \
        else np.testing.assert_array_equal(ours.classes_, theirs.classes_)
    _assert_close_to_largest(
        np.column_stack([ours.coef_, ours.intercept_]),
        np.column_stack([theirs.coef_, theirs.intercept_]),
        COEF_RTOL,
    )
    assert_allclose(
        _objective(ours, X, y, C), _objective(theirs, X, y, C), rtol=OBJECTIVE_RTOL
    )
    assert_allclose(ours.predict_proba(X), theirs.predict_proba(X), atol=1e-4)
    assert np.mean(ours.predict(X) == theirs.predict(X)) > 0.99


@pytest.mark.parametrize("dataset", ["generated", "generated_binary"])
def test_logistic_regression_no_penalty_matches_sklearn(dataset):
    """Check that penalty=None and C=inf both give scikit-learn's unpenalised optimum."""
    X, y = DATASETS[dataset]()
    X = X[:, :2]  # two features: the classes overlap, so the optimum is finite
    theirs = SklearnLogisticRegression(C=np.inf, **TIGHT).fit(X, y)
    for ours in [
        LogisticRegression(penalty=None, **TIGHT).fit(X, y),
        LogisticRegression(C=np.inf, **TIGHT).fit(X, y),
    ]:
        _assert_close_to_largest(
            np.column_stack([ours.coef_, ours.intercept_]),
            np.column_stack([theirs.coef_, theirs.intercept_]),
            COEF_RTOL,
        )
        assert_allclose(
            _objective(ours, X, y, np.inf),
            _objective(theirs, X, y, np.inf),
            rtol=OBJECTIVE_RTOL,
        )


@pytest.mark.parametrize("dataset", ["breast_cancer", "iris", "generated"])
def test_logistic_regression_default_tol_iterations_close_to_sklearn(dataset):
    """Check that with the default tol our L-BFGS stops after a similar number of steps."""
    X, y = DATASETS[dataset]()
    ours = LogisticRegression(max_iter=1000).fit(X, y)
    theirs = SklearnLogisticRegression(max_iter=1000).fit(X, y)
    assert abs(int(ours.n_iter_[0]) - int(theirs.n_iter_[0])) <= 0.3 * theirs.n_iter_[0]
    _assert_close_to_largest(ours.coef_, theirs.coef_, 1e-2)


@pytest.mark.parametrize("dataset", ["breast_cancer", "wine", "generated"])
def test_logistic_regression_probabilities_and_scores(dataset):
    """Check that predict_proba, predict_log_proba and decision_function agree with each other and with sklearn."""
    X, y = DATASETS[dataset]()
    ours = LogisticRegression(**TIGHT).fit(X, y)
    theirs = SklearnLogisticRegression(**TIGHT).fit(X, y)

    proba = ours.predict_proba(X)
    assert proba.shape == (len(X), len(ours.classes_))
    assert_allclose(proba.sum(axis=1), 1.0, rtol=1e-12)
    assert_allclose(np.log(proba), ours.predict_log_proba(X), rtol=1e-10, atol=1e-12)
    assert_allclose(proba, theirs.predict_proba(X), atol=1e-5)
    scores = ours.decision_function(X)
    assert scores.shape == theirs.decision_function(X).shape
    expected = ours.classes_[
        (scores > 0).astype(int) if scores.ndim == 1 else scores.argmax(axis=1)
    ]
    np.testing.assert_array_equal(ours.predict(X), expected)
    np.testing.assert_array_equal(ours.classes_[proba.argmax(axis=1)], ours.predict(X))


def test_logistic_regression_log_proba_does_not_overflow():
    """Check that huge scores give finite log-probabilities (log-sum-exp, logaddexp)."""
    X = np.array([[-1.0], [1.0], [-2.0], [2.0]])
    clf = LogisticRegression(C=1e6, **TIGHT).fit(X, [0, 1, 0, 1])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        log_proba = clf.predict_log_proba([[1e6], [-1e6]])
    assert np.all(np.isfinite(log_proba))
    assert_allclose(clf.predict_proba([[1e6], [-1e6]]), [[0, 1], [1, 0]], atol=1e-12)


def test_logistic_regression_multinomial_intercepts_sum_to_zero():
    """Check that the softmax intercepts sum to zero, the representative sklearn also returns."""
    X, y = _iris()
    clf = LogisticRegression(**TIGHT).fit(X, y)
    assert_allclose(clf.intercept_.sum(), 0.0, atol=1e-8)
    assert_allclose(clf.coef_.sum(axis=0), 0.0, atol=1e-6)


def test_logistic_regression_strong_penalty_shrinks_coefficients():
    """Check that smaller C gives a smaller coefficient norm."""
    X, y = _breast_cancer()
    norms = [
        np.linalg.norm(LogisticRegression(C=C, **TIGHT).fit(X, y).coef_)
        for C in [0.001, 0.01, 0.1, 1.0]
    ]
    assert np.all(np.diff(norms) > 0)


def test_logistic_regression_warns_at_max_iter():
    """Check that stopping at max_iter raises a ConvergenceWarning naming max_iter."""
    X, y = _digits()
    with pytest.warns(ConvergenceWarning, match="max_iter=3"):
        clf = LogisticRegression(max_iter=3).fit(X, y)
    assert clf.n_iter_[0] == 3


def test_logistic_regression_does_not_modify_input():
    """Check that fit leaves X and y untouched."""
    X, y = _wine()
    X_before, y_before = X.copy(), y.copy()
    LogisticRegression().fit(X, y)
    assert_allclose(X, X_before, rtol=0)
    assert_allclose(y, y_before, rtol=0)


# Errors -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "X, y, match",
    [
        ([[1.0, np.nan], [2.0, 3.0]], [0, 1], "Input X contains NaN"),
        ([[1.0, np.inf], [2.0, 3.0]], [0, 1], "Input X contains infinity"),
        ([[1.0, 2.0], [2.0, 3.0]], [0, np.nan], "Input y contains NaN"),
        ([1.0, 2.0], [0, 1], "Expected 2D array, got 1D array instead"),
        ([["a", "b"], ["c", "d"]], [0, 1], "could not convert string to float: 'a'"),
        ([[1.0], [2.0], [3.0]], [0, 1], r"inconsistent numbers of samples: \[3, 2\]"),
        ([[1.0], [2.0]], [0.5, 1.5], "Unknown label type: continuous"),
        ([[1.0], [2.0]], [1, 1], "at least 2 classes.*only one class: 1"),
    ],
    ids=["nan", "inf", "nan_in_y", "1d_X", "strings", "lengths", "continuous", "one"],
)
def test_logistic_regression_fit_rejects_invalid_data(X, y, match):
    """Check that fit rejects invalid data with a message naming the problem."""
    with pytest.raises(ValueError, match=match):
        LogisticRegression().fit(X, y)


@pytest.mark.parametrize(
    "params, match",
    [
        ({"C": 0}, r"The 'C' parameter of LogisticRegression must be a float in the "
         r"range \(0, inf\). Got 0 instead."),
        ({"C": -1.0}, r"'C' parameter .* Got -1.0 instead"),
        ({"penalty": "l1"}, r"'penalty' parameter .* \{'l2'\} or None. Got 'l1'"),
        ({"solver": "saga"}, r"'solver' parameter .* Got 'saga' instead"),
        ({"tol": -1.0}, r"'tol' parameter .* Got -1.0 instead"),
        ({"max_iter": -1}, r"'max_iter' parameter .* Got -1 instead"),
    ],
)
def test_logistic_regression_fit_rejects_invalid_params(params, match):
    """Check that fit rejects invalid parameters with scikit-learn's message."""
    X, y = _iris()
    with pytest.raises(ValueError, match=match):
        LogisticRegression(**params).fit(X, y)


def test_logistic_regression_predict_rejects_wrong_feature_count():
    """Check that predict, predict_proba and decision_function reject a wrong feature count."""
    X, y = _iris()
    clf = LogisticRegression(max_iter=1000).fit(X, y)
    for method in [clf.predict, clf.predict_proba, clf.decision_function]:
        with pytest.raises(ValueError, match="X has 3 features, but LogisticRegression"):
            method(X[:, :3])


def test_logistic_regression_predict_before_fit_raises_not_fitted():
    """Check that predict before fit raises NotFittedError."""
    with pytest.raises(NotFittedError, match="LogisticRegression instance is not fitted"):
        LogisticRegression().predict([[1.0, 2.0]])


# Sample and class weights -----------------------------------------------------
# The weighted objective is smooth and convex like the unweighted one, and both
# libraries run L-BFGS to tol=1e-10: the same tolerance as test_logistic.py.
CLASS_WEIGHTS = [None, "balanced", "dict"]


def _weights(n, seed=0):
    return np.random.default_rng(seed).uniform(0.1, 3.0, size=n)


def _dict_weight(y):
    classes = np.unique(y)
    return {c: 0.5 + i for i, c in enumerate(classes)}


def _params(clf):
    return np.column_stack([clf.coef_, clf.intercept_])


@pytest.mark.parametrize("class_weight", CLASS_WEIGHTS)
@pytest.mark.parametrize("fit_intercept", [True, False])
@pytest.mark.parametrize(
    "dataset", ["breast_cancer", "iris", "wine", "generated", "generated_binary"]
)
def test_weighted_logistic_regression_matches_sklearn(dataset, fit_intercept, class_weight):
    """Check that sample_weight and class_weight give scikit-learn's weighted optimum."""
    X, y = DATASETS[dataset]()
    if class_weight == "dict":
        class_weight = _dict_weight(y)
    sw = _weights(len(y))
    kwargs = dict(fit_intercept=fit_intercept, class_weight=class_weight, **TIGHT)
    ours = LogisticRegression(**kwargs).fit(X, y, sample_weight=sw)
    theirs = SklearnLogisticRegression(**kwargs).fit(X, y, sample_weight=sw)
    _assert_close_to_largest(_params(ours), _params(theirs), COEF_RTOL)
    assert_allclose(ours.predict_proba(X), theirs.predict_proba(X), atol=1e-4)


@pytest.mark.parametrize("dataset", ["iris", "generated_binary"])
def test_logistic_regression_zero_weights_drop_rows(dataset):
    """Check that zero weights give the fit on the other rows alone."""
    X, y = DATASETS[dataset]()
    sw = _weights(len(y))
    sw[::3] = 0.0
    weighted = LogisticRegression(**TIGHT).fit(X, y, sample_weight=sw)
    kept = sw > 0
    dropped = LogisticRegression(**TIGHT).fit(X[kept], y[kept], sample_weight=sw[kept])
    _assert_close_to_largest(_params(weighted), _params(dropped), COEF_RTOL)


@pytest.mark.parametrize("fit_intercept", [True, False])
@pytest.mark.parametrize("dataset", ["iris", "generated_binary"])
def test_logistic_regression_integer_weights_repeat_rows(dataset, fit_intercept):
    """Check that an integer weight k gives the fit on the row repeated k times."""
    X, y = DATASETS[dataset]()
    sw = np.random.default_rng(1).integers(0, 4, size=len(y))
    kwargs = dict(fit_intercept=fit_intercept, **TIGHT)
    weighted = LogisticRegression(**kwargs).fit(X, y, sample_weight=sw)
    repeated = LogisticRegression(**kwargs).fit(
        np.repeat(X, sw, axis=0), np.repeat(y, sw)
    )
    _assert_close_to_largest(_params(weighted), _params(repeated), COEF_RTOL)


@pytest.mark.parametrize("dataset", ["iris", "generated"])
def test_logistic_regression_class_weight_multiplies_sample_weight(dataset):
    """Check that class_weight equals multiplying each sample's weight by its class's."""
    X, y = DATASETS[dataset]()
    class_weight = _dict_weight(y)
    sw = _weights(len(y))
    with_classes = LogisticRegression(class_weight=class_weight, **TIGHT).fit(
        X, y, sample_weight=sw
    )
    per_sample = np.array([class_weight[label] for label in y])
    multiplied = LogisticRegression(**TIGHT).fit(X, y, sample_weight=sw * per_sample)
    _assert_close_to_largest(_params(with_classes), _params(multiplied), COEF_RTOL)


def test_logistic_regression_balanced_weights_classes_equally():
    """Check that "balanced" equals the weights n / (K n_k) on imbalanced data."""
    X, y = DATASETS["iris"]()
    X, y = X[20:], y[20:]  # 30, 50 and 50 samples
    counts = np.bincount(y)
    balanced = LogisticRegression(class_weight="balanced", **TIGHT).fit(X, y)
    sw = len(y) / (3 * counts[y])
    explicit = LogisticRegression(**TIGHT).fit(X, y, sample_weight=sw)
    _assert_close_to_largest(_params(balanced), _params(explicit), COEF_RTOL)


def test_logistic_regression_accepts_negative_weights_as_sklearn():
    """Check that a negative weight is accepted and gives scikit-learn's optimum."""
    X, y = DATASETS["iris"]()
    sw = _weights(len(y))
    sw[0] = -0.5
    ours = LogisticRegression(**TIGHT).fit(X, y, sample_weight=sw)
    theirs = SklearnLogisticRegression(**TIGHT).fit(X, y, sample_weight=sw)
    _assert_close_to_largest(_params(ours), _params(theirs), COEF_RTOL)


# Errors -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sample_weight, match",
    [
        (np.ones(149), r"sample_weight.shape == \(149,\), expected \(150,\)!"),
        (np.ones((150, 1)), "Sample weights must be 1D array or scalar, got 2D array"),
        (np.r_[np.nan, np.ones(149)], "Input sample_weight contains NaN"),
        (np.r_[np.inf, np.ones(149)], "Input sample_weight contains infinity"),
        (np.zeros(150), "Sample weights must contain at least one non-zero number"),
    ],
    ids=["length", "2d", "nan", "inf", "all_zero"],
)
def test_logistic_regression_rejects_invalid_sample_weight(sample_weight, match):
    """Check that fit rejects invalid sample weights with scikit-learn's message."""
    X, y = DATASETS["iris"]()
    with pytest.raises(ValueError, match=match):
        SklearnLogisticRegression().fit(X, y, sample_weight=sample_weight)
    with pytest.raises(ValueError, match=match):
        LogisticRegression().fit(X, y, sample_weight=sample_weight)


@pytest.mark.parametrize(
    "class_weight, match",
    [
        ({5: 1.0}, r"The classes, \[0, 1, 2\], are not in class_weight"),
        ({0: 1.0, 5: 2.0}, r"The classes, \[1, 2\], are not in class_weight"),
        ("bad", r"The 'class_weight' parameter of LogisticRegression must be an "
         r"instance of 'dict', a str among \{'balanced'\} or None. Got 'bad' instead."),
        (1.0, r"'class_weight' parameter .* Got 1.0 instead"),
    ],
    ids=["unknown_label", "unknown_and_missing", "bad_string", "float"],
)
def test_logistic_regression_rejects_invalid_class_weight(class_weight, match):
    """Check that fit rejects an invalid class_weight with scikit-learn's message."""
    X, y = DATASETS["iris"]()
    with pytest.raises(ValueError, match=match):
        SklearnLogisticRegression(class_weight=class_weight).fit(X, y)
    with pytest.raises(ValueError, match=match):
        LogisticRegression(class_weight=class_weight).fit(X, y)
