"""Four ways to cut the data into folds
=====================================

Four panels stacked top to bottom, one per splitter, each a grid with one
row per split and one column per sample (twelve samples, numbered along the
bottom). In every row the training samples are plain blue squares, the test
samples orange squares with diagonal stripes, the gap samples left out of a
time-series split grey squares marked with a cross, and unused samples are
left empty. Above the first two panels a strip shows each sample's class:
eight circles, then four triangles. KFold tests on four consecutive blocks
of three, so its last test fold holds only triangles; StratifiedKFold gives
every test fold two circles and one triangle. GroupKFold, with a strip of
group letters, keeps each group's samples together in one test fold.
TimeSeriesSplit trains only on samples before its test block, with one
sample of gap, so its training rows grow from left to right. A legend under
the last panel names the four kinds of square.
"""

# %%
import numpy as np
from matplotlib.patches import Patch, Rectangle

from skratch.figures import COLORS, MARKERS, new_figure, save_cli
from skratch.model_selection import (
    GroupKFold,
    KFold,
    StratifiedKFold,
    TimeSeriesSplit,
)

N = 12
# Each role has a colour and a hatch, so the roles differ in greyscale too.
ROLES = {
    "train": (COLORS["blue"], None),
    "test": (COLORS["orange"], "///"),
    "gap": (COLORS["grey"], "xx"),
    "unused": ("white", None),
}
CLASSES = np.array([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1])
GROUPS = np.array(list("AAABBCCCCDDE"))


def roles_of(n, train, test):
    roles = np.full(n, "unused", dtype=object)
    roles[train] = "train"
    roles[test] = "test"
    return roles


def time_series_roles(n, train, test, gap):
    roles = roles_of(n, train, test)
    roles[train.max() + 1 : train.max() + 1 + gap] = "gap"
    return roles


def panel(ax, title, rows, strip=None):
    for r, roles in enumerate(rows):
        y = len(rows) - 1 - r
        for i, role in enumerate(roles):
            colour, hatch = ROLES[role]
            ax.add_patch(
                Rectangle(
                    (i, y),
                    0.9,
                    0.8,
                    facecolor=colour,
                    hatch=hatch,
                    edgecolor=COLORS["grey"]
                    if role == "unused"
                    else "white",
                    linewidth=0.8 if role == "unused" else 0,
                )
            )
        ax.text(-0.3, y + 0.4, f"split {r + 1}", ha="right", va="center")
    top = len(rows)
    if strip is not None:
        kind, values = strip
        for i, value in enumerate(values):
            if kind == "class":
                ax.plot(
                    i + 0.45,
                    top + 0.4,
                    MARKERS[value],
                    color=(COLORS["black"], COLORS["red"])[value],
                    markersize=9,
                )
            else:
                ax.text(
                    i + 0.45, top + 0.4, value, ha="center", va="center"
                )
        ax.text(-0.3, top + 0.4, kind, ha="right", va="center")
        top += 1
    ax.set_title(title, loc="left")
    ax.set(xlim=(-2.6, N), ylim=(-0.3, top + 0.1))
    ax.axis("off")


def draw():
    fig, axes = new_figure(
        4,
        1,
        figsize=(6.4, 10.8),
        height_ratios=[4.9, 4.9, 4.9, 3.2],
    )
    X = np.zeros((N, 1))
    kfold = [roles_of(N, tr, te) for tr, te in KFold(4).split(X)]
    panel(
        axes[0],
        "KFold: consecutive blocks, whatever the class",
        kfold,
        ("class", CLASSES),
    )
    strat = [
        roles_of(N, tr, te)
        for tr, te in StratifiedKFold(4).split(X, CLASSES)
    ]
    panel(
        axes[1],
        "StratifiedKFold: each fold keeps the class mix",
        strat,
        ("class", CLASSES),
    )
    group = [
        roles_of(N, tr, te)
        for tr, te in GroupKFold(4).split(X, groups=GROUPS)
    ]
    panel(
        axes[2],
        "GroupKFold: a group never straddles train and test",
        group,
        ("group", GROUPS),
    )
    series = [
        time_series_roles(N, tr, te, gap=1)
        for tr, te in TimeSeriesSplit(3, test_size=2, gap=1).split(X)
    ]
    panel(axes[3], "TimeSeriesSplit: train on the past, gap of 1", series)
    for i in range(N):
        axes[3].text(i + 0.45, -0.55, str(i), ha="center", va="top")
    axes[3].set_ylim(-1.3, 3.1)
    handles = [
        Patch(
            facecolor=colour,
            hatch=hatch,
            edgecolor=COLORS["grey"] if role == "unused" else "white",
            label=role,
        )
        for role, (colour, hatch) in ROLES.items()
    ]
    fig.legend(
        handles=handles,
        loc="outside lower center",
        ncols=4,
        handleheight=1.2,
    )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
