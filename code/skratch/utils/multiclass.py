"""Checks on classification targets: are these class labels, or a regression target?

A classifier learns a finite set of labels. Floats with a fractional part (0.5, 1.7) are
a regression target, so every skratch classifier starts ``fit`` with
``check_classification_targets(y)``, which refuses them with scikit-learn's message, and
then turns the labels into ``classes_`` and class indices with
``np.unique(y, return_inverse=True)``.

Read more in the book: Regression vs classification
<https://skratch-ml.github.io/skratch/book/intermediate/regression-vs-classification.html>
"""

import numpy as np

from .validation import check_array

__all__ = ["check_classification_targets", "type_of_target"]


def type_of_target(y, input_name=""):
    """Name the kind of target: "binary", "multiclass", "continuous", or a 2-D kind.

    Parameters
    ----------
    y : array-like
        Target values: labels, numbers, or one column per output.
    input_name : str, default=""
        Named in the message when ``y`` holds NaN or infinity.

    Returns
    -------
    target_type : str
        "binary" (at most two values), "multiclass" (more), "continuous" (floats
        with a fractional part), "multilabel-indicator" (a 2-D array of 0s and
        1s), "multiclass-multioutput", "continuous-multioutput" (2-D), or
        "unknown".

    Raises
    ------
    TypeError
        If the labels are bytes (``b"cat"``), which scikit-learn refuses too.

    See Also
    --------
    sklearn.utils.multiclass.type_of_target : The scikit-learn function this one
        mirrors (the same names; no sparse or legacy multilabel inputs).

    Examples
    --------
    >>> from skratch.utils.multiclass import type_of_target
    >>> type_of_target([0, 1, 1]), type_of_target(["a", "b", "c"])
    ('binary', 'multiclass')
    >>> type_of_target([0.5, 1.5])
    'continuous'
    """
    y = np.asarray(y)
    if y.ndim >= 1 and len(y) and isinstance(y[0], bytes):
        raise TypeError(
            "Support for labels represented as bytes is not supported. Convert the "
            "labels to a string or integer format."
        )
    if y.ndim > 2 or (y.dtype == object and y.size and not isinstance(y.flat[0], str)):
        return "unknown"
    suffix = ""
    if y.ndim == 2 and y.shape[1] > 1:
        if y.dtype.kind in "biuf" and np.isin(y, (0, 1)).all():
            return "multilabel-indicator"
        suffix = "-multioutput"
    if y.dtype.kind == "f":
        check_array(y, dtype=None, ensure_2d=False, ensure_min_samples=0,
                    input_name=input_name)  # NaN and inf are not labels
        if np.any(y != np.floor(y)):
            return "continuous" + suffix
    if suffix or np.unique(y).shape[0] > 2:
        return "multiclass" + suffix
    return "binary"


def check_classification_targets(y):
    """Ensure that ``y`` holds class labels, not a regression target.

    Parameters
    ----------
    y : array-like of shape (n_samples,)
        Target values, as returned by ``check_X_y``.

    Raises
    ------
    ValueError
        If ``y`` holds floats with a fractional part (a "continuous", regression
        target), or mixes strings with numbers (labels that cannot be sorted into
        ``classes_``). The message quotes an offending value.

    See Also
    --------
    sklearn.utils.multiclass.check_classification_targets : The scikit-learn function
        this one mirrors.

    Notes
    -----
    scikit-learn decides through ``type_of_target``, which also recognises multi-output
    and multilabel targets; skratch classifiers take a 1-D ``y`` only, so two cases are
    enough here. Integer-valued floats (``1.0``, ``2.0``) are class labels, as in
    scikit-learn. For a mix of strings and numbers scikit-learn says "Unknown label type:
    unknown" (or fails later, sorting the labels); the "mixed types" message is ours.
    scikit-learn also warns when more than half of the samples have a label of their
    own; skratch does not.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.utils.multiclass import check_classification_targets
    >>> check_classification_targets(np.array([0.0, 1.0, 2.0]))  # no error
    >>> y = np.array([0.0, 0.5, 1.0])
    >>> check_classification_targets(y)  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    ValueError: Unknown label type: continuous. Maybe you are trying to fit a
    classifier, which expects discrete classes on a regression target with
    continuous values. Got non-integer values such as 0.5.
    """
    y = np.asarray(y)
    if y.dtype.kind == "f" and np.any(y != np.round(y)):
        example = y[y != np.round(y)].flat[0].item()
        raise ValueError(
            "Unknown label type: continuous. Maybe you are trying to fit a classifier, "
            "which expects discrete classes on a regression target with continuous "
            f"values. Got non-integer values such as {example!r}."
        )
    if y.dtype.kind == "O":
        is_string = [isinstance(label, str) for label in y.ravel()]
        if any(is_string) and not all(is_string):
            types = sorted({type(label).__name__ for label in y.ravel()})
            raise ValueError(
                "Unknown label type: mixed types. Class labels must all be numbers or "
                f"all be strings; got types {types}."
            )
