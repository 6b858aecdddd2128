"""Stateless functions on Tensors: activations, linear, dropout and the losses.

The layers in ``skratch.nn`` call these; use them directly when a function needs no
parameters of its own. Names and arguments follow ``torch.nn.functional`` (``dim``
rather than NumPy's ``axis``).

Read more in the book: The multilayer perceptron
<https://skratch-ml.github.io/skratch/book/neural-networks/multilayer-perceptron.html>
"""

from ..utils.validation import check_random_state
from ._losses import (
    binary_cross_entropy,
    binary_cross_entropy_with_logits,
    cross_entropy,
    mse_loss,
    nll_loss,
)

__all__ = [
    "binary_cross_entropy",
    "binary_cross_entropy_with_logits",
    "cross_entropy",
    "dropout",
    "gelu",
    "linear",
    "log_softmax",
    "mse_loss",
    "nll_loss",
    "relu",
    "sigmoid",
    "softmax",
    "tanh",
]


def linear(input, weight, bias=None):
    """:math:`y = x W^\\top + b`, with ``weight`` of shape (out_features, in_features)."""
    out = input @ weight.T
    return out if bias is None else out + bias


def relu(input):
    """:math:`\\max(x, 0)`, elementwise."""
    return input.relu()


def tanh(input):
    """:math:`\\tanh(x)`, elementwise."""
    return input.tanh()


def sigmoid(input):
    """:math:`1 / (1 + e^{-x})`, elementwise, computed without overflow."""
    return input.sigmoid()


def gelu(input, approximate="none"):
    """:math:`x\\,\\Phi(x)` (``"none"``, exact) or its tanh approximation (``"tanh"``)."""
    return input.gelu(approximate=approximate)


def softmax(input, dim=-1):
    """Softmax along ``dim`` (with the max subtracted first)."""
    return input.softmax(axis=dim)


def log_softmax(input, dim=-1):
    """Log-softmax along ``dim`` (log-sum-exp trick)."""
    return input.log_softmax(axis=dim)


def dropout(input, p=0.5, training=True, *, rng=None):
    """Inverted dropout: zero each entry with probability ``p``, scale the rest by 1/(1-p).

    Scaling at training time keeps the expected value of every entry unchanged, so at
    evaluation time (``training=False``) dropout is simply the identity.

    Parameters
    ----------
    input : Tensor
    p : float, default=0.5
        Probability of zeroing an entry, in [0, 1].
    training : bool, default=True
        Apply dropout; if False, return ``input`` unchanged.
    rng : int, numpy.random.Generator or None, default=None
        Source of the mask; None uses ``skratch.nn.init``'s default generator.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.autograd import Tensor
    >>> from skratch.nn.functional import dropout
    >>> out = dropout(Tensor(np.ones(8)), p=0.5, rng=0)
    >>> sorted(set(out.data.tolist()))  # each entry is 0 or 1 / (1 - p)
    [0.0, 2.0]
    """
    if not 0 <= p <= 1:
        raise ValueError(f"dropout probability p must be in [0, 1], got {p!r}.")
    if not training or p == 0:
        return input
    from . import init  # the default generator lives there (reseeded by manual_seed)

    generator = init._DEFAULT_RNG if rng is None else check_random_state(rng)
    if p == 1:
        return input * 0.0
    keep = generator.random(input.shape) >= p  # True with probability 1 - p
    return input * (keep / (1 - p)).astype(input.dtype)

