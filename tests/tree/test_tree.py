"""Tests for DecisionTreeClassifier and DecisionTreeRegressor, compared against
sklearn.tree.DecisionTreeClassifier and sklearn.tree.DecisionTreeRegressor."""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal
from sklearn import tree as sk
from sklearn.datasets import load_breast_cancer, load_diabetes, load_iris, load_wine
from sklearn.model_selection import train_test_split

from skratch.exceptions import NotFittedError
from skratch.tree import DecisionTreeClassifier, DecisionTreeRegressor

# scikit-learn casts X to float32 before growing its tree, so its thresholds are
# midpoints of float32 values; ours are float64 midpoints. They differ in the 7th-8th
# significant digit.
THRESHOLD_RTOL = 1e-6
# Impurities, node values and importances come from the same sums in another order.
RTOL = 1e-8
ATOL = 1e-12
# scikit-learn visits the features in a random order (even with max_features=None), so
# on an exact tie between two features its choice depends on random_state. We look for
# a random_state among these whose tree is ours, node for node (or, failing that, one
# that splits every node into the same samples: a tie broken by another feature).
SEEDS = range(40)

CLASSIFICATION = {
    "iris": lambda: load_iris(return_X_y=True),
    "wine": lambda: load_wine(return_X_y=True),
    "breast_cancer": lambda: load_breast_cancer(return_X_y=True),
}


def _same_nodes(ours, theirs, X):
    # Same shape and the same samples in every node: the trees partition the training
    # set identically, even where an exact tie made them test different features.
    a, b = ours.tree_, theirs.tree_
    return (
        a.node_count == b.node_count
        and np.array_equal(a.children_left, b.children_left)
        and np.array_equal(a.children_right, b.children_right)
        and np.array_equal(a.n_node_samples, b.n_node_samples)
        and np.allclose(a.value, b.value, rtol=RTOL, atol=ATOL)
        and np.array_equal(ours.apply(X), theirs.apply(X))
    )


def _matching_sklearn_tree(ours, sk_class, X, y, sample_weight=None, **params):
    """The scikit-learn tree (over SEEDS) with our nodes: the same features if one has
    them, else the same partition of the samples (exact ties broken another way)."""
    same_partition = None
    for seed in SEEDS:
        theirs = sk_class(random_state=seed, **params).fit(X, y, sample_weight=sample_weight)
        if _same_nodes(ours, theirs, X):
            if np.array_equal(theirs.tree_.feature, ours.tree_.feature):
                return theirs
            same_partition = same_partition or theirs
    return same_partition


def _assert_same_tree(ours, theirs, X):
    t_ours, t_theirs = ours.tree_, theirs.tree_
    same_feature = t_ours.feature == t_theirs.feature
    # Different features only where both are exact ties, which are rare.
    assert same_feature.mean() >= 0.9
    assert t_ours.max_depth == t_theirs.max_depth
    assert_allclose(
        t_ours.threshold[same_feature], t_theirs.threshold[same_feature], rtol=THRESHOLD_RTOL
    )
    assert_allclose(t_ours.weighted_n_node_samples, t_theirs.weighted_n_node_samples, rtol=RTOL)
    assert_allclose(t_ours.impurity, t_theirs.impurity, rtol=RTOL, atol=ATOL)
    if same_feature.all():
        assert_allclose(
            ours.feature_importances_, theirs.feature_importances_, rtol=RTOL, atol=1e-8
        )
    assert_allclose(ours.predict(X), theirs.predict(X), rtol=RTOL, atol=ATOL)
    assert_array_equal(ours.apply(X), theirs.apply(X))


# Below depth 3, breast_cancer's nodes split off single samples that several features
# isolate equally well (different samples, the same score): no random_state of
# scikit-learn's then makes the same choices as ours in every node.
DEPTHS = [
    ("iris", 1), ("iris", 3), ("iris", 5), ("wine", 1), ("wine", 3), ("wine", 5),
    ("breast_cancer", 1), ("breast_cancer", 2), ("breast_cancer", 3),
]


