"""Splitting data: a held-out test set, k-fold, group, time-series and shuffle splits.

``train_test_split`` holds out part of the data to measure a model on examples it has
not seen; ``KFold`` and ``StratifiedKFold`` cut the data into k folds so that every
sample is held out exactly once; ``GroupKFold`` keeps each group (a patient, a
writer) inside one fold; ``TimeSeriesSplit`` always tests on the future;
``ShuffleSplit`` and ``StratifiedShuffleSplit`` draw independent random splits.

The shuffles draw from ``numpy.random.RandomState``, not from the ``Generator`` that
the rest of skratch uses: it is the generator scikit-learn's splitters use, so the same
integer ``random_state`` gives exactly scikit-learn's splits, and a learner can compare
the two side by side.

Read more in the book: Train, validate, test
<https://skratch-ml.github.io/skratch/book/intermediate/train-validate-test.html>
"""

import inspect
import numbers
import warnings
from math import ceil, floor

import numpy as np

from ..utils.validation import _num_samples, check_consistent_length

__all__ = [
    "GroupKFold",
    "KFold",
    "ShuffleSplit",
    "StratifiedKFold",
    "StratifiedShuffleSplit",
    "TimeSeriesSplit",
    "train_test_split",
]


def _legacy_random_state(seed):
    # A RandomState (scikit-learn's generator) so that an integer seed reproduces
    # scikit-learn's documented splits exactly. A Generator is accepted too (it has
    # permutation, shuffle and choice), but then the splits are our own.
    if seed is None:
        return np.random.RandomState()
    if isinstance(seed, (np.random.RandomState, np.random.Generator)):
        return seed
    if isinstance(seed, numbers.Integral) and not isinstance(seed, bool):
        return np.random.RandomState(seed)
    raise ValueError(
        f"{seed!r} cannot be used to seed a numpy.random.RandomState instance: pass "
        "None, an int, a numpy.random.RandomState or a numpy.random.Generator."
    )


def _safe_indexing(X, indices):
    """Rows ``indices`` of an array, a DataFrame/Series (by position) or a list."""
    if hasattr(X, "iloc"):
        return X.iloc[indices]
    if hasattr(X, "shape"):
        return X[indices]
    if hasattr(X, "__array__"):  # array-like without indexing: index its array
        return np.asarray(X)[indices]
    return [X[i] for i in indices]


def _validate_shuffle_split(n_samples, test_size, train_size, default_test_size):
    # Sizes as scikit-learn computes them: a float test fraction rounds up (ceil), a
    # float train fraction rounds down (floor); a missing size is the complement.
    if test_size is None and train_size is None:
        test_size = default_test_size
    test_kind = np.asarray(test_size).dtype.kind
    train_kind = np.asarray(train_size).dtype.kind
    for name, size, kind in (("test_size", test_size, test_kind),
                             ("train_size", train_size, train_kind)):
        if (kind == "i" and (size >= n_samples or size <= 0)) or (
            kind == "f" and (size <= 0 or size >= 1)
        ):
            raise ValueError(
                f"{name}={size} should be either positive and smaller than the "
                f"number of samples {n_samples} or a float in the (0, 1) range"
            )
        if size is not None and kind not in ("i", "f"):
            raise ValueError(f"Invalid value for {name}: {size}")
    if train_kind == "f" and test_kind == "f" and train_size + test_size > 1:
        raise ValueError(
            f"The sum of test_size and train_size = {train_size + test_size}, should "
            "be in the (0, 1) range. Reduce test_size and/or train_size."
        )
    n_test = ceil(test_size * n_samples) if test_kind == "f" else test_size
    n_train = floor(train_size * n_samples) if train_kind == "f" else train_size
    if train_size is None:
        n_train = n_samples - n_test
    elif test_size is None:
        n_test = n_samples - n_train
    if n_train + n_test > n_samples:
        raise ValueError(
            f"The sum of train_size and test_size = {n_train + n_test}, should be "
            f"smaller than the number of samples {n_samples}. Reduce test_size "
            "and/or train_size."
        )
    n_train, n_test = int(n_train), int(n_test)
    if n_train == 0:
        raise ValueError(
            f"With n_samples={n_samples}, test_size={test_size} and "
            f"train_size={train_size}, the resulting train set will be empty. "
            "Adjust any of the aforementioned parameters."
        )
    return n_train, n_test


