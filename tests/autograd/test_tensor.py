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
    ("pow 4 negative bases", lambda a: a**4, [(3, 4)], False),
    ("pow -1", lambda a: a**-1, [(3, 4)], False),
    ("pow -3", lambda a: a**-3, [(3, 4)], False),
    ("pow 2.0", lambda a: a**2.0, [(3, 4)], False),
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
    # Negative axes count from the end, in every operation that takes an axis.
    ("transpose negative axes", ("transpose", -1, 0, -2), [(2, 3, 4)], False),
    ("transpose negative axes cube", ("transpose", -1, 0, -2), [(3, 3, 3)], False),
    ("transpose swap last two", ("transpose", 0, -1, -2), [(3, 3, 3)], False),
    ("sum axis -2", lambda a: a.sum(axis=-2), [(2, 3, 4)], False),
    ("sum axes (-1, 0) keepdims", lambda a: a.sum(axis=(-1, 0), keepdims=True), [(2, 3, 4)], False),
    ("sum empty axes", lambda a: a.sum(axis=()), [(2, 3, 4)], False),
    ("mean axis -2 keepdims", lambda a: a.mean(axis=-2, keepdims=True), [(2, 3, 4)], False),
    ("mean axes (-3, -1)", lambda a: a.mean(axis=(-3, -1)), [(2, 3, 4)], False),
    ("mean empty axes", lambda a: a.mean(axis=()), [(2, 3, 4)], False),
    ("max axis -1", ("max", -1), [(2, 3, 4)], False),
    ("max axes (-3, -1) keepdims", ("max", (-3, -1), True), [(2, 3, 4)], False),
    ("softmax axis -2", ("softmax", -2), [(2, 3, 4)], False),
    ("log_softmax axis -3", ("log_softmax", -3), [(2, 3, 4)], False),
    ("concatenate axis -1", ("concatenate", -1), [(3, 2), (3, 4)], False),
    ("concatenate axis -2", ("concatenate", -2), [(2, 2, 4), (2, 3, 4)], False),
    ("stack axis -1", ("stack", -1), [(3, 4), (3, 4)], False),
    ("stack axis -3", ("stack", -3), [(3, 4), (3, 4), (3, 4)], False),
    ("index negative array", lambda a: a[[-1, 0, -1]], [(3, 4)], False),
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
    (x * 2).backward(Tensor(np.ones((2, 3))))  # a Tensor as the gradient, as in torch
    np.testing.assert_allclose(x.grad, 2.0)


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


# ---- corners where a learner meets PyTorch's conventions -------------------------------


@pytest.mark.parametrize(
    "base_shape, exponent_shape", [((4,), (3, 4)), ((3, 1), (1, 4)), ((), (2, 3))]
)
def test_tensor_pow_with_a_broadcasting_array_matches_torch(base_shape, exponent_shape):
    """Check that Tensor ** ndarray and ndarray ** Tensor sum the gradient back to the tensor's shape."""
    rng = np.random.default_rng(0)
    base = np.abs(rng.normal(size=base_shape)) + 0.5
    exponent = rng.normal(size=exponent_shape)
    ours, theirs = Tensor(base, requires_grad=True), torch.tensor(base, requires_grad=True)
    out, ref = ours**exponent, theirs ** torch.from_numpy(exponent)
    np.testing.assert_allclose(out.data, ref.detach().numpy(), rtol=1e-12, atol=1e-12)
    out.sum().backward(), ref.sum().backward()
    assert ours.grad.shape == base_shape
    np.testing.assert_allclose(ours.grad, theirs.grad.numpy(), rtol=1e-12, atol=1e-12)
    # The constant as the base: ndarray ** Tensor (the array is of the larger shape).
    ours = Tensor(base - 0.5, requires_grad=True)
    theirs = torch.tensor(base - 0.5, requires_grad=True)
    constant = np.abs(exponent) + 0.5
    out, ref = constant**ours, torch.from_numpy(constant) ** theirs
    assert isinstance(out, Tensor)
    np.testing.assert_allclose(out.data, ref.detach().numpy(), rtol=1e-12, atol=1e-12)
    out.sum().backward(), ref.sum().backward()
    assert ours.grad.shape == base_shape
    np.testing.assert_allclose(ours.grad, theirs.grad.numpy(), rtol=1e-12, atol=1e-12)


def test_tensor_pow_with_an_array_keeps_float32():
    """Check that a float32 Tensor ** a float64 ndarray stays float32, gradient included."""
    x = Tensor(np.full(3, 2.0), requires_grad=True, dtype=np.float32)
    out = x ** np.array([[1.0, 2.0, 3.0], [0.5, 1.0, 2.0]])
    assert out.dtype == np.float32
    out.sum().backward()
    assert x.grad.dtype == np.float32 and x.grad.shape == (3,)


