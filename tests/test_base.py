"""Tests for skratch.base, checked against scikit-learn's tools (clone, Pipeline...)."""

import subprocess
import sys
from numbers import Integral, Real

import numpy as np
import pytest
from numpy.testing import assert_allclose
from sklearn.base import clone, is_classifier, is_clusterer, is_regressor
from sklearn.linear_model import LinearRegression as SklearnLinearRegression
from sklearn.metrics import accuracy_score, r2_score
from sklearn.model_selection import (
    GridSearchCV,
    KFold,
    StratifiedKFold,
    check_cv,
    cross_val_score,
)
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.utils import get_tags

from skratch.base import (
    BaseEstimator,
    ClassifierMixin,
    ClusterMixin,
    TransformerMixin,
)
from skratch.linear_model import LinearRegression
from skratch.utils.validation import (
    Interval,
    StrOptions,
    check_array,
    check_is_fitted,
    check_X_y,
    validate_n_features,
)

# Toy estimators, one per mixin, written the way a skratch estimator is written. -------


class ThresholdClassifier(ClassifierMixin, BaseEstimator):
    """Predict the second class when feature 0 is above ``threshold``."""

    def __init__(self, threshold=0.0):
        self.threshold = threshold

    def fit(self, X, y):
        X, y = check_X_y(X, y, estimator=self)
        validate_n_features(self, X, reset=True)
        self.classes_ = np.unique(y)
        return self

    def predict(self, X):
        check_is_fitted(self)
        X = check_array(X, estimator=self)
        validate_n_features(self, X, reset=False)
        return self.classes_[(X[:, 0] > self.threshold).astype(int)]


class Standardiser(TransformerMixin, BaseEstimator):
    """Centre each feature, and divide by its standard deviation if ``with_std``."""

    def __init__(self, with_std=True):
        self.with_std = with_std

    def fit(self, X, y=None):
        X = check_array(X, dtype=np.float64, estimator=self)
        validate_n_features(self, X, reset=True)
        self.mean_ = X.mean(axis=0)
        self.scale_ = X.std(axis=0) if self.with_std else np.ones(X.shape[1])
        return self

    def transform(self, X):
        check_is_fitted(self)
        X = check_array(X, dtype=np.float64, estimator=self)
        validate_n_features(self, X, reset=False)
        return (X - self.mean_) / self.scale_


class SignClusterer(ClusterMixin, BaseEstimator):
    """Put samples in cluster 1 when ``X[:, feature] > 0``, else in cluster 0."""

    def __init__(self, feature=0):
        self.feature = feature

    def fit(self, X, y=None):
        X = check_array(X, estimator=self)
        self.labels_ = (X[:, self.feature] > 0).astype(int)
        return self


class Wrapper(BaseEstimator):
    """A meta-estimator holding another estimator, for nested parameters."""

    def __init__(self, estimator=None, weight=1.0):
        self.estimator = estimator
        self.weight = weight


class Constrained(BaseEstimator):
    """An estimator declaring one constraint of each kind."""

    _parameter_constraints = {
        "alpha": [Interval(Real, 0, None, closed="left")],
        "n_iter": [Interval(Integral, 1, None, closed="left"), None],
        "kind": [StrOptions({"fast", "exact"})],
        "shuffle": ["boolean"],
        "random_state": ["random_state"],
    }

    def __init__(
        self, alpha=1.0, n_iter=None, kind="fast", shuffle=True, random_state=None
    ):
        self.alpha = alpha
        self.n_iter = n_iter
        self.kind = kind
        self.shuffle = shuffle
        self.random_state = random_state


def _regression_data():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 3)) * [1.0, 5.0, 0.5] + [10.0, 0.0, -2.0]
    y = X @ np.array([2.0, -1.0, 3.0]) + 4.0 + rng.normal(size=40)
    return X, y


def _classification_data():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(60, 2))
    y = np.where(X[:, 0] + 0.3 * rng.normal(size=60) > 0, "yes", "no")
    return X, y


# get_params / set_params --------------------------------------------------------------


