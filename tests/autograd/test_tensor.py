"""Tests for skratch.autograd.Tensor, compared against PyTorch tensors (CPU, float64)."""

import numpy as np
import pytest
import torch

from skratch.autograd import Tensor, concatenate, gradcheck, no_grad, stack

# (name, function of the inputs, input shapes, positive inputs?). Each function is
# written once and run on skratch Tensors and on torch tensors: the operators and
# methods used exist under the same names in both (amax/max aside, handled below).
OPS = [
    ("add", lambda a, b: a + b, [(3, 4), (3, 4)], False),
    ("add broadcast row", lambda a, b: a + b, [(3, 4), (4,)], False),
    ("add broadcast column", lambda a, b: a + b, [(3, 1), (1, 4)], False),
    ("add broadcast 3d", lambda a, b: a + b, [(2, 3, 4), (3, 1)], False),
    ("add scalar tensor", lambda a, b: a + b, [(3, 4), ()], False),
    ("radd number", lambda a: 2.5 + a, [(3, 4)], False),
    ("sub broadcast", lambda a, b: a - b, [(3, 4), (1, 4)], False),
    ("rsub number", lambda a: 1.5 - a, [(3, 4)], False),
    ("mul broadcast", lambda a, b: a * b, [(2, 3, 4), (4,)], False),
    ("rmul number", lambda a: -3.0 * a, [(3, 4)], False),
    ("div broadcast", lambda a, b: a / b, [(3, 4), (3, 1)], True),
    ("rdiv number", lambda a: 2.0 / a, [(3, 4)], True),
    ("neg", lambda a: -a, [(3, 4)], False),
    ("pow number", lambda a: a**3, [(3, 4)], False),
    ("pow fraction", lambda a: a**0.5, [(3, 4)], True),
    ("pow tensor", lambda a, b: a**b, [(3, 4), (4,)], True),
    ("rpow number", lambda a: 2.0**a, [(3, 4)], False),
    ("matmul", lambda a, b: a @ b, [(5, 3), (3, 4)], False),
    ("matmul vector right", lambda a, b: a @ b, [(5, 3), (3,)], False),
    ("matmul vector left", lambda a, b: a @ b, [(3,), (3, 4)], False),
    ("matmul vectors", lambda a, b: a @ b, [(3,), (3,)], False),
    ("matmul batched broadcast", lambda a, b: a @ b, [(2, 5, 3), (3, 4)], False),
    ("sum all", lambda a: a.sum(), [(2, 3, 4)], False),
    ("sum axis 0", lambda a: a.sum(axis=0), [(2, 3, 4)], False),
    ("sum axis 1", lambda a: a.sum(axis=1), [(2, 3, 4)], False),
    ("sum axis 2 keepdims", lambda a: a.sum(axis=2, keepdims=True), [(2, 3, 4)], False),
    ("sum axes (0, 2)", lambda a: a.sum(axis=(0, 2)), [(2, 3, 4)], False),
    ("sum axis -1", lambda a: a.sum(axis=-1), [(2, 3, 4)], False),
    ("mean all", lambda a: a.mean(), [(2, 3, 4)], False),
    ("mean axis 0", lambda a: a.mean(axis=0), [(2, 3, 4)], False),
    ("mean axis 1 keepdims", lambda a: a.mean(axis=1, keepdims=True), [(2, 3, 4)], False),
    ("mean axis 2", lambda a: a.mean(axis=2), [(2, 3, 4)], False),
    ("max all", "max", [(3, 4)], False),
    ("max axis 0", ("max", 0), [(3, 4)], False),
    ("max axis 1 keepdims", ("max", 1, True), [(3, 4)], False),
    ("max axis 2", ("max", 2), [(2, 3, 4)], False),
    ("reshape", lambda a: a.reshape(4, 6) * 1.0, [(2, 3, 4)], False),
    ("reshape -1", lambda a: a.reshape(-1), [(2, 3, 4)], False),
    ("transpose", lambda a: a.T, [(3, 4)], False),
    ("transpose axes", ("transpose", 2, 0, 1), [(2, 3, 4)], False),
    ("index int", lambda a: a[1], [(3, 4)], False),
    ("index slice", lambda a: a[1:, ::2], [(3, 4)], False),
    ("index negative", lambda a: a[-1, 1:3], [(3, 4)], False),
    ("index array repeated", lambda a: a[[0, 2, 0, 0]], [(3, 4)], False),
    ("index pairs", lambda a: a[[0, 1, 2, 2], [3, 0, 1, 1]], [(3, 4)], False),
    ("exp", lambda a: a.exp(), [(3, 4)], False),
    ("log", lambda a: a.log(), [(3, 4)], True),
    ("tanh", lambda a: a.tanh(), [(3, 4)], False),
    ("relu", lambda a: a.relu(), [(3, 4)], False),
    ("sigmoid", lambda a: a.sigmoid(), [(3, 4)], False),
    ("gelu", "gelu", [(3, 4)], False),
    ("gelu tanh", ("gelu", "tanh"), [(3, 4)], False),
    ("softmax axis -1", ("softmax", -1), [(3, 4)], False),
    ("softmax axis 0", ("softmax", 0), [(3, 4)], False),
    ("log_softmax axis -1", ("log_softmax", -1), [(3, 4)], False),
    ("log_softmax axis 0", ("log_softmax", 0), [(2, 3, 4)], False),
    ("concatenate axis 0", ("concatenate", 0), [(2, 4), (3, 4)], False),
    ("concatenate axis 1", ("concatenate", 1), [(3, 2), (3, 4)], False),
    ("stack axis 1", ("stack", 1), [(3, 4), (3, 4)], False),
]


