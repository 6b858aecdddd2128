"""A reverse-mode automatic differentiation engine over NumPy arrays.

``Tensor`` is ``Value`` (the scalar engine) grown up: it wraps a NumPy array instead of a
number, so one node of the graph does a whole matrix product instead of one
multiplication. Each operation keeps its forward code and its backward code side by
side. The backward function of a node receives :math:`G = \\partial L / \\partial
\\text{out}` (an array shaped like the output) and *returns* the gradient for each
input, in the order of ``_prev`` (``None`` for an input that needs none);
``backward()`` adds up the contributions in reverse topological order.

Broadcasting is where arrays need more care than scalars: when ``b`` of shape ``(3,)``
is added to ``a`` of shape ``(2, 3)``, the same ``b`` is used by both rows, so its
gradient is the *sum* of the two rows of :math:`G` (``_unbroadcast``).

Read more in the book: Tensors
<https://skratch-ml.github.io/skratch/book/neural-networks/tensors.html>
"""

import math

import numpy as np
from scipy.special import erf

__all__ = ["Tensor", "concatenate", "is_grad_enabled", "no_grad", "stack"]

_GRAD_ENABLED = True  # switched off inside ``with no_grad():``


class no_grad:
    """Context manager that stops recording operations (no graph, no gradients).

    Use it for evaluation and for parameter updates: the results are plain Tensors with
    ``requires_grad=False``, and no memory is spent on backward functions.

    Examples
    --------
    >>> from skratch.autograd import Tensor, no_grad
    >>> w = Tensor([1.0, 2.0], requires_grad=True)
    >>> with no_grad():
    ...     y = w * 2
    >>> y.requires_grad
    False
    """

    def __enter__(self):
        global _GRAD_ENABLED
        self._previous = _GRAD_ENABLED
        _GRAD_ENABLED = False
        return self

    def __exit__(self, *exc_info):
        global _GRAD_ENABLED
        _GRAD_ENABLED = self._previous
        return False


def is_grad_enabled():
    """Return whether operations are currently recorded for backpropagation."""
    return _GRAD_ENABLED


def _unbroadcast(grad, shape):
    # If x of shape `shape` was broadcast to grad.shape in the forward pass,
    # each entry of x was used several times: dL/dx = the sum of grad over
    # the broadcast axes. NumPy broadcasting (1) prepends axes and
    # (2) stretches axes of size 1.
    if grad.shape == shape:
        return grad
    n_new = grad.ndim - len(shape)
    if n_new:
        grad = grad.sum(axis=tuple(range(n_new)))  # (1) the prepended axes
    stretched = tuple(
        i for i, n in enumerate(shape) if n == 1 and grad.shape[i] != 1
    )
    if stretched:  # (2) the stretched axes
        grad = grad.sum(axis=stretched, keepdims=True)
    return grad


def _expand_reduced(grad, shape, axis, keepdims):
    # Undo a reduction over `axis`: put the reduced axes back (size 1), then broadcast
    # to the input's shape. The result is read-only (a view): never written to.
    if axis is None:
        return np.broadcast_to(grad.reshape((1,) * len(shape)), shape)
    if not keepdims:
        grad = np.expand_dims(grad, axis)
    return np.broadcast_to(grad, shape)


def _check_axis(axis, ndim):
    # One axis, negative ones counted from the end (-1 is the last), into [0, ndim).
    if isinstance(axis, bool) or not isinstance(axis, (int, np.integer)):
        raise TypeError(f"axis must be an integer, got {axis!r}.")
    if not -ndim <= axis < ndim:
        raise ValueError(
            f"axis {axis} is out of bounds for a tensor of dimension {ndim} "
            f"(valid: {-ndim} to {ndim - 1})."
        )
    return int(axis) % ndim


