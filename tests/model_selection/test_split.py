"""Tests for train_test_split, KFold and StratifiedKFold, compared against
sklearn.model_selection (same folds for the same integer random_state)."""

import numpy as np
import pytest
import sklearn.model_selection as skms
from numpy.testing import assert_array_equal
from sklearn.datasets import load_iris, load_wine

import skratch.model_selection as scms


def _iris():
    return load_iris(return_X_y=True)


def _wine():
    return load_wine(return_X_y=True)


def _imbalanced():
    rng = np.random.default_rng(0)
    y = np.repeat([0, 1, 2], [50, 7, 3])
    return rng.normal(size=(60, 3)), rng.permutation(y)


DATA = [_iris, _wine, _imbalanced]


@pytest.mark.parametrize("data", DATA)
@pytest.mark.parametrize(
    "sizes",
    [{}, {"test_size": 0.3}, {"test_size": 17}, {"train_size": 0.5},
     {"train_size": 40, "test_size": 0.2}, {"test_size": 0.33, "train_size": 0.33}],
)
@pytest.mark.parametrize("random_state", [0, 42])
def test_train_test_split_same_as_sklearn(data, sizes, random_state):
    """Check that train_test_split gives scikit-learn's split for the same seed."""
    X, y = data()
    ours = scms.train_test_split(X, y, random_state=random_state, **sizes)
    theirs = skms.train_test_split(X, y, random_state=random_state, **sizes)
    for a, b in zip(ours, theirs):
        assert_array_equal(a, b)


@pytest.mark.parametrize("data", DATA)
@pytest.mark.parametrize("sizes", [{}, {"test_size": 0.3}, {"train_size": 0.5},
                                   {"test_size": 20, "train_size": 30}])
@pytest.mark.parametrize("random_state", [0, 7])
def test_train_test_split_stratified_same_as_sklearn(data, sizes, random_state):
    """Check that stratified splits equal scikit-learn's for the same seed."""
    X, y = data()
    ours = scms.train_test_split(X, y, stratify=y, random_state=random_state, **sizes)
    theirs = skms.train_test_split(X, y, stratify=y, random_state=random_state,
                                   **sizes)
    for a, b in zip(ours, theirs):
        assert_array_equal(a, b)


def test_train_test_split_stratified_keeps_class_proportions():
    """Check each class's test count is within one of its expected share."""
    X, y = _imbalanced()
    _, _, y_train, y_test = scms.train_test_split(X, y, test_size=0.25, stratify=y,
                                                  random_state=3)
    expected = np.bincount(y) * len(y_test) / len(y)
    assert np.all(np.abs(np.bincount(y_test) - expected) <= 1)
    assert len(y_train) + len(y_test) == len(y)


def test_train_test_split_no_shuffle_lists_and_pandas():
    """Check shuffle=False keeps order, and lists and DataFrames are indexed by row."""
    pd = pytest.importorskip("pandas")
    X = pd.DataFrame({"a": range(10)}, index=range(100, 110))
    y = list(range(10))
    X_train, X_test, y_train, y_test = scms.train_test_split(X, y, shuffle=False)
    assert list(X_test["a"]) == [7, 8, 9] and y_test == [7, 8, 9]
    assert X_train.index[0] == 100 and y_train == list(range(7))
    ours = scms.train_test_split(X, y, random_state=1)
    theirs = skms.train_test_split(X, y, random_state=1)
    assert list(ours[0].index) == list(theirs[0].index) and ours[2] == theirs[2]


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"test_size": 1.5}, r"test_size=1.5 should be either positive and smaller"),
        ({"test_size": 10}, r"test_size=10 should be either positive"),
        ({"train_size": 0.0}, r"train_size=0.0 should be either positive"),
        ({"test_size": 0.6, "train_size": 0.6}, "The sum of test_size and train_size"),
        ({"test_size": 6, "train_size": 5}, "The sum of train_size and test_size = 11"),
        ({"test_size": "half"}, "Invalid value for test_size: half"),
        ({"shuffle": False, "stratify": [0, 1] * 5}, "not implemented for shuffle=False"),
        ({"stratify": [0] * 9 + [1]}, "The least populated classes in y have only 1"),
        ({"random_state": "seed"}, "cannot be used to seed"),
    ],
)
def test_train_test_split_rejects_invalid_arguments(kwargs, match):
    """Check that invalid sizes or options raise a ValueError quoting the value."""
    with pytest.raises(ValueError, match=match):
        scms.train_test_split(np.zeros((10, 2)), **kwargs)


