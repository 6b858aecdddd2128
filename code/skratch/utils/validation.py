"""Input validation: every estimator checks its data and parameters the same way.

An estimator's ``fit`` starts with ``check_X_y`` (is the data a finite 2-D array of
numbers, with one target per sample?) and ``validate_n_features(reset=True)`` (remember
how many features it saw); ``predict`` starts with ``check_is_fitted``, ``check_array``
and ``validate_n_features(reset=False)`` (same number of features as in ``fit``?).
Parameters are checked at the start of ``fit`` against the constraints the estimator
declares (``Interval``, ``StrOptions``, a type, ``None``). Estimators that accept
``sample_weight`` check it with ``_check_sample_weight`` (None becomes ones).

The messages follow scikit-learn's wording, so a learner who meets one here will
recognise it there. Each names the problem and quotes the offending value.
"""

import numbers
import sys
import warnings

import numpy as np

from .._sklearn_twins import twin
from ..exceptions import DataConversionWarning, InvalidParameterError, not_fitted_error

__all__ = [
    "Interval",
    "StrOptions",
    "check_X_y",
    "check_array",
    "check_consistent_length",
    "check_is_fitted",
    "check_random_state",
    "check_scalar",
    "column_or_1d",
    "validate_n_features",
    "validate_parameter_constraints",
]


# --------------------------------------------------------------------------------------
# Parameter constraints
# --------------------------------------------------------------------------------------


class Interval:
    """A range of numbers that a parameter must lie in.

    Parameters
    ----------
    type : {numbers.Integral, numbers.Real}
        ``Integral`` accepts Python and NumPy integers; ``Real`` accepts integers and
        floats. Booleans are rejected by both (``True`` is not a sensible ``max_iter``).
    left, right : float or None
        The bounds; ``None`` means unbounded (-inf or inf).
    closed : {"left", "right", "both", "neither"}
        Which bounds belong to the interval.

    Examples
    --------
    >>> from numbers import Real
    >>> from skratch.utils.validation import Interval
    >>> positive = Interval(Real, 0, None, closed="neither")
    >>> str(positive)
    'a float in the range (0, inf)'
    >>> positive.is_satisfied_by(0.1), positive.is_satisfied_by(0)
    (True, False)
    """

    def __init__(self, type, left, right, *, closed):
        if type not in (numbers.Integral, numbers.Real):
            raise ValueError(
                f"type must be numbers.Integral or numbers.Real, got {type!r}."
            )
        if closed not in ("left", "right", "both", "neither"):
            raise ValueError(
                f"closed must be 'left', 'right', 'both' or 'neither', got {closed!r}."
            )
        self.type = type
        self.left = left
        self.right = right
        self.closed = closed

    def is_satisfied_by(self, value):
        # bool is a subclass of int, but True is no sensible max_iter: reject it.
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, self.type):
            return False
        if np.isnan(value):
            return False
        above_left = (
            self.left is None
            or value > self.left
            or (value == self.left and self.closed in ("left", "both"))
        )
        below_right = (
            self.right is None
            or value < self.right
            or (value == self.right and self.closed in ("right", "both"))
        )
        return above_left and below_right

    def __str__(self):
        kind = "an int" if self.type is numbers.Integral else "a float"
        left_bracket = "[" if self.closed in ("left", "both") else "("
        right_bracket = "]" if self.closed in ("right", "both") else ")"
        left = "-inf" if self.left is None else self.left
        right = "inf" if self.right is None else self.right
        return f"{kind} in the range {left_bracket}{left}, {right}{right_bracket}"

    def __reduce__(self):
        return (_interval, (self.type, self.left, self.right, self.closed))


def _interval(type, left, right, closed):
    return Interval(type, left, right, closed=closed)


