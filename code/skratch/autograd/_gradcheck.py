"""Gradient checking: backpropagation against central finite differences.

The derivative of a scalar function is, by definition, a limit of difference
quotients; the central difference

.. math:: \\frac{\\partial L}{\\partial x_i} \\approx
          \\frac{L(x + \\varepsilon e_i) - L(x - \\varepsilon e_i)}{2 \\varepsilon}

has an error of order :math:`\\varepsilon^2` (the first-order error terms cancel).
It needs two evaluations of :math:`L` per input entry, far too slow to train with, but
independent of any backward code: if the two disagree, the backward code is wrong.

Read more in the book: Gradient checking and debugging
<https://skratch-ml.github.io/skratch/book/neural-networks/gradient-checking.html>
"""

from dataclasses import dataclass, field

import numpy as np

from ._tensor import Tensor, no_grad

__all__ = ["GradcheckError", "GradcheckResult", "gradcheck"]


class GradcheckError(AssertionError):
    """Raised by ``gradcheck`` when backprop and finite differences disagree."""


def _relative_error(analytical, numerical):
    # ||a - n||_inf / max(||a||_inf, ||n||_inf): relative to the gradient's scale, so an
    # entry that should be 0 and comes out 1e-12 does not count as a 100% error.
    scale = max(np.abs(analytical).max(initial=0), np.abs(numerical).max(initial=0))
    difference = np.abs(analytical - numerical)
    if scale == 0:
        return 0.0, (0,) * analytical.ndim
    worst = np.unravel_index(np.argmax(difference), difference.shape)
    return float(difference[worst] / scale), tuple(int(i) for i in worst)


@dataclass
class GradcheckResult:
    """What ``gradcheck`` found; true (``bool(result)``) when the check passed.

    Attributes
    ----------
    max_relative_error : float
        The worst relative error over the checked inputs.
    worst_input : int
        Position (in ``inputs``) of the input with that error.
    worst_index : tuple of int
        The entry of that input where backprop and finite differences differ most.
    errors : list of float
        The relative error of each checked input (NaN for inputs not checked).
    analytical, numerical : list of ndarray
        The gradients from ``backward()`` and from finite differences, per input.
    rtol : float
        The tolerance the error was compared with.
    """

    max_relative_error: float
    worst_input: int
    worst_index: tuple
    errors: list
    analytical: list = field(repr=False)
    numerical: list = field(repr=False)
    rtol: float = 1e-6

    @property
    def passed(self):
        return self.max_relative_error <= self.rtol

    def __bool__(self):
        return self.passed

    def __str__(self):
        verdict = "passed" if self.passed else "FAILED"
        i, index = self.worst_input, self.worst_index
        a = self.analytical[i][index] if self.analytical[i] is not None else np.nan
        n = self.numerical[i][index] if self.numerical[i] is not None else np.nan
        return (
            f"gradcheck {verdict}: worst relative error {self.max_relative_error:.3g} "
            f"(tolerance {self.rtol:g}) at input {i}, index {index}: backprop {a:.10g}, "
            f"finite differences {n:.10g}."
        )


def gradcheck(f, inputs, *, eps=1e-6, rtol=1e-6, seed=0, raise_exception=True):
    """Compare the gradients of ``f`` from ``backward()`` with finite differences.

    A non-scalar output is reduced to the scalar :math:`L = \\sum_j w_j f_j` with fixed
    random weights :math:`w` (so every output entry matters and no two entries can
    cancel by symmetry); ``backward(w)`` computes the same vector-Jacobian product.

    Parameters
    ----------
    f : callable
        ``f(*inputs)`` returns a Tensor. It must be deterministic (no dropout).
    inputs : sequence of Tensor
        The inputs; those with ``requires_grad=True`` are checked. They must be
        float64: in float32 finite differences lose too many digits to be a check.
    eps : float, default=1e-6
        The step :math:`\\varepsilon`.
    rtol : float, default=1e-6
        The largest relative error that passes, per input:
        :math:`\\max_i |a_i - n_i| / \\max(\\max_i |a_i|, \\max_i |n_i|)`.
    seed : int, default=0
        Seed of the weights :math:`w`.
    raise_exception : bool, default=True
        Raise ``GradcheckError`` (with the report) when the check fails.

    Returns
    -------
    result : GradcheckResult
        True when it passed; ``print(result)`` gives the report.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.autograd import Tensor, gradcheck
    >>> rng = np.random.default_rng(0)
    >>> x = Tensor(rng.normal(size=(3, 4)), requires_grad=True)
    >>> result = gradcheck(lambda x: x.tanh().sum(axis=0), [x])
    >>> result.passed, result.max_relative_error < 1e-8
    (True, True)
    """
    inputs = list(inputs)
    checked = [i for i, t in enumerate(inputs) if isinstance(t, Tensor) and t.requires_grad]
    if not checked:
        raise ValueError("gradcheck needs at least one input Tensor with requires_grad=True.")
    for i in checked:
        if inputs[i].dtype != np.float64:
            raise TypeError(
                f"gradcheck needs float64 inputs, got {inputs[i].dtype} for input {i}: "
                "finite differences in float32 lose too many digits to check anything."
            )

    out = f(*inputs)
    if not isinstance(out, Tensor):
        raise TypeError(f"f must return a Tensor, got {type(out).__name__}.")
    w = np.random.default_rng(seed).standard_normal(out.shape)

    # Backprop: seed with w (the vector-Jacobian product), keeping any existing grads.
    saved = [inputs[i].grad for i in checked]
    for i in checked:
        inputs[i].grad = None
    out.backward(w)
    analytical = [None] * len(inputs)
    for i, old in zip(checked, saved):
        grad = inputs[i].grad
        analytical[i] = np.zeros_like(inputs[i].data) if grad is None else grad
        inputs[i].grad = old

    # Finite differences, one entry at a time.
    numerical = [None] * len(inputs)
    with no_grad():
        for i in checked:
            x = inputs[i].data
            estimate = np.zeros_like(x)
            for index in np.ndindex(x.shape):
                original = x[index]
                x[index] = original + eps
                plus = np.sum(f(*inputs).data * w)
                x[index] = original - eps
                minus = np.sum(f(*inputs).data * w)
                x[index] = original
                estimate[index] = (plus - minus) / (2 * eps)
            numerical[i] = estimate

    errors = [np.nan] * len(inputs)
    worst_input, worst_index, worst_error = checked[0], (), -1.0
    for i in checked:
        errors[i], index = _relative_error(analytical[i], numerical[i])
        if errors[i] > worst_error:
            worst_input, worst_index, worst_error = i, index, errors[i]
    result = GradcheckResult(
        worst_error, worst_input, worst_index, errors, analytical, numerical, rtol
    )
    if raise_exception and not result.passed:
        raise GradcheckError(str(result))
    return result
