"""ColumnTransformer: a different preprocessing for each group of columns.

A real table mixes numbers (scale them) and categories (one-hot encode them), often
with holes (impute them). ``ColumnTransformer`` sends each group of columns to its
own transformer, fits each on the training data only, and stacks the outputs side
by side, so the whole preprocessing is one estimator a ``Pipeline`` can hold and
cross-validation can refit on every fold.

Read more in the book: Feature scaling and preprocessing
<https://skratch-ml.github.io/skratch/book/advanced/feature-scaling.html>
"""

import numbers
from collections import Counter
from numbers import Integral, Real

import numpy as np

from ..base import BaseEstimator, TransformerMixin
from ..utils.validation import (
    Interval,
    StrOptions,
    check_array,
    check_is_fitted,
    validate_n_features,
)

__all__ = ["ColumnTransformer", "make_column_transformer"]

_ERR_MSG_1DCOLUMN = (
    "1D data passed to a transformer that expects 2D data. Try to specify the "
    "column selection as a list of one item instead of a scalar."
)
_ERR_MSG_KEY = (
    "No valid specification of the columns. Only a scalar, list or slice of all "
    "integers or all strings, or boolean mask is allowed"
)


class _HasMethods:
    """Constraint: an object with all these methods (a transformer)."""

    def __init__(self, methods):
        self.methods = methods

    def is_satisfied_by(self, value):
        return not isinstance(value, (str, type)) and all(
            callable(getattr(value, m, None)) for m in self.methods)

    def __str__(self):
        names = " and ".join(repr(m) for m in self.methods)
        return f"an object implementing {names}"


class _Callable:
    """Constraint: a callable (a function building the output names)."""

    def is_satisfied_by(self, value):
        return callable(value) and not isinstance(value, type)

    def __str__(self):
        return "a callable"


def _is_dataframe(X):
    # Duck typing, so that skratch never imports pandas.
    return hasattr(X, "columns") and hasattr(X, "iloc")


def _key_type(key):
    """'int', 'str' or 'bool' for a column specification (None: all or empty)."""
    if isinstance(key, (bool, np.bool_)):
        return "bool"
    if isinstance(key, numbers.Integral):
        return "int"
    if isinstance(key, str):
        return "str"
    if isinstance(key, slice):
        kinds = {_key_type(k) for k in (key.start, key.stop) if k is not None}
        if len(kinds) > 1:
            raise ValueError(_ERR_MSG_KEY)
        return kinds.pop() if kinds else None
    if hasattr(key, "dtype") and getattr(key, "ndim", 1) == 1:
        kind = {"i": "int", "u": "int", "b": "bool", "U": "str", "S": "str"}
        if key.dtype.kind in kind:
            return kind[key.dtype.kind]
        key = list(key)
    if isinstance(key, (list, tuple)):
        kinds = {_key_type(k) for k in key}
        if len(kinds) > 1 or None in kinds:
            raise ValueError(_ERR_MSG_KEY)
        return kinds.pop() if kinds else None
    raise ValueError(_ERR_MSG_KEY)


def _column_indices(key, n_features, names):
    """The positions (a list of ints) that ``key`` selects among the columns."""
    kind = _key_type(key)
    if kind is None and not isinstance(key, slice):
        return []  # an empty list
    if kind in (None, "int", "bool"):
        try:
            if kind == "bool" and not np.isscalar(key) \
                    and len(key) != n_features:
                raise IndexError("a boolean mask of the wrong length")
            index = np.arange(n_features)[
                key if isinstance(key, slice) or np.isscalar(key)
                else np.asarray(key)]
        except IndexError as exc:
            raise ValueError(
                f"all features must be in [0, {n_features - 1}] or "
                f"[-{n_features}, 0]"
            ) from exc
        return np.atleast_1d(index).tolist()
    if names is None:
        raise ValueError(
            "Specifying the columns using strings is only supported for "
            "dataframes."
        )
    names = list(names)
    if isinstance(key, slice):  # label slices include their end, as in pandas
        start = 0 if key.start is None else names.index(key.start)
        stop = n_features if key.stop is None else names.index(key.stop) + 1
        return list(range(start, stop))
    wanted = [key] if np.isscalar(key) else list(key)
    missing = set(wanted) - set(names)
    if missing:
        raise ValueError(
            f"Some column names are not columns of the dataframe: {missing}"
        )
    return [names.index(name) for name in wanted]


