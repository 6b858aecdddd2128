"""Optimisers: turn gradients into parameter updates.

All of them start from the same step, :math:`\\theta \\leftarrow \\theta - \\eta g`, and
differ in what they remember between steps: a running average of the gradients
(momentum: keep rolling along a valley), of their squares (RMSprop: smaller steps where
the gradient is large), or both (Adam). The update rules, names and defaults are
PyTorch's (``torch.optim``), written out in NumPy; the tests check that a few steps
give the same parameters as PyTorch's to 1e-10.

Read more in the book: Optimisers
<https://skratch-ml.github.io/skratch/book/neural-networks/optimisers.html>
"""

import numpy as np

__all__ = ["SGD", "Adam", "AdamW", "Optimizer", "RMSprop"]


class Optimizer:
    """Base class: holds the parameters, the learning rate and per-parameter state.

    Parameters
    ----------
    params : iterable of Tensor
        The parameters to update (e.g. ``model.parameters()``). Parameters whose
        ``grad`` is None at a step are skipped.
    lr : float
        The learning rate :math:`\\eta` (schedulers change ``optimizer.lr``).
    """

    def __init__(self, params, lr):
        self.params = list(params)
        if not self.params:
            raise ValueError("The optimizer got an empty parameter list.")
        if lr < 0:
            raise ValueError(f"Invalid learning rate: {lr!r}; it must be >= 0.")
        self.lr = lr
        self.state = [{} for _ in self.params]  # one dict per parameter (buffers)
        self.step_count = 0

    def zero_grad(self):
        """Forget the gradients (set them to None, as PyTorch does by default)."""
        for p in self.params:
            p.grad = None

    def step(self):
        """Update every parameter that has a gradient, in place."""
        self.step_count += 1
        for p, state in zip(self.params, self.state):
            if p.grad is not None:
                self._update(p.data, p.grad, state)

    def _update(self, theta, grad, state):
        raise NotImplementedError


def _check(name, value, low=0.0, high=None):
    if value < low or (high is not None and value >= high):
        bounds = f"[{low}, {high})" if high is not None else f">= {low}"
        raise ValueError(f"Invalid {name}: {value!r}; it must be {bounds}.")


class SGD(Optimizer):
    r"""Stochastic gradient descent, with optional momentum and weight decay.

    .. math::

        g &\leftarrow \nabla_\theta L + \lambda \theta \\
        b &\leftarrow \mu b + (1 - \tau) g \\
        \theta &\leftarrow \theta - \eta \, d

    with :math:`b = g` at the first step, and :math:`d = g + \mu b` with Nesterov
    momentum, :math:`d = b` without.

    Parameters
    ----------
    params : iterable of Tensor
    lr : float, default=1e-3
    momentum : float, default=0
        :math:`\mu`: the fraction of the previous step kept.
    dampening : float, default=0
        :math:`\tau`.
    weight_decay : float, default=0
        :math:`\lambda`: an L2 penalty :math:`\frac{\lambda}{2}\lVert\theta\rVert^2` added to the loss.
    nesterov : bool, default=False
        Look ahead: step with the gradient corrected by the momentum.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.autograd import Tensor
    >>> from skratch.optim import SGD
    >>> w = Tensor([3.0], requires_grad=True)
    >>> optimizer = SGD([w], lr=0.1)
    >>> for _ in range(50):  # minimise (w - 1)^2
    ...     optimizer.zero_grad()
    ...     ((w - 1) ** 2).sum().backward()
    ...     optimizer.step()
    >>> w.data.round(4)
    array([1.])
    """

    def __init__(self, params, lr=1e-3, momentum=0.0, dampening=0.0, weight_decay=0.0,
                 nesterov=False):
        super().__init__(params, lr)
        _check("momentum value", momentum)
        _check("weight_decay value", weight_decay)
        if nesterov and (momentum <= 0 or dampening != 0):
            raise ValueError("Nesterov momentum requires a momentum > 0 and zero dampening.")
        self.momentum, self.dampening = momentum, dampening
        self.weight_decay, self.nesterov = weight_decay, nesterov

    def _update(self, theta, grad, state):
        if self.weight_decay:
            grad = grad + self.weight_decay * theta
        if self.momentum:
            if "momentum_buffer" not in state:
                state["momentum_buffer"] = grad.copy()
            else:
                buf = state["momentum_buffer"]
                buf *= self.momentum
                buf += (1 - self.dampening) * grad
            buf = state["momentum_buffer"]
            grad = grad + self.momentum * buf if self.nesterov else buf
        theta -= self.lr * grad