def test_base_estimator_get_params_reads_init_signature():
    """Check that get_params returns every __init__ parameter, sorted by name."""
    params = LinearRegression(solver="gd").get_params()
    assert params == {
        "fit_intercept": True,
        "learning_rate": 0.01,
        "max_iter": 1000,
        "solver": "gd",
        "tol": 1e-6,
    }


def test_base_estimator_get_params_without_init():
    """Check that an estimator with no __init__ has no parameters."""

    class NoParams(BaseEstimator):
        pass

    assert NoParams().get_params() == {}


def test_base_estimator_get_params_deep_includes_nested():
    """Check that deep=True adds the sub-estimator's parameters as component__param."""
    wrapper = Wrapper(estimator=LinearRegression(fit_intercept=False))
    deep = wrapper.get_params(deep=True)
    assert deep["estimator__fit_intercept"] is False
    assert deep["estimator"] is wrapper.estimator
    assert "estimator__fit_intercept" not in wrapper.get_params(deep=False)


def test_base_estimator_set_params_sets_and_returns_self():
    """Check that set_params sets attributes and returns the estimator."""
    reg = LinearRegression()
    assert reg.set_params(solver="gd", max_iter=5) is reg
    assert (reg.solver, reg.max_iter) == ("gd", 5)


def test_base_estimator_set_params_nested():
    """Check that component__param reaches the sub-estimator."""
    wrapper = Wrapper(estimator=LinearRegression())
    wrapper.set_params(estimator__solver="gd", weight=2.0)
    assert wrapper.estimator.solver == "gd"
    assert wrapper.weight == 2.0


def test_base_estimator_set_params_invalid_raises():
    """Check that an unknown parameter is named, with the estimator and valid ones."""
    with pytest.raises(
        ValueError,
        match=r"Invalid parameter 'alpha' for estimator LinearRegression\(\). Valid "
        r"parameters are: \['fit_intercept', 'learning_rate', 'max_iter', 'solver', "
        r"'tol'\].",
    ):
        LinearRegression().set_params(alpha=1.0)


def test_base_estimator_set_params_invalid_nested_raises():
    """Check that an unknown nested parameter is reported by the sub-estimator."""
    wrapper = Wrapper(estimator=LinearRegression())
    with pytest.raises(
        ValueError, match="Invalid parameter 'alpha' for estimator LinearRegression"
    ):
        wrapper.set_params(estimator__alpha=1.0)
    with pytest.raises(
        ValueError, match="Invalid parameter 'model' for estimator Wrapper"
    ):
        wrapper.set_params(model__alpha=1.0)


def test_base_estimator_varargs_init_raises():
    """Check that an __init__ with *args is refused: its parameters have no names."""

    class VarArgs(BaseEstimator):
        def __init__(self, *args):
            self.args = args

    with pytest.raises(RuntimeError, match=r"no \*args"):
        VarArgs().get_params()


# repr -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "estimator, expected",
    [
        (LinearRegression(), "LinearRegression()"),
        (
            LinearRegression(fit_intercept=False),
            "LinearRegression(fit_intercept=False)",
        ),
        (
            LinearRegression(solver="gd", learning_rate=0.1),
            "LinearRegression(learning_rate=0.1, solver='gd')",
        ),
        (
            Wrapper(estimator=LinearRegression(tol=1e-3)),
            "Wrapper(estimator=LinearRegression(tol=0.001))",
        ),
        (Constrained(alpha=np.nan), "Constrained(alpha=nan)"),
    ],
)
def test_base_estimator_repr_shows_only_changed_params(estimator, expected):
    """Check that repr lists only the parameters that differ from their defaults."""
    assert repr(estimator) == expected


def test_base_estimator_repr_matches_sklearn():
    """Check that our repr reads like scikit-learn's for the same parameters."""
    assert repr(LinearRegression(fit_intercept=False)) == repr(
        SklearnLinearRegression(fit_intercept=False)
    )


