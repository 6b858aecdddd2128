"""One tree against a forest, each fitted to 15 different training sets
=======================================================================

Two panels side by side, sharing their axes: the input x from 0 to 6
across, the prediction up the side. In both, a dashed black curve is the
true function sin(x) that every training set was drawn around (50 noisy
points each). On the left, 15 thin blue curves: one deep regression tree
fitted to each training set. They are staircases that jump up and down
and disagree widely with each other all along the curve, most at the
left end. On the right, 15 thin orange curves: a forest of 25 trees
fitted to each of the same training sets. Their steps are smaller and
they bunch closer round the dashed curve: averaging the trees has cut
their variance to less than half.
"""

# %%
import numpy as np

from skratch.ensemble import RandomForestRegressor
from skratch.figures import COLORS, new_figure, save_cli
from skratch.tree import DecisionTreeRegressor

N_SETS, N_TREES = 15, 25


def draw():
    rng = np.random.default_rng(1)
    grid = np.linspace(0, 6, 200)[:, None]
    fig, axes = new_figure(1, 2, figsize=(6.4, 3.4), sharey=True)
    for _ in range(N_SETS):
        # A fresh training set: 50 points around sin(x), noise sd 0.4.
        x = rng.uniform(0, 6, 50)
        y = np.sin(x) + rng.normal(0, 0.4, 50)
        tree = DecisionTreeRegressor(random_state=0).fit(x[:, None], y)
        forest = RandomForestRegressor(n_estimators=N_TREES, random_state=0)
        forest.fit(x[:, None], y)
        for ax, model, colour in (
            (axes[0], tree, COLORS["blue"]),
            (axes[1], forest, COLORS["orange"]),
        ):
            ax.plot(
                grid[:, 0],
                model.predict(grid),
                color=colour,
                linewidth=0.8,
                alpha=0.7,
            )
    for ax in axes:
        ax.plot(
            grid[:, 0],
            np.sin(grid[:, 0]),
            color=COLORS["black"],
            linestyle="--",
            linewidth=2,
        )
        ax.set(xlim=(0, 6), ylim=(-2.2, 2.2), xlabel="x")
    axes[0].set_ylabel("prediction")
    axes[0].set_title("one tree, 15 sets")
    axes[1].set_title(f"forest of {N_TREES}, 15 sets")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
