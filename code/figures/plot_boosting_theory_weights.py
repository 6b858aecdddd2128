"""Three rounds of AdaBoost on seven points
=============================================

Four stacked panels over the same seven points on a line, x = 1 to 7, with
labels +1 (blue circles) at x = 1, 2 and 5 and -1 (orange triangles) at x =
3, 4, 6 and 7. In each of the first three panels, the height of a point's
stem is its AdaBoost weight at the start of that round, and the background
is shaded light blue where the round's decision stump predicts +1 and light
yellow where it predicts -1, with the stump's threshold dashed. Round 1: all
weights are 1/7 and the stump misses x = 5. Round 2: x = 5 holds half of the
weight and the new stump gets it right, missing x = 3 and 4. Round 3: those
two hold half of the weight, and the stump misses x = 1, 2, 6 and 7, whose
weights are the smallest. The bottom panel shows the weighted vote of the
three stumps at each point: positive exactly at the three +1 points, so the
vote makes no mistake although every stump made one.
"""

# %%
from fractions import Fraction

import numpy as np
from matplotlib.patches import Patch

from skratch.figures import COLORS, MARKERS, new_figure, save_cli
from skratch.tree import DecisionTreeClassifier

X = np.arange(1.0, 8.0)[:, None]  # seven points on a line
Y = np.array([1, 1, -1, -1, 1, -1, -1])


def three_rounds():
    """Weights, stumps, errors and votes of three rounds of AdaBoost."""
    psi = np.full(len(Y), 1 / len(Y))
    rounds = []
    for _ in range(3):
        stump = DecisionTreeClassifier(max_depth=1)
        stump.fit(X, Y, sample_weight=psi)
        f = stump.predict(X)
        e = psi[f != Y].sum()
        alpha = 0.5 * np.log((1 - e) / e)
        rounds.append((psi, stump, e, alpha))
        psi = psi * np.exp(-alpha * Y * f)
        psi = psi / psi.sum()
    return rounds


def shade(ax, stump):
    """Blue where the stump says +1, orange where it says -1."""
    threshold = stump.tree_.threshold[0]
    left = stump.predict([[threshold - 0.5]])[0]
    colours = {1: COLORS["sky"], -1: COLORS["yellow"]}
    ax.axvspan(0.4, threshold, color=colours[left], alpha=0.35, lw=0)
    ax.axvspan(threshold, 7.6, color=colours[-left], alpha=0.35, lw=0)
    ax.axvline(threshold, color=COLORS["grey"], linestyle="--")


def points(ax, heights):
    """Stems of the given heights, topped by each point's class marker."""
    ax.vlines(X[:, 0], 0, heights, color=COLORS["grey"], linewidth=1.5)
    for k, (label, colour) in enumerate(
        [(1, COLORS["blue"]), (-1, COLORS["orange"])]
    ):
        mine = Y == label
        ax.scatter(
            X[mine, 0],
            heights[mine],
            s=70,
            marker=MARKERS[k],
            color=colour,
            edgecolor="black",
            linewidth=0.6,
            zorder=3,
            label=f"label {label:+d}",
        )


def draw():
    rounds = three_rounds()

    # %%
    fig, axes = new_figure(4, 1, figsize=(6.4, 7.6), sharex=True)
    for t, (ax, (psi, stump, e, alpha)) in enumerate(zip(axes, rounds)):
        shade(ax, stump)
        points(ax, psi)
        missed = ", ".join(str(int(x)) for x in X[stump.predict(X) != Y, 0])
        ax.set(
            ylim=(0, 0.62),
            ylabel=f"$\\psi_{{{t + 1},i}}$",
            title=f"round {t + 1}: $e_{t + 1}$ = "
            f"{Fraction(e).limit_denominator(100)},"
            f" $\\alpha_{t + 1}$ = {alpha:.3f}, misses x = {missed}",
        )
    votes = sum(alpha * stump.predict(X) for _, stump, _, alpha in rounds)
    bottom = axes[-1]
    bottom.axhline(0, color="black", linewidth=0.8)
    points(bottom, votes)
    bottom.set(
        ylim=(-1.3, 1.3),
        xlim=(0.4, 7.6),
        xlabel="x",
        ylabel="$F_3(x_i)$",
        title="the vote $F_3$ of the three stumps: no mistake",
    )
    handles, labels = axes[0].get_legend_handles_labels()
    for value, colour in [("+1", COLORS["sky"]), ("-1", COLORS["yellow"])]:
        handles.append(Patch(color=colour, alpha=0.35))
        labels.append(f"stump says {value}")
    fig.legend(handles, labels, loc="outside lower center", ncols=2)
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
