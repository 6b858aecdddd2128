"""Tests for ColumnTransformer and make_column_transformer, compared against
sklearn.compose.ColumnTransformer."""

import numpy as np
import pytest
import sklearn.compose as skc
import sklearn.impute as ski
import sklearn.preprocessing as skp
from numpy.testing import assert_allclose, assert_array_equal
from sklearn.datasets import load_diabetes, load_iris, load_wine

from skratch.compose import ColumnTransformer, make_column_transformer
from skratch.exceptions import NotFittedError
from skratch.impute import SimpleImputer
from skratch.linear_model import LogisticRegression, Ridge
from skratch.model_selection import GridSearchCV, cross_val_score
from skratch.neighbors import KNeighborsClassifier
from skratch.pipeline import Pipeline, make_pipeline
from skratch.preprocessing import MinMaxScaler, OneHotEncoder, StandardScaler

TOL = 1e-12  # closed-form transformers: the same arithmetic on both sides

SKRATCH = {"std": StandardScaler, "minmax": MinMaxScaler,
           "onehot": OneHotEncoder, "impute": SimpleImputer}
SKLEARN = {"std": skp.StandardScaler, "minmax": skp.MinMaxScaler,
           "onehot": lambda: skp.OneHotEncoder(sparse_output=False),
           "impute": ski.SimpleImputer}


def _pair(spec, remainder="drop", **kwargs):
    """The same ColumnTransformer twice: skratch's parts, scikit-learn's parts."""
    def build(kinds):
        def part(p):
            if isinstance(p, str) and p in kinds:
                return kinds[p]()
            return p
        rest = part(remainder)
        return [(name, part(kind), cols) for name, kind, cols in spec], rest
    ours_t, ours_r = build(SKRATCH)
    theirs_t, theirs_r = build(SKLEARN)
    return (ColumnTransformer(ours_t, remainder=ours_r, **kwargs),
            skc.ColumnTransformer(theirs_t, remainder=theirs_r, **kwargs))


def _mixed(n=30, seed=0, nan=False):
    """An object array: two numeric columns, a categorical one, a numeric one."""
    rng = np.random.default_rng(seed)
    X = np.empty((n, 4), dtype=object)
    X[:, 0] = rng.normal(50, 10, n)
    X[:, 1] = rng.integers(0, 5, n).astype(float)
    X[:, 2] = rng.choice(["red", "green", "blue"], n)
    X[:, 3] = rng.normal(0, 1, n)
    if nan:
        X[::7, 0] = np.nan
    return X


DATASETS = {"iris": load_iris(return_X_y=True)[0],
            "wine": load_wine(return_X_y=True)[0],
            "diabetes": load_diabetes(return_X_y=True)[0]}
SPECS = [
    ([("a", "std", [0, 1]), ("b", "minmax", [2])], "drop"),
    ([("a", "std", slice(0, 2))], "passthrough"),
    ([("a", "minmax", [True, False, True, False])], "std"),
    ([("a", "std", [-1]), ("b", "drop", [0])], "passthrough"),
    ([("a", "passthrough", [3, 1]), ("b", "std", [1])], "minmax"),
]


@pytest.mark.parametrize("data", DATASETS)
@pytest.mark.parametrize("spec, remainder", SPECS)
@pytest.mark.parametrize("parts", ["same", "sklearn inside both"])
def test_column_transformer_matches_sklearn(data, spec, remainder, parts):
    """Check transform, feature names, output_indices_ and transformers_ columns
    against scikit-learn's (our parts vs theirs, and theirs inside both)."""
    X = DATASETS[data][:, :4]
    ours, theirs = _pair(spec, remainder)
    if parts == "sklearn inside both":
        ours = ColumnTransformer(theirs.transformers, remainder=theirs.remainder)
    X_train, X_test = X[::2], X[1::2]
    assert_allclose(ours.fit_transform(X_train), theirs.fit_transform(X_train),
                    rtol=TOL, atol=TOL)
    assert_allclose(ours.transform(X_test), theirs.transform(X_test),
                    rtol=TOL, atol=TOL)
    assert_array_equal(ours.get_feature_names_out(),
                       theirs.get_feature_names_out())
    assert ours.output_indices_ == theirs.output_indices_
    assert [(n, c) for n, _, c in ours.transformers_] == \
        [(n, c) for n, _, c in theirs.transformers_]
    assert ours.n_features_in_ == theirs.n_features_in_ == 4