def _as_sklearn_constraint(constraint):
    """``constraint``, as a twin of scikit-learn's class when scikit-learn is loaded.

    scikit-learn's estimator checks read ``_parameter_constraints`` and test its entries
    against their own classes (``check_outlier_contamination`` wants an ``Interval``);
    the twin is also skratch's, so skratch's validation treats it the same.
    """
    if type(constraint) is not Interval:
        return constraint
    cls = twin(Interval, "sklearn.utils._param_validation", "Interval")
    if cls is Interval:
        return constraint
    copy = object.__new__(cls)
    copy.__dict__.update(constraint.__dict__, hidden=False)
    return copy


class ParameterConstraints:
    """The ``_parameter_constraints`` of an estimator class (``BaseEstimator`` sets it).

    Reading it gives the dict the class declared; once scikit-learn is loaded, its
    ``Interval`` entries come as twins that are scikit-learn's ``Interval`` too.
    """

    def __init__(self, constraints):
        self.constraints = constraints
        self._twinned = None

    def __get__(self, instance, owner=None):
        if "sklearn.utils._param_validation" not in sys.modules:
            return self.constraints
        if self._twinned is None:
            self._twinned = {
                name: [_as_sklearn_constraint(c) for c in allowed]
                if isinstance(allowed, list)
                else allowed
                for name, allowed in self.constraints.items()
            }
        return self._twinned


class StrOptions:
    """A finite set of strings that a parameter must be one of.

    Examples
    --------
    >>> from skratch.utils.validation import StrOptions
    >>> str(StrOptions({"svd", "gd"}))
    "a str among {'gd', 'svd'}"
    """

    def __init__(self, options):
        self.options = set(options)

    def is_satisfied_by(self, value):
        return isinstance(value, str) and value in self.options

    def __str__(self):
        options = ", ".join(repr(option) for option in sorted(self.options))
        return f"a str among {{{options}}}"


def _is_satisfied(value, constraint):
    """Whether ``value`` meets one constraint (see validate_parameter_constraints)."""
    if constraint is None:
        return value is None
    if constraint == "boolean":
        return isinstance(value, (bool, np.bool_))
    if constraint == "random_state":
        if value is None:
            return True
        seeds = (numbers.Integral, np.random.Generator, np.random.RandomState)
        return isinstance(value, seeds) and not isinstance(value, (bool, np.bool_))
    if constraint == "callable":
        return callable(value)
    if constraint == "array-like":
        return not isinstance(value, str) and (
            hasattr(value, "__array__") or hasattr(value, "__len__")
        )
    if isinstance(constraint, type):
        return isinstance(value, constraint)
    return constraint.is_satisfied_by(value)


def _type_name(cls):
    """A type as scikit-learn names it: 'int', 'float', 'str', 'numpy.ndarray'."""
    if cls is numbers.Integral:
        return "int"
    if cls is numbers.Real:
        return "float"
    if cls.__module__ == "builtins":
        return cls.__qualname__
    return f"{cls.__module__}.{cls.__qualname__}"


def _describe(constraint):
    """The constraint in words, for the error message (scikit-learn's words)."""
    if constraint is None:
        return "None"
    if constraint == "boolean":
        return "an instance of 'bool' or an instance of 'numpy.bool'"
    if constraint == "random_state":
        return "None, an int, a numpy.random.Generator or a numpy.random.RandomState"
    if constraint in ("callable", "array-like"):
        return f"an {constraint}" if constraint == "array-like" else "a callable"
    if isinstance(constraint, type):
        return f"an instance of {_type_name(constraint)!r}"
    return str(constraint)


