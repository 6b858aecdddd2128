"""Support vector machines: skratch.svm vs sklearn.svm (fit and predict times, 20 features)."""

from sklearn import svm as sk

from cases import Case, classification_data, fit_pair, predict_pair
from skratch import svm as sc


def three_classes(n_samples, seed=0):
    return classification_data(n_samples, n_classes=3, seed=seed)


CASES = [
    Case("SVC fit", fit_pair(sc.SVC(), sk.SVC(), classification_data),
         sizes=(500, 2_000), target=10.0, notes="rbf, C=1, gamma='scale', 2 classes"),
    Case("SVC fit (3 classes, one-vs-one)", fit_pair(sc.SVC(), sk.SVC(), three_classes),
         sizes=(500, 2_000), notes="rbf, C=1"),
    Case("SVC predict", predict_pair(sc.SVC(), sk.SVC(), classification_data),
         sizes=(500, 2_000), notes="rbf, fitted and predicting n rows"),
    Case("LinearSVC fit",
         fit_pair(sc.LinearSVC(random_state=0), sk.LinearSVC(dual=True, random_state=0),
                  classification_data),
         sizes=(500, 2_000), repeat=1,
         notes="squared hinge, dual coordinate descent on both sides"),
]
