"""Splitting data: a held-out test set, and k-fold cross-validation.

``train_test_split`` holds out part of the data to measure a model on examples it has
not seen; ``KFold`` and ``StratifiedKFold`` cut the data into k folds so that every
sample is held out exactly once.

The shuffles draw from ``numpy.random.RandomState``, not from the ``Generator`` that
the rest of skratch uses: it is the generator scikit-learn's splitters use, so the same
integer ``random_state`` gives exactly scikit-learn's splits, and a learner can compare
the two side by side.

Read more in the book: Train, validate, test
<https://skratch-ml.github.io/skratch/book/intermediate/train-validate-test.html>
"""

import numbers
import warnings
from math import ceil, floor

import numpy as np

from ..utils.validation import check_consistent_length

__all__ = ["KFold", "StratifiedKFold", "train_test_split"]


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


def _num_samples(X):
    if hasattr(X, "shape") and len(X.shape) > 0:
        return X.shape[0]
    if hasattr(X, "__array__") and not hasattr(X, "__len__"):
        return np.asarray(X).shape[0]
    if not hasattr(X, "__len__"):
        raise TypeError(f"Expected sequence or array-like, got {type(X)}")
    return len(X)


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


def _stratified_split(y, n_train, n_test, rng):
    """One stratified train/test split (scikit-learn's StratifiedShuffleSplit)."""
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
    n_train_per_class = _approximate_mode(class_counts, n_train, rng)
    n_test_per_class = _approximate_mode(class_counts - n_train_per_class, n_test, rng)
    train, test = [], []
    for indices, n_tr, n_te in zip(class_indices, n_train_per_class,
                                   n_test_per_class):
        shuffled = indices[rng.permutation(len(indices))]
        train.extend(shuffled[:n_tr])
        test.extend(shuffled[n_tr:n_tr + n_te])
    return rng.permutation(train), rng.permutation(test)


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
        return (f"{type(self).__name__}(n_splits={self.n_splits}, "
                f"random_state={self.random_state!r}, shuffle={self.shuffle})")

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
        groups : None
            Ignored; present for compatibility with scikit-learn.

        Yields
        ------
        train : ndarray of int
            The training indices of the fold.
        test : ndarray of int
            The test indices of the fold.
        """
        n_samples = _num_samples(X)
        if y is not None and _num_samples(y) != n_samples:
            raise ValueError(
                "Found input variables with inconsistent numbers of samples: "
                f"[{n_samples}, {_num_samples(y)}]"
            )
        if self.n_splits > n_samples:
            raise ValueError(
                f"Cannot have number of splits n_splits={self.n_splits} greater than "
                f"the number of samples: n_samples={n_samples}."
            )
        fold_of = self._test_folds(n_samples, y)  # (n_samples,) fold of each sample
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

    def _test_folds(self, n_samples, y):
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
        return super().split(X, y, groups)

    def _test_folds(self, n_samples, y):
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
