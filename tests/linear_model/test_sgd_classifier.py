"""Tests for SGDClassifier, compared against sklearn.linear_model.SGDClassifier."""

import numpy as np
import pytest
from numpy.testing import assert_allclose
from sklearn.datasets import load_breast_cancer, load_iris, load_wine
from sklearn.linear_model import SGDClassifier as SklearnSGDClassifier

from skratch.exceptions import NotFittedError
from skratch.linear_model import SGDClassifier

stops_early = pytest.mark.filterwarnings(
    "ignore::skratch.exceptions.ConvergenceWarning",
    "ignore::sklearn.exceptions.ConvergenceWarning",
)
LOSSES = ["hinge", "log_loss", "modified_huber", "squared_hinge", "perceptron"]
# Without shuffling our updates are scikit-learn's, in the same order: only rounding
# differs (scikit-learn stores w as a scale times a vector).
EXACT_RTOL = 1e-8
EXACT_ATOL = 1e-10


def _standardised(loader):
    def load():
        X, y = loader(return_X_y=True)
        return (X - X.mean(axis=0)) / (X.std(axis=0) + 1e-12), y
    return load


def _breast_cancer_head():
    X, y = _standardised(load_breast_cancer)()
    return X[:150], y[:150]  # a short binary set keeps the many exact checks fast


DATASETS = {
    "iris": _standardised(load_iris),
    "breast_cancer": _standardised(load_breast_cancer),
    "wine": _standardised(load_wine),
    "breast_cancer_head": _breast_cancer_head,
}