def _apply(op, inputs, library):
    """Run one entry of OPS on skratch Tensors (library="skratch") or torch tensors."""
    if callable(op):
        return op(*inputs)
    name, *args = (op,) if isinstance(op, str) else op
    a = inputs[0]
    if name == "max":
        if library == "torch":  # torch.amax shares ties equally, as Tensor.max does
            return torch.amax(a) if not args else torch.amax(a, dim=args[0], keepdim=bool(args[1:]))
        return a.max() if not args else a.max(axis=args[0], keepdims=bool(args[1:]))
    if name == "transpose":  # torch calls a general permutation of the axes permute
        return a.permute(*args) if library == "torch" else a.transpose(*args)
    if name == "gelu":
        approximate = args[0] if args else "none"
        if library == "torch":
            return torch.nn.functional.gelu(a, approximate=approximate)
        return a.gelu(approximate=approximate)
    if name in ("softmax", "log_softmax"):
        return getattr(a, name)(dim=args[0]) if library == "torch" else getattr(a, name)(axis=args[0])
    if name == "concatenate":
        return torch.cat(inputs, dim=args[0]) if library == "torch" else concatenate(inputs, axis=args[0])
    if name == "stack":
        return torch.stack(inputs, dim=args[0]) if library == "torch" else stack(inputs, axis=args[0])
    raise ValueError(name)


def _random_inputs(shapes, positive, seed=0):
    rng = np.random.default_rng(seed)
    arrays = [rng.normal(size=shape) for shape in shapes]
    return [np.abs(x) + 0.5 for x in arrays] if positive else arrays