def _approximate_mode(class_counts, n_draws, rng):
    # How many of n_draws samples each class gets, in proportion to its count:
    #   n_k = floor(n_draws * c_k / sum(c)), then the samples still missing go one
    #   each to the classes with the largest remainders (ties broken at random).
    continuous = class_counts / class_counts.sum() * n_draws
    floored = np.floor(continuous)
    need_to_add = int(n_draws - floored.sum())
    if need_to_add > 0:
        remainder = continuous - floored
        for value in np.sort(np.unique(remainder))[::-1]:
            (candidates,) = np.where(remainder == value)
            add_now = min(len(candidates), need_to_add)
            floored[rng.choice(candidates, size=add_now, replace=False)] += 1
            need_to_add -= add_now
            if need_to_add == 0:
                break
    return floored.astype(int)


def _stratified_classes(y, n_train, n_test):
    """Class counts and each class's sample indices, checked for a stratified split."""
    y = np.asarray(y)
    if y.ndim == 2:  # one class per distinct row
        y = np.array([" ".join(row.astype("str")) for row in y])
    classes, y_index, class_counts = np.unique(y, return_inverse=True,
                                               return_counts=True)
    if class_counts.min() < 2:
        raise ValueError(
            "The least populated classes in y have only 1 member, which is too few. "
            "The minimum number of groups for any class cannot be less than 2. "
            f"Classes with too few members are: {classes[class_counts < 2].tolist()}"
        )
    for name, n in (("train_size", n_train), ("test_size", n_test)):
        if n < len(classes):
            raise ValueError(
                f"The {name} = {n} should be greater or equal to the number of "
                f"classes = {len(classes)}"
            )
    # The sample indices of each class, in order: (n_classes,) list of arrays.
    class_indices = np.split(np.argsort(y_index, kind="stable"),
                             np.cumsum(class_counts)[:-1])
    return class_counts, class_indices


def _stratified_draw(class_counts, class_indices, n_train, n_test, rng):
    """One stratified train/test split (scikit-learn's StratifiedShuffleSplit)."""
    # Ties between classes' remainders are broken anew at every draw.
    n_train_per_class = _approximate_mode(class_counts, n_train, rng)
    n_test_per_class = _approximate_mode(class_counts - n_train_per_class, n_test, rng)
    train, test = [], []
    for indices, n_tr, n_te in zip(class_indices, n_train_per_class,
                                   n_test_per_class):
        shuffled = indices[rng.permutation(len(indices))]
        train.extend(shuffled[:n_tr])
        test.extend(shuffled[n_tr:n_tr + n_te])
    return rng.permutation(train), rng.permutation(test)


def _stratified_split(y, n_train, n_test, rng):
    """One stratified train/test split of the labels ``y``."""
    counts, indices = _stratified_classes(y, n_train, n_test)
    return _stratified_draw(counts, indices, n_train, n_test, rng)


def _build_repr(splitter):
    # scikit-learn's repr: the constructor's parameters in sorted order.
    names = sorted(inspect.signature(type(splitter).__init__).parameters)
    names = [n for n in names if n != "self"]
    args = ", ".join(f"{n}={getattr(splitter, n)!r}" for n in names)
    return f"{type(splitter).__name__}({args})"


def _warn_groups_ignored(splitter, groups):
    if groups is not None:
        warnings.warn(
            f"The groups parameter is ignored by {type(splitter).__name__}",
            UserWarning,
            stacklevel=3,
        )


