"""Tests for SVC, compared against sklearn.svm.SVC."""

import warnings

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal
from sklearn import svm as sk
from sklearn.datasets import load_breast_cancer, load_iris, load_wine
from sklearn.metrics import log_loss
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

from skratch.exceptions import ConvergenceWarning, NotFittedError
from skratch.svm import SVC

# Our SMO takes LIBSVM's steps (same working-set selection, same update, kernel rows
# rounded to single precision as in LIBSVM's cache, dot products summed in the same
# order), so the dual solution agrees to rounding: about 1e-13 on these data sets.
# The issue asks for decision functions to 1e-3; we test a much tighter 1e-8, which
# still leaves room for other BLAS builds and CPUs.
ATOL = 1e-8


def _standardised(loader):
    def load():
        X, y = loader(return_X_y=True)
        return StandardScaler().fit_transform(X), y
    return load


def _generated():
    rng = np.random.default_rng(0)
    y = rng.integers(3, size=240)
    X = rng.normal(size=(240, 5)) + y[:, None] * [1.0, -0.5, 0.0, 0.3, 0.8]
    return X, y


DATASETS = {
    "iris": _standardised(load_iris),
    "wine": _standardised(load_wine),
    "breast_cancer": _standardised(load_breast_cancer),
    "generated": _generated,
    "generated_binary": lambda: (_generated()[0], _generated()[1] > 0),
}

KERNELS = [
    {"kernel": "linear"},
    {"kernel": "rbf"},
    {"kernel": "rbf", "gamma": "auto", "C": 10.0},
    {"kernel": "poly", "degree": 2, "coef0": 1.0},
    {"kernel": "sigmoid", "gamma": 0.05, "C": 0.5},
]


def _assert_same_svc(ours, theirs, X):
    assert_array_equal(ours.support_, theirs.support_)
    assert_array_equal(ours.n_support_, theirs.n_support_)
    assert_allclose(ours.support_vectors_, theirs.support_vectors_)
    assert_allclose(ours.dual_coef_, theirs.dual_coef_, atol=ATOL)
    assert_allclose(ours.intercept_, theirs.intercept_, atol=ATOL)
    assert_allclose(ours.decision_function(X), theirs.decision_function(X), atol=ATOL)
    assert_array_equal(ours.predict(X), theirs.predict(X))


@pytest.mark.parametrize("dataset", DATASETS)
@pytest.mark.parametrize("params", KERNELS, ids=lambda p: "-".join(map(str, p.values())))
def test_svc_matches_sklearn(dataset, params):
    """Check that support vectors, dual coefficients and decisions equal scikit-learn's."""
    X, y = DATASETS[dataset]()
    ours = SVC(**params).fit(X, y)
    theirs = sk.SVC(**params).fit(X, y)
    _assert_same_svc(ours, theirs, X)
    # Same steps, so nearly always the same count; tanh and exp may round a last bit
    # differently from the C library's and shift one step (seen once here).
    assert np.abs(ours.n_iter_ - theirs.n_iter_).max() <= 2


@pytest.mark.parametrize("dataset", ["iris", "wine", "generated_binary"])
def test_svc_linear_coef_matches_sklearn(dataset):
    """Check that coef_ of the linear kernel equals scikit-learn's."""
    X, y = DATASETS[dataset]()
    ours = SVC(kernel="linear", C=0.3).fit(X, y)
    theirs = sk.SVC(kernel="linear", C=0.3).fit(X, y)
    assert_allclose(ours.coef_, theirs.coef_, atol=ATOL)
    with pytest.raises(AttributeError, match="only available when using a linear"):
        SVC().fit(X, y).coef_


