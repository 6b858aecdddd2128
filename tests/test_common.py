"""Tests that every skratch estimator passes scikit-learn's estimator checks.

``parametrize_with_checks`` runs scikit-learn's API checks (get_params/set_params,
clone, fit returns self, input validation messages, n_features_in_, pickling, ...)
on each instance in ``ESTIMATORS``. A new estimator family adds its instances there;
a check it cannot pass goes in ``EXPECTED_FAILED_CHECKS`` with a one-line reason.
"""

import warnings

import pytest
from sklearn.utils.estimator_checks import parametrize_with_checks

from skratch.linear_model import (
    ElasticNet,
    HuberRegressor,
    Lasso,
    LinearRegression,
    LogisticRegression,
    Perceptron,
    Ridge,
    SGDClassifier,
    SGDRegressor,
)

# ESTIMATORS lists one or more instances of every exported estimator, family by family;
# EXPECTED_FAILED_CHECKS maps repr(instance) -> {check name: one-line reason}. Each
# family keeps its imports, instances and expected failures in its own block below.
ESTIMATORS = []
EXPECTED_FAILED_CHECKS = {}


# --- linear_model ---------------------------------------------------------------------
# learning_rate=1e-3 keeps gradient descent stable on the checks' unscaled data
# (features up to about 10); max_iter is enough to reach R^2 > 0.5 on their
# standardised data.
LINEAR_REGRESSION_GD = LinearRegression(solver="gd", learning_rate=1e-3, max_iter=5000)
ESTIMATORS += [
    LinearRegression(),
    LINEAR_REGRESSION_GD,
    LogisticRegression(),
    SGDRegressor(random_state=0),
    Perceptron(),
    Lasso(),
    ElasticNet(),
    Ridge(),
    HuberRegressor(),
    SGDClassifier(random_state=0),
    SGDClassifier(loss="log_loss", random_state=0),
]
_GD_DIVERGES = (
    "fits X centred at 100: plain gradient descent with this learning_rate diverges "
    "(fit raises ValueError); it needs standardised X."
)
EXPECTED_FAILED_CHECKS.update({
    repr(HuberRegressor()): {
        "check_sample_weight_equivalence_on_dense_data": "L-BFGS-B stops at other "
        "points on weighted and repeated data (scikit-learn's HuberRegressor fails it "
        "too); the objective is the same.",
    },
    repr(LINEAR_REGRESSION_GD): {
        "check_fit_check_is_fitted": _GD_DIVERGES,
        "check_fit_idempotent": _GD_DIVERGES,
        "check_n_features_in": _GD_DIVERGES,
    },
})

# --- preprocessing, impute, pipeline --------------------------------------------------
from skratch.impute import SimpleImputer  # noqa: E402
from skratch.linear_model import Ridge  # noqa: E402
from skratch.model_selection import GridSearchCV  # noqa: E402
from skratch.pipeline import Pipeline, make_pipeline  # noqa: E402
from skratch.preprocessing import (  # noqa: E402
    MinMaxScaler,
    OneHotEncoder,
    PolynomialFeatures,
    StandardScaler,
)

