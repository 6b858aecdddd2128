"""Tests for skratch.autograd.Value, compared against PyTorch (CPU, float64) scalars."""

import math

import numpy as np
import pytest
import torch

from skratch.autograd import Value, draw_graph

UNARY = ["exp", "log", "tanh", "relu", "sigmoid"]


def _expression(a, b, c, unary):
    # The same expression for Value and for torch: every operator, both operand orders.
    d = a * b + b**3 - c / a + 2 * a - 1 / b + 3 - c + (-a)
    e = (d * d + 1.5).log() if unary == "log" else getattr(d, unary)()
    return e * c / 2 + e - 0.5


@pytest.mark.parametrize("unary", UNARY)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_value_matches_torch(unary, seed):
    """Check that a Value expression and its gradients equal torch's to 1e-10."""
    rng = np.random.default_rng(seed)
    numbers = rng.normal(size=3) + np.array([1.5, -1.2, 0.3])
    ours = [Value(x) for x in numbers]
    theirs = [torch.tensor(x, dtype=torch.float64, requires_grad=True) for x in numbers]
    out = _expression(*ours, unary)
    ref = _expression(*theirs, unary)
    out.backward()
    ref.backward()
    np.testing.assert_allclose(out.data, ref.item(), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(
        [v.grad for v in ours], [t.grad.item() for t in theirs], rtol=1e-10, atol=1e-12
    )


def test_value_gradients_accumulate_over_reuse():
    """Check that a Value used twice gets the sum of both contributions (d(a*a)/da = 2a)."""
    a = Value(3.0)
    (a * a + a).backward()
    assert a.grad == 7.0


def test_value_backward_handles_deep_graphs():
    """Check that backward is iterative: a chain of 5,000 additions does not recurse."""
    x = Value(1.0)
    total = x
    for _ in range(5_000):
        total = total + x
    total.backward()
    assert x.grad == 5_001.0


def test_value_sigmoid_is_stable_for_large_inputs():
    """Check that sigmoid neither overflows nor loses its gradient's sign far from 0."""
    assert Value(-1000.0).sigmoid().data == 0.0
    assert Value(1000.0).sigmoid().data == 1.0
    assert math.isclose(Value(-30.0).sigmoid().data, 1 / (1 + math.exp(30)))


@pytest.mark.parametrize("exponent", [0, 0.0, 1, 2, 3])
@pytest.mark.parametrize("x", [0.0, -1.5, 2.0])
def test_value_pow_matches_torch_at_zero(x, exponent):
    """Check that a ** k and its gradient equal torch's, also x ** 0 at x = 0 (gradient 0, no error)."""
    ours = Value(x)
    theirs = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    out, ref = ours**exponent * 3.0, theirs**exponent * 3.0
    out.backward(), ref.backward()
    assert out.data == pytest.approx(ref.item(), rel=1e-12, abs=1e-12)
    assert ours.grad == pytest.approx(theirs.grad.item(), rel=1e-12, abs=1e-12)


def test_value_errors():
    """Check that bad inputs raise clear errors naming the problem."""
    with pytest.raises(ValueError, match="log needs a positive number, got -1.0"):
        Value(-1.0).log()
    with pytest.raises(TypeError, match="int or float exponents"):
        Value(2.0) ** Value(3.0)
    with pytest.raises(TypeError, match="got a Value"):
        Value(Value(1.0))


def test_value_draw_graph_returns_figure():
    """Check that draw_graph draws one box per node, naming each node's operation."""
    pytest.importorskip("matplotlib")
    a, b = Value(2.0, label="a"), Value(-3.0, label="b")
    loss = (a * b + a).tanh()
    loss.backward()
    fig = draw_graph(loss)
    ax = fig.axes[0]
    texts = [t.get_text() for t in ax.texts if t.get_text()]  # not the arrows
    assert len(texts) == 5  # a, b, a*b, a*b + a, tanh: a drawn once though used twice
    assert sum(t.startswith("a\n") for t in texts) == 1
    heads = {t.split("\n")[0].split("(")[-1].rstrip(")") for t in texts if "(" in t}
    assert heads == {"*", "+", "tanh"}
    assert all("grad" in t for t in texts)
    assert len([c for c in ax.get_children() if type(c).__name__ == "Annotation"]) == 5


def test_value_draw_graph_local_derivatives():
    """Check that local_grads labels each arrow with d(node)/d(input) and keeps every grad."""
    pytest.importorskip("matplotlib")
    w, x = Value(3.0, label="w"), Value(2.0, label="x")
    loss = (w * x) ** 2
    loss.backward()
    grads = (w.grad, x.grad)
    fig = draw_graph(loss, local_grads=True)
    labels = sorted(t.get_text() for t in fig.axes[0].texts if t.get_text() and "\n" not in t.get_text())
    assert labels == ["12", "2", "3"]  # d(z^2)/dz = 2z = 12, d(wx)/dw = x, d(wx)/dx = w
    assert (w.grad, x.grad) == grads
