"""Tests for GaussianNB and MultinomialNB, compared against sklearn.naive_bayes."""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal
from sklearn import naive_bayes as sk
from sklearn.datasets import load_breast_cancer, load_digits, load_iris, load_wine

from skratch.exceptions import NotFittedError
from skratch.naive_bayes import GaussianNB, MultinomialNB

# Same formulas, same order of operations up to the per-class loop: the probabilities
# agree to rounding (about 1e-14); 1e-8 is the bar. ATOL covers probabilities
# that are 0 up to rounding.
RTOL = 1e-8
ATOL = 1e-10


def _generated(n_samples=120, n_features=5, n_classes=3, seed=0):
    rng = np.random.default_rng(seed)
    centres = rng.normal(scale=2.0, size=(n_classes, n_features))
    y = rng.integers(n_classes, size=n_samples)
    X = centres[y] + rng.normal(size=(n_samples, n_features)) * [1, 5, 0.1, 1, 2]
    return X, y


def _counts(seed=0):
    # Word-count-like data: class-dependent Poisson rates.
    rng = np.random.default_rng(seed)
    y = rng.integers(3, size=150)
    rates = rng.gamma(1.0, 2.0, size=(3, 12))
    return rng.poisson(rates[y]).astype(float), y


DATASETS = {
    "iris": lambda: load_iris(return_X_y=True),
    "wine": lambda: load_wine(return_X_y=True),
    "breast_cancer": lambda: load_breast_cancer(return_X_y=True),
    "generated": _generated,
}

COUNT_DATASETS = {
    "digits": lambda: load_digits(return_X_y=True),  # pixel intensities 0..16
    "generated_counts": _counts,
}


@pytest.mark.parametrize("dataset", DATASETS)
@pytest.mark.parametrize("params", [{}, {"var_smoothing": 1e-3}, {"priors": "uneven"}])
def test_gaussian_nb_matches_sklearn(dataset, params):
    """Check that GaussianNB's fitted attributes and probabilities equal scikit-learn's."""
    X, y = DATASETS[dataset]()
    if params.get("priors") == "uneven":
        n_classes = len(np.unique(y))
        priors = np.arange(1, n_classes + 1, dtype=float)
        params = {"priors": priors / priors.sum()}
    ours = GaussianNB(**params).fit(X, y)
    theirs = sk.GaussianNB(**params).fit(X, y)
    for name in ["theta_", "var_", "class_prior_", "class_count_", "epsilon_"]:
        assert_allclose(getattr(ours, name), getattr(theirs, name), rtol=RTOL)
    assert_allclose(ours.predict_proba(X), theirs.predict_proba(X), rtol=RTOL, atol=ATOL)
    assert_allclose(
        ours.predict_log_proba(X), theirs.predict_log_proba(X), rtol=RTOL, atol=ATOL
    )
    assert_array_equal(ours.predict(X), theirs.predict(X))


def test_gaussian_nb_sample_weight_matches_sklearn():
    """Check that weighted means and variances equal scikit-learn's."""
    X, y = _generated()
    weights = np.random.default_rng(1).uniform(0.1, 3.0, size=len(y))
    ours = GaussianNB().fit(X, y, sample_weight=weights)
    theirs = sk.GaussianNB().fit(X, y, sample_weight=weights)
    assert_allclose(ours.theta_, theirs.theta_, rtol=RTOL)
    assert_allclose(ours.var_, theirs.var_, rtol=RTOL)
    assert_allclose(ours.predict_proba(X), theirs.predict_proba(X), rtol=RTOL, atol=ATOL)


@pytest.mark.parametrize("dataset", COUNT_DATASETS)
@pytest.mark.parametrize(
    "params",
    [
        {},
        {"alpha": 0.1},
        {"alpha": 0.0, "force_alpha": False},
        {"fit_prior": False},
        {"class_prior": "uneven"},
    ],
)
def test_multinomial_nb_matches_sklearn(dataset, params):
    """Check that MultinomialNB's log probabilities and posteriors equal scikit-learn's."""
    X, y = COUNT_DATASETS[dataset]()
    if params.get("class_prior") == "uneven":
        n_classes = len(np.unique(y))
        prior = np.arange(1, n_classes + 1, dtype=float)
        params = {"class_prior": prior / prior.sum()}
    with pytest.warns(UserWarning, match="alpha") if "force_alpha" in params else _none():
        ours = MultinomialNB(**params).fit(X, y)
    with pytest.warns(UserWarning, match="alpha") if "force_alpha" in params else _none():
        theirs = sk.MultinomialNB(**params).fit(X, y)
    for name in ["feature_count_", "class_count_", "feature_log_prob_",
                 "class_log_prior_"]:
        assert_allclose(getattr(ours, name), getattr(theirs, name), rtol=RTOL)
    assert_allclose(ours.predict_proba(X), theirs.predict_proba(X), rtol=RTOL, atol=ATOL)
    assert_allclose(
        ours.predict_log_proba(X), theirs.predict_log_proba(X), rtol=RTOL, atol=ATOL
    )
    assert_array_equal(ours.predict(X), theirs.predict(X))


