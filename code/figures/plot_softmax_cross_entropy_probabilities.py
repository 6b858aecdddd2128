"""Softmax probabilities and temperature
=====================================

Two panels stacked. Top: the softmax probabilities of three classes as the
first logit z1 slides from -6 to 6 while the other two stay at z2 = 1 and
z3 = 0: class 1 (blue circles) rises along an S-shaped curve, classes 2
(orange triangles) and 3 (green squares) fall, keeping their ratio e to 1,
and the three always add up to 1. Where z1 = 1 it ties with class 2.
Bottom: the same probability of class 1 with every logit divided by a
temperature T of 0.25, 1 and 4: a low temperature makes the curve a steep
step (the largest logit takes almost everything), a high one flattens it
towards one third for every class.
"""

# %%
import numpy as np

from skratch.figures import COLORS, MARKERS, new_figure, save_cli


def softmax(z):
    """Softmax along the last axis, with the maximum subtracted first."""
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def draw():
    z1 = np.linspace(-6, 6, 241)
    logits = np.column_stack([z1, np.ones_like(z1), np.zeros_like(z1)])
    colors = [COLORS["blue"], COLORS["orange"], COLORS["green"]]

    # %%
    fig, (top, bottom) = new_figure(2, 1, figsize=(6.4, 6.4), sharex=True)
    p = softmax(logits)
    for k in range(3):
        top.plot(
            z1,
            p[:, k],
            color=colors[k],
            linewidth=2,
            marker=MARKERS[k],
            markevery=20,
            markersize=7,
            label=f"class {k + 1}",
        )
    top.set(ylabel="probability", ylim=(-0.03, 1.03))
    top.set_title("softmax of (z1, 1, 0)")
    top.legend(loc="center left", bbox_to_anchor=(1.0, 0.5))

    styles = [":", "-", "--"]
    for T, style, k in zip([0.25, 1, 4], styles, range(3)):
        bottom.plot(
            z1,
            softmax(logits / T)[:, 0],
            color=COLORS["black"] if T == 1 else colors[k],
            linestyle=style,
            linewidth=2,
            marker=MARKERS[k],
            markevery=20,
            markersize=7,
            label=f"T = {T}",
        )
    bottom.axhline(1 / 3, color=COLORS["grey"], linewidth=1)
    bottom.set(
        xlabel="logit z1 of class 1",
        ylabel="probability of class 1",
        ylim=(-0.03, 1.03),
    )
    bottom.set_title("softmax of (z1, 1, 0) / T")
    bottom.legend(loc="center left", bbox_to_anchor=(1.0, 0.5))
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
