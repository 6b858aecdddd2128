"""Tests for skratch.utils.validation: every check, and every message it raises."""

import re
from numbers import Integral, Real

import numpy as np
import pytest
from numpy.testing import assert_array_equal
from scipy import sparse
from sklearn.utils.validation import _check_sample_weight as sk_check_sample_weight

from skratch.exceptions import (
    DataConversionWarning,
    InvalidParameterError,
    NotFittedError,
)
from skratch.linear_model import LinearRegression
from skratch.utils.validation import (
    Interval,
    StrOptions,
    _check_sample_weight,
    check_array,
    check_consistent_length,
    check_is_fitted,
    check_random_state,
    check_scalar,
    check_X_y,
    validate_n_features,
    validate_parameter_constraints,
)


def _exactly(message):
    """A regex that matches ``message`` literally, from start to end."""
    return f"^{re.escape(message)}$"


# check_array --------------------------------------------------------------------------


def test_check_array_converts_lists_and_dtypes():
    """Check that lists become arrays and dtype converts (or keeps) the dtype."""
    assert check_array([[1, 2], [3, 4]]).dtype.kind == "i"  # "numeric" keeps ints
    assert check_array([[1, 2], [3, 4]], dtype=np.float64).dtype == np.float64
    X_object = np.array([[1, 2.5], [3, 4]], dtype=object)
    assert check_array(X_object).dtype == np.float64  # "numeric" converts objects
    assert check_array(np.array([["1.5", "2"]]), dtype=np.float64).tolist() == [
        [1.5, 2.0]
    ]
    assert check_array([["a", "b"]], dtype=None).dtype.kind == "U"


def test_check_array_rejects_1d_with_reshape_hint():
    """Check that a 1-D array is rejected with the array and how to reshape it."""
    message = (
        "Expected 2D array, got 1D array instead:\narray=[1. 2. 3.].\n"
        "Reshape your data either using array.reshape(-1, 1) if your data has a single "
        "feature or array.reshape(1, -1) if it contains a single sample."
    )
    with pytest.raises(ValueError, match=_exactly(message)):
        check_array([1.0, 2.0, 3.0])
    assert check_array([1.0, 2.0], ensure_2d=False).shape == (2,)


def test_check_array_rejects_scalar():
    """Check that a scalar is rejected with the scalar message."""
    with pytest.raises(
        ValueError, match="Expected 2D array, got scalar array instead:\narray=5"
    ):
        check_array(5)


def test_check_array_rejects_nd_unless_allowed():
    """Check that 3-D arrays need allow_nd=True."""
    X = np.zeros((2, 3, 4))
    with pytest.raises(
        ValueError,
        match=_exactly(
            "Found array with dim 3, while dim <= 2 is required by LinearRegression."
        ),
    ):
        check_array(X, estimator=LinearRegression())
    assert check_array(X, allow_nd=True).shape == (2, 3, 4)


def test_check_array_rejects_nan():
    """Check that NaN is rejected, with a hint when the estimator is known."""
    X = [[1.0, np.nan]]
    with pytest.raises(ValueError, match=_exactly("Input X contains NaN.")):
        check_array(X)
    with pytest.raises(
        ValueError, match="Input X contains NaN.\nLinearRegression does not accept"
    ):
        check_array(X, estimator=LinearRegression())
    assert np.isnan(check_array(X, ensure_all_finite=False)).any()


@pytest.mark.parametrize("value", [np.inf, -np.inf])
def test_check_array_rejects_infinity(value):
    """Check that infinity is rejected with a message naming the dtype."""
    message = "Input X contains infinity or a value too large for dtype('float64')."
    with pytest.raises(ValueError, match=_exactly(message)):
        check_array([[1.0, value]])


def test_check_array_rejects_complex():
    """Check that complex data is rejected before it could be cast to real."""
    with pytest.raises(
        ValueError, match="Complex data not supported: input X has dtype complex128"
    ):
        check_array([[1 + 2j, 3.0]], dtype=np.float64)


