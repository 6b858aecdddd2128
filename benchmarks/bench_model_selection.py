"""Model selection: skratch.model_selection vs sklearn.model_selection (splitters, curves).

Splitters are timed generating all their (train, test) pairs. ``cross_validate`` and
``validation_curve`` use scikit-learn's ``Ridge`` on both sides, so the ratio measures
the cross-validation machinery, not the estimator.
"""

import numpy as np
from sklearn import model_selection as sk
from sklearn.linear_model import Ridge

from cases import Case, classification_data, regression_data
from skratch import model_selection as sc


def _groups(n_samples, seed=0):
    # About n / 20 groups of unequal sizes.
    rng = np.random.default_rng(seed)
    return rng.integers(max(n_samples // 20, 5), size=n_samples)


def _split_pair(name, data=classification_data, groups=False, **kwargs):
    def setup(n_samples):
        X, y = data(n_samples)
        g = _groups(n_samples) if groups else None
        ours, theirs = getattr(sc, name)(**kwargs), getattr(sk, name)(**kwargs)
        return ((lambda: list(ours.split(X, y, g))),
                (lambda: list(theirs.split(X, y, g))))
    return setup


def _cross_validate_setup(n_samples):
    X, y = regression_data(n_samples)
    kwargs = {"cv": 5, "scoring": ["r2", "neg_mean_squared_error"],
              "return_train_score": True}
    return ((lambda: sc.cross_validate(Ridge(), X, y, **kwargs)),
            (lambda: sk.cross_validate(Ridge(), X, y, **kwargs)))


def _validation_curve_setup(n_samples):
    X, y = regression_data(n_samples)
    kwargs = {"param_name": "alpha", "param_range": [0.01, 0.1, 1.0, 10.0],
              "cv": 5}
    return ((lambda: sc.validation_curve(Ridge(), X, y, **kwargs)),
            (lambda: sk.validation_curve(Ridge(), X, y, **kwargs)))


CASES = [
    Case("ShuffleSplit split", _split_pair("ShuffleSplit", n_splits=10,
                                           random_state=0),
         target=1.5, notes="10 splits, test_size=0.1"),
    Case("StratifiedShuffleSplit split",
         _split_pair("StratifiedShuffleSplit", n_splits=10, random_state=0),
         target=1.5, notes="10 splits, 2 classes"),
    Case("GroupKFold split", _split_pair("GroupKFold", groups=True, n_splits=5),
         target=1.5, notes="5 folds, n/20 groups of unequal size"),
    Case("TimeSeriesSplit split", _split_pair("TimeSeriesSplit", n_splits=5,
                                              gap=2),
         target=1.5, notes="5 splits, gap=2"),
    Case("cross_validate", _cross_validate_setup, sizes=(1_000, 100_000),
         target=1.5, notes="sklearn Ridge both sides, 5 folds, 2 metrics, train "
         "scores"),
    Case("validation_curve", _validation_curve_setup, sizes=(1_000, 100_000),
         target=1.5, notes="sklearn Ridge both sides, 4 alphas x 5 folds"),
]
