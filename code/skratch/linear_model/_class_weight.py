"""Class weights for the linear classifiers (a private stand-in).

``skratch.utils.class_weight`` (compute_class_weight) is being added on another
branch; until it lands on main, LogisticRegression uses this small helper, which
follows scikit-learn's ``compute_class_weight`` for the cases an estimator needs.
"""

import numpy as np

__all__ = []


def _class_weight_per_sample(class_weight, classes, y_index, sample_weight):
    # One weight per class, then the weight of each sample's class.
    # "balanced": w_k = sum(sw) / (K * sum of sw over class k);
    # a dict {label: weight}: classes it leaves out weigh 1, but a key that is
    # not a class is refused as soon as some class is left out.
    n_classes = len(classes)
    if class_weight is None or len(class_weight) == 0:
        weight = np.ones(n_classes)
    elif isinstance(class_weight, str):  # "balanced", checked by the constraints
        counts = np.bincount(y_index, weights=sample_weight, minlength=n_classes)
        weight = counts.sum() / (n_classes * counts)
    else:
        weight = np.ones(n_classes)
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
        if unweighted and n_classes - len(unweighted) != len(class_weight):
            raise ValueError(
                f"The classes, {np.array(unweighted).tolist()}, are not in"
                " class_weight"
            )
    return weight[y_index]
