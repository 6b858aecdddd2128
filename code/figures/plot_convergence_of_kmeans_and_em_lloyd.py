"""Lloyd's algorithm, one half-step at a time
=============================================

An animation of k-means with six centres on 300 points in six round blobs
(two rows of three). Frame 0 shows the points in grey and six starting
centres drawn at random from the data, as large black-edged crosses. Then
the frames alternate: an assign step colours every point by its nearest
centre (colour and marker shape per cluster), and a move step slides each
centre to the mean of its points. The title names the step and prints the
inertia J, the sum of squared distances from the points to their centres:
it goes down at every frame, from 1235.3 to 204.4: fast at first, then
slowly while two centres share the bottom-right blob and one sits between
the other two bottom blobs, then fast again as one of the pair reaches the
bottom-middle blob and the centre between settles on the bottom-left one.
It stops changing when no point switches cluster.
"""

# %%
import numpy as np

from skratch.cluster import kmeans_steps
from skratch.figures import COLORS, MARKERS, Animation, new_figure, save_cli

SEED = 21  # a random start that needs a dozen iterations


def make_data():
    # Six round blobs on a 3 x 2 grid: the same data as the unit.
    rng = np.random.default_rng(0)
    centres = np.array([[0, 0], [4, 0], [8, 0], [0, 4], [4, 4], [8, 4]])
    return np.concatenate(
        [m + 0.6 * rng.standard_normal((50, 2)) for m in centres]
    )


def inertia(X, centers, labels):
    return float(np.sum((X - centers[labels]) ** 2))


def draw():
    X = make_data()
    rng = np.random.default_rng(SEED)
    init = X[rng.choice(len(X), 6, replace=False)]
    steps = kmeans_steps(X, init)

    # %%
    # The frames: (centres shown, labels shown or None, title).
    frames = [(init, None, "start: centres drawn from the data")]
    for t in range(len(steps) - 1):
        centers, labels = steps[t]
        moved = steps[t + 1][0]
        j_assign = inertia(X, centers, labels)
        j_move = inertia(X, moved, labels)
        frames.append(
            (centers, labels, f"assign {t + 1}: J = {j_assign:.1f}")
        )
        frames.append((moved, labels, f"move {t + 1}:   J = {j_move:.1f}"))

    colors = [
        COLORS[c]
        for c in ("blue", "orange", "green", "red", "purple", "sky")
    ]
    fig, ax = new_figure(figsize=(6.4, 4.2))
    groups = []
    for k in range(6):
        (g,) = ax.plot(
            [],
            [],
            MARKERS[k],
            color=colors[k],
            markersize=4.5,
            alpha=0.8,
            linestyle="none",
        )
        groups.append(g)
    (grey,) = ax.plot(
        X[:, 0],
        X[:, 1],
        "o",
        color=COLORS["grey"],
        markersize=4,
        alpha=0.5,
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
        xlim=(-2.5, 10.5),
        ylim=(-2.5, 6.8),
        aspect="equal",
    )
    title = ax.set_title("")

    def update(i):
        centers, labels, text = frames[i]
        crosses.set_offsets(centers)
        grey.set_visible(labels is None)
        for k, g in enumerate(groups):
            if labels is None:
                g.set_data([], [])
            else:
                g.set_data(X[labels == k, 0], X[labels == k, 1])
        title.set_text(text)

    update(len(frames) - 1)
    fig.canvas.draw()
    fig.set_layout_engine("none")
    update(0)
    labels = [f.split(":")[0] for _, _, f in frames]
    return Animation(
        fig, update, n_frames=len(frames), interval=600, labels=labels
    )


if __name__ == "__main__":
    save_cli(draw, __file__)