def validate_parameter_constraints(parameter_constraints, params, caller_name):
    """Check each parameter against the list of constraints declared for it.

    A parameter is valid when it satisfies *at least one* of its constraints.

    Parameters
    ----------
    parameter_constraints : dict
        ``{name: [constraint, ...]}``. A constraint is ``None`` (the value may be
        None), a type (``isinstance``), ``"boolean"``, ``"random_state"``,
        ``"callable"``, ``"array-like"``, an ``Interval`` or a ``StrOptions``. Parameters with no entry are not checked.
    params : dict
        ``{name: value}``, typically ``estimator.get_params(deep=False)``.
    caller_name : str
        The estimator or function, named in the message.

    Raises
    ------
    InvalidParameterError
        A ``ValueError`` and ``TypeError``, with a message such as "The 'alpha'
        parameter of Ridge must be a float in the range [0, inf). Got -1.0 instead."

    Examples
    --------
    >>> from numbers import Real
    >>> from skratch.utils.validation import (Interval,
    ...                                       validate_parameter_constraints)
    >>> constraints = {"alpha": [Interval(Real, 0, None, closed="left")]}
    >>> validate_parameter_constraints(  # doctest: +NORMALIZE_WHITESPACE
    ...     constraints, {"alpha": -1.0}, "Ridge")
    Traceback (most recent call last):
    ...
    skratch.exceptions.InvalidParameterError: The 'alpha' parameter of Ridge
    must be a float in the range [0, inf). Got -1.0 instead.
    """
    for name, value in params.items():
        constraints = parameter_constraints.get(name)
        if constraints is None:
            continue
        if any(_is_satisfied(value, constraint) for constraint in constraints):
            continue
        descriptions = [_describe(constraint) for constraint in constraints]
        if len(descriptions) > 1:
            expected = f"{', '.join(descriptions[:-1])} or {descriptions[-1]}"
        else:
            expected = descriptions[0]
        of_caller = f" of {caller_name}" if caller_name else ""
        raise InvalidParameterError(
            f"The {name!r} parameter{of_caller} must be {expected}. "
            f"Got {value!r} instead."
        )


def check_scalar(
    x,
    name,
    target_type,
    *,
    min_val=None,
    max_val=None,
    include_boundaries="both",
    caller_name=None,
):
    """Check that one number has the right type and lies in ``[min_val, max_val]``.

    A shortcut for functions (which have no ``_parameter_constraints``): it builds an
    ``Interval`` and validates ``x`` against it.

    Parameters
    ----------
    x : object
        The value to check.
    name : str
        The parameter's name, used in the message.
    target_type : {numbers.Integral, numbers.Real}
        The expected kind of number.
    min_val, max_val : float or None, default=None
        The bounds; ``None`` means unbounded.
    include_boundaries : {"both", "left", "right", "neither"}, default="both"
        Which bounds ``x`` may equal.
    caller_name : str or None, default=None
        The function or estimator to name in the message.

    Returns
    -------
    x : object
        The value, unchanged.

    Examples
    --------
    >>> from numbers import Integral
    >>> from skratch.utils.validation import check_scalar
    >>> check_scalar(3, "n_neighbors", Integral, min_val=1)
    3
    >>> check_scalar(  # doctest: +NORMALIZE_WHITESPACE
    ...     0, "n_neighbors", Integral, min_val=1)
    Traceback (most recent call last):
    ...
    skratch.exceptions.InvalidParameterError: The 'n_neighbors' parameter
    must be an int in the range [1, inf). Got 0 instead.
    """
    # An unbounded side is open: "[1, inf)", never "[1, inf]".
    left = min_val is not None and include_boundaries in ("left", "both")
    right = max_val is not None and include_boundaries in ("right", "both")
    closed = {(True, True): "both", (True, False): "left", (False, True): "right"}.get(
        (left, right), "neither"
    )
    interval = Interval(target_type, min_val, max_val, closed=closed)
    validate_parameter_constraints({name: [interval]}, {name: x}, caller_name)
    return x


# --------------------------------------------------------------------------------------
# Arrays
# --------------------------------------------------------------------------------------

_RESHAPE_HINT = (
    "Reshape your data either using array.reshape(-1, 1) if your data has a single "
    "feature or array.reshape(1, -1) if it contains a single sample."
)


def _estimator_name(estimator):
    if estimator is None:
        return None
    return estimator if isinstance(estimator, str) else type(estimator).__name__


