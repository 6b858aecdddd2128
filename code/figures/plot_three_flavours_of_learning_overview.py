"""Three flavours: with answers, without answers, by trial and reward
==================================================================

Three panels side by side. Supervised learning: dots in two colours (blue
circles for one answer, orange triangles for the other) with a dashed line
learned to separate them, titled "examples with answers". Unsupervised
learning: grey dots with no answers that fall into three clumps, each clump
circled, titled "no answers: find the groups". Reinforcement learning: a
small grid maze with a robot in one corner, a star worth +1 in the opposite
corner and a pit worth -1 beside it; arrows show the route the robot learned
by trying, titled "try, get a reward, do better".
"""

# %%
import numpy as np
from matplotlib.patches import Circle, Rectangle

from skratch.figures import COLORS, new_figure, save_cli


def draw():
    rng = np.random.default_rng(0)
    fig, axes = new_figure(1, 3, figsize=(6.4, 3.5))
    for ax in axes:
        ax.set(xticks=[], yticks=[], aspect="equal")
        ax.grid(False)

    # %%
    # Supervised: two labelled groups and the boundary learned from them.
    ax = axes[0]
    a = np.clip(rng.normal([1.2, 1.2], 0.5, size=(18, 2)), 0.15, 3.85)
    b = np.clip(rng.normal([2.8, 2.8], 0.5, size=(18, 2)), 0.15, 3.85)
    ax.scatter(
        *a.T,
        s=50,
        color=COLORS["blue"],
        edgecolor="white",
        label="answer: A",
    )
    ax.scatter(
        *b.T,
        s=60,
        marker="^",
        color=COLORS["orange"],
        edgecolor="black",
        linewidth=0.5,
        label="answer: B",
    )
    ax.plot([0, 4], [4, 0], "--", color="black", linewidth=2)
    ax.set(xlim=(0, 4), ylim=(0, 4))
    ax.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, -0.01),
        ncol=1,
        handletextpad=0.2,
    )
    ax.set_title(
        "Supervised\nexamples\nwith answers", fontsize=11, fontweight="bold"
    )

    # %%
    # Unsupervised: the same kind of dots, but no answers; the groups are
    # found.
    ax = axes[1]
    centres = np.array([[1.0, 1.0], [3.0, 1.3], [2.0, 3.0]])
    for c in centres:
        pts = rng.normal(c, 0.28, size=(14, 2))
        ax.scatter(*pts.T, s=45, color=COLORS["grey"], edgecolor="white")
        ax.add_patch(
            Circle(
                c,
                0.75,
                fill=False,
                linestyle="--",
                linewidth=2,
                edgecolor=COLORS["green"],
            )
        )
    ax.set(xlim=(0, 4), ylim=(0, 4))
    ax.set_title(
        "Unsupervised\nno answers:\nfind the groups",
        fontsize=11,
        fontweight="bold",
    )

    # %%
    # Reinforcement: a 4 x 4 maze; the route the robot learned from rewards.
    ax = axes[2]
    for i in range(4):
        for j in range(4):
            ax.add_patch(
                Rectangle(
                    (i, j),
                    1,
                    1,
                    fill=False,
                    edgecolor=COLORS["grey"],
                    linewidth=1,
                )
            )
    ax.add_patch(
        Rectangle(
            (3, 2),
            1,
            1,
            facecolor=COLORS["red"],
            alpha=0.35,
            edgecolor="none",
        )
    )
    ax.text(
        3.5,
        2.5,
        "pit\n\u22121",
        ha="center",
        va="center",
        fontsize=12,
        fontweight="bold",
    )
    ax.add_patch(
        Rectangle(
            (3, 3),
            1,
            1,
            facecolor=COLORS["green"],
            alpha=0.35,
            edgecolor="none",
        )
    )
    ax.text(
        3.5,
        3.5,
        "\u2605\n+1",
        ha="center",
        va="center",
        fontsize=13,
        fontweight="bold",
    )
    ax.text(
        0.5,
        0.5,
        "robot",
        ha="center",
        va="center",
        fontsize=10,
        fontweight="bold",
        color=COLORS["blue"],
    )
    route = [
        (0.5, 0.5),
        (0.5, 1.5),
        (0.5, 2.5),
        (0.5, 3.5),
        (1.5, 3.5),
        (2.5, 3.5),
        (3.3, 3.5),
    ]
    for (x0, y0), (x1, y1) in zip(route[:-1], route[1:]):
        ax.annotate(
            "",
            xy=(x1, y1),
            xytext=(x0, y0),
            arrowprops=dict(
                arrowstyle="-|>",
                color=COLORS["blue"],
                linewidth=2.2,
                shrinkA=9,
                shrinkB=4,
            ),
        )
    ax.set(xlim=(0, 4), ylim=(0, 4))
    ax.set_title(
        "Reinforcement\ntry, get a reward,\ndo better",
        fontsize=11,
        fontweight="bold",
    )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
