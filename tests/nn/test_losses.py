"""Tests for skratch.nn losses, compared against torch.nn.functional (CPU, float64)."""

import numpy as np
import pytest
import torch
import torch.nn.functional as TF

from skratch.autograd import Tensor, gradcheck
from skratch.nn import BCELoss, BCEWithLogitsLoss, CrossEntropyLoss, MSELoss
from skratch.nn import functional as F

REDUCTIONS = ["mean", "sum", "none"]


def _data(name, seed=0, n=6, n_classes=4):
    rng = np.random.default_rng(seed)
    if name in ("cross_entropy", "nll_loss"):
        x = rng.normal(scale=3.0, size=(n, n_classes))
        if name == "nll_loss":
            x = x - np.log(np.exp(x).sum(axis=1, keepdims=True))
        return x, rng.integers(n_classes, size=n)
    if name == "binary_cross_entropy":
        return rng.uniform(0.05, 0.95, size=(n, 3)), rng.uniform(size=(n, 3))
    if name == "binary_cross_entropy_with_logits":
        return rng.normal(scale=3.0, size=(n, 3)), (rng.uniform(size=(n, 3)) > 0.5).astype(float)
    return rng.normal(size=(n, 3)), rng.normal(size=(n, 3))  # mse_loss


LOSSES = ["mse_loss", "cross_entropy", "nll_loss", "binary_cross_entropy", "binary_cross_entropy_with_logits"]


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("name", LOSSES)
def test_loss_matches_torch(name, reduction):
    """Check that the loss and its input gradient equal torch's to 1e-10."""
    x, y = _data(name)
    ours_x, theirs_x = Tensor(x, requires_grad=True), torch.tensor(x, requires_grad=True)
    out = getattr(F, name)(ours_x, y, reduction=reduction)
    ref = getattr(TF, name)(theirs_x, torch.from_numpy(y), reduction=reduction)
    np.testing.assert_allclose(out.data, ref.detach().numpy(), rtol=1e-10, atol=1e-12)
    upstream = np.random.default_rng(1).normal(size=out.shape)
    out.backward(upstream), ref.backward(torch.from_numpy(upstream))
    np.testing.assert_allclose(ours_x.grad, theirs_x.grad.numpy(), rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("reduction", ["mean", "none"])
@pytest.mark.parametrize("name", LOSSES)
def test_loss_passes_gradcheck(name, reduction):
    """Check that each loss's backward agrees with finite differences (rel. error < 1e-6)."""
    x, y = _data(name, seed=3)
    result = gradcheck(lambda x: getattr(F, name)(x, y, reduction=reduction), [Tensor(x, requires_grad=True)])
    assert result.max_relative_error < 1e-6, str(result)


def test_cross_entropy_is_stable_for_huge_logits():
    """Check that cross_entropy stays finite and exact for logits of +-1e4 (log-sum-exp)."""
    logits = np.array([[1e4, 0.0, -1e4], [0.0, 0.0, 0.0]])
    target = np.array([1, 2])
    ours = F.cross_entropy(Tensor(logits), target).item()
    ref = TF.cross_entropy(torch.from_numpy(logits), torch.from_numpy(target)).item()
    assert np.isfinite(ours) and ours == pytest.approx(ref, rel=1e-12)


def test_binary_cross_entropy_clamps_like_torch():
    """Check that probabilities of exactly 0 and 1 give torch's clamped (finite) loss and gradient."""
    p, y = np.array([0.0, 1.0, 0.0, 1.0]), np.array([1.0, 0.0, 0.0, 1.0])
    ours_p, theirs_p = Tensor(p, requires_grad=True), torch.tensor(p, requires_grad=True)
    out, ref = F.binary_cross_entropy(ours_p, y), TF.binary_cross_entropy(theirs_p, torch.from_numpy(y))
    assert out.item() == pytest.approx(ref.item(), rel=1e-12)
    out.backward(), ref.backward()
    np.testing.assert_allclose(ours_p.grad, theirs_p.grad.numpy(), rtol=1e-12)


def test_loss_modules_match_functions():
    """Check that the loss modules call their function with their reduction."""
    x, y = _data("cross_entropy")
    assert CrossEntropyLoss("sum")(Tensor(x), y).item() == F.cross_entropy(Tensor(x), y, reduction="sum").item()
    x, y = _data("mse_loss")
    assert MSELoss()(Tensor(x), y).item() == F.mse_loss(Tensor(x), y).item()
    x, y = _data("binary_cross_entropy")
    assert BCELoss()(Tensor(x), y).item() == F.binary_cross_entropy(Tensor(x), y).item()
    x, y = _data("binary_cross_entropy_with_logits")
    assert BCEWithLogitsLoss()(Tensor(x), y).item() == F.binary_cross_entropy_with_logits(Tensor(x), y).item()


def test_loss_errors():
    """Check that bad targets, shapes and reductions raise errors that quote the value."""
    logits = Tensor(np.zeros((3, 4)))
    with pytest.raises(ValueError, match="target 4 is out of bounds for 4 classes"):
        F.cross_entropy(logits, [0, 1, 4])
    with pytest.raises(ValueError, match=r"target must have shape \(3,\).*got \(2,\)"):
        F.cross_entropy(logits, [0, 1])
    with pytest.raises(TypeError, match="integer class indices"):
        F.cross_entropy(logits, [0.5, 1, 2])
    with pytest.raises(ValueError, match=r"input must have shape \(n_samples, n_classes\), got \(4,\)"):
        F.cross_entropy(Tensor(np.zeros(4)), [0])
    with pytest.raises(ValueError, match="reduction must be 'mean', 'sum' or 'none', got 'avg'"):
        F.mse_loss(Tensor([1.0]), Tensor([1.0]), reduction="avg")
    with pytest.raises(ValueError, match=r"input has shape \(2,\) but target has shape \(3,\)"):
        F.mse_loss(Tensor([1.0, 2.0]), Tensor([1.0, 2.0, 3.0]))
    with pytest.raises(ValueError, match="probabilities in \\[0, 1\\], got values from -0.5 to 2.0"):
        F.binary_cross_entropy(Tensor([-0.5, 2.0]), Tensor([0.0, 1.0]))