def _is_sparse(array):
    # A SciPy sparse matrix cannot exist unless scipy.sparse has been imported, so
    # looking it up in sys.modules keeps skratch from importing SciPy just to say no.
    sparse = sys.modules.get("scipy.sparse")
    return sparse is not None and sparse.issparse(array)


def _assert_all_finite(array, input_name, estimator_name=None):
    """Raise if a float array holds NaN or +-inf; the message says which."""
    if array.dtype.kind not in "fc" or np.isfinite(array).all():
        return
    if np.isnan(array).any():
        message = f"Input {input_name} contains NaN."
        if estimator_name is not None:
            message += (
                f"\n{estimator_name} does not accept missing values encoded as NaN: "
                "drop those samples or fill them in (impute them) first."
            )
    else:
        message = (
            f"Input {input_name} contains infinity or a value too large for "
            f"{array.dtype!r}."
        )
    raise ValueError(message)


def check_array(
    array,
    *,
    dtype="numeric",
    ensure_2d=True,
    allow_nd=False,
    ensure_all_finite=True,
    ensure_min_samples=1,
    ensure_min_features=1,
    estimator=None,
    input_name="X",
    copy=False,
):
    """Turn ``array`` into a NumPy array and check that an estimator can use it.

    Parameters
    ----------
    array : array-like
        A list of lists, a NumPy array, or anything ``numpy.asarray`` accepts. SciPy
        sparse matrices are rejected (skratch estimators work on dense arrays).
    dtype : "numeric", numpy dtype or None, default="numeric"
        ``"numeric"`` keeps a numeric dtype, converts ``object`` arrays to float64 and
        rejects strings; a dtype (e.g. ``np.float64``) converts to it; ``None`` keeps
        whatever ``numpy.asarray`` gives (labels may be strings).
    ensure_2d : bool, default=True
        Require shape ``(n_samples, n_features)``.
    allow_nd : bool, default=False
        Accept arrays with 3 or more dimensions.
    ensure_all_finite : bool, default=True
        Reject NaN and +-inf.
    ensure_min_samples, ensure_min_features : int, default=1
        Minimum number of rows (and of columns, for 2-D arrays); 0 disables the check.
    estimator : estimator instance, str or None, default=None
        Named in the messages.
    input_name : str, default="X"
        Named in the messages ("Input X contains NaN.").
    copy : bool, default=False
        Return a copy even when no conversion was needed.

    Returns
    -------
    array : ndarray
        The validated array.

    Examples
    --------
    >>> from skratch.utils.validation import check_array
    >>> check_array([[1, 2], [3, 4]], dtype=float)
    array([[1., 2.],
           [3., 4.]])
    >>> check_array([1, 2, 3])  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    ValueError: Expected 2D array, got 1D array instead:
    array=[1 2 3].
    Reshape your data either using array.reshape(-1, 1) if your data has a
    single feature or array.reshape(1, -1) if it contains a single sample.
    """
    name = _estimator_name(estimator)
    by_estimator = f" by {name}" if name else ""

    if _is_sparse(array):
        raise TypeError(
            f"Sparse data was passed for {input_name}, but dense data is "
            f"required{by_estimator}. Use '.toarray()' to convert to a dense numpy "
            "array."
        )

    original = array
    try:
        array = np.asarray(array)
    except ValueError as exc:  # e.g. ragged nested lists
        raise ValueError(
            f"Input {input_name} could not be turned into an array: {exc}"
        ) from exc

    # Test for complex numbers before any cast: casting complex to float silently drops
    # the imaginary part (with only a warning), which would hide the problem.
    if array.dtype.kind == "c":
        raise ValueError(
            "Complex data not supported: "
            f"input {input_name} has dtype {array.dtype}.\n{array}\n"
        )

    if isinstance(dtype, str) and dtype == "numeric":
        if array.dtype.kind in "USV":
            raise ValueError(
                f"Input {input_name} contains strings (dtype {array.dtype}); "
                "estimators need numbers. Convert your data to numeric values "
                f"explicitly instead (for example with an encoder). "
                f"Got {input_name}={array!r}."
            )
        target = np.float64 if array.dtype.kind == "O" else None
    else:
        target = dtype
    if target is not None and array.dtype != target:
        if array.dtype.kind in "USV":
            # Through Python objects, numbers written as text ("1.5") still convert, and
            # the error for text that is not a number quotes it plainly ('abc').
            array = array.astype(object)
        try:
            array = array.astype(target)
        except (TypeError, ValueError) as exc:
            # Keep the exception type numpy chose (ValueError for "abc", TypeError for
            # a dict): both say which element could not be converted.
            raise type(exc)(
                f"Input {input_name} could not be converted to "
                f"{np.dtype(target)}: {exc}"
            ) from exc

    if ensure_2d and array.ndim == 0:
        raise ValueError(
            "Expected 2D array, got scalar array instead:\n"
            f"array={array}.\n{_RESHAPE_HINT}"
        )
    if ensure_2d and array.ndim == 1:
        raise ValueError(
            f"Expected 2D array, got 1D array instead:\narray={array}.\n{_RESHAPE_HINT}"
        )
    if not allow_nd and array.ndim >= 3:
        raise ValueError(
            f"Found array with dim {array.ndim}, while dim <= 2 is "
            f"required{by_estimator}."
        )

    if ensure_all_finite:
        # The "how to handle missing values" hint only makes sense for the features.
        _assert_all_finite(
            array, input_name, estimator_name=name if input_name == "X" else None
        )

    if ensure_min_samples > 0 and array.ndim >= 1:
        n_samples = array.shape[0]
        if n_samples < ensure_min_samples:
            raise ValueError(
                f"Found array with {n_samples} sample(s) (shape={array.shape}) while a "
                f"minimum of {ensure_min_samples} is required{by_estimator}."
            )
    if ensure_min_features > 0 and array.ndim == 2:
        n_features = array.shape[1]
        if n_features < ensure_min_features:
            raise ValueError(
                f"Found array with {n_features} feature(s) (shape={array.shape}) while "
                f"a minimum of {ensure_min_features} is required{by_estimator}."
            )

    if copy and np.may_share_memory(array, original):
        array = array.copy()
    return array