# _validate_params ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "params, match",
    [
        (
            {"alpha": -1.0},
            r"The 'alpha' parameter of Constrained must be a float in the range "
            r"\[0, inf\). Got -1.0 instead.",
        ),
        ({"alpha": "big"}, r"'alpha' parameter .* Got 'big' instead."),
        (
            {"n_iter": 0},
            r"The 'n_iter' parameter of Constrained must be an int in the range "
            r"\[1, inf\) or None. Got 0 instead.",
        ),
        ({"n_iter": True}, r"'n_iter' parameter .* Got True instead."),
        (
            {"kind": "slow"},
            r"The 'kind' parameter of Constrained must be a str among "
            r"\{'exact', 'fast'\}. Got 'slow' instead.",
        ),
        (
            {"shuffle": 1},
            r"The 'shuffle' parameter of Constrained must be an instance of 'bool' or "
            r"an instance of 'numpy.bool'. "
            r"Got 1 instead.",
        ),
        ({"random_state": 1.5}, r"'random_state' parameter .* Got 1.5 instead."),
    ],
)
def test_base_estimator_validate_params_rejects(params, match):
    """Check that _validate_params names the parameter, the constraint and the value."""
    with pytest.raises(ValueError, match=match):
        Constrained(**params)._validate_params()


def test_base_estimator_validate_params_error_is_also_type_error():
    """Check that a wrong type can be caught as TypeError as well."""
    with pytest.raises(TypeError):
        Constrained(alpha="big")._validate_params()


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"alpha": 0},
        {"alpha": np.float32(2.5)},
        {"n_iter": np.int64(3)},
        {"kind": "exact", "shuffle": np.True_},
        {"random_state": np.random.default_rng(0)},
        {"random_state": 42},
    ],
)
def test_base_estimator_validate_params_accepts(params):
    """Check that valid values, NumPy scalars included, pass _validate_params."""
    Constrained(**params)._validate_params()


# Mixins: score, fit_transform, fit_predict --------------------------------------------


def test_regressor_mixin_score_is_r2():
    """Check that RegressorMixin.score equals sklearn.metrics.r2_score."""
    X, y = _regression_data()
    reg = LinearRegression().fit(X[:30], y[:30])
    assert_allclose(reg.score(X[30:], y[30:]), r2_score(y[30:], reg.predict(X[30:])))


def test_regressor_mixin_score_constant_target():
    """Check that a constant target predicted exactly scores 1.0, as in scikit-learn."""
    X = np.arange(6.0).reshape(-1, 1)
    y = np.full(6, 3.0)
    reg = LinearRegression().fit(X, y)
    assert reg.score(X, y) == r2_score(y, reg.predict(X)) == 1.0


def test_classifier_mixin_score_is_accuracy():
    """Check that ClassifierMixin.score equals sklearn.metrics.accuracy_score."""
    X, y = _classification_data()
    clf = ThresholdClassifier().fit(X, y)
    assert clf.score(X, y) == accuracy_score(y, clf.predict(X))
    weights = np.linspace(0.1, 1.0, len(y))
    assert_allclose(
        clf.score(X, y, sample_weight=weights),
        accuracy_score(y, clf.predict(X), sample_weight=weights),
    )


def test_transformer_mixin_fit_transform():
    """Check that fit_transform equals fit then transform, with and without y."""
    X, y = _regression_data()
    expected = Standardiser().fit(X).transform(X)
    assert_allclose(Standardiser().fit_transform(X), expected)
    assert_allclose(Standardiser().fit_transform(X, y), expected)


def test_cluster_mixin_fit_predict_returns_labels():
    """Check that fit_predict returns the labels_ that fit found."""
    X, _ = _regression_data()
    clusterer = SignClusterer(feature=1)
    labels = clusterer.fit_predict(X)
    assert_allclose(labels, clusterer.labels_)
    assert_allclose(labels, X[:, 1] > 0)


# Interoperability with scikit-learn ---------------------------------------------------


@pytest.mark.parametrize(
    "estimator, kind",
    [
        (LinearRegression(), "regressor"),
        (ThresholdClassifier(), "classifier"),
        (SignClusterer(), "clusterer"),
        (Standardiser(), None),
    ],
)
def test_tags_give_estimator_type(estimator, kind):
    """Check that is_regressor, is_classifier and is_clusterer read our tags."""
    assert is_regressor(estimator) == (kind == "regressor")
    assert is_classifier(estimator) == (kind == "classifier")
    assert is_clusterer(estimator) == (kind == "clusterer")
    assert get_tags(estimator).estimator_type == kind