@pytest.mark.parametrize("criterion", ["gini", "entropy"])
@pytest.mark.parametrize("dataset, max_depth", DEPTHS)
def test_decision_tree_classifier_matches_sklearn(dataset, max_depth, criterion):
    """Check that a depth-limited tree is scikit-learn's, node for node."""
    X, y = CLASSIFICATION[dataset]()
    ours = DecisionTreeClassifier(criterion=criterion, max_depth=max_depth).fit(X, y)
    theirs = _matching_sklearn_tree(
        ours, sk.DecisionTreeClassifier, X, y, criterion=criterion, max_depth=max_depth
    )
    assert theirs is not None, "no random_state gives scikit-learn our tree"
    _assert_same_tree(ours, theirs, X)
    assert_allclose(ours.predict_proba(X), theirs.predict_proba(X), rtol=RTOL, atol=ATOL)


@pytest.mark.parametrize("max_depth", [1, 3, 5])
def test_decision_tree_regressor_matches_sklearn(max_depth):
    """Check that a depth-limited regression tree on diabetes is scikit-learn's."""
    X, y = load_diabetes(return_X_y=True)
    ours = DecisionTreeRegressor(max_depth=max_depth).fit(X, y)
    theirs = _matching_sklearn_tree(ours, sk.DecisionTreeRegressor, X, y, max_depth=max_depth)
    assert theirs is not None, "no random_state gives scikit-learn our tree"
    _assert_same_tree(ours, theirs, X)


@pytest.mark.parametrize(
    "params",
    [
        {"min_samples_leaf": 5},
        {"min_samples_leaf": 0.05},
        {"min_samples_split": 30},
        {"min_samples_split": 0.2},
        {"min_weight_fraction_leaf": 0.05},
        {"min_impurity_decrease": 0.01},
    ],
    ids=str,
)
@pytest.mark.parametrize("dataset", ["wine", "diabetes"])
def test_decision_tree_stopping_rules_match_sklearn(dataset, params):
    """Check that each stopping rule grows scikit-learn's tree (no max_depth)."""
    if dataset == "diabetes":
        X, y = load_diabetes(return_X_y=True)
        ours_class, sk_class = DecisionTreeRegressor, sk.DecisionTreeRegressor
        if "min_impurity_decrease" in params:
            params = {"min_impurity_decrease": 30.0}  # on the scale of y's variance
    else:
        X, y = load_wine(return_X_y=True)
        ours_class, sk_class = DecisionTreeClassifier, sk.DecisionTreeClassifier
    ours = ours_class(**params).fit(X, y)
    theirs = _matching_sklearn_tree(ours, sk_class, X, y, **params)
    assert theirs is not None, "no random_state gives scikit-learn our tree"
    _assert_same_tree(ours, theirs, X)


@pytest.mark.parametrize("dataset", ["wine", "diabetes"])
def test_decision_tree_sample_weight_matches_sklearn(dataset):
    """Check that sample weights (some zero) grow scikit-learn's weighted tree."""
    rng = np.random.default_rng(0)
    if dataset == "diabetes":
        X, y = load_diabetes(return_X_y=True)
        ours_class, sk_class = DecisionTreeRegressor, sk.DecisionTreeRegressor
    else:
        X, y = load_wine(return_X_y=True)
        ours_class, sk_class = DecisionTreeClassifier, sk.DecisionTreeClassifier
    weights = rng.integers(0, 4, size=len(y)).astype(float)
    ours = ours_class(max_depth=4).fit(X, y, sample_weight=weights)
    theirs = _matching_sklearn_tree(ours, sk_class, X, y, sample_weight=weights, max_depth=4)
    assert theirs is not None, "no random_state gives scikit-learn our tree"
    _assert_same_tree(ours, theirs, X)