def test_train_test_split_rejects_inconsistent_lengths_and_no_arrays():
    """Check the errors for arrays of different lengths and for no array at all."""
    with pytest.raises(ValueError, match=r"inconsistent numbers of samples: \[3, 4\]"):
        scms.train_test_split([1, 2, 3], [1, 2, 3, 4])
    with pytest.raises(ValueError, match="At least one array required"):
        scms.train_test_split()


def _folds(splitter, X, y):
    return [(train, test) for train, test in splitter.split(X, y)]


@pytest.mark.parametrize("data", DATA)
@pytest.mark.parametrize("n_splits", [2, 3, 5, 7])
@pytest.mark.parametrize("shuffle, random_state", [(False, None), (True, 0),
                                                   (True, 13)])
@pytest.mark.parametrize("name", ["KFold", "StratifiedKFold"])
def test_kfold_same_folds_as_sklearn(data, n_splits, shuffle, random_state, name):
    """Check that KFold and StratifiedKFold give scikit-learn's folds."""
    X, y = data()
    if name == "StratifiedKFold" and n_splits > 3 and data is _imbalanced:
        pytest.skip("fewer members than folds: covered by the warning test")
    ours = _folds(getattr(scms, name)(n_splits, shuffle=shuffle,
                                      random_state=random_state), X, y)
    theirs = _folds(getattr(skms, name)(n_splits, shuffle=shuffle,
                                        random_state=random_state), X, y)
    assert len(ours) == len(theirs) == n_splits
    for (a_train, a_test), (b_train, b_test) in zip(ours, theirs):
        assert_array_equal(a_train, b_train)
        assert_array_equal(a_test, b_test)


@pytest.mark.parametrize("name", ["KFold", "StratifiedKFold"])
def test_kfold_folds_are_disjoint_and_cover_everything(name):
    """Check that test folds partition the samples and train is their complement."""
    X, y = _wine()
    folds = _folds(getattr(scms, name)(4, shuffle=True, random_state=1), X, y)
    tests = np.concatenate([test for _, test in folds])
    assert_array_equal(np.sort(tests), np.arange(len(y)))
    for train, test in folds:
        assert np.intersect1d(train, test).size == 0
        assert len(train) + len(test) == len(y)


def test_stratified_kfold_string_labels_and_warning_match_sklearn():
    """Check string labels and the warning for a class smaller than n_splits."""
    X, y = _imbalanced()
    names = np.array(["c", "a", "b"])[y]
    with pytest.warns(UserWarning, match="only 3 members, which is less than n_splits=5"):
        ours = _folds(scms.StratifiedKFold(5), X, names)
    with pytest.warns(UserWarning):
        theirs = _folds(skms.StratifiedKFold(5), X, names)
    for (a, b), (c, d) in zip(ours, theirs):
        assert_array_equal(a, c)
        assert_array_equal(b, d)


@pytest.mark.parametrize(
    "build, match",
    [
        (lambda: scms.KFold(1), "at least one train/test split"),
        (lambda: scms.KFold(2.5), "must be of Integral type"),
        (lambda: scms.KFold(3, random_state=0), "Setting a random_state has no effect"),
        (lambda: _folds(scms.KFold(11), np.zeros(10), None), "n_splits=11 greater"),
        (lambda: _folds(scms.StratifiedKFold(3), np.zeros(4), [0, 0, 1, 1]),
         "cannot be greater than the number of members"),
        (lambda: _folds(scms.StratifiedKFold(2), np.zeros(4), [0.5, 1.5, 0.2, 1.0]),
         "Got 'continuous' instead"),
    ],
)
def test_kfold_rejects_invalid_arguments(build, match):
    """Check that invalid n_splits, seeds or targets raise a clear ValueError."""
    with pytest.raises(ValueError, match=match):
        build()


def test_kfold_repr_and_get_n_splits():
    """Check the repr lists the parameters and get_n_splits returns n_splits."""
    kf = scms.KFold(4, shuffle=True, random_state=0)
    assert repr(kf) == "KFold(n_splits=4, random_state=0, shuffle=True)"
    assert kf.get_n_splits() == 4