def test_tensor_pow_at_zero_matches_torch():
    """Check x ** 0 at x = 0 and 0 ** w: gradient 0 as in torch, not NaN (1e-12)."""
    x = np.array([0.0, 0.0, 0.0, 0.0, 0.0, 2.0])
    w = np.array([0.0, 1.0, 2.0, 0.5, -1.0, 0.0])
    cases = [
        ("x ** 0 (number)", lambda a, b: a**0),
        ("x ** 0.0 (number)", lambda a, b: a**0.0),
        ("x ** w (tensors)", lambda a, b: a**b),
        ("0 ** w (constant base)", lambda a, b: 0.0**b),
    ]
    for name, f in cases:
        ours = [Tensor(v, requires_grad=True) for v in (x, w)]
        theirs = [torch.tensor(v, requires_grad=True) for v in (x, w)]
        with np.errstate(divide="ignore"):  # 0 ** -1 = inf in the forward pass, as in torch
            out = f(*ours)
        ref = f(*theirs)
        np.testing.assert_allclose(out.data, ref.detach().numpy(), rtol=1e-12, err_msg=name)
        out.sum().backward(), ref.sum().backward()
        for t, r in zip(ours, theirs):
            expected = np.zeros_like(t.data) if r.grad is None else r.grad.numpy()
            got = np.zeros_like(t.data) if t.grad is None else t.grad
            np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-12, err_msg=name)
    zero = Tensor(np.zeros(3), requires_grad=True)
    (zero**0).sum().backward()
    assert not np.isnan(zero.grad).any()


def _zero_d_results():
    x = Tensor(np.arange(1.0, 7.0).reshape(2, 3), requires_grad=True)
    v = Tensor([1.0, 2.0, 3.0], requires_grad=True)
    logits, classes = Tensor([[1.0, 2.0], [0.5, -1.0]], requires_grad=True), np.array([1, 0])
    from skratch.nn import functional as F

    return {
        "sum": x.sum(),
        "mean": x.mean(),
        "max": x.max(),
        "sum keepdims then index": x.sum(axis=0)[1],
        "index to a scalar": x[1, 2],
        "index with negative ints": x[-1, -1],
        "matmul of two vectors": v @ v,
        "mse_loss": F.mse_loss(x, Tensor(np.zeros((2, 3)))),
        "mse_loss sum": F.mse_loss(x, Tensor(np.zeros((2, 3))), reduction="sum"),
        "cross_entropy": F.cross_entropy(logits, classes),
        "cross_entropy sum": F.cross_entropy(logits, classes, reduction="sum"),
        "nll_loss": F.nll_loss(logits.log_softmax(), classes),
        "binary_cross_entropy": F.binary_cross_entropy(v / 4, Tensor([1.0, 0.0, 1.0])),
        "binary_cross_entropy_with_logits": F.binary_cross_entropy_with_logits(
            v, Tensor([1.0, 0.0, 1.0]), reduction="sum"
        ),
        "0-d times 0-d": x.sum() * x.mean(),
        "constant": Tensor(3.0),
    }


@pytest.mark.parametrize("name", list(_zero_d_results()))
def test_tensor_scalar_results_are_0d_arrays(name):
    """Check that a scalar result's data and numpy() are 0-d ndarrays (writable); item() is a float."""
    out = _zero_d_results()[name]
    assert type(out.data) is np.ndarray and out.data.shape == ()
    assert type(out.numpy()) is np.ndarray
    assert type(out.item()) is float
    value = out.item()
    out.data[...] = value + 1.0  # as torch's loss.data.fill_(...): possible on an array only
    assert out.item() == value + 1.0


def test_tensor_0d_leaf_gradient_is_an_array_and_accumulates():
    """Check that a 0-d leaf's grad stays a 0-d ndarray over two backward calls, equal to torch's."""
    ours, theirs = Tensor(2.0, requires_grad=True), torch.tensor(2.0, dtype=torch.float64, requires_grad=True)
    for _ in range(2):
        (ours * ours).backward()
        (theirs * theirs).backward()
    assert type(ours.grad) is np.ndarray and ours.grad.shape == ()
    np.testing.assert_allclose(ours.grad, theirs.grad.numpy(), rtol=1e-12)


INDEX_CASES = [
    ("integer tensor, repeated", lambda T: (T([0, 2, 0]),)),
    ("integer tensor, negative", lambda T: (T([-1, 0, -1]),)),
    ("boolean tensor", lambda T: (T([True, False, True]),)),
    ("two integer tensors", lambda T: (T([0, 1, 2, 2]), T([3, 0, 1, 1]))),
    ("integer tensor and slice", lambda T: (T([0, 0, 2]), slice(1, None))),
    ("slice and integer tensor", lambda T: (slice(None), T([3, 3, 1]))),
    ("2-d integer tensor", lambda T: (T([[0, 1], [1, 1]]),)),
    ("boolean mask of the shape", lambda T: (T([[True, False, True, False]] * 3),)),
]