def test_tags_linear_regression():
    """Check that LinearRegression's tags require y and allow several targets."""
    tags = get_tags(LinearRegression())
    assert tags.target_tags.required
    assert tags.target_tags.multi_output
    assert tags.regressor_tags is not None
    assert not tags.input_tags.sparse
    assert get_tags(Standardiser()).transformer_tags is not None


def test_clone_gives_unfitted_copy():
    """Check that sklearn's clone copies the parameters and none of the fitted state."""
    X, y = _regression_data()
    reg = LinearRegression(fit_intercept=False, tol=1e-3).fit(X, y)
    copy = clone(reg)
    assert copy is not reg
    assert copy.get_params() == reg.get_params()
    assert not hasattr(copy, "coef_")


def test_clone_nested():
    """Check that clone also copies a sub-estimator, parameters included."""
    wrapper = Wrapper(estimator=LinearRegression(fit_intercept=False), weight=3.0)
    copy = clone(wrapper)
    assert copy.estimator is not wrapper.estimator
    assert copy.get_params(deep=True)["estimator__fit_intercept"] is False


def test_pipeline_matches_sklearn_pipeline():
    """Check that a Pipeline of skratch steps predicts like the scikit-learn one."""
    X, y = _regression_data()
    ours = make_pipeline(Standardiser(), LinearRegression()).fit(X, y)
    theirs = make_pipeline(StandardScaler(), SklearnLinearRegression()).fit(X, y)
    assert_allclose(ours.predict(X), theirs.predict(X), rtol=1e-10)
    assert_allclose(ours.score(X, y), theirs.score(X, y), rtol=1e-10)


def test_pipeline_set_params_reaches_skratch_step():
    """Check that Pipeline's step__param parameters reach a skratch estimator."""
    pipe = Pipeline([("scale", Standardiser()), ("reg", LinearRegression())])
    pipe.set_params(reg__fit_intercept=False, scale__with_std=False)
    assert pipe.named_steps["reg"].fit_intercept is False
    assert pipe.get_params()["scale__with_std"] is False


def test_cross_val_score_regressor_matches_sklearn():
    """Check that cross_val_score gives the R^2 scores of scikit-learn's model."""
    X, y = _regression_data()
    ours = cross_val_score(LinearRegression(), X, y, cv=5)
    theirs = cross_val_score(SklearnLinearRegression(), X, y, cv=5)
    assert_allclose(ours, theirs, rtol=1e-10)


def test_cross_val_score_classifier_uses_stratified_folds():
    """Check that a skratch classifier gets stratified folds and accuracy scores."""
    X, y = _classification_data()
    clf = ThresholdClassifier()
    assert isinstance(check_cv(5, y, classifier=is_classifier(clf)), StratifiedKFold)
    assert isinstance(
        check_cv(5, y, classifier=is_classifier(LinearRegression())), KFold
    )

    scores = cross_val_score(clf, X, y, cv=5)
    expected = [
        accuracy_score(y[test], clf.fit(X[train], y[train]).predict(X[test]))
        for train, test in StratifiedKFold(5).split(X, y)
    ]
    assert_allclose(scores, expected)


def test_grid_search_cv_finds_best_parameter():
    """Check that GridSearchCV tunes a skratch estimator and refits the best one."""
    X, y = _classification_data()
    search = GridSearchCV(ThresholdClassifier(), {"threshold": [-1.0, 0.0, 1.0]}, cv=3)
    search.fit(X, y)
    assert search.best_params_ == {"threshold": 0.0}
    assert isinstance(search.best_estimator_, ThresholdClassifier)

    X, y = _regression_data()  # a large intercept: fitting it must win
    search = GridSearchCV(
        LinearRegression(), {"fit_intercept": [False, True]}, cv=3
    ).fit(X, y)
    assert search.best_params_ == {"fit_intercept": True}
    assert_allclose(search.predict(X), LinearRegression().fit(X, y).predict(X))


# Import cost --------------------------------------------------------------------------