def _select(X, indices, scalar):
    """Columns ``indices`` of X: 2-D, or 1-D when the spec was a scalar."""
    key = indices[0] if scalar else indices
    if _is_dataframe(X):
        return X.iloc[:, key]
    return X[:, key]


def _names_in(X):
    """The string column names of a DataFrame, or None."""
    if not _is_dataframe(X):
        return None
    columns = np.asarray(list(X.columns), dtype=object)
    kinds = sorted({type(c).__name__ for c in columns})
    if len(kinds) > 1 and "str" in kinds:
        raise TypeError(
            "Feature names are only supported if all input features have string "
            f"names, but your input has {kinds} as feature name / column name "
            "types. Convert all feature names to strings first."
        )
    return columns if kinds == ["str"] else None


def _clone(estimator):
    from ..model_selection._validation import _clone as clone

    return clone(estimator)


class ColumnTransformer(TransformerMixin, BaseEstimator):
    r"""Apply a transformer to each group of columns, and stack the outputs.

    With transformers :math:`T_1, \dots, T_m` on column groups
    :math:`C_1, \dots, C_m` and weights :math:`w_k` (1 by default),

    .. math::

        \text{out} = \big[\, & w_1 T_1(X_{:, C_1}) \;\big|\; \cdots \\
        & \;\big|\; w_m T_m(X_{:, C_m}) \,\big],

    each :math:`T_k` fitted on :math:`X_{:, C_k}` of the training data alone.

    Read more in the book: Feature scaling and preprocessing
    <https://skratch-ml.github.io/skratch/book/advanced/feature-scaling.html>

    Parameters
    ----------
    transformers : list of (str, transformer, columns) tuples
        The name (unique, without ``"__"``), a transformer (with ``fit`` and
        ``transform``, or ``"drop"`` or ``"passthrough"``) and its columns: an
        int, a list of ints, a slice, a boolean mask, a column name or a list
        of names (names need a pandas DataFrame), or a callable that takes X
        and returns one of these. A scalar (int or name) passes a 1-D column
        to the transformer; a list passes a 2-D block.
    remainder : {"drop", "passthrough"} or transformer, default="drop"
        What happens to the columns no transformer names: dropped, passed
        through unchanged (after the others), or sent to this transformer.
    sparse_threshold : float, default=0.3
        Accepted for compatibility; skratch always returns a dense array.
    n_jobs : int, default=None
        Accepted for compatibility; the transformers are fitted one by one.
    transformer_weights : dict, default=None
        ``{name: weight}``: that transformer's output is multiplied by weight.
    verbose : bool, default=False
        Print the name of each transformer as it is fitted.
    verbose_feature_names_out : bool, str or callable, default=True
        True: output names are ``<transformer>__<feature>``. False: the
        features' own names, which must then be unique. A str such as
        ``"{feature_name}_{transformer_name}"``, or a callable
        ``f(transformer_name, feature_name)``, formats them.

    Attributes
    ----------
    transformers_ : list of (str, transformer, columns) tuples
        The fitted transformers (clones of the given ones), followed by
        ``("remainder", ..., columns)`` when some column was left over.
    named_transformers_ : dict-like
        The fitted transformers by name.
    output_indices_ : dict
        ``{name: slice}``: the output columns each transformer produced.
    sparse_output_ : bool
        Always False (the output is dense).
    n_features_in_ : int
        Number of columns seen in ``fit``.
    feature_names_in_ : ndarray of shape (n_features,)
        The column names seen in ``fit``, when X was a DataFrame with string
        column names.

    See Also
    --------
    make_column_transformer : Build one, naming the transformers for you.
    sklearn.compose.ColumnTransformer : The scikit-learn class this one
        mirrors (dense output only, no parallel jobs, no ``set_output``).

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.compose import ColumnTransformer
    >>> from skratch.preprocessing import OneHotEncoder, StandardScaler
    >>> X = np.array([[1.0, "red"], [2.0, "blue"], [3.0, "red"]],
    ...              dtype=object)
    >>> ct = ColumnTransformer([("num", StandardScaler(), [0]),
    ...                         ("cat", OneHotEncoder(), [1])])
    >>> ct.fit_transform(X).round(3)
    array([[-1.225,  0.   ,  1.   ],
           [ 0.   ,  1.   ,  0.   ],
           [ 1.225,  0.   ,  1.   ]])
    >>> ct.get_feature_names_out()
    array(['num__x0', 'cat__x1_blue', 'cat__x1_red'], dtype=object)
    >>> ct.named_transformers_["num"].mean_
    array([2.])
    >>> ct.output_indices_["cat"]
    slice(1, 3, None)
    """

    _parameter_constraints = {
        "transformers": [list, tuple],
        "remainder": [
            StrOptions({"drop", "passthrough"}),
            _HasMethods(["fit", "transform"]),
            _HasMethods(["fit_transform", "transform"]),
        ],
        "sparse_threshold": [Interval(Real, 0, 1, closed="both")],
        "n_jobs": [Integral, None],
        "transformer_weights": [dict, None],
        "verbose": ["boolean", Integral],
        "verbose_feature_names_out": ["boolean", str, _Callable()],
    }

    def __init__(self, transformers, *, remainder="drop", sparse_threshold=0.3,
                 n_jobs=None, transformer_weights=None, verbose=False,
                 verbose_feature_names_out=True):
        self.transformers = transformers
        self.remainder = remainder
        self.sparse_threshold = sparse_threshold
        self.n_jobs = n_jobs
        self.transformer_weights = transformer_weights
        self.verbose = verbose
        self.verbose_feature_names_out = verbose_feature_names_out

    # Parameters: the constructor's, each transformer by name, and theirs.

    def get_params(self, deep=True):
        """Get the parameters, with each transformer and its parameters.

        Parameters
        ----------
        deep : bool, default=True
            If True, also return each transformer as ``<name>`` and its
            parameters as ``<name>__<parameter>``.

        Returns
        -------
        params : dict
            Parameter names mapped to their values.
        """
        params = super().get_params(deep=deep)
        if not deep:
            return params
        for name, trans in self._named():
            params[name] = trans
            if hasattr(trans, "get_params") and not isinstance(trans, type):
                for key, value in trans.get_params(deep=True).items():
                    params[f"{name}__{key}"] = value
        return params

    def set_params(self, **params):
        """Set parameters: a constructor argument, a transformer by name, or
        ``<name>__<parameter>``.

        Parameters
        ----------
        **params : dict
            Estimator parameters.

        Returns
        -------
        self : ColumnTransformer
        """
        if "transformers" in params:
            self.transformers = params.pop("transformers")
        names = [name for name, _ in self._named()]
        for key in list(params):
            if key in names:  # replace a whole transformer, keep its columns
                self.transformers = [
                    (name, params.pop(key) if name == key else trans, columns)
                    for name, trans, columns in self.transformers
                ]
        return super().set_params(**params) if params else self

    def _named(self):
        # (name, transformer) pairs; none while `transformers` is malformed, so
        # get_params and set_params never fail (fit reports the problem).
        try:
            return [(name, trans) for name, trans, _ in self.transformers]
        except (TypeError, ValueError):
            return []

    # Checks.

    def _validate_transformers(self):
        names = [t[0] for t in self.transformers]
        if len(set(names)) != len(names):
            raise ValueError(f"Names provided are not unique: {names!r}")
        clash = sorted(set(names) & set(self._get_param_names()))
        if clash:
            raise ValueError(
                f"Estimator names conflict with constructor arguments: {clash!r}"
            )
        bad = [name for name in names if "__" in name]
        if bad:
            raise ValueError(f"Estimator names must not contain __: got {bad!r}")
        for _, trans, _ in self.transformers:
            if isinstance(trans, type):
                raise TypeError(
                    f"Expected an estimator instance ({trans.__name__}()), got "
                    f"estimator class instead ({trans.__name__})."
                )
            if isinstance(trans, str) and trans in ("drop", "passthrough"):
                continue
            if not (hasattr(trans, "fit") or hasattr(trans, "fit_transform")) \
                    or not hasattr(trans, "transform"):
                raise TypeError(
                    "All estimators should implement fit and transform, or can be "
                    f"'drop' or 'passthrough' specifiers. '{trans}' (type "
                    f"{type(trans)}) doesn't."
                )

    def _check_X(self, X):
        if _is_dataframe(X):
            if len(X.shape) != 2:
                raise ValueError(f"Expected 2D data, got shape {X.shape}.")
            return X
        if not (hasattr(X, "__array__") and hasattr(X, "shape")):
            array = np.asarray(X)
            # A list mixing strings and numbers: keep the numbers as numbers.
            X = np.asarray(X, dtype=object) if array.dtype.kind in "US" \
                else array
        return check_array(X, dtype=None, ensure_all_finite=False,
                           estimator=self)

    def _resolve_columns(self, X):
        """Store each transformer's column spec and positions, and the rest."""
        names = _names_in(X)
        self._columns, self._indices = [], {}
        for name, _, columns in self.transformers:
            if callable(columns):
                columns = columns(X)
            self._columns.append(columns)
            self._indices[name] = _column_indices(
                columns, self.n_features_in_, names)
        used = {i for indices in self._indices.values() for i in indices}
        rest = sorted(set(range(self.n_features_in_)) - used)
        self._indices["remainder"] = rest
        kinds = set()
        for columns in self._columns:
            try:
                kinds.add(_key_type(columns))
            except ValueError:
                kinds.add("int")
        kind = kinds.pop() if len(kinds) == 1 else "int"
        if kind == "str":  # remainder columns in the form the user chose
            rest_spec = list(self.feature_names_in_[rest])
        elif kind == "bool":
            rest_spec = [i in rest for i in range(self.n_features_in_)]
        else:
            rest_spec = rest
        self._remainder = ("remainder", self.remainder, rest_spec)

    def _steps(self):
        """(name, transformer, columns) before fitting, remainder included."""
        steps = [(name, trans, columns) for (name, trans, _), columns
                 in zip(self.transformers, self._columns)]
        if self._indices["remainder"]:
            steps.append(self._remainder)
        return steps

    # Fitting and transforming.

    def _apply(self, trans, X, name, scalar, y=None, fit=False):
        weight = (self.transformer_weights or {}).get(name)
        X_part = _select(X, self._positions[name], scalar)
        try:
            if isinstance(trans, str):  # "passthrough": the columns unchanged
                out = X_part
            elif not fit:
                out = trans.transform(X_part)
            elif hasattr(trans, "fit_transform"):
                out = trans.fit_transform(X_part, y)
            else:
                out = trans.fit(X_part, y).transform(X_part)
        except ValueError as exc:
            if "Expected 2D array, got 1D array instead" in str(exc):
                raise ValueError(_ERR_MSG_1DCOLUMN) from exc
            raise
        if getattr(out, "ndim", 0) != 2 and not _is_dataframe(out):
            raise ValueError(
                f"The output of the '{name}' transformer should be 2D (numpy "
                "array, scipy sparse array, dataframe)."
            )
        if hasattr(out, "toarray"):  # a SciPy sparse matrix: make it dense
            out = out.toarray()
        out = np.asarray(out)
        return out if weight is None else out * weight

    def fit(self, X, y=None):
        """Fit every transformer on its columns of ``X``.

        Parameters
        ----------
        X : array-like or DataFrame of shape (n_samples, n_features)
            Training data.
        y : array-like of shape (n_samples,), default=None
            Targets, passed to each transformer's ``fit``.

        Returns
        -------
        self : ColumnTransformer
            The fitted transformer.
        """
        self.fit_transform(X, y)
        return self

    def fit_transform(self, X, y=None):
        """Fit every transformer on its columns, and stack their outputs.

        Parameters
        ----------
        X : array-like or DataFrame of shape (n_samples, n_features)
            Training data.
        y : array-like of shape (n_samples,), default=None
            Targets, passed to each transformer's ``fit``.

        Returns
        -------
        X_out : ndarray of shape (n_samples, n_output_features)
            The outputs side by side, in the order of ``transformers`` (the
            remainder last).
        """
        self._validate_params()
        X = self._check_X(X)
        names = _names_in(X)
        if names is not None:
            self.feature_names_in_ = names
        elif hasattr(self, "feature_names_in_"):
            del self.feature_names_in_
        validate_n_features(self, X, reset=True)
        self._validate_transformers()
        self._resolve_columns(X)
        self._positions = self._indices

        steps, outputs, fitted = self._steps(), [], []
        todo = [s for s in steps if not self._skip(s)]
        for name, trans, columns in steps:
            if self._skip((name, trans, columns)):
                fitted.append((name, trans, columns))
                continue
            if self.verbose:
                position = todo.index((name, trans, columns)) + 1
                print(f"[ColumnTransformer] ({position} of {len(todo)}) "
                      f"Processing {name}")
            if not isinstance(trans, str):
                trans = _clone(trans)
            outputs.append(self._apply(trans, X, name, np.isscalar(columns),
                                       y=y, fit=True))
            fitted.append((name, trans, columns))
        self.transformers_ = fitted
        self.sparse_output_ = False
        self._record_output_indices(outputs)
        return self._hstack(outputs, X.shape[0])

    def _skip(self, step):
        name, trans, _ = step
        return (isinstance(trans, str) and trans == "drop") or \
            not self._indices[name]

    def _record_output_indices(self, outputs):
        self.output_indices_, start = {}, 0
        kept = (s[0] for s in self.transformers_ if not self._skip(s))
        for name, out in zip(kept, outputs):
            self.output_indices_[name] = slice(start, start + out.shape[1])
            start += out.shape[1]
        for name in [t[0] for t in self.transformers] + ["remainder"]:
            self.output_indices_.setdefault(name, slice(0, 0))

    @staticmethod
    def _hstack(outputs, n_samples):
        if not outputs:
            return np.zeros((n_samples, 0))
        return np.hstack(outputs)

    def transform(self, X):
        """Transform each group of columns with its fitted transformer.

        Parameters
        ----------
        X : array-like or DataFrame of shape (n_samples, n_features)
            The data. A DataFrame, when ``fit`` saw one, is matched by column
            names (order and extra columns do not matter).

        Returns
        -------
        X_out : ndarray of shape (n_samples, n_output_features)
            The outputs side by side, as in ``fit_transform``.
        """
        check_is_fitted(self)
        X = self._check_X(X)
        by_name = hasattr(self, "feature_names_in_") and _is_dataframe(X)
        if by_name:
            columns = list(X.columns)
            needed = {self.feature_names_in_[i]
                      for name, trans, _ in self.transformers_
                      if not (isinstance(trans, str) and trans == "drop")
                      for i in self._indices[name]}
            missing = needed - set(columns)
            if missing:
                raise ValueError(f"columns are missing: {missing}")
            where = {c: i for i, c in enumerate(columns)}
            self._positions = {
                name: [where.get(self.feature_names_in_[i], -1)
                       for i in indices]
                for name, indices in self._indices.items()}
        else:
            validate_n_features(self, X, reset=False)
            if any(_key_type(c) == "str" for c in self._columns
                   if not callable(c)) and not _is_dataframe(X):
                raise ValueError(
                    "Specifying the columns using strings is only supported "
                    "for dataframes."
                )
            self._positions = self._indices
        outputs = [
            self._apply(trans, X, name, np.isscalar(columns))
            for name, trans, columns in self.transformers_
            if not self._skip((name, trans, columns))
        ]
        return self._hstack(outputs, X.shape[0])

    # Names.

    @property
    def named_transformers_(self):
        """The fitted transformers by name (also as attributes)."""
        from ..pipeline._pipeline import _Bunch

        check_is_fitted(self, "transformers_")
        return _Bunch((name, trans) for name, trans, _ in self.transformers_)

    def get_feature_names_out(self, input_features=None):
        """The names of the output columns.

        Parameters
        ----------
        input_features : array-like of str, default=None
            The input column names; ``feature_names_in_`` (or ``x0, x1, ...``)
            if None.

        Returns
        -------
        names : ndarray of str objects
        """
        check_is_fitted(self, "transformers_")
        names_in = getattr(self, "feature_names_in_", None)
        if input_features is not None:
            input_features = np.asarray(input_features, dtype=object)
            if names_in is not None and not np.array_equal(
                    input_features, names_in):
                raise ValueError(
                    "input_features is not equal to feature_names_in_")
            if len(input_features) != self.n_features_in_:
                raise ValueError(
                    "input_features should have length equal to number of "
                    f"features ({self.n_features_in_}), got "
                    f"{len(input_features)}"
                )
            names_in = input_features
        if names_in is None:
            names_in = np.array([f"x{j}" for j in range(self.n_features_in_)],
                                dtype=object)
        groups = []  # [(transformer name, its output names)]
        for name, trans, columns in self.transformers_:
            if self._skip((name, trans, columns)):
                continue
            own = names_in[self._indices[name]]
            if isinstance(trans, str):  # passthrough
                groups.append((name, list(own)))
            elif not hasattr(trans, "get_feature_names_out"):
                raise AttributeError(
                    f"Transformer {name} (type {type(trans).__name__}) does not "
                    "provide get_feature_names_out."
                )
            else:
                groups.append((name, list(trans.get_feature_names_out(own))))
        return self._add_prefix(groups)

    def _add_prefix(self, groups):
        verbose = self.verbose_feature_names_out
        if verbose is True or isinstance(verbose, str):
            form = verbose if isinstance(verbose, str) else \
                "{transformer_name}__{feature_name}"

            def verbose(transformer_name, feature_name):
                return form.format(transformer_name=transformer_name,
                                   feature_name=feature_name)
        if callable(verbose):
            return np.array([verbose(name, feature) for name, features in groups
                             for feature in features], dtype=object)
        counts = Counter(f for _, features in groups for f in features)
        repeated = sorted(f for f, n in counts.most_common(6) if n > 1)
        if repeated:
            shown = str(repeated) if len(repeated) < 6 else \
                str(repeated[:5])[:-1] + ", ...]"
            raise ValueError(
                f"Output feature names: {shown} are not unique. Please set "
                "verbose_feature_names_out=True to add prefixes to feature names"
            )
        return np.array([f for _, features in groups for f in features],
                        dtype=object)

    def __sklearn_is_fitted__(self):
        return hasattr(self, "transformers_")

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.allow_nan = False
        return tags


