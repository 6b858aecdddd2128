"""Naive Bayes: skratch.naive_bayes vs sklearn.naive_bayes (fit and predict times)."""

import numpy as np
from sklearn import naive_bayes as sk

from cases import Case, classification_data, fit_pair, predict_pair
from skratch import naive_bayes as sc


def count_data(n_samples, n_features=20, seed=0):
    """Poisson counts whose rates depend on the class (3 classes)."""
    rng = np.random.default_rng(seed)
    y = rng.integers(3, size=n_samples)
    rates = np.random.default_rng(0).gamma(1.0, 2.0, size=(3, n_features))
    return rng.poisson(rates[y]).astype(float), y


def three_classes(n_samples, seed=0):
    return classification_data(n_samples, n_classes=3, seed=seed)


CASES = [
    Case("GaussianNB fit", fit_pair(sc.GaussianNB(), sk.GaussianNB(), three_classes),
         sizes=(10_000, 100_000), notes="n x 20, 3 classes"),
    Case("GaussianNB predict_proba",
         predict_pair(sc.GaussianNB(), sk.GaussianNB(), three_classes),
         sizes=(10_000, 100_000), notes="n x 20, 3 classes"),
    Case("MultinomialNB fit", fit_pair(sc.MultinomialNB(), sk.MultinomialNB(), count_data),
         sizes=(10_000, 100_000), notes="Poisson counts n x 20, 3 classes"),
    Case("MultinomialNB predict_proba",
         predict_pair(sc.MultinomialNB(), sk.MultinomialNB(), count_data),
         sizes=(10_000, 100_000), notes="Poisson counts n x 20, 3 classes"),
]
