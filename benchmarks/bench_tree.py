"""Decision trees: skratch.tree vs sklearn.tree (fully grown trees, 20 features)."""

from sklearn import tree as sk

from cases import Case, classification_data, fit_pair, predict_pair, regression_data
from skratch import tree as sc

CASES = [
    Case("DecisionTreeClassifier fit", fit_pair(sc.DecisionTreeClassifier(), sk.DecisionTreeClassifier(random_state=0), classification_data),
         sizes=(1_000, 10_000), target=10, notes="fully grown, 2 classes"),
    Case("DecisionTreeRegressor fit", fit_pair(sc.DecisionTreeRegressor(), sk.DecisionTreeRegressor(random_state=0), regression_data),
         sizes=(1_000, 10_000), target=10, notes="fully grown (one leaf per sample)"),
    Case("DecisionTreeClassifier predict", predict_pair(sc.DecisionTreeClassifier(), sk.DecisionTreeClassifier(random_state=0), classification_data),
         sizes=(1_000, 10_000), notes="fitted on as many rows as predicted"),
    Case("DecisionTreeRegressor predict", predict_pair(sc.DecisionTreeRegressor(), sk.DecisionTreeRegressor(random_state=0), regression_data),
         sizes=(1_000, 10_000), notes="fully grown, depth about 25 at 10,000"),
    Case("DecisionTreeClassifier fit ccp_alpha", fit_pair(sc.DecisionTreeClassifier(ccp_alpha=0.001), sk.DecisionTreeClassifier(ccp_alpha=0.001, random_state=0), classification_data),
         sizes=(1_000, 10_000), notes="grown fully, then pruned"),
    Case("DecisionTreeRegressor fit ccp_alpha", fit_pair(sc.DecisionTreeRegressor(ccp_alpha=0.01), sk.DecisionTreeRegressor(ccp_alpha=0.01, random_state=0), regression_data),
         sizes=(1_000, 10_000), notes="grown fully, then pruned"),
    Case("DecisionTreeClassifier fit max_leaf_nodes", fit_pair(sc.DecisionTreeClassifier(max_leaf_nodes=50), sk.DecisionTreeClassifier(max_leaf_nodes=50, random_state=0), classification_data),
         sizes=(1_000, 10_000), notes="best first, 50 leaves, 2 classes"),
    Case("DecisionTreeRegressor fit max_leaf_nodes", fit_pair(sc.DecisionTreeRegressor(max_leaf_nodes=50), sk.DecisionTreeRegressor(max_leaf_nodes=50, random_state=0), regression_data),
         sizes=(1_000, 10_000), notes="best first, 50 leaves"),
    Case("DecisionTreeClassifier fit class_weight", fit_pair(sc.DecisionTreeClassifier(class_weight="balanced"), sk.DecisionTreeClassifier(class_weight="balanced", random_state=0), classification_data),
         sizes=(1_000, 10_000), notes="fully grown, balanced class weights"),
]
