"""Tests for calibration_curve and CalibratedClassifierCV, compared against sklearn.calibration."""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal
from sklearn import calibration as sk
from sklearn import linear_model as sk_linear
from sklearn import naive_bayes as sk_nb
from sklearn.calibration import _sigmoid_calibration as sk_sigmoid_calibration
from sklearn.datasets import make_classification
from sklearn.frozen import FrozenEstimator

from skratch.calibration import CalibratedClassifierCV, calibration_curve
from skratch.calibration._calibration import _sigmoid_calibration
from skratch.exceptions import NotFittedError
from skratch.linear_model import LinearRegression, LogisticRegression, Perceptron
from skratch.model_selection import StratifiedKFold
from skratch.naive_bayes import GaussianNB

# GaussianNB twins agree to about 1e-14, so the calibrated probabilities do too
# (measured: below 3e-16). The stated bars: isotonic 1e-8 (the same pooled means);
# sigmoid 1e-6 (L-BFGS-B may stop at other points; it does not here, measured 2e-16).
ISOTONIC_TOL = 1e-8
SIGMOID_TOL = 1e-6
TOL = {"isotonic": ISOTONIC_TOL, "sigmoid": SIGMOID_TOL}


def _data(n_classes, n_samples=300, seed=0):
    X, y = make_classification(n_samples=n_samples, n_features=5, n_informative=3,
                               n_classes=n_classes, random_state=seed)
    X_new = np.random.default_rng(seed + 1).normal(scale=2.0, size=(80, 5))
    return X, y, X_new


# --- calibration_curve ----------------------------------------------------------------


def _probabilities(seed=0, n=200):
    rng = np.random.default_rng(seed)
    p = rng.uniform(size=n)
    return (rng.uniform(size=n) < p).astype(int), p


@pytest.mark.parametrize("strategy", ["uniform", "quantile"])
@pytest.mark.parametrize("n_bins", [1, 3, 5, 10, 40])
@pytest.mark.parametrize("seed", [0, 1])
def test_calibration_curve_matches_sklearn(strategy, n_bins, seed):
    """Check both strategies' fractions of positives and mean predictions."""
    y, p = _probabilities(seed)
    for ours, theirs in zip(calibration_curve(y, p, n_bins=n_bins, strategy=strategy),
                            sk.calibration_curve(y, p, n_bins=n_bins, strategy=strategy)):
        assert_allclose(ours, theirs, rtol=1e-12)


@pytest.mark.parametrize("strategy", ["uniform", "quantile"])
def test_calibration_curve_edge_cases_match_sklearn(strategy):
    """Check probabilities on bin edges, 0 and 1, repeated values, and empty bins."""
    y = np.array([0, 1, 0, 1, 1, 0, 1, 1, 0, 0, 1, 1])
    p = np.array([0.0, 0.2, 0.2, 0.4, 0.4, 0.4, 0.6, 0.8, 1.0, 1.0, 1.0, 0.2])
    for n_bins in [2, 5, 7]:
        ours = calibration_curve(y, p, n_bins=n_bins, strategy=strategy)
        theirs = sk.calibration_curve(y, p, n_bins=n_bins, strategy=strategy)
        assert len(ours[0]) == len(theirs[0])
        for a, b in zip(ours, theirs):
            assert_allclose(a, b, rtol=1e-12)


