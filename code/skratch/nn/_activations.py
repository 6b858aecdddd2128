"""Activation layers: the elementwise non-linearities between linear layers.

Without them a stack of linear layers is one linear map; with them, a wide enough
network can approximate any continuous function. Each layer calls its function in
``skratch.nn.functional``; names and arguments follow ``torch.nn``.

Read more in the book: The multilayer perceptron
<https://skratch-ml.github.io/skratch/book/neural-networks/multilayer-perceptron.html>
"""

from . import functional as F
from ._module import Module

__all__ = ["GELU", "Identity", "LogSoftmax", "ReLU", "Sigmoid", "Softmax", "Tanh"]


class Identity(Module):
    """Return the input unchanged (a placeholder layer)."""

    def forward(self, input):
        return input


class ReLU(Module):
    """:math:`\\max(x, 0)`: cheap, and its gradient does not vanish for :math:`x > 0`.

    Examples
    --------
    >>> from skratch.autograd import Tensor
    >>> from skratch.nn import ReLU
    >>> ReLU()(Tensor([-1.0, 2.0])).data
    array([0., 2.])
    """

    def forward(self, input):
        return F.relu(input)


class Tanh(Module):
    """:math:`\\tanh(x)`, zero-centred, saturating at -1 and 1."""

    def forward(self, input):
        return F.tanh(input)


class Sigmoid(Module):
    """:math:`\\sigma(x) = 1/(1 + e^{-x})`, a probability in (0, 1)."""

    def forward(self, input):
        return F.sigmoid(input)


class GELU(Module):
    """:math:`x\\,\\Phi(x)`, the smooth ReLU of transformers.

    Parameters
    ----------
    approximate : {"none", "tanh"}, default="none"
        ``"none"`` uses the exact normal CDF (via erf); ``"tanh"`` the tanh formula.
    """

    def __init__(self, approximate="none"):
        super().__init__()
        if approximate not in ("none", "tanh"):
            raise ValueError(f"approximate must be 'none' or 'tanh', got {approximate!r}.")
        self.approximate = approximate

    def forward(self, input):
        return F.gelu(input, approximate=self.approximate)

    def extra_repr(self):
        return f"approximate={self.approximate!r}"


class Softmax(Module):
    """Softmax along ``dim``: a probability distribution over that axis."""

    def __init__(self, dim=-1):
        super().__init__()
        self.dim = dim

    def forward(self, input):
        return F.softmax(input, dim=self.dim)

    def extra_repr(self):
        return f"dim={self.dim}"


class LogSoftmax(Module):
    """Log-softmax along ``dim`` (log-sum-exp trick)."""

    def __init__(self, dim=-1):
        super().__init__()
        self.dim = dim

    def forward(self, input):
        return F.log_softmax(input, dim=self.dim)

    def extra_repr(self):
        return f"dim={self.dim}"