@pytest.mark.parametrize("break_ties", [False, True])
def test_svc_ovo_ovr_and_break_ties_match_sklearn(break_ties):
    """Check decision_function_shape ovo/ovr and break_ties against scikit-learn."""
    X, y = DATASETS["generated"]()
    for shape in ["ovo", "ovr"]:
        if break_ties and shape == "ovo":
            continue
        params = {"decision_function_shape": shape, "break_ties": break_ties}
        ours = SVC(**params).fit(X, y)
        theirs = sk.SVC(**params).fit(X, y)
        dec = ours.decision_function(X)
        assert dec.shape == (len(X), 3)
        assert_allclose(dec, theirs.decision_function(X), atol=ATOL)
        assert_array_equal(ours.predict(X), theirs.predict(X))


def test_svc_string_labels_and_tol():
    """Check string labels and a looser tol against scikit-learn."""
    X, y = DATASETS["wine"]()
    labels = np.array(["barolo", "grignolino", "barbera"])[y]
    ours = SVC(tol=1e-1).fit(X, labels)
    theirs = sk.SVC(tol=1e-1).fit(X, labels)
    assert_array_equal(ours.classes_, theirs.classes_)
    _assert_same_svc(ours, theirs, X)


def test_svc_gamma_scale_on_unscaled_data():
    """Check gamma='scale' on raw (unscaled) breast cancer features."""
    X, y = load_breast_cancer(return_X_y=True)
    X, y = X[:200], y[:200]
    ours = SVC(gamma="scale").fit(X, y)
    theirs = sk.SVC(gamma="scale").fit(X, y)
    _assert_same_svc(ours, theirs, X)


def test_svc_max_iter_warns():
    """Check that stopping at max_iter warns, as scikit-learn does."""
    X, y = DATASETS["breast_cancer"]()
    with pytest.warns(ConvergenceWarning, match="max_iter=5"):
        clf = SVC(max_iter=5).fit(X, y)
    assert clf.fit_status_ == 1
    assert_array_equal(clf.n_iter_, [5])


# --- errors ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params, match",
    [
        ({"C": 0.0}, r"'C' parameter of SVC must be a float in the range \(0, inf\)"),
        ({"kernel": "laplacian"}, r"'kernel' parameter .* Got 'laplacian' instead"),
        ({"gamma": "big"}, r"'gamma' parameter .* Got 'big' instead"),
        ({"gamma": -1.0}, r"'gamma' parameter .* Got -1.0 instead"),
        ({"degree": -1}, r"'degree' parameter .* Got -1 instead"),
        ({"tol": 0}, r"'tol' parameter .* Got 0 instead"),
        ({"max_iter": -2}, r"'max_iter' parameter .* Got -2 instead"),
        ({"decision_function_shape": "ova"}, r"'decision_function_shape' .* 'ova'"),
        ({"class_weight": "auto"}, r"'class_weight' parameter .* Got 'auto' instead"),
        (
            {"break_ties": True, "decision_function_shape": "ovo"},
            "break_ties must be False when decision_function_shape is 'ovo'",
        ),
    ],
)
def test_svc_rejects_invalid_params(params, match):
    """Check that invalid parameters are refused in fit with the value quoted."""
    X, y = DATASETS["iris"]()
    with pytest.raises(ValueError, match=match):
        SVC(**params).fit(X, y)


def test_svc_rejects_bad_targets():
    """Check that one class and continuous targets are refused clearly."""
    X, _ = DATASETS["iris"]()
    with pytest.raises(ValueError, match="has to be greater than one; got 1 class"):
        SVC().fit(X, np.zeros(len(X)))
    with pytest.raises(ValueError, match="Unknown label type: continuous"):
        SVC().fit(X, np.linspace(0, 1, len(X)))


def test_svc_predict_errors():
    """Check that predict refuses unfitted use, wrong feature counts and NaN."""
    X, y = DATASETS["iris"]()
    with pytest.raises(NotFittedError, match="This SVC instance is not fitted"):
        SVC().predict(X)
    clf = SVC().fit(X, y)
    with pytest.raises(ValueError, match="X has 3 features, but SVC is expecting 4"):
        clf.decision_function(X[:, :3])
    X_nan = X.copy()
    X_nan[0, 0] = np.nan
    with pytest.raises(ValueError, match="Input X contains NaN"):
        clf.predict(X_nan)