def test_calibration_curve_pos_label():
    """Check string labels with pos_label, and pos_label=0 for 0/1 labels."""
    y, p = _probabilities(2)
    names = np.array(["no", "yes"])[y]
    for ours, theirs in zip(calibration_curve(names, p, pos_label="yes"),
                            sk.calibration_curve(names, p, pos_label="yes")):
        assert_allclose(ours, theirs, rtol=1e-12)
    for ours, theirs in zip(calibration_curve(y, 1 - p, pos_label=0),
                            sk.calibration_curve(y, 1 - p, pos_label=0)):
        assert_allclose(ours, theirs, rtol=1e-12)


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"y_prob": [0.1, 1.2, 0.3]}, r"outside \[0, 1\].*maximum of 1.2"),
        ({"y_prob": [0.1, -0.2, 0.3]}, r"outside \[0, 1\].*minimum of -0.2"),
        ({"y_true": [0, 1, 2], "pos_label": 1}, r"Only binary classification.*\[0 1 2\]"),
        ({"y_true": ["a", "b", "a"]}, r"y_true takes value in \{'a', 'b'\}"),
        ({"y_prob": [0.1, 0.2]}, r"inconsistent numbers of samples: \[3, 2\]"),
        ({"y_prob": [0.1, np.nan, 0.3]}, "Input y_prob contains NaN"),
        ({"y_prob": [[0.1, 0.9], [0.2, 0.8], [0.3, 0.7]]}, r"1d array.*\(3, 2\)"),
        ({"n_bins": 0}, r"'n_bins' parameter of calibration_curve.*Got 0"),
        ({"strategy": "median"}, r"'strategy' parameter.*Got 'median'"),
    ],
)
def test_calibration_curve_bad_input(kwargs, match):
    """Check that each mistake raises a ValueError naming it and the value."""
    args = {"y_true": [0, 1, 1], "y_prob": [0.1, 0.6, 0.3], **kwargs}
    with pytest.raises(ValueError, match=match):
        calibration_curve(**args)


# --- the sigmoid fit ------------------------------------------------------------------


@pytest.mark.parametrize("scale", [1.0, 100.0])  # 100: scores above 30 are rescaled
@pytest.mark.parametrize("weighted", [False, True])
def test_sigmoid_calibration_matches_sklearn(scale, weighted):
    """Check that Platt's (A, B) equal scikit-learn's _sigmoid_calibration."""
    rng = np.random.default_rng(0)
    F = scale * rng.normal(size=200)
    y = (rng.uniform(size=200) < 1 / (1 + np.exp(-F / scale))).astype(float)
    w = rng.uniform(0.2, 2.0, size=200) if weighted else None
    assert_allclose(_sigmoid_calibration(F, y, w), sk_sigmoid_calibration(F, y, w),
                    rtol=SIGMOID_TOL)


# --- CalibratedClassifierCV ------------------------------------------------------------


@pytest.mark.parametrize("n_classes", [2, 3])
@pytest.mark.parametrize("method", ["isotonic", "sigmoid"])
@pytest.mark.parametrize("ensemble", [True, False])
@pytest.mark.parametrize("cv", [3, 5])
def test_calibrated_classifier_gaussian_nb_matches_sklearn(n_classes, method, ensemble, cv):
    """Check predict_proba against scikit-learn's with the GaussianNB twins."""
    X, y, X_new = _data(n_classes)
    ours = CalibratedClassifierCV(GaussianNB(), method=method, cv=cv,
                                  ensemble=ensemble).fit(X, y)
    theirs = sk.CalibratedClassifierCV(sk_nb.GaussianNB(), method=method, cv=cv,
                                       ensemble=ensemble).fit(X, y)
    assert len(ours.calibrated_classifiers_) == len(theirs.calibrated_classifiers_)
    assert_allclose(ours.predict_proba(X_new), theirs.predict_proba(X_new),
                    rtol=TOL[method], atol=TOL[method])
    assert_array_equal(ours.predict(X_new), theirs.predict(X_new))
    assert_array_equal(ours.classes_, theirs.classes_)
    assert ours.n_features_in_ == 5


@pytest.mark.parametrize("n_classes", [2, 3])
@pytest.mark.parametrize("method", ["isotonic", "sigmoid"])
@pytest.mark.parametrize("ensemble", [True, False])
def test_calibrated_classifier_decision_function_matches_sklearn(n_classes, method, ensemble):
    """Check the decision_function path: the same classifier inside both (to 1e-12)."""
    X, y, X_new = _data(n_classes, seed=3)
    ours = CalibratedClassifierCV(sk_linear.LogisticRegression(), method=method, cv=3,
                                  ensemble=ensemble).fit(X, y)
    theirs = sk.CalibratedClassifierCV(sk_linear.LogisticRegression(), method=method,
                                       cv=3, ensemble=ensemble).fit(X, y)
    assert_allclose(ours.predict_proba(X_new), theirs.predict_proba(X_new),
                    rtol=1e-12, atol=1e-12)


