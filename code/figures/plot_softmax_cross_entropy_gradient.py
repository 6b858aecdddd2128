"""The loss and its gradient p - y
=================================

Two panels stacked, for three classes whose logits are (z1, 0, 0) with
class 1 the right one, as z1 runs from -6 to 6. Top: the cross-entropy
loss, minus the log of the probability of class 1 (blue line): close to a
straight line of slope -1 when z1 is very negative (confidently wrong),
log 3 at z1 = 0, and falling towards 0 when z1 is large (confidently
right). Bottom: the gradient of the loss with respect to each logit, the
entries of p - y: for the right class (blue circles) p1 - 1, near -1 when
the model is wrong and near 0 when it is right; for each wrong class
(orange triangles) p2 = p3, between 0 and 1/2. The three entries always
add up to 0.
"""

# %%
import numpy as np

from skratch.figures import COLORS, MARKERS, new_figure, save_cli


def draw():
    z1 = np.linspace(-6, 6, 241)
    logits = np.column_stack([z1, np.zeros_like(z1), np.zeros_like(z1)])
    m = logits.max(axis=1, keepdims=True)
    log_p = (
        logits - m - np.log(np.exp(logits - m).sum(axis=1, keepdims=True))
    )
    p = np.exp(log_p)

    # %%
    fig, (top, bottom) = new_figure(2, 1, figsize=(6.4, 6.4), sharex=True)
    top.plot(z1, -log_p[:, 0], color=COLORS["blue"], linewidth=2.5)
    top.plot(0, np.log(3), "o", color=COLORS["black"], markersize=7)
    top.annotate(
        "log 3 at z1 = 0",
        (0, np.log(3)),
        xytext=(1.2, 3.5),
        arrowprops={"arrowstyle": "->", "color": COLORS["black"]},
    )
    top.set(ylabel="loss  -log p1", ylim=(-0.2, 6.5))
    top.set_title("cross-entropy of logits (z1, 0, 0), right class 1")

    bottom.axhline(0, color=COLORS["grey"], linewidth=1)
    bottom.plot(
        z1,
        p[:, 0] - 1,
        color=COLORS["blue"],
        linewidth=2.5,
        marker=MARKERS[0],
        markevery=20,
        markersize=7,
        label="right class: p1 - 1",
    )
    bottom.plot(
        z1,
        p[:, 1],
        color=COLORS["orange"],
        linewidth=2.5,
        linestyle="--",
        marker=MARKERS[1],
        markevery=20,
        markersize=7,
        label="wrong class: p2 = p3",
    )
    bottom.set(
        xlabel="logit z1 of the right class",
        ylabel="gradient  p - y",
        ylim=(-1.1, 0.75),
    )
    bottom.legend(loc="upper left", ncols=2)
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
