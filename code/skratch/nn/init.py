"""Weight initialisers: how big should the random starting weights be?

If each layer multiplies the spread of its signal by a factor, a deep network multiplies
it by that factor to the power of its depth: activations (and gradients) explode or
vanish. Xavier/Glorot initialisation picks the weights' variance so that a layer keeps
the variance of its input in both directions (forward and backward) for tanh-like units;
He/Kaiming initialisation doubles it for ReLU, which zeroes half its inputs. Names,
arguments and formulas are PyTorch's (``torch.nn.init``); randomness comes from a NumPy
``Generator``, passed as ``rng`` or, by default, this module's own generator, seeded
with 0 when skratch is imported (reseed it with ``manual_seed``).

Read more in the book: Training dynamics
<https://skratch-ml.github.io/skratch/book/neural-networks/training-dynamics.html>
"""

import math

import numpy as np

from ..autograd import Tensor
from ..utils.validation import check_random_state

__all__ = [
    "calculate_gain",
    "constant_",
    "kaiming_normal_",
    "kaiming_uniform_",
    "manual_seed",
    "normal_",
    "ones_",
    "uniform_",
    "xavier_normal_",
    "xavier_uniform_",
    "zeros_",
]

_DEFAULT_RNG = np.random.default_rng(0)


def manual_seed(seed):
    """Reseed the default generator used by layers and initialisers given no ``rng``.

    Examples
    --------
    >>> from skratch.nn import Linear, init
    >>> init.manual_seed(0)
    >>> a = Linear(2, 2).weight.data
    >>> init.manual_seed(0)
    >>> bool((Linear(2, 2).weight.data == a).all())
    True
    """
    global _DEFAULT_RNG
    _DEFAULT_RNG = np.random.default_rng(seed)


def _rng(rng):
    return _DEFAULT_RNG if rng is None else check_random_state(rng)


def _array(tensor):
    # Initialisers work on a Tensor/Parameter (its data) or a plain array, in place.
    return tensor.data if isinstance(tensor, Tensor) else tensor


def _fans(array):
    # fan_in = inputs per output unit, fan_out = outputs per input unit. A weight of
    # shape (out, in, *kernel) has fan_in = in * prod(kernel), fan_out = out * prod(kernel).
    if array.ndim < 2:
        raise ValueError(
            "fan in and fan out need a weight of at least 2 dimensions, got shape "
            f"{array.shape}."
        )
    receptive_field = math.prod(array.shape[2:])
    return array.shape[1] * receptive_field, array.shape[0] * receptive_field


def calculate_gain(nonlinearity, param=None):
    """The factor by which an activation shrinks the standard deviation, to undo.

    ``linear``/``sigmoid``: 1; ``tanh``: 5/3; ``relu``: sqrt(2); ``leaky_relu`` with
    slope ``param`` (default 0.01): sqrt(2 / (1 + param^2)); ``selu``: 3/4.

    Examples
    --------
    >>> from skratch.nn.init import calculate_gain
    >>> round(calculate_gain("relu"), 4)
    1.4142
    """
    if nonlinearity in ("linear", "identity", "sigmoid"):
        return 1.0
    if nonlinearity == "tanh":
        return 5.0 / 3
    if nonlinearity == "relu":
        return math.sqrt(2.0)
    if nonlinearity == "leaky_relu":
        slope = 0.01 if param is None else param
        return math.sqrt(2.0 / (1 + slope**2))
    if nonlinearity == "selu":
        return 3.0 / 4
    raise ValueError(f"Unsupported nonlinearity {nonlinearity!r}.")


def uniform_(tensor, a=0.0, b=1.0, *, rng=None):
    """Fill with draws from U(a, b), in place; return ``tensor``."""
    array = _array(tensor)
    array[...] = _rng(rng).uniform(a, b, size=array.shape)
    return tensor


