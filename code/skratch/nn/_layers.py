"""Layers with parameters: Linear, Embedding, normalisation, Dropout, Sequential.

Ordered bottom-up: the linear map, the lookup table, the layers that regularise and
normalise, then the container that chains them. Shapes, defaults and initialisations
are PyTorch's (``torch.nn``), so the same network gives the same numbers there.

Read more in the book: The multilayer perceptron
<https://skratch-ml.github.io/skratch/book/neural-networks/multilayer-perceptron.html>
and Batch normalisation
<https://skratch-ml.github.io/skratch/book/neural-networks/batch-normalisation.html>
"""

import math

import numpy as np

from ..autograd import Tensor
from . import functional as F
from . import init
from ._module import Module, Parameter

__all__ = ["BatchNorm1d", "Dropout", "Embedding", "Flatten", "LayerNorm", "Linear", "Sequential"]


class Linear(Module):
    """A fully connected layer: :math:`y = x W^\\top + b`.

    Parameters
    ----------
    in_features, out_features : int
        Sizes of each input and output sample.
    bias : bool, default=True
        Learn the additive bias :math:`b`.
    dtype : {numpy.float64, numpy.float32}, default=numpy.float64
    rng : int, numpy.random.Generator or None, default=None
        Source of the initial weights; None uses ``skratch.nn.init``'s default
        generator (seeded with 0; reseed with ``init.manual_seed``).

    Attributes
    ----------
    weight : Parameter of shape (out_features, in_features)
        Initialised as PyTorch does, from U(-k, k) with :math:`k = 1/\\sqrt{\\text{in\\_features}}`
        (``kaiming_uniform_`` with ``a=sqrt(5)``).
    bias : Parameter of shape (out_features,) or None
        Initialised from U(-k, k).

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.autograd import Tensor
    >>> from skratch.nn import Linear
    >>> layer = Linear(3, 2, rng=0)
    >>> layer(Tensor(np.ones((4, 3)))).shape  # (batch, in) -> (batch, out)
    (4, 2)
    """

    def __init__(self, in_features, out_features, bias=True, *, dtype=np.float64, rng=None):
        super().__init__()
        self.in_features, self.out_features = in_features, out_features
        rng = init._rng(rng)
        # Allocated in its own dtype: casting uninitialised float64 memory to float32
        # can overflow (a RuntimeWarning), before the initialiser overwrites it anyway.
        self.weight = Parameter(np.empty((out_features, in_features), dtype=dtype))
        init.kaiming_uniform_(self.weight, a=math.sqrt(5), rng=rng)
        if bias:
            k = 1 / math.sqrt(in_features) if in_features > 0 else 0.0
            self.bias = Parameter(rng.uniform(-k, k, size=out_features), dtype=dtype)
        else:
            self.bias = None

    def forward(self, input):
        if input.shape[-1] != self.in_features:
            raise ValueError(
                f"Linear({self.in_features}, {self.out_features}) expects inputs with "
                f"{self.in_features} features (last dimension), got shape {input.shape}."
            )
        return F.linear(input, self.weight, self.bias)

    def extra_repr(self):
        return (f"in_features={self.in_features}, out_features={self.out_features}, "
                f"bias={self.bias is not None}")


class Embedding(Module):
    """A lookup table: row ``i`` of ``weight`` is the vector of token ``i``.

    Equivalent to a Linear layer (without bias) applied to one-hot vectors, without
    building them. Only the looked-up rows receive a gradient.

    Parameters
    ----------
    num_embeddings : int
        Size of the vocabulary.
    embedding_dim : int
        Size of each vector.
    dtype, rng
        As for ``Linear``. The weights are drawn from N(0, 1), as in PyTorch.

    Examples
    --------
    >>> from skratch.nn import Embedding
    >>> emb = Embedding(10, 3, rng=0)  # 10 tokens, vectors of dimension 3
    >>> emb([[1, 2], [4, 1]]).shape  # (batch, seq) -> (batch, seq, dim)
    (2, 2, 3)
    """

    def __init__(self, num_embeddings, embedding_dim, *, dtype=np.float64, rng=None):
        super().__init__()
        self.num_embeddings, self.embedding_dim = num_embeddings, embedding_dim
        self.weight = Parameter(np.empty((num_embeddings, embedding_dim), dtype=dtype))
        init.normal_(self.weight, rng=init._rng(rng))

    def forward(self, input):
        index = np.asarray(input.data if isinstance(input, Tensor) else input)
        if index.dtype.kind not in "iu":
            raise TypeError(f"Embedding needs integer indices, got dtype {index.dtype}.")
        bad = (index < 0) | (index >= self.num_embeddings)
        if bad.any():
            raise ValueError(
                f"Embedding: index {index[bad].flat[0]} is out of range for "
                f"num_embeddings={self.num_embeddings}."
            )
        return self.weight[index]  # (*index.shape, embedding_dim)

    def extra_repr(self):
        return f"{self.num_embeddings}, {self.embedding_dim}"