def train_test_split(*arrays, test_size=None, train_size=None, random_state=None,
                     shuffle=True, stratify=None):
    """Split arrays into random train and test subsets.

    The same rows are chosen from every array, so ``X`` and ``y`` stay aligned.

    Read more in the book: Train, validate, test
    <https://skratch-ml.github.io/skratch/book/intermediate/train-validate-test.html>

    Parameters
    ----------
    *arrays : sequence of array-likes with the same length
        NumPy arrays, lists, or pandas DataFrames/Series.
    test_size : float or int, default=None
        A fraction of the samples in (0, 1), rounded up, or a number of samples.
        If both sizes are None, 0.25.
    train_size : float or int, default=None
        A fraction (rounded down) or a number of samples; by default the rest.
    random_state : int, RandomState or Generator, default=None
        Seeds the shuffle. An int gives the same split as scikit-learn.
    shuffle : bool, default=True
        Shuffle before splitting. If False, the first rows train and the next ones
        test.
    stratify : array-like, default=None
        Class labels: each class keeps (up to one sample) the same proportion in
        both subsets. Needs ``shuffle=True``.

    Returns
    -------
    splitting : list of length 2 * len(arrays)
        ``[train_0, test_0, train_1, test_1, ...]``.

    See Also
    --------
    KFold : Every sample held out once, in k folds.
    sklearn.model_selection.train_test_split : The scikit-learn function this one
        mirrors.

    Notes
    -----
    With ``shuffle=True`` the test rows are the first ``n_test`` of a random
    permutation of all rows, and the train rows the next ``n_train``. With
    ``stratify``, per-class sizes are allotted in proportion to the class counts
    (largest remainders first), then each class is permuted and cut.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.model_selection import train_test_split
    >>> X, y = np.arange(10).reshape(5, 2), np.arange(5)
    >>> X_train, X_test, y_train, y_test = train_test_split(
    ...     X, y, test_size=0.4, random_state=42)
    >>> y_train, y_test
    (array([2, 0, 3]), array([1, 4]))
    >>> train_test_split(y, shuffle=False)
    [array([0, 1, 2]), array([3, 4])]
    """
    if not arrays:
        raise ValueError("At least one array required as input")
    check_consistent_length(*arrays)
    n_samples = _num_samples(arrays[0])
    n_train, n_test = _validate_shuffle_split(n_samples, test_size, train_size, 0.25)
    if not shuffle:
        if stratify is not None:
            raise ValueError(
                "Stratified train/test split is not implemented for shuffle=False"
            )
        train = np.arange(n_train)
        test = np.arange(n_train, n_train + n_test)
    elif stratify is not None:
        check_consistent_length(arrays[0], stratify)
        train, test = _stratified_split(stratify, n_train, n_test,
                                        _legacy_random_state(random_state))
    else:
        permutation = _legacy_random_state(random_state).permutation(n_samples)
        test = permutation[:n_test]
        train = permutation[n_test:n_test + n_train]
    return [part for a in arrays for part in (_safe_indexing(a, train),
                                              _safe_indexing(a, test))]


# Not a test, although its name starts with "test" (pytest would try to collect it).
train_test_split.__test__ = False


