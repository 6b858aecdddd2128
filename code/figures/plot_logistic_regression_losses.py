"""Why cross-entropy and not squared error
========================================

Two panels for one example whose true class is 1. On the left, the loss
against the predicted probability p of class 1 (horizontal axis, 0 to 1):
the cross-entropy, minus the logarithm of p, shoots up towards infinity as p
approaches 0, while the squared error (1 - p) squared never exceeds 1. On
the right, the same two losses against the score z that the sigmoid turns
into p (horizontal axis, -8 to 8): the cross-entropy is a convex curve that
keeps a constant slope for very wrong scores, so gradient descent always
gets a clear push; the squared error flattens out to the left, so a
confidently wrong model gets almost no gradient and learns very slowly.
"""

# %%
import numpy as np

from skratch.figures import COLORS, new_figure, save_cli


def draw():
    fig, (left, right) = new_figure(1, 2, figsize=(6.4, 3.8))
    p = np.linspace(0.005, 1, 300)
    left.plot(
        p,
        -np.log(p),
        color=COLORS["blue"],
        linewidth=2.5,
        label=r"cross-entropy $-\log p$",
    )
    left.plot(
        p,
        (1 - p) ** 2,
        color=COLORS["orange"],
        linewidth=2.5,
        label=r"squared error $(1-p)^2$",
    )
    fig.suptitle("The loss of one example whose true class is 1")
    left.set(
        xlabel="predicted probability p\nof the true class",
        ylabel="loss",
        ylim=(0, 5),
        title="against the probability",
    )
    left.legend(loc="upper right")

    # %%
    # As functions of the score: cross-entropy log(1 + e^-z) is convex; the
    # squared error
    # of the sigmoid is not, and is flat where the model is confidently
    # wrong.
    z = np.linspace(-8, 8, 300)
    right.plot(
        z,
        np.logaddexp(0, -z),
        color=COLORS["blue"],
        linewidth=2.5,
        label="cross-entropy",
    )
    right.plot(
        z,
        (1 - 1 / (1 + np.exp(-z))) ** 2,
        color=COLORS["orange"],
        linewidth=2.5,
        label="squared error",
    )
    # The note sits right of the cross-entropy curve, clear of both lines;
    # its arrow points at the flat part.
    right.annotate(
        "flat: almost\nno gradient when\nconfidently wrong",
        (-6, 1.05),
        xytext=(-1.2, 2.1),
        arrowprops={"arrowstyle": "->", "color": COLORS["grey"]},
    )
    right.set(
        xlabel="score z\n(p = sigmoid(z))",
        ylabel="loss",
        ylim=(0, 5),
        xticks=[-8, -4, 0, 4, 8],
        title="against the score",
    )
    right.legend(loc="upper right")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