def test_check_array_rejects_strings_as_numeric():
    """Check that text is refused for dtype="numeric" and quoted when not a number."""
    with pytest.raises(ValueError, match=r"Input X contains strings \(dtype <U1\)"):
        check_array([["a", "b"]])
    with pytest.raises(
        ValueError,
        match=_exactly(
            "Input X could not be converted to float64: "
            "could not convert string to float: 'b'"
        ),
    ):
        check_array([["1", "b"]], dtype=np.float64)


def test_check_array_object_with_non_number_raises_type_error():
    """Check that an object array holding a dict raises a TypeError with context."""
    X = np.array([[1.0, 2.0], [3.0, 4.0]], dtype=object)
    X[0, 0] = {"foo": "bar"}
    with pytest.raises(
        TypeError, match="Input X could not be converted to float64: .*dict"
    ):
        check_array(X)


def test_check_array_rejects_ragged_lists():
    """Check that rows of different lengths give a clear error."""
    with pytest.raises(ValueError, match="Input X could not be turned into an array"):
        check_array([[1.0, 2.0], [3.0]])


def test_check_array_rejects_sparse():
    """Check that a SciPy sparse matrix raises a TypeError that mentions sparse data."""
    X = sparse.csr_array(np.eye(3))
    with pytest.raises(
        TypeError, match="Sparse data was passed for X, but dense data is required"
    ):
        check_array(X)


def test_check_array_min_samples_message():
    """Check that too few samples are reported with the shape and the estimator."""
    message = (
        "Found array with 0 sample(s) (shape=(0, 3)) while a minimum of 1 is required "
        "by LinearRegression."
    )
    with pytest.raises(ValueError, match=_exactly(message)):
        check_array(np.empty((0, 3)), estimator=LinearRegression())
    with pytest.raises(
        ValueError,
        match=r"1 sample\(s\) \(shape=\(1, 2\)\) while a minimum of 2 is required\.$",
    ):
        check_array([[1.0, 2.0]], ensure_min_samples=2)


def test_check_array_min_features_message():
    """Check that too few features are reported with the shape and the estimator."""
    message = (
        "Found array with 0 feature(s) (shape=(3, 0)) while a minimum of 1 is required "
        "by LinearRegression."
    )
    with pytest.raises(ValueError, match=_exactly(message)):
        check_array(np.empty((3, 0)), estimator=LinearRegression())


def test_check_array_copy():
    """Check that copy=True never returns the input array itself."""
    X = np.ones((2, 2))
    assert check_array(X) is X
    copied = check_array(X, copy=True)
    assert copied is not X and not np.may_share_memory(copied, X)


# check_X_y, check_consistent_length ----------------------------------------------


def test_check_X_y_requires_y():
    """Check that y=None is rejected with the message scikit-learn's checks expect."""
    with pytest.raises(
        ValueError,
        match=_exactly(
            "LinearRegression requires y to be passed, but the target y is None."
        ),
    ):
        check_X_y([[1.0]], None, estimator=LinearRegression())


def test_check_X_y_inconsistent_lengths():
    """Check that different numbers of samples are rejected, listing them."""
    message = "Found input variables with inconsistent numbers of samples: [3, 4]"
    with pytest.raises(ValueError, match=_exactly(message)):
        check_X_y([[1.0], [2.0], [3.0]], [1.0, 2.0, 3.0, 4.0])
    with pytest.raises(ValueError, match=_exactly(message)):
        check_consistent_length([1, 2, 3], [1, 2, 3, 4])
    check_consistent_length([1, 2], None, [3, 4])


@pytest.mark.parametrize(
    "value, message",
    [
        (np.nan, "Input y contains NaN."),
        (
            np.inf,
            "Input y contains infinity or a value too large for dtype('float64').",
        ),
    ],
)
def test_check_X_y_rejects_non_finite_y(value, message):
    """Check that NaN and inf in y are rejected, naming y."""
    with pytest.raises(ValueError, match=_exactly(message)):
        check_X_y(
            [[1.0], [2.0]], [1.0, value], y_numeric=True, estimator=LinearRegression()
        )