def test_decision_tree_sample_weight_counts_as_repetition():
    """Check that an integer weight grows the same tree as repeating the sample."""
    X, y = load_wine(return_X_y=True)
    weights = np.random.default_rng(1).integers(0, 3, size=len(y))
    weighted = DecisionTreeClassifier(max_depth=4).fit(X, y, sample_weight=weights)
    repeated = DecisionTreeClassifier(max_depth=4).fit(
        np.repeat(X, weights, axis=0), np.repeat(y, weights)
    )
    assert_array_equal(weighted.tree_.feature, repeated.tree_.feature)
    assert_allclose(weighted.tree_.threshold, repeated.tree_.threshold)
    assert_allclose(weighted.predict_proba(X), repeated.predict_proba(X))


@pytest.mark.parametrize("dataset", ["iris", "wine", "breast_cancer", "diabetes"])
def test_decision_tree_fully_grown_matches_sklearn(dataset):
    """Check that fully grown trees fit the training set as scikit-learn's do and agree
    on held-out data (exact ties deep in the tree are broken differently)."""
    if dataset == "diabetes":
        X, y = load_diabetes(return_X_y=True)
        ours_class, sk_class = DecisionTreeRegressor, sk.DecisionTreeRegressor
    else:
        X, y = CLASSIFICATION[dataset]()
        ours_class, sk_class = DecisionTreeClassifier, sk.DecisionTreeClassifier
    X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
    ours = ours_class().fit(X_train, y_train)
    theirs = sk_class(random_state=0).fit(X_train, y_train)
    assert_allclose(ours.predict(X_train), theirs.predict(X_train), rtol=RTOL)
    assert ours.get_depth() == theirs.get_depth()
    assert ours.get_n_leaves() == theirs.get_n_leaves()
    if dataset == "diabetes":
        # Held-out R^2 of a fully grown tree is noisy (about 0); compare it loosely.
        assert abs(ours.score(X_test, y_test) - theirs.score(X_test, y_test)) < 0.25
    else:
        agreement = np.mean(ours.predict(X_test) == theirs.predict(X_test))
        assert agreement >= 0.9


def test_decision_tree_fully_grown_iris_is_sklearn_tree():
    """Check that the fully grown iris tree is scikit-learn's for some random_state."""
    X, y = load_iris(return_X_y=True)
    ours = DecisionTreeClassifier().fit(X, y)
    theirs = _matching_sklearn_tree(ours, sk.DecisionTreeClassifier, X, y)
    assert theirs is not None, "no random_state gives scikit-learn our tree"
    _assert_same_tree(ours, theirs, X)


def test_decision_tree_max_features_is_seeded_and_accurate():
    """Check that max_features draws come from random_state, and that randomised trees
    are about as accurate as scikit-learn's (mean over seeds, margin 0.05)."""
    X, y = load_breast_cancer(return_X_y=True)
    X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
    first = DecisionTreeClassifier(max_features="sqrt", random_state=3).fit(X_train, y_train)
    again = DecisionTreeClassifier(max_features="sqrt", random_state=3).fit(X_train, y_train)
    assert_array_equal(first.tree_.feature, again.tree_.feature)
    ours = [
        DecisionTreeClassifier(max_features=5, random_state=s).fit(X_train, y_train).score(X_test, y_test)
        for s in range(10)
    ]
    theirs = [
        sk.DecisionTreeClassifier(max_features=5, random_state=s).fit(X_train, y_train).score(X_test, y_test)
        for s in range(10)
    ]
    assert abs(np.mean(ours) - np.mean(theirs)) < 0.05


@pytest.mark.parametrize("max_features, expected", [("sqrt", 5), ("log2", 4), (0.5, 15), (7, 7), (None, 30)])
def test_decision_tree_max_features_resolved_as_sklearn(max_features, expected):
    """Check that max_features_ is resolved as scikit-learn resolves it."""
    X, y = load_breast_cancer(return_X_y=True)
    ours = DecisionTreeClassifier(max_features=max_features, max_depth=1, random_state=0).fit(X, y)
    theirs = sk.DecisionTreeClassifier(max_features=max_features, max_depth=1).fit(X, y)
    assert ours.max_features_ == theirs.max_features_ == expected