def test_import_skratch_does_not_import_sklearn():
    """Check that importing skratch and its families leaves scikit-learn unloaded."""
    code = (
        "import sys\n"
        "import skratch, skratch.base, skratch.exceptions, skratch.utils.validation\n"
        "import skratch.linear_model\n"
        "assert 'sklearn' not in sys.modules, 'skratch imported scikit-learn'\n"
    )
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", code], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_import_any_family_does_not_import_sklearn():
    """Check that no subpackage of skratch, loaded alone, loads scikit-learn."""
    import pkgutil

    import skratch

    families = [m.name for m in pkgutil.iter_modules(skratch.__path__, "skratch.")]
    for family in families:
        code = f"import sys, {family}\nassert 'sklearn' not in sys.modules, {family!r}\n"
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert result.returncode == 0, f"{family}: {result.stderr[-300:]}"


# scikit-learn's classes ---------------------------------------------------------------


def test_not_fitted_error_is_sklearns_once_sklearn_is_loaded():
    """Check that an unfitted predict raises an error both packages' except clauses catch."""
    import pickle

    import sklearn.exceptions

    from skratch.exceptions import NotFittedError
    from skratch.linear_model import LinearRegression

    with pytest.raises(sklearn.exceptions.NotFittedError, match="not fitted yet") as info:
        LinearRegression().predict([[1.0]])
    error = info.value
    assert isinstance(error, NotFittedError)
    assert isinstance(error, (ValueError, AttributeError))
    assert type(error).__name__ == "NotFittedError"
    assert type(error).__module__ == "skratch.exceptions"
    again = pickle.loads(pickle.dumps(error))
    assert isinstance(again, sklearn.exceptions.NotFittedError)
    assert again.args == error.args


def test_not_fitted_error_without_sklearn_is_only_ours():
    """Check that without scikit-learn loaded, the error is skratch's class itself."""
    code = (
        "import sys\n"
        "from skratch.exceptions import NotFittedError\n"
        "from skratch.linear_model import Ridge\n"
        "try:\n"
        "    Ridge().predict([[1.0]])\n"
        "except NotFittedError as error:\n"
        "    assert type(error) is NotFittedError, type(error).__mro__\n"
        "assert 'sklearn' not in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_parameter_constraints_are_sklearn_intervals_once_sklearn_is_loaded():
    """Check that scikit-learn's checks see Interval constraints as its own, unchanged in use."""
    import pickle
    from numbers import Real

    from sklearn.utils._param_validation import Interval as SklearnInterval

    from skratch.anomaly import GaussianAnomalyDetector
    from skratch.utils.validation import Interval

    (constraint,) = GaussianAnomalyDetector._parameter_constraints["contamination"]
    assert isinstance(constraint, SklearnInterval) and isinstance(constraint, Interval)
    assert (constraint.type, constraint.left, constraint.right) == (Real, 0, 0.5)
    assert constraint.closed == "right"
    assert str(constraint) == "a float in the range (0, 0.5]"
    assert constraint.is_satisfied_by(0.5) and not constraint.is_satisfied_by(0.0)
    assert not pickle.loads(pickle.dumps(constraint)).is_satisfied_by(0.6)
    with pytest.raises(ValueError, match=r"'contamination' parameter .* \(0, 0.5\]"):
        GaussianAnomalyDetector(contamination=0.7).fit(np.zeros((5, 2)))


def test_is_classifier_matches_sklearn():
    """Check skratch.base.is_classifier against scikit-learn's, pipelines included."""
    from sklearn.linear_model import LogisticRegression as SklearnLogistic

    from skratch.base import is_classifier as skratch_is_classifier
    from skratch.linear_model import LogisticRegression
    from skratch.pipeline import make_pipeline as skratch_make_pipeline
    from skratch.preprocessing import StandardScaler as SkratchScaler

    for estimator in (LogisticRegression(), LinearRegression(), SklearnLogistic(),
                      SklearnLinearRegression(), SkratchScaler(),
                      make_pipeline(StandardScaler(), SklearnLogistic()),
                      skratch_make_pipeline(SkratchScaler(), LogisticRegression())):
        assert skratch_is_classifier(estimator) == is_classifier(estimator)
