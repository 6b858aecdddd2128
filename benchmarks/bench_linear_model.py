"""Linear models: skratch.linear_model vs sklearn.linear_model (fit times, 20 features)."""

import numpy as np
from sklearn import linear_model as sk

from cases import Case, classification_data, fit_pair, regression_data
from skratch import linear_model as sc


def multiclass_data(n_samples, seed=0):
    return classification_data(n_samples, n_classes=3, seed=seed)


def weighted_fit_pair(ours, theirs, data):
    """Like ``fit_pair``, with seeded sample weights in [0.1, 3] passed to both fits."""
    def setup(n_samples):
        X, y = data(n_samples)
        sw = np.random.default_rng(1).uniform(0.1, 3.0, size=n_samples)
        return (lambda: ours.fit(X, y, sample_weight=sw)), (
            lambda: theirs.fit(X, y, sample_weight=sw))
    return setup


CASES = [
    Case("LinearRegression fit", fit_pair(sc.LinearRegression(), sk.LinearRegression(), regression_data),
         target=1.5),
    Case("Ridge fit", fit_pair(sc.Ridge(), sk.Ridge(), regression_data), target=1.5),
    Case("Lasso fit", fit_pair(sc.Lasso(alpha=0.01), sk.Lasso(alpha=0.01), regression_data),
         target=3, notes="alpha=0.01, residual form as scikit-learn's default"),
    Case("Lasso fit (precompute)",
         fit_pair(sc.Lasso(alpha=0.01, precompute=True), sk.Lasso(alpha=0.01, precompute=True),
                  regression_data),
         target=3, notes="alpha=0.01, Gram form on both sides"),
    Case("ElasticNet fit", fit_pair(sc.ElasticNet(alpha=0.01), sk.ElasticNet(alpha=0.01), regression_data),
         target=3, notes="alpha=0.01, l1_ratio=0.5"),
    Case("LogisticRegression fit (binary)",
         fit_pair(sc.LogisticRegression(), sk.LogisticRegression(), classification_data), target=3),
    Case("LogisticRegression fit (3 classes)",
         fit_pair(sc.LogisticRegression(), sk.LogisticRegression(), multiclass_data), target=3),
    Case("LogisticRegression fit (weighted, 3 classes)",
         weighted_fit_pair(sc.LogisticRegression(class_weight="balanced"),
                           sk.LogisticRegression(class_weight="balanced"), multiclass_data),
         target=3, notes="sample_weight and class_weight='balanced'"),
    Case("Ridge fit (weighted)", weighted_fit_pair(sc.Ridge(), sk.Ridge(), regression_data),
         target=1.5, notes="sample_weight: rows scaled by sqrt(weight)"),
    # Online algorithms: a Python loop over samples against a Cython one. Fixed budget
    # of 5 epochs on both sides (tol=None), so both do the same number of updates.
    Case("SGDRegressor fit", fit_pair(sc.SGDRegressor(max_iter=5, tol=None, random_state=0),
                                      sk.SGDRegressor(max_iter=5, tol=None, random_state=0),
                                      regression_data),
         notes="5 epochs, batch_size=1", repeat=1),
    Case("SGDRegressor fit (batch_size=64)",
         fit_pair(sc.SGDRegressor(max_iter=5, tol=None, batch_size=64, random_state=0),
                  sk.SGDRegressor(max_iter=5, tol=None, random_state=0), regression_data),
         notes="5 epochs; reference uses batch_size=1 (its only option)"),
    Case("Perceptron fit", fit_pair(sc.Perceptron(max_iter=5, tol=None), sk.Perceptron(max_iter=5, tol=None),
                                    multiclass_data),
         notes="5 epochs, 3 classes", repeat=1),
    Case("HuberRegressor fit", fit_pair(sc.HuberRegressor(), sk.HuberRegressor(), regression_data),
         target=1.5, notes="same L-BFGS-B (SciPy) on both sides; our objective is vectorised"),
    Case("SGDClassifier fit", fit_pair(sc.SGDClassifier(max_iter=5, tol=None, random_state=0),
                                       sk.SGDClassifier(max_iter=5, tol=None, random_state=0),
                                       classification_data),
         notes="5 epochs, hinge, binary", repeat=1),
    Case("SGDClassifier fit (log_loss, 3 classes)",
         fit_pair(sc.SGDClassifier(loss="log_loss", max_iter=5, tol=None, random_state=0),
                  sk.SGDClassifier(loss="log_loss", max_iter=5, tol=None, random_state=0),
                  multiclass_data),
         notes="5 epochs, one-vs-all", repeat=1),
]
