"""Small datasets the course generates, so every unit runs offline.

Read more in the book: Linear regression
<https://skratch-ml.github.io/skratch/book/intermediate/linear-regression.html>
"""

import numpy as np

from .utils.validation import check_random_state

__all__ = ["make_tips"]


def make_tips(n_samples=60, *, tip_rate=0.15, base_tip=1.0, noise=0.8, random_state=0):
    """Generate restaurant bills and the tips left on them.

    Each tip is a straight-line function of the bill plus Gaussian noise:

    .. math:: \\text{tip} = \\text{rate} \\times \\text{bill} + \\text{base} + \\varepsilon,
              \\qquad \\varepsilon \\sim \\mathcal{N}(0, \\text{noise}^2)

    Bills are drawn uniformly between $8 and $60 and rounded to cents, like a
    receipt. Tips are rounded to cents and never negative.

    Parameters
    ----------
    n_samples : int, default=60
        Number of bills.
    tip_rate : float, default=0.15
        The true slope: dollars of tip per dollar of bill.
    base_tip : float, default=1.0
        The true intercept: the tip on a (hypothetical) $0 bill.
    noise : float, default=0.8
        Standard deviation of the noise, in dollars.
    random_state : int, numpy.random.Generator or None, default=0
        Seed of the random numbers, for the same data every time.

    Returns
    -------
    X : ndarray of shape (n_samples, 1)
        The bills, in dollars.
    y : ndarray of shape (n_samples,)
        The tips, in dollars.

    Examples
    --------
    >>> from skratch.datasets import make_tips
    >>> X, y = make_tips(n_samples=3)
    >>> X.shape, y.shape
    ((3, 1), (3,))
    """
    if not isinstance(n_samples, (int, np.integer)) or n_samples < 1:
        raise ValueError(f"n_samples must be a positive integer; got {n_samples!r}.")
    if noise < 0:
        raise ValueError(f"noise must be non-negative; got {noise!r}.")
    rng = check_random_state(random_state)
    bills = np.round(rng.uniform(8.0, 60.0, size=n_samples), 2)
    tips = tip_rate * bills + base_tip + rng.normal(0.0, noise, size=n_samples)
    return bills.reshape(-1, 1), np.round(np.clip(tips, 0.0, None), 2)
