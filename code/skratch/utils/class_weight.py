"""Weights by class: make a rare class count as much as a common one.

A classifier that minimises a sum over samples listens to the common classes
most. Weighting each sample by a weight of its class changes that: the
"balanced" weights :math:`n / (K n_k)` (:math:`n` samples, :math:`K`
classes, :math:`n_k` samples of class :math:`k`) give every class the same
total weight, :math:`n / K`. ``compute_class_weight`` returns one weight per
class, ``compute_sample_weight`` one per sample (the weight of its class),
ready to multiply ``sample_weight``, which is what ``class_weight`` in an
estimator does.
"""

import numpy as np

from .validation import (
    StrOptions,
    _check_sample_weight,
    validate_parameter_constraints,
)

__all__ = ["compute_class_weight", "compute_sample_weight"]


def _class_weight(class_weight, classes, y, sample_weight=None):
    # compute_class_weight without its parameter checks (scikit-learn skips
    # them too when an estimator or compute_sample_weight calls it)
    y = np.asarray(y)
    if set(np.unique(y)) - set(classes):
        raise ValueError(
            "classes should include all valid labels that can be in y"
        )
    if class_weight is None or len(class_weight) == 0:
        return np.ones(len(classes), dtype=np.float64)
    if isinstance(class_weight, str) and class_weight == "balanced":
        # w_k = n / (K n_k), n_k the (weighted) count of class k in y
        labels, y_index = np.unique(y, return_inverse=True)
        if not np.all(np.isin(classes, labels)):
            raise ValueError(
                "classes should have valid labels that are in y"
            )
        sample_weight = _check_sample_weight(sample_weight, len(y))
        counts = np.bincount(y_index.ravel(), weights=sample_weight)
        recip_freq = counts.sum() / (len(labels) * counts)
        return recip_freq[np.searchsorted(labels, classes)]
    # a dict {label: weight}; the classes it leaves out weigh 1
    weight = np.ones(len(classes), dtype=np.float64)
    unweighted = []
    for i, c in enumerate(classes):
        try:  # scikit-learn looks labels up as int, or else as str
            c = int(c)
        except ValueError:
            c = str(c)
        if c in class_weight:
            weight[i] = class_weight[c]
        else:
            unweighted.append(c)
    n_weighted = len(classes) - len(unweighted)
    if unweighted and n_weighted != len(class_weight):
        raise ValueError(
            f"The classes, {np.array(unweighted).tolist()}, are not in"
            " class_weight"
        )
    return weight


def compute_class_weight(class_weight, *, classes, y, sample_weight=None):
    """Estimate class weights for unbalanced datasets.

    Parameters
    ----------
    class_weight : dict, "balanced" or None
        ``"balanced"``: the weight of class :math:`k` is
        :math:`n / (K n_k)`, ``n_samples / (n_classes * np.bincount(y))``,
        with weighted counts if ``sample_weight`` is given. A dict maps
        class labels to weights (classes it leaves out weigh 1, allowed only
        if every key is a class). None: every class weighs 1.
    classes : ndarray
        The classes of the data, as given by ``np.unique(y)``.
    y : array-like of shape (n_samples,)
        The original class labels of the samples.
    sample_weight : array-like of shape (n_samples,), default=None
        Sample weights, used by ``"balanced"`` only.

    Returns
    -------
    class_weight_vect : ndarray of shape (n_classes,)
        ``class_weight_vect[i]`` is the weight of ``classes[i]``.

    Raises
    ------
    ValueError
        If ``y`` holds a label that is not in ``classes``, if ``"balanced"``
        is asked for a class absent from ``y``, or if a dict names a label
        that is not a class while leaving out a class.

    See Also
    --------
    compute_sample_weight : The weight of each sample's class.
    sklearn.utils.class_weight.compute_class_weight : The scikit-learn
        function this one mirrors.

    Notes
    -----
    As scikit-learn does, the keys of a dict are looked up as ``int(c)``
    (as ``str(c)`` for labels that are not numbers), so a float label
    ``0.5`` reads the key ``0``.

    References
    ----------
    .. [1] G. King, L. Zeng, "Logistic Regression in Rare Events Data",
       Political Analysis, 9(2), 137-163, 2001.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.utils import compute_class_weight
    >>> y = [1, 1, 1, 1, 0, 0]
    >>> compute_class_weight("balanced", classes=np.unique(y), y=y)
    array([1.5 , 0.75])
    >>> compute_class_weight({0: 3}, classes=np.array([0, 1]), y=y)
    array([3., 1.])
    """
    validate_parameter_constraints(
        {
            "class_weight": [dict, StrOptions({"balanced"}), None],
            "classes": [np.ndarray],
            "y": ["array-like"],
            "sample_weight": ["array-like", None],
        },
        {"class_weight": class_weight, "classes": classes, "y": y,
         "sample_weight": sample_weight},
        "compute_class_weight",
    )
    return _class_weight(class_weight, classes, y, sample_weight)


