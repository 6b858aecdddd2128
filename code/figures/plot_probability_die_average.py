"""The average of many die rolls settles at 3.5
==============================================

The running average of simulated rolls of a fair six-sided die, for five
independent runs of 2,000 rolls each, drawn as thin coloured lines against
the number of rolls on a logarithmic horizontal axis from 1 to 2,000. After
a few rolls the averages are scattered between about 2.5 and 6; as the rolls
accumulate they wander less and less, and by 2,000 rolls all five lie close
to the dashed black line at 3.5, the expected value.
"""

# %%
import numpy as np

from skratch.figures import COLORS, new_figure, save_cli


def draw():
    rng = np.random.default_rng(0)
    n_rolls = 2000
    rolls = rng.integers(1, 7, size=(5, n_rolls))  # five runs
    count = np.arange(1, n_rolls + 1)
    running = np.cumsum(rolls, axis=1) / count  # (5, n_rolls)

    fig, ax = new_figure(figsize=(6.4, 4.0))
    colors = ["blue", "orange", "green", "red", "purple"]
    for run, color in zip(running, colors):
        ax.plot(count, run, color=COLORS[color], linewidth=1.3)
    ax.axhline(3.5, color=COLORS["black"], linestyle="--", linewidth=1.5)
    ax.annotate(
        "expected value 3.5",
        (300, 3.5),
        xytext=(60, 4.9),
        arrowprops={"arrowstyle": "->", "color": COLORS["black"]},
    )
    ax.set(
        xscale="log",
        xlim=(1, n_rolls),
        ylim=(1, 6),
        xlabel="number of rolls",
        ylabel="average so far",
        title="Five runs of a fair die: averages settle at 3.5",
    )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
