"""Tests for train_test_split and the splitters (KFold, StratifiedKFold, GroupKFold,
TimeSeriesSplit, ShuffleSplit, StratifiedShuffleSplit), compared against
sklearn.model_selection (same folds for the same integer random_state)."""

import re

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


# ShuffleSplit, StratifiedShuffleSplit, GroupKFold, TimeSeriesSplit ------------


def _assert_same_splits(ours, theirs):
    ours, theirs = list(ours), list(theirs)
    assert len(ours) == len(theirs)
    for (a_train, a_test), (b_train, b_test) in zip(ours, theirs):
        assert_array_equal(a_train, b_train)
        assert_array_equal(a_test, b_test)


SHUFFLE_SIZES = [{}, {"test_size": 0.3}, {"test_size": 7}, {"train_size": 0.5},
                 {"train_size": 20, "test_size": 0.2},
                 {"test_size": 0.25, "train_size": 0.4}]


@pytest.mark.parametrize("n_samples", [10, 37, 150])
@pytest.mark.parametrize("sizes", SHUFFLE_SIZES)
@pytest.mark.parametrize("random_state", [0, 1, 42])
def test_shuffle_split_same_as_sklearn(n_samples, sizes, random_state):
    """Check that ShuffleSplit gives scikit-learn's index arrays for a seed."""
    X = np.zeros((n_samples, 2))
    ours = scms.ShuffleSplit(n_splits=6, random_state=random_state, **sizes)
    theirs = skms.ShuffleSplit(n_splits=6, random_state=random_state, **sizes)
    try:
        expected = list(theirs.split(X))
    except ValueError as exc:  # sizes too large for n: the same message
        with pytest.raises(ValueError, match=re.escape(str(exc))):
            list(ours.split(X))
        return
    _assert_same_splits(ours.split(X), expected)


@pytest.mark.parametrize("data", DATA)
@pytest.mark.parametrize("sizes", SHUFFLE_SIZES[:2] + SHUFFLE_SIZES[3:])
@pytest.mark.parametrize("random_state", [0, 1, 42])
def test_stratified_shuffle_split_same_as_sklearn(data, sizes, random_state):
    """Check that StratifiedShuffleSplit gives scikit-learn's index arrays."""
    X, y = data()
    ours = scms.StratifiedShuffleSplit(5, random_state=random_state, **sizes)
    theirs = skms.StratifiedShuffleSplit(5, random_state=random_state, **sizes)
    _assert_same_splits(ours.split(X, y), theirs.split(X, y))


def test_stratified_shuffle_split_string_and_2d_labels_same_as_sklearn():
    """Check string labels and multilabel rows against scikit-learn."""
    rng = np.random.RandomState(0)
    y = rng.choice(["cat", "dog", "emu"], size=40)
    Y = rng.randint(0, 2, size=(40, 2))
    for labels in (y, Y):
        ours = scms.StratifiedShuffleSplit(4, test_size=0.3, random_state=3)
        theirs = skms.StratifiedShuffleSplit(4, test_size=0.3, random_state=3)
        _assert_same_splits(ours.split(np.zeros(40), labels),
                            theirs.split(np.zeros(40), labels))


def test_stratified_shuffle_split_keeps_class_proportions():
    """Check that each test set holds each class in its proportion (+-1)."""
    _, y = _imbalanced()
    for _, test in scms.StratifiedShuffleSplit(10, test_size=0.5,
                                               random_state=0).split(y, y):
        counts = np.bincount(y[test], minlength=3)
        assert np.all(np.abs(counts - np.array([25, 3.5, 1.5])) <= 1)


def _groups(n_samples, n_groups, seed):
    # Unequal group sizes, in shuffled order, so the greedy balance matters.
    rng = np.random.RandomState(seed)
    return rng.choice(n_groups, size=n_samples,
                      p=rng.dirichlet(np.ones(n_groups)))


@pytest.mark.parametrize("n_samples, n_groups", [(12, 4), (50, 7), (200, 23)])
@pytest.mark.parametrize("n_splits", [2, 3, 4])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_group_kfold_same_as_sklearn(n_samples, n_groups, n_splits, seed):
    """Check that GroupKFold gives scikit-learn's folds (it is deterministic)."""
    groups = _groups(n_samples, n_groups, seed)
    if len(np.unique(groups)) < n_splits:
        pytest.skip("fewer groups drawn than folds")
    X = np.zeros((n_samples, 1))
    _assert_same_splits(
        scms.GroupKFold(n_splits).split(X, groups=groups),
        skms.GroupKFold(n_splits).split(X, groups=groups),
    )


@pytest.mark.parametrize("random_state", [0, 1, 42])
@pytest.mark.parametrize("n_groups", [5, 11])
def test_group_kfold_shuffled_same_as_sklearn(random_state, n_groups):
    """Check GroupKFold(shuffle=True) against scikit-learn for the same seed."""
    groups = _groups(60, n_groups, 0)
    groups = np.array([f"g{g}" for g in groups])  # string labels too
    X = np.zeros((60, 1))
    _assert_same_splits(
        scms.GroupKFold(3, shuffle=True, random_state=random_state).split(
            X, groups=groups),
        skms.GroupKFold(3, shuffle=True, random_state=random_state).split(
            X, groups=groups),
    )


def test_group_kfold_never_splits_a_group():
    """Check that no group has samples in both the train and the test set."""
    groups = _groups(100, 9, 3)
    for train, test in scms.GroupKFold(4).split(np.zeros(100), groups=groups):
        assert not set(groups[train]) & set(groups[test])


