"""Tests for best-first growth (max_leaf_nodes) of DecisionTreeClassifier and
DecisionTreeRegressor, compared against sklearn.tree's BestFirstTreeBuilder."""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal
from sklearn import tree as sk
from sklearn.datasets import load_breast_cancer, load_iris

from skratch.exceptions import NotFittedError
from skratch.tree import DecisionTreeClassifier, DecisionTreeRegressor
from skratch.tree._splitter import Record, heap_pop, heap_push

# Structure (children, features, sample counts) is compared exactly; node
# values, impurities and weights to 1e-12. scikit-learn's thresholds are
# midpoints of float32 values, ours of float64 values: 1e-6 apart, except on
# the integer data below, where both are exact.
RTOL = ATOL = 1e-12
THRESHOLD_RTOL = 1e-6
# scikit-learn visits features in a random order even with max_features=None,
# so on an exact tie between two features its choice depends on random_state:
# we look for a random_state among these whose tree is ours.
SEEDS = range(40)


def _regression_with_ties():
    # integer features (many equal values) and an integer-valued target
    rng = np.random.default_rng(0)
    X = rng.integers(0, 6, size=(300, 5)).astype(float)
    y = 2 * X[:, 0] + X[:, 1] ** 2 + rng.integers(0, 3, size=300)
    return X, y


DATASETS = {
    "iris": (lambda: load_iris(return_X_y=True), DecisionTreeClassifier,
             sk.DecisionTreeClassifier),
    "breast_cancer": (lambda: load_breast_cancer(return_X_y=True),
                      DecisionTreeClassifier, sk.DecisionTreeClassifier),
    "regression_ties": (_regression_with_ties, DecisionTreeRegressor,
                        sk.DecisionTreeRegressor),
}
EXTRAS = {
    "none": {},
    "max_depth": {"max_depth": 3},
    "min_samples_leaf": {"min_samples_leaf": 5},
    "min_impurity_decrease": {"min_impurity_decrease": 0.01},
}
# Settings where, within SEEDS, no scikit-learn tree makes all our choices:
# the trees agree node for node up to the first exact tie between two
# features, where each picks another (equally good) split.
TIES = {
    ("breast_cancer", 10, "none"), ("breast_cancer", 50, "none"),
    ("breast_cancer", 50, "min_samples_leaf"),
}


def _gain(tree, i):
    # w_t I(t) - w_L I(L) - w_R I(R) of internal node i
    left, right = tree.children_left[i], tree.children_right[i]
    w, imp = tree.weighted_n_node_samples, tree.impurity
    return w[i] * imp[i] - w[left] * imp[left] - w[right] * imp[right]


def _first_difference(a, b):
    # first node id where the structure or the feature differs
    n = min(a.node_count, b.node_count)
    differs = (
        (a.feature[:n] != b.feature[:n])
        | (a.children_left[:n] != b.children_left[:n])
        | (a.n_node_samples[:n] != b.n_node_samples[:n])
    )
    hits = np.flatnonzero(differs)
    if len(hits) == 0 and a.node_count == b.node_count:
        return None
    return hits[0] if len(hits) else n


def _assert_same_nodes(ours, theirs, X, upto=None):
    a, b = ours.tree_, theirs.tree_
    n = a.node_count if upto is None else upto
    for key in ("children_left", "children_right", "feature",
                "n_node_samples"):
        assert_array_equal(getattr(a, key)[:n], getattr(b, key)[:n], key)
    for key in ("value", "impurity", "weighted_n_node_samples"):
        assert_allclose(getattr(a, key)[:n], getattr(b, key)[:n],
                        rtol=RTOL, atol=ATOL, err_msg=key)
    assert_allclose(a.threshold[:n], b.threshold[:n], rtol=THRESHOLD_RTOL)


@pytest.mark.parametrize("extra", EXTRAS)
@pytest.mark.parametrize("max_leaf_nodes", [2, 3, 5, 10, 50])
@pytest.mark.parametrize("dataset", DATASETS)
def test_best_first_tree_matches_sklearn(dataset, max_leaf_nodes, extra):
    """Check that a best-first tree is scikit-learn's, node for node."""
    load, ours_class, sk_class = DATASETS[dataset]
    X, y = load()
    params = {"max_leaf_nodes": max_leaf_nodes, **EXTRAS[extra]}
    ours = ours_class(**params).fit(X, y)
    theirs = [sk_class(random_state=s, **params).fit(X, y) for s in SEEDS]
    firsts = [_first_difference(ours.tree_, t.tree_) for t in theirs]
    if (dataset, max_leaf_nodes, extra) not in TIES:
        assert None in firsts, "no random_state gives scikit-learn our tree"
        match = theirs[firsts.index(None)]
        _assert_same_nodes(ours, match, X)
        assert ours.get_n_leaves() == match.get_n_leaves() <= max_leaf_nodes
        assert ours.get_depth() == match.get_depth()
        assert_array_equal(ours.apply(X), match.apply(X))
        assert_allclose(ours.predict(X), match.predict(X), rtol=RTOL,
                        atol=ATOL)
        assert_allclose(ours.feature_importances_,
                        match.feature_importances_, rtol=1e-10, atol=ATOL)
        if ours_class is DecisionTreeClassifier:
            assert_allclose(ours.predict_proba(X), match.predict_proba(X),
                            rtol=RTOL, atol=ATOL)
        return
    assert None not in firsts  # else move the setting out of TIES
    # The longest agreement: the same nodes up to a node where both hold
    # the same samples and split them by different, equally good splits.
    i = int(np.argmax(firsts))
    match, first = theirs[i], firsts[i]
    assert first >= 5
    _assert_same_nodes(ours, match, X, upto=first)
    a, b = ours.tree_, match.tree_
    assert a.n_node_samples[first] == b.n_node_samples[first]
    assert_allclose(a.value[first], b.value[first], rtol=RTOL, atol=ATOL)
    assert a.feature[first] != b.feature[first]
    assert_allclose(_gain(a, first), _gain(b, first), rtol=RTOL)
    assert a.node_count == b.node_count


