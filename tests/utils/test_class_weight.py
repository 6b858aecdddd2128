"""Tests for compute_class_weight and compute_sample_weight, compared against
sklearn.utils.class_weight.compute_class_weight and compute_sample_weight."""

import numpy as np
import pytest
from numpy.testing import assert_allclose
from sklearn.utils import class_weight as sk

import skratch.utils
from skratch.utils import class_weight as ours
from skratch.utils import compute_class_weight, compute_sample_weight

# The same few divisions as scikit-learn, in the same order.
RTOL = 1e-15

RNG = np.random.default_rng(0)
TARGETS = {
    "binary": np.array([1, 1, 1, 1, 0, 0]),
    "multiclass": RNG.integers(0, 4, size=50),
    "strings": np.array(["cat", "dog", "dog", "eel", "dog"]),
    "floats": np.array([0.0, 2.0, 2.0, 5.0]),
    "negative": np.array([-1, 1, 1, 1, -1, 1, 1]),
    "list": [3, 5, 5, 7, 7, 7],
}
CLASS_WEIGHTS = {
    "none": lambda classes: None,
    "balanced": lambda classes: "balanced",
    "empty": lambda classes: {},
    "full_dict": lambda classes: {
        c: float(i + 1) for i, c in enumerate(classes.tolist())
    },
    "partial_dict": lambda classes: {classes.tolist()[-1]: 0.25},
}


@pytest.mark.parametrize("class_weight", CLASS_WEIGHTS)
@pytest.mark.parametrize("target", TARGETS)
def test_compute_class_weight_matches_sklearn(target, class_weight):
    """Check one weight per class, as scikit-learn's."""
    y = TARGETS[target]
    classes = np.unique(y)
    cw = CLASS_WEIGHTS[class_weight](classes)
    expected = sk.compute_class_weight(cw, classes=classes, y=y)
    got = compute_class_weight(cw, classes=classes, y=y)
    assert got.dtype == np.float64
    assert_allclose(got, expected, rtol=RTOL)


@pytest.mark.parametrize("target", ["binary", "multiclass", "strings"])
def test_compute_class_weight_balanced_sample_weight_matches_sklearn(target):
    """Check the balanced weights with weighted counts."""
    y = TARGETS[target]
    classes = np.unique(y)
    w = np.random.default_rng(1).uniform(0.5, 2.0, size=len(y))
    expected = sk.compute_class_weight("balanced", classes=classes, y=y,
                                       sample_weight=w)
    got = compute_class_weight("balanced", classes=classes, y=y,
                               sample_weight=w)
    assert_allclose(got, expected, rtol=RTOL)


def test_compute_class_weight_balanced_formula():
    """Check that "balanced" is n_samples / (n_classes * np.bincount(y))."""
    y = TARGETS["multiclass"]
    got = compute_class_weight("balanced", classes=np.unique(y), y=y)
    assert_allclose(got, len(y) / (4 * np.bincount(y)), rtol=RTOL)
    # every class then carries the same total weight, n / K
    assert_allclose(got * np.bincount(y), len(y) / 4, rtol=RTOL)


@pytest.mark.parametrize("class_weight", CLASS_WEIGHTS)
@pytest.mark.parametrize("target", TARGETS)
def test_compute_sample_weight_matches_sklearn(target, class_weight):
    """Check one weight per sample, as scikit-learn's."""
    y = TARGETS[target]
    cw = CLASS_WEIGHTS[class_weight](np.unique(y))
    assert_allclose(compute_sample_weight(cw, y),
                    sk.compute_sample_weight(cw, y), rtol=RTOL)


@pytest.mark.parametrize("indices", [
    [0, 1, 4], [0, 1, 2], [5, 5, 0, 0, 0, 3], list(range(6)),
], ids=str)
def test_compute_sample_weight_subsample_matches_sklearn(indices):
    """Check "balanced" on a subsample: classes it misses weigh 0."""
    y = TARGETS["binary"]
    assert_allclose(compute_sample_weight("balanced", y, indices=indices),
                    sk.compute_sample_weight("balanced", y, indices=indices),
                    rtol=RTOL)


@pytest.mark.parametrize("class_weight", [
    "balanced", [{0: 2.0, 1: 1.0}, {0: 1.0, 2: 3.0, 1: 1.0}],
    [{0: 2.0}, {2: 3.0}],
], ids=["balanced", "dicts", "partial_dicts"])
def test_compute_sample_weight_multi_output_matches_sklearn(class_weight):
    """Check that the weights of the columns of a 2-D y multiply."""
    y = np.column_stack([[0, 0, 1, 1, 1, 0], [2, 1, 0, 2, 2, 2]])
    assert_allclose(compute_sample_weight(class_weight, y),
                    sk.compute_sample_weight(class_weight, y), rtol=RTOL)
    y_sub = [0, 2, 2, 5]
    if class_weight == "balanced":
        assert_allclose(
            compute_sample_weight(class_weight, y, indices=y_sub),
            sk.compute_sample_weight(class_weight, y, indices=y_sub),
            rtol=RTOL,
        )


def _message(fn, *args, **kwargs):
    with pytest.raises(ValueError) as info:
        fn(*args, **kwargs)
    return str(info.value)


