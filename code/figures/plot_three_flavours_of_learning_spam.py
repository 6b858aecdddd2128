"""A spam filter learned from ten e-mails
=========================================

A grid with the number of times the word "free" appears in an e-mail on the
horizontal axis (0 to 6) and the number of links on the vertical axis (0 to
6). Ten training e-mails are plotted: five ordinary ones as blue circles,
all in the lower left, and five spam ones as orange crosses, further up and
to the right. A dashed line, drawn where "free" plus links is 3.5, marks the
learned rule "free + links is at least 4": e-mails above it (the shaded
side) are called spam. The line separates the ten training e-mails with no
mistake.
"""

# %%
import numpy as np

from skratch.figures import COLORS, new_figure, save_cli

# The ten e-mails of the unit: (count of "free", number of links, is it
# spam?)
EMAILS = np.array(
    [
        [0, 1, 0],
        [1, 0, 0],
        [0, 3, 0],
        [2, 1, 0],
        [1, 2, 0],
        [3, 4, 1],
        [4, 2, 1],
        [2, 5, 1],
        [5, 3, 1],
        [1, 3, 1],
    ]
)
THRESHOLD = 4  # learned in the unit: spam when free + links >= 4


def draw():
    free, links, spam = EMAILS.T
    fig, ax = new_figure(figsize=(6.0, 5.2))
    xs = np.array([-0.5, 6.5])
    ax.fill_between(
        xs,
        THRESHOLD - 0.5 - xs,
        7,
        color=COLORS["orange"],
        alpha=0.15,
        linewidth=0,
    )
    ax.plot(xs, THRESHOLD - 0.5 - xs, "--", color="black", linewidth=2)
    ax.scatter(
        free[spam == 0],
        links[spam == 0],
        s=140,
        color=COLORS["blue"],
        edgecolor="white",
        zorder=3,
        label="not spam",
    )
    ax.scatter(
        free[spam == 1],
        links[spam == 1],
        s=160,
        marker="X",
        color=COLORS["orange"],
        edgecolor="black",
        linewidth=0.8,
        zorder=3,
        label="spam",
    )
    ax.text(
        4.3,
        5.6,
        "spam side:\nfree + links \u2265 4",
        fontsize=12,
        fontweight="bold",
        color="#8a5a00",
        ha="center",
    )
    ax.text(
        0.1,
        -0.35,
        "not-spam side",
        fontsize=12,
        fontweight="bold",
        color=COLORS["blue"],
    )
    ax.set(
        xlim=(-0.5, 6.5), ylim=(-0.5, 6.5), xticks=range(7), yticks=range(7)
    )
    ax.set_xlabel('times the word "free" appears', fontsize=12.5)
    ax.set_ylabel("number of links", fontsize=12.5)
    ax.legend(loc="upper left", fontsize=11.5)
    ax.set_title(
        "Ten e-mails and the rule learned from them",
        fontsize=13,
        fontweight="bold",
    )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