# skratch's and scikit-learn's LogisticRegression, both to tol=1e-12, agree to about 1e-8
# in their scores (their solvers differ); the calibrated probabilities then agree to
# (measured) 1.4e-7 for two classes and 5.7e-6 for three: an isotonic step moves when a
# score does. The sigmoid alone: 1e-8 and 1.3e-7.
LOGISTIC_TOL = {2: 1e-6, 3: 1e-4}


@pytest.mark.parametrize("n_classes", [2, 3])
@pytest.mark.parametrize("method", ["isotonic", "sigmoid"])
@pytest.mark.parametrize("ensemble", [True, False])
def test_calibrated_classifier_logistic_matches_sklearn(n_classes, method, ensemble):
    """Check predict_proba against scikit-learn's with the LogisticRegression twins."""
    X, y, X_new = _data(n_classes)
    ours = CalibratedClassifierCV(LogisticRegression(tol=1e-12, max_iter=10_000),
                                  method=method, cv=3, ensemble=ensemble).fit(X, y)
    theirs = sk.CalibratedClassifierCV(
        sk_linear.LogisticRegression(tol=1e-12, max_iter=10_000), method=method, cv=3,
        ensemble=ensemble).fit(X, y)
    assert_allclose(ours.predict_proba(X_new), theirs.predict_proba(X_new),
                    atol=LOGISTIC_TOL[n_classes])


@pytest.mark.parametrize("method", ["isotonic", "sigmoid"])
def test_calibrated_classifier_sample_weight_and_string_labels(method):
    """Check weighted fits (classifier and calibrators) and string class labels."""
    X, y, X_new = _data(3, seed=5)
    labels = np.array(["ant", "bee", "cat"])[y]
    w = np.random.default_rng(0).uniform(0.1, 3.0, size=len(y))
    ours = CalibratedClassifierCV(GaussianNB(), method=method, cv=4).fit(
        X, labels, sample_weight=w)
    theirs = sk.CalibratedClassifierCV(sk_nb.GaussianNB(), method=method, cv=4).fit(
        X, labels, sample_weight=w)
    assert_allclose(ours.predict_proba(X_new), theirs.predict_proba(X_new),
                    rtol=TOL[method], atol=TOL[method])
    assert_array_equal(ours.predict(X_new), theirs.predict(X_new))


def test_calibrated_classifier_cv_objects():
    """Check a splitter and an iterable of splits: scikit-learn's folds, our folds."""
    X, y, X_new = _data(2, seed=7)
    splitter = StratifiedKFold(4, shuffle=True, random_state=0)
    splits = list(splitter.split(X, y))
    ours = CalibratedClassifierCV(GaussianNB(), cv=splitter).fit(X, y)
    theirs = sk.CalibratedClassifierCV(sk_nb.GaussianNB(), cv=splits).fit(X, y)
    assert_allclose(ours.predict_proba(X_new), theirs.predict_proba(X_new),
                    rtol=SIGMOID_TOL, atol=SIGMOID_TOL)
    ours = CalibratedClassifierCV(GaussianNB(), cv=iter(splits), ensemble=False).fit(X, y)
    theirs = sk.CalibratedClassifierCV(sk_nb.GaussianNB(), cv=splits,
                                       ensemble=False).fit(X, y)
    assert_allclose(ours.predict_proba(X_new), theirs.predict_proba(X_new),
                    rtol=SIGMOID_TOL, atol=SIGMOID_TOL)


@pytest.mark.parametrize("method", ["isotonic", "sigmoid"])
def test_calibrated_classifier_frozen_estimator(method):
    """Check that a FrozenEstimator is calibrated on all the data, not refitted."""
    X, y, X_new = _data(2, seed=9)
    fitted = sk_nb.GaussianNB().fit(X[:150], y[:150])
    ours = CalibratedClassifierCV(FrozenEstimator(fitted), method=method).fit(
        X[150:], y[150:])
    theirs = sk.CalibratedClassifierCV(FrozenEstimator(fitted), method=method).fit(
        X[150:], y[150:])
    assert len(ours.calibrated_classifiers_) == 1
    assert ours.calibrated_classifiers_[0].estimator.estimator is fitted
    assert_allclose(ours.predict_proba(X_new), theirs.predict_proba(X_new),
                    rtol=TOL[method], atol=TOL[method])


