"""Calibration: skratch.calibration vs sklearn.calibration (curve, calibrated fits)."""

import numpy as np
from sklearn import calibration as sk
from sklearn import naive_bayes as sk_nb

from cases import Case, classification_data, fit_pair
from skratch import calibration as sc
from skratch import naive_bayes as sc_nb


def _curve_setup(strategy):
    def setup(n_samples):
        rng = np.random.default_rng(0)
        p = rng.uniform(size=n_samples)
        y = (rng.uniform(size=n_samples) < p).astype(int)
        return (lambda: sc.calibration_curve(y, p, n_bins=10, strategy=strategy)), (
            lambda: sk.calibration_curve(y, p, n_bins=10, strategy=strategy))
    return setup


def three_classes(n_samples, seed=0):
    return classification_data(n_samples, n_classes=3, seed=seed)


CASES = [
    Case("calibration_curve uniform", _curve_setup("uniform"),
         sizes=(10_000, 1_000_000), notes="10 bins"),
    Case("calibration_curve quantile", _curve_setup("quantile"),
         sizes=(10_000, 1_000_000), notes="10 bins"),
    Case("CalibratedClassifierCV sigmoid fit",
         fit_pair(sc.CalibratedClassifierCV(sc_nb.GaussianNB()),
                  sk.CalibratedClassifierCV(sk_nb.GaussianNB()), three_classes),
         sizes=(1_000, 20_000), notes="GaussianNB, 5 folds, n x 20, 3 classes"),
    Case("CalibratedClassifierCV isotonic fit",
         fit_pair(sc.CalibratedClassifierCV(sc_nb.GaussianNB(), method="isotonic"),
                  sk.CalibratedClassifierCV(sk_nb.GaussianNB(), method="isotonic"),
                  three_classes),
         sizes=(1_000, 20_000), notes="GaussianNB, 5 folds, n x 20, 3 classes"),
]
