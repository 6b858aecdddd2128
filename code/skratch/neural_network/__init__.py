"""Neural networks with the scikit-learn interface: MLPClassifier and MLPRegressor."""

__all__ = []
