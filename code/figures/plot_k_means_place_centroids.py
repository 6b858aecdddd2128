"""Placing the centroids: assign, move, repeat
===============================================

An animation of k-means with three centroids on 120 points in three round
blobs (bottom left, bottom right, top middle). Frame 0 shows the points in
grey and three starting centroids huddled in the bottom-left corner, a
deliberately bad start, as large black-edged crosses. Then the frames
alternate, and each is labelled in its title: an assign step colours every
point by its nearest centroid (colour and marker shape per cluster), and a
move step slides each centroid to the mean of its points, leaving a thin
trail behind it. The title also prints the inertia J, the sum of squared
distances from the points to their centroids, which never goes up: from
3947.1 at the first assign step to 238.1 at the end. No point chooses the
blue centroid at the first assign step, so the first move puts it on the
point farthest from its own centroid, at the top of the top blob. For the
next four rounds the orange centroid sits between the two bottom blobs and
covers both, while the green one hangs between the bottom-left blob and
the top one; then the green centroid slides down to the bottom-left blob,
the orange one to the bottom-right blob, and after 10 rounds no point
changes cluster.
"""

# %%
import numpy as np

from skratch.cluster import kmeans_steps
from skratch.figures import COLORS, MARKERS, Animation, new_figure, save_cli

BLOBS = np.array([[0.0, 0.0], [6.0, 0.0], [3.0, 5.0]])


def make_data():
    # Three round blobs of 40 points: the data of the unit.
    rng = np.random.default_rng(0)
    return np.concatenate([m + rng.standard_normal((40, 2)) for m in BLOBS])


def bad_start():
    # Three centroids in the bottom-left corner (seed 272: one of them gets
    # no point at the first assign step).
    rng = np.random.default_rng(272)
    init = np.array([-2.5, -2.5]) + rng.uniform(0, 2.5, size=(3, 2))
    init[:, 0] += rng.integers(0, 2) * 9
    return init


def inertia(X, centers, labels):
    return float(np.sum((X - centers[labels]) ** 2))


def draw():
    X = make_data()
    init = bad_start()
    steps = kmeans_steps(X, init)

    # %%
    # The frames: (centroids, labels or None, title, label).
    frames = [(init, None, "start: a bad guess", "start")]
    for t in range(len(steps) - 1):
        centers, labels = steps[t]
        moved = steps[t + 1][0]
        j_a, j_m = inertia(X, centers, labels), inertia(X, moved, labels)
        frames.append(
            (
                centers,
                labels,
                f"assign {t + 1}: J = {j_a:.1f}",
                f"assign {t + 1}",
            )
        )
        frames.append(
            (moved, labels, f"move {t + 1}: J = {j_m:.1f}", f"move {t + 1}")
        )
    paths = np.array([f[0] for f in frames])  # (n_frames, 3, 2)

    colors = [COLORS[c] for c in ("blue", "orange", "green")]
    fig, ax = new_figure(figsize=(6.4, 4.6))
    groups, trails = [], []
    for k in range(3):
        (g,) = ax.plot(
            [],
            [],
            MARKERS[k],
            color=colors[k],
            markersize=5,
            alpha=0.8,
            linestyle="none",
        )
        (tr,) = ax.plot([], [], "-", color=colors[k], linewidth=1.5)
        groups.append(g)
        trails.append(tr)
    # Opaque light grey, not translucent: the shades of overlapping
    # translucent points would crowd the frames' small palette and merge
    # the green cross into the blue one in frame 0.
    (grey,) = ax.plot(
        X[:, 0],
        X[:, 1],
        "o",
        color="#A0A0A0",
        markersize=4,
        linestyle="none",
    )
    crosses = ax.scatter(
        init[:, 0],
        init[:, 1],
        s=260,
        marker="X",
        c=colors,
        edgecolors="black",
        linewidths=1.5,
        zorder=5,
    )
    ax.set(
        xlabel="feature 1",
        ylabel="feature 2",
        xlim=(-3.5, 9.5),
        ylim=(-3.5, 9.0),
        aspect="equal",
    )
    title = ax.set_title("")

    def update(i):
        centers, labels, text, _ = frames[i]
        crosses.set_offsets(centers)
        grey.set_visible(labels is None)
        for k in range(3):
            if labels is None:
                groups[k].set_data([], [])
            else:
                groups[k].set_data(X[labels == k, 0], X[labels == k, 1])
            trails[k].set_data(paths[: i + 1, k, 0], paths[: i + 1, k, 1])
        title.set_text(text)

    update(len(frames) - 1)
    fig.canvas.draw()
    fig.set_layout_engine("none")
    update(0)
    return Animation(
        fig,
        update,
        n_frames=len(frames),
        interval=600,
        labels=[f[3] for f in frames],
    )


if __name__ == "__main__":
    save_cli(draw, __file__)