@pytest.mark.parametrize("criterion", ["entropy"])
@pytest.mark.parametrize("max_leaf_nodes", [3, 10, 50])
def test_best_first_entropy_and_weights_match_sklearn(criterion,
                                                     max_leaf_nodes):
    """Check entropy and integer sample weights on iris, node for node."""
    X, y = load_iris(return_X_y=True)
    weights = np.random.default_rng(0).integers(0, 4, size=len(y))
    params = {"criterion": criterion, "max_leaf_nodes": max_leaf_nodes}
    ours = DecisionTreeClassifier(**params).fit(X, y, sample_weight=weights)
    for seed in SEEDS:
        theirs = sk.DecisionTreeClassifier(random_state=seed, **params)
        theirs.fit(X, y, sample_weight=weights)
        if _first_difference(ours.tree_, theirs.tree_) is None:
            break
    else:
        pytest.fail("no random_state gives scikit-learn our tree")
    _assert_same_nodes(ours, theirs, X)
    assert_array_equal(ours.predict(X), theirs.predict(X))


def test_best_first_ccp_alpha_matches_sklearn():
    """Check that pruning a best-first tree gives scikit-learn's tree."""
    X, y = _regression_with_ties()
    params = {"max_leaf_nodes": 30, "ccp_alpha": 0.05}
    ours = DecisionTreeRegressor(**params).fit(X, y)
    theirs = sk.DecisionTreeRegressor(random_state=0, **params).fit(X, y)
    assert ours.get_n_leaves() < 30
    _assert_same_nodes(ours, theirs, X)
    assert_allclose(ours.predict(X), theirs.predict(X), rtol=RTOL, atol=ATOL)


def test_best_first_with_enough_leaves_is_the_full_tree():
    """Check that a large max_leaf_nodes grows the depth-first tree's nodes
    (numbered in another order)."""
    X, y = load_iris(return_X_y=True)
    best = DecisionTreeClassifier(max_leaf_nodes=1000).fit(X, y)
    depth = DecisionTreeClassifier().fit(X, y)
    assert best.tree_.node_count == depth.tree_.node_count
    assert best.get_depth() == depth.get_depth()
    assert_array_equal(best.predict(X), depth.predict(X))
    assert_allclose(np.sort(best.tree_.impurity),
                    np.sort(depth.tree_.impurity), rtol=RTOL, atol=ATOL)


def test_best_first_max_features_is_seeded():
    """Check that random feature draws come from random_state."""
    X, y = load_breast_cancer(return_X_y=True)
    params = {"max_leaf_nodes": 20, "max_features": "sqrt"}
    a = DecisionTreeClassifier(random_state=3, **params).fit(X, y)
    b = DecisionTreeClassifier(random_state=3, **params).fit(X, y)
    assert_array_equal(a.tree_.feature, b.tree_.feature)
    assert a.get_n_leaves() == 20


def test_heap_pops_equal_improvements_in_libstdcxx_order():
    """Check the heap against std::push_heap/pop_heap's known order."""
    # libstdc++ pops equal keys neither first-in-first-out nor last-in-
    # first-out; this is the order a compiled std::push_heap/pop_heap
    # (g++ 12) gives, as do 300 random push/pop sequences with ties.
    heap = []
    for node, key in enumerate([0.0, 1.0, 1.0, 1.0, 0.5, 1.0]):
        heap_push(heap, Record(key, node, 0, 0, 0, 0, False))
    popped = [heap_pop(heap).node for _ in range(6)]
    assert popped == [1, 2, 5, 3, 4, 0]


@pytest.mark.parametrize("value", [1, 0, 1.5, "x", -3])
def test_max_leaf_nodes_rejects_bad_values(value):
    """Check that max_leaf_nodes must be None or an int >= 2."""
    X, y = load_iris(return_X_y=True)
    for cls in (DecisionTreeClassifier, DecisionTreeRegressor):
        with pytest.raises(ValueError, match=(
            r"The 'max_leaf_nodes' parameter of \w+ must be an int in the "
            rf"range \[2, inf\) or None. Got {value!r} instead.")):
            cls(max_leaf_nodes=value).fit(X, y)


