"""Optimisers for the Tensor engine: SGD, RMSprop, Adam, AdamW, learning-rate schedules.

Read more in the book: Optimisers
<https://skratch-ml.github.io/skratch/book/neural-networks/optimisers.html>
"""

from ._optimizers import SGD, Adam, AdamW, Optimizer, RMSprop
from ._schedulers import CosineAnnealingLR, ExponentialLR, LRScheduler, StepLR

__all__ = [
    "SGD",
    "Adam",
    "AdamW",
    "CosineAnnealingLR",
    "ExponentialLR",
    "LRScheduler",
    "Optimizer",
    "RMSprop",
    "StepLR",
]