def _normalise_axis(axis, ndim):
    # None (all axes), an int or a tuple of ints -> None or a sorted tuple of axes >= 0.
    # An empty tuple means all axes too, as in PyTorch (NumPy would reduce none).
    if axis is None or (isinstance(axis, (tuple, list)) and len(axis) == 0):
        return None
    axes = tuple(axis) if isinstance(axis, (tuple, list)) else (axis,)
    axes = tuple(sorted(_check_axis(a, max(ndim, 1)) for a in axes))  # 0-d: 0 or -1
    if ndim == 0:
        return None
    if len(set(axes)) != len(axes):
        raise ValueError(f"axis {axis!r} names the same axis twice.")
    return axes


def _index_array(index):
    # A Tensor used as an index is its array, which must hold integers or booleans.
    if not isinstance(index, Tensor):
        return index
    if index.dtype.kind not in "biu":
        raise IndexError(
            f"a Tensor used as an index must hold integers or booleans, got dtype "
            f"{index.dtype}: {index!r}."
        )
    return index.data


def _is_basic_index(index):
    # Basic indexing (ints, slices, None, ...) never selects an element twice, so the
    # backward pass can assign; integer-array indexing may repeat one, so it must add.
    return all(
        isinstance(i, (int, np.integer, slice)) or i is None or i is Ellipsis
        for i in index
    )


def _power_of_number(a, k):
    # a ** k for an array a and a number k. NumPy's power takes a slow path (~400x
    # slower) when a base is negative and k is a whole number other than -1, 0, 1, 2:
    # x ** 3 of normal data. Such k, up to 8 in size, become products of a instead.
    if a.dtype.kind != "f" or not float(k).is_integer() or k in (-1, 0, 1, 2) or abs(k) > 8:
        return a**k
    out = a
    for _ in range(int(abs(k)) - 1):
        out = out * a
    return out if k > 0 else 1 / out


def _power(a, b):
    # a^b for Tensors a, b (either may be a constant), broadcast together.
    # d(a^b) = b a^(b-1) da + a^b log(a) db. Where b = 0 the first term is 0 (a^0 = 1
    # whatever a is), and where a = 0 and b >= 0 the second is 0 (a^b is 0 or 1 near
    # there): PyTorch's conventions, which avoid the NaNs 0 * inf and 0 * log 0 give.
    out = a.data**b.data

    def backward(g):
        grad_a = grad_b = None
        with np.errstate(divide="ignore", invalid="ignore"):
            if a.requires_grad:
                local = np.where(b.data == 0, 0.0, b.data * a.data ** (b.data - 1))
                grad_a = _unbroadcast(g * local, a.shape).astype(a.dtype, copy=False)
            if b.requires_grad:
                local = np.where((a.data == 0) & (b.data >= 0), 0.0, out * np.log(a.data))
                grad_b = _unbroadcast(g * local, b.shape).astype(b.dtype, copy=False)
        return grad_a, grad_b

    return Tensor._result(out, (a, b), "**", backward)


