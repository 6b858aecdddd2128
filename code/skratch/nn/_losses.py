"""Loss functions: how far the predictions are from the targets, as one number.

``mse_loss`` is written with Tensor operations (the engine differentiates it). The three
classification losses are single graph nodes with a hand-written backward, because the
fused gradient is both simpler and more stable than the chain rule through each step:
for cross-entropy on logits it is just :math:`(\\operatorname{softmax}(z) - y) / n`.
Names, arguments and values follow PyTorch's ``torch.nn.functional``.

Read more in the book: Softmax and cross-entropy
<https://skratch-ml.github.io/skratch/book/neural-networks/softmax-cross-entropy.html>
"""

import numpy as np

from ..autograd import Tensor
from ._module import Module

__all__ = [
    "BCELoss",
    "BCEWithLogitsLoss",
    "CrossEntropyLoss",
    "MSELoss",
    "binary_cross_entropy",
    "binary_cross_entropy_with_logits",
    "cross_entropy",
    "mse_loss",
    "nll_loss",
]

_REDUCTIONS = ("mean", "sum", "none")


def _check_reduction(reduction):
    if reduction not in _REDUCTIONS:
        raise ValueError(f"reduction must be 'mean', 'sum' or 'none', got {reduction!r}.")


def _as_tensor(x):
    return x if isinstance(x, Tensor) else Tensor(x)


def _reduce(losses, reduction):
    # losses: per-sample array. Returns the reduced array and the factor d(out)/d(loss_i).
    if reduction == "mean":
        return losses.mean(), 1.0 / losses.size
    if reduction == "sum":
        return losses.sum(), 1.0
    return losses, 1.0


def _check_same_shape(input, target, name):
    if input.shape != target.shape:
        raise ValueError(
            f"{name}: input has shape {input.shape} but target has shape {target.shape}; "
            "they must match."
        )


def mse_loss(input, target, reduction="mean"):
    r"""Mean squared error :math:`\frac{1}{n}\sum_i (\hat y_i - y_i)^2` (over all entries).

    Examples
    --------
    >>> from skratch.autograd import Tensor
    >>> from skratch.nn.functional import mse_loss
    >>> mse_loss(Tensor([1.0, 2.0]), Tensor([0.0, 4.0])).item()
    2.5
    """
    _check_reduction(reduction)
    input, target = _as_tensor(input), _as_tensor(target)
    _check_same_shape(input, target, "mse_loss")
    squared = (input - target) ** 2
    if reduction == "none":
        return squared
    return squared.mean() if reduction == "mean" else squared.sum()


def _class_targets(target, n_samples, n_classes, name):
    target = np.asarray(target.data if isinstance(target, Tensor) else target)
    if target.dtype.kind not in "iu" and not (
        target.dtype.kind == "f" and np.all(target == np.round(target))
    ):
        raise TypeError(f"{name}: target must hold integer class indices, got dtype {target.dtype}.")
    target = target.astype(np.intp)
    if target.shape != (n_samples,):
        raise ValueError(
            f"{name}: target must have shape ({n_samples},) (one class index per row "
            f"of input), got {target.shape}."
        )
    bad = (target < 0) | (target >= n_classes)
    if bad.any():
        raise ValueError(
            f"{name}: target {target[bad][0]} is out of bounds for {n_classes} classes "
            f"(valid: 0 to {n_classes - 1})."
        )
    return target


def cross_entropy(input, target, reduction="mean"):
    r"""Cross-entropy of integer class targets given scores (logits).

    .. math:: \ell_i &= -\log \operatorname{softmax}(z_i)_{y_i} \\
              &= \log\sum_c e^{z_{ic}} - z_{i y_i}

    computed with the log-sum-exp trick, so logits of any size are safe.

    Parameters
    ----------
    input : Tensor of shape (n_samples, n_classes)
        Logits :math:`z`.
    target : array-like of int of shape (n_samples,)
        Class indices in ``[0, n_classes)``.
    reduction : {"mean", "sum", "none"}, default="mean"

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.autograd import Tensor
    >>> from skratch.nn.functional import cross_entropy
    >>> logits = Tensor([[2.0, 0.0], [0.0, 1000.0]], requires_grad=True)
    >>> round(cross_entropy(logits, np.array([0, 1])).item(), 4)
    0.0635
    """
    _check_reduction(reduction)
    input = _as_tensor(input)
    if input.ndim != 2:
        raise ValueError(
            "cross_entropy: input must have shape (n_samples, n_classes), "
            f"got {input.shape}."
        )
    n, n_classes = input.shape
    target = _class_targets(target, n, n_classes, "cross_entropy")
    rows = np.arange(n)
    # (n, C), each row shifted so its largest entry is 0: no exp overflows
    z = input.data - input.data.max(axis=1, keepdims=True)
    log_probs = z - np.log(np.exp(z).sum(axis=1, keepdims=True))  # (n, C)
    out, scale = _reduce(-log_probs[rows, target], reduction)

    def backward(g):  # d loss_i / d z_i = softmax(z_i) - onehot(y_i)
        grad = np.exp(log_probs)
        grad[rows, target] -= 1
        g = np.asarray(g) * scale
        return (grad * (g if g.ndim == 0 else g[:, None]),)

    return Tensor._result(out, (input,), "cross_entropy", backward)