def test_check_X_y_shapes_of_y():
    """Check that y is 1-D unless multi_output, and a column vector is flattened."""
    X = np.zeros((3, 2))
    Y = np.ones((3, 2))
    with pytest.raises(
        ValueError,
        match=_exactly("y should be a 1d array, got an array of shape (3, 2) instead."),
    ):
        check_X_y(X, Y)
    assert check_X_y(X, Y, multi_output=True)[1].shape == (3, 2)
    with pytest.warns(DataConversionWarning, match="A column-vector y was passed"):
        _, y = check_X_y(X, np.ones((3, 1)))
    assert y.shape == (3,)
    with pytest.raises(
        ValueError, match="Found array with dim 3, while dim <= 2 is required"
    ):
        check_X_y(X, np.ones((3, 1, 1)), multi_output=True)
    with pytest.raises(
        ValueError, match="y should be a 1d or 2d array, got a scalar instead"
    ):
        check_X_y(X, 1.0)


def test_check_X_y_dtype_of_y():
    """Check that y_numeric converts y to float64, and that labels otherwise stay."""
    X = np.zeros((3, 1))
    assert (
        check_X_y(X, np.array([1, 2, 3], dtype=object), y_numeric=True)[1].dtype
        == np.float64
    )
    assert_array_equal(check_X_y(X, ["a", "b", "a"])[1], ["a", "b", "a"])


# _check_sample_weight -----------------------------------------------------------------


@pytest.mark.parametrize(
    "sample_weight", [None, 2.5, [1, 2, 0], np.array([0.5, 0.0, 3.0], dtype=np.float32)]
)
@pytest.mark.parametrize("X", [3, np.zeros((3, 2))], ids=["n_samples", "X"])
def test_check_sample_weight_matches_sklearn(sample_weight, X):
    """Check that None, a number and a list give scikit-learn's float64 weights."""
    expected = sk_check_sample_weight(sample_weight, np.zeros((3, 2)), dtype=np.float64)
    result = _check_sample_weight(sample_weight, X)
    assert result.dtype == np.float64
    assert_array_equal(result, expected)


def test_check_sample_weight_dtype_none_keeps_integers():
    """Check that dtype=None keeps integer weights as integers."""
    result = _check_sample_weight([1, 2, 3], 3, dtype=None)
    assert result.dtype.kind == "i"
    assert_array_equal(result, [1, 2, 3])


@pytest.mark.parametrize(
    "sample_weight, message",
    [
        ([1.0, 2.0], "sample_weight.shape == (2,), expected (3,)!"),
        ([], "sample_weight.shape == (0,), expected (3,)!"),
        (
            [[1.0], [2.0], [3.0]],
            "Sample weights must be 1D array or scalar, got 2D array. Expected either "
            "a scalar value or a 1D array of length 3.",
        ),
        ([0.0, 0.0, 0.0], "Sample weights must contain at least one non-zero number."),
        (0.0, "Sample weights must contain at least one non-zero number."),
    ],
    ids=["short", "empty", "2d", "all_zero", "zero_scalar"],
)
def test_check_sample_weight_messages(sample_weight, message):
    """Check the shape and all-zero errors, with scikit-learn's messages."""
    if np.size(sample_weight) > 0:  # sklearn's check_array refuses [] before the shape
        with pytest.raises(ValueError, match=re.escape(message)):
            sk_check_sample_weight(sample_weight, np.zeros((3, 1)))
    with pytest.raises(ValueError, match=_exactly(message)):
        _check_sample_weight(sample_weight, 3)


def test_check_sample_weight_rejects_nan():
    """Check that NaN weights are refused with check_array's message."""
    with pytest.raises(ValueError, match="Input sample_weight contains NaN"):
        _check_sample_weight([1.0, np.nan, 1.0], 3)


