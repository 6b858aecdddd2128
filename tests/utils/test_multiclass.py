"""Tests for check_classification_targets, compared against
sklearn.utils.multiclass.check_classification_targets."""

import re

import numpy as np
import pytest
from sklearn.utils.multiclass import (
    check_classification_targets as sk_check_classification_targets,
)

from skratch.utils import check_classification_targets as exported
from skratch.utils.multiclass import check_classification_targets

SKLEARN_CONTINUOUS = (
    "Unknown label type: continuous. Maybe you are trying to fit a classifier, which "
    "expects discrete classes on a regression target with continuous values."
)


@pytest.mark.parametrize(
    "y",
    [
        np.array([0, 1, 1, 2]),
        np.array([0.0, 1.0, 2.0]),
        np.array([-1.0, 1.0], dtype=np.float32),
        np.array([True, False]),
        np.array(["cat", "dog", "cat"]),
        np.array(["cat", "dog"], dtype=object),
        [3, 5, 7],
    ],
    ids=["ints", "integer_floats", "float32", "bools", "strings", "object_strings", "list"],
)
def test_check_classification_targets_accepts_labels(y):
    """Check that labels scikit-learn accepts pass without error and return None."""
    sk_check_classification_targets(y)
    assert check_classification_targets(y) is None


@pytest.mark.parametrize(
    "y, example",
    [
        (np.array([0.0, 0.5, 1.0]), "0.5"),
        (np.array([1.0, 2.0, 2.25]), "2.25"),
        (np.array([0.75, 1.0], dtype=np.float32), "0.75"),
    ],
)
def test_check_classification_targets_rejects_continuous(y, example):
    """Check that a continuous target gets scikit-learn's message, quoting a value."""
    with pytest.raises(ValueError, match=re.escape(SKLEARN_CONTINUOUS)):
        sk_check_classification_targets(y)
    message = f"^{re.escape(SKLEARN_CONTINUOUS)} Got non-integer values such as {example}.$"
    with pytest.raises(ValueError, match=message):
        check_classification_targets(y)


def test_check_classification_targets_rejects_mixed_types():
    """Check that strings mixed with numbers are refused, naming the types."""
    y = np.array([1, "a", 2], dtype=object)
    with pytest.raises(
        ValueError,
        match=re.escape(
            "Unknown label type: mixed types. Class labels must all be numbers or all "
            "be strings; got types ['int', 'str']."
        ),
    ):
        check_classification_targets(y)


def test_check_classification_targets_is_exported_from_utils():
    """Check that skratch.utils re-exports the function."""
    assert exported is check_classification_targets


# type_of_target, against scikit-learn ---------------------------------------------


@pytest.mark.parametrize("y", [
    [0, 1, 1], [1, 2, 3], ["a", "b"], ["a", "b", "c"], [0.5, 1.5], [1.0, 2.0],
    [[0], [1], [1]], [[0, 1], [1, 1]], [[1, 2], [3, 1]], [[0.5, 1.0], [1.5, 2.0]],
    [], np.array([1, "a"], dtype=object)[:1],
], ids=["binary", "multiclass", "binary-str", "multiclass-str", "continuous",
        "integral-floats", "column", "multilabel", "multiclass-multioutput",
        "continuous-multioutput", "empty", "object-str"])
def test_type_of_target_matches_sklearn(y):
    """Check the kind of target named for each input, as scikit-learn names it."""
    from sklearn.utils.multiclass import type_of_target as sk_type_of_target

    from skratch.utils import type_of_target

    assert type_of_target(y) == sk_type_of_target(y)


@pytest.mark.parametrize("y", [np.array([b"a", b"b"]),
                               np.array([b"a", b"b"], dtype=object)])
def test_type_of_target_refuses_bytes_as_sklearn(y):
    """Check scikit-learn's TypeError for labels given as bytes."""
    from sklearn.utils.multiclass import type_of_target as sk_type_of_target

    from skratch.utils import type_of_target

    with pytest.raises(TypeError) as theirs:
        sk_type_of_target(y)
    with pytest.raises(TypeError, match=f"^{re.escape(str(theirs.value))}$"):
        type_of_target(y)