def normal_(tensor, mean=0.0, std=1.0, *, rng=None):
    """Fill with draws from N(mean, std^2), in place; return ``tensor``."""
    array = _array(tensor)
    array[...] = _rng(rng).normal(mean, std, size=array.shape)
    return tensor


def constant_(tensor, val):
    """Fill with ``val``, in place; return ``tensor``."""
    _array(tensor)[...] = val
    return tensor


def zeros_(tensor):
    """Fill with zeros, in place; return ``tensor``."""
    return constant_(tensor, 0.0)


def ones_(tensor):
    """Fill with ones, in place; return ``tensor``."""
    return constant_(tensor, 1.0)


def xavier_uniform_(tensor, gain=1.0, *, rng=None):
    r"""Glorot/Xavier uniform: U(-a, a) with :math:`a = \text{gain}\sqrt{6/(\text{fan\_in} + \text{fan\_out})}`.

    The variance :math:`a^2/3 = \text{gain}^2 \cdot 2/(\text{fan\_in} + \text{fan\_out})`
    is the compromise between keeping the forward variance (``1/fan_in``) and the
    backward variance (``1/fan_out``) [1]_.

    References
    ----------
    .. [1] X. Glorot, Y. Bengio, "Understanding the difficulty of training deep
       feedforward neural networks", AISTATS, 2010.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.nn.init import xavier_uniform_
    >>> W = xavier_uniform_(np.empty((100, 50)), rng=0)
    >>> bool(np.abs(W).max() <= np.sqrt(6 / 150))
    True
    """
    fan_in, fan_out = _fans(_array(tensor))
    bound = gain * math.sqrt(6.0 / (fan_in + fan_out))
    return uniform_(tensor, -bound, bound, rng=rng)


def xavier_normal_(tensor, gain=1.0, *, rng=None):
    r"""Glorot/Xavier normal: N(0, std^2) with :math:`\text{std} = \text{gain}\sqrt{2/(\text{fan\_in} + \text{fan\_out})}`."""
    fan_in, fan_out = _fans(_array(tensor))
    std = gain * math.sqrt(2.0 / (fan_in + fan_out))
    return normal_(tensor, 0.0, std, rng=rng)


def _kaiming_std(array, a, mode, nonlinearity):
    fan_in, fan_out = _fans(array)
    if mode not in ("fan_in", "fan_out"):
        raise ValueError(f"mode must be 'fan_in' or 'fan_out', got {mode!r}.")
    fan = fan_in if mode == "fan_in" else fan_out
    return calculate_gain(nonlinearity, a) / math.sqrt(fan)


def kaiming_uniform_(tensor, a=0.0, mode="fan_in", nonlinearity="leaky_relu", *, rng=None):
    r"""He/Kaiming uniform: U(-b, b) with :math:`b = \text{gain}\sqrt{3/\text{fan}}`.

    For ReLU (gain :math:`\sqrt 2`) the variance is :math:`2/\text{fan\_in}`: twice
    Xavier's, because ReLU zeroes half of its inputs [1]_. PyTorch's ``Linear`` uses
    ``a=sqrt(5)``, which gives :math:`b = 1/\sqrt{\text{fan\_in}}`.

    References
    ----------
    .. [1] K. He, X. Zhang, S. Ren, J. Sun, "Delving deep into rectifiers", ICCV, 2015.
    """
    bound = math.sqrt(3.0) * _kaiming_std(_array(tensor), a, mode, nonlinearity)
    return uniform_(tensor, -bound, bound, rng=rng)


def kaiming_normal_(tensor, a=0.0, mode="fan_in", nonlinearity="leaky_relu", *, rng=None):
    r"""He/Kaiming normal: N(0, std^2) with :math:`\text{std} = \text{gain}/\sqrt{\text{fan}}`."""
    std = _kaiming_std(_array(tensor), a, mode, nonlinearity)
    return normal_(tensor, 0.0, std, rng=rng)