def test_column_transformer_mixed_types_and_weights_match_sklearn():
    """Check impute + scale on numbers, one-hot on strings, weights, and a
    string passthrough (object output) against scikit-learn."""
    X = _mixed(nan=True)
    num = Pipeline([("impute", SimpleImputer()), ("scale", StandardScaler())])
    from sklearn.pipeline import Pipeline as SkPipeline
    sk_num = SkPipeline([("impute", ski.SimpleImputer()),
                         ("scale", skp.StandardScaler())])
    ours = ColumnTransformer(
        [("num", num, [0, 1]), ("cat", OneHotEncoder(), [2])],
        remainder="passthrough", transformer_weights={"cat": 2.0})
    theirs = skc.ColumnTransformer(
        [("num", sk_num, [0, 1]),
         ("cat", skp.OneHotEncoder(sparse_output=False), [2])],
        remainder="passthrough", transformer_weights={"cat": 2.0})
    a, b = ours.fit_transform(X), theirs.fit_transform(X)
    assert_allclose(a.astype(float), b.astype(float), rtol=TOL, atol=TOL)
    assert_array_equal(ours.get_feature_names_out(),
                       theirs.get_feature_names_out())
    # A passthrough of strings keeps them: the output is an object array.
    ours = ColumnTransformer([("keep", "passthrough", [2])]).fit(X)
    theirs = skc.ColumnTransformer([("keep", "passthrough", [2])]).fit(X)
    assert_array_equal(ours.transform(X), theirs.transform(X))
    assert ours.transform(X).dtype == theirs.transform(X).dtype == object


def test_column_transformer_nan_passthrough_like_sklearn():
    """Check that NaN passes through a passthrough column unchanged, while a
    skratch scaler (which refuses NaN) on that column raises."""
    X = DATASETS["iris"].copy()
    X[3, 1] = np.nan
    ours = ColumnTransformer([("s", StandardScaler(), [0])],
                             remainder="passthrough")
    theirs = skc.ColumnTransformer([("s", skp.StandardScaler(), [0])],
                                   remainder="passthrough")
    assert_allclose(ours.fit_transform(X), theirs.fit_transform(X),
                    rtol=TOL, equal_nan=True)
    assert np.isnan(ours.transform(X)[3, 1])
    ct = ColumnTransformer([("s", StandardScaler(), [1])])
    with pytest.raises(ValueError, match="Input X contains NaN"):
        ct.fit(X)


def test_column_transformer_scalar_column_passes_1d():
    """Check that a scalar column spec passes 1-D data (an error for a scaler,
    with scikit-learn's hint) while a list of one passes 2-D."""
    X = DATASETS["iris"]
    with pytest.raises(ValueError, match="list of one item instead of a scalar"):
        ColumnTransformer([("s", StandardScaler(), 0)]).fit(X)
    with pytest.raises(ValueError, match="transformer should be 2D"):
        ColumnTransformer([("s", "passthrough", 0)]).fit(X)
    out = ColumnTransformer([("s", StandardScaler(), [0])]).fit_transform(X)
    assert out.shape == (150, 1)


