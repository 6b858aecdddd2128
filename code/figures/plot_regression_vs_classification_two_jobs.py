"""How much? and Which one?
=========================

Two panels side by side. On the left, a regression: sixty restaurant bills
(horizontal axis, in dollars) against the tip left on each (vertical axis,
in dollars), with a straight line through the cloud that answers "How much
tip?" with a number for any bill. On the right, a classification: eighty
students placed by hours studied (horizontal) and hours slept (vertical),
drawn as blue circles if they passed and orange triangles if they failed,
with a straight boundary that splits the plane into a "pass" side and a
"fail" side and answers "Which one?" with a category.
"""

# %%
import numpy as np

from skratch.datasets import make_tips
from skratch.figures import COLORS, new_figure, save_cli
from skratch.linear_model import LinearRegression


def make_exam(n_per_class=40, random_state=0):
    """Hours studied and slept for students who passed (1), failed (0)."""
    rng = np.random.default_rng(random_state)
    passed = rng.normal([6.0, 7.5], [1.5, 1.0], size=(n_per_class, 2))
    failed = rng.normal([3.0, 5.5], [1.5, 1.0], size=(n_per_class, 2))
    X = np.vstack([passed, failed])
    y = np.r_[
        np.ones(n_per_class, dtype=int), np.zeros(n_per_class, dtype=int)
    ]
    return X, y


def draw():
    X, y = make_tips(n_samples=60, random_state=0)
    model = LinearRegression().fit(X, y)

    fig, (left, right) = new_figure(1, 2, figsize=(6.4, 3.6))
    left.scatter(
        X[:, 0],
        y,
        s=16,
        color=COLORS["orange"],
        edgecolor="white",
        linewidth=0.4,
    )
    xs = np.array([5.0, 62.0])
    left.plot(
        xs, model.predict(xs[:, None]), color=COLORS["blue"], linewidth=2.5
    )
    left.set(
        xlabel="bill ($)",
        ylabel="tip ($)",
        xlim=(5, 62),
        title="Regression: how much tip?",
    )

    # %%
    # The boundary: the points equally far from the two class averages (a
    # nearest-average
    # rule, enough for a picture; logistic regression learns a better one
    # later).
    X_exam, y_exam = make_exam()
    m1, m0 = (
        X_exam[y_exam == 1].mean(axis=0),
        X_exam[y_exam == 0].mean(axis=0),
    )
    normal = (
        m1 - m0
    )  # the boundary is perpendicular to the line joining the averages
    midpoint = (m1 + m0) / 2
    x1 = np.array([0.0, 10.0])
    x2 = midpoint[1] - normal[0] / normal[1] * (x1 - midpoint[0])
    right.fill_between(
        x1, x2, 13, color=COLORS["blue"], alpha=0.08, linewidth=0
    )
    right.fill_between(
        x1, 2, x2, color=COLORS["orange"], alpha=0.08, linewidth=0
    )
    right.plot(x1, x2, color=COLORS["black"], linewidth=1.8)
    right.scatter(
        *X_exam[y_exam == 1].T,
        s=22,
        marker="o",
        color=COLORS["blue"],
        edgecolor="white",
        linewidth=0.4,
        label="passed",
    )
    right.scatter(
        *X_exam[y_exam == 0].T,
        s=26,
        marker="^",
        color=COLORS["orange"],
        edgecolor="white",
        linewidth=0.4,
        label="failed",
    )
    right.text(
        9.7,
        2.8,
        "pass",
        ha="right",
        color=COLORS["blue"],
        fontweight="bold",
    )
    right.text(
        0.3, 11.2, "fail", ha="left", color=COLORS["red"], fontweight="bold"
    )
    right.set(
        xlabel="hours studied",
        ylabel="hours slept",
        xlim=(0, 10),
        ylim=(2.5, 12),
        title="Classification: which one?",
    )
    right.legend(
        loc="upper right", handletextpad=0.2, markerscale=1.4
    )  # above the points, clear of the boundary
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