@pytest.mark.parametrize("name, make", INDEX_CASES, ids=[c[0] for c in INDEX_CASES])
def test_tensor_indexed_by_tensors_matches_torch(name, make):
    """Check that integer and boolean Tensors index (alone or in tuples) with torch's values and gradients."""
    x = np.random.default_rng(0).normal(size=(3, 4))
    ours, theirs = Tensor(x, requires_grad=True), torch.tensor(x, requires_grad=True)
    ours_index, theirs_index = make(Tensor), make(torch.tensor)
    out = ours[ours_index if len(ours_index) > 1 else ours_index[0]]
    ref = theirs[theirs_index if len(theirs_index) > 1 else theirs_index[0]]
    np.testing.assert_allclose(out.data, ref.detach().numpy(), rtol=1e-12)
    upstream = np.random.default_rng(1).normal(size=out.shape)
    out.backward(upstream), ref.backward(torch.from_numpy(upstream))
    np.testing.assert_allclose(ours.grad, theirs.grad.numpy(), rtol=1e-12, atol=1e-12)


def test_tensor_float_index_error_names_the_dtype():
    """Check that a float Tensor used as an index raises an IndexError naming its dtype."""
    with pytest.raises(IndexError, match="must hold integers or booleans, got dtype float64"):
        Tensor(np.ones((3, 2)))[Tensor([0.0, 1.0])]


def test_tensor_integer_dtypes_and_promotion_match_torch():
    """Check that integer and boolean Tensors keep their dtype and promote with floats as torch does."""
    ints, floats32 = Tensor([1, 2, 3]), Tensor([0.5, 1.5, 2.5], dtype=np.float32)
    t_ints, t_floats32 = torch.tensor([1, 2, 3]), torch.tensor([0.5, 1.5, 2.5], dtype=torch.float32)
    assert ints.dtype == np.int64 and Tensor([True, False]).dtype == np.bool_
    # (ours, torch's): the same values and dtype; where torch makes a float of its
    # default dtype (float32 unless set), ours is float64
    pairs = [
        (ints + 2, t_ints + 2),
        (ints * ints, t_ints * t_ints),
        (ints.sum(), t_ints.sum()),
        (ints * floats32, t_ints * t_floats32),
        (floats32 - ints, t_floats32 - t_ints),
        (floats32 @ ints, t_floats32 @ t_ints.float()),  # torch's matmul needs the cast
        (ints**2, t_ints**2),
    ]
    for ours, theirs in pairs:
        assert ours.dtype == theirs.numpy().dtype, (ours, theirs)
        np.testing.assert_allclose(ours.data, theirs.numpy(), rtol=1e-7)
    for ours, theirs in [(ints + 0.5, t_ints + 0.5), (ints / ints, t_ints / t_ints), (ints.exp(), t_ints.exp())]:
        assert ours.dtype == np.float64 and theirs.dtype == torch.get_default_dtype()
        np.testing.assert_allclose(ours.data, theirs.numpy(), rtol=1e-6)
    # The float operand gets its gradient through an integer one.
    w, w_t = Tensor([0.5, -1.0, 2.0], requires_grad=True), torch.tensor([0.5, -1.0, 2.0], dtype=torch.float64, requires_grad=True)
    (w * ints + ints / w).sum().backward()
    (w_t * t_ints + t_ints / w_t).sum().backward()
    np.testing.assert_allclose(w.grad, w_t.grad.numpy(), rtol=1e-12)
    with pytest.raises(TypeError, match="only float Tensors can require grad, got dtype int64"):
        Tensor([1, 2], requires_grad=True)


def test_tensor_max_ties_share_the_gradient_as_torch_amax():
    """Check that tied maxima split the gradient equally, over negative and tuple axes, as torch.amax (1e-12)."""
    x = np.array([[[1.0, 3.0, 3.0], [3.0, 0.0, 2.0]], [[2.0, 2.0, 2.0], [-1.0, 2.0, 0.0]]])
    for axis in [None, -1, 0, (-1, -2), (0, 2)]:
        ours, theirs = Tensor(x, requires_grad=True), torch.tensor(x, requires_grad=True)
        out = ours.max() if axis is None else ours.max(axis=axis)
        ref = torch.amax(theirs) if axis is None else torch.amax(theirs, dim=axis)
        np.testing.assert_allclose(out.data, ref.detach().numpy(), rtol=1e-12)
        upstream = np.random.default_rng(0).normal(size=out.shape)
        out.backward(upstream), ref.backward(torch.from_numpy(upstream))
        np.testing.assert_allclose(ours.grad, theirs.grad.numpy(), rtol=1e-12, atol=1e-12, err_msg=str(axis))