PIPELINE_RIDGE = make_pipeline(StandardScaler(), Ridge())
PIPELINE_TRANSFORMER = Pipeline(
    [("poly", PolynomialFeatures()), ("scale", "passthrough"), ("imputer", SimpleImputer())]
)
GRID_SEARCH_RIDGE = GridSearchCV(Ridge(), {"alpha": [0.1, 1.0]}, cv=2)
ESTIMATORS += [
    StandardScaler(),
    StandardScaler(with_mean=False),
    MinMaxScaler(),
    MinMaxScaler(feature_range=(-1, 2), clip=True),
    OneHotEncoder(handle_unknown="ignore"),
    PolynomialFeatures(),
    PolynomialFeatures(degree=(2, 3), interaction_only=True, include_bias=False),
    SimpleImputer(),
    SimpleImputer(strategy="most_frequent"),
    PIPELINE_TRANSFORMER,
    PIPELINE_RIDGE,
    GRID_SEARCH_RIDGE,
]
_STEPS_MUTATED = (
    "fit fits the step estimators held in `steps` in place, as scikit-learn's "
    "Pipeline does (it xfails this check too)."
)
EXPECTED_FAILED_CHECKS.update({
    repr(PIPELINE_RIDGE): {
        "check_estimators_overwrite_params": _STEPS_MUTATED,
    },
    repr(PIPELINE_TRANSFORMER): {
        "check_estimators_overwrite_params": _STEPS_MUTATED,
    },
    repr(GRID_SEARCH_RIDGE): {
        "check_supervised_y_2d": "the DataConversionWarning of each fold's fit is "
        "not passed on (scikit-learn's GridSearchCV xfails it too).",
        "check_requires_y_none": "the inner fits fail (error_score=nan with a "
        "warning) instead of one clear error (scikit-learn's GridSearchCV xfails it "
        "too).",
    },
})

# --- compose -------------------------------------------------------------------------
from skratch.compose import ColumnTransformer  # noqa: E402

# Column specs that hold for any number of features the checks use (1 or more): a
# slice, a list holding column 0, and an estimator as remainder.
ESTIMATORS += [
    ColumnTransformer([("scale", StandardScaler(), slice(0, 2))],
                      remainder="passthrough"),
    ColumnTransformer([("minmax", MinMaxScaler(), [0]),
                       ("impute", SimpleImputer(), slice(1, 3)),
                       ("skip", "drop", slice(3, 4))],
                      remainder=StandardScaler(), transformer_weights={"minmax": 2.0}),
]
# --- tree, ensemble -------------------------------------------------------------------
from skratch.ensemble import (  # noqa: E402
    AdaBoostClassifier,
    BaggingClassifier,
    GradientBoostingClassifier,
    GradientBoostingRegressor,
    RandomForestClassifier,
    RandomForestRegressor,
)
from skratch.tree import DecisionTreeClassifier, DecisionTreeRegressor  # noqa: E402

# Small ensembles keep the checks fast; the checks only test the API.
ESTIMATORS += [
    DecisionTreeClassifier(),
    DecisionTreeRegressor(),
    DecisionTreeClassifier(max_leaf_nodes=5),
    DecisionTreeRegressor(max_leaf_nodes=5),
    DecisionTreeClassifier(class_weight="balanced"),
    RandomForestClassifier(n_estimators=10, random_state=0),
    RandomForestClassifier(n_estimators=10, class_weight="balanced_subsample",
                           random_state=0),
    RandomForestRegressor(n_estimators=10, random_state=0),
    BaggingClassifier(n_estimators=5, random_state=0),
    AdaBoostClassifier(n_estimators=10, random_state=0),
    GradientBoostingRegressor(n_estimators=20, random_state=0),
    GradientBoostingClassifier(n_estimators=20, random_state=0),
]
_WEIGHTS_ARE_NOT_ROWS_FOREST = (
    "a bootstrap draws rows, so weighting a row by 2 and repeating it draw different "
    "samples; scikit-learn expects the same failure of its forests."
)
_WEIGHTS_ARE_NOT_ROWS_BOOSTING = (
    "scikit-learn expects the same failure of its own estimator (sample_weight is not "
    "equivalent to repeating samples); ours differs at a few of the check's points, "
    "not root-caused beyond that."
)
EXPECTED_FAILED_CHECKS.update({
    repr(DecisionTreeClassifier(class_weight="balanced")): {
        "check_sample_weight_equivalence_on_dense_data": "balanced weights "
        "n / (K n_k) count the rows, so repeating a row changes them and "
        "weighting it does not; the check's 15 rows and 30 features then "
        "have other exact ties between features (scikit-learn's random "
        "feature order happens to pick the same feature in both fits).",
    },
    repr(RandomForestClassifier(n_estimators=10, random_state=0)): {
        "check_sample_weight_equivalence_on_dense_data": _WEIGHTS_ARE_NOT_ROWS_FOREST,
    },
    repr(RandomForestClassifier(n_estimators=10, class_weight="balanced_subsample",
                                random_state=0)): {
        "check_sample_weight_equivalence_on_dense_data": _WEIGHTS_ARE_NOT_ROWS_FOREST,
    },
    repr(RandomForestRegressor(n_estimators=10, random_state=0)): {
        "check_sample_weight_equivalence_on_dense_data": _WEIGHTS_ARE_NOT_ROWS_FOREST,
    },
    repr(AdaBoostClassifier(n_estimators=10, random_state=0)): {
        "check_sample_weight_equivalence_on_dense_data": _WEIGHTS_ARE_NOT_ROWS_BOOSTING,
    },
    repr(GradientBoostingRegressor(n_estimators=20, random_state=0)): {
        "check_sample_weight_equivalence_on_dense_data": _WEIGHTS_ARE_NOT_ROWS_BOOSTING,
    },
    repr(GradientBoostingClassifier(n_estimators=20, random_state=0)): {
        "check_sample_weight_equivalence_on_dense_data": _WEIGHTS_ARE_NOT_ROWS_BOOSTING,
    },
})

