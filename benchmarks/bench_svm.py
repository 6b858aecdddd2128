"""Support vector machines: skratch.svm vs sklearn.svm (fit and predict times, 20 features)."""

import numpy as np
from sklearn import svm as sk

from cases import Case, classification_data, fit_pair, predict_pair
from skratch import svm as sc


def three_classes(n_samples, seed=0):
    return classification_data(n_samples, n_classes=3, seed=seed)


def imbalanced(n_samples, seed=0):
    # Three classes in proportions 70 / 20 / 10 %, blobs that overlap a little.
    rng = np.random.default_rng(seed)
    centres = rng.normal(scale=1.5, size=(3, 20))
    y = rng.choice(3, size=n_samples, p=[0.7, 0.2, 0.1])
    return centres[y] + rng.normal(size=(n_samples, 20)), y


def predict_proba_pair(ours, theirs, data):
    """A ``setup`` that fits both once, then times ``predict_proba`` on n new rows."""
    def setup(n_samples):
        X, y = data(n_samples)
        X_new, _ = data(n_samples, seed=1)
        ours.fit(X, y), theirs.fit(X, y)
        return (lambda: ours.predict_proba(X_new)), (lambda: theirs.predict_proba(X_new))
    return setup


CASES = [
    Case("SVC fit", fit_pair(sc.SVC(), sk.SVC(), classification_data),
         sizes=(500, 2_000), target=10.0, notes="rbf, C=1, gamma='scale', 2 classes"),
    Case("SVC fit (3 classes, one-vs-one)", fit_pair(sc.SVC(), sk.SVC(), three_classes),
         sizes=(500, 2_000), notes="rbf, C=1"),
    Case("SVC fit (class_weight='balanced')",
         fit_pair(sc.SVC(class_weight="balanced"), sk.SVC(class_weight="balanced"),
                  imbalanced),
         sizes=(500, 2_000), notes="rbf, 3 classes 70/20/10 %"),
    Case("SVC fit (probability=True)",
         fit_pair(sc.SVC(probability=True, random_state=0),
                  sk.SVC(probability=True, random_state=0), classification_data),
         sizes=(500, 2_000), repeat=1,
         notes="rbf, 2 classes; Platt on 5-fold CV: 6 SMO runs"),
    Case("SVC predict_proba (3 classes)",
         predict_proba_pair(sc.SVC(probability=True, random_state=0),
                            sk.SVC(probability=True, random_state=0), three_classes),
         sizes=(500, 2_000), notes="rbf, sigmoids + pairwise coupling"),
    Case("SVC predict", predict_pair(sc.SVC(), sk.SVC(), classification_data),
         sizes=(500, 2_000), notes="rbf, fitted and predicting n rows"),
    Case("LinearSVC fit",
         fit_pair(sc.LinearSVC(random_state=0), sk.LinearSVC(dual=True, random_state=0),
                  classification_data),
         sizes=(500, 2_000), repeat=1,
         notes="squared hinge, dual coordinate descent on both sides"),
]
