"""Tests for LinearSVC, compared against sklearn.svm.LinearSVC."""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal
from sklearn import svm as sk
from sklearn.datasets import load_breast_cancer, load_iris, load_wine
from sklearn.preprocessing import StandardScaler

from skratch.exceptions import ConvergenceWarning, NotFittedError
from skratch.svm import LinearSVC

# Both solve the same strictly convex problem by dual coordinate descent, visiting
# coordinates in different random orders, so they agree to the solver tolerance, not
# to rounding. With tol=1e-8 the weights agree to about 1e-8 relative (we test 1e-6).
# With the defaults scikit-learn's dual="auto" picks its primal (trust-region Newton)
# solver when n_samples > n_features, which stops on a different criterion: the
# weights then agree to about 4e-3 relative (we test 1e-2) and predictions match.
TIGHT = {"tol": 1e-8, "max_iter": 100_000}


def _standardised(loader):
    X, y = loader(return_X_y=True)
    return StandardScaler().fit_transform(X), y


def _generated():
    rng = np.random.default_rng(0)
    y = rng.integers(2, size=200)
    return rng.normal(size=(200, 6)) + y[:, None] * 1.2, y


DATASETS = {
    "iris": lambda: _standardised(load_iris),
    "wine": lambda: _standardised(load_wine),
    "breast_cancer": lambda: _standardised(load_breast_cancer),
    "generated_binary": _generated,
}


def _relative_gap(a, b):
    return np.abs(a - b).max() / np.abs(b).max()


@pytest.mark.parametrize("dataset", DATASETS)
@pytest.mark.parametrize(
    "params",
    [
        {},
        {"loss": "hinge"},
        {"C": 0.05},
        {"fit_intercept": False},
        {"intercept_scaling": 3.0},
    ],
)
def test_linear_svc_matches_sklearn_at_tight_tol(dataset, params):
    """Check that coef_ and intercept_ equal scikit-learn's at a tight tolerance."""
    X, y = DATASETS[dataset]()
    ours = LinearSVC(random_state=0, **TIGHT, **params).fit(X, y)
    theirs = sk.LinearSVC(random_state=0, dual=True, **TIGHT, **params).fit(X, y)
    assert _relative_gap(ours.coef_, theirs.coef_) < 1e-6
    assert_allclose(ours.intercept_, theirs.intercept_, atol=1e-6 * np.abs(theirs.coef_).max())
    assert_allclose(ours.decision_function(X), theirs.decision_function(X), atol=1e-5)
    assert_array_equal(ours.predict(X), theirs.predict(X))


@pytest.mark.parametrize("dataset", DATASETS)
def test_linear_svc_default_tol_close_to_sklearn(dataset):
    """Check that with default settings the weights agree to 1e-2 and predictions match."""
    X, y = DATASETS[dataset]()
    ours = LinearSVC(random_state=0).fit(X, y)
    theirs = sk.LinearSVC(random_state=0).fit(X, y)
    assert _relative_gap(ours.coef_, theirs.coef_) < 1e-2
    assert_array_equal(ours.predict(X), theirs.predict(X))


def test_linear_svc_shapes_and_string_labels():
    """Check attribute shapes for 2 and 3 classes, and string labels."""
    X, y = DATASETS["iris"]()
    labels = np.array(["setosa", "versicolor", "virginica"])[y]
    clf = LinearSVC(random_state=0).fit(X, labels)
    assert clf.coef_.shape == (3, 4) and clf.intercept_.shape == (3,)
    assert clf.decision_function(X).shape == (150, 3)
    assert set(clf.predict(X)) <= set(labels)
    binary = LinearSVC(random_state=0).fit(X[:100], y[:100])
    assert binary.coef_.shape == (1, 4) and binary.decision_function(X).shape == (150,)


def test_linear_svc_max_iter_warns():
    """Check that running out of passes raises a ConvergenceWarning."""
    X, y = DATASETS["breast_cancer"]()
    with pytest.warns(ConvergenceWarning, match="max_iter=2"):
        LinearSVC(max_iter=2, random_state=0).fit(X, y)


@pytest.mark.parametrize(
    "params, match",
    [
        ({"C": -1.0}, r"'C' parameter of LinearSVC .* Got -1.0 instead"),
        ({"loss": "log"}, r"'loss' parameter .* Got 'log' instead"),
        ({"penalty": "l1"}, r"'penalty' parameter .* Got 'l1' instead"),
        ({"multi_class": "crammer_singer"}, r"'multi_class' parameter .* 'crammer_singer'"),
        ({"dual": False}, r"dual=False\) is not implemented"),
        ({"intercept_scaling": 0}, r"'intercept_scaling' parameter .* Got 0 instead"),
    ],
)
def test_linear_svc_rejects_invalid_params(params, match):
    """Check that invalid parameters are refused in fit with the value quoted."""
    X, y = DATASETS["iris"]()
    with pytest.raises(ValueError, match=match):
        LinearSVC(**params).fit(X, y)


def test_linear_svc_predict_errors():
    """Check unfitted use, wrong feature counts, one class and continuous targets."""
    X, y = DATASETS["iris"]()
    with pytest.raises(NotFittedError, match="This LinearSVC instance is not fitted"):
        LinearSVC().predict(X)
    clf = LinearSVC(random_state=0).fit(X, y)
    with pytest.raises(ValueError, match="X has 2 features, but LinearSVC is expecting 4"):
        clf.predict(X[:, :2])
    with pytest.raises(ValueError, match="got 1 class"):
        LinearSVC().fit(X, np.ones(len(X)))
    with pytest.raises(ValueError, match="Unknown label type: continuous"):
        LinearSVC().fit(X, np.linspace(0, 1, len(X)))
