"""Tests for Pipeline and make_pipeline, compared against sklearn.pipeline.Pipeline,
including skratch pipelines inside scikit-learn's own tools."""

import numpy as np
import pytest
import sklearn.model_selection as skms
import sklearn.pipeline as skpipe
import sklearn.preprocessing as skp
from numpy.testing import assert_allclose
from sklearn.datasets import load_breast_cancer, load_diabetes
from sklearn.linear_model import LogisticRegression as SklearnLogisticRegression
from sklearn.linear_model import Ridge as SklearnRidge

from skratch.impute import SimpleImputer
from skratch.linear_model import LinearRegression, Ridge
from skratch.pipeline import Pipeline, make_pipeline
from skratch.preprocessing import MinMaxScaler, PolynomialFeatures, StandardScaler

TOL = 1e-8  # closed-form steps (scaling, least squares)


def test_pipeline_standard_scaler_ridge_in_sklearn_cross_val_score():
    """Check skratch Pipeline(StandardScaler, Ridge) scores like scikit-learn's under
    sklearn's cross_val_score (the issue's interoperability test)."""
    X, y = load_diabetes(return_X_y=True)
    ours = Pipeline([("scaler", StandardScaler()), ("ridge", Ridge(alpha=2.0))])
    theirs = skpipe.Pipeline([("scaler", skp.StandardScaler()),
                              ("ridge", SklearnRidge(alpha=2.0))])
    for scoring in (None, "neg_mean_squared_error"):
        assert_allclose(skms.cross_val_score(ours, X, y, cv=5, scoring=scoring),
                        skms.cross_val_score(theirs, X, y, cv=5, scoring=scoring),
                        rtol=TOL)


def test_pipeline_linear_regression_in_sklearn_grid_search():
    """Check a skratch pipeline grid-searched by sklearn's GridSearchCV (step__param)."""
    X, y = load_diabetes(return_X_y=True)
    ours = make_pipeline(PolynomialFeatures(), StandardScaler(), LinearRegression())
    theirs = skpipe.make_pipeline(skp.PolynomialFeatures(), skp.StandardScaler(),
                                  SklearnRidge(alpha=1e-12))
    grid = {"polynomialfeatures__degree": [1, 2]}
    a = skms.GridSearchCV(ours, grid, cv=3).fit(X[:, :4], y)
    b = skms.GridSearchCV(theirs, grid, cv=3).fit(X[:, :4], y)
    assert_allclose(a.cv_results_["mean_test_score"], b.cv_results_["mean_test_score"],
                    rtol=1e-6)


def test_pipeline_classifier_passthrough_methods():
    """Check predict_proba/decision_function/score/classes_ through the pipeline."""
    X, y = load_breast_cancer(return_X_y=True)
    X, y = X[::3], y[::3]
    ours = Pipeline([("scaler", MinMaxScaler()), ("skip", "passthrough"),
                     ("clf", SklearnLogisticRegression())]).fit(X, y)
    theirs = skpipe.Pipeline([("scaler", skp.MinMaxScaler()), ("skip", "passthrough"),
                              ("clf", SklearnLogisticRegression())]).fit(X, y)
    for method in ("predict", "predict_proba", "decision_function"):
        assert_allclose(getattr(ours, method)(X), getattr(theirs, method)(X),
                        rtol=TOL)
    assert_allclose(ours.score(X, y), theirs.score(X, y))
    assert list(ours.classes_) == [0, 1]
    assert ours.n_features_in_ == X.shape[1]


def test_pipeline_transform_inverse_and_named_steps():
    """Check transform, inverse_transform, fit_transform, named_steps and indexing."""
    X = load_diabetes().data
    pipe = make_pipeline(StandardScaler(), MinMaxScaler())
    out = pipe.fit_transform(X)
    assert_allclose(out, skpipe.make_pipeline(skp.StandardScaler(),
                                              skp.MinMaxScaler()).fit_transform(X),
                    rtol=TOL)
    assert_allclose(pipe.inverse_transform(out), X, rtol=TOL, atol=1e-12)
    assert pipe.named_steps.standardscaler is pipe[0] is pipe["standardscaler"]
    assert len(pipe) == 2 and len(pipe[:1]) == 1
    assert not hasattr(pipe, "predict")
    assert not hasattr(make_pipeline(StandardScaler(), Ridge()), "predict_proba")