class Dropout(Module):
    """Inverted dropout: in training, zero each entry with probability ``p``.

    The kept entries are scaled by :math:`1/(1-p)`, so the expected output equals the
    input and evaluation mode (``eval()``) is the identity.

    Parameters
    ----------
    p : float, default=0.5
        Probability of zeroing an entry.
    rng : int, numpy.random.Generator or None, default=None
        Source of the masks; None uses ``skratch.nn.init``'s default generator.
    """

    def __init__(self, p=0.5, *, rng=None):
        super().__init__()
        if not 0 <= p <= 1:
            raise ValueError(f"dropout probability p must be in [0, 1], got {p!r}.")
        self.p = p
        self.rng = init._rng(rng) if rng is not None else None

    def forward(self, input):
        return F.dropout(input, self.p, self.training, rng=self.rng)

    def extra_repr(self):
        return f"p={self.p}"


def _normalise(x, axes, eps):
    # x_hat = (x - mean) / sqrt(var + eps), mean and (biased) var over `axes`.
    mean = x.mean(axis=axes, keepdims=True)
    centred = x - mean
    var = (centred * centred).mean(axis=axes, keepdims=True)
    return centred * (var + eps) ** -0.5, mean, var


class BatchNorm1d(Module):
    """Batch normalisation over the batch axis, for inputs (N, C) or (N, C, L).

    .. math:: y = \\gamma \\frac{x - \\mu_B}{\\sqrt{\\sigma_B^2 + \\varepsilon}} + \\beta

    In training, :math:`\\mu_B, \\sigma_B^2` are the mean and (biased) variance of the
    batch, per feature, and the running estimates are updated:
    ``running = (1 - momentum) * running + momentum * batch_statistic``, the variance
    being the *unbiased* one (divided by n - 1), as in PyTorch. With ``momentum=None``
    the factor is ``1 / num_batches_tracked`` instead: the running estimates are then
    the plain average over all the batches seen. In evaluation mode the running
    estimates are used, so a prediction does not depend on the batch.

    Parameters
    ----------
    num_features : int
        Number of features C.
    eps : float, default=1e-5
    momentum : float or None, default=0.1
        Weight of the new batch in the running estimates; None for a cumulative
        average.
    affine : bool, default=True
        Learn :math:`\\gamma` (``weight``, ones) and :math:`\\beta` (``bias``, zeros).
    track_running_stats : bool, default=True
        Keep running estimates (buffers ``running_mean``, ``running_var`` and
        ``num_batches_tracked``, the number of training batches seen, an int64
        0-d array); if False, batch statistics are used in both modes.
    dtype : {numpy.float64, numpy.float32}, default=numpy.float64

    References
    ----------
    .. [1] S. Ioffe, C. Szegedy, "Batch normalization: accelerating deep network
       training by reducing internal covariate shift", ICML, 2015.

    Examples
    --------
    >>> from skratch.autograd import Tensor
    >>> from skratch.nn import BatchNorm1d
    >>> bn = BatchNorm1d(2)
    >>> y = bn(Tensor([[1.0, 10.0], [3.0, 30.0]]))
    >>> y.data.round(4)  # per feature: mean 0, variance 1 (up to eps)
    array([[-1., -1.],
           [ 1.,  1.]])
    >>> bn.num_batches_tracked  # one training batch seen
    array(1)
    >>> list(bn.state_dict())  # the same keys as PyTorch's
    ['weight', 'bias', 'running_mean', 'running_var', 'num_batches_tracked']
    """

    def __init__(self, num_features, eps=1e-5, momentum=0.1, affine=True,
                 track_running_stats=True, *, dtype=np.float64):
        super().__init__()
        self.num_features, self.eps, self.momentum = num_features, eps, momentum
        self.track_running_stats = track_running_stats
        self.weight = Parameter(np.ones(num_features), dtype=dtype) if affine else None
        self.bias = Parameter(np.zeros(num_features), dtype=dtype) if affine else None
        if track_running_stats:
            self.register_buffer("running_mean", np.zeros(num_features, dtype=dtype))
            self.register_buffer("running_var", np.ones(num_features, dtype=dtype))
            self.register_buffer("num_batches_tracked", np.array(0, dtype=np.int64))

    def forward(self, input):
        if input.ndim not in (2, 3) or input.shape[1] != self.num_features:
            raise ValueError(
                f"BatchNorm1d({self.num_features}) expects input of shape (N, "
                f"{self.num_features}) or (N, {self.num_features}, L), got {input.shape}."
            )
        axes = (0,) if input.ndim == 2 else (0, 2)
        shape = (1, -1) if input.ndim == 2 else (1, -1, 1)  # broadcast per feature
        if self.training or not self.track_running_stats:
            n = input.size // self.num_features  # values per feature
            if self.training and n <= 1:
                raise ValueError(
                    f"BatchNorm1d needs more than 1 value per feature in training, got "
                    f"input of shape {input.shape}."
                )
            out, mean, var = _normalise(input, axes, self.eps)
            if self.training and self.track_running_stats:
                self.num_batches_tracked[...] += 1
                m = self.momentum
                if m is None:  # a cumulative average: batch k has weight 1/k
                    m = 1.0 / self.num_batches_tracked
                self.running_mean[...] = (1 - m) * self.running_mean + m * mean.data.reshape(-1)
                self.running_var[...] = (1 - m) * self.running_var + m * var.data.reshape(-1) * n / (n - 1)
        else:
            mean = self.running_mean.reshape(shape)
            out = (input - mean) * (self.running_var.reshape(shape) + self.eps) ** -0.5
        if self.weight is not None:
            out = out * self.weight.reshape(shape) + self.bias.reshape(shape)
        return out

    def extra_repr(self):
        return f"{self.num_features}, eps={self.eps}, momentum={self.momentum}"