class _BaseKFold:
    """What KFold and StratifiedKFold share: parameters, split(), repr."""

    def __init__(self, n_splits=5, *, shuffle=False, random_state=None):
        # Splitters are not estimators (nothing clones them), so, as in
        # scikit-learn, they check their arguments at once: the mistake surfaces on
        # the line that made it.
        if not isinstance(n_splits, numbers.Integral) or isinstance(n_splits, bool):
            raise ValueError(
                "The number of folds must be of Integral type. "
                f"{n_splits!r} of type {type(n_splits)} was passed."
            )
        if n_splits <= 1:
            raise ValueError(
                "k-fold cross-validation requires at least one train/test split by "
                f"setting n_splits=2 or more, got n_splits={n_splits}."
            )
        if not isinstance(shuffle, bool):
            raise TypeError(f"shuffle must be True or False; got {shuffle}")
        if not shuffle and random_state is not None:
            raise ValueError(
                "Setting a random_state has no effect since shuffle is False. You "
                "should leave random_state to its default (None), or set shuffle=True."
            )
        self.n_splits = int(n_splits)
        self.shuffle = shuffle
        self.random_state = random_state

    def __repr__(self):
        return _build_repr(self)

    def get_n_splits(self, X=None, y=None, groups=None):
        """Return the number of folds, ``n_splits``."""
        return self.n_splits

    def split(self, X, y=None, groups=None):
        """Generate ``(train, test)`` index arrays, one pair per fold.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data (only its length is used).
        y : array-like of shape (n_samples,), default=None
            Class labels (used by StratifiedKFold).
        groups : array-like of shape (n_samples,), default=None
            Group labels (used by GroupKFold; ignored, with a warning, by KFold and
            StratifiedKFold).

        Yields
        ------
        train : ndarray of int
            The training indices of the fold.
        test : ndarray of int
            The test indices of the fold.
        """
        check_consistent_length(X, y, groups)
        n_samples = _num_samples(X)
        if self.n_splits > n_samples:
            raise ValueError(
                f"Cannot have number of splits n_splits={self.n_splits} greater than "
                f"the number of samples: n_samples={n_samples}."
            )
        # (n_samples,) the fold of each sample
        fold_of = self._test_folds(n_samples, y, groups)
        for fold in range(self.n_splits):
            yield np.flatnonzero(fold_of != fold), np.flatnonzero(fold_of == fold)


