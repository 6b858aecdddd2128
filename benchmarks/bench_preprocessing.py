"""Preprocessing: skratch.preprocessing vs sklearn.preprocessing (fit_transform, 20 features)."""

import numpy as np
from sklearn import preprocessing as sk

from cases import Case, regression_data
from skratch import preprocessing as sc


def _transform_pair(ours, theirs, data=regression_data):
    def setup(n_samples):
        X, _ = data(n_samples)
        return (lambda: ours.fit_transform(X)), (lambda: theirs.fit_transform(X))
    return setup


def _categories(n_samples, n_features=20, seed=0):
    # 20 categorical columns with 5 levels each (integers).
    rng = np.random.default_rng(seed)
    return rng.integers(0, 5, size=(n_samples, n_features)), None


CASES = [
    Case("StandardScaler fit_transform", _transform_pair(sc.StandardScaler(), sk.StandardScaler()),
         target=1.5),
    Case("MinMaxScaler fit_transform", _transform_pair(sc.MinMaxScaler(), sk.MinMaxScaler()),
         target=1.5),
    Case("OneHotEncoder fit_transform",
         _transform_pair(sc.OneHotEncoder(), sk.OneHotEncoder(sparse_output=False), _categories),
         target=1.5, notes="20 integer columns with 5 categories; dense output on both sides"),
    Case("PolynomialFeatures fit_transform",
         _transform_pair(sc.PolynomialFeatures(), sk.PolynomialFeatures()),
         target=1.5, notes="degree 2: 231 output columns"),
]