def test_pipeline_get_set_params():
    """Check step__param, replacing a step, and clone through sklearn."""
    from sklearn.base import clone

    pipe = make_pipeline(StandardScaler(), Ridge())
    assert pipe.get_params()["ridge__alpha"] == 1.0
    pipe.set_params(ridge__alpha=3.0, standardscaler="passthrough")
    assert pipe.named_steps.ridge.alpha == 3.0
    assert pipe.steps[0][1] == "passthrough"
    copy = clone(pipe)
    assert copy.named_steps.ridge is not pipe.named_steps.ridge
    assert copy.get_params()["ridge__alpha"] == 3.0


def test_pipeline_fit_params_routing():
    """Check that step__param fit parameters reach the step, and others are refused."""
    X, y = load_diabetes(return_X_y=True)
    w = np.random.default_rng(0).random(len(y))
    ours = make_pipeline(StandardScaler(), SklearnRidge()).fit(X, y,
                                                               ridge__sample_weight=w)
    theirs = skpipe.make_pipeline(skp.StandardScaler(), SklearnRidge()).fit(
        X, y, ridge__sample_weight=w)
    assert_allclose(ours.predict(X), theirs.predict(X), rtol=TOL)
    with pytest.raises(ValueError, match="does not accept the sample_weight"):
        ours.fit(X, y, sample_weight=w)


def test_make_pipeline_names_like_sklearn():
    """Check lowercased class names and -1, -2 suffixes for repeated classes."""
    ours = make_pipeline(StandardScaler(), StandardScaler(), "passthrough", Ridge())
    theirs = skpipe.make_pipeline(skp.StandardScaler(), skp.StandardScaler(),
                                  "passthrough", SklearnRidge())
    assert [n for n, _ in ours.steps] == [n for n, _ in theirs.steps]


@pytest.mark.parametrize(
    "steps, error, match",
    [
        ([("a", Ridge()), ("b", Ridge())], TypeError,
         "All intermediate steps should be transformers"),
        ([("a", StandardScaler()), ("a", Ridge())], ValueError, "not unique"),
        ([("a__b", StandardScaler()), ("c", Ridge())], ValueError, "must not contain __"),
        ([("a", StandardScaler()), ("b", 3)], TypeError, "Last step of Pipeline"),
        ([], TypeError, "non-empty list"),
    ],
)
def test_pipeline_rejects_invalid_steps(steps, error, match):
    """Check that invalid steps raise at fit with a message naming the problem."""
    with pytest.raises(error, match=match):
        Pipeline(steps).fit(np.ones((4, 2)), np.arange(4.0))


def test_pipeline_propagates_bad_input_errors():
    """Check that a NaN reaching a step raises that step's error; an imputer avoids it."""
    X, y = load_diabetes(return_X_y=True)
    X = X.copy()
    X[0, 0] = np.nan
    with pytest.raises(ValueError, match="Input X contains NaN"):
        make_pipeline(StandardScaler(), Ridge()).fit(X, y)
    make_pipeline(SimpleImputer(), StandardScaler(), Ridge()).fit(X, y)
    with pytest.raises(ValueError, match="Invalid parameter 'lasso'"):
        make_pipeline(StandardScaler(), Ridge()).set_params(lasso__alpha=1.0)


def test_pipeline_get_feature_names_out_matches_sklearn():
    """Check that get_feature_names_out chains the steps' names, as sklearn's."""
    from sklearn.impute import SimpleImputer as SklearnSimpleImputer

    X = np.array([[1.0, np.nan], [2.0, 3.0], [np.nan, 5.0]])
    ours = make_pipeline(SimpleImputer(), StandardScaler()).fit(X)
    theirs = skpipe.make_pipeline(SklearnSimpleImputer(),
                                  skp.StandardScaler()).fit(X)
    for names in (None, ["a", "b"]):
        assert list(ours.get_feature_names_out(names)) == list(
            theirs.get_feature_names_out(names))
    with pytest.raises(AttributeError, match="does not provide"):
        make_pipeline(StandardScaler(), Ridge()).fit(X[1:2], [1]
                                                     ).get_feature_names_out()