def test_decision_tree_string_labels_and_proba():
    """Check that string labels come back as labels and probabilities sum to one."""
    X, y = load_iris(return_X_y=True)
    names = np.array(["setosa", "versicolor", "virginica"])[y]
    clf = DecisionTreeClassifier(max_depth=2).fit(X, names)
    assert_array_equal(clf.classes_, ["setosa", "versicolor", "virginica"])
    assert set(clf.predict(X)) <= set(clf.classes_)
    assert_allclose(clf.predict_proba(X).sum(axis=1), 1.0)
    assert_allclose(np.exp(clf.predict_log_proba(X)), clf.predict_proba(X))


def test_decision_tree_decision_path_ends_at_apply():
    """Check that each sample's decision path starts at the root and ends at its leaf."""
    X, y = load_wine(return_X_y=True)
    clf = DecisionTreeClassifier(max_depth=4).fit(X, y)
    path = clf.decision_path(X)
    leaves = clf.apply(X)
    assert path[:, 0].all()
    assert path[np.arange(len(X)), leaves].all()
    assert_array_equal(path.sum(axis=1) - 1, [len(np.flatnonzero(p)) - 1 for p in path])
    assert (clf.tree_.children_left[leaves] == -1).all()


def test_decision_tree_pure_node_and_constant_features_are_leaves():
    """Check that a pure target or constant X gives a single-leaf tree."""
    X = np.ones((10, 3))
    y = np.arange(10) % 2
    assert DecisionTreeClassifier().fit(X, y).tree_.node_count == 1
    X = np.random.default_rng(0).normal(size=(10, 3))
    assert DecisionTreeRegressor().fit(X, np.full(10, 2.5)).tree_.node_count == 1


@pytest.mark.parametrize(
    "params, match",
    [
        ({"criterion": "mse"}, "criterion"),
        ({"max_depth": 0}, "max_depth"),
        ({"min_samples_split": 1.5}, "min_samples_split"),
        ({"min_samples_leaf": 0}, "min_samples_leaf"),
        ({"max_features": "auto"}, "max_features"),
        ({"min_impurity_decrease": -1.0}, "min_impurity_decrease"),
        ({"random_state": "seed"}, "random_state"),
    ],
)
def test_decision_tree_rejects_bad_parameters(params, match):
    """Check that invalid parameters raise a ValueError naming the parameter."""
    X, y = load_iris(return_X_y=True)
    with pytest.raises(ValueError, match=match):
        DecisionTreeClassifier(**params).fit(X, y)


def test_decision_tree_rejects_bad_input():
    """Check the errors for bad data, bad weights, unfitted use and feature counts."""
    X, y = load_iris(return_X_y=True)
    with pytest.raises(ValueError, match="max_features must be in"):
        DecisionTreeClassifier(max_features=5).fit(X, y)
    with pytest.raises(ValueError, match="NaN"):
        DecisionTreeClassifier().fit(np.where(X > 7, np.nan, X), y)
    with pytest.raises(ValueError, match="Unknown label type: continuous"):
        DecisionTreeClassifier().fit(X, y + 0.5)
    with pytest.raises(ValueError, match="Negative values in data passed to `sample_weight`"):
        DecisionTreeClassifier().fit(X, y, sample_weight=-np.ones(len(y)))
    with pytest.raises(ValueError, match="inconsistent numbers of samples"):
        DecisionTreeRegressor().fit(X, y[:-1])
    with pytest.raises(NotFittedError, match="not fitted"):
        DecisionTreeRegressor().predict(X)
    with pytest.raises(NotFittedError, match="not fitted"):
        DecisionTreeClassifier().predict(X)
    clf = DecisionTreeClassifier(max_depth=2).fit(X, y)
    with pytest.raises(ValueError, match="X has 3 features, but DecisionTreeClassifier"):
        clf.predict(X[:, :3])
