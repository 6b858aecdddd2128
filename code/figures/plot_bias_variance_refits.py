"""Twenty refits and their average: bias and variance as curves
================================================================

Three panels stacked vertically, for polynomials of degree 1, 3 and 12.
In each, twenty thin blue curves are the same model refitted on twenty
training sets drawn from the unit's generating process (the same 25 inputs,
fresh noise each time), the thick black curve is the average model, the
average of 2,000 such refits, and the grey dashed curve is the truth, three
quarters of a sine wave. At degree 1 the straight lines agree with each
other but their average misses the wave (high bias, low variance); at
degree 3 the curves hug the truth and their average lies on it; at degree
12 the average lies on the truth too (except at the right end, beyond the
last training input, where even 2,000 refits scatter too widely to pin it
down), but the single curves fan out widely, most of all near the ends
(low bias, high variance).
"""

# %%
import numpy as np

from skratch.figures import COLORS, new_figure, save_cli
from skratch.figures.plot_bias_variance_pick_the_model import (
    noisy_targets,
    pick_the_model_data,
    polynomial_model,
    true_function,
)

SHOWN_DEGREES = [1, 3, 12]
N_CURVES = 20
N_AVERAGE = 2000


def draw():
    rng = np.random.default_rng(2)
    x = pick_the_model_data()[0]
    grid = np.linspace(0, 1, 300)
    y_sets = noisy_targets(x, rng, N_AVERAGE)  # (n, N_AVERAGE)

    fig, axes = new_figure(3, 1, figsize=(6.4, 7.6), sharex=True)
    for ax, degree in zip(axes, SHOWN_DEGREES):
        model = polynomial_model(degree).fit(x[:, None], y_sets)
        curves = model.predict(grid[:, None])  # (300, N_AVERAGE)
        ax.plot(
            grid,
            np.clip(curves[:, :N_CURVES], -2.6, 2.6),
            color=COLORS["blue"],
            linewidth=0.8,
            alpha=0.6,
        )
        ax.plot(
            grid,
            true_function(grid),
            "--",
            color=COLORS["grey"],
            linewidth=2.2,
        )
        ax.plot(grid, curves.mean(axis=1), color="black", linewidth=2.2)
        ax.set(ylim=(-2.2, 2.2), yticks=[-2, -1, 0, 1, 2], ylabel="y")
        ax.set_title(f"degree {degree}", loc="left")
    axes[-1].set(xlabel="x", xlim=(0, 1))
    # The key, once, above the panels.
    handles = axes[0].get_lines()
    fig.legend(
        [handles[0], handles[-2], handles[-1]],
        ["one refit", "truth", "average model"],
        loc="outside upper center",
        ncols=3,
    )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
