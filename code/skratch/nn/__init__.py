"""Neural-network building blocks on the Tensor engine: modules, layers, losses, initialisers.

The names and behaviour follow PyTorch's ``torch.nn`` (``Module``, ``Linear``,
``Sequential``, ``functional``, ``init``), so that a network written here reads the same
there, and the tests compare the numbers with PyTorch's.

Read more in the book: The multilayer perceptron
<https://skratch-ml.github.io/skratch/book/neural-networks/multilayer-perceptron.html>
"""

from . import functional, init
from ._activations import GELU, Identity, LogSoftmax, ReLU, Sigmoid, Softmax, Tanh
from ._layers import BatchNorm1d, Dropout, Embedding, Flatten, LayerNorm, Linear, Sequential
from ._losses import (
    BCELoss,
    BCEWithLogitsLoss,
    CrossEntropyLoss,
    MSELoss,
    binary_cross_entropy,
    binary_cross_entropy_with_logits,
    cross_entropy,
    mse_loss,
    nll_loss,
)
from ._module import Module, Parameter

__all__ = [
    "BCELoss",
    "BCEWithLogitsLoss",
    "BatchNorm1d",
    "CrossEntropyLoss",
    "Dropout",
    "Embedding",
    "Flatten",
    "GELU",
    "Identity",
    "LayerNorm",
    "Linear",
    "LogSoftmax",
    "MSELoss",
    "Module",
    "Parameter",
    "ReLU",
    "Sequential",
    "Sigmoid",
    "Softmax",
    "Tanh",
    "binary_cross_entropy",
    "binary_cross_entropy_with_logits",
    "cross_entropy",
    "functional",
    "init",
    "mse_loss",
    "nll_loss",
]
