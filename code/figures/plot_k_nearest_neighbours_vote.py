"""The vote of the neighbours, as k grows
=========================================

An animation in two panels, one frame per number of neighbours k = 1, 3,
5, ..., 51. On the left, 100 points of the two-moons data, class 0 as blue
circles and class 1 as orange triangles, and a query point (a black star)
between the two moons. A dashed circle around the star passes through its
k-th nearest point, and hexagons ring the k neighbours inside it. On the
right, two bars count the neighbours' votes for each class. With k = 1
the single nearest point is an orange triangle that strayed into the blue
moon, so the vote is 1 to 0 for class 1; from k = 3 on, the blue circles
win, narrowly at k = 7 and 9 (4 to 3, then 5 to 4), then by a wider margin
as the circle takes in more of the blue moon, 34 to 17 at k = 51. The
title gives k, the vote and the predicted class.
"""

# %%
import numpy as np
from sklearn.datasets import make_moons

from skratch.figures import COLORS, MARKERS, Animation, new_figure, save_cli

QUERY = np.array([0.2, 0.6])
K_VALUES = np.arange(1, 52, 2)  # odd k: two classes never tie
CLASS_COLORS = [COLORS["blue"], COLORS["orange"]]


def moons(n_samples=100, random_state=0):
    """The two-moons data of the unit: (X, y), noise 0.3."""
    return make_moons(n_samples, noise=0.3, random_state=random_state)


def nearest(X, query):
    """Indices of the rows of X sorted by distance to query, and the
    distances (ties by index)."""
    distances = np.sqrt(((X - query) ** 2).sum(axis=1))  # (n_samples,)
    order = np.argsort(distances, kind="stable")
    return order, distances[order]


def draw():
    X, y = moons()
    order, dist = nearest(X, QUERY)

    fig, (left, right) = new_figure(
        1, 2, figsize=(6.4, 4.2), width_ratios=(2.3, 1)
    )
    for c in range(2):
        left.scatter(
            *X[y == c].T,
            s=22,
            marker=MARKERS[c],
            color=CLASS_COLORS[c],
            edgecolor="white",
            linewidth=0.4,
            zorder=2,
            label=f"class {c}",
        )
    ring = left.scatter(
        [],
        [],
        s=120,
        marker="h",
        facecolor="none",
        edgecolor=COLORS["black"],
        linewidth=1.1,
        zorder=3,
        label="neighbours",
    )
    left.scatter(
        *QUERY,
        s=260,
        marker="*",
        color=COLORS["black"],
        edgecolor="white",
        zorder=4,
        label="query",
    )
    angle = np.linspace(0, 2 * np.pi, 200)
    (circle,) = left.plot(
        [], [], "--", color=COLORS["black"], linewidth=1.2, zorder=1
    )
    left.set(
        xlim=(-1.6, 2.6), ylim=(-1.4, 1.9), xlabel="$x_1$", ylabel="$x_2$"
    )
    left.set_aspect("equal")
    left.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, -0.2),
        ncol=2,
        handletextpad=0.2,
        columnspacing=0.8,
    )

    bars = right.bar(
        [0, 1],
        [0, 0],
        color=CLASS_COLORS,
        edgecolor=COLORS["black"],
        width=0.6,
    )
    bars[1].set_hatch("//")
    texts = [right.text(c, 0, "", ha="center", va="bottom") for c in (0, 1)]
    right.set(
        xticks=[0, 1],
        xticklabels=["class 0", "class 1"],
        ylim=(0, 40),
        ylabel="votes",
        title="the vote",
    )
    title = fig.suptitle("")

    def update(frame):
        k = K_VALUES[frame]
        near = order[:k]
        radius = dist[k - 1]
        circle.set_data(
            QUERY[0] + radius * np.cos(angle),
            QUERY[1] + radius * np.sin(angle),
        )
        ring.set_offsets(X[near])
        votes = np.bincount(y[near], minlength=2)
        for c in (0, 1):
            bars[c].set_height(votes[c])
            texts[c].set_position((c, votes[c] + 0.5))
            texts[c].set_text(str(votes[c]))
        winner = int(np.argmax(votes))
        title.set_text(
            f"k = {k}: {votes[0]} votes for class 0, {votes[1]} for"
            f" class 1, predicted {winner}"
        )

    update(len(K_VALUES) - 1)
    # Lay the figure out once and keep it: only artists change per frame.
    fig.canvas.draw()
    fig.set_layout_engine("none")
    return Animation(
        fig,
        update,
        n_frames=len(K_VALUES),
        interval=500,
        labels=[f"k = {k}" for k in K_VALUES],
    )


if __name__ == "__main__":
    save_cli(draw, __file__)
