"""The loss curves
===============

Two panels stacked. Top, regression losses against the residual y minus
y-hat (horizontal, -3 to 3): the squared error, a parabola; the absolute
error, a V; and the Huber loss with threshold tau_H = 1, which follows the
parabola between -1 and 1 and then rises along straight lines, far below the
parabola. Bottom, classification losses against the margin y times the score
(horizontal, -3 to 3, positive means the right side of the boundary): the
0-1 loss, a step from 1 to 0 at margin 0; the hinge loss max(0, 1 - margin),
zero beyond margin 1; the logistic (cross-entropy) loss, a smooth curve that
is never exactly zero; the perceptron loss max(0, -margin), zero for every
right answer. The hinge and logistic losses (the logistic measured in bits)
never fall below the 0-1 step; the perceptron loss does, between margins -1
and 0.
"""

# %%
import numpy as np

from skratch.figures import COLORS, new_figure, save_cli


def draw():
    fig, (top, bottom) = new_figure(2, 1, figsize=(6.4, 7.2))
    r = np.linspace(-3, 3, 301)
    huber = np.where(np.abs(r) <= 1, 0.5 * r**2, np.abs(r) - 0.5)
    top.plot(r, r**2, color=COLORS["blue"], lw=2.5, label="squared")
    top.plot(
        r,
        np.abs(r),
        color=COLORS["orange"],
        lw=2.5,
        ls="--",
        label="absolute",
    )
    top.plot(r, huber, color=COLORS["green"], lw=2.5, ls=":", label="Huber")
    top.set(
        xlabel="residual  y - prediction",
        ylabel="loss",
        ylim=(0, 5.5),
        title="regression: the loss of one residual",
    )
    top.legend(loc="upper center", ncols=3, frameon=False)

    # %%
    z = np.linspace(-3, 3, 301)
    bottom.plot(
        z, (z <= 0).astype(float), color=COLORS["grey"], lw=2.5, label="0-1"
    )
    bottom.plot(
        z,
        np.maximum(0, 1 - z),
        color=COLORS["blue"],
        lw=2.5,
        label="hinge",
    )
    bottom.plot(
        z,
        np.logaddexp(0, -z) / np.log(2),
        color=COLORS["orange"],
        lw=2.5,
        ls="--",
        label="logistic (bits)",
    )
    bottom.plot(
        z,
        np.maximum(0, -z),
        color=COLORS["green"],
        lw=2.5,
        ls=":",
        label="perceptron",
    )
    bottom.set(
        xlabel="margin  y x score  (> 0: right side)",
        ylabel="loss",
        ylim=(0, 5.2),
        title="classification: the loss of one margin",
    )
    bottom.legend(loc="upper right", frameon=False)
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