class LayerNorm(Module):
    """Layer normalisation over the last dimensions of each sample.

    .. math:: y = \\gamma \\frac{x - \\mu}{\\sqrt{\\sigma^2 + \\varepsilon}} + \\beta

    with :math:`\\mu, \\sigma^2` the mean and biased variance of each sample over the
    ``normalized_shape`` trailing axes: no batch statistics, same in training and
    evaluation.

    Parameters
    ----------
    normalized_shape : int or tuple of int
        The trailing shape to normalise over.
    eps : float, default=1e-5
    elementwise_affine : bool, default=True
        Learn :math:`\\gamma` (ones) and :math:`\\beta` (zeros) of that shape.
    dtype : {numpy.float64, numpy.float32}, default=numpy.float64

    References
    ----------
    .. [1] J. L. Ba, J. R. Kiros, G. E. Hinton, "Layer normalization", 2016.
    """

    def __init__(self, normalized_shape, eps=1e-5, elementwise_affine=True, *, dtype=np.float64):
        super().__init__()
        if isinstance(normalized_shape, (int, np.integer)):
            normalized_shape = (int(normalized_shape),)
        self.normalized_shape, self.eps = tuple(normalized_shape), eps
        self.weight = Parameter(np.ones(self.normalized_shape), dtype=dtype) if elementwise_affine else None
        self.bias = Parameter(np.zeros(self.normalized_shape), dtype=dtype) if elementwise_affine else None

    def forward(self, input):
        k = len(self.normalized_shape)
        if input.shape[input.ndim - k:] != self.normalized_shape:
            raise ValueError(
                f"LayerNorm{self.normalized_shape} expects inputs ending in shape "
                f"{self.normalized_shape}, got {input.shape}."
            )
        out, _, _ = _normalise(input, tuple(range(input.ndim - k, input.ndim)), self.eps)
        if self.weight is not None:
            out = out * self.weight + self.bias
        return out

    def extra_repr(self):
        return f"{self.normalized_shape}, eps={self.eps}"


class Flatten(Module):
    """Flatten the dimensions ``start_dim`` to ``end_dim``: (N, C, H, W) -> (N, C * H * W).

    Parameters
    ----------
    start_dim : int, default=1
        The first dimension to merge; negative dimensions count from the end.
    end_dim : int, default=-1
        The last dimension to merge.
    """

    def __init__(self, start_dim=1, end_dim=-1):
        super().__init__()
        self.start_dim, self.end_dim = start_dim, end_dim

    def forward(self, input):
        shape = input.shape
        start, end = (d + input.ndim if d < 0 else d for d in (self.start_dim, self.end_dim))
        if not 0 <= start <= end < input.ndim:
            raise ValueError(
                f"Flatten(start_dim={self.start_dim}, end_dim={self.end_dim}) does not fit "
                f"an input of shape {shape}: start_dim must not come after end_dim, and "
                f"both must be in [-{input.ndim}, {input.ndim - 1}]."
            )
        merged = math.prod(shape[start : end + 1])
        return input.reshape(*shape[:start], merged, *shape[end + 1 :])

    def extra_repr(self):
        return f"start_dim={self.start_dim}, end_dim={self.end_dim}"


class Sequential(Module):
    """Chain modules: the output of each is the input of the next.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.autograd import Tensor
    >>> from skratch.nn import Linear, ReLU, Sequential
    >>> net = Sequential(Linear(4, 8, rng=0), ReLU(), Linear(8, 3, rng=1))
    >>> net(Tensor(np.ones((2, 4)))).shape
    (2, 3)
    >>> [name for name, _ in net.named_parameters()]
    ['0.weight', '0.bias', '2.weight', '2.bias']
    """

    def __init__(self, *modules):
        super().__init__()
        for i, module in enumerate(modules):
            if not isinstance(module, Module):
                raise TypeError(f"Sequential takes Modules, got {type(module).__name__} at position {i}.")
            setattr(self, str(i), module)  # named "0", "1", ... as in PyTorch

    def forward(self, input):
        for module in self:
            input = module(input)
        return input

    def __iter__(self):
        return (module for _, module in self.named_children())

    def __len__(self):
        return sum(1 for _ in self.named_children())

    def __getitem__(self, i):
        return list(self)[i]