def test_column_transformer_verbose_feature_names_out():
    """Check the three forms of verbose_feature_names_out against sklearn."""
    X = DATASETS["iris"]
    spec = [("a", "std", [0, 1]), ("b", "minmax", [2, 3])]
    for verbose in (True, False, "{feature_name}:{transformer_name}"):
        ours, theirs = _pair(spec, verbose_feature_names_out=verbose)
        assert_array_equal(ours.fit(X).get_feature_names_out(),
                           theirs.fit(X).get_feature_names_out())
    ours = ColumnTransformer([("a", StandardScaler(), [0])],
                             verbose_feature_names_out=lambda t, f: f + t)
    assert list(ours.fit(X).get_feature_names_out()) == ["x0a"]


def test_column_transformer_name_clashes_raise():
    """Check that repeated output names without prefixes raise, as sklearn."""
    X = DATASETS["iris"]
    ct = ColumnTransformer([("a", StandardScaler(), [0, 1]),
                            ("b", MinMaxScaler(), [0, 1])],
                           verbose_feature_names_out=False).fit(X)
    with pytest.raises(ValueError, match=r"\['x0', 'x1'\] are not unique"):
        ct.get_feature_names_out()


@pytest.mark.parametrize("transformers, match", [
    ([("a", StandardScaler(), [0]), ("a", MinMaxScaler(), [1])],
     "Names provided are not unique"),
    ([("a__b", StandardScaler(), [0])], "must not contain __"),
    ([("remainder", StandardScaler(), [0])], "conflict with constructor"),
    ([("a", StandardScaler(), [7])], r"all features must be in \[0, 3\]"),
    ([("a", StandardScaler(), [True, False])], r"all features must be in"),
    ([("a", StandardScaler(), "age")], "only supported for dataframes"),
    ([("a", StandardScaler(), [0, "b"])], "No valid specification"),
])
def test_column_transformer_bad_specs_raise(transformers, match):
    """Check that a bad name or column spec raises a ValueError naming it."""
    with pytest.raises(ValueError, match=match):
        ColumnTransformer(transformers).fit(DATASETS["iris"])


def test_column_transformer_bad_parameters_raise():
    """Check invalid remainder, transformer, weights and feature counts."""
    X = DATASETS["iris"]
    with pytest.raises(ValueError, match="'remainder' parameter of "
                       "ColumnTransformer must be a str among"):
        ColumnTransformer([], remainder="keep").fit(X)
    with pytest.raises(TypeError, match="should implement fit and transform"):
        ColumnTransformer([("a", Ridge(), [0])]).fit(X)
    with pytest.raises(TypeError, match="Expected an estimator instance"):
        ColumnTransformer([("a", Ridge, [0])]).fit(X)
    with pytest.raises(TypeError, match="All estimators should implement"):
        ColumnTransformer([("a", "scale", [0])]).fit(X)
    with pytest.raises(ValueError, match="sparse_threshold"):
        ColumnTransformer([], sparse_threshold=2.0).fit(X)
    ct = ColumnTransformer([("a", StandardScaler(), [0])]).fit(X)
    with pytest.raises(ValueError, match="X has 3 features, but "
                       "ColumnTransformer is expecting 4 features"):
        ct.transform(X[:, :3])
    with pytest.raises(NotFittedError):
        ColumnTransformer([]).transform(X)


def test_column_transformer_empty_selection_and_all_dropped():
    """Check that empty selections are skipped and an all-drop gives 0 columns."""
    X = DATASETS["iris"]
    ours, theirs = _pair([("a", "std", []), ("b", "minmax", [1])])
    assert_allclose(ours.fit_transform(X), theirs.fit_transform(X), rtol=TOL)
    assert ours.output_indices_ == theirs.output_indices_
    assert isinstance(ours.named_transformers_["a"], StandardScaler)
    out = ColumnTransformer([("d", "drop", [0])]).fit_transform(X)
    assert out.shape == (150, 0)


def test_column_transformer_does_not_fit_given_transformers():
    """Check that fit clones the transformers it is given."""
    scaler = StandardScaler()
    ct = ColumnTransformer([("s", scaler, [0])]).fit(DATASETS["iris"])
    assert not hasattr(scaler, "mean_")
    assert ct.named_transformers_.s is not scaler


