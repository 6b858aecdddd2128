"""``Module`` and ``Parameter``: how a network keeps track of its weights.

A network is a tree of modules (a ``Sequential`` holds ``Linear`` layers, ...). Each
module stores its learnable tensors as ``Parameter`` attributes and its other state
(BatchNorm's running statistics) as *buffers*; ``parameters()`` walks the tree and
collects every ``Parameter``, which is what an optimiser updates. The design, names and
behaviour follow PyTorch's ``torch.nn.Module``, so code written here reads the same
there.

Read more in the book: The multilayer perceptron
<https://skratch-ml.github.io/skratch/book/neural-networks/multilayer-perceptron.html>
"""

from collections import OrderedDict

import numpy as np

from ..autograd import Tensor

__all__ = ["Module", "Parameter"]


class Parameter(Tensor):
    """A Tensor that is a learnable weight of a Module (``requires_grad=True``).

    Examples
    --------
    >>> from skratch.nn import Parameter
    >>> w = Parameter([1.0, 2.0])
    >>> w.requires_grad
    True
    """

    def __init__(self, data, requires_grad=True, dtype=None):
        super().__init__(data, requires_grad=requires_grad, dtype=dtype)


class Module:
    """Base class of every layer and network: parameters, buffers, modes, state.

    A subclass sets its parameters and sub-modules as attributes in ``__init__`` (after
    ``super().__init__()``) and defines ``forward``; calling the module calls
    ``forward``. Attributes are found in the order they were set.

    Attributes
    ----------
    training : bool
        True in training mode (the default), False after ``eval()``. Dropout and
        BatchNorm1d behave differently in the two modes.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.nn import Linear, Module, Parameter
    >>> class Affine(Module):
    ...     def __init__(self):
    ...         super().__init__()
    ...         self.scale = Parameter(np.ones(2))
    ...         self.inner = Linear(2, 2)
    ...     def forward(self, x):
    ...         return self.inner(x) * self.scale
    >>> [name for name, _ in Affine().named_parameters()]
    ['scale', 'inner.weight', 'inner.bias']
    """

    # Class-level defaults, so a subclass that forgets super().__init__() still works.
    training = True
    _buffer_names = ()

    def __init__(self):
        self.training = True
        self._buffer_names = []

    def forward(self, *args, **kwargs):
        raise NotImplementedError(f"{type(self).__name__} must define forward().")

    def __call__(self, *args, **kwargs):
        return self.forward(*args, **kwargs)

    # ---- the tree of modules --------------------------------------------------------

    def named_children(self):
        """Yield ``(name, module)`` for the direct sub-modules (also those in lists)."""
        for name, value in vars(self).items():
            if isinstance(value, Module):
                yield name, value
            elif isinstance(value, (list, tuple)):
                for i, item in enumerate(value):
                    if isinstance(item, Module):
                        yield f"{name}.{i}", item

    def modules(self):
        """Yield this module and every module below it."""
        yield self
        for _, child in self.named_children():
            yield from child.modules()

    def named_parameters(self, prefix=""):
        """Yield ``(dotted name, Parameter)`` for every parameter in the tree, once."""
        seen = set()
        for name, value in self._named_state(prefix, buffers=False):
            if id(value) not in seen:  # a parameter shared by two layers counts once
                seen.add(id(value))
                yield name, value

    def parameters(self):
        """The list of every Parameter in the tree (what an optimiser updates)."""
        return [p for _, p in self.named_parameters()]

    def register_buffer(self, name, array):
        """Store ``array`` as the attribute ``name``: state saved but not learned."""
        setattr(self, name, array)
        if name not in self._buffer_names:
            self._buffer_names = [*self._buffer_names, name]

    def _named_state(self, prefix, buffers=True):
        # Parameters and buffers of this module in attribute order, then recursively.
        for name, value in vars(self).items():
            if isinstance(value, Parameter):
                yield prefix + name, value
            elif buffers and name in self._buffer_names:
                yield prefix + name, value
        for name, child in self.named_children():
            yield from child._named_state(f"{prefix}{name}.", buffers)

    # ---- modes, gradients, state -----------------------------------------------------

    def train(self, mode=True):
        """Set training mode (``mode=True``) or evaluation mode, for the whole tree."""
        for module in self.modules():
            module.training = bool(mode)
        return self

    def eval(self):
        """Set evaluation mode: Dropout is the identity, BatchNorm uses running stats."""
        return self.train(False)

    def zero_grad(self):
        """Forget the gradients of every parameter (set them to None, as PyTorch does)."""
        for p in self.parameters():
            p.grad = None

    def state_dict(self):
        """An ordered dict of dotted name -> copy of each parameter's and buffer's array."""
        return OrderedDict(
            (name, np.array(value.data if isinstance(value, Tensor) else value))
            for name, value in self._named_state("")
        )

    def load_state_dict(self, state_dict):
        """Copy arrays from ``state_dict`` into the parameters and buffers (in place)."""
        own = OrderedDict(self._named_state(""))
        missing = [k for k in own if k not in state_dict]
        unexpected = [k for k in state_dict if k not in own]
        if missing or unexpected:
            raise KeyError(
                f"load_state_dict for {type(self).__name__}: missing keys {missing}, "
                f"unexpected keys {unexpected}."
            )
        for name, target in own.items():
            value = np.asarray(state_dict[name])
            array = target.data if isinstance(target, Tensor) else target
            if value.shape != array.shape:
                raise ValueError(
                    f"load_state_dict: {name!r} has shape {value.shape} in the state "
                    f"dict but {array.shape} in the module."
                )
            array[...] = value

    # ---- display -------------------------------------------------------------------

    def extra_repr(self):
        """The arguments shown between the parentheses of ``repr``."""
        return ""

    def __repr__(self):
        children = list(self.named_children())
        if not children:
            return f"{type(self).__name__}({self.extra_repr()})"
        lines = [f"  ({name}): " + repr(child).replace("\n", "\n  ") for name, child in children]
        return f"{type(self).__name__}(\n" + "\n".join(lines) + "\n)"
