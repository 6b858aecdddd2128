"""Nudges too small, about right, and too big
============================================

Four small charts in a two-by-two grid, each showing the guessed price per
square metre (in thousands of dollars) after each of 20 laps of the learning
loop, starting from 2.5, with the best value, 3.0, as a dashed line. With a
nudge size of 0.1 the guess creeps up and is still short of 3.0 after 20
laps. With 0.5 it gets there in a handful of laps. With 1.5 it overshoots,
jumping above and below 3.0 in a zig-zag that dies down. With 2.2 each jump
overshoots more than the last, and the guess flies away from 3.0: the loop
falls apart.
"""

# %%
import numpy as np

from skratch.figures import COLORS, new_figure, save_cli
from skratch.figures.plot_the_learning_loop_laps import START, run_loop

CASES = [
    (0.1, "too small: crawls", COLORS["blue"]),
    (0.5, "about right", COLORS["green"]),
    (1.5, "too big: zig-zags", COLORS["orange"]),
    (2.2, "far too big: blows up", COLORS["red"]),
]
LAPS = 20


def draw():
    fig, axes = new_figure(
        2, 2, figsize=(6.4, 5.6), sharey=True, sharex=True
    )
    for ax, (nudge, verdict, color) in zip(axes.ravel(), CASES):
        ws, _ = run_loop(START, nudge, LAPS)
        ax.axhline(3.0, color="black", linestyle="--", linewidth=1.2)
        ax.plot(
            np.arange(LAPS + 1),
            ws,
            "-o",
            color=color,
            markersize=4,
            linewidth=2,
            markeredgecolor="black",
            markeredgewidth=0.4,
        )
        ax.set_title(
            f"nudge size {nudge}\n{verdict}", fontsize=12, fontweight="bold"
        )
        ax.set(ylim=(1.8, 4.2), xticks=[0, 5, 10, 15, 20])
    for ax in axes[1]:
        ax.set_xlabel("lap", fontsize=12)
    # One label for both rows: it would not fit beside a single half-height
    # panel.
    fig.supylabel("guess ($ thousands per m²)", fontsize=12)
    axes[0, 0].text(
        20, 3.06, "best: 3.0", ha="right", va="bottom", fontsize=11
    )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