def nll_loss(input, target, reduction="mean"):
    r"""Negative log-likelihood :math:`-\log p_{i y_i}` given log-probabilities (e.g. log_softmax).

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.autograd import Tensor
    >>> from skratch.nn.functional import nll_loss
    >>> log_probs = Tensor(np.log([[0.5, 0.5], [0.25, 0.75]]))
    >>> # -(ln 0.5 + ln 0.75) / 2
    >>> round(nll_loss(log_probs, [0, 1]).item(), 4)
    0.4904
    """
    _check_reduction(reduction)
    input = _as_tensor(input)
    if input.ndim != 2:
        raise ValueError(f"nll_loss: input must have shape (n_samples, n_classes), got {input.shape}.")
    target = _class_targets(target, *input.shape, "nll_loss")
    picked = -input[np.arange(len(target)), target]  # (n,)
    if reduction == "none":
        return picked
    return picked.mean() if reduction == "mean" else picked.sum()


def binary_cross_entropy(input, target, reduction="mean"):
    r"""Binary cross-entropy of probabilities :math:`p` against targets :math:`y \in [0, 1]`.

    .. math:: \ell_i = -\left(y_i \log p_i + (1 - y_i) \log(1 - p_i)\right)

    As in PyTorch, each log is clamped at -100 (so ``p = 0`` gives a finite loss) and
    the gradient :math:`(p - y) / (p (1 - p))` has its denominator clamped at 1e-12.
    The target is treated as a constant. Prefer ``binary_cross_entropy_with_logits``,
    which never needs the clamps.

    Examples
    --------
    >>> from skratch.autograd import Tensor
    >>> from skratch.nn.functional import binary_cross_entropy
    >>> p, y = Tensor([0.9, 0.2]), Tensor([1.0, 0.0])
    >>> round(binary_cross_entropy(p, y).item(), 4)
    0.1643
    """
    _check_reduction(reduction)
    input, target = _as_tensor(input), _as_tensor(target)
    _check_same_shape(input, target, "binary_cross_entropy")
    p, y = input.data, target.data
    if np.any((p < 0) | (p > 1)):
        raise ValueError(
            "binary_cross_entropy: input must hold probabilities in [0, 1], got values "
            f"from {p.min()} to {p.max()}; for raw scores use "
            "binary_cross_entropy_with_logits."
        )
    with np.errstate(divide="ignore"):
        log_p = np.maximum(np.log(p), -100.0)
        log_1mp = np.maximum(np.log1p(-p), -100.0)
    out, scale = _reduce(-(y * log_p + (1 - y) * log_1mp), reduction)

    def backward(g):
        # PyTorch's clamp is the float32 constant 1e-12 (0.999999996e-12 in float64).
        floor = float(np.float32(1e-12))
        return (np.asarray(g) * scale * (p - y) / np.maximum(p * (1 - p), floor),)

    return Tensor._result(out, (input,), "binary_cross_entropy", backward)


def binary_cross_entropy_with_logits(input, target, reduction="mean"):
    r"""Binary cross-entropy of :math:`\sigma(z)` against :math:`y`, from logits :math:`z`.

    .. math:: \ell_i = \max(z_i, 0) - z_i y_i + \log(1 + e^{-|z_i|}),

    .. math:: \frac{\partial \ell_i}{\partial z_i} = \sigma(z_i) - y_i

    The first form is algebraically :math:`-(y\log\sigma(z) + (1-y)\log(1-\sigma(z)))`
    but never overflows. The target is treated as a constant.

    Examples
    --------
    >>> from skratch.autograd import Tensor
    >>> from skratch.nn.functional import binary_cross_entropy_with_logits
    >>> z, y = Tensor([800.0, -2.0]), Tensor([1.0, 0.0])  # no overflow at 800
    >>> round(binary_cross_entropy_with_logits(z, y).item(), 4)
    0.0635
    """
    _check_reduction(reduction)
    input, target = _as_tensor(input), _as_tensor(target)
    _check_same_shape(input, target, "binary_cross_entropy_with_logits")
    z, y = input.data, target.data
    e = np.exp(-np.abs(z))  # in (0, 1]: no overflow
    out, scale = _reduce(np.maximum(z, 0) - z * y + np.log1p(e), reduction)
    sigmoid = np.where(z >= 0, 1 / (1 + e), e / (1 + e))

    def backward(g):
        return (np.asarray(g) * scale * (sigmoid - y),)

    return Tensor._result(out, (input,), "binary_cross_entropy_with_logits", backward)


# ---- the same losses as modules (``loss_fn = CrossEntropyLoss(); loss_fn(logits, y)``) --


class _Loss(Module):
    _function = None

    def __init__(self, reduction="mean"):
        super().__init__()
        _check_reduction(reduction)
        self.reduction = reduction

    def forward(self, input, target):
        return type(self)._function(input, target, reduction=self.reduction)

    def extra_repr(self):
        return f"reduction={self.reduction!r}"


class MSELoss(_Loss):
    """Module form of ``mse_loss``."""

    _function = staticmethod(mse_loss)


class CrossEntropyLoss(_Loss):
    """Module form of ``cross_entropy`` (logits and integer class targets)."""

    _function = staticmethod(cross_entropy)


class BCELoss(_Loss):
    """Module form of ``binary_cross_entropy`` (probabilities)."""

    _function = staticmethod(binary_cross_entropy)


class BCEWithLogitsLoss(_Loss):
    """Module form of ``binary_cross_entropy_with_logits``."""

    _function = staticmethod(binary_cross_entropy_with_logits)