# --- neighbors, svm, naive_bayes ------------------------------------------------------
from skratch.naive_bayes import GaussianNB, MultinomialNB  # noqa: E402
from skratch.neighbors import KNeighborsClassifier, KNeighborsRegressor  # noqa: E402
from skratch.svm import SVC, LinearSVC  # noqa: E402

ESTIMATORS += [
    KNeighborsClassifier(),
    KNeighborsClassifier(algorithm="kd_tree", weights="distance", p=1),
    KNeighborsRegressor(),
    KNeighborsRegressor(algorithm="kd_tree", weights="distance"),
    SVC(),
    SVC(kernel="linear", C=10.0),
    SVC(class_weight="balanced"),
    SVC(probability=True, random_state=0),
    LinearSVC(random_state=0),
    LinearSVC(loss="hinge", random_state=0),
    GaussianNB(),
    MultinomialNB(),
]

_SVC_WEIGHTS = (
    "weight k and k copies give the same primal problem but other duals (the copies "
    "share the box k C), so SMO stops at another point within tol: decision "
    "functions differ by about tol, not 1e-9 (tests/svm/test_svc.py checks it to "
    "tol). scikit-learn's SVC xfails it too."
)
EXPECTED_FAILED_CHECKS.update({
    repr(estimator): {"check_sample_weight_equivalence_on_dense_data": _SVC_WEIGHTS}
    for estimator in [
        SVC(),
        SVC(kernel="linear", C=10.0),
        SVC(class_weight="balanced"),
        SVC(probability=True, random_state=0),
    ]
})

# --- cluster, decomposition, mixture, anomaly -----------------------------------------
from skratch.cluster import DBSCAN, KMeans  # noqa: E402
from skratch.decomposition import PCA  # noqa: E402
from skratch.mixture import GaussianMixture  # noqa: E402
from skratch.anomaly import GaussianAnomalyDetector  # noqa: E402

ESTIMATORS += [
    KMeans(n_clusters=2, random_state=0),
    KMeans(n_clusters=2, init="random", random_state=0),
    DBSCAN(),
    PCA(),
    PCA(n_components=1, whiten=True, svd_solver="full"),
    GaussianMixture(n_components=2, random_state=0),
    GaussianMixture(n_components=2, covariance_type="diag", n_init=2, random_state=0),
    GaussianMixture(n_components=2, covariance_type="tied", random_state=0),
    GaussianMixture(n_components=2, covariance_type="spherical", random_state=0),
    GaussianAnomalyDetector(),
    GaussianAnomalyDetector(covariance_type="full"),
]
_KMEANS_WEIGHTS = (
    "the random starts differ between weighted and repeated data (other sample counts "
    "and order), so the local optimum differs; Lloyd's steps themselves treat weights "
    "as repetitions (tests/cluster/test_kmeans.py). scikit-learn's KMeans xfails it too."
)
EXPECTED_FAILED_CHECKS.update({
    repr(KMeans(n_clusters=2, random_state=0)): {
        "check_sample_weight_equivalence_on_dense_data": _KMEANS_WEIGHTS,
    },
    repr(KMeans(n_clusters=2, init="random", random_state=0)): {
        "check_sample_weight_equivalence_on_dense_data": _KMEANS_WEIGHTS,
    },
})