def _split(X, y, seed=0):
    test = np.random.default_rng(seed).permutation(len(X))[: len(X) // 4]
    train = np.setdiff1d(np.arange(len(X)), test)
    return X[train], X[test], y[train], y[test]


@stops_early
@pytest.mark.parametrize("learning_rate", ["optimal", "constant", "invscaling", "adaptive"])
@pytest.mark.parametrize("penalty", ["l2", "elasticnet", None])
@pytest.mark.parametrize("loss", LOSSES)
@pytest.mark.parametrize("dataset", ["iris", "breast_cancer_head"])
def test_sgd_classifier_matches_sklearn_without_shuffling(
    dataset, loss, penalty, learning_rate
):
    """Check that with shuffle=False every update, hence the result, equals scikit-learn's."""
    X, y = DATASETS[dataset]()
    params = dict(
        loss=loss, penalty=penalty, learning_rate=learning_rate, alpha=0.01,
        shuffle=False, max_iter=10,
    )
    ours = SGDClassifier(**params).fit(X, y)
    theirs = SklearnSGDClassifier(**params).fit(X, y)
    assert ours.n_iter_ == theirs.n_iter_
    assert ours.t_ == theirs.t_
    assert_allclose(ours.coef_, theirs.coef_, rtol=EXACT_RTOL, atol=EXACT_ATOL)
    assert_allclose(ours.intercept_, theirs.intercept_, rtol=EXACT_RTOL, atol=EXACT_ATOL)


@pytest.mark.parametrize("loss", LOSSES)
@pytest.mark.parametrize("dataset", ["iris", "breast_cancer_head"])
def test_sgd_classifier_l1_updates_match_sklearn(dataset, loss):
    """Check that the L1 updates equal scikit-learn's over a fixed number of epochs."""
    # tol=None: scikit-learn's stopping objective reads a stale cached L1 norm
    # (see the Notes), so only the updates themselves are compared.
    X, y = DATASETS[dataset]()
    params = dict(loss=loss, penalty="l1", alpha=0.01, shuffle=False, max_iter=8, tol=None)
    ours = SGDClassifier(**params).fit(X, y)
    theirs = SklearnSGDClassifier(**params).fit(X, y)
    assert_allclose(ours.coef_, theirs.coef_, rtol=EXACT_RTOL, atol=EXACT_ATOL)
    assert_allclose(ours.intercept_, theirs.intercept_, rtol=EXACT_RTOL, atol=EXACT_ATOL)


@stops_early
@pytest.mark.parametrize("average", [True, 10])
@pytest.mark.parametrize("dataset", ["iris", "breast_cancer"])
def test_sgd_classifier_average_matches_sklearn(dataset, average):
    """Check that averaged SGD (L2 penalty, no shuffling) equals scikit-learn's."""
    X, y = DATASETS[dataset]()
    params = dict(average=average, alpha=0.01, shuffle=False, max_iter=20)
    ours = SGDClassifier(**params).fit(X, y)
    theirs = SklearnSGDClassifier(**params).fit(X, y)
    assert_allclose(ours.coef_, theirs.coef_, rtol=EXACT_RTOL, atol=EXACT_ATOL)
    assert_allclose(ours.intercept_, theirs.intercept_, rtol=EXACT_RTOL, atol=EXACT_ATOL)


@stops_early
def test_sgd_classifier_matches_numpy_reference_of_the_update_rule():
    """Check that a constant-rate hinge fit replays the plain update rule to 1e-10."""
    X, y = DATASETS["breast_cancer"]()
    eta, alpha, epochs = 0.05, 0.01, 3
    clf = SGDClassifier(
        loss="hinge", learning_rate="constant", eta0=eta, alpha=alpha,
        shuffle=False, max_iter=epochs, tol=None,
    ).fit(X, y)
    signs = np.where(y == clf.classes_[1], 1.0, -1.0)
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(epochs):
        for x_i, y_i in zip(X, signs):
            margin = y_i * (x_i @ w + b)
            w = (1 - eta * alpha) * w  # weight decay: the L2 step
            if margin <= 1:  # inside the margin: the hinge's gradient is -y x
                w = w + eta * y_i * x_i
                b = b + eta * y_i
    assert_allclose(clf.coef_[0], w, rtol=1e-10, atol=1e-10)
    assert_allclose(clf.intercept_[0], b, rtol=1e-10, atol=1e-10)


# Shuffled fits follow different random orders (scikit-learn shuffles with its own
# generator): compare what they achieve. Margin: 0.05 accuracy on held-out data.
ACCURACY_MARGIN = 0.05


@stops_early
@pytest.mark.parametrize("loss", LOSSES)
@pytest.mark.parametrize("dataset", ["iris", "breast_cancer", "wine"])
def test_sgd_classifier_accuracy_close_to_sklearn(dataset, loss):
    """Check that with shuffling the held-out accuracy is within 0.05 of scikit-learn's."""
    X_train, X_test, y_train, y_test = _split(*DATASETS[dataset]())
    # max_iter=100: squared_hinge does not meet tol within it (on both sides).
    params = dict(loss=loss, alpha=0.01, max_iter=100, random_state=0)
    ours = SGDClassifier(**params).fit(X_train, y_train)
    theirs = SklearnSGDClassifier(**params).fit(X_train, y_train)
    gap = ours.score(X_test, y_test) - theirs.score(X_test, y_test)
    assert gap > -ACCURACY_MARGIN


@pytest.mark.parametrize("dataset", ["breast_cancer", "wine"])
def test_sgd_classifier_log_loss_close_to_sklearn(dataset):
    """Check that the held-out log loss is within 0.1 of scikit-learn's."""
    from sklearn.metrics import log_loss

    X_train, X_test, y_train, y_test = _split(*DATASETS[dataset]())
    params = dict(loss="log_loss", alpha=0.01, random_state=0)
    ours = SGDClassifier(**params).fit(X_train, y_train)
    theirs = SklearnSGDClassifier(**params).fit(X_train, y_train)
    ours_loss = log_loss(y_test, ours.predict_proba(X_test))
    theirs_loss = log_loss(y_test, theirs.predict_proba(X_test))
    assert ours_loss < theirs_loss + 0.1


@stops_early
@pytest.mark.parametrize("loss", ["log_loss", "modified_huber"])
@pytest.mark.parametrize("dataset", ["iris", "breast_cancer"])
def test_sgd_classifier_predict_proba_matches_sklearn(dataset, loss):
    """Check that predict_proba equals scikit-learn's (same fit, no shuffling) to 1e-8."""
    X, y = DATASETS[dataset]()
    params = dict(loss=loss, alpha=0.01, shuffle=False, max_iter=20)
    ours = SGDClassifier(**params).fit(X, y)
    theirs = SklearnSGDClassifier(**params).fit(X, y)
    assert_allclose(ours.predict_proba(X), theirs.predict_proba(X), rtol=1e-8, atol=1e-10)
    assert_allclose(ours.decision_function(X), theirs.decision_function(X), rtol=1e-8,
                    atol=1e-10)
    assert np.array_equal(ours.predict(X), theirs.predict(X))
    assert_allclose(np.exp(ours.predict_log_proba(X)), ours.predict_proba(X), rtol=1e-12)


def test_sgd_classifier_predict_proba_only_for_probabilistic_losses():
    """Check that hinge has no predict_proba (hasattr is False) and log_loss has one."""
    X, y = DATASETS["iris"]()
    assert not hasattr(SGDClassifier(loss="hinge").fit(X, y), "predict_proba")
    with pytest.raises(AttributeError, match="loss='hinge'"):
        SGDClassifier(loss="hinge").predict_proba(X)
    assert hasattr(SGDClassifier(loss="log_loss"), "predict_proba")


def test_sgd_classifier_string_labels_and_shapes():
    """Check binary and multiclass shapes and that labels come back as given."""
    X, y = DATASETS["iris"]()
    names = np.array(["setosa", "versicolor", "virginica"])[y]
    clf = SGDClassifier(random_state=0).fit(X, names)
    assert clf.coef_.shape == (3, 4) and clf.intercept_.shape == (3,)
    assert set(clf.predict(X)) <= set(names)
    binary = SGDClassifier(random_state=0).fit(X[y > 0], names[y > 0])
    assert binary.coef_.shape == (1, 4)
    assert binary.decision_function(X).shape == (len(X),)


def test_sgd_classifier_early_stopping_is_reproducible():
    """Check that early stopping ends before max_iter and repeats with the same seed."""
    X, y = DATASETS["breast_cancer"]()
    params = dict(early_stopping=True, random_state=0)
    first = SGDClassifier(**params).fit(X, y)
    again = SGDClassifier(**params).fit(X, y)
    assert first.n_iter_ < 1000
    assert_allclose(first.coef_, again.coef_, rtol=0)


@pytest.mark.parametrize(
    "params, match",
    [
        ({"loss": "squared_error"}, "loss"),
        ({"penalty": "l3"}, "penalty"),
        ({"alpha": -1.0}, "alpha"),
        ({"eta0": 0.0}, "eta0"),
        ({"learning_rate": "fast"}, "learning_rate"),
        ({"average": -1}, "average"),
        ({"alpha": 0.0}, "alpha must be > 0"),
        ({"early_stopping": True, "validation_fraction": 0.999}, "validation_fraction"),
    ],
)
def test_sgd_classifier_rejects_bad_parameters(params, match):
    """Check that invalid parameters raise a ValueError naming the parameter."""
    X, y = DATASETS["iris"]()
    with pytest.raises(ValueError, match=match):
        SGDClassifier(**params).fit(X, y)


def test_sgd_classifier_rejects_bad_input():
    """Check one class, continuous targets, unfitted predict and a wrong width."""
    X, y = DATASETS["iris"]()
    with pytest.raises(ValueError, match="greater than one"):
        SGDClassifier().fit(X, np.zeros(len(X)))
    with pytest.raises(ValueError, match="Unknown label type"):
        SGDClassifier().fit(X, X[:, 0])
    with pytest.raises(NotFittedError):
        SGDClassifier().predict(X)
    with pytest.raises(ValueError, match="features"):
        SGDClassifier(random_state=0).fit(X, y).predict(X[:, :2])