class Tensor:
    """An array that records the operations applied to it, for backpropagation.

    Parameters
    ----------
    data : array-like
        The values (copied). Integers and booleans keep their dtype, as in PyTorch
        (an integer Tensor can index another); other floats than float32 and
        float64 become float64.
    requires_grad : bool, default=False
        Whether to compute :math:`\\partial L / \\partial \\text{self}` in
        ``backward()`` (True for parameters). Only float Tensors can require grad.
    dtype : numpy dtype or None, default=None
        Convert to this dtype. Operations keep the dtype of their inputs; an
        integer Tensor meeting a float becomes that float (``int + float32`` is
        float32), as in PyTorch.

    Attributes
    ----------
    data : ndarray
        The values; a 0-d array when the Tensor holds one number (a loss), whose
        ``item()`` is that number as a float.
    grad : ndarray or None
        The gradient, same shape and dtype as ``data``, after ``backward()``; ``None``
        before (and for Tensors that do not require grad). Gradients accumulate over
        backward calls: reset them with ``grad = None`` (``Module.zero_grad()``).

    See Also
    --------
    skratch.autograd.Value : The scalar engine, the same ideas one number at a time.
    skratch.autograd.gradcheck : Compare ``backward()`` with finite differences.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.autograd import Tensor
    >>> W = Tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
    >>> b = Tensor([0.5, -0.5], requires_grad=True)
    >>> x = Tensor([[1.0, 1.0]])
    >>> loss = (x @ W + b).relu().sum()
    >>> loss.backward()
    >>> loss.item()
    10.0
    >>> W.grad
    array([[1., 1.],
           [1., 1.]])
    >>> b.grad  # (2,): summed over the batch axis it was broadcast along
    array([1., 1.])
    """

    __slots__ = ("data", "grad", "requires_grad", "_prev", "_backward", "_op")
    # NumPy arrays on the left of + * @ ... hand over to Tensor's __radd__ etc.
    __array_ufunc__ = None

    def __init__(self, data, requires_grad=False, dtype=None):
        if isinstance(data, Tensor):
            raise TypeError(
                "Tensor(data) got a Tensor: use it directly, or tensor.detach() for a "
                "copy that is not part of the graph."
            )
        array = np.array(data, dtype=dtype)  # a copy: later in-place updates are ours
        if array.dtype.kind not in "biuf":
            raise TypeError(
                f"Tensor needs numbers, got data of dtype {array.dtype}: {data!r}."
            )
        if array.dtype.kind == "f" and array.dtype not in (np.float32, np.float64):
            array = array.astype(np.float64)  # float16, longdouble: not supported
        if requires_grad and array.dtype.kind != "f":
            raise TypeError(
                f"only float Tensors can require grad, got dtype {array.dtype}: write "
                f"the values as floats (e.g. 1.0) or pass dtype=np.float64."
            )
        self.data = array
        self.grad = None
        self.requires_grad = bool(requires_grad)
        self._prev = ()
        self._backward = None
        self._op = ""

    # ---- plumbing --------------------------------------------------------------------

    @staticmethod
    def _wrap(array):
        """A Tensor around an existing array, no copy, not part of any graph."""
        out = object.__new__(Tensor)
        # NumPy returns a scalar (numpy.float64), not a 0-d array, for a full reduction
        # or x[i, j]: data is always an ndarray, as documented.
        array = array if isinstance(array, np.ndarray) else np.asarray(array)
        out.data, out.grad, out.requires_grad = array, None, False
        out._prev, out._backward, out._op = (), None, ""
        return out

    @staticmethod
    def _result(data, parents, op, backward):
        """The output of an operation: recorded only if an input needs a gradient."""
        out = Tensor._wrap(data)
        if _GRAD_ENABLED and any(p.requires_grad for p in parents):
            out.requires_grad = True
            out._prev, out._backward, out._op = parents, backward, op
        return out

    def _lift(self, other):
        # Numbers and arrays become constants of self's dtype if self is float
        # (float32 stays float32); an integer Tensor takes a float constant's dtype.
        if isinstance(other, Tensor):
            return other
        if self.dtype.kind == "f":
            return Tensor._wrap(np.asarray(other, dtype=self.dtype))
        other = np.asarray(other)
        if other.dtype.kind not in "biuf":
            raise TypeError(
                f"cannot combine a Tensor with {other!r} (dtype {other.dtype})."
            )
        return Tensor._wrap(other)

    def _operands(self, other):
        # The two inputs of a binary operation. An integer (or boolean) input meeting a
        # float one is converted to that float dtype first, as PyTorch promotes; it
        # never requires grad, so a constant copy of it loses nothing.
        a, b = self, self._lift(other)
        if a.dtype.kind == "f" and b.dtype.kind != "f":
            b = Tensor._wrap(b.data.astype(a.dtype))
        elif b.dtype.kind == "f" and a.dtype.kind != "f":
            a = Tensor._wrap(a.data.astype(b.dtype))
        return a, b

    shape = property(lambda self: self.data.shape, doc="Shape of ``data``.")
    ndim = property(lambda self: self.data.ndim, doc="Number of dimensions.")
    size = property(lambda self: self.data.size, doc="Number of elements.")
    dtype = property(lambda self: self.data.dtype, doc="dtype of ``data``.")
    T = property(lambda self: self.transpose(), doc="The transpose (axes reversed).")

    def __len__(self):
        return len(self.data)

    def __repr__(self):
        grad = ", requires_grad=True" if self.requires_grad else ""
        body = np.array2string(self.data, prefix="Tensor(", separator=", ")
        return f"Tensor({body}{grad})"

    def item(self):
        """The value of a one-element Tensor, as a Python float."""
        if self.data.size != 1:
            raise ValueError(
                f"item() needs a tensor with one element, got shape {self.shape}."
            )
        return float(self.data.reshape(()))

    def numpy(self):
        """The underlying array (not a copy)."""
        return self.data

    def detach(self):
        """A Tensor sharing ``data`` but cut from the graph (no gradient flows back)."""
        return Tensor._wrap(self.data)

    def astype(self, dtype):
        """Convert to another dtype; the gradient is converted back.

        A conversion to integers or booleans is a constant, no gradient flows through it
        (as ``x.long()`` in PyTorch).
        """
        source, data = self.data.dtype, self.data.astype(dtype)
        if data.dtype.kind != "f":
            return Tensor._wrap(data)
        return Tensor._result(data, (self,), "astype", lambda g: (g.astype(source),))

    # ---- comparisons: boolean constants, e.g. for masks (x[x > 0]) --------------------

    def __lt__(self, other):
        a, b = self._operands(other)
        return Tensor._wrap(a.data < b.data)

    def __le__(self, other):
        a, b = self._operands(other)
        return Tensor._wrap(a.data <= b.data)

    def __gt__(self, other):
        a, b = self._operands(other)
        return Tensor._wrap(a.data > b.data)

    def __ge__(self, other):
        a, b = self._operands(other)
        return Tensor._wrap(a.data >= b.data)

    # ---- elementwise arithmetic, with broadcasting -----------------------------------

    def __add__(self, other):
        a, b = self._operands(other)

        def backward(g):  # d(a + b) = da + db
            return _unbroadcast(g, a.shape), _unbroadcast(g, b.shape)

        return Tensor._result(a.data + b.data, (a, b), "+", backward)

    def __sub__(self, other):
        a, b = self._operands(other)

        def backward(g):  # d(a - b) = da - db
            return _unbroadcast(g, a.shape), _unbroadcast(-g, b.shape)

        return Tensor._result(a.data - b.data, (a, b), "-", backward)

    def __mul__(self, other):
        a, b = self._operands(other)

        def backward(g):  # d(ab) = b da + a db
            return (
                _unbroadcast(g * b.data, a.shape) if a.requires_grad else None,
                _unbroadcast(g * a.data, b.shape) if b.requires_grad else None,
            )

        return Tensor._result(a.data * b.data, (a, b), "*", backward)

    def __truediv__(self, other):
        a, b = self._operands(other)

        def backward(g):  # d(a / b) = da / b - a db / b^2
            return (
                _unbroadcast(g / b.data, a.shape) if a.requires_grad else None,
                _unbroadcast(-g * a.data / (b.data * b.data), b.shape)
                if b.requires_grad else None,
            )

        return Tensor._result(a.data / b.data, (a, b), "/", backward)

    def __pow__(self, exponent):
        if isinstance(exponent, (int, float)):  # a number: a ** 2 stays NumPy's fast square
            a, k = self.data, exponent

            def backward(g):  # d(a^k) = k a^(k-1) da, and 0 for k = 0 (even at a = 0)
                if k == 0:
                    return (np.zeros_like(g),)
                return (g * (k * _power_of_number(a, k - 1)),)

            return Tensor._result(_power_of_number(a, k), (self,), f"**{k}", backward)
        a, b = self._operands(exponent)
        return _power(a, b)

    def __rpow__(self, base):  # c^b with a constant base c
        b, c = self._operands(base)
        return _power(c, b)

    def __neg__(self):
        return Tensor._result(-self.data, (self,), "neg", lambda g: (-g,))

    def __radd__(self, other):
        return self._lift(other) + self

    def __rsub__(self, other):
        return self._lift(other) - self

    def __rmul__(self, other):
        return self._lift(other) * self

    def __rtruediv__(self, other):
        return self._lift(other) / self

    # ---- in-place updates (w -= lr * w.grad) ---------------------------------------------

    def _update(self, other, ufunc, symbol):
        # In place, as PyTorch: allowed under no_grad() (a parameter update) or on a
        # constant; on a leaf that requires grad it would lose the graph, so it is an
        # error. A recorded non-leaf is replaced by the new result (x = x + y).
        if _GRAD_ENABLED and self.requires_grad:
            if not self._prev:
                raise RuntimeError(
                    f"a leaf Tensor that requires grad is used in an in-place operation "
                    f"({symbol}=): update parameters under `with no_grad():` (or on "
                    f"`.data`), as in PyTorch."
                )
            return NotImplemented  # Python then computes x = x {symbol} y, recorded
        ufunc(self.data, other.data if isinstance(other, Tensor) else other, out=self.data)
        return self

    def __iadd__(self, other):
        return self._update(other, np.add, "+")

    def __isub__(self, other):
        return self._update(other, np.subtract, "-")

    def __imul__(self, other):
        return self._update(other, np.multiply, "*")

    def __itruediv__(self, other):
        return self._update(other, np.true_divide, "/")

    # ---- matrix product ----------------------------------------------------------------

    def __matmul__(self, other):
        a, b = self._operands(other)
        if a.ndim == 0 or b.ndim == 0:
            raise ValueError(
                f"matmul needs tensors of at least 1 dimension, got shapes "
                f"{a.shape} and {b.shape}; use * to multiply by a scalar."
            )
        k_b = b.shape[0] if b.ndim == 1 else b.shape[-2]
        if a.shape[-1] != k_b:
            second = "first" if b.ndim == 1 else "second-to-last"
            raise ValueError(
                f"matmul: shapes {a.shape} and {b.shape} are not aligned: "
                f"the last dimension of the first ({a.shape[-1]}) must "
                f"equal the {second} dimension of the second ({k_b})."
            )

        def backward(g):
            # C = A B  =>  dL/dA = G B^T,  dL/dB = A^T G. A 1-D operand is
            # treated as a row (A) or a column (B) vector, then the extra
            # axis is removed again.
            A = a.data if a.ndim > 1 else a.data[None, :]  # (..., n, k)
            B = b.data if b.ndim > 1 else b.data[:, None]  # (..., k, m)
            if a.ndim == 1 and b.ndim == 1:
                G = g.reshape(1, 1)  # a dot product: one number
            else:
                G = g if a.ndim > 1 else np.expand_dims(g, -2)
                G = G if b.ndim > 1 else np.expand_dims(G, -1)  # (..., n, m)
            grad_a = grad_b = None
            if a.requires_grad:
                grad_a = G @ np.swapaxes(B, -1, -2)  # G B^T
                grad_a = _unbroadcast(grad_a, A.shape).reshape(a.shape)
            if b.requires_grad:
                grad_b = np.swapaxes(A, -1, -2) @ G  # A^T G
                grad_b = _unbroadcast(grad_b, B.shape).reshape(b.shape)
            return grad_a, grad_b

        return Tensor._result(a.data @ b.data, (a, b), "@", backward)

    def __rmatmul__(self, other):
        return self._lift(other) @ self

    # ---- reductions --------------------------------------------------------------------

    def sum(self, axis=None, keepdims=False):
        """Sum over ``axis`` (all if None or ``()``); negative axes count
        from the end."""
        axis, shape = _normalise_axis(axis, self.ndim), self.shape

        def backward(g):  # each x_i counts once: G, spread back over axis
            return (_expand_reduced(g, shape, axis, keepdims),)

        out = self.data.sum(axis=axis, keepdims=keepdims)
        return Tensor._result(out, (self,), "sum", backward)

    def mean(self, axis=None, keepdims=False):
        """Mean over ``axis`` (all axes if None or ``()``), as ``sum``."""
        axis, shape = _normalise_axis(axis, self.ndim), self.shape
        count = self.size if axis is None else math.prod(shape[i] for i in axis)
        return Tensor._result(
            self.data.mean(axis=axis, keepdims=keepdims), (self,), "mean",
            lambda g: (_expand_reduced(g / count, shape, axis, keepdims),),
        )

    def max(self, axis=None, keepdims=False):
        """Maximum over ``axis``; ties share the gradient equally (as
        ``torch.amax``)."""
        axis, x = _normalise_axis(axis, self.ndim), self.data
        top = x.max(axis=axis, keepdims=True)

        def backward(g):  # only the maximal entries move the maximum
            is_max = x == top
            g = _expand_reduced(g, x.shape, axis, keepdims)
            return (g * is_max / is_max.sum(axis=axis, keepdims=True),)

        if keepdims:
            out = top
        else:
            out = top.reshape(()) if axis is None else top.squeeze(axis)
        return Tensor._result(out, (self,), "max", backward)

    # ---- shapes --------------------------------------------------------------------------

    def reshape(self, *shape):
        """The same values in a new shape (``-1`` infers one dimension)."""
        shape = shape[0] if len(shape) == 1 and isinstance(shape[0], (tuple, list)) else shape
        old = self.shape
        return Tensor._result(
            self.data.reshape(shape), (self,), "reshape", lambda g: (g.reshape(old),)
        )

    def transpose(self, *axes):
        """Permute the axes (reverse them if none are given), as ``ndarray.transpose``.

        Negative axes count from the end: ``x.transpose(0, -1, -2)`` swaps the last two.
        """
        axes = axes[0] if len(axes) == 1 and isinstance(axes[0], (tuple, list)) else axes
        if not axes:
            axes = tuple(reversed(range(self.ndim)))
        if len(axes) != self.ndim:
            raise ValueError(
                f"transpose needs one axis per dimension ({self.ndim}) of the tensor of "
                f"shape {self.shape}, got axes {tuple(axes)}."
            )
        given, axes = tuple(axes), tuple(_check_axis(a, self.ndim) for a in axes)
        if sorted(axes) != list(range(self.ndim)):
            raise ValueError(
                f"transpose axes {given} are not a permutation of the {self.ndim} axes "
                f"of a tensor of shape {self.shape}: an axis is repeated."
            )
        inverse = tuple(int(i) for i in np.argsort(axes))  # where each axis went
        return Tensor._result(
            self.data.transpose(axes), (self,), "transpose",
            lambda g: (g.transpose(inverse),),
        )

    def __getitem__(self, index):
        # Integer or boolean Tensors index as their arrays, alone or inside a tuple.
        if isinstance(index, tuple):
            index = tuple(_index_array(i) for i in index)
        else:
            index = _index_array(index)
        data = self.data
        basic = _is_basic_index(index if isinstance(index, tuple) else (index,))

        def backward(g):
            grad = np.zeros_like(data)
            if basic:
                grad[index] = g
            else:
                np.add.at(grad, index, g)  # an index may repeat: its gradients add up
            return (grad,)

        return Tensor._result(data[index], (self,), "index", backward)

    # ---- elementwise functions -------------------------------------------------------------

    def exp(self):
        out = np.exp(self.data)
        return Tensor._result(out, (self,), "exp", lambda g: (g * out,))  # (e^x)' = e^x

    def log(self):
        x = self.data
        return Tensor._result(np.log(x), (self,), "log", lambda g: (g / x,))  # 1/x

    def tanh(self):
        t = np.tanh(self.data)
        return Tensor._result(t, (self,), "tanh", lambda g: (g * (1 - t * t),))

    def relu(self):
        x = self.data
        return Tensor._result(
            np.maximum(x, 0), (self,), "relu", lambda g: (g * (x > 0),)  # 1 where x > 0
        )

    def sigmoid(self):
        # sigma(x) = 1 / (1 + e^-x) = e^x / (1 + e^x); with e = e^-|x| <= 1 neither
        # branch can overflow.
        x = self.data
        e = np.exp(-np.abs(x))
        s = np.where(x >= 0, 1 / (1 + e), e / (1 + e))
        return Tensor._result(s, (self,), "sigmoid", lambda g: (g * s * (1 - s),))

    def gelu(self, approximate="none"):
        """GELU: :math:`x \\Phi(x)`, or its tanh approximation (``approximate="tanh"``)."""
        x = self.data
        if approximate == "none":
            # gelu(x) = x Phi(x), Phi(x) = (1 + erf(x / sqrt 2)) / 2
            # gelu'(x) = Phi(x) + x phi(x), phi the standard normal density
            cdf = 0.5 * (1 + erf(x / math.sqrt(2)))
            pdf = np.exp(-0.5 * x * x) / math.sqrt(2 * math.pi)
            return Tensor._result(x * cdf, (self,), "gelu", lambda g: (g * (cdf + x * pdf),))
        if approximate != "tanh":
            raise ValueError(f"approximate must be 'none' or 'tanh', got {approximate!r}.")
        # gelu(x) ~ x/2 (1 + tanh(u)),  u = sqrt(2/pi) (x + 0.044715 x^3)
        k = math.sqrt(2 / math.pi)
        t = np.tanh(k * (x + 0.044715 * x * x * x))  # x * x * x: x**3 is ~400x slower

        def backward(g):  # d/dx = (1 + t)/2 + x/2 (1 - t^2) k (1 + 3 * 0.044715 x^2)
            return (g * (0.5 * (1 + t) + 0.5 * x * (1 - t * t) * k * (1 + 3 * 0.044715 * x * x)),)

        return Tensor._result(0.5 * x * (1 + t), (self,), "gelu", backward)

    def softmax(self, axis=-1):
        """softmax(x)_i = exp(x_i - max x) / sum_j exp(x_j - max x), along ``axis``."""
        axis = _check_axis(axis, self.ndim)
        z = self.data - self.data.max(axis=axis, keepdims=True)  # the largest exp is 1
        e = np.exp(z)
        s = e / e.sum(axis=axis, keepdims=True)

        def backward(g):  # ds_i/dx_j = s_i (delta_ij - s_j)  =>  s * (g - <g, s>)
            return (s * (g - (g * s).sum(axis=axis, keepdims=True)),)

        return Tensor._result(s, (self,), "softmax", backward)

    def log_softmax(self, axis=-1):
        """log softmax(x)_i = x_i - logsumexp(x), with the log-sum-exp trick."""
        # logsumexp(x) = m + log sum_j exp(x_j - m), m = max x: no overflow
        axis = _check_axis(axis, self.ndim)
        z = self.data - self.data.max(axis=axis, keepdims=True)
        out = z - np.log(np.exp(z).sum(axis=axis, keepdims=True))

        def backward(g):  # d out_i / dx_j = delta_ij - softmax_j
            return (g - np.exp(out) * g.sum(axis=axis, keepdims=True),)

        return Tensor._result(out, (self,), "log_softmax", backward)

    # ---- backpropagation -------------------------------------------------------------------

    def backward(self, grad=None):
        """Accumulate d(self)/d(leaf) into ``.grad`` of every leaf that requires grad.

        Parameters
        ----------
        grad : array-like, Tensor or None, default=None
            :math:`\\partial L / \\partial \\text{self}`. May be omitted only when
            ``self`` holds one number (a loss): it is then 1.
        """
        if not self.requires_grad:
            raise RuntimeError(
                "backward() called on a tensor that does not require grad: no input of "
                "the computation has requires_grad=True (or it ran under no_grad())."
            )
        if grad is None:
            if self.data.size != 1:
                raise RuntimeError(
                    f"backward() on a non-scalar tensor (shape {self.shape}) needs a "
                    "gradient: pass grad= an array of that shape, or reduce the tensor "
                    "to a scalar first (e.g. .sum() or .mean())."
                )
            grad = np.ones_like(self.data)
        else:
            grad = grad.data if isinstance(grad, Tensor) else grad
            grad = np.asarray(grad, dtype=self.dtype)
            if grad.shape != self.shape:
                raise ValueError(
                    f"backward(grad): grad has shape {grad.shape}, but the tensor has "
                    f"shape {self.shape}."
                )

        # Topological order (every node after its inputs), with an explicit stack so
        # that deep graphs do not reach Python's recursion limit.
        order, visited, stack = [], set(), [(self, False)]
        while stack:
            node, inputs_done = stack.pop()
            if inputs_done:
                order.append(node)
                continue
            if id(node) in visited:
                continue
            visited.add(id(node))
            stack.append((node, True))
            for parent in node._prev:
                if parent.requires_grad and id(parent) not in visited:
                    stack.append((parent, False))

        # From the output back: every contribution to a node has arrived by the time it
        # is reached. Interior gradients live in this dict only; leaves accumulate.
        grads = {id(self): grad}
        for node in reversed(order):
            g = grads.pop(id(node), None)
            if g is None:
                continue
            if not node._prev:  # a leaf: a fresh array, so updating it in place is safe
                # (np.asarray: adding two 0-d arrays gives a NumPy scalar, not an array)
                node.grad = (
                    np.array(g, dtype=node.data.dtype) if node.grad is None
                    else np.asarray(node.grad + g)
                )
                continue
            for parent, parent_grad in zip(node._prev, node._backward(g)):
                if parent_grad is None or not parent.requires_grad:
                    continue
                key = id(parent)
                grads[key] = parent_grad if key not in grads else grads[key] + parent_grad