def _unique_names(estimators):
    # Lowercased class names; repeats get -1, -2, ... (scikit-learn's rule).
    names = [e if isinstance(e, str) else type(e).__name__.lower()
             for e in estimators]
    counts, seen = Counter(names), Counter()
    unique = []
    for name in names:
        if counts[name] > 1:
            seen[name] += 1
            unique.append(f"{name}-{seen[name]}")
        else:
            unique.append(name)
    return unique


def make_column_transformer(*transformers, remainder="drop",
                            sparse_threshold=0.3, n_jobs=None, verbose=False,
                            verbose_feature_names_out=True):
    """Build a ``ColumnTransformer``, naming the transformers after their class.

    Read more in the book: Feature scaling and preprocessing
    <https://skratch-ml.github.io/skratch/book/advanced/feature-scaling.html>

    Parameters
    ----------
    *transformers : (transformer, columns) tuples
        As in ``ColumnTransformer``, without the names.
    remainder : {"drop", "passthrough"} or transformer, default="drop"
        What happens to the columns no transformer names.
    sparse_threshold : float, default=0.3
        Accepted for compatibility; the output is dense.
    n_jobs : int, default=None
        Accepted for compatibility.
    verbose : bool, default=False
        Print the name of each transformer as it is fitted.
    verbose_feature_names_out : bool, str or callable, default=True
        How output names are formed (see ``ColumnTransformer``).

    Returns
    -------
    ct : ColumnTransformer

    See Also
    --------
    sklearn.compose.make_column_transformer : The scikit-learn function
        this one mirrors.

    Examples
    --------
    >>> from skratch.compose import make_column_transformer
    >>> from skratch.impute import SimpleImputer
    >>> from skratch.preprocessing import StandardScaler
    >>> ct = make_column_transformer((StandardScaler(), [0, 1]),
    ...                              (SimpleImputer(), [2]),
    ...                              remainder="passthrough")
    >>> [name for name, _, _ in ct.transformers]
    ['standardscaler', 'simpleimputer']
    """
    trans = [t for t, _ in transformers]
    return ColumnTransformer(
        [(name, t, columns) for name, (t, columns)
         in zip(_unique_names(trans), transformers)],
        remainder=remainder,
        sparse_threshold=sparse_threshold,
        n_jobs=n_jobs,
        verbose=verbose,
        verbose_feature_names_out=verbose_feature_names_out,
    )