class KFold(_BaseKFold):
    """K-fold cross-validation: k consecutive folds, each the test set once.

    The first ``n_samples % n_splits`` folds get one sample more than the others
    (``n_samples // n_splits``). Without shuffling, fold 0 is the first rows.

    Read more in the book: Cross-validation
    <https://skratch-ml.github.io/skratch/book/advanced/cross-validation.html>

    Parameters
    ----------
    n_splits : int, default=5
        Number of folds, at least 2.
    shuffle : bool, default=False
        Shuffle the samples once before cutting them into folds.
    random_state : int, RandomState or Generator, default=None
        Seeds the shuffle (only with ``shuffle=True``). An int gives the same folds
        as scikit-learn.

    See Also
    --------
    StratifiedKFold : Folds that keep the class proportions.
    sklearn.model_selection.KFold : The scikit-learn class this one mirrors.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.model_selection import KFold
    >>> for train, test in KFold(n_splits=3).split(np.zeros(5)):
    ...     print(train, test)
    [2 3 4] [0 1]
    [0 1 4] [2 3]
    [0 1 2 3] [4]
    """

    def split(self, X, y=None, groups=None):
        """Generate ``(train, test)`` index arrays; see ``_BaseKFold.split``."""
        _warn_groups_ignored(self, groups)
        return super().split(X, y, groups)

    def _test_folds(self, n_samples, y, groups):
        # Fold sizes n // k (+1 for the first n % k folds), in the order of the
        # (possibly shuffled) indices.
        indices = np.arange(n_samples)
        if self.shuffle:
            _legacy_random_state(self.random_state).shuffle(indices)
        sizes = np.full(self.n_splits, n_samples // self.n_splits)
        sizes[: n_samples % self.n_splits] += 1
        fold_of = np.empty(n_samples, dtype=int)
        fold_of[indices] = np.repeat(np.arange(self.n_splits), sizes)
        return fold_of


class StratifiedKFold(_BaseKFold):
    """Stratified k-fold: folds that keep each class's share of the samples.

    Read more in the book: Cross-validation
    <https://skratch-ml.github.io/skratch/book/advanced/cross-validation.html>

    Parameters
    ----------
    n_splits : int, default=5
        Number of folds, at least 2.
    shuffle : bool, default=False
        Shuffle each class's samples before assigning them to folds.
    random_state : int, RandomState or Generator, default=None
        Seeds the shuffle (only with ``shuffle=True``). An int gives the same folds
        as scikit-learn.

    See Also
    --------
    KFold : Folds that ignore the classes.
    sklearn.model_selection.StratifiedKFold : The scikit-learn class this one
        mirrors.

    Notes
    -----
    The classes are numbered by first appearance in ``y``; dealing the sorted labels
    round-robin to the folds fixes how many samples of each class each fold gets
    (so fold sizes differ by at most one per class). Within a class, samples go to
    folds in order (fold 0 first), or in a shuffled order with ``shuffle=True``.
    This is scikit-learn's algorithm.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.model_selection import StratifiedKFold
    >>> y = np.array([0, 0, 0, 0, 1, 1])
    >>> for train, test in StratifiedKFold(n_splits=2).split(np.zeros(6), y):
    ...     print(train, test)
    [2 3 5] [0 1 4]
    [0 1 4] [2 3 5]
    """

    def split(self, X, y, groups=None):
        """Generate ``(train, test)`` index arrays; see ``KFold.split``."""
        if y is None:
            raise ValueError("StratifiedKFold needs the class labels y to split.")
        _warn_groups_ignored(self, groups)
        return super().split(X, y, groups)

    def _test_folds(self, n_samples, y, groups):
        y = np.asarray(y)
        if y.ndim == 2 and y.shape[1] == 1:
            y = y.ravel()
        kind = "multiclass"
        if y.ndim != 1:
            kind = "multilabel-indicator or multioutput"
        elif y.dtype.kind == "f" and np.any(y != np.floor(y)):
            kind = "continuous"
        if kind not in ("multiclass",):
            raise ValueError(
                "Supported target types are: ('binary', 'multiclass'). "
                f"Got {kind!r} instead."
            )
        # Encode classes by order of first appearance: 0 is the first label in y.
        _, first_index, inverse = np.unique(y, return_index=True, return_inverse=True)
        _, class_rank = np.unique(first_index, return_inverse=True)
        y_encoded = class_rank[inverse]  # (n_samples,)
        n_classes = len(first_index)
        counts = np.bincount(y_encoded)
        if np.all(self.n_splits > counts):
            raise ValueError(
                f"n_splits={self.n_splits} cannot be greater than the number of "
                "members in each class."
            )
        if self.n_splits > counts.min():
            warnings.warn(
                f"The least populated class in y has only {counts.min()} members, "
                f"which is less than n_splits={self.n_splits}.",
                UserWarning,
                stacklevel=3,
            )
        # allocation[f, k]: samples of class k in fold f, from dealing the sorted
        # labels round-robin to the folds. (n_splits, n_classes)
        y_sorted = np.sort(y_encoded)
        allocation = np.array([
            np.bincount(y_sorted[f::self.n_splits], minlength=n_classes)
            for f in range(self.n_splits)
        ])
        rng = _legacy_random_state(self.random_state) if self.shuffle else None
        fold_of = np.empty(n_samples, dtype=int)
        for k in range(n_classes):
            folds_for_class = np.repeat(np.arange(self.n_splits), allocation[:, k])
            if self.shuffle:
                rng.shuffle(folds_for_class)
            fold_of[y_encoded == k] = folds_for_class
        return fold_of


class GroupKFold(_BaseKFold):
    """K-fold with groups: all samples of a group fall in the same fold.

    Each group (a patient, a writer, a session) is in the test set exactly once, so
    a model is always tested on groups it has never seen. Without shuffling the
    largest groups are dealt first, each to the fold with the fewest samples so
    far, which balances the fold sizes.

    Read more in the book: Cross-validation
    <https://skratch-ml.github.io/skratch/book/advanced/cross-validation.html>

    Parameters
    ----------
    n_splits : int, default=5
        Number of folds, at least 2 and at most the number of groups.
    shuffle : bool, default=False
        Shuffle the groups, then cut them into ``n_splits`` runs of (nearly)
        equal numbers of groups (``np.array_split``).
    random_state : int, RandomState or Generator, default=None
        Seeds the shuffle (only with ``shuffle=True``). An int gives the same folds
        as scikit-learn.

    See Also
    --------
    KFold : Folds that ignore the groups.
    sklearn.model_selection.GroupKFold : The scikit-learn class this one mirrors.

    Notes
    -----
    Groups are numbered in sorted order; ties between groups of equal size go to
    the group with the larger number first (a stable sort, reversed), and ties
    between equally light folds to the lowest fold. This is scikit-learn's
    algorithm, so the folds are the same.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.model_selection import GroupKFold
    >>> groups = np.array([0, 0, 2, 2, 3, 3, 3])
    >>> cv = GroupKFold(n_splits=2)
    >>> for train, test in cv.split(np.zeros(7), groups=groups):
    ...     print(train, test, groups[test])
    [0 1 2 3] [4 5 6] [3 3 3]
    [4 5 6] [0 1 2 3] [0 0 2 2]
    """

    def split(self, X, y=None, groups=None):
        """Generate ``(train, test)`` index arrays; see ``_BaseKFold.split``.

        ``groups`` (one label per sample) is required.
        """
        if groups is None:
            raise ValueError("The 'groups' parameter should not be None.")
        return super().split(X, y, groups)

    def _test_folds(self, n_samples, y, groups):
        unique_groups, group_idx = np.unique(np.asarray(groups),
                                             return_inverse=True)
        group_idx = group_idx.ravel()
        n_groups = len(unique_groups)
        if self.n_splits > n_groups:
            raise ValueError(
                f"Cannot have number of splits n_splits={self.n_splits} greater "
                f"than the number of groups: {n_groups}."
            )
        group_to_fold = np.empty(n_groups, dtype=int)
        if self.shuffle:
            order = _legacy_random_state(self.random_state).permutation(n_groups)
            sizes = np.full(self.n_splits, n_groups // self.n_splits)
            sizes[: n_groups % self.n_splits] += 1  # np.array_split's sizes
            group_to_fold[order] = np.repeat(np.arange(self.n_splits), sizes)
        else:
            weights = np.bincount(group_idx)
            # Heaviest group first; the loop is over groups, not samples.
            by_weight = np.argsort(weights, kind="stable")[::-1]
            fold_weight = np.zeros(self.n_splits)
            for g in by_weight:
                lightest = int(np.argmin(fold_weight))
                fold_weight[lightest] += weights[g]
                group_to_fold[g] = lightest
        return group_to_fold[group_idx]


class TimeSeriesSplit(_BaseKFold):
    """Time-series splits: train on the past, test on the block that follows.

    The samples must be in time order. The last ``n_splits * test_size`` samples
    are cut into ``n_splits`` consecutive test blocks; split :math:`i` trains on
    everything before block :math:`i` (less a ``gap``), so training sets grow and
    no model ever sees the future it is tested on.

    Read more in the book: Cross-validation
    <https://skratch-ml.github.io/skratch/book/advanced/cross-validation.html>

    Parameters
    ----------
    n_splits : int, default=5
        Number of splits, at least 2.
    max_train_size : int, default=None
        Keep at most this many of the most recent samples for training (a sliding
        window instead of a growing one).
    test_size : int, default=None
        Samples in each test block; by default ``n_samples // (n_splits + 1)``.
    gap : int, default=0
        Samples left out between the end of each training set and its test block
        (for targets that look ahead, or autocorrelated data).

    See Also
    --------
    KFold : Folds in any order (wrong when the past must predict the future).
    sklearn.model_selection.TimeSeriesSplit : The scikit-learn class this one
        mirrors.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.model_selection import TimeSeriesSplit
    >>> cv = TimeSeriesSplit(n_splits=3, test_size=2, gap=1)
    >>> cv
    TimeSeriesSplit(gap=1, max_train_size=None, n_splits=3, test_size=2)
    >>> for train, test in cv.split(np.zeros(10)):
    ...     print(train, test)
    [0 1 2] [4 5]
    [0 1 2 3 4] [6 7]
    [0 1 2 3 4 5 6] [8 9]
    """

    def __init__(self, n_splits=5, *, max_train_size=None, test_size=None, gap=0):
        super().__init__(n_splits, shuffle=False, random_state=None)
        for name, value, low in (("max_train_size", max_train_size, 1),
                                 ("test_size", test_size, 1), ("gap", gap, 0)):
            if value is None and name != "gap":
                continue
            if (not isinstance(value, numbers.Integral) or isinstance(value, bool)
                    or value < low):
                raise ValueError(
                    f"{name} must be an integer >= {low}"
                    f"{' or None' if name != 'gap' else ''}, got {name}={value!r}."
                )
        self.max_train_size = max_train_size
        self.test_size = test_size
        self.gap = gap

    def split(self, X, y=None, groups=None):
        """Generate ``(train, test)`` index arrays, one pair per split.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data in time order (only its length is used).
        y : array-like of shape (n_samples,), default=None
            Ignored; present for compatibility with scikit-learn.
        groups : None
            Ignored (with a warning if given).

        Yields
        ------
        train : ndarray of int
            The training indices of the split.
        test : ndarray of int
            The test indices of the split.
        """
        _warn_groups_ignored(self, groups)
        n_samples = _num_samples(X)
        n_folds = self.n_splits + 1
        test_size = (self.test_size if self.test_size is not None
                     else n_samples // n_folds)
        if n_folds > n_samples:
            raise ValueError(
                f"Cannot have number of folds={n_folds} greater than the number "
                f"of samples={n_samples}."
            )
        if n_samples - self.gap - test_size * self.n_splits <= 0:
            raise ValueError(
                f"Too many splits={self.n_splits} for number of samples"
                f"={n_samples} with test_size={test_size} and gap={self.gap}."
            )
        indices = np.arange(n_samples)
        for test_start in range(n_samples - self.n_splits * test_size, n_samples,
                                test_size):
            train_end = test_start - self.gap
            train_start = 0
            if self.max_train_size and self.max_train_size < train_end:
                train_start = train_end - self.max_train_size
            yield (indices[train_start:train_end],
                   indices[test_start:test_start + test_size])


class _BaseShuffleSplit:
    """What ShuffleSplit and StratifiedShuffleSplit share."""

    _default_test_size = 0.1

    def __init__(self, n_splits=10, *, test_size=None, train_size=None,
                 random_state=None):
        if (not isinstance(n_splits, numbers.Integral) or isinstance(n_splits, bool)
                or n_splits < 1):
            raise ValueError(
                f"n_splits must be a positive integer, got n_splits={n_splits!r}."
            )
        self.n_splits = int(n_splits)
        self.test_size = test_size
        self.train_size = train_size
        self.random_state = random_state

    def __repr__(self):
        return _build_repr(self)

    def get_n_splits(self, X=None, y=None, groups=None):
        """Return the number of splits, ``n_splits``."""
        return self.n_splits

    def _sizes(self, X):
        return _validate_shuffle_split(_num_samples(X), self.test_size,
                                       self.train_size, self._default_test_size)


class ShuffleSplit(_BaseShuffleSplit):
    """Random permutation splits: ``n_splits`` independent train/test draws.

    Each split shuffles all the samples and takes the first ``n_test`` as the test
    set and the next ``n_train`` as the training set. Unlike k-fold, test sets of
    different splits may overlap, and the number of splits is free of the test
    size.

    Read more in the book: Cross-validation
    <https://skratch-ml.github.io/skratch/book/advanced/cross-validation.html>

    Parameters
    ----------
    n_splits : int, default=10
        Number of splits.
    test_size : float or int, default=None
        A fraction in (0, 1), rounded up, or a number of samples. If both sizes
        are None, 0.1; if only ``test_size`` is, the complement of ``train_size``.
    train_size : float or int, default=None
        A fraction (rounded down) or a number of samples; by default the rest.
    random_state : int, RandomState or Generator, default=None
        Seeds the shuffles. An int gives the same splits as scikit-learn.

    See Also
    --------
    KFold : Every sample tested exactly once.
    StratifiedShuffleSplit : Random splits that keep the class proportions.
    sklearn.model_selection.ShuffleSplit : The scikit-learn class this one
        mirrors.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.model_selection import ShuffleSplit
    >>> cv = ShuffleSplit(n_splits=3, test_size=2, random_state=0)
    >>> for train, test in cv.split(np.zeros(6)):
    ...     print(train, test)
    [1 3 0 4] [5 2]
    [4 0 2 5] [1 3]
    [1 2 4 0] [3 5]
    """

    def split(self, X, y=None, groups=None):
        """Generate ``(train, test)`` index arrays, one pair per split.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data (only its length is used).
        y : array-like of shape (n_samples,), default=None
            Ignored; present for compatibility with scikit-learn.
        groups : None
            Ignored (with a warning if given).

        Yields
        ------
        train : ndarray of int
            The training indices of the split.
        test : ndarray of int
            The test indices of the split.
        """
        _warn_groups_ignored(self, groups)
        n_samples = _num_samples(X)
        n_train, n_test = self._sizes(X)
        rng = _legacy_random_state(self.random_state)
        for _ in range(self.n_splits):
            permutation = rng.permutation(n_samples)
            yield permutation[n_test:n_test + n_train], permutation[:n_test]


class StratifiedShuffleSplit(_BaseShuffleSplit):
    """Random splits that keep each class's share: stratified ShuffleSplit.

    Each split gives every class (nearly) its proportion of the training and test
    sets, then draws that many samples of the class at random.

    Read more in the book: Cross-validation
    <https://skratch-ml.github.io/skratch/book/advanced/cross-validation.html>

    Parameters
    ----------
    n_splits : int, default=10
        Number of splits.
    test_size : float or int, default=None
        As in ``ShuffleSplit`` (0.1 if both sizes are None).
    train_size : float or int, default=None
        As in ``ShuffleSplit``.
    random_state : int, RandomState or Generator, default=None
        Seeds the draws. An int gives the same splits as scikit-learn.

    See Also
    --------
    StratifiedKFold : Stratified folds, each sample tested once.
    sklearn.model_selection.StratifiedShuffleSplit : The scikit-learn class this
        one mirrors.

    Notes
    -----
    Per split: class sizes for training are allotted in proportion to the class
    counts (largest remainders first, ties broken at random), then test sizes
    from what is left; each class is permuted and cut; both index sets are
    permuted. This is scikit-learn's algorithm, drawing from the same
    ``RandomState`` in the same order.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.model_selection import StratifiedShuffleSplit
    >>> y = np.array([0, 0, 0, 0, 1, 1, 1, 1])
    >>> cv = StratifiedShuffleSplit(n_splits=2, test_size=0.5,
    ...                             random_state=0)
    >>> for train, test in cv.split(np.zeros(8), y):
    ...     print(train, test, y[test])
    [6 2 4 3] [0 1 5 7] [0 0 1 1]
    [2 1 4 7] [3 6 5 0] [0 1 1 0]
    """

    def split(self, X, y, groups=None):
        """Generate ``(train, test)`` index arrays, one pair per split.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data (only its length is used).
        y : array-like of shape (n_samples,) or (n_samples, n_labels)
            The class labels to stratify by.
        groups : None
            Ignored (with a warning if given); present for compatibility with
            scikit-learn.

        Yields
        ------
        train : ndarray of int
            The training indices of the split.
        test : ndarray of int
            The test indices of the split.
        """
        if y is None:
            raise ValueError(
                "StratifiedShuffleSplit needs the class labels y to split."
            )
        _warn_groups_ignored(self, groups)
        check_consistent_length(X, y)
        n_train, n_test = self._sizes(X)
        counts, indices = _stratified_classes(y, n_train, n_test)
        rng = _legacy_random_state(self.random_state)
        for _ in range(self.n_splits):
            yield _stratified_draw(counts, indices, n_train, n_test, rng)