def test_check_sample_weight_all_zero_allowed_on_request():
    """Check that allow_all_zero_weights=True accepts all-zero weights."""
    result = _check_sample_weight([0, 0], 2, allow_all_zero_weights=True)
    assert_array_equal(result, [0.0, 0.0])


def test_check_sample_weight_negative_weights():
    """Check that negative weights pass by default and are refused on request."""
    assert_array_equal(_check_sample_weight([1.0, -1.0], 2), [1.0, -1.0])
    message = (
        "Negative values in data passed to `sample_weight`: weights must be >= 0, got "
        "a minimum of -2.0."
    )
    with pytest.raises(ValueError, match=_exactly(message)):
        _check_sample_weight([1.0, -2.0], 2, ensure_non_negative=True)
    with pytest.raises(ValueError, match="Negative values in data passed to `sample_weight`"):
        sk_check_sample_weight([1.0, -2.0], np.zeros((2, 1)), ensure_non_negative=True)


# check_is_fitted, validate_n_features --------------------------------------------


def test_check_is_fitted_message():
    """Check that an unfitted estimator raises NotFittedError; a fitted one passes."""
    message = (
        "This LinearRegression instance is not fitted yet. Call 'fit' with appropriate "
        "arguments before using this estimator."
    )
    reg = LinearRegression()
    with pytest.raises(NotFittedError, match=_exactly(message)):
        check_is_fitted(reg)
    reg.fit([[0.0], [1.0]], [0.0, 1.0])
    check_is_fitted(reg)
    check_is_fitted(reg, "coef_")
    with pytest.raises(NotFittedError):
        check_is_fitted(reg, ["coef_", "labels_"])
    with pytest.raises(NotFittedError, match="^Fit LinearRegression first$"):
        check_is_fitted(LinearRegression(), msg="Fit %(name)s first")


def test_check_is_fitted_error_is_value_and_attribute_error():
    """Check that NotFittedError can be caught as ValueError or AttributeError."""
    assert issubclass(NotFittedError, ValueError)
    assert issubclass(NotFittedError, AttributeError)


def test_check_is_fitted_uses_sklearn_is_fitted():
    """Check that __sklearn_is_fitted__ decides when the estimator defines it."""

    class Stateless(LinearRegression):
        def __sklearn_is_fitted__(self):
            return True

    check_is_fitted(Stateless())


def test_check_is_fitted_rejects_non_estimators():
    """Check that classes and objects without fit are rejected with TypeError."""
    with pytest.raises(TypeError, match="is a class, not an instance"):
        check_is_fitted(LinearRegression)
    with pytest.raises(TypeError, match="is not an estimator instance"):
        check_is_fitted(object())


def test_validate_n_features_sets_and_checks():
    """Check that reset=True records n_features_in_ and reset=False compares with it."""
    reg = LinearRegression()
    # Nothing recorded yet: nothing to compare with.
    validate_n_features(reg, np.zeros((2, 3)), reset=False)
    validate_n_features(reg, np.zeros((2, 4)), reset=True)
    assert reg.n_features_in_ == 4
    validate_n_features(reg, np.zeros((5, 4)), reset=False)
    message = "X has 3 features, but LinearRegression is expecting 4 features as input."
    with pytest.raises(ValueError, match=_exactly(message)):
        validate_n_features(reg, np.zeros((2, 3)), reset=False)


# check_random_state -------------------------------------------------------------------


def test_check_random_state_returns_generators():
    """Check that every accepted seed gives a numpy.random.Generator."""
    for seed in [
        None,
        0,
        np.int64(3),
        np.random.default_rng(0),
        np.random.RandomState(0),
    ]:
        assert isinstance(check_random_state(seed), np.random.Generator)


