"""One dataset, two questions
===========================

Two panels about the same sixty restaurant bills. On the left, the
regression question "How much tip?": the tips (vertical axis, dollars)
against the bills (horizontal axis, dollars) with the least-squares line,
and a dashed horizontal line at a tip of 6 dollars; tips above it are blue
circles, the others orange triangles, in both panels. On the right, the
classification question "Will the tip be more than 6 dollars?": each bill is
drawn at height "yes" or "no", and the answer predicted from the line is a
step that jumps from "no" to "yes" at the bill where the line crosses 6
dollars, about 33 dollars. The target decides the job: a number makes it
regression, a category makes it classification.
"""

# %%
import numpy as np

from skratch.datasets import make_tips
from skratch.figures import COLORS, new_figure, save_cli
from skratch.linear_model import LinearRegression

THRESHOLD = 6.0  # dollars of tip


def draw():
    X, y = make_tips(n_samples=60, random_state=0)
    model = LinearRegression().fit(X, y)
    bill_at_threshold = (THRESHOLD - model.intercept_) / model.coef_[0]
    above = y > THRESHOLD

    fig, (left, right) = new_figure(1, 2, figsize=(6.4, 3.6))
    # Tips above $6 are blue circles, the others orange triangles, in both
    # panels.
    groups = [
        (above, "o", COLORS["blue"], "above $6"),
        (~above, "^", COLORS["orange"], "$6 or less"),
    ]
    for mask, marker, colour, name in groups:
        left.scatter(
            X[mask, 0],
            y[mask],
            s=20,
            marker=marker,
            color=colour,
            edgecolor="white",
            linewidth=0.4,
            label=name,
        )
    xs = np.array([5.0, 62.0])
    left.plot(
        xs, model.predict(xs[:, None]), color=COLORS["black"], linewidth=2
    )
    left.axhline(
        THRESHOLD, color=COLORS["grey"], linestyle="--", linewidth=1.2
    )
    left.text(6, THRESHOLD + 0.3, "$6 tip", color=COLORS["grey"])
    left.set(
        xlabel="bill ($)",
        ylabel="tip ($)",
        xlim=(5, 62),
        title="How much tip? (a number)",
    )

    # %%
    # The same customers, but the target is now yes/no. Small vertical
    # jitter keeps
    # overlapping points visible; it carries no meaning. (Seed 1, not 0:
    # make_tips draws the
    # bills from seed 0's uniform stream, so seed 0 would make the jitter
    # rise with the bill.)
    jitter = np.random.default_rng(1).uniform(-0.06, 0.06, size=len(y))
    for mask, marker, colour, name in groups:
        right.scatter(
            X[mask, 0],
            (above + jitter)[mask],
            s=20,
            marker=marker,
            color=colour,
            edgecolor="white",
            linewidth=0.4,
            label=name,
        )
    right.step(
        [5, bill_at_threshold, 62],
        [0, 1, 1],
        where="post",
        color=COLORS["black"],
        linewidth=2,
    )
    right.axvline(
        bill_at_threshold, color=COLORS["grey"], linestyle=":", linewidth=1
    )
    right.set_yticks([0, 1], ["no", "yes"])
    right.set(
        xlabel="bill ($)",
        xlim=(5, 62),
        ylim=(-0.3, 1.3),
        title="Tip above $6? (a category)",
    )
    right.text(
        bill_at_threshold + 1,
        0.45,
        f"bill = ${bill_at_threshold:.0f}",
        color=COLORS["grey"],
    )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
