"""Tests for cost-complexity pruning (skratch/tree/_prune.py), compared against
sklearn.tree's ccp_alpha and cost_complexity_pruning_path."""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal
from sklearn import tree as sk
from sklearn.datasets import load_breast_cancer, load_diabetes, load_iris

from skratch.tree import DecisionTreeClassifier, DecisionTreeRegressor
from skratch.utils import Bunch

# X rounded to float32 first: scikit-learn grows on float32, so both then see
# the same values and thresholds are the same midpoints.
TOL = 1e-12
CASES = [("iris", 3), ("iris", None), ("breast_cancer", 3), ("diabetes", 3)]


def _data(name):
    load = {"iris": load_iris, "breast_cancer": load_breast_cancer,
            "diabetes": load_diabetes}[name]
    X, y = load(return_X_y=True)
    if name == "diabetes":
        return X.astype(np.float32).astype(float), y, DecisionTreeRegressor, sk.DecisionTreeRegressor
    return X.astype(np.float32).astype(float), y, DecisionTreeClassifier, sk.DecisionTreeClassifier


def _sk_seed(ours, sk_class, X, y, **params):
    # scikit-learn visits features in a random order: the seed whose tree is ours
    for seed in range(40):
        theirs = sk_class(random_state=seed, **params).fit(X, y)
        if np.array_equal(theirs.tree_.feature, ours.tree_.feature):
            return seed
    pytest.fail("no random_state gives scikit-learn our tree")


@pytest.mark.parametrize("dataset, max_depth", CASES)
def test_cost_complexity_pruning_path_matches_sklearn(dataset, max_depth):
    """Check that ccp_alphas and impurities are scikit-learn's (rtol 1e-12)."""
    X, y, ours_class, sk_class = _data(dataset)
    ours = ours_class(max_depth=max_depth)
    seed = _sk_seed(ours_class(max_depth=max_depth).fit(X, y), sk_class, X, y,
                    max_depth=max_depth)
    path = ours.cost_complexity_pruning_path(X, y)
    expected = sk_class(max_depth=max_depth, random_state=seed).cost_complexity_pruning_path(X, y)
    assert isinstance(path, Bunch)
    assert_allclose(path.ccp_alphas, expected.ccp_alphas, rtol=TOL, atol=0)
    assert_allclose(path.impurities, expected.impurities, rtol=TOL, atol=0)


@pytest.mark.parametrize("dataset, max_depth", CASES)
@pytest.mark.parametrize("step", [1, 2, -2])
def test_ccp_alpha_prunes_as_sklearn(dataset, max_depth, step):
    """Check that a tree pruned at a path alpha is scikit-learn's, node for node."""
    X, y, ours_class, sk_class = _data(dataset)
    seed = _sk_seed(ours_class(max_depth=max_depth).fit(X, y), sk_class, X, y,
                    max_depth=max_depth)
    alphas = sk_class(max_depth=max_depth, random_state=seed).cost_complexity_pruning_path(X, y).ccp_alphas
    alpha = alphas[step]
    ours = ours_class(max_depth=max_depth, ccp_alpha=alpha).fit(X, y)
    theirs = sk_class(max_depth=max_depth, ccp_alpha=alpha, random_state=seed).fit(X, y)
    a, b = ours.tree_, theirs.tree_
    assert a.node_count == b.node_count and a.max_depth == b.max_depth
    for name in ("children_left", "children_right", "feature", "n_node_samples"):
        assert_array_equal(getattr(a, name), getattr(b, name))
    assert_allclose(a.threshold, b.threshold, rtol=TOL, atol=0)
    assert_allclose(a.value, b.value, rtol=TOL, atol=0)
    assert_allclose(a.impurity, b.impurity, rtol=TOL, atol=0)
    assert_allclose(ours.predict(X), theirs.predict(X), rtol=TOL)


def test_ccp_alpha_rejects_negative():
    """Check that a negative ccp_alpha raises a ValueError naming it and the value."""
    X, y = load_iris(return_X_y=True)
    with pytest.raises(ValueError, match=r"'ccp_alpha'.*Got -0.1"):
        DecisionTreeClassifier(ccp_alpha=-0.1).fit(X, y)