def test_column_transformer_params_in_pipeline_and_grid_search():
    """Check nested params (preprocess__num__with_mean) through Pipeline and
    skratch's GridSearchCV, and replacing a transformer by name."""
    X, y = load_wine(return_X_y=True)
    ct = ColumnTransformer([("num", StandardScaler(), slice(0, 6))],
                           remainder=MinMaxScaler())
    pipe = Pipeline([("preprocess", ct),
                     ("knn", KNeighborsClassifier())])
    params = pipe.get_params()
    assert params["preprocess__num__with_mean"] is True
    assert params["preprocess__remainder__clip"] is False
    pipe.set_params(preprocess__num__with_mean=False)
    assert ct.transformers[0][1].with_mean is False
    pipe.set_params(preprocess__num=MinMaxScaler())
    assert isinstance(ct.transformers[0][1], MinMaxScaler)
    assert ct.transformers[0][2] == slice(0, 6)
    pipe.set_params(preprocess__num=StandardScaler())
    grid = GridSearchCV(pipe, {"preprocess__num__with_mean": [True, False],
                               "knn__n_neighbors": [3, 5]}, cv=3).fit(X, y)
    assert grid.best_score_ > 0.8
    scores = cross_val_score(pipe, X, y, cv=3)
    assert scores.mean() > 0.8
    with pytest.raises(ValueError, match="Invalid parameter 'nope'"):
        ct.set_params(nope=1)


def test_column_transformer_skratch_inside_sklearn_tools():
    """Check a skratch ColumnTransformer in scikit-learn's cross_val_score."""
    from sklearn.model_selection import cross_val_score as sk_cv
    X, y = load_iris(return_X_y=True)
    ours = make_pipeline(
        ColumnTransformer([("s", StandardScaler(), [0, 1])],
                          remainder="passthrough"),
        LogisticRegression())
    assert sk_cv(ours, X, y, cv=3).mean() > 0.9


def test_make_column_transformer_names_like_sklearn():
    """Check the generated names (with -1, -2 for repeats) against sklearn."""
    ours = make_column_transformer((StandardScaler(), [0]),
                                   (StandardScaler(), [1]),
                                   (MinMaxScaler(), [2]), ("drop", [3]))
    theirs = skc.make_column_transformer((skp.StandardScaler(), [0]),
                                         (skp.StandardScaler(), [1]),
                                         (skp.MinMaxScaler(), [2]),
                                         ("drop", [3]))
    assert [t[0] for t in ours.transformers] == \
        [t[0] for t in theirs.transformers]
    X = DATASETS["iris"]
    assert_allclose(ours.fit_transform(X), theirs.fit_transform(X), rtol=TOL)


def test_column_transformer_callable_columns():
    """Check a callable column selector, resolved on X in fit."""
    X = DATASETS["iris"]
    ours, theirs = _pair([("a", "std", lambda X: [0, 2])])
    assert_allclose(ours.fit_transform(X), theirs.fit_transform(X), rtol=TOL)
    assert ours.transformers_[0][2] == [0, 2]


def test_column_transformer_verbose_prints(capsys):
    """Check that verbose=True names each transformer as it is fitted."""
    ColumnTransformer([("s", StandardScaler(), [0])], remainder="passthrough",
                      verbose=True).fit(DATASETS["iris"])
    out = capsys.readouterr().out
    assert "(1 of 2) Processing s" in out and "(2 of 2) Processing remainder" \
        in out


