"""Probability calibration: reliability curves, and Platt or isotonic calibration."""

from ._calibration import CalibratedClassifierCV, calibration_curve

__all__ = ["CalibratedClassifierCV", "calibration_curve"]