def test_best_first_tree_rejects_bad_input():
    """Check the errors for NaN, inf, feature counts and unfitted use."""
    X, y = load_iris(return_X_y=True)
    tree = DecisionTreeClassifier(max_leaf_nodes=3)
    with pytest.raises(ValueError, match="Input X contains NaN"):
        tree.fit(np.where(X > 7, np.nan, X), y)
    with pytest.raises(ValueError, match="Input X contains infinity"):
        DecisionTreeRegressor(max_leaf_nodes=3).fit(np.where(X > 7, np.inf,
                                                             X), y)
    with pytest.raises(NotFittedError, match="not fitted"):
        tree.predict(X)
    tree.fit(X, y)
    with pytest.raises(ValueError, match="X has 2 features, but "
                       "DecisionTreeClassifier is expecting 4 features"):
        tree.predict(X[:, :2])
    with pytest.raises(ValueError, match="inconsistent numbers of samples"):
        DecisionTreeRegressor(max_leaf_nodes=3).fit(X, y[:-1])


@pytest.mark.parametrize("params", [
    {"min_weight_fraction_leaf": 0.05}, {"min_samples_split": 10},
    {"max_depth": 4, "min_samples_leaf": 3}, {"min_samples_leaf": 0.02},
], ids=str)
def test_best_first_regression_rules_and_weights_match_sklearn(params):
    """Check other stopping rules, with integer weights (some 0)."""
    X, y = _regression_with_ties()
    weights = np.random.default_rng(2).integers(0, 3, size=len(y))
    params = {"max_leaf_nodes": 20, **params}
    ours = DecisionTreeRegressor(**params).fit(X, y, sample_weight=weights)
    theirs = sk.DecisionTreeRegressor(random_state=0, **params)
    theirs.fit(X, y, sample_weight=weights)
    assert _first_difference(ours.tree_, theirs.tree_) is None
    _assert_same_nodes(ours, theirs, X)
    assert_array_equal(ours.tree_.threshold, theirs.tree_.threshold)
    assert_allclose(ours.predict(X), theirs.predict(X), rtol=RTOL, atol=ATOL)


@pytest.mark.parametrize("task", ["classification", "regression"])
def test_best_first_breaks_ties_as_sklearn(task):
    """Check trees full of exact ties, node for node: a repeated pattern on
    one feature gives equal splits and frontier leaves of equal
    improvement, so the proxies' rounding and the heap's order decide.
    (Entropy and squared error score splits in scikit-learn's form; Gini
    does not, see the expected failure below.)"""
    rng = np.random.default_rng(0)
    classification = task == "classification"
    params = {"criterion": "entropy"} if classification else {}
    ours_class = DecisionTreeClassifier if classification else (
        DecisionTreeRegressor)
    sk_class = sk.DecisionTreeClassifier if classification else (
        sk.DecisionTreeRegressor)
    cases = []
    for _ in range(60):
        m, k = int(rng.integers(2, 6)), int(rng.integers(2, 9))
        pattern = rng.integers(0, 2 if classification else 4, size=m)
        cases.append((pattern, k, int(rng.integers(2, 2 * k * m))))
    for pattern, k, max_leaf_nodes in cases:
        y = np.tile(pattern, k)
        X = np.arange(len(y), dtype=float)[:, None]  # one feature: no
        # feature order to guess
        ours = ours_class(max_leaf_nodes=max_leaf_nodes, **params)
        ours.fit(X, y)
        theirs = sk_class(max_leaf_nodes=max_leaf_nodes, random_state=0,
                          **params)
        theirs.fit(X, y)
        assert _first_difference(ours.tree_, theirs.tree_) is None, (
            pattern, k, max_leaf_nodes)
        _assert_same_nodes(ours, theirs, X)
        assert_array_equal(ours.tree_.threshold, theirs.tree_.threshold)


@pytest.mark.xfail(strict=True, reason=(
    "splits equal on paper, rounded apart: scikit-learn scores a Gini split "
    "by -w_R Gini(R) - w_L Gini(L), we by sum c_L^2 / w_L + sum c_R^2 / w_R "
    "(the same order, another rounding). Switching to its form makes this "
    "pass but changes one forest of the random-forests unit (OOB error "
    "0.11 -> 0.107, quoted in its prose), so it waits for that unit."))
def test_best_first_gini_rounding_of_equal_splits():
    """Check a root with two equally good splits (at 1.5 and 21.5) that
    scikit-learn's rounding tells apart."""
    y = np.tile([1, 0, 1, 1], 6)
    X = np.arange(len(y), dtype=float)[:, None]
    ours = DecisionTreeClassifier(max_leaf_nodes=19).fit(X, y)
    theirs = sk.DecisionTreeClassifier(max_leaf_nodes=19, random_state=0)
    theirs.fit(X, y)
    assert _first_difference(ours.tree_, theirs.tree_) is None
