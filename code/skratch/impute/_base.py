"""Simple imputation: fill each missing value with a statistic of its column.

Most learners cannot use a sample with a missing value. Rather than dropping the
sample, ``SimpleImputer`` fills the gap with the column's mean, median, most
frequent value or a constant, learned on the training data.

Read more in the book: Feature scaling and preprocessing
<https://skratch-ml.github.io/skratch/book/advanced/feature-scaling.html>
"""

import numbers
import warnings

import numpy as np

from ..base import BaseEstimator, TransformerMixin
from ..utils.validation import (
    StrOptions,
    check_array,
    check_is_fitted,
    validate_n_features,
)

__all__ = ["SimpleImputer"]


def _missing_mask(X, missing_values):
    """True where X holds the missing-value marker (NaN needs isnan: NaN != NaN)."""
    if _is_nan(missing_values):
        if X.dtype.kind == "f":
            return np.isnan(X)
        if X.dtype.kind == "O":
            return np.array([[v is None or (isinstance(v, float) and v != v)
                              for v in row] for row in X], dtype=bool).reshape(X.shape)
        return np.zeros(X.shape, dtype=bool)
    return X == missing_values


def _is_nan(value):
    return value is None or (isinstance(value, numbers.Real) and value != value)


def _most_frequent(column, mask):
    # The most frequent non-missing value; on a tie, the smallest (scikit-learn's
    # rule). np.unique sorts, and argmax returns the first maximum. An empty column
    # gets 0, a placeholder fit replaces (0 if kept, NaN if dropped), which fits
    # an integer column too.
    values, counts = np.unique(column[~mask], return_counts=True)
    return values[np.argmax(counts)] if values.size else 0


