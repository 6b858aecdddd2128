"""Tests for skratch.autograd.gradcheck (finite differences vs backprop)."""

import numpy as np
import pytest

from skratch.autograd import GradcheckError, Tensor, gradcheck


def _wrong_square(x):
    # x^2 with a deliberately wrong backward (x instead of 2x).
    return Tensor._result(x.data**2, (x,), "bad", lambda g: (g * x.data,))


def test_gradcheck_passes_correct_gradients():
    """Check that a correct composite function passes with a tiny relative error."""
    rng = np.random.default_rng(0)
    W = Tensor(rng.normal(size=(4, 3)), requires_grad=True)
    x = Tensor(rng.normal(size=(5, 4)))  # a constant input is skipped
    result = gradcheck(lambda W, x: (x @ W).tanh().log_softmax(axis=1), [W, x])
    assert result and result.max_relative_error < 1e-8
    assert result.worst_input == 0 and np.isnan(result.errors[1])
    assert "gradcheck passed" in str(result)


def test_gradcheck_reports_wrong_gradients():
    """Check that a wrong backward fails, and the report names the input and the entry."""
    x = Tensor(np.array([1.0, 2.0, 3.0]), requires_grad=True)
    with pytest.raises(GradcheckError, match=r"FAILED: worst relative error .* at input 0, index \(\d,\)"):
        gradcheck(_wrong_square, [x])
    result = gradcheck(_wrong_square, [x], raise_exception=False)
    assert not result
    np.testing.assert_allclose(result.numerical[0] / result.analytical[0], 2.0, rtol=1e-6)


def test_gradcheck_keeps_existing_gradients():
    """Check that gradcheck leaves the inputs' data and grad as they were."""
    x = Tensor(np.array([0.5, -1.0]), requires_grad=True)
    x.grad = np.array([7.0, 7.0])
    gradcheck(lambda x: x.exp().sum(), [x])
    np.testing.assert_array_equal(x.grad, [7.0, 7.0])
    np.testing.assert_array_equal(x.data, [0.5, -1.0])


def test_gradcheck_errors():
    """Check the messages for float32 inputs, no input to check, and a non-Tensor output."""
    with pytest.raises(TypeError, match="float64 inputs, got float32 for input 0"):
        gradcheck(lambda x: x.sum(), [Tensor([1.0], requires_grad=True, dtype=np.float32)])
    with pytest.raises(ValueError, match="requires_grad=True"):
        gradcheck(lambda x: x.sum(), [Tensor([1.0])])
    with pytest.raises(TypeError, match="must return a Tensor, got float"):
        gradcheck(lambda x: 1.0, [Tensor([1.0], requires_grad=True)])
