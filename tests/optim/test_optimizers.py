"""Tests for skratch.optim optimisers and schedulers, compared against torch.optim (CPU, float64)."""

import numpy as np
import pytest
import torch

from skratch import optim
from skratch.autograd import Tensor
from skratch.nn import Linear, ReLU, Sequential
from skratch.nn import functional as F

CONFIGS = [
    ("SGD", {"lr": 0.1}),
    ("SGD", {"lr": 0.1, "momentum": 0.9}),
    ("SGD", {"lr": 0.1, "momentum": 0.9, "dampening": 0.3, "weight_decay": 0.01}),
    ("SGD", {"lr": 0.05, "momentum": 0.8, "nesterov": True, "weight_decay": 0.1}),
    ("RMSprop", {"lr": 0.01}),
    ("RMSprop", {"lr": 0.01, "momentum": 0.9, "weight_decay": 0.01}),
    ("RMSprop", {"lr": 0.01, "centered": True, "alpha": 0.9}),
    ("Adam", {"lr": 0.01}),
    ("Adam", {"lr": 0.01, "betas": (0.8, 0.99), "weight_decay": 0.1}),
    ("Adam", {"lr": 0.01, "amsgrad": True}),
    ("AdamW", {"lr": 0.01}),
    ("AdamW", {"lr": 0.01, "weight_decay": 0.5, "amsgrad": True}),
]


def _torch_net(ours):
    theirs = torch.nn.Sequential(torch.nn.Linear(4, 6), torch.nn.ReLU(), torch.nn.Linear(6, 3)).double()
    state = theirs.state_dict()
    for name, value in ours.state_dict().items():
        state[name].copy_(torch.from_numpy(value))
    return theirs


@pytest.mark.parametrize("name, kwargs", CONFIGS, ids=[f"{n}-{k}" for n, k in CONFIGS])
def test_optimizer_steps_match_torch(name, kwargs):
    """Check that 5 training steps from the same start give torch's parameters to 1e-10."""
    ours = Sequential(Linear(4, 6, rng=0), ReLU(), Linear(6, 3, rng=1))
    theirs = _torch_net(ours)
    opt = getattr(optim, name)(ours.parameters(), **kwargs)
    opt_t = getattr(torch.optim, name)(theirs.parameters(), **kwargs)
    rng = np.random.default_rng(0)
    for _ in range(5):
        X, y = rng.normal(size=(8, 4)), rng.integers(3, size=8)
        opt.zero_grad()
        F.cross_entropy(ours(Tensor(X)), y).backward()
        opt.step()
        opt_t.zero_grad()
        torch.nn.functional.cross_entropy(theirs(torch.from_numpy(X)), torch.from_numpy(y)).backward()
        opt_t.step()
    theirs_state = theirs.state_dict()
    for key, value in ours.state_dict().items():
        np.testing.assert_allclose(value, theirs_state[key].numpy(), rtol=1e-10, atol=1e-12, err_msg=key)


@pytest.mark.parametrize(
    "name, kwargs",
    [("StepLR", {"step_size": 3, "gamma": 0.5}), ("ExponentialLR", {"gamma": 0.9}),
     ("CosineAnnealingLR", {"T_max": 7, "eta_min": 0.01})],
)
def test_scheduler_matches_torch(name, kwargs):
    """Check that a schedule gives torch's learning rate at each of 12 epochs to 1e-10."""
    w = Tensor([1.0], requires_grad=True)
    w_t = torch.tensor([1.0], requires_grad=True)
    opt, opt_t = optim.SGD([w], lr=0.3), torch.optim.SGD([w_t], lr=0.3)
    sched = getattr(optim, name)(opt, **kwargs)
    sched_t = getattr(torch.optim.lr_scheduler, name)(opt_t, **kwargs)
    for _ in range(12):
        assert sched.get_last_lr() == pytest.approx(sched_t.get_last_lr()[0], rel=1e-10, abs=1e-14)
        opt.step(), opt_t.step()
        sched.step(), sched_t.step()


def test_optimizer_skips_parameters_without_gradient():
    """Check that a parameter whose grad is None is left unchanged."""
    a, b = Tensor([1.0], requires_grad=True), Tensor([2.0], requires_grad=True)
    opt = optim.Adam([a, b], lr=0.1)
    (a * 3).sum().backward()
    opt.step()
    assert b.data[0] == 2.0 and a.data[0] != 1.0
    opt.zero_grad()
    assert a.grad is None


def test_optimizer_errors():
    """Check that invalid hyperparameters raise errors quoting the value."""
    w = [Tensor([1.0], requires_grad=True)]
    with pytest.raises(ValueError, match="Invalid learning rate: -1"):
        optim.SGD(w, lr=-1)
    with pytest.raises(ValueError, match="Nesterov momentum requires a momentum > 0"):
        optim.SGD(w, lr=0.1, nesterov=True)
    with pytest.raises(ValueError, match=r"Invalid beta parameter at index 1: 1.0"):
        optim.Adam(w, betas=(0.9, 1.0))
    with pytest.raises(ValueError, match="empty parameter list"):
        optim.RMSprop([])
    with pytest.raises(ValueError, match="step_size must be a positive integer, got 0"):
        optim.StepLR(optim.SGD(w, lr=0.1), step_size=0)
