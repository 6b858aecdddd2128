"""Neural networks with the scikit-learn interface: MLPClassifier and MLPRegressor."""

from ._multilayer_perceptron import MLPClassifier, MLPRegressor

__all__ = ["MLPClassifier", "MLPRegressor"]