def _sample_weight(class_weight, y, indices=None):
    # compute_sample_weight without its parameter checks
    y = np.atleast_1d(np.asarray(y))
    if y.ndim == 1:
        y = y.reshape(-1, 1)
    n_outputs = y.shape[1]
    if indices is not None and not (
        isinstance(class_weight, str) and class_weight == "balanced"
    ):
        raise ValueError(
            "The only valid class_weight for subsampling is 'balanced'. "
            f"Given {class_weight}."
        )
    if n_outputs > 1:
        if class_weight is None or isinstance(class_weight, dict):
            raise ValueError(
                "For multi-output, class_weight should be a list of dicts, "
                "or the string 'balanced'."
            )
        n_given = len(class_weight) if isinstance(class_weight, list) else 0
        if isinstance(class_weight, list) and n_given != n_outputs:
            raise ValueError(
                "For multi-output, number of elements in class_weight "
                f"should match number of outputs. Got {n_given} "
                f"element(s) while having {n_outputs} outputs."
            )
    expanded = []
    for k in range(n_outputs):
        y_k = y[:, k]
        classes = np.unique(y_k)
        if class_weight == "balanced" or n_outputs == 1:
            weight_k = class_weight
        else:
            weight_k = class_weight[k]
        if indices is None:
            w = _class_weight(weight_k, classes, y_k)[
                np.searchsorted(classes, y_k)
            ]
        else:
            # balanced on the subsample; classes it misses weigh 0
            y_sub = y_k[np.asarray(indices)]
            classes_sub = np.unique(y_sub)
            w = np.take(
                _class_weight(weight_k, classes_sub, y_sub),
                np.searchsorted(classes_sub, classes),
                mode="clip",
            )[np.searchsorted(classes, y_k)]
            w[~np.isin(y_k, classes_sub)] = 0.0
        expanded.append(w)
    return np.prod(expanded, axis=0, dtype=np.float64)


def compute_sample_weight(class_weight, y, *, indices=None):
    """Estimate sample weights by class for unbalanced datasets.

    Parameters
    ----------
    class_weight : dict, list of dicts, "balanced" or None
        The class weights, as in ``compute_class_weight``; for a 2-D ``y``
        (several outputs) a list of one dict per column, or
        ``"balanced"``, and the weights of the columns are multiplied.
    y : array-like of shape (n_samples,) or (n_samples, n_outputs)
        The original class labels of the samples.
    indices : array-like of shape (n_subsample,), default=None
        Rows of a subsample (a bootstrap may repeat them): the
        ``"balanced"`` weights are then computed on ``y[indices]``, and the
        classes the subsample misses weigh 0. Only ``"balanced"`` is
        accepted with ``indices``.

    Returns
    -------
    sample_weight_vect : ndarray of shape (n_samples,)
        The weight of each sample of ``y`` (the weight of its class).

    Raises
    ------
    ValueError
        For ``indices`` with a ``class_weight`` other than ``"balanced"``,
        a 2-D ``y`` with a dict or None, or a list whose length is not the
        number of outputs; and the errors of ``compute_class_weight``.

    See Also
    --------
    compute_class_weight : One weight per class.
    sklearn.utils.class_weight.compute_sample_weight : The scikit-learn
        function this one mirrors (no sparse ``y``).

    Examples
    --------
    >>> from skratch.utils import compute_sample_weight
    >>> y = [1, 1, 1, 1, 0, 0]
    >>> compute_sample_weight(class_weight="balanced", y=y)
    array([0.75, 0.75, 0.75, 0.75, 1.5 , 1.5 ])
    >>> compute_sample_weight("balanced", y, indices=[0, 1, 2])
    array([1., 1., 1., 1., 0., 0.])
    """
    validate_parameter_constraints(
        {
            "class_weight": [dict, list, StrOptions({"balanced"}), None],
            "y": ["array-like"],
            "indices": ["array-like", None],
        },
        {"class_weight": class_weight, "y": y, "indices": indices},
        "compute_sample_weight",
    )
    return _sample_weight(class_weight, y, indices)
