"""Isotonic regression: the best monotonic fit, by pool-adjacent-violators."""

from ._isotonic import IsotonicRegression, check_increasing, isotonic_regression

__all__ = ["IsotonicRegression", "check_increasing", "isotonic_regression"]