def _num_samples(x):
    """Number of samples in ``x``: its first dimension, for lists, arrays and array-likes.

    Objects that only define ``__array__`` (no ``__len__``) are converted to count them.
    """
    shape = getattr(x, "shape", None)
    if shape is not None and len(shape) > 0 and isinstance(shape[0], (int, np.integer)):
        return int(shape[0])
    if hasattr(x, "__len__"):
        return len(x)
    if hasattr(x, "__array__"):
        array = np.asarray(x)
        if array.ndim > 0:
            return array.shape[0]
    raise TypeError(
        f"Expected a sequence or an array-like with a first dimension, got {type(x).__name__}"
    )


def check_consistent_length(*arrays):
    """Check that all arrays have the same number of samples (first dimension).

    Examples
    --------
    >>> from skratch.utils.validation import check_consistent_length
    >>> check_consistent_length([1, 2, 3], [1, 2, 3, 4])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: Found input variables with inconsistent ... samples: [3, 4]
    """
    lengths = [_num_samples(array) for array in arrays if array is not None]
    if len(set(lengths)) > 1:
        raise ValueError(
            f"Found input variables with inconsistent numbers of samples: {lengths}"
        )


def column_or_1d(y, *, dtype=None, input_name="y", warn=False):
    """Return ``y`` as a 1-D array: a column vector ``(n, 1)`` is flattened.

    The metrics flatten a column vector silently; ``check_X_y`` (an estimator's
    ``fit``) warns, because a 2-D ``y`` there often means a mistake upstream.

    Parameters
    ----------
    y : array-like of shape (n_samples,) or (n_samples, 1)
        Labels, targets, scores or weights.
    dtype : numpy dtype or None, default=None
        Convert to this dtype; None keeps the dtype (labels may be strings).
    input_name : str, default="y"
        Named in the messages of ``check_array``.
    warn : bool, default=False
        Warn (``DataConversionWarning``) when a column vector is flattened.

    Returns
    -------
    y : ndarray of shape (n_samples,)

    See Also
    --------
    sklearn.utils.validation.column_or_1d : The scikit-learn function this one
        mirrors (with its message, which says "y" whatever the input).

    Examples
    --------
    >>> from skratch.utils.validation import column_or_1d
    >>> column_or_1d([[1], [2], [3]])
    array([1, 2, 3])
    >>> column_or_1d([[1, 2], [3, 4]])
    Traceback (most recent call last):
    ...
    ValueError: y should be a 1d array, got an array of shape (2, 2) instead.
    """
    y = check_array(y, dtype=dtype, ensure_2d=False, ensure_all_finite=False,
                    ensure_min_samples=0, input_name=input_name)
    if y.ndim == 1:
        return y
    if y.ndim == 2 and y.shape[1] == 1:
        if warn:
            warnings.warn(
                "A column-vector y was passed when a 1d array was expected. Please "
                "change the shape of y to (n_samples, ), for example using ravel().",
                DataConversionWarning,
                stacklevel=3,
            )
        return y.ravel()
    raise ValueError(
        f"y should be a 1d array, got an array of shape {y.shape} instead."
    )