def test_calibrated_classifier_default_estimator():
    """Check that estimator=None calibrates skratch's LinearSVC over 5 folds."""
    X, y, X_new = _data(2, seed=11)
    model = CalibratedClassifierCV().fit(X, y)
    assert len(model.calibrated_classifiers_) == 5
    assert type(model.calibrated_classifiers_[0].estimator).__name__ == "LinearSVC"
    proba = model.predict_proba(X_new)
    assert_allclose(proba.sum(axis=1), 1.0, rtol=1e-12)
    reference = sk.CalibratedClassifierCV().fit(X, y)
    assert abs(model.score(X, y) - reference.score(X, y)) < 0.03


def test_calibrated_classifier_fit_does_not_change_the_estimator():
    """Check that fit works on copies: the estimator passed stays unfitted."""
    X, y, _ = _data(2)
    base = GaussianNB()
    model = CalibratedClassifierCV(base, cv=3).fit(X, y)
    assert not hasattr(base, "classes_")
    assert all(pair.estimator is not base for pair in model.calibrated_classifiers_)


@pytest.mark.parametrize(
    "params, match",
    [
        ({"method": "temperature"},
         r"'method' parameter of CalibratedClassifierCV.*Got 'temperature'"),
        ({"cv": 1}, r"'cv' parameter of CalibratedClassifierCV.*Got 1 instead"),
        ({"cv": "prefit"}, r"'cv' parameter.*Got 'prefit'"),
        ({"ensemble": "yes"}, r"'ensemble' parameter.*Got 'yes'"),
        ({"estimator": LinearRegression()},
         r"'estimator' parameter.*implementing 'fit' and 'predict_proba'"),
    ],
)
def test_calibrated_classifier_invalid_parameters(params, match):
    """Check that invalid parameters raise in fit, naming the parameter and value."""
    X, y, _ = _data(2)
    with pytest.raises(ValueError, match=match):
        CalibratedClassifierCV(**{"estimator": GaussianNB(), **params}).fit(X, y)


def test_calibrated_classifier_bad_input():
    """Check NaN, regression targets, too few samples per class, and unfitted use."""
    X, y, _ = _data(2)
    model = CalibratedClassifierCV(GaussianNB(), cv=3)
    with pytest.raises(NotFittedError, match="CalibratedClassifierCV instance is not"):
        model.predict_proba(X)
    X_nan = X.copy()
    X_nan[3, 1] = np.nan
    with pytest.raises(ValueError, match="Input X contains NaN"):
        model.fit(X_nan, y)
    with pytest.raises(ValueError, match="Unknown label type"):
        model.fit(X, y + 0.5)
    y_rare = np.zeros(len(y), dtype=int)
    y_rare[:2] = 1
    with pytest.raises(ValueError, match=r"Requesting 3-fold.*class 1 has 2"):
        model.fit(X, y_rare)
    with pytest.raises(ValueError, match=r"inconsistent numbers of samples"):
        model.fit(X, y[:-1])
    with pytest.raises(ValueError, match="requires y to be passed"):
        model.fit(X, None)
    model.fit(X, y)
    with pytest.raises(ValueError, match="X has 3 features, but GaussianNB is expecting 5"):
        model.predict(X[:, :3])


def test_calibrated_classifier_warns_when_weights_cannot_reach_the_classifier():
    """Check the UserWarning when the classifier's fit takes no sample_weight."""
    X, y, _ = _data(2)
    with pytest.warns(UserWarning, match="Perceptron does not appear to accept"):
        CalibratedClassifierCV(Perceptron(), cv=3).fit(
            X, y, sample_weight=np.ones(len(y)))
