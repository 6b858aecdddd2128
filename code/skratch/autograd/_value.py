"""A scalar reverse-mode automatic differentiation engine, in the spirit of micrograd.

A ``Value`` wraps one number. Every arithmetic operation on Values returns a new Value
that remembers its inputs (``_prev``), the operation (``_op``) and how to pass a
gradient back to its inputs (``_backward``). Each operation below keeps its forward
code and its backward code side by side: the forward line computes the output, the
``_backward`` closure applies the chain rule

.. math:: \\frac{\\partial L}{\\partial x} \\mathrel{+}= \\frac{\\partial L}{\\partial
          \\text{out}} \\cdot \\frac{\\partial \\text{out}}{\\partial x}

``backward()`` visits the graph in reverse topological order (outputs before inputs)
and calls each ``_backward`` once. Gradients *accumulate* (``+=``), because a value
used twice receives a contribution from each use; that is also why they must be reset
to zero before the next backward pass.

Read more in the book: Automatic differentiation
<https://skratch-ml.github.io/skratch/book/neural-networks/autograd.html>
"""

import math

__all__ = ["Value"]


def _topological_order(root):
    """Every Value ``root`` depends on, each listed after all of its inputs.

    A depth-first search with an explicit stack instead of recursion, so
    deep graphs (long sums, many steps) do not hit Python's recursion
    limit: a node is pushed once to visit its inputs and once more to be
    emitted after them.
    """
    order, visited, stack = [], set(), [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if children_done:
            order.append(node)  # all its inputs are already in order
            continue
        if id(node) in visited:
            continue
        visited.add(id(node))
        stack.append((node, True))
        stack.extend(
            (child, False)
            for child in node._prev
            if id(child) not in visited
        )
    return order


class Value:
    """A scalar that records the operations applied to it, for backpropagation.

    Parameters
    ----------
    data : float
        The number.
    _children : tuple of Value, default=()
        The Values this one was computed from (set by the operations).
    _op : str, default=""
        The operation that produced it (for display).
    label : str, default=""
        An optional name, shown by ``draw_graph``.

    Attributes
    ----------
    data : float
        The value computed in the forward pass.
    grad : float
        :math:`\\partial L / \\partial \\text{self}` after ``L.backward()``; 0.0 before.

    See Also
    --------
    skratch.autograd.Tensor : The same ideas over NumPy arrays.
    skratch.autograd.draw_graph : Draw the computational graph of a Value.

    References
    ----------
    .. [1] A. Karpathy, "micrograd", https://github.com/karpathy/micrograd, 2020.

    Examples
    --------
    >>> from skratch.autograd import Value
    >>> a, b = Value(2.0), Value(-3.0)
    >>> c = a * b + a  # c = ab + a
    >>> c.backward()
    >>> print(c.data, a.grad, b.grad)  # dc/da = b + 1, dc/db = a
    -4.0 -2.0 2.0
    """

    def __init__(self, data, _children=(), _op="", label=""):
        if isinstance(data, Value):
            raise TypeError("Value(data) needs a number, got a Value: use it directly.")
        self.data = float(data)
        self.grad = 0.0
        self._backward = lambda: None  # a leaf passes its gradient nowhere
        self._prev = tuple(_children)
        self._op = _op
        self.label = label

    # ---- binary operations -----------------------------------------------------------

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data + other.data, (self, other), "+")

        def _backward():  # d(a + b)/da = 1, d(a + b)/db = 1
            self.grad += out.grad
            other.grad += out.grad

        out._backward = _backward
        return out

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data * other.data, (self, other), "*")

        def _backward():  # d(ab)/da = b, d(ab)/db = a
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad

        out._backward = _backward
        return out

    def __pow__(self, exponent):
        if not isinstance(exponent, (int, float)):
            raise TypeError(
                f"Value ** exponent supports int or float exponents only, got "
                f"{type(exponent).__name__}: write exp(b * log(a)) for a ** b."
            )
        out = Value(self.data**exponent, (self,), f"**{exponent:g}")

        def _backward():  # d(a^k)/da = k a^(k-1), and 0 for k = 0 (a^0 = 1, even at a = 0)
            if exponent != 0:
                self.grad += exponent * self.data ** (exponent - 1) * out.grad

        out._backward = _backward
        return out

    # ---- unary operations ------------------------------------------------------------

    def exp(self):
        out = Value(math.exp(self.data), (self,), "exp")

        def _backward():  # d(e^a)/da = e^a, which is out.data
            self.grad += out.data * out.grad

        out._backward = _backward
        return out

    def log(self):
        if self.data <= 0:
            raise ValueError(f"log needs a positive number, got {self.data!r}.")
        out = Value(math.log(self.data), (self,), "log")

        def _backward():  # d(log a)/da = 1/a
            self.grad += out.grad / self.data

        out._backward = _backward
        return out

    def tanh(self):
        out = Value(math.tanh(self.data), (self,), "tanh")

        def _backward():  # d(tanh a)/da = 1 - tanh(a)^2
            self.grad += (1 - out.data**2) * out.grad

        out._backward = _backward
        return out

    def relu(self):
        out = Value(max(self.data, 0.0), (self,), "relu")

        def _backward():  # d(max(a, 0))/da = 1 if a > 0 else 0
            self.grad += (self.data > 0) * out.grad

        out._backward = _backward
        return out

    def sigmoid(self):
        # sigma(a) = 1 / (1 + e^-a), written so that e^x never overflows.
        if self.data >= 0:
            s = 1.0 / (1.0 + math.exp(-self.data))
        else:
            s = math.exp(self.data) / (1.0 + math.exp(self.data))
        out = Value(s, (self,), "sigmoid")

        def _backward():  # d(sigma(a))/da = sigma(a) (1 - sigma(a))
            self.grad += s * (1 - s) * out.grad

        out._backward = _backward
        return out

    # ---- backpropagation -------------------------------------------------------------

    def backward(self):
        """Fill ``.grad`` of every Value this one depends on with d(self)/d(it).

        The graph is sorted topologically (each node after all its inputs)
        with an explicit stack rather than recursion, so deep graphs (long
        sums, many steps) do not hit Python's recursion limit. Then, from
        this node (seeded with d(self)/d(self) = 1) back to the leaves, each
        node passes its gradient on.
        """
        self.grad = 1.0
        for node in reversed(_topological_order(self)):
            node._backward()

    # ---- the rest is built from the operations above ---------------------------------

    def __neg__(self):  # -a
        return self * -1

    def __radd__(self, other):  # other + a
        return self + other

    def __sub__(self, other):  # a - b
        return self + (-other)

    def __rsub__(self, other):  # other - a
        return other + (-self)

    def __rmul__(self, other):  # other * a
        return self * other

    def __truediv__(self, other):  # a / b = a * b^-1
        return self * other**-1

    def __rtruediv__(self, other):  # other / a
        return other * self**-1

    def __repr__(self):
        return f"Value(data={self.data:.4g}, grad={self.grad:.4g})"