class _none:
    def __enter__(self):
        return None

    def __exit__(self, *args):
        return False


def test_multinomial_nb_string_labels_and_binary():
    """Check that string labels and two classes give scikit-learn's predictions."""
    X, y = _counts()
    labels = np.array(["ham", "spam"])[(y > 0).astype(int)]
    ours = MultinomialNB().fit(X, labels)
    theirs = sk.MultinomialNB().fit(X, labels)
    assert_array_equal(ours.classes_, theirs.classes_)
    assert_array_equal(ours.predict(X), theirs.predict(X))
    assert_allclose(ours.predict_proba(X), theirs.predict_proba(X), rtol=RTOL, atol=ATOL)


def test_naive_bayes_probabilities_do_not_underflow():
    """Check that log-sum-exp keeps probabilities finite when likelihoods underflow."""
    X, y = _generated()
    X_far = X * 1e3  # joint log likelihoods around -1e7: exp() alone would give 0/0
    proba = GaussianNB().fit(X, y).predict_proba(X_far)
    assert np.isfinite(proba).all()
    assert_allclose(proba.sum(axis=1), 1.0)
    assert_allclose(proba, sk.GaussianNB().fit(X, y).predict_proba(X_far), atol=ATOL)


# --- errors ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params, match",
    [
        ({"priors": [0.5, 0.5]}, "Number of priors must match number of classes: got 2"),
        ({"priors": [0.5, 0.4, 0.3]}, r"The sum of the priors should be 1, got 1.2"),
        ({"priors": [1.5, -0.25, -0.25]}, "Priors must be non-negative"),
        ({"var_smoothing": -1.0}, r"'var_smoothing' parameter of GaussianNB .* Got -1.0"),
        ({"priors": "uniform"}, r"'priors' parameter of GaussianNB .* Got 'uniform'"),
    ],
)
def test_gaussian_nb_rejects_invalid_params(params, match):
    """Check that GaussianNB rejects bad priors and var_smoothing, quoting the value."""
    X, y = load_iris(return_X_y=True)
    with pytest.raises(ValueError, match=match):
        GaussianNB(**params).fit(X, y)


@pytest.mark.parametrize(
    "params, match",
    [
        ({"alpha": -0.5}, r"'alpha' parameter of MultinomialNB .* Got -0.5 instead"),
        ({"class_prior": [1.0]}, "Number of priors must match number of classes: got 1"),
        ({"fit_prior": "yes"}, r"'fit_prior' parameter .* Got 'yes'"),
    ],
)
def test_multinomial_nb_rejects_invalid_params(params, match):
    """Check that MultinomialNB rejects bad alpha and priors, quoting the value."""
    X, y = _counts()
    with pytest.raises(ValueError, match=match):
        MultinomialNB(**params).fit(X, y)


def test_multinomial_nb_rejects_negative_counts():
    """Check that MultinomialNB rejects negative features in fit and in predict."""
    X, y = _counts()
    with pytest.raises(ValueError, match=r"Negative values .* minimum of -1.0"):
        MultinomialNB().fit(X - 1.0, y)
    clf = MultinomialNB().fit(X, y)
    with pytest.raises(ValueError, match="Negative values in data passed to"):
        clf.predict(-X)


@pytest.mark.parametrize("Estimator", [GaussianNB, MultinomialNB])
def test_naive_bayes_rejects_continuous_target(Estimator):
    """Check that a regression target is refused with scikit-learn's message."""
    X, _ = _counts()
    y = np.linspace(0, 1, len(X))
    with pytest.raises(ValueError, match="Unknown label type: continuous"):
        Estimator().fit(X, y)


@pytest.mark.parametrize("Estimator", [GaussianNB, MultinomialNB])
def test_naive_bayes_predict_errors(Estimator):
    """Check that predict refuses unfitted use, wrong feature counts and NaN."""
    X, y = _counts()
    with pytest.raises(NotFittedError, match=f"This {Estimator.__name__} instance"):
        Estimator().predict(X)
    clf = Estimator().fit(X, y)
    with pytest.raises(ValueError, match="X has 11 features, but .* expecting 12"):
        clf.predict_proba(X[:, :11])
    X_nan = X.copy()
    X_nan[0, 0] = np.nan
    with pytest.raises(ValueError, match="Input X contains NaN"):
        clf.predict(X_nan)


def test_naive_bayes_rejects_bad_sample_weight():
    """Check that a sample_weight of the wrong length is refused, naming the shapes."""
    X, y = _counts()
    with pytest.raises(ValueError, match=r"sample_weight.shape == \(3,\), expected"):
        GaussianNB().fit(X, y, sample_weight=[1.0, 2.0, 3.0])
