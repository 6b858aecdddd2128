"""Tests for OneHotEncoder, compared against sklearn.preprocessing.OneHotEncoder."""

import numpy as np
import pytest
import sklearn.preprocessing as skp
from numpy.testing import assert_allclose, assert_array_equal

import skratch.preprocessing as scp


def _strings():
    rng = np.random.default_rng(0)
    return np.column_stack([rng.choice(["red", "green", "blue"], 30),
                            rng.choice(["S", "M"], 30)]).astype(object)


def _numbers():
    rng = np.random.default_rng(1)
    return np.column_stack([rng.integers(0, 4, 30), rng.integers(10, 12, 30)])


def _mixed_list():
    return [["red", 1], ["green", 3], ["red", 2], ["blue", 3]]


@pytest.mark.parametrize("data", [_strings, _numbers, _mixed_list])
@pytest.mark.parametrize("drop", [None, "first", "if_binary"])
def test_one_hot_encoder_matches_sklearn(data, drop):
    """Check categories_, drop_idx_, the encoding, names and the inverse."""
    X = data()
    ours = scp.OneHotEncoder(drop=drop).fit(X)
    theirs = skp.OneHotEncoder(drop=drop, sparse_output=False).fit(X)
    assert len(ours.categories_) == len(theirs.categories_)
    for a, b in zip(ours.categories_, theirs.categories_):
        assert_array_equal(a, b)
    if drop is None:
        assert ours.drop_idx_ is None and theirs.drop_idx_ is None
    else:
        assert list(ours.drop_idx_) == list(theirs.drop_idx_)
    assert_allclose(ours.transform(X), theirs.transform(X))
    assert list(ours.get_feature_names_out()) == list(theirs.get_feature_names_out())
    assert_array_equal(ours.inverse_transform(ours.transform(X)),
                       theirs.inverse_transform(theirs.transform(X)))


def test_one_hot_encoder_given_categories_and_drop_values():
    """Check a user order of categories and explicit drop values."""
    X = _strings()
    categories = [["red", "green", "blue", "pink"], ["M", "S"]]
    ours = scp.OneHotEncoder(categories=categories, drop=["green", "M"]).fit(X)
    theirs = skp.OneHotEncoder(categories=categories, drop=["green", "M"],
                               sparse_output=False).fit(X)
    assert_allclose(ours.transform(X), theirs.transform(X))
    assert list(ours.get_feature_names_out(["colour", "size"])) == \
        list(theirs.get_feature_names_out(["colour", "size"]))


@pytest.mark.parametrize("handle_unknown", ["ignore", "warn"])
def test_one_hot_encoder_unknown_categories_all_zeros(handle_unknown):
    """Check that unknown categories encode as zeros (and warn with 'warn')."""
    X = _strings()
    X_new = np.array([["pink", "S"], ["red", "XL"]], dtype=object)
    ours = scp.OneHotEncoder(handle_unknown=handle_unknown).fit(X)
    theirs = skp.OneHotEncoder(handle_unknown=handle_unknown,
                               sparse_output=False).fit(X)
    if handle_unknown == "warn":
        with pytest.warns(UserWarning, match=r"unknown categories in columns \[0, 1\]"):
            ours_out = ours.transform(X_new)
        with pytest.warns(UserWarning):
            theirs_out = theirs.transform(X_new)
    else:
        ours_out, theirs_out = ours.transform(X_new), theirs.transform(X_new)
    assert_allclose(ours_out, theirs_out)
    assert_array_equal(ours.inverse_transform(ours_out),
                       theirs.inverse_transform(theirs_out))


@pytest.mark.parametrize(
    "params, X_fit, X_new, match",
    [
        ({}, [["a"], ["b"]], [["c"]], r"Found unknown categories \['c'\] in column 0 "
                                      "during transform"),
        ({"categories": [["a"]]}, [["a"], ["b"]], None,
         r"Found unknown categories \['b'\] in column 0 during fit"),
        ({"categories": [[3, 1]]}, [[1], [3]], None, "Unsorted categories"),
        ({"categories": [["a"], ["b"]]}, [["a"]], None, "Shape mismatch"),
        ({"drop": ["z"]}, [["a"], ["b"]], None, "supposed to be dropped"),
        ({"sparse_output": True}, [["a"]], None, "sparse_output=True is not supported"),
        ({"handle_unknown": "infrequent_if_exist"}, [["a"]], None,
         "'handle_unknown' parameter of OneHotEncoder must be"),
        ({}, [[1.0], [np.nan]], None, "Input X contains NaN"),
        ({}, [[1.0], [np.inf]], None, "Input X contains infinity"),
        ({}, [["a", 1]], [["a"]], "X has 1 features, but OneHotEncoder is expecting 2"),
    ],
)
def test_one_hot_encoder_rejects_invalid_input(params, X_fit, X_new, match):
    """Check the errors for unknown categories, bad parameters and bad data."""
    enc = scp.OneHotEncoder(**params)
    with pytest.raises(ValueError, match=match):
        enc.fit(X_fit)
        enc.transform(X_new)


def test_one_hot_encoder_dataframe_input():
    """Check that a DataFrame with string and integer columns is encoded."""
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"colour": ["red", "blue", "red"], "size": [1, 2, 1]})
    ours = scp.OneHotEncoder().fit_transform(df)
    theirs = skp.OneHotEncoder(sparse_output=False).fit_transform(df)
    assert_allclose(ours, theirs)


@pytest.mark.parametrize(
    "categories",
    [[[1.0, np.nan, np.nan]], [[np.nan, 1.0]], [["a", "b", "a"]], [[1, 2, 2]]],
)
def test_one_hot_encoder_given_categories_errors_match_sklearn(categories):
    """Check NaN before the end and duplicates in given categories: scikit-learn's errors."""
    X = np.array([[1.0]]) if np.asarray(categories[0]).dtype.kind in "if" else np.array([["a"]])
    with pytest.raises(ValueError) as theirs:
        skp.OneHotEncoder(categories=categories).fit(X)
    with pytest.raises(ValueError) as ours:
        scp.OneHotEncoder(categories=categories).fit(X)
    assert str(ours.value) == str(theirs.value)


@pytest.mark.parametrize("drop", [None, "first"])
@pytest.mark.parametrize("handle_unknown", ["ignore", "warn"])
def test_one_hot_encoder_unknown_warnings_match_sklearn(drop, handle_unknown):
    """Check when an unknown category warns, and with which words, as scikit-learn."""
    import warnings

    X, X_new = np.array([["a"], ["b"], ["d"]]), np.array([["c"], ["a"]])
    messages, outputs = [], []
    for module in (skp, scp):
        encoder = module.OneHotEncoder(
            drop=drop, handle_unknown=handle_unknown, sparse_output=False
        ).fit(X)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            out = encoder.transform(X_new)
        messages.append([str(w.message) for w in caught])
        outputs.append(out)
    assert messages[1] == messages[0]
    assert_array_equal(outputs[1], outputs[0])