def check_X_y(
    X,
    y,
    *,
    dtype="numeric",
    multi_output=False,
    y_numeric=False,
    ensure_2d=True,
    ensure_all_finite=True,
    ensure_min_samples=1,
    ensure_min_features=1,
    estimator=None,
):
    """Validate a training set: ``X`` (``check_array``), ``y``, and their lengths.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The features; see ``check_array`` for ``dtype``, ``ensure_*`` and ``estimator``.
    y : array-like of shape (n_samples,) or (n_samples, n_targets)
        The targets.
    multi_output : bool, default=False
        Accept a 2-D ``y`` (one column per target). Otherwise ``y`` must be 1-D; a
        column vector of shape ``(n_samples, 1)`` is flattened with a
        ``DataConversionWarning``.
    y_numeric : bool, default=False
        Convert ``y`` to float64 (regression). When False, ``y`` keeps its dtype, so
        class labels may be strings.

    Returns
    -------
    X : ndarray of shape (n_samples, n_features)
    y : ndarray of shape (n_samples,) or (n_samples, n_targets)

    Examples
    --------
    >>> from skratch.utils.validation import check_X_y
    >>> X, y = check_X_y([[1, 2], [3, 4]], [0.5, 1.5], y_numeric=True)
    >>> X.shape, y.dtype
    ((2, 2), dtype('float64'))
    """
    if y is None:
        name = _estimator_name(estimator) or "This estimator"
        raise ValueError(f"{name} requires y to be passed, but the target y is None.")

    X = check_array(
        X,
        dtype=dtype,
        ensure_2d=ensure_2d,
        ensure_all_finite=ensure_all_finite,
        ensure_min_samples=ensure_min_samples,
        ensure_min_features=ensure_min_features,
        estimator=estimator,
    )
    y = check_array(
        y,
        dtype=np.float64 if y_numeric else None,
        ensure_2d=False,
        ensure_all_finite=ensure_all_finite,
        ensure_min_samples=0,
        estimator=estimator,
        input_name="y",
    )
    if y.ndim == 0:
        raise ValueError(
            f"y should be a 1d or 2d array, got a scalar instead: y={y!r}."
        )
    if not multi_output:
        y = column_or_1d(y, warn=True)

    check_consistent_length(X, y)
    return X, y


