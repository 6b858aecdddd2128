"""One-hot encoding: one binary column per category.

A model that multiplies features by weights cannot use "red", "green", "blue" as
they are, and numbering them 0, 1, 2 would invent an order. One-hot encoding gives
each category its own 0/1 column instead.

Read more in the book: Feature scaling and preprocessing
<https://skratch-ml.github.io/skratch/book/advanced/feature-scaling.html>
"""

import warnings

import numpy as np

from ..base import BaseEstimator, TransformerMixin
from ..utils.validation import (
    StrOptions,
    check_array,
    check_is_fitted,
    validate_n_features,
)

__all__ = ["OneHotEncoder"]


def _check_categorical(X, estimator):
    """A 2-D array of categories: numbers (finite) or strings/objects."""
    if hasattr(X, "iloc"):  # a DataFrame: keep each column's values, as objects
        X = np.asarray(X, dtype=object)
    elif not hasattr(X, "dtype") and np.asarray(X).dtype.kind in "US":
        # A list mixing strings and numbers: keep the numbers as numbers (NumPy
        # would turn them into text), as scikit-learn does.
        X = np.asarray(X, dtype=object)
    X = check_array(X, dtype=None, estimator=estimator, ensure_all_finite=False)
    if X.dtype.kind == "O":
        try:  # all numbers? then test them like a numeric array
            numbers = X.astype(np.float64)
        except (TypeError, ValueError):
            numbers = None
        if numbers is not None and not np.isfinite(numbers).all():
            check_array(numbers, estimator=estimator)  # raises, naming NaN or inf
    elif X.dtype.kind in "fc":
        check_array(X, estimator=estimator)  # raises for NaN and inf
    elif X.dtype.kind not in "biuUS":
        raise ValueError(f"OneHotEncoder cannot encode values of dtype {X.dtype}.")
    return X


def _lookup(values, categories):
    # Index of each value in `categories` (any order), or -1 for an unknown value:
    # sort the categories once, binary-search every value (O(n log k)).
    order = np.argsort(categories, kind="stable")
    ordered = categories[order]
    position = np.clip(np.searchsorted(ordered, values), 0, len(ordered) - 1)
    found = ordered[position] == values
    return np.where(found, order[position], -1)