# --- sample_weight and class_weight ---------------------------------------------------

# LIBSVM bounds each alpha_i by C_i = C * class_weight[y_i] * sample_weight_i and drops
# the samples of weight 0. Against scikit-learn with shrinking=False (LIBSVM without
# its shrinking heuristic, which we leave out) the steps are the same: ATOL. With
# shrinking (scikit-learn's default), the gradient it rebuilds when it unshrinks is
# rounded differently, a near-tie can then go the other way and SMO stops at another
# point within tol of the optimum: on the weighted problems below, decision functions
# then differ by up to 1.6e-3 (tol=1e-3); we allow SHRINKING_ATOL.
SHRINKING_ATOL = 5e-3
WEIGHTED_KERNELS = [
    {"kernel": "linear", "C": 0.5},
    {"kernel": "rbf"},
    {"kernel": "poly", "degree": 2, "coef0": 1.0},
]


def _weights(n, seed=0):
    # Uniform weights in (0, 3), every seventh sample weighing 0.
    weights = np.random.default_rng(seed).uniform(0.0, 3.0, size=n)
    weights[::7] = 0.0
    return weights


def _assert_same_weighted_svc(ours, theirs, X, weights):
    # scikit-learn 1.9 numbers support_ among the samples of positive weight
    # (scikit-learn pull request 27763); ours index the training set as given.
    kept = np.flatnonzero(weights > 0)
    assert_array_equal(ours.support_, kept[theirs.support_])
    assert_array_equal(ours.n_support_, theirs.n_support_)
    assert_allclose(ours.support_vectors_, theirs.support_vectors_)
    assert_allclose(ours.dual_coef_, theirs.dual_coef_, atol=ATOL)
    assert_allclose(ours.intercept_, theirs.intercept_, atol=ATOL)
    assert_allclose(ours.decision_function(X), theirs.decision_function(X), atol=ATOL)
    assert_array_equal(ours.predict(X), theirs.predict(X))


@pytest.mark.parametrize("dataset", DATASETS)
@pytest.mark.parametrize(
    "params", WEIGHTED_KERNELS, ids=lambda p: "-".join(map(str, p.values()))
)
def test_svc_sample_weight_matches_sklearn(dataset, params):
    """Check that sample weights (some 0) give scikit-learn's support and duals."""
    X, y = DATASETS[dataset]()
    weights = _weights(len(y))
    ours = SVC(**params).fit(X, y, sample_weight=weights)
    theirs = sk.SVC(shrinking=False, **params).fit(X, y, sample_weight=weights)
    _assert_same_weighted_svc(ours, theirs, X, weights)
    assert not np.isin(np.flatnonzero(weights == 0), ours.support_).any()


@pytest.mark.parametrize("dataset", DATASETS)
@pytest.mark.parametrize(
    "class_weight",
    ["balanced", {0: 3.0}, {0: 0.5, 1: 2.0, 2: 4.0}],
    ids=["balanced", "dict-one-class", "dict-all"],
)
@pytest.mark.parametrize("with_sample_weight", [False, True])
def test_svc_class_weight_matches_sklearn(dataset, class_weight, with_sample_weight):
    """Check class_weight, alone and times sample_weight, against scikit-learn."""
    X, y = DATASETS[dataset]()
    y = y.astype(int)  # the binary data set's labels are booleans
    if isinstance(class_weight, dict):
        class_weight = {k: v for k, v in class_weight.items() if k in y}
    weights = _weights(len(y), seed=1) if with_sample_weight else np.ones(len(y))
    ours = SVC(class_weight=class_weight).fit(X, y, sample_weight=weights)
    theirs = sk.SVC(shrinking=False, class_weight=class_weight).fit(
        X, y, sample_weight=weights
    )
    assert_allclose(ours.class_weight_, theirs.class_weight_, rtol=1e-15)
    _assert_same_weighted_svc(ours, theirs, X, weights)


