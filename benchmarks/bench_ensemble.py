"""Ensembles: skratch.ensemble vs sklearn.ensemble (20 features, both single-threaded)."""

from sklearn import ensemble as sk

from cases import Case, classification_data, fit_pair, predict_pair, regression_data
from skratch import ensemble as sc

CASES = [
    Case("RandomForestClassifier(100) fit", fit_pair(sc.RandomForestClassifier(random_state=0), sk.RandomForestClassifier(random_state=0), classification_data),
         sizes=(1_000, 10_000), target=10, repeat=1, notes="100 fully grown trees, max_features='sqrt'"),
    Case("RandomForestClassifier(100, class_weight='balanced_subsample') fit",
         fit_pair(sc.RandomForestClassifier(class_weight="balanced_subsample", random_state=0),
                  sk.RandomForestClassifier(class_weight="balanced_subsample", random_state=0),
                  classification_data),
         sizes=(1_000,), repeat=1, notes="class weights recomputed on each bootstrap"),
    Case("RandomForestClassifier(100) predict", predict_pair(sc.RandomForestClassifier(random_state=0), sk.RandomForestClassifier(random_state=0), classification_data),
         sizes=(1_000, 10_000), repeat=1, notes="predict_proba averaged over 100 trees"),
    Case("GradientBoostingRegressor fit", fit_pair(sc.GradientBoostingRegressor(random_state=0), sk.GradientBoostingRegressor(random_state=0), regression_data),
         sizes=(1_000, 10_000), repeat=1, notes="100 trees of depth 3"),
    Case("AdaBoostClassifier fit", fit_pair(sc.AdaBoostClassifier(random_state=0), sk.AdaBoostClassifier(random_state=0), classification_data),
         sizes=(1_000, 10_000), repeat=1, notes="50 stumps"),
]