def _check_sample_weight(
    sample_weight,
    X,
    *,
    dtype=np.float64,
    ensure_non_negative=False,
    allow_all_zero_weights=False,
):
    """Validate sample weights: one finite number per sample.

    ``None`` gives ones (every sample counts once) and a number gives that weight to
    every sample, so the code after this check can always multiply by the weights.

    Parameters
    ----------
    sample_weight : array-like of shape (n_samples,), float or None
        The weights given to ``fit`` (or to a metric).
    X : array-like of shape (n_samples, ...) or int
        The data the weights belong to, or directly its number of samples.
    dtype : numpy dtype or None, default=np.float64
        The dtype of the returned weights. ``None`` keeps the dtype the weights came
        with (the metrics do, so that integer weights give integer counts).
    ensure_non_negative : bool, default=False
        Refuse negative weights (the estimators that read weights as counts or
        probabilities: trees, ensembles, naive Bayes, k-means).
    allow_all_zero_weights : bool, default=False
        Accept weights that are all zero (nothing would be learned from them, so
        estimators refuse them; the metrics accept them).

    Returns
    -------
    sample_weight : ndarray of shape (n_samples,)
        The validated weights.

    See Also
    --------
    sklearn.utils.validation._check_sample_weight : The scikit-learn function this one
        mirrors.

    Examples
    --------
    >>> from skratch.utils.validation import _check_sample_weight
    >>> _check_sample_weight(None, 3)
    array([1., 1., 1.])
    >>> _check_sample_weight([1, 2], [[0.0], [1.0], [2.0]])
    Traceback (most recent call last):
    ...
    ValueError: sample_weight.shape == (2,), expected (3,)!
    """
    n_samples = X if isinstance(X, numbers.Integral) else len(X)
    if sample_weight is None:
        return np.ones(n_samples, dtype=dtype)
    if isinstance(sample_weight, numbers.Number):
        sample_weight = np.full(n_samples, sample_weight, dtype=dtype)
    else:
        sample_weight = check_array(
            sample_weight,
            dtype=dtype,
            ensure_2d=False,
            ensure_min_samples=0,  # the shape check below gives the clearer message
            input_name="sample_weight",
        )
        if sample_weight.ndim != 1:
            raise ValueError(
                f"Sample weights must be 1D array or scalar, got {sample_weight.ndim}D "
                "array. Expected either a scalar value or a 1D array of length "
                f"{n_samples}."
            )
        if sample_weight.shape != (n_samples,):
            raise ValueError(
                f"sample_weight.shape == {sample_weight.shape}, expected ({n_samples},)!"
            )
    if not allow_all_zero_weights and not np.any(sample_weight):
        raise ValueError("Sample weights must contain at least one non-zero number.")
    if ensure_non_negative and np.any(sample_weight < 0):
        raise ValueError(
            "Negative values in data passed to `sample_weight`: weights must be >= 0, "
            f"got a minimum of {sample_weight.min().item()!r}."
        )
    return sample_weight


# --------------------------------------------------------------------------------------
# Fitted state, number of features, randomness
# --------------------------------------------------------------------------------------


def check_is_fitted(estimator, attributes=None, *, msg=None):
    """Raise ``NotFittedError`` unless ``estimator`` has been fitted.

    Parameters
    ----------
    estimator : estimator instance
        The estimator to check.
    attributes : str or list of str, default=None
        Fitted attributes that must all exist. If None, the estimator counts as fitted
        when it has any attribute ending in ``_`` (the convention: only ``fit`` sets
        them), or when its ``__sklearn_is_fitted__()`` returns True.
    msg : str, default=None
        A custom message; ``%(name)s`` is replaced by the estimator's class name.

    Examples
    --------
    >>> from skratch.linear_model import LinearRegression
    >>> from skratch.utils.validation import check_is_fitted
    >>> check_is_fitted(LinearRegression())  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    skratch.exceptions.NotFittedError: This LinearRegression instance is not
    fitted yet. Call 'fit' with appropriate arguments before using this
    estimator.
    """
    if isinstance(estimator, type):
        raise TypeError(f"{estimator} is a class, not an instance.")
    if not hasattr(estimator, "fit"):
        raise TypeError(f"{estimator!r} is not an estimator instance.")
    if msg is None:
        msg = (
            "This %(name)s instance is not fitted yet. Call 'fit' with appropriate "
            "arguments before using this estimator."
        )

    if attributes is not None:
        if isinstance(attributes, str):
            attributes = [attributes]
        fitted = all(hasattr(estimator, attribute) for attribute in attributes)
    elif hasattr(estimator, "__sklearn_is_fitted__"):
        fitted = estimator.__sklearn_is_fitted__()
    else:
        fitted = any(
            name.endswith("_") and not name.startswith("__") for name in vars(estimator)
        )
    if not fitted:
        raise not_fitted_error(msg % {"name": type(estimator).__name__})