@pytest.mark.parametrize("dataset", DATASETS)
@pytest.mark.parametrize(
    "params",
    WEIGHTED_KERNELS + [{"class_weight": "balanced"}],
    ids=lambda p: "-".join(map(str, p.values())),
)
def test_svc_weights_match_sklearn_default_solver(dataset, params):
    """Check weighted fits against scikit-learn's default (shrinking) solver."""
    X, y = DATASETS[dataset]()
    weights = _weights(len(y))
    ours = SVC(**params).fit(X, y, sample_weight=weights)
    theirs = sk.SVC(**params).fit(X, y, sample_weight=weights)
    assert_allclose(
        ours.decision_function(X), theirs.decision_function(X), atol=SHRINKING_ATOL
    )
    assert_allclose(ours.intercept_, theirs.intercept_, atol=SHRINKING_ATOL)
    assert_array_equal(ours.predict(X), theirs.predict(X))


def test_svc_multiclass_ovo_with_weights_matches_sklearn():
    """Check the one-vs-one decision columns with class and sample weights."""
    X, y = DATASETS["generated"]()
    weights = _weights(len(y), seed=2)
    params = {"class_weight": "balanced", "decision_function_shape": "ovo"}
    ours = SVC(**params).fit(X, y, sample_weight=weights)
    theirs = sk.SVC(shrinking=False, **params).fit(X, y, sample_weight=weights)
    assert ours.decision_function(X).shape == (len(X), 3)
    _assert_same_weighted_svc(ours, theirs, X, weights)


def test_svc_class_weight_with_string_labels():
    """Check a class_weight dict keyed by string labels against scikit-learn."""
    X, y = DATASETS["wine"]()
    labels = np.array(["barolo", "grignolino", "barbera"])[y]
    class_weight = {"barolo": 2.0, "barbera": 0.5}
    ours = SVC(class_weight=class_weight).fit(X, labels)
    theirs = sk.SVC(class_weight=class_weight, shrinking=False).fit(X, labels)
    assert_array_equal(ours.class_weight_, [0.5, 2.0, 1.0])  # barbera, barolo, ...
    _assert_same_weighted_svc(ours, theirs, X, np.ones(len(y)))


def test_svc_zero_weight_is_removal():
    """Check that weight 0 gives the same model as removing the samples."""
    X, y = DATASETS["wine"]()
    weights = np.where(np.arange(len(y)) % 5 == 0, 0.0, 1.0)
    kept = weights > 0
    # A fixed gamma: "scale" reads the variance of all of X, zero weights or not.
    weighted = SVC(gamma=0.1).fit(X, y, sample_weight=weights)
    removed = SVC(gamma=0.1).fit(X[kept], y[kept])
    assert_array_equal(weighted.support_, np.flatnonzero(kept)[removed.support_])
    assert_allclose(weighted.dual_coef_, removed.dual_coef_, rtol=1e-15)
    assert_allclose(weighted.intercept_, removed.intercept_, rtol=1e-15)


def test_svc_weight_scales_the_box():
    """Check that sample weight 2 everywhere is C doubled."""
    X, y = DATASETS["iris"]()
    doubled = SVC(C=2.0).fit(X, y)
    weighted = SVC(C=1.0).fit(X, y, sample_weight=np.full(len(y), 2.0))
    assert_array_equal(weighted.support_, doubled.support_)
    assert_allclose(weighted.dual_coef_, doubled.dual_coef_, rtol=1e-15)
    assert_allclose(weighted.intercept_, doubled.intercept_, rtol=1e-15)
    assert np.abs(weighted.dual_coef_).max() <= 2.0 + 1e-12