Y = np.array([0, 0, 1, 2, 2])
BAD_CLASS_WEIGHT = [
    ("y_not_in_classes",
     dict(class_weight="balanced", classes=np.array([0, 1]), y=Y),
     "classes should include all valid labels that can be in y"),
    ("class_not_in_y",
     dict(class_weight="balanced", classes=np.array([0, 1, 2, 3]), y=Y),
     "classes should have valid labels that are in y"),
    ("unknown_label_in_dict",
     dict(class_weight={0: 2.0, 7: 1.0}, classes=np.array([0, 1, 2]), y=Y),
     "The classes, [1, 2], are not in class_weight"),
    ("only_unknown_labels",
     dict(class_weight={"a": 2.0}, classes=np.array([0, 1, 2]), y=Y),
     "The classes, [0, 1, 2], are not in class_weight"),
    ("bad_string",
     dict(class_weight="balanced_subsample", classes=np.array([0, 1, 2]),
          y=Y),
     "The 'class_weight' parameter of compute_class_weight must be an "
     "instance of 'dict', a str among {'balanced'} or None. Got "
     "'balanced_subsample' instead."),
    ("list", dict(class_weight=[{0: 1.0}], classes=np.array([0, 1, 2]), y=Y),
     "The 'class_weight' parameter of compute_class_weight must be an "
     "instance of 'dict', a str among {'balanced'} or None. Got [{0: 1.0}] "
     "instead."),
    ("classes_not_array", dict(class_weight=None, classes=[0, 1, 2], y=Y),
     "The 'classes' parameter of compute_class_weight must be an instance "
     "of 'numpy.ndarray'. Got [0, 1, 2] instead."),
    ("nan_label", dict(class_weight="balanced", classes=np.array([0.0, 1.0]),
                       y=[0.0, np.nan, 1.0]),
     "classes should include all valid labels that can be in y"),
    ("sample_weight_shape",
     dict(class_weight="balanced", classes=np.array([0, 1, 2]), y=Y,
          sample_weight=[1.0, 2.0]),
     "sample_weight.shape == (2,), expected (5,)!"),
    ("sample_weight_inf",
     dict(class_weight="balanced", classes=np.array([0, 1, 2]), y=Y,
          sample_weight=[1.0, np.inf, 1.0, 1.0, 1.0]),
     "Input sample_weight contains infinity or a value too large for "
     "dtype('float64')."),
]


@pytest.mark.parametrize("kwargs, message",
                         [case[1:] for case in BAD_CLASS_WEIGHT],
                         ids=[case[0] for case in BAD_CLASS_WEIGHT])
def test_compute_class_weight_errors_match_sklearn(kwargs, message):
    """Check the ValueError and its message, word for word scikit-learn's."""
    assert _message(compute_class_weight, **kwargs) == message
    assert _message(sk.compute_class_weight, **kwargs) == message


BAD_SAMPLE_WEIGHT = [
    ("dict_with_indices", ({0: 2.0}, Y), {"indices": [0, 1]},
     "The only valid class_weight for subsampling is 'balanced'. Given "
     "{0: 2.0}."),
    ("dict_multi_output", ({0: 2.0}, np.column_stack([Y, Y])), {},
     "For multi-output, class_weight should be a list of dicts, or the "
     "string 'balanced'."),
    ("none_multi_output", (None, np.column_stack([Y, Y])), {},
     "For multi-output, class_weight should be a list of dicts, or the "
     "string 'balanced'."),
    ("short_list", ([{0: 2.0}], np.column_stack([Y, Y])), {},
     "For multi-output, number of elements in class_weight should match "
     "number of outputs. Got 1 element(s) while having 2 outputs."),
    ("unknown_label", ({0: 2.0, 5: 1.0}, Y), {},
     "The classes, [1, 2], are not in class_weight"),
    ("bad_string", ("balanced_subsample", Y), {},
     "The 'class_weight' parameter of compute_sample_weight must be an "
     "instance of 'dict', an instance of 'list', a str among {'balanced'} "
     "or None. Got 'balanced_subsample' instead."),
    ("bad_indices", ("balanced", Y), {"indices": "0"},
     "The 'indices' parameter of compute_sample_weight must be an "
     "array-like or None. Got '0' instead."),
]


@pytest.mark.parametrize("args, kwargs, message",
                         [case[1:] for case in BAD_SAMPLE_WEIGHT],
                         ids=[case[0] for case in BAD_SAMPLE_WEIGHT])
def test_compute_sample_weight_errors_match_sklearn(args, kwargs, message):
    """Check the ValueError and its message, word for word scikit-learn's."""
    assert _message(compute_sample_weight, *args, **kwargs) == message
    assert _message(sk.compute_sample_weight, *args, **kwargs) == message


def test_class_weight_functions_exported_as_in_sklearn():
    """Check the names: skratch.utils.<fn> and skratch.utils.class_weight."""
    assert skratch.utils.compute_class_weight is ours.compute_class_weight
    assert skratch.utils.compute_sample_weight is ours.compute_sample_weight
    assert {"compute_class_weight", "compute_sample_weight"} <= set(
        skratch.utils.__all__
    )
