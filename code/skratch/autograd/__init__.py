"""Automatic differentiation: a scalar engine (Value) and an array engine (Tensor).

Read more in the book: Automatic differentiation
<https://skratch-ml.github.io/skratch/book/neural-networks/autograd.html>
"""

from ._gradcheck import GradcheckError, GradcheckResult, gradcheck
from ._graph import draw_graph
from ._tensor import Tensor, concatenate, is_grad_enabled, no_grad, stack
from ._value import Value

__all__ = [
    "GradcheckError",
    "GradcheckResult",
    "Tensor",
    "Value",
    "concatenate",
    "draw_graph",
    "gradcheck",
    "is_grad_enabled",
    "no_grad",
    "stack",
]
