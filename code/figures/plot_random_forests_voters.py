"""A crowd of trees voting: the forest's boundary as trees are added
=================================================================

An animation in two panels over the same 200 points of the two moons, blue
circles for class 0 and orange triangles for class 1, the two features on
the axes. On the left, the newest tree alone: its regions shaded blue or
orange (no line drawn: the edge of the shading is its boundary), blocky
and jagged, changing completely from one tree to the next and wrapping
round single noisy points. On the right, the
forest of all the trees grown so far: the background is shaded by the share
of trees voting for class 1, from blue (none) through white (half) to
orange (all), and a black line marks where the vote is split evenly. With
one tree the right panel shows the same regions as the left, in deeper
colours; as trees are added (1 to 9 one by one, then in growing jumps up
to 100: 24 frames) the shading softens, the islands round single points
shrink to specks and the line settles into one broad step between the
moons. The titles count the trees.
"""

# %%
import numpy as np
from matplotlib.colors import LinearSegmentedColormap
from sklearn.datasets import make_moons

from skratch.ensemble import RandomForestClassifier
from skratch.figures import COLORS, MARKERS, Animation, new_figure, save_cli

N_TREES = 100
# The first trees one by one, then bigger jumps (log-spaced): 24 frames.
FRAMES = np.unique(np.round(np.geomspace(1, N_TREES, 30)).astype(int))


def draw():
    X, y = make_moons(n_samples=200, noise=0.3, random_state=0)
    forest = RandomForestClassifier(n_estimators=N_TREES, random_state=0)
    forest.fit(X, y)

    g1, g2 = np.meshgrid(np.linspace(-2, 3, 60), np.linspace(-1.6, 2.1, 60))
    grid = np.column_stack([g1.ravel(), g2.ravel()])  # (3600, 2)
    # Each tree's vote for class 1 at every grid point, once: (trees, 3600)
    votes = np.array(
        [tree.predict(grid) for tree in forest.estimators_], dtype=float
    )
    share = np.cumsum(votes, axis=0) / np.arange(1, N_TREES + 1)[:, None]

    fig, axes = new_figure(1, 2, figsize=(6.4, 3.6), sharey=True)
    for ax in axes:
        for k in (0, 1):
            ax.scatter(
                *X[y == k].T,
                s=16,
                marker=MARKERS[k],
                color=COLORS["blue"] if k == 0 else COLORS["orange"],
                edgecolor="white",
                linewidth=0.4,
                zorder=3,
            )
        ax.set(xlim=(-2, 3), ylim=(-1.6, 2.1), xlabel="feature 1")
        ax.set_xticks([-2, 0, 2])
        ax.grid(False)
    axes[0].set_ylabel("feature 2")
    artists = []
    # Blue (no tree votes for class 1) through white to orange (all do),
    # the colours of the two classes.
    shade = dict(
        levels=np.linspace(0, 1, 11),
        cmap=LinearSegmentedColormap.from_list(
            "votes", [COLORS["blue"], "white", COLORS["orange"]]
        ),
        alpha=0.5,
    )

    def update(frame):
        for artist in artists:
            artist.remove()
        artists.clear()
        b = FRAMES[frame]
        newest = votes[b - 1].reshape(g1.shape)
        forest_share = share[b - 1].reshape(g1.shape)
        # The newest tree: its two regions only (a 0/1 field has one edge,
        # the shading's, so no line is drawn on it).
        artists.append(
            axes[0].contourf(
                g1,
                g2,
                newest,
                levels=[-0.5, 0.5, 1.5],
                cmap=shade["cmap"],
                alpha=0.5,
            )
        )
        artists.append(axes[1].contourf(g1, g2, forest_share, **shade))
        if forest_share.min() < 0.5 < forest_share.max():
            artists.append(
                axes[1].contour(
                    g1,
                    g2,
                    forest_share,
                    levels=[0.5],
                    colors=COLORS["black"],
                    linewidths=1.8,
                )
            )
        axes[0].set_title(f"tree {b} alone")
        trees = "tree" if b == 1 else "trees"
        axes[1].set_title(f"forest of {b} {trees}")

    update(len(FRAMES) - 1)
    fig.canvas.draw()
    fig.set_layout_engine("none")
    return Animation(
        fig,
        update,
        n_frames=len(FRAMES),
        interval=350,
        labels=[f"{b} trees" if b > 1 else "1 tree" for b in FRAMES],
    )


if __name__ == "__main__":
    save_cli(draw, __file__)