# --- kernel_ridge ---------------------------------------------------------------------
from skratch.kernel_ridge import KernelRidge  # noqa: E402

ESTIMATORS += [
    KernelRidge(),
    KernelRidge(kernel="rbf", alpha=0.1),
    KernelRidge(kernel="precomputed"),
]

# --- neural_network -------------------------------------------------------------------
from skratch.neural_network import MLPClassifier, MLPRegressor  # noqa: E402

# Small networks and budgets keep the checks fast; learning_rate_init=0.01 lets them
# reach the checks' accuracy and R^2 thresholds within max_iter.
ESTIMATORS += [
    MLPClassifier(hidden_layer_sizes=(20,), learning_rate_init=0.01, max_iter=100, random_state=0),
    MLPRegressor(hidden_layer_sizes=(20,), learning_rate_init=0.01, max_iter=200, random_state=0),
]


# --- isotonic, calibration ------------------------------------------------------------
from skratch.calibration import CalibratedClassifierCV  # noqa: E402
from skratch.isotonic import IsotonicRegression  # noqa: E402

# IsotonicRegression takes 1-D X (its tags say so, and the checks then test little);
# CalibratedClassifierCV wraps small, fast classifiers with 3 folds.
ESTIMATORS += [
    IsotonicRegression(),
    IsotonicRegression(increasing="auto", out_of_bounds="clip"),
    CalibratedClassifierCV(GaussianNB(), cv=3),
    CalibratedClassifierCV(LogisticRegression(), method="isotonic", cv=3, ensemble=False),
]


def _expected_failed_checks(estimator):
    return EXPECTED_FAILED_CHECKS.get(repr(estimator), {})


with warnings.catch_warnings():
    # By design skratch estimators do not inherit from sklearn.base.BaseEstimator
    # (skratch must load without scikit-learn); the tags make them compatible.
    warnings.filterwarnings("ignore", message="Estimator .* does not inherit from")
    sklearn_checks = parametrize_with_checks(
        ESTIMATORS, expected_failed_checks=_expected_failed_checks, xfail_strict=True
    )


# The checks fit tiny, unscaled data sets with a fixed budget: iterative solvers may
# stop at max_iter there, which is not what these checks test.
@pytest.mark.filterwarnings("ignore::skratch.exceptions.ConvergenceWarning")
@sklearn_checks
def test_estimator_passes_sklearn_checks(estimator, check):
    """Check that the estimator passes one of scikit-learn's estimator checks."""
    check(estimator)


def _exported_estimator_classes():
    """Every class a skratch family exports (its ``__all__``) that has ``fit``."""
    import importlib

    import skratch
    from skratch.base import BaseEstimator

    found = {}
    for name in skratch.__all__:
        module = importlib.import_module(f"skratch.{name}")
        for attr in getattr(module, "__all__", []):
            obj = getattr(module, attr)
            if isinstance(obj, type) and issubclass(obj, BaseEstimator) and hasattr(obj, "fit"):
                found[f"skratch.{name}.{attr}"] = obj
    return found


def test_every_exported_estimator_is_checked():
    """Check that ESTIMATORS holds an instance of every estimator the package exports."""
    checked = {type(estimator) for estimator in ESTIMATORS}
    missing = sorted(name for name, cls in _exported_estimator_classes().items() if cls not in checked)
    assert not missing, f"add an instance of each to ESTIMATORS: {missing}"