def test_tensor_axis_errors_name_the_value():
    """Check that bad axes (out of range, repeated, not a permutation) raise errors that quote them."""
    x = Tensor(np.ones((2, 3)))
    with pytest.raises(ValueError, match=r"axis 2 is out of bounds for a tensor of dimension 2 \(valid: -2 to 1\)"):
        x.sum(axis=2)
    with pytest.raises(ValueError, match="axis -3 is out of bounds"):
        x.mean(axis=(0, -3))
    with pytest.raises(ValueError, match=r"axis \(1, -1\) names the same axis twice"):
        x.max(axis=(1, -1))
    with pytest.raises(TypeError, match="axis must be an integer, got 1.0"):
        x.sum(axis=1.0)
    with pytest.raises(ValueError, match="axis 5 is out of bounds"):
        x.softmax(axis=5)
    with pytest.raises(ValueError, match="axis -3 is out of bounds"):
        x.log_softmax(axis=-3)
    with pytest.raises(ValueError, match=r"transpose axes \(0, -2\) are not a permutation"):
        x.transpose(0, -2)
    with pytest.raises(ValueError, match=r"one axis per dimension \(2\).*got axes \(1,\)"):
        x.transpose(1)
    with pytest.raises(ValueError, match="axis 2 is out of bounds"):
        x.transpose(0, 2)
    with pytest.raises(ValueError, match="axis 2 is out of bounds"):
        concatenate([x, x], axis=2)
    with pytest.raises(ValueError, match="axis -4 is out of bounds for a tensor of dimension 3"):
        stack([x, x], axis=-4)
    with pytest.raises(ValueError, match="needs at least one tensor"):
        concatenate([])


def test_tensor_in_place_updates_match_torch():
    """Check in-place ops as torch: updates under no_grad, an error on a leaf, recorded on a non-leaf (1e-12)."""
    rng = np.random.default_rng(0)
    x, w0 = rng.normal(size=(5, 3)), rng.normal(size=3)
    ours, theirs = Tensor(w0, requires_grad=True), torch.tensor(w0, requires_grad=True)
    for _ in range(3):  # a hand-written gradient descent loop
        for w, X in ((ours, Tensor(x)), (theirs, torch.from_numpy(x))):
            ((X @ w) ** 2).mean().backward()
        with no_grad():
            ours -= 0.1 * Tensor(ours.grad)
            ours *= 0.99
        with torch.no_grad():
            theirs -= 0.1 * theirs.grad
            theirs *= 0.99
        ours.grad, theirs.grad = None, None
    assert ours.requires_grad
    np.testing.assert_allclose(ours.data, theirs.detach().numpy(), rtol=1e-12)
    with pytest.raises(RuntimeError, match=r"leaf Tensor that requires grad .* in-place operation \(\+=\)"):
        ours += 1.0
    # On an intermediate result, the update is part of the graph.
    a, a_t = Tensor(w0, requires_grad=True), torch.tensor(w0, requires_grad=True)
    for v in (a, a_t):
        y = v * 2.0
        y += v
        y /= 3.0 + v * v
        y.sum().backward()
    np.testing.assert_allclose(a.grad, a_t.grad.numpy(), rtol=1e-12)
    constant = Tensor([1.0, 2.0])
    same = constant
    constant += 1.0  # a constant (no grad) changes in place, as in torch
    assert constant is same and constant.data.tolist() == [2.0, 3.0]


def test_tensor_comparisons_give_boolean_masks_as_torch():
    """Check that < <= > >= give boolean Tensors that index (x[x > 0]) with torch's values and gradients."""
    x = np.random.default_rng(0).normal(size=(3, 4))
    ours, theirs = Tensor(x, requires_grad=True), torch.tensor(x, requires_grad=True)
    for f in (lambda a: a > 0, lambda a: a >= 0.5, lambda a: a < -0.2, lambda a: a <= a[0]):
        mask, mask_t = f(ours), f(theirs)
        assert mask.dtype == np.bool_ and not mask.requires_grad
        np.testing.assert_array_equal(mask.data, mask_t.numpy())
    out, ref = ours[ours > 0] * 3.0, theirs[theirs > 0] * 3.0
    out.sum().backward(), ref.sum().backward()
    np.testing.assert_allclose(ours.grad, theirs.grad.numpy(), rtol=1e-12)
    as_int = ours.astype(np.int64)
    assert as_int.dtype == np.int64 and not as_int.requires_grad  # as x.long() in torch
