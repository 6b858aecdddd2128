"""Learning-rate schedules: change ``optimizer.lr`` as training goes on.

Large steps early (fast progress), small steps late (settle into a minimum). Call
``scheduler.step()`` once per epoch, after ``optimizer.step()``; names and formulas are
PyTorch's (``torch.optim.lr_scheduler``).

Read more in the book: Optimisers
<https://skratch-ml.github.io/skratch/book/neural-networks/optimisers.html>
"""

import math

__all__ = ["CosineAnnealingLR", "ExponentialLR", "LRScheduler", "StepLR"]


class LRScheduler:
    """Base class: remembers the initial learning rate and counts epochs.

    Subclasses define ``get_lr()``, the learning rate at epoch ``last_epoch``.
    """

    def __init__(self, optimizer):
        self.optimizer = optimizer
        self.base_lr = optimizer.lr
        self.last_epoch = 0

    def get_lr(self):
        raise NotImplementedError

    def step(self):
        """Advance one epoch and set the optimizer's learning rate."""
        self.last_epoch += 1
        self.optimizer.lr = self.get_lr()

    def get_last_lr(self):
        """The learning rate the optimizer uses now."""
        return self.optimizer.lr


class StepLR(LRScheduler):
    r"""Multiply the learning rate by ``gamma`` every ``step_size`` epochs.

    .. math:: \eta_t = \eta_0 \, \gamma^{\lfloor t / \text{step\_size} \rfloor}

    Examples
    --------
    >>> from skratch.autograd import Tensor
    >>> from skratch.optim import SGD, StepLR
    >>> optimizer = SGD([Tensor([0.0], requires_grad=True)], lr=1.0)
    >>> scheduler = StepLR(optimizer, step_size=2, gamma=0.5)
    >>> lrs = []
    >>> for epoch in range(5):
    ...     lrs.append(scheduler.get_last_lr())
    ...     scheduler.step()
    >>> lrs
    [1.0, 1.0, 0.5, 0.5, 0.25]
    """

    def __init__(self, optimizer, step_size, gamma=0.1):
        super().__init__(optimizer)
        if step_size < 1:
            raise ValueError(f"step_size must be a positive integer, got {step_size!r}.")
        self.step_size, self.gamma = step_size, gamma

    def get_lr(self):
        return self.base_lr * self.gamma ** (self.last_epoch // self.step_size)


class ExponentialLR(LRScheduler):
    r"""Multiply the learning rate by ``gamma`` every epoch: :math:`\eta_t = \eta_0 \gamma^t`."""

    def __init__(self, optimizer, gamma):
        super().__init__(optimizer)
        self.gamma = gamma

    def get_lr(self):
        return self.base_lr * self.gamma**self.last_epoch


class CosineAnnealingLR(LRScheduler):
    r"""Cosine decay from the initial rate to ``eta_min`` over ``T_max`` epochs.

    .. math:: \eta_t = \eta_{\min} + \frac{\eta_0 - \eta_{\min}}{2}
              \left(1 + \cos\frac{\pi t}{T_{\max}}\right)

    References
    ----------
    .. [1] I. Loshchilov, F. Hutter, "SGDR: stochastic gradient descent with warm
       restarts", ICLR, 2017.
    """

    def __init__(self, optimizer, T_max, eta_min=0.0):
        super().__init__(optimizer)
        if T_max < 1:
            raise ValueError(f"T_max must be a positive integer, got {T_max!r}.")
        self.T_max, self.eta_min = T_max, eta_min

    def get_lr(self):
        cosine = 1 + math.cos(math.pi * self.last_epoch / self.T_max)
        return self.eta_min + (self.base_lr - self.eta_min) * cosine / 2