def test_check_random_state_is_reproducible():
    """Check that an int (or a seeded RandomState) gives the same numbers every time."""
    assert check_random_state(7).random() == np.random.default_rng(7).random()
    first = check_random_state(np.random.RandomState(1)).random()
    assert first == check_random_state(np.random.RandomState(1)).random()


def test_check_random_state_shares_a_generator():
    """Check that a Generator is returned as is, so its state is shared."""
    rng = np.random.default_rng(0)
    assert check_random_state(rng) is rng


@pytest.mark.parametrize(
    "seed, match",
    [
        (-1, "random_state must be a non-negative int, got -1"),
        (1.5, "1.5 cannot be used to seed a numpy.random.Generator instance"),
        ("0", "'0' cannot be used to seed"),
        (True, "True cannot be used to seed"),
    ],
)
def test_check_random_state_rejects(seed, match):
    """Check that invalid seeds are rejected, quoting the value."""
    with pytest.raises(ValueError, match=match):
        check_random_state(seed)


# Interval, StrOptions, check_scalar, validate_parameter_constraints ---------------


@pytest.mark.parametrize(
    "interval, text",
    [
        (Interval(Real, 0, None, closed="left"), "a float in the range [0, inf)"),
        (Interval(Real, 0, 1, closed="both"), "a float in the range [0, 1]"),
        (
            Interval(Real, None, 1.5, closed="neither"),
            "a float in the range (-inf, 1.5)",
        ),
        (Interval(Integral, 1, 10, closed="right"), "an int in the range (1, 10]"),
    ],
)
def test_interval_str(interval, text):
    """Check that an interval describes itself as scikit-learn does."""
    assert str(interval) == text


@pytest.mark.parametrize(
    "interval, accepted, rejected",
    [
        (
            Interval(Real, 0, None, closed="left"),
            [0, 0.0, 3, np.float32(2.5), np.inf],
            [-1e-9, np.nan, True, "1", None],
        ),
        (Interval(Real, 0, 1, closed="neither"), [0.5], [0, 1, 0.0, 1.0]),
        (
            Interval(Integral, 1, None, closed="left"),
            [1, np.int64(5)],
            [0, 1.0, 2.5, np.True_],
        ),
    ],
)
def test_interval_is_satisfied_by(interval, accepted, rejected):
    """Check that an interval accepts the right numbers and rejects the rest."""
    assert all(interval.is_satisfied_by(value) for value in accepted)
    assert not any(interval.is_satisfied_by(value) for value in rejected)


def test_interval_rejects_invalid_definition():
    """Check that Interval refuses a type or closed value it does not know."""
    with pytest.raises(
        ValueError, match="type must be numbers.Integral or numbers.Real"
    ):
        Interval(float, 0, 1, closed="both")
    with pytest.raises(ValueError, match="closed must be"):
        Interval(Real, 0, 1, closed="open")


def test_str_options():
    """Check that StrOptions accepts its strings only and lists them sorted."""
    options = StrOptions({"svd", "gd"})
    assert options.is_satisfied_by("gd")
    assert not options.is_satisfied_by("GD")
    assert str(options) == "a str among {'gd', 'svd'}"


def test_check_scalar():
    """Check that check_scalar returns valid values and names invalid ones."""
    assert check_scalar(0.5, "alpha", Real, min_val=0, max_val=1) == 0.5
    message = (
        "The 'alpha' parameter of Ridge must be a float in the range [0, inf). "
        "Got -1.0 instead."
    )
    with pytest.raises(InvalidParameterError, match=_exactly(message)):
        check_scalar(-1.0, "alpha", Real, min_val=0, caller_name="Ridge")
    with pytest.raises(
        ValueError, match=r"must be a float in the range \(0, 1\)\. Got 1 instead"
    ):
        check_scalar(
            1, "ratio", Real, min_val=0, max_val=1, include_boundaries="neither"
        )


