"""From secant to tangent
======================

The parabola f(x) = x squared, drawn in blue for x from -0.5 to 3.2, with
the point (1, 1) marked. Three straight lines (secants) join that point to
points further along the curve, at x = 3, 2 and 1.5; their slopes, rise over
run, are 4, 3 and 2.5, drawn in lighter to darker grey as the second point
moves in. The orange tangent line touches the curve at (1, 1) with slope 2:
the limit the secant slopes approach as the run shrinks to zero, the
derivative of x squared at 1.
"""

# %%
import numpy as np

from skratch.figures import COLORS, new_figure, save_cli


def draw():
    fig, ax = new_figure(figsize=(6.4, 4.4))
    x = np.linspace(-0.5, 3.2, 200)
    ax.plot(
        x, x**2, color=COLORS["blue"], linewidth=2.5, label="$f(x) = x^2$"
    )
    x0 = 1.0
    line_x = np.array([-0.5, 3.2])
    greys = ["#B0B0B0", "#8A8A8A", COLORS["grey"]]
    for run, grey in zip((2.0, 1.0, 0.5), greys):
        slope = ((x0 + run) ** 2 - x0**2) / run  # rise over run
        ax.plot(
            line_x,
            x0**2 + slope * (line_x - x0),
            color=grey,
            linewidth=1.5,
            label=f"secant, run {run:g}: slope {slope:g}",
        )
        ax.plot(x0 + run, (x0 + run) ** 2, "o", color=grey, markersize=6)
    ax.plot(
        line_x,
        x0**2 + 2 * x0 * (line_x - x0),
        color=COLORS["orange"],
        linewidth=2.5,
        linestyle="--",
        label="tangent: slope 2",
    )
    ax.plot(x0, x0**2, "o", color=COLORS["black"], markersize=7, zorder=4)
    ax.set(
        xlim=(-0.5, 3.2),
        ylim=(-1.5, 10),
        xlabel="x",
        ylabel="f(x)",
        title="The slope of the secant tends to the derivative",
    )
    ax.legend(loc="upper left")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
