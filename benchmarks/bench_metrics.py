"""Metrics: skratch.metrics vs sklearn.metrics (binary labels and scores)."""

import numpy as np
from sklearn import metrics as sk

from skratch import metrics as sc
from cases import Case


def _binary(n_samples, seed=0):
    rng = np.random.default_rng(seed)
    y_true = rng.integers(2, size=n_samples)
    score = np.clip(0.3 * y_true + 0.7 * rng.random(n_samples), 0, 1)
    return y_true, score


def _multiclass(n_samples, seed=0):
    rng = np.random.default_rng(seed)
    y_true = rng.integers(5, size=n_samples)
    y_pred = np.where(rng.random(n_samples) < 0.6, y_true, rng.integers(5, size=n_samples))
    return y_true, y_pred


def _metric_pair(name, data, **kwargs):
    def setup(n_samples):
        a, b = data(n_samples)
        return (lambda: getattr(sc, name)(a, b, **kwargs)), (lambda: getattr(sk, name)(a, b, **kwargs))
    return setup


def _ap_multiclass(n_samples, seed=0):
    rng = np.random.default_rng(seed)
    y_true = rng.integers(3, size=n_samples)
    logits = rng.normal(size=(n_samples, 3)) + np.eye(3)[y_true]
    return y_true, np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)


def _weighted_curve_setup(n_samples):
    y_true, score = _binary(n_samples)
    w = np.random.default_rng(1).random(n_samples)
    return ((lambda: sc.precision_recall_curve(y_true, score, sample_weight=w)),
            (lambda: sk.precision_recall_curve(y_true, score, sample_weight=w)))


def _log_loss_setup(n_samples):
    y_true, score = _binary(n_samples)
    proba = np.column_stack([1 - score, score])
    return (lambda: sc.log_loss(y_true, proba)), (lambda: sk.log_loss(y_true, proba))


def _silhouette_setup(n_samples):
    rng = np.random.default_rng(0)
    labels = rng.integers(4, size=n_samples)
    X = rng.normal(size=(n_samples, 10)) + 3.0 * np.eye(10)[labels]
    return ((lambda: sc.silhouette_score(X, labels)),
            (lambda: sk.silhouette_score(X, labels)))


CASES = [
    Case("roc_auc_score", _metric_pair("roc_auc_score", _binary), target=1.5,
         notes="binary, continuous scores"),
    Case("f1_score macro", _metric_pair("f1_score", _multiclass, average="macro"), target=1.5,
         notes="5 classes"),
    Case("confusion_matrix", _metric_pair("confusion_matrix", _multiclass), target=1.5,
         notes="5 classes"),
    Case("log_loss", _log_loss_setup, target=1.5, notes="binary, (n, 2) probabilities"),
    Case("precision_recall_curve", _metric_pair("precision_recall_curve", _binary),
         target=1.5, notes="binary, continuous scores"),
    Case("precision_recall_curve drop", _metric_pair(
        "precision_recall_curve", _binary, drop_intermediate=True), target=1.5,
         sizes=(1_000, 1_000_000), notes="drop_intermediate=True, two sizes"),
    Case("precision_recall_curve weighted", _weighted_curve_setup, target=1.5,
         notes="binary, sample_weight"),
    Case("average_precision_score", _metric_pair("average_precision_score", _binary),
         target=1.5, notes="binary, continuous scores"),
    Case("average_precision_score ovr", _metric_pair(
        "average_precision_score", _ap_multiclass), target=1.5,
         notes="3 classes, one-vs-rest, macro"),
    Case("balanced_accuracy_score", _metric_pair("balanced_accuracy_score", _multiclass),
         target=1.5, notes="5 classes"),
    Case("fbeta_score macro", _metric_pair("fbeta_score", _multiclass, beta=2,
                                           average="macro"), target=1.5,
         notes="5 classes, beta=2"),
    Case("classification_report", _metric_pair("classification_report", _multiclass),
         target=1.5, notes="5 classes, text"),
    Case("classification_report dict", _metric_pair(
        "classification_report", _multiclass, output_dict=True), target=1.5,
         notes="5 classes, output_dict=True"),
    Case("silhouette_score", _silhouette_setup, target=1.5, sizes=(1_000, 10_000),
         notes="4 clusters, 10 features, euclidean, all pairs"),
]