def test_validate_parameter_constraints():
    """Check that several constraints are joined with "or" in the message."""
    constraints = {
        "n_init": [
            Interval(Integral, 1, None, closed="left"),
            StrOptions({"auto"}),
            None,
        ]
    }
    validate_parameter_constraints(
        constraints, {"n_init": "auto", "other": -1}, "KMeans"
    )
    validate_parameter_constraints(constraints, {"n_init": None}, "KMeans")
    message = (
        "The 'n_init' parameter of KMeans must be an int in the range [1, inf), a str "
        "among {'auto'} or None. Got 'many' instead."
    )
    with pytest.raises(InvalidParameterError, match=_exactly(message)):
        validate_parameter_constraints(constraints, {"n_init": "many"}, "KMeans")


# column_or_1d and the constraint words, against scikit-learn ---------------------------


@pytest.mark.parametrize("y", [[1, 2, 3], [[1], [2], [3]], [["a"], ["b"]],
                               np.array([[0.5], [np.nan]]), np.zeros((0, 1))],
                         ids=["1d", "column", "strings", "nan", "empty"])
@pytest.mark.parametrize("warn", [False, True])
def test_column_or_1d_matches_sklearn(y, warn):
    """Check the values, and that only warn=True warns, in scikit-learn's words."""
    import warnings

    from sklearn.utils.validation import column_or_1d as sk_column_or_1d

    from skratch.utils import column_or_1d

    with warnings.catch_warnings(record=True) as ours:
        warnings.simplefilter("always")
        a = column_or_1d(y, warn=warn)
    with warnings.catch_warnings(record=True) as theirs:
        warnings.simplefilter("always")
        b = sk_column_or_1d(y, warn=warn)
    assert_array_equal(a, b)
    assert a.dtype == b.dtype
    assert [str(w.message) for w in ours] == [str(w.message) for w in theirs]


@pytest.mark.parametrize("y", [np.ones((3, 2)), np.ones((3, 1, 1)), np.float64(1.0)],
                         ids=["2-columns", "3d", "scalar"])
def test_column_or_1d_rejects_as_sklearn(y):
    """Check scikit-learn's message for anything that is not a column or 1-D."""
    from sklearn.utils.validation import column_or_1d as sk_column_or_1d

    from skratch.utils import column_or_1d

    with pytest.raises(ValueError) as theirs:
        sk_column_or_1d(y)
    with pytest.raises(ValueError, match=f"^{re.escape(str(theirs.value))}$"):
        column_or_1d(y)


def test_check_X_y_column_vector_warning_is_sklearns():
    """Check the DataConversionWarning of a (n, 1) y, word for word."""
    from sklearn.utils.validation import check_X_y as sk_check_X_y

    with pytest.warns(Warning) as theirs:
        sk_check_X_y(np.zeros((3, 2)), np.ones((3, 1)))
    with pytest.warns(DataConversionWarning,
                      match=f"^{re.escape(str(theirs[0].message))}$"):
        check_X_y(np.zeros((3, 2)), np.ones((3, 1)))


@pytest.mark.parametrize("constraint, value", [
    (Integral, 1.5), (Real, "a"), (np.ndarray, 1), (str, 1), ("boolean", 1),
    (tuple, [1]),
], ids=["int", "float", "ndarray", "str", "boolean", "tuple"])
def test_constraint_words_are_sklearns(constraint, value):
    """Check that a type is named as scikit-learn names it ('int', not 'Integral';
    'numpy.ndarray'; booleans 'bool' or 'numpy.bool')."""
    from sklearn.utils._param_validation import (
        InvalidParameterError as SkInvalidParameterError,
    )
    from sklearn.utils._param_validation import validate_parameter_constraints as sk

    with pytest.raises(SkInvalidParameterError) as theirs:
        sk({"p": [constraint]}, {"p": value}, caller_name="f")
    with pytest.raises(InvalidParameterError,
                       match=f"^{re.escape(str(theirs.value))}$"):
        validate_parameter_constraints({"p": [constraint]}, {"p": value}, "f")