class _Frame:
    """The smallest DataFrame-like object: columns, iloc and shape (no pandas)."""

    def __init__(self, data, columns):
        self.values, self.columns = np.asarray(data, dtype=object), list(columns)
        self.shape = self.values.shape

    @property
    def iloc(self):
        frame = self

        class _ILoc:
            def __getitem__(self, key):
                rows, cols = key
                part = frame.values[rows, cols]
                if np.ndim(part) == 1:
                    return part
                return _Frame(part, np.asarray(frame.columns)[cols])
        return _ILoc()

    def __array__(self, dtype=None, copy=None):
        return self.values if dtype is None else self.values.astype(dtype)


def test_column_transformer_by_name_on_a_duck_typed_frame():
    """Check column names (str, list, label slice) on a DataFrame-like object:
    feature_names_in_, remainder by name, reordered and missing columns."""
    X = _mixed(nan=False)
    names = ["height", "rooms", "colour", "noise"]
    frame = _Frame(X, names)
    ct = ColumnTransformer([("num", StandardScaler(), ["height", "rooms"]),
                            ("cat", OneHotEncoder(), ["colour"])],
                           remainder="passthrough").fit(frame)
    assert list(ct.feature_names_in_) == names
    assert ct.transformers_[-1] == ("remainder", "passthrough", ["noise"])
    expected = ColumnTransformer([("num", StandardScaler(), [0, 1]),
                                  ("cat", OneHotEncoder(), [2])],
                                 remainder="passthrough").fit_transform(X)
    assert_allclose(ct.transform(frame).astype(float), expected.astype(float),
                    rtol=TOL)
    assert list(ct.get_feature_names_out()) == [
        "num__height", "num__rooms", "cat__colour_blue", "cat__colour_green",
        "cat__colour_red", "remainder__noise"]
    shuffled = _Frame(X[:, [3, 2, 1, 0]], names[::-1])
    assert_allclose(ct.transform(shuffled).astype(float),
                    expected.astype(float), rtol=TOL)
    with pytest.raises(ValueError, match="columns are missing: {'noise'}"):
        ct.transform(_Frame(X[:, :3], names[:3]))
    with pytest.raises(ValueError, match="not columns of the dataframe: "
                       "{'weight'}"):
        ColumnTransformer([("n", StandardScaler(), ["weight"])]).fit(frame)
    sliced = ColumnTransformer([("n", StandardScaler(), slice("height",
                                                            "rooms"))])
    assert sliced.fit_transform(frame).shape == (30, 2)
    with pytest.raises(ValueError, match="only supported for dataframes"):
        ct.transform(X)


def test_column_transformer_pandas_matches_sklearn():
    """Check names, order and output against sklearn on a real DataFrame."""
    pd = pytest.importorskip("pandas")
    X = _mixed(nan=True)
    df = pd.DataFrame(X, columns=["height", "rooms", "colour", "noise"])
    df[["height", "rooms", "noise"]] = df[["height", "rooms", "noise"]].astype(
        float)
    ours = ColumnTransformer(
        [("num", make_pipeline(SimpleImputer(), StandardScaler()),
          ["height", "rooms"]),
         ("cat", OneHotEncoder(), ["colour"])],
        remainder="passthrough")
    from sklearn.pipeline import make_pipeline as sk_make_pipeline
    theirs = skc.ColumnTransformer(
        [("num", sk_make_pipeline(ski.SimpleImputer(), skp.StandardScaler()),
          ["height", "rooms"]),
         ("cat", skp.OneHotEncoder(sparse_output=False), ["colour"])],
        remainder="passthrough")
    # An imputed mean standardises to 0 in one and 1e-15 in the other (the
    # order of summation differs): zeros need an absolute tolerance.
    assert_allclose(ours.fit_transform(df), theirs.fit_transform(df),
                    rtol=TOL, atol=TOL)
    assert_array_equal(ours.get_feature_names_out(),
                       theirs.get_feature_names_out())
    assert_array_equal(ours.feature_names_in_, theirs.feature_names_in_)
    reordered = df[df.columns[::-1]]
    assert_allclose(ours.transform(reordered), theirs.transform(reordered),
                    rtol=TOL, atol=TOL)
