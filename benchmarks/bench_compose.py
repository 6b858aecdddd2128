"""Compose: skratch.compose.ColumnTransformer vs sklearn.compose (fit_transform).

20 numeric columns (standardised) and 5 integer categorical columns with 5 levels
(one-hot encoded), the usual mixed table; dense output on both sides.
"""

import numpy as np
from sklearn import compose as skc
from sklearn import preprocessing as skp

from cases import Case
from skratch import compose as sc
from skratch import preprocessing as sp


def _mixed(n_samples, seed=0):
    rng = np.random.default_rng(seed)
    numbers = rng.normal(size=(n_samples, 20))
    categories = rng.integers(0, 5, size=(n_samples, 5))
    return np.hstack([numbers, categories])


def _pair(ours_parts, theirs_parts, remainder):
    def setup(n_samples):
        X = _mixed(n_samples)
        num, cat = list(range(20)), list(range(20, 25))
        ours = sc.ColumnTransformer(
            [("num", ours_parts[0], num), ("cat", ours_parts[1], cat)],
            remainder=remainder)
        theirs = skc.ColumnTransformer(
            [("num", theirs_parts[0], num), ("cat", theirs_parts[1], cat)],
            remainder=remainder)
        return (lambda: ours.fit_transform(X)), (lambda: theirs.fit_transform(X))
    return setup


CASES = [
    Case("ColumnTransformer fit_transform",
         _pair((sp.StandardScaler(), sp.OneHotEncoder()),
               (skp.StandardScaler(), skp.OneHotEncoder(sparse_output=False)),
               "drop"),
         target=1.5,
         notes="skratch's scaler and encoder vs scikit-learn's; 25 columns"),
    Case("ColumnTransformer fit_transform (same parts)",
         _pair((skp.StandardScaler(), skp.OneHotEncoder(sparse_output=False)),
               (skp.StandardScaler(), skp.OneHotEncoder(sparse_output=False)),
               "drop"),
         target=1.5,
         notes="scikit-learn's parts inside both: the composition's own cost"),
]