# ---- joining tensors ---------------------------------------------------------------------


def _as_tensors(tensors, name):
    tensors = tuple(t if isinstance(t, Tensor) else Tensor(t) for t in tensors)
    if not tensors:
        raise ValueError(f"{name} needs at least one tensor, got none.")
    return tensors


def concatenate(tensors, axis=0):
    """Join tensors along an existing axis; each gets back its slice of the gradient.

    Examples
    --------
    >>> from skratch.autograd import Tensor, concatenate
    >>> concatenate([Tensor([1.0, 2.0]), Tensor([3.0])]).data
    array([1., 2., 3.])
    """
    tensors = _as_tensors(tensors, "concatenate")
    axis = _check_axis(axis, tensors[0].ndim)
    ends = np.cumsum([t.shape[axis] for t in tensors])[:-1]
    return Tensor._result(
        np.concatenate([t.data for t in tensors], axis=axis), tensors, "concatenate",
        lambda g: tuple(np.split(g, ends, axis=axis)),
    )


def stack(tensors, axis=0):
    """Join tensors of the same shape along a new axis.

    Examples
    --------
    >>> from skratch.autograd import Tensor, stack
    >>> stack([Tensor([1.0, 2.0]), Tensor([3.0, 4.0])]).shape
    (2, 2)
    """
    tensors = _as_tensors(tensors, "stack")
    axis = _check_axis(axis, tensors[0].ndim + 1)  # an axis of the result
    return Tensor._result(
        np.stack([t.data for t in tensors], axis=axis), tensors, "stack",
        lambda g: tuple(np.moveaxis(g, axis, 0)),
    )