class OneHotEncoder(TransformerMixin, BaseEstimator):
    r"""Encode categorical features as one-hot (dummy) columns.

    Feature :math:`j` with categories :math:`c_{j1}, \dots, c_{jK_j}` becomes
    :math:`K_j` columns, and

    .. math::

        \text{out}_{i, (j, k)} = \mathbb{1}[x_{ij} = c_{jk}].

    Read more in the book: Feature scaling and preprocessing
    <https://skratch-ml.github.io/skratch/book/advanced/feature-scaling.html>

    Parameters
    ----------
    categories : "auto" or list of array-like, default="auto"
        ``"auto"``: the sorted distinct values of each feature in the training
        data. A list: the categories of each feature, in the order of the output
        columns (numeric categories must be sorted).
    drop : {"first", "if_binary"}, array-like of shape (n_features,) or None, default=None
        Drop one column per feature, so the columns are not collinear: the first
        category, the first only for features with two categories, or the given
        category of each feature (None entries keep all).
    sparse_output : bool, default=False
        skratch always returns a dense NumPy array; ``True`` is refused.
        (scikit-learn's default is True, a SciPy sparse matrix.)
    dtype : number type, default=np.float64
        The dtype of the output.
    handle_unknown : {"error", "ignore", "warn"}, default="error"
        What ``transform`` does with a category not seen in ``fit``: raise, encode
        it as all zeros, or encode it as all zeros with a warning.

    Attributes
    ----------
    categories_ : list of ndarray
        The categories of each feature, in the order of the output columns.
    drop_idx_ : ndarray of shape (n_features,) or None
        Index in ``categories_[j]`` of the category dropped for feature ``j`` (None
        where nothing is dropped); None when ``drop=None``.
    n_features_in_ : int
        Number of features seen in ``fit``.

    See Also
    --------
    sklearn.preprocessing.OneHotEncoder : The scikit-learn estimator this one
        mirrors (dense output only; no infrequent categories; NaN is refused rather
        than treated as a category).

    Examples
    --------
    >>> from skratch.preprocessing import OneHotEncoder
    >>> X = [["red", 1], ["green", 3], ["red", 2]]
    >>> enc = OneHotEncoder().fit(X)
    >>> enc.categories_
    [array(['green', 'red'], dtype=object), array([1, 2, 3], dtype=object)]
    >>> enc.transform([["green", 2]])
    array([[1., 0., 0., 1., 0.]])
    >>> enc.get_feature_names_out(["colour", "size"])
    array(['colour_green', 'colour_red', 'size_1', 'size_2', 'size_3'],
          dtype=object)
    >>> OneHotEncoder(drop="first").fit_transform(X)
    array([[1., 0., 0.],
           [0., 0., 1.],
           [1., 1., 0.]])
    """

    _parameter_constraints = {
        "categories": [StrOptions({"auto"}), list],
        "drop": [StrOptions({"first", "if_binary"}), list, np.ndarray, None],
        "sparse_output": ["boolean"],
        "dtype": [type],
        "handle_unknown": [StrOptions({"error", "ignore", "warn"})],
    }

    def __init__(self, *, categories="auto", drop=None, sparse_output=False,
                 dtype=np.float64, handle_unknown="error"):
        self.categories = categories
        self.drop = drop
        self.sparse_output = sparse_output
        self.dtype = dtype
        self.handle_unknown = handle_unknown

    def fit(self, X, y=None):
        """Learn the categories of each feature.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Categorical data (strings or numbers).
        y : None
            Ignored.

        Returns
        -------
        self : OneHotEncoder
            The fitted encoder.
        """
        self._validate_params()
        if self.sparse_output:
            raise ValueError(
                "sparse_output=True is not supported: skratch's OneHotEncoder "
                "returns dense arrays. Use sparse_output=False."
            )
        X = _check_categorical(X, self)
        validate_n_features(self, X, reset=True)
        n_features = X.shape[1]
        if self.categories == "auto":
            try:
                self.categories_ = [np.unique(X[:, j]) for j in range(n_features)]
            except TypeError as exc:  # e.g. 1 and "a" in one column: no order
                raise TypeError(
                    "Encoders require their input argument must be uniformly strings "
                    f"or numbers: {exc}"
                ) from exc
        else:
            if len(self.categories) != n_features:
                raise ValueError(
                    "Shape mismatch: if categories is an array, it has to be of shape "
                    f"(n_features,). Got {len(self.categories)} categories for "
                    f"{n_features} features."
                )
            self.categories_ = []
            for j, given in enumerate(self.categories):
                given = np.asarray(given, dtype=X.dtype if X.dtype.kind in "biuf"
                                   else None)
                if given.dtype.kind == "f" and np.isnan(given[:-1]).any():
                    raise ValueError(
                        "Nan should be the last element in user provided categories, "
                        f"see categories {given} in column #{j}"
                    )
                if len(np.unique(given)) < len(given):
                    raise ValueError(
                        f"In column {j}, the predefined categories contain duplicate "
                        "elements."
                    )
                if given.dtype.kind in "biuf" and np.any(np.diff(given) < 0):
                    raise ValueError(
                        f"Unsorted categories are not supported for numerical "
                        f"categories: got {given.tolist()} for feature {j}."
                    )
                unknown = np.unique(X[_lookup(X[:, j], given) < 0, j])
                if unknown.size and self.handle_unknown == "error":
                    raise ValueError(
                        f"Found unknown categories {unknown.tolist()} in column {j} "
                        "during fit"
                    )
                self.categories_.append(given)
        self.drop_idx_ = self._drop_indices()
        return self

    def _drop_indices(self):
        if self.drop is None:
            return None
        if isinstance(self.drop, str):
            if self.drop == "first":
                return np.zeros(len(self.categories_), dtype=object)
            return np.array([0 if len(c) == 2 else None for c in self.categories_],
                            dtype=object)  # "if_binary"
        drop = np.asarray(self.drop, dtype=object)
        if drop.shape != (len(self.categories_),):
            raise ValueError(
                "`drop` should have length equal to the number of features "
                f"({len(self.categories_)}), got {len(drop)}"
            )
        indices = np.empty(len(drop), dtype=object)
        for j, (value, categories) in enumerate(zip(drop, self.categories_)):
            if value is None:
                indices[j] = None
                continue
            match = np.flatnonzero(categories == value)
            if match.size == 0:
                raise ValueError(
                    f"The following categories were supposed to be dropped, but were "
                    f"not found in the training data.\nCategory: {value!r}, "
                    f"Feature: {j}"
                )
            indices[j] = int(match[0])
        return indices

    def _n_columns(self, j):
        dropped = self.drop_idx_ is not None and self.drop_idx_[j] is not None
        return len(self.categories_[j]) - dropped

    def transform(self, X):
        """Encode ``X`` as one-hot columns.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Categorical data.

        Returns
        -------
        X_out : ndarray of shape (n_samples, n_encoded_features)
            The one-hot columns, feature after feature, categories in the order of
            ``categories_`` (minus the dropped ones).
        """
        check_is_fitted(self)
        X = _check_categorical(X, self)
        validate_n_features(self, X, reset=False)
        n_samples = X.shape[0]
        out = np.zeros((n_samples, sum(map(self._n_columns, range(X.shape[1])))),
                       dtype=self.dtype)
        rows = np.arange(n_samples)
        offset = 0
        unknown_columns = []
        for j, categories in enumerate(self.categories_):
            index = _lookup(X[:, j], categories)  # (n_samples,), -1 if unknown
            unknown = index < 0
            if unknown.any():
                if self.handle_unknown == "error":
                    raise ValueError(
                        f"Found unknown categories {np.unique(X[unknown, j]).tolist()} "
                        f"in column {j} during transform"
                    )
                unknown_columns.append(j)
            keep = ~unknown
            drop = None if self.drop_idx_ is None else self.drop_idx_[j]
            if drop is not None:
                keep &= index != drop
                index = index - (index > drop)  # columns after the dropped one shift
            out[rows[keep], offset + index[keep]] = 1
            offset += self._n_columns(j)
        # scikit-learn's two warnings: "warn" always warns (in its words, which
        # allow for infrequent categories: skratch has none, so the row is all
        # zeros); "ignore" warns only when a dropped category makes zeros ambiguous.
        if unknown_columns and self.handle_unknown == "warn":
            warnings.warn(
                f"Found unknown categories in columns {unknown_columns} during "
                "transform. These unknown categories will be encoded as the "
                "infrequent category.",
                UserWarning,
                stacklevel=2,
            )
        elif unknown_columns and self.drop_idx_ is not None:
            dropped = [j for j in unknown_columns if self.drop_idx_[j] is not None]
            if dropped:
                warnings.warn(
                    f"Found unknown categories in columns {dropped} during "
                    "transform. These unknown categories will be encoded as all "
                    "zeros",
                    UserWarning,
                    stacklevel=2,
                )
        return out

    def inverse_transform(self, X):
        """Turn one-hot rows back into categories.

        A block of zeros decodes to the dropped category, or to None when nothing
        was dropped (an unknown category under ``handle_unknown="ignore"``).

        Parameters
        ----------
        X : array-like of shape (n_samples, n_encoded_features)
            One-hot data.

        Returns
        -------
        X_original : ndarray of shape (n_samples, n_features)
            The categories.
        """
        check_is_fitted(self)
        X = check_array(X, dtype=np.float64, estimator=self)
        widths = [self._n_columns(j) for j in range(len(self.categories_))]
        if X.shape[1] != sum(widths):
            raise ValueError(
                f"Shape of the passed X data is not correct. Expected {sum(widths)} "
                f"columns, got {X.shape[1]}."
            )
        dtype = np.result_type(*[c.dtype for c in self.categories_])
        columns, offset = [], 0
        for j, (categories, width) in enumerate(zip(self.categories_, widths)):
            block = X[:, offset:offset + width]
            offset += width
            drop = None if self.drop_idx_ is None else self.drop_idx_[j]
            kept = np.delete(np.arange(len(categories)), drop) if drop is not None \
                else np.arange(len(categories))
            column = np.empty(len(X), dtype=object)
            column[:] = categories[kept[block.argmax(axis=1)]] if width else None
            empty = block.sum(axis=1) == 0
            column[empty] = categories[drop] if drop is not None else None
            columns.append(column)
        result = np.column_stack(columns)
        if not any(c is None for c in result.ravel()):
            result = result.astype(dtype)
        return result

    def get_feature_names_out(self, input_features=None):
        """Output names ``<feature>_<category>`` (``x0_red``, ... by default).

        Parameters
        ----------
        input_features : array-like of str, default=None
            The input feature names; ``x0, x1, ...`` if None.

        Returns
        -------
        names : ndarray of str objects
        """
        check_is_fitted(self)
        if input_features is None:
            input_features = [f"x{j}" for j in range(self.n_features_in_)]
        elif len(input_features) != self.n_features_in_:
            raise ValueError(
                "input_features should have length equal to number of features "
                f"({self.n_features_in_}), got {len(input_features)}"
            )
        names = []
        for j, (feature, categories) in enumerate(zip(input_features,
                                                      self.categories_)):
            drop = None if self.drop_idx_ is None else self.drop_idx_[j]
            names += [f"{feature}_{c}" for k, c in enumerate(categories) if k != drop]
        return np.array(names, dtype=object)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.categorical = True
        tags.input_tags.string = True
        return tags
