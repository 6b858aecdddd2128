"""Each feature on its own
========================

Two panels, one above the other, one per feature of the unit's servers:
power draw in watts (top) and temperature in degrees Celsius (bottom).
Each shows a histogram of the 500 normal training readings of that feature
(light blue bars, as a density), the Gaussian fitted to them (a dark blue
curve, the mean plus or minus two standard deviations shaded) and, along
the bottom, the fourteen pattern-breaking test anomalies as orange
triangles at their value of that feature. Every triangle sits inside the
shaded band or at its very edge, where the curve is still high: taken one
feature at a time, the pattern breakers look ordinary, so a model that
multiplies the two per-feature densities cannot single them out. Only the
combination of the two numbers is unusual.
"""

# %%
import numpy as np

from skratch.figures import COLORS, MARKERS, new_figure, save_cli
from skratch.figures.plot_anomaly_detection_servers import make_servers


def gaussian(x, mean, variance):
    """The normal density N(x | mean, variance)."""
    return np.exp(-((x - mean) ** 2) / (2 * variance)) / np.sqrt(
        2 * np.pi * variance
    )


def draw():
    X_train, _, _, X_test, y_test = make_servers()
    breakers = X_test[y_test == -1][:14]  # the first 14 anomalies

    # %%
    fig, axes = new_figure(2, 1, figsize=(6.4, 5.0))
    names = ["power (W)", "temperature (°C)"]
    for j, (ax, name) in enumerate(zip(axes, names)):
        mean, variance = X_train[:, j].mean(), X_train[:, j].var()
        sd = np.sqrt(variance)
        ax.hist(
            X_train[:, j],
            bins=30,
            density=True,
            color=COLORS["sky"],
            alpha=0.5,
            edgecolor="white",
        )
        grid = np.linspace(mean - 4 * sd, mean + 4 * sd, 400)
        peak = gaussian(mean, mean, variance)
        ax.axvspan(
            mean - 2 * sd, mean + 2 * sd, color=COLORS["grey"], alpha=0.12
        )
        ax.plot(
            grid,
            gaussian(grid, mean, variance),
            color=COLORS["blue"],
            linewidth=2,
        )
        ax.scatter(
            breakers[:, j],
            np.full(len(breakers), -0.08 * peak),
            s=60,
            marker=MARKERS[1],
            color=COLORS["orange"],
            edgecolor=COLORS["black"],
            linewidth=0.8,
            clip_on=False,
            zorder=4,
        )
        ax.set(
            xlim=(mean - 4 * sd, mean + 4 * sd),
            ylim=(-0.16 * peak, 1.25 * peak),
            yticks=[],
            xlabel=name,
            ylabel="density",
        )
        ax.text(
            mean + 2.1 * sd,
            0.9 * peak,
            f"$\\mu \\pm 2\\sigma$\n{mean:.0f} ± {2 * sd:.0f}",
            va="top",
        )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
