"""Tests for MLPClassifier and MLPRegressor, compared against sklearn.neural_network."""

import warnings

import numpy as np
import pytest
from sklearn import neural_network as sk
from sklearn.datasets import load_breast_cancer, load_digits, load_iris, load_wine
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from skratch.exceptions import ConvergenceWarning, InvalidParameterError, NotFittedError
from skratch.neural_network import MLPClassifier, MLPRegressor


def _scaled_split(loader, seed=0):
    X, y = loader(return_X_y=True)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=seed, stratify=y)
    scaler = StandardScaler().fit(X_train)
    return scaler.transform(X_train), scaler.transform(X_test), y_train, y_test


def _regression_data(n=300, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.uniform(-2, 2, size=(n, 3))
    y = np.sin(X[:, 0]) + 0.5 * X[:, 1] ** 2 - X[:, 2] + 0.05 * rng.normal(size=n)
    return X, y


def _same_start(ours, theirs, X, y):
    """Initialise both estimators (one epoch), then give ours scikit-learn's weights."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs.fit(X, y)
        ours.fit(X, y)
    ours.coefs_ = [W.copy() for W in theirs.coefs_]
    ours.intercepts_ = [b.copy() for b in theirs.intercepts_]


@pytest.mark.parametrize(
    "params",
    [
        {"momentum": 0.0},
        {"momentum": 0.9, "nesterovs_momentum": False},
        {"momentum": 0.9, "nesterovs_momentum": True, "alpha": 0.1},
        {"momentum": 0.0, "learning_rate": "invscaling", "power_t": 0.3},
        {"activation": "tanh", "momentum": 0.5, "hidden_layer_sizes": (7, 5)},
        {"activation": "logistic", "momentum": 0.5},
        {"activation": "identity", "momentum": 0.0},
    ],
)
@pytest.mark.parametrize("loader", [load_iris, load_breast_cancer, load_wine])
def test_mlp_classifier_sgd_epochs_equal_sklearn(loader, params):
    """Check that 3 SGD epochs from the same weights give sklearn's weights and losses to 1e-10."""
    X, _, y, _ = _scaled_split(loader)
    common = dict(solver="sgd", hidden_layer_sizes=(10,), learning_rate_init=0.05, batch_size=32,
                  shuffle=False, max_iter=3, warm_start=True, random_state=0, tol=0.0)
    common.update(params)
    ours, theirs = MLPClassifier(**common), sk.MLPClassifier(**common)
    _same_start(ours, theirs, X, y)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        warnings.simplefilter("ignore")
        ours.fit(X, y), theirs.fit(X, y)
    for a, b in zip(ours.coefs_ + ours.intercepts_, theirs.coefs_ + theirs.intercepts_):
        np.testing.assert_allclose(a, b, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(ours.loss_curve_[-3:], theirs.loss_curve_[-3:], rtol=1e-10)
    # 1 - p for p near 1 loses digits in sklearn's predict_proba: hence atol.
    np.testing.assert_allclose(ours.predict_proba(X), theirs.predict_proba(X), rtol=1e-8, atol=1e-12)


def test_mlp_regressor_sgd_epochs_equal_sklearn():
    """Check that 3 SGD epochs of MLPRegressor (2 targets) from the same weights equal sklearn's to 1e-10."""
    X, y = _regression_data()
    Y = np.column_stack([y, X[:, 0] * X[:, 1]])
    common = dict(solver="sgd", hidden_layer_sizes=(16, 8), learning_rate_init=0.01, batch_size=50,
                  shuffle=False, max_iter=3, warm_start=True, alpha=0.01, random_state=0, tol=0.0)
    ours, theirs = MLPRegressor(**common), sk.MLPRegressor(**common)
    _same_start(ours, theirs, X, Y)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ours.fit(X, Y), theirs.fit(X, Y)
    for a, b in zip(ours.coefs_ + ours.intercepts_, theirs.coefs_ + theirs.intercepts_):
        np.testing.assert_allclose(a, b, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(ours.loss_curve_[-3:], theirs.loss_curve_[-3:], rtol=1e-10)
    np.testing.assert_allclose(ours.predict(X), theirs.predict(X), rtol=1e-9, atol=1e-12)


def test_mlp_classifier_adam_epoch_close_to_sklearn():
    """Check that an Adam epoch from the same weights is within 1e-6 of sklearn's (epsilon placement differs)."""
    X, _, y, _ = _scaled_split(load_wine)
    common = dict(hidden_layer_sizes=(10,), learning_rate_init=0.01, batch_size=32, shuffle=False,
                  max_iter=1, warm_start=True, random_state=0)
    ours, theirs = MLPClassifier(**common), sk.MLPClassifier(**common)
    _same_start(ours, theirs, X, y)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ours.fit(X, y), theirs.fit(X, y)
    for a, b in zip(ours.coefs_, theirs.coefs_):
        np.testing.assert_allclose(a, b, atol=1e-5)


def test_mlp_classifier_digits_accuracy():
    """Check that MLPClassifier reaches >= 97% test accuracy on digits (25% test split, seed 0)."""
    X_train, X_test, y_train, y_test = _scaled_split(load_digits)
    clf = MLPClassifier(hidden_layer_sizes=(64,), learning_rate_init=0.01, max_iter=40, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        clf.fit(X_train, y_train)
    assert clf.score(X_test, y_test) >= 0.97
    assert clf.predict_proba(X_test).shape == (len(X_test), 10)
    np.testing.assert_allclose(clf.predict_proba(X_test).sum(axis=1), 1.0)


@pytest.mark.parametrize("loader", [load_iris, load_wine, load_breast_cancer])
def test_mlp_classifier_accuracy_close_to_sklearn(loader):
    """Check that test accuracy is within 3 points of sklearn's with the same settings."""
    X_train, X_test, y_train, y_test = _scaled_split(loader)
    params = dict(hidden_layer_sizes=(20,), learning_rate_init=0.01, max_iter=100, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        warnings.simplefilter("ignore")
        ours = MLPClassifier(**params).fit(X_train, y_train).score(X_test, y_test)
        theirs = sk.MLPClassifier(**params).fit(X_train, y_train).score(X_test, y_test)
    assert ours >= theirs - 0.03


def test_mlp_regressor_r2_close_to_sklearn():
    """Check that MLPRegressor's test R^2 is within 0.03 of sklearn's on a smooth problem."""
    X, y = _regression_data(400)
    X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
    params = dict(hidden_layer_sizes=(32, 32), activation="tanh", learning_rate_init=0.01,
                  max_iter=200, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ours = MLPRegressor(**params).fit(X_train, y_train)
        theirs = sk.MLPRegressor(**params).fit(X_train, y_train)
    assert ours.predict(X_test).shape == y_test.shape
    assert ours.score(X_test, y_test) >= theirs.score(X_test, y_test) - 0.03


def test_mlp_classifier_in_sklearn_pipeline():
    """Check that MLPClassifier works in sklearn's Pipeline after StandardScaler (unscaled input)."""
    X, y = load_wine(return_X_y=True)
    X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0, stratify=y)
    pipe = Pipeline([("scale", StandardScaler()),
                     ("mlp", MLPClassifier(hidden_layer_sizes=(20,), learning_rate_init=0.01, random_state=0))])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        pipe.fit(X_train, y_train)
    assert pipe.score(X_test, y_test) >= 0.95
    assert pipe.set_params(mlp__alpha=0.1).get_params()["mlp__alpha"] == 0.1


def test_mlp_classifier_string_labels_and_binary():
    """Check binary classification with string labels: classes_, predict and predict_proba columns."""
    X, _, y, _ = _scaled_split(load_breast_cancer)
    labels = np.array(["benign", "malignant"])[y]
    clf = MLPClassifier(hidden_layer_sizes=(10,), max_iter=50, learning_rate_init=0.01, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        clf.fit(X, labels)
    assert list(clf.classes_) == ["benign", "malignant"] and clf.out_activation_ == "logistic"
    proba = clf.predict_proba(X)
    np.testing.assert_array_equal(clf.predict(X), clf.classes_[proba.argmax(axis=1)])
    np.testing.assert_allclose(np.exp(clf.predict_log_proba(X)), proba, rtol=1e-10)
    assert clf.score(X, labels) > 0.95


def test_mlp_early_stopping_and_stopping_rule():
    """Check early stopping (validation scores, best weights kept) and the loss-based stopping rule."""
    X, _, y, _ = _scaled_split(load_digits)
    clf = MLPClassifier(hidden_layer_sizes=(32,), learning_rate_init=0.01, early_stopping=True,
                        n_iter_no_change=3, max_iter=200, random_state=0).fit(X, y)
    assert clf.best_loss_ is None and len(clf.validation_scores_) == clf.n_iter_ < 200
    assert clf.best_validation_score_ == max(clf.validation_scores_)
    clf = MLPClassifier(hidden_layer_sizes=(32,), learning_rate_init=0.01, n_iter_no_change=2,
                        tol=1e-2, max_iter=200, random_state=0).fit(X, y)
    assert clf.n_iter_ < 200 and clf.best_loss_ == min(clf.loss_curve_)
    assert clf.validation_scores_ is None
    assert len(clf.loss_curve_) == clf.n_iter_ and clf.t_ == clf.n_iter_ * len(X)


def test_mlp_adaptive_learning_rate_decreases():
    """Check that learning_rate='adaptive' keeps training after a plateau instead of stopping at once."""
    X, _, y, _ = _scaled_split(load_iris)
    params = dict(solver="sgd", hidden_layer_sizes=(10,), learning_rate_init=0.1, tol=0.05,
                  n_iter_no_change=2, max_iter=200, random_state=0)
    constant = MLPClassifier(**params).fit(X, y)
    adaptive = MLPClassifier(learning_rate="adaptive", **params).fit(X, y)
    assert adaptive.n_iter_ > constant.n_iter_


def test_mlp_reproducible_and_warns_at_max_iter():
    """Check that a fixed random_state gives identical fits, and max_iter raises ConvergenceWarning."""
    X, _, y, _ = _scaled_split(load_iris)
    with pytest.warns(ConvergenceWarning, match=r"Maximum iterations \(3\) reached"):
        a = MLPClassifier(max_iter=3, random_state=1).fit(X, y)
    with pytest.warns(ConvergenceWarning):
        b = MLPClassifier(max_iter=3, random_state=1).fit(X, y)
    for W_a, W_b in zip(a.coefs_, b.coefs_):
        np.testing.assert_array_equal(W_a, W_b)
    assert [W.shape for W in a.coefs_] == [(4, 100), (100, 3)] and a.n_layers_ == 3


def test_mlp_verbose_progress_goes_to_stderr(capsys):
    """Check that verbose=True draws a progress bar on stderr and prints nothing on stdout."""
    X, _, y, _ = _scaled_split(load_iris)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        MLPClassifier(max_iter=2, verbose=True, random_state=0).fit(X, y)
    captured = capsys.readouterr()
    assert captured.out == "" and "epoch 2/2, loss" in captured.err


def test_mlp_errors():
    """Check the error messages for bad parameters, labels and inputs."""
    X, y = np.random.default_rng(0).normal(size=(20, 3)), np.arange(20) % 2
    with pytest.raises(InvalidParameterError, match="'solver' parameter of MLPClassifier must be a str among"):
        MLPClassifier(solver="lbfgs").fit(X, y)
    with pytest.raises(InvalidParameterError, match="'learning_rate_init' parameter .* Got 0 instead"):
        MLPRegressor(learning_rate_init=0).fit(X, y)
    with pytest.raises(ValueError, match=r"hidden_layer_sizes must be > 0, got \[10, 0\]"):
        MLPClassifier(hidden_layer_sizes=(10, 0)).fit(X, y)
    with pytest.raises(ValueError, match="Unknown label type: continuous"):
        MLPClassifier().fit(X, y + 0.5)
    with pytest.raises(ValueError, match="only one class: 1"):
        MLPClassifier().fit(X, np.ones(20, dtype=int))
    with pytest.raises(NotFittedError):
        MLPClassifier().predict(X)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        clf = MLPClassifier(max_iter=2, random_state=0).fit(X, y)
    with pytest.raises(ValueError, match="X has 2 features, but MLPClassifier is expecting 3"):
        clf.predict(X[:, :2])
    with pytest.raises(ValueError, match="The training loss became"), np.errstate(all="ignore"):
        MLPRegressor(solver="sgd", learning_rate_init=1e10, max_iter=5, random_state=0).fit(X * 1e3, y * 1e3)
    with pytest.warns(UserWarning, match="batch_size"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            MLPClassifier(batch_size=50, max_iter=1).fit(X, y)