@pytest.mark.parametrize("name, op, shapes, positive", OPS, ids=[o[0] for o in OPS])
def test_tensor_op_matches_torch(name, op, shapes, positive):
    """Check that the op's forward values and input gradients equal torch's to 1e-10."""
    arrays = _random_inputs(shapes, positive)
    ours = [Tensor(x, requires_grad=True) for x in arrays]
    theirs = [torch.tensor(x, requires_grad=True) for x in arrays]
    out, ref = _apply(op, ours, "skratch"), _apply(op, theirs, "torch")
    np.testing.assert_allclose(out.data, ref.detach().numpy(), rtol=1e-10, atol=1e-12)
    upstream = np.random.default_rng(1).normal(size=out.shape)
    out.backward(upstream)
    ref.backward(torch.tensor(upstream))
    for t, r in zip(ours, theirs):
        assert t.grad.shape == t.shape and t.grad.dtype == np.float64
        np.testing.assert_allclose(t.grad, r.grad.numpy(), rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("name, op, shapes, positive", OPS, ids=[o[0] for o in OPS])
def test_tensor_op_passes_gradcheck(name, op, shapes, positive):
    """Check that the op's backward agrees with central finite differences (rel. error < 1e-6)."""
    arrays = _random_inputs(shapes, positive, seed=2)
    inputs = [Tensor(x, requires_grad=True) for x in arrays]
    result = gradcheck(lambda *xs: _apply(op, xs, "skratch"), inputs)
    assert result.max_relative_error < 1e-6, str(result)


@pytest.mark.parametrize("name, op, shapes, positive", OPS, ids=[o[0] for o in OPS])
def test_tensor_op_keeps_float32(name, op, shapes, positive):
    """Check that float32 inputs give float32 outputs and gradients, close to float64's."""
    arrays = _random_inputs(shapes, positive)
    ours = [Tensor(x, requires_grad=True, dtype=np.float32) for x in arrays]
    out = _apply(op, ours, "skratch")
    assert out.dtype == np.float32
    out.backward(np.ones(out.shape))
    assert all(t.grad.dtype == np.float32 for t in ours)
    exact = _apply(op, [Tensor(x) for x in arrays], "skratch")
    np.testing.assert_allclose(out.data, exact.data, rtol=1e-4, atol=1e-5)


def test_tensor_gradients_accumulate_and_reuse():
    """Check that a tensor used twice sums both gradients, and backward calls accumulate."""
    x = Tensor([1.0, -2.0, 3.0], requires_grad=True)
    (x * x + x).sum().backward()
    np.testing.assert_allclose(x.grad, 2 * x.data + 1)
    (x * x + x).sum().backward()
    np.testing.assert_allclose(x.grad, 2 * (2 * x.data + 1))


def test_tensor_backward_handles_deep_graphs():
    """Check that backward is iterative: a chain of 5,000 operations does not recurse."""
    x = Tensor(np.ones(3), requires_grad=True)
    y = x
    for _ in range(5_000):
        y = y + x
    y.sum().backward()
    np.testing.assert_allclose(x.grad, 5_001.0)


def test_tensor_no_grad_records_nothing():
    """Check that operations inside no_grad() build no graph, and recording resumes after."""
    w = Tensor(np.ones((2, 2)), requires_grad=True)
    with no_grad():
        y = (w @ w).sum()
    assert not y.requires_grad and y._prev == ()
    assert (w * 2).requires_grad
    assert not w.detach().requires_grad


def test_tensor_softmax_is_stable_for_large_logits():
    """Check that softmax and log_softmax stay finite for logits of +-1000 (log-sum-exp)."""
    x = Tensor([[1000.0, 0.0, -1000.0]], requires_grad=True)
    np.testing.assert_allclose(x.softmax().data, [[1.0, 0.0, 0.0]])
    np.testing.assert_allclose(x.log_softmax().data, [[0.0, -1000.0, -2000.0]])
    x.log_softmax()[0, 1].backward()
    assert np.isfinite(x.grad).all()


def test_tensor_sigmoid_is_stable_for_large_inputs():
    """Check that sigmoid gives exact 0 and 1 far from 0, without overflow warnings."""
    with np.errstate(over="raise", invalid="raise"):
        s = Tensor([-1000.0, 0.0, 1000.0]).sigmoid().data
    np.testing.assert_array_equal(s, [0.0, 0.5, 1.0])


def test_tensor_matmul_error_names_both_shapes():
    """Check that a matmul shape mismatch names both shapes."""
    a, b = Tensor(np.ones((2, 3))), Tensor(np.ones((4, 5)))
    with pytest.raises(ValueError, match=r"shapes \(2, 3\) and \(4, 5\) are not aligned"):
        a @ b
    with pytest.raises(ValueError, match="at least 1 dimension"):
        a @ Tensor(2.0)


def test_tensor_backward_errors():
    """Check that backward on a non-scalar without grad, or a constant, says so."""
    x = Tensor(np.ones((2, 3)), requires_grad=True)
    with pytest.raises(RuntimeError, match=r"non-scalar tensor \(shape \(2, 3\)\) needs a gradient"):
        (x * 2).backward()
    with pytest.raises(ValueError, match=r"grad has shape \(3,\)"):
        (x * 2).backward(np.ones(3))
    with pytest.raises(RuntimeError, match="does not require grad"):
        Tensor([1.0]).sum().backward()


def test_tensor_construction():
    """Check dtype handling, copying, and rejection of non-numeric data."""
    assert Tensor([1, 2]).dtype == np.int64  # integers stay integers, as in PyTorch
    assert Tensor([1.5, 2]).dtype == np.float64
    assert Tensor(np.ones(2, dtype=np.float32)).dtype == np.float32
    array = np.zeros(2)
    Tensor(array).data[0] = 1.0
    assert array[0] == 0.0  # the Tensor owns a copy
    with pytest.raises(TypeError, match="needs numbers"):
        Tensor(["a", "b"])
    with pytest.raises(ValueError, match="one element"):
        Tensor([1.0, 2.0]).item()
    assert Tensor([[3.5]]).item() == 3.5


def test_tensor_numpy_array_on_the_left():
    """Check that ndarray + Tensor and ndarray @ Tensor give Tensors with gradients."""
    w = Tensor(np.ones((3, 2)), requires_grad=True)
    out = np.ones((4, 3)) @ w + np.ones(2)
    assert isinstance(out, Tensor)
    out.sum().backward()
    np.testing.assert_allclose(w.grad, np.full((3, 2), 4.0))