@pytest.mark.parametrize("n_samples", [6, 10, 23, 100])
@pytest.mark.parametrize(
    "kwargs",
    [{}, {"n_splits": 3}, {"n_splits": 2, "gap": 1}, {"n_splits": 3, "test_size": 2},
     {"n_splits": 3, "max_train_size": 3}, {"n_splits": 2, "test_size": 2, "gap": 2,
                                             "max_train_size": 2}],
)
def test_time_series_split_same_as_sklearn(n_samples, kwargs):
    """Check that TimeSeriesSplit gives scikit-learn's index arrays."""
    X = np.zeros((n_samples, 1))
    try:
        theirs = list(skms.TimeSeriesSplit(**kwargs).split(X))
    except ValueError as exc:  # too few samples: we must raise the same
        with pytest.raises(ValueError, match=str(exc).split("=")[0]):
            list(scms.TimeSeriesSplit(**kwargs).split(X))
        return
    _assert_same_splits(scms.TimeSeriesSplit(**kwargs).split(X), theirs)


def test_time_series_split_trains_only_on_the_past():
    """Check that every training index is before every test index, less gap."""
    for train, test in scms.TimeSeriesSplit(4, gap=3).split(np.zeros(50)):
        assert train.max() + 3 < test.min()


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: list(scms.GroupKFold(5).split(np.zeros(6), groups=[0, 0, 1, 1,
                                                                      2, 2])),
         r"n_splits=5 greater than the number of groups: 3"),
        (lambda: list(scms.GroupKFold(2).split(np.zeros(4))),
         "The 'groups' parameter should not be None"),
        (lambda: list(scms.GroupKFold(2).split(np.zeros(4), groups=[0, 1, 2])),
         r"inconsistent numbers of samples: \[4, 3\]"),
        (lambda: list(scms.TimeSeriesSplit(5).split(np.zeros(5))),
         r"number of folds=6 greater than the number of samples=5"),
        (lambda: list(scms.TimeSeriesSplit(3, test_size=3).split(np.zeros(9))),
         r"Too many splits=3 for number of samples=9 with test_size=3 and gap=0"),
        (lambda: list(scms.TimeSeriesSplit(2, gap=5).split(np.zeros(9))),
         r"Too many splits=2 .* test_size=3 and gap=5"),
        (lambda: scms.TimeSeriesSplit(gap=-1),
         r"gap must be an integer >= 0, got gap=-1"),
        (lambda: scms.TimeSeriesSplit(test_size=0), r"test_size=0"),
        (lambda: scms.TimeSeriesSplit(max_train_size=2.5), r"max_train_size=2.5"),
        (lambda: scms.TimeSeriesSplit(n_splits=1), r"got n_splits=1"),
        (lambda: list(scms.ShuffleSplit(test_size=1.5).split(np.zeros(10))),
         (r"test_size=1.5 should be either positive and smaller than the "
          r"number of samples 10 or a float in the \(0, 1\) range")),
        (lambda: list(scms.ShuffleSplit(test_size=0).split(np.zeros(10))),
         r"test_size=0 should be"),
        (lambda: list(scms.ShuffleSplit(train_size=10).split(np.zeros(10))),
         r"train_size=10 should be"),
        (lambda: list(scms.ShuffleSplit(test_size=0.6, train_size=0.6).split(
            np.zeros(10))), r"sum of test_size and train_size = 1.2"),
        (lambda: list(scms.ShuffleSplit(test_size="half").split(np.zeros(10))),
         r"Invalid value for test_size: half"),
        (lambda: scms.ShuffleSplit(n_splits=0), r"got n_splits=0"),
        (lambda: list(scms.StratifiedShuffleSplit(test_size=2).split(
            np.zeros(9), [0, 0, 0, 1, 1, 1, 2, 2, 2])),
         r"test_size = 2 should be greater or equal to the number of classes = 3"),
        (lambda: list(scms.StratifiedShuffleSplit().split(np.zeros(5),
                                                          [0, 0, 1, 1, 2])),
         r"Classes with too few members are: \[2\]"),
        (lambda: list(scms.StratifiedShuffleSplit().split(np.zeros(5), None)),
         "needs the class labels y"),
    ],
)
def test_new_splitters_reject_invalid_arguments(call, match):
    """Check that too few groups/samples and bad sizes raise, naming the value."""
    with pytest.raises(ValueError, match=match):
        call()


def test_new_splitters_repr_get_n_splits_and_groups_warning():
    """Check repr (scikit-learn's), get_n_splits, and the ignored-groups warning."""
    pairs = [
        (scms.ShuffleSplit(4, test_size=0.2, random_state=0),
         skms.ShuffleSplit(4, test_size=0.2, random_state=0)),
        (scms.GroupKFold(3), skms.GroupKFold(3)),
        (scms.TimeSeriesSplit(3, gap=2), skms.TimeSeriesSplit(3, gap=2)),
    ]
    for ours, theirs in pairs:
        assert " ".join(repr(ours).split()) == " ".join(repr(theirs).split())
        assert ours.get_n_splits() == theirs.get_n_splits()
    assert (repr(scms.StratifiedShuffleSplit(3)) ==
            " ".join(repr(skms.StratifiedShuffleSplit(3)).split()))
    for splitter in (scms.ShuffleSplit(2), scms.TimeSeriesSplit(2), scms.KFold(2)):
        with pytest.warns(UserWarning, match="groups parameter is ignored by"):
            list(splitter.split(np.zeros(6), groups=np.arange(6)))