def validate_n_features(estimator, X, *, reset):
    """Record (``reset=True``, in ``fit``) or check (in ``predict``) ``n_features_in_``.

    Parameters
    ----------
    estimator : estimator instance
        The estimator whose ``n_features_in_`` is set or compared.
    X : ndarray of shape (n_samples, n_features)
        Validated input.
    reset : bool
        True in ``fit``: set ``estimator.n_features_in_ = X.shape[1]``. False
        elsewhere: raise if the number of features differs from the one seen in ``fit``.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.linear_model import LinearRegression
    >>> from skratch.utils.validation import validate_n_features
    >>> reg = LinearRegression()
    >>> validate_n_features(reg, np.zeros((5, 4)), reset=True)
    >>> reg.n_features_in_
    4
    >>> validate_n_features(  # doctest: +NORMALIZE_WHITESPACE
    ...     reg, np.zeros((5, 3)), reset=False)
    Traceback (most recent call last):
    ...
    ValueError: X has 3 features, but LinearRegression is expecting 4 features
    as input.
    """
    n_features = X.shape[1]
    if reset:
        estimator.n_features_in_ = n_features
        return
    expected = getattr(estimator, "n_features_in_", None)
    if expected is not None and n_features != expected:
        raise ValueError(
            f"X has {n_features} features, but {type(estimator).__name__} is expecting "
            f"{expected} features as input."
        )


def check_random_state(seed):
    """Turn ``seed`` into a ``numpy.random.Generator``.

    skratch draws every random number from a ``Generator`` (NumPy's recommended API),
    never from the global ``np.random`` state.

    Parameters
    ----------
    seed : None, int, numpy.random.Generator or numpy.random.RandomState
        - None: a fresh Generator seeded from the operating system (not reproducible);
        - int >= 0: ``np.random.default_rng(seed)``, the same numbers on every call;
        - Generator: returned as is, so successive calls share (and advance) its state;
        - RandomState (scikit-learn's convention): a new Generator seeded by one draw
          from it, so a seeded RandomState still gives reproducible results.

    Returns
    -------
    rng : numpy.random.Generator

    Examples
    --------
    >>> from skratch.utils.validation import check_random_state
    >>> rng = check_random_state(0)
    >>> rng.random(3).round(4)
    array([0.637 , 0.2698, 0.041 ])
    """
    if seed is None:
        return np.random.default_rng()
    if isinstance(seed, np.random.Generator):
        return seed
    if isinstance(seed, np.random.RandomState):
        return np.random.default_rng(seed.randint(np.iinfo(np.int32).max))
    if isinstance(seed, numbers.Integral) and not isinstance(seed, (bool, np.bool_)):
        if seed < 0:
            raise ValueError(
                f"random_state must be a non-negative int, got {seed!r}: negative "
                "seeds cannot seed a numpy.random.Generator."
            )
        return np.random.default_rng(int(seed))
    raise ValueError(
        f"{seed!r} cannot be used to seed a numpy.random.Generator instance: pass "
        "None, an int, a numpy.random.Generator or a numpy.random.RandomState."
    )