class SimpleImputer(TransformerMixin, BaseEstimator):
    r"""Replace missing values by a per-column statistic.

    For column :math:`j` with observed (non-missing) values :math:`O_j`, every
    missing entry becomes, by ``strategy``,

    .. math::

        \hat x_{ij} = \begin{cases}
            \operatorname{mean}(O_j) & \text{mean} \\
            \operatorname{median}(O_j) & \text{median} \\
            \operatorname{mode}(O_j) & \text{most\_frequent} \\
            \text{fill\_value} & \text{constant}
        \end{cases}

    Read more in the book: Feature scaling and preprocessing
    <https://skratch-ml.github.io/skratch/book/advanced/feature-scaling.html>

    Parameters
    ----------
    missing_values : int, float, str, np.nan or None, default=np.nan
        The marker of a missing value. NaN is found with ``np.isnan`` (NaN is not
        equal to itself).
    strategy : {"mean", "median", "most_frequent", "constant"}, default="mean"
        The statistic. "mean" and "median" need numbers; "most_frequent" and
        "constant" also work on strings.
    fill_value : str or number, default=None
        The value for ``strategy="constant"``; None means 0 for numbers and
        ``"missing_value"`` for strings.
    copy : bool, default=True
        If False, impute a float array in place where possible.
    keep_empty_features : bool, default=False
        A column with no observed value has no statistic. If False it is dropped
        from the output (with a warning), whatever the strategy, as in
        scikit-learn 1.9; if True it is kept and filled with 0 (or ``fill_value``
        for "constant").

    Attributes
    ----------
    statistics_ : ndarray of shape (n_features,)
        The fill value of each column (NaN for an empty column).
    n_features_in_ : int
        Number of features seen in ``fit``.

    See Also
    --------
    sklearn.impute.SimpleImputer : The scikit-learn estimator this one mirrors
        (without ``add_indicator`` or sparse input).

    Notes
    -----
    Impute inside a ``Pipeline`` so that cross-validation computes the statistics
    on each training fold only; imputing the whole data set first leaks the test
    folds' values into training.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.impute import SimpleImputer
    >>> X = np.array([[1.0, 2.0], [np.nan, 3.0], [7.0, 6.0]])
    >>> imp = SimpleImputer(strategy="mean").fit(X)
    >>> imp.statistics_
    array([4.        , 3.66666667])
    >>> imp.transform([[np.nan, np.nan]])
    array([[4.        , 3.66666667]])
    >>> SimpleImputer(strategy="most_frequent").fit_transform(
    ...     np.array([["a", "x"], ["b", "y"], ["a", "x"]], dtype=object))
    array([['a', 'x'],
           ['b', 'y'],
           ['a', 'x']], dtype=object)
    """

    _parameter_constraints = {
        "missing_values": [numbers.Real, str, None],
        "strategy": [StrOptions({"mean", "median", "most_frequent", "constant"})],
        "fill_value": [numbers.Real, str, None],
        "copy": ["boolean"],
        "keep_empty_features": ["boolean"],
    }

    def __init__(self, *, missing_values=np.nan, strategy="mean", fill_value=None,
                 copy=True, keep_empty_features=False):
        self.missing_values = missing_values
        self.strategy = strategy
        self.fill_value = fill_value
        self.copy = copy
        self.keep_empty_features = keep_empty_features

    def _check(self, X, reset):
        numeric_strategy = self.strategy in ("mean", "median")
        if hasattr(X, "iloc"):
            X = np.asarray(X, dtype=object) if any(
                dtype.kind == "O" for dtype in X.dtypes) else np.asarray(X)
        X = check_array(X, dtype=None, estimator=self, ensure_all_finite=False,
                        copy=self.copy)
        if X.dtype.kind in "biuf" or numeric_strategy:
            # The output keeps a float dtype (float32 stays float32) and, for the
            # strategies that copy observed values, an integer one; a mean or a
            # median of integers is a float64 (scikit-learn's rules).
            keep = X.dtype.kind == "f" or (X.dtype.kind in "biu" and not numeric_strategy)
            try:
                X = X if keep else X.astype(np.float64, copy=False)
            except (TypeError, ValueError) as exc:
                raise ValueError(
                    f"Cannot use {self.strategy} strategy with non-numeric data:\n{exc}"
                ) from exc
            if np.isinf(X).any():
                raise ValueError("Input X contains infinity or a value too large for "
                                 "dtype('float64').")
            if not _is_nan(self.missing_values) and np.isnan(X).any():
                raise ValueError(
                    "Input X contains NaN.\nSimpleImputer does not accept NaN when "
                    f"missing_values={self.missing_values!r}; set missing_values="
                    "np.nan to impute NaN."
                )
            if not isinstance(self.missing_values, numbers.Real):
                raise ValueError(
                    "'X' and 'missing_values' types are expected to be both "
                    f"numerical. Got X.dtype={X.dtype} and  type(missing_values)="
                    f"{type(self.missing_values)}."
                )
        elif X.dtype.kind not in "OUS":
            raise ValueError(f"SimpleImputer does not support data with dtype "
                             f"{X.dtype}.")
        elif X.dtype.kind in "US":
            X = X.astype(object)
        validate_n_features(self, X, reset=reset)
        return X

    def fit(self, X, y=None):
        """Compute the fill value of each column.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Data with missing values.
        y : None
            Ignored.

        Returns
        -------
        self : SimpleImputer
            The fitted imputer.
        """
        self._validate_params()
        X = self._check(X, reset=True)
        mask = _missing_mask(X, self.missing_values)  # (n_samples, n_features)
        if self.strategy == "constant":
            fill = self.fill_value
            if fill is None:
                fill = 0 if X.dtype.kind == "f" else "missing_value"
            fill_type = fill.dtype if isinstance(fill, np.generic) else type(fill)
            if not np.can_cast(fill_type, X.dtype, casting="same_kind"):
                raise ValueError(
                    f"fill_value={fill!r} (of type {type(fill)!r}) cannot be cast to "
                    f"the input data that is {X.dtype!r}. If fill_value is a Python "
                    "scalar, instead pass  a numpy scalar (e.g. fill_value=np.uint8(0) "
                    "if your data is of type np.uint8). Make sure that both dtypes are "
                    "of the same kind."
                )
            statistics = np.full(X.shape[1], fill, dtype=X.dtype)
        elif self.strategy in ("mean", "median"):
            observed = np.where(mask, np.nan, X)
            with warnings.catch_warnings():  # an all-missing column: NaN, handled below
                warnings.simplefilter("ignore", RuntimeWarning)
                reduce = np.nanmean if self.strategy == "mean" else np.nanmedian
                statistics = reduce(observed, axis=0)
        else:
            statistics = np.array([_most_frequent(X[:, j], mask[:, j])
                                   for j in range(X.shape[1])], dtype=X.dtype)
        # A column with no observed value: filled with 0 (fill_value for "constant")
        # if kept, otherwise its statistic is NaN and transform drops it.
        empty = mask.all(axis=0)
        if self.keep_empty_features:
            if self.strategy != "constant":
                statistics[empty] = 0
        elif empty.any():
            statistics = statistics.astype(object if statistics.dtype.kind == "O"
                                           else np.float64)
            statistics[empty] = np.nan
        self.statistics_ = statistics
        self._empty = empty
        return self

    def transform(self, X):
        """Fill the missing values of ``X`` with ``statistics_``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Data with missing values.

        Returns
        -------
        X_imputed : ndarray of shape (n_samples, n_features_out)
            Data without missing values; columns that were empty in ``fit`` are
            dropped unless ``keep_empty_features=True``.
        """
        check_is_fitted(self)
        X = self._check(X, reset=False)
        mask = _missing_mask(X, self.missing_values)
        rows, cols = np.nonzero(mask)
        if not self.keep_empty_features:  # empty columns are dropped below
            rows, cols = rows[~self._empty[cols]], cols[~self._empty[cols]]
        X[rows, cols] = self.statistics_[cols]
        if self._empty.any() and not self.keep_empty_features:
            warnings.warn(
                "Skipping features without any observed values: "
                f"{np.flatnonzero(self._empty).tolist()}. At least one non-missing "
                f"value is needed for imputation with strategy='{self.strategy}'.",
                UserWarning,
                stacklevel=2,
            )
            X = X[:, ~self._empty]
        return X

    def get_feature_names_out(self, input_features=None):
        """Output names: the input names (``x0, x1, ...``) minus dropped columns."""
        check_is_fitted(self)
        if input_features is None:
            input_features = [f"x{j}" for j in range(self.n_features_in_)]
        names = np.asarray(input_features, dtype=object)
        return names if self.keep_empty_features else names[~self._empty]

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.allow_nan = _is_nan(self.missing_values)
        tags.input_tags.string = True
        return tags