class RMSprop(Optimizer):
    r"""RMSprop: divide each step by a running root mean square of the gradients.

    .. math::

        v &\leftarrow \alpha v + (1 - \alpha) g^2 \\
        \theta &\leftarrow \theta - \eta \, g / (\sqrt{v} + \varepsilon)

    Parameters
    ----------
    params : iterable of Tensor
    lr : float, default=1e-2
    alpha : float, default=0.99
        Smoothing constant of the running average.
    eps : float, default=1e-8
    weight_decay : float, default=0
        L2 penalty, added to the gradient.
    momentum : float, default=0
        Momentum applied to the scaled steps.
    centered : bool, default=False
        Divide by the running *standard deviation* of the gradients instead
        (:math:`\sqrt{v - \bar g^2}`).

    References
    ----------
    .. [1] G. Hinton, "Neural networks for machine learning", lecture 6e, 2012.
    """

    def __init__(self, params, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0.0,
                 momentum=0.0, centered=False):
        super().__init__(params, lr)
        _check("alpha value", alpha)
        _check("epsilon value", eps)
        _check("momentum value", momentum)
        _check("weight_decay value", weight_decay)
        self.alpha, self.eps, self.weight_decay = alpha, eps, weight_decay
        self.momentum, self.centered = momentum, centered

    def _update(self, theta, grad, state):
        if self.weight_decay:
            grad = grad + self.weight_decay * theta
        if not state:
            state["square_avg"] = np.zeros_like(theta)
            if self.momentum:
                state["momentum_buffer"] = np.zeros_like(theta)
            if self.centered:
                state["grad_avg"] = np.zeros_like(theta)
        square_avg = state["square_avg"]
        square_avg *= self.alpha
        square_avg += (1 - self.alpha) * grad * grad
        if self.centered:
            grad_avg = state["grad_avg"]
            grad_avg *= self.alpha
            grad_avg += (1 - self.alpha) * grad
            avg = np.sqrt(square_avg - grad_avg * grad_avg) + self.eps
        else:
            avg = np.sqrt(square_avg) + self.eps
        if self.momentum:
            buf = state["momentum_buffer"]
            buf *= self.momentum
            buf += grad / avg
            theta -= self.lr * buf
        else:
            theta -= self.lr * (grad / avg)


class Adam(Optimizer):
    r"""Adam: momentum on the gradient, RMSprop scaling, both bias-corrected.

    .. math::

        m &\leftarrow \beta_1 m + (1 - \beta_1) g, \\
        v &\leftarrow \beta_2 v + (1 - \beta_2) g^2, \\
        \theta &\leftarrow \theta - \frac{\eta}{1 - \beta_1^t}
            \frac{m}{\sqrt{v}/\sqrt{1 - \beta_2^t} + \varepsilon}

    The corrections :math:`1 - \beta^t` undo the pull towards 0 of averages that
    start at 0.

    Parameters
    ----------
    params : iterable of Tensor
    lr : float, default=1e-3
    betas : tuple of float, default=(0.9, 0.999)
        :math:`(\beta_1, \beta_2)`.
    eps : float, default=1e-8
    weight_decay : float, default=0
        L2 penalty, *added to the gradient* (so it is rescaled like the gradient;
        see ``AdamW`` for decoupled weight decay).
    amsgrad : bool, default=False
        Use the maximum of all :math:`v` so far (AMSGrad).

    References
    ----------
    .. [1] D. P. Kingma, J. Ba, "Adam: a method for stochastic optimization", ICLR, 2015.
    """

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0,
                 amsgrad=False):
        super().__init__(params, lr)
        _check("beta parameter at index 0", betas[0], 0.0, 1.0)
        _check("beta parameter at index 1", betas[1], 0.0, 1.0)
        _check("epsilon value", eps)
        _check("weight_decay value", weight_decay)
        self.betas, self.eps, self.weight_decay, self.amsgrad = betas, eps, weight_decay, amsgrad

    def _decay(self, theta, grad):
        return grad + self.weight_decay * theta if self.weight_decay else grad

    def _update(self, theta, grad, state):
        grad = self._decay(theta, grad)
        beta1, beta2 = self.betas
        if not state:
            state["step"] = 0
            state["exp_avg"] = np.zeros_like(theta)
            state["exp_avg_sq"] = np.zeros_like(theta)
            if self.amsgrad:
                state["max_exp_avg_sq"] = np.zeros_like(theta)
        state["step"] += 1
        t, m, v = state["step"], state["exp_avg"], state["exp_avg_sq"]
        m *= beta1
        m += (1 - beta1) * grad
        v *= beta2
        v += (1 - beta2) * grad * grad
        if self.amsgrad:
            np.maximum(state["max_exp_avg_sq"], v, out=state["max_exp_avg_sq"])
            v = state["max_exp_avg_sq"]
        bias_correction1 = 1 - beta1**t
        bias_correction2 = 1 - beta2**t
        denom = np.sqrt(v) / np.sqrt(bias_correction2) + self.eps
        theta -= (self.lr / bias_correction1) * (m / denom)


class AdamW(Adam):
    r"""Adam with decoupled weight decay: :math:`\theta \leftarrow (1 - \eta\lambda)\theta` first.

    With Adam's L2 penalty the decay is divided by :math:`\sqrt{v}` like the gradient,
    so weights with large gradients are barely decayed; AdamW shrinks every weight by
    the same factor, independently of the adaptive scaling [1]_.

    Parameters
    ----------
    params : iterable of Tensor
    lr : float, default=1e-3
    betas : tuple of float, default=(0.9, 0.999)
    eps : float, default=1e-8
    weight_decay : float, default=1e-2
        :math:`\lambda`.
    amsgrad : bool, default=False

    References
    ----------
    .. [1] I. Loshchilov, F. Hutter, "Decoupled weight decay regularization", ICLR, 2019.
    """

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2,
                 amsgrad=False):
        super().__init__(params, lr, betas, eps, weight_decay, amsgrad)

    def _decay(self, theta, grad):
        theta *= 1 - self.lr * self.weight_decay  # decoupled: not through the gradient
        return grad
