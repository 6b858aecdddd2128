"""How a miss is scored: by distance, or right and wrong
======================================================

Two panels. On the left, regression: the squared error of a predicted tip
when the true tip is 5 dollars, a U-shaped curve (a parabola) that is zero
at 5 and grows with the distance, so a prediction of 5.50 dollars costs a
little and one of 8 dollars costs a lot. On the right, classification when
the email really is spam, against the predicted probability of "spam"
(horizontal axis, 0 to 1): the zero-one loss is a step, 1 (wrong) for
probabilities below 0.5, where the answer would be "not spam", and 0 (right)
above, with nothing in between; the cross-entropy (log loss) is a smooth
curve, very large near probability 0 and falling to zero at probability 1,
so it grades how confident and how right the probability is.
"""

# %%
import numpy as np

from skratch.figures import COLORS, new_figure, save_cli


def draw():
    fig, (left, right) = new_figure(1, 2, figsize=(6.4, 3.9))
    predictions = np.linspace(2, 8, 200)
    left.plot(
        predictions,
        (predictions - 5) ** 2,
        color=COLORS["blue"],
        linewidth=2.5,
    )
    # Each label sits inside the U or beside the point, clear of the curve.
    for guess, place, arrow in (
        (5.5, (5.0, 4.3), True),
        (8.0, (7.6, 8.9), False),
    ):
        cost = (guess - 5) ** 2
        left.plot(
            [guess], [cost], "o", color=COLORS["orange"], markersize=7
        )
        left.annotate(
            f"predict \\${guess:.2f}\ncost {cost:.2f}",
            (guess, cost),
            xytext=place,
            ha="center" if arrow else "right",
            va="center",
            bbox={
                "boxstyle": "square,pad=0.1",
                "facecolor": "white",
                "edgecolor": "none",
            },
            arrowprops={"arrowstyle": "->", "color": COLORS["grey"]}
            if arrow
            else None,
        )
    left.axvline(5, color=COLORS["grey"], linestyle=":", linewidth=1)
    left.set(
        xlabel="predicted tip (\\$)\n(the true tip is \\$5)",
        ylabel="squared error",
        ylim=(-0.3, 10.5),
        title="Regression:\nthe size of the miss",
    )

    # %%
    p = np.linspace(0.01, 1, 200)
    # The answer is "spam" when the probability is at least 0.5: wrong (1)
    # below, right (0) above.
    right.step(
        [0, 0.5, 1],
        [1, 0, 0],
        where="post",
        color=COLORS["orange"],
        linewidth=2.5,
        label="zero-one loss\n(right or wrong)",
    )
    right.plot(
        p,
        -np.log(p),
        color=COLORS["blue"],
        linewidth=2.5,
        label="cross-entropy",
    )
    right.set_xticks([0, 0.5, 1], ["0", "0.5", "1"])
    right.set(
        xlabel='predicted probability\nof "spam"',
        ylabel="loss (the email is spam)",
        ylim=(0, 4.7),
        title="Classification:\nright, wrong, how sure",
    )
    right.legend(loc="upper right")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
