"""Growing a decision tree, one level at a time
==============================================

An animation, one frame per maximum depth from 1 to 9, of a decision tree
grown on 200 points of the two-moons data (blue circles for class 0,
orange triangles for class 1, the two features on the axes). The
background is shaded blue or orange by the class the tree predicts, and
thin black lines outline its leaves: every leaf is an axis-aligned box.
At depth 1 a single cut splits the plane in two; each new level cuts the
impure boxes again, so the boxes multiply and shrink: 2 leaves at depth
1, 7 at depth 3, 28 at depth 9. By depth 3 the regions follow the two
moons; beyond it the tree carves thin slivers and tiny boxes around
single noisy points of the wrong colour, until at depth 9 every leaf is
pure. The title gives the depth, the number of leaves and the accuracy on
the training points, which climbs to 1.00, and on 1,000 fresh test
points, which peaks at depth 3 (0.87) and then falls to 0.82.
"""

# %%
import numpy as np
from sklearn.datasets import make_moons

from skratch.figures import COLORS, MARKERS, Animation, new_figure, save_cli
from skratch.tree import DecisionTreeClassifier

DEPTHS = np.arange(1, 10)  # at depth 9 every leaf is pure
CLASS_COLORS = [COLORS["blue"], COLORS["orange"]]
XLIM, YLIM = (-1.8, 2.8), (-1.4, 1.9)


def moons_data():
    """200 training and 1,000 test points of the two moons, noise 0.35:
    (X_train, y_train, X_test, y_test)."""
    X_train, y_train = make_moons(200, noise=0.35, random_state=3)
    X_test, y_test = make_moons(1000, noise=0.35, random_state=1)
    return X_train, y_train, X_test, y_test


def leaf_boxes(tree, xlim=XLIM, ylim=YLIM):
    """The box [x1_lo, x1_hi, x2_lo, x2_hi] of every leaf of a fitted
    tree on two features, clipped to the plotting window."""
    t = tree.tree_
    boxes, stack = [], [(0, [xlim[0], xlim[1], ylim[0], ylim[1]])]
    while stack:
        node, box = stack.pop()
        left, right = t.children_left[node], t.children_right[node]
        if left == right:  # a leaf: both children are -1
            boxes.append(box)
            continue
        j, cut = t.feature[node], t.threshold[node]
        lo, hi = list(box), list(box)
        lo[2 * j + 1] = min(box[2 * j + 1], cut)  # x_j <= cut goes left
        hi[2 * j] = max(box[2 * j], cut)
        stack += [(left, lo), (right, hi)]
    return np.array(boxes)


def draw():
    X, y, X_test, y_test = moons_data()
    g1, g2 = np.meshgrid(np.linspace(*XLIM, 230), np.linspace(*YLIM, 165))
    grid = np.column_stack([g1.ravel(), g2.ravel()])  # (37950, 2)

    fig, ax = new_figure(figsize=(6.4, 4.8))
    for k in (0, 1):
        ax.scatter(
            *X[y == k].T,
            s=20,
            marker=MARKERS[k],
            color=CLASS_COLORS[k],
            edgecolor="white",
            linewidth=0.4,
            zorder=3,
            label=f"class {k}",
        )
    ax.set(xlim=XLIM, ylim=YLIM, xlabel="$x_1$", ylabel="$x_2$")
    ax.grid(False)
    ax.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, -0.14),
        ncol=2,
        frameon=False,
    )
    artists = []

    def update(frame):
        for artist in artists:
            artist.remove()
        artists.clear()
        depth = DEPTHS[frame]
        tree = DecisionTreeClassifier(max_depth=depth, random_state=0)
        tree.fit(X, y)
        region = tree.predict(grid).reshape(g1.shape)
        artists.append(
            ax.contourf(
                g1,
                g2,
                region,
                levels=[-0.5, 0.5, 1.5],
                colors=CLASS_COLORS,
                alpha=0.3,
                zorder=1,
            )
        )
        for x_lo, x_hi, y_lo, y_hi in leaf_boxes(tree):
            (edge,) = ax.plot(
                [x_lo, x_hi, x_hi, x_lo, x_lo],
                [y_lo, y_lo, y_hi, y_hi, y_lo],
                color=COLORS["black"],
                linewidth=0.6,
                zorder=2,
            )
            artists.append(edge)
        train, test = tree.score(X, y), tree.score(X_test, y_test)
        ax.set_title(
            f"depth {depth}: {tree.get_n_leaves()} leaves,"
            f" train {train:.2f}, test {test:.2f}"
        )

    update(len(DEPTHS) - 1)
    fig.canvas.draw()
    fig.set_layout_engine("none")
    return Animation(
        fig,
        update,
        n_frames=len(DEPTHS),
        interval=700,
        labels=[f"depth {d}" for d in DEPTHS],
    )


if __name__ == "__main__":
    save_cli(draw, __file__)