@pytest.mark.parametrize("tol", [1e-3, 1e-6, 1e-10])
def test_svc_integer_weight_is_repetition_up_to_tol(tol):
    """Check that weight k acts as k copies, to about the solver's tol."""
    X, y = DATASETS["iris"]()
    weights = np.random.default_rng(0).integers(0, 4, size=len(y))
    # Same primal problem, other duals (k copies share the box k C): the two SMO
    # runs stop at different points within tol (measured 1.5e-4, 2e-7, 2e-11).
    weighted = SVC(tol=tol, gamma=0.3).fit(X, y, sample_weight=weights)
    repeated = SVC(tol=tol, gamma=0.3).fit(
        np.repeat(X, weights, axis=0), np.repeat(y, weights)
    )
    assert_allclose(
        weighted.decision_function(X), repeated.decision_function(X), atol=tol
    )


def test_svc_weight_errors():
    """Check that bad sample and class weights are refused with the value quoted."""
    X, y = DATASETS["iris"]()
    weights = np.ones(len(y))
    weights[3] = -0.5
    with pytest.raises(ValueError, match=r"Negative values .* minimum of -0.5"):
        SVC().fit(X, y, sample_weight=weights)
    with pytest.raises(ValueError, match=r"sample_weight.shape == \(3,\), expected"):
        SVC().fit(X, y, sample_weight=[1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="at least one non-zero"):
        SVC().fit(X, y, sample_weight=np.zeros(len(y)))
    with pytest.raises(ValueError, match=r"The classes, \[0, 1, 2\], are not in"):
        SVC(class_weight={5: 2.0}).fit(X, y)
    with pytest.raises(ValueError, match=r"class\(es\) \[0\] have none"):
        SVC().fit(X, y, sample_weight=np.where(y == 0, 0.0, 1.0))
    with pytest.raises(ValueError, match="intercepts are not finite"):
        SVC(class_weight={0: 0.0}).fit(X, y)


# --- probability=True -----------------------------------------------------------------

# scikit-learn draws its folds with LIBSVM's own generator, we with NumPy's: the Platt
# sigmoids are fitted on other held-out scores, so the probabilities are compared by
# their quality, on a held-out 30%. Measured on these data sets (random_state=0 on
# both sides): |log-loss gap| <= 0.008, |Brier score gap| <= 0.006, and no single
# probability more than 0.06 apart; the margins below leave room for other folds.
LOG_LOSS_MARGIN = 0.05
BRIER_MARGIN = 0.02
PROBA_MARGIN = 0.15


def _sk_probability_svc(**params):
    # scikit-learn 1.9 deprecates probability=True (for CalibratedClassifierCV).
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        return sk.SVC(probability=True, **params)


def _fit_quietly(model, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        return model.fit(*args, **kwargs)


def _brier(y, proba, classes):
    return np.mean(np.sum((proba - (y[:, None] == classes)) ** 2, axis=1))


@pytest.mark.parametrize("dataset", DATASETS)
@pytest.mark.parametrize(
    "params",
    [{}, {"kernel": "linear", "C": 0.5}, {"class_weight": "balanced"}],
    ids=["rbf", "linear", "balanced"],
)
def test_svc_probability_log_loss_matches_sklearn(dataset, params):
    """Check held-out log-loss and Brier score against scikit-learn's, to a margin."""
    X, y = DATASETS[dataset]()
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.3, random_state=0, stratify=y
    )
    ours = SVC(probability=True, random_state=0, **params).fit(X_train, y_train)
    theirs = _sk_probability_svc(random_state=0, **params)
    _fit_quietly(theirs, X_train, y_train)
    p_ours, p_theirs = ours.predict_proba(X_test), theirs.predict_proba(X_test)
    assert p_ours.shape == (len(X_test), len(ours.classes_))
    assert_allclose(p_ours.sum(axis=1), 1.0, rtol=1e-12)
    gap = log_loss(y_test, p_ours) - log_loss(y_test, p_theirs)
    assert abs(gap) < LOG_LOSS_MARGIN
    brier_gap = _brier(y_test, p_ours, ours.classes_) - _brier(
        y_test, p_theirs, theirs.classes_
    )
    assert abs(brier_gap) < BRIER_MARGIN
    assert_allclose(p_ours, p_theirs, atol=PROBA_MARGIN)
    assert_allclose(ours.predict_log_proba(X_test), np.log(p_ours), rtol=1e-15)


@pytest.mark.parametrize("dataset", ["iris", "wine", "generated_binary"])
def test_svc_probability_equals_sklearn_given_its_sigmoids(dataset):
    """Check sigmoid plus coupling exactly: with scikit-learn's A and B, same proba."""
    X, y = DATASETS[dataset]()
    theirs = _fit_quietly(_sk_probability_svc(random_state=0), X, y)
    ours = SVC(probability=True, random_state=0).fit(X, y)
    ours.probA_, ours.probB_ = theirs._probA, theirs._probB
    # Decision values agree to ATOL and the sigmoid's slope is about 4.
    assert_allclose(ours.predict_proba(X), theirs.predict_proba(X), atol=1e-7)


def test_svc_probability_sigmoids_near_sklearn():
    """Check that the fitted Platt slopes are near scikit-learn's (other folds)."""
    X, y = DATASETS["breast_cancer"]()
    ours = SVC(probability=True, random_state=0).fit(X, y)
    theirs = _fit_quietly(_sk_probability_svc(random_state=0), X, y)
    assert_allclose(ours.probA_, theirs._probA, rtol=0.2)
    # The model predict uses is the same one.
    assert_allclose(ours.decision_function(X), theirs.decision_function(X), atol=ATOL)


def test_svc_probability_is_seeded_by_random_state():
    """Check that random_state fixes the folds, and other seeds give other sigmoids."""
    X, y = DATASETS["wine"]()
    first = SVC(probability=True, random_state=3).fit(X, y)
    again = SVC(probability=True, random_state=3).fit(X, y)
    other = SVC(probability=True, random_state=4).fit(X, y)
    assert_array_equal(first.predict_proba(X), again.predict_proba(X))
    assert not np.allclose(first.probA_, other.probA_)
    # probability=True leaves the classifier itself unchanged.
    assert_array_equal(first.dual_coef_, SVC().fit(X, y).dual_coef_)


def test_svc_probability_with_sample_weight():
    """Check weighted probabilities against scikit-learn's held-out log-loss."""
    X, y = DATASETS["generated"]()
    weights = _weights(len(y), seed=3)
    X_train, X_test, y_train, y_test, w_train, _ = train_test_split(
        X, y, weights, test_size=0.3, random_state=0
    )
    ours = SVC(probability=True, random_state=0).fit(X_train, y_train, w_train)
    theirs = _fit_quietly(
        _sk_probability_svc(random_state=0), X_train, y_train, sample_weight=w_train
    )
    gap = log_loss(y_test, ours.predict_proba(X_test)) - log_loss(
        y_test, theirs.predict_proba(X_test)
    )
    assert abs(gap) < LOG_LOSS_MARGIN


def test_svc_probability_methods_need_probability_true():
    """Check that predict_proba is absent without probability=True, clearly."""
    X, y = DATASETS["iris"]()
    clf = SVC().fit(X, y)
    assert not hasattr(clf, "predict_proba")
    with pytest.raises(AttributeError, match="not available when probability=False"):
        clf.predict_proba(X)
    with pytest.raises(AttributeError, match="predict_log_proba is not available"):
        clf.predict_log_proba(X)
    clf.set_params(probability=True)
    with pytest.raises(NotFittedError, match="fitted with probability=False"):
        clf.predict_proba(X)
    with pytest.raises(NotFittedError, match="This SVC instance is not fitted"):
        SVC(probability=True).predict_proba(X)
