"""Gaussian noise around the line
================================

The straight line tip = 0.15 x bill + 1 drawn across bills from $8 to $62,
with eighty sample tips scattered around it. At bills of $15, $25, $35, $45
and $55 a bell-shaped curve lies on its side, to the right of a short
vertical bar, peaking where the bar meets the line: each bell shows the
spread of tips the model expects for that bill, a normal distribution
centred on the line with the same width everywhere. Most sample tips fall
within the bells' vertical span of about $2.40 above or below the line.
Fitting the line by maximum likelihood under this picture is the same as
minimising the mean squared error.
"""

# %%
import numpy as np

from skratch.datasets import make_tips
from skratch.figures import COLORS, new_figure, save_cli

RATE, BASE, NOISE = 0.15, 1.0, 0.8  # the true line and noise of make_tips


def draw():
    X, y = make_tips(
        n_samples=80,
        tip_rate=RATE,
        base_tip=BASE,
        noise=NOISE,
        random_state=1,
    )
    fig, ax = new_figure()
    ax.scatter(
        X[:, 0],
        y,
        s=14,
        color=COLORS["orange"],
        alpha=0.7,
        label="observed tips",
    )
    bills = np.array([8.0, 62.0])
    ax.plot(
        bills,
        RATE * bills + BASE,
        color=COLORS["blue"],
        linewidth=2,
        label="mean tip: 0.15 x bill + 1",
    )

    # %%
    # Each bell is the density N(tip; line(bill), NOISE^2) laid on its side:
    # its height
    # along the bill axis is proportional to how likely each tip is.
    tips = np.linspace(-3 * NOISE, 3 * NOISE, 200)
    density = np.exp(-0.5 * (tips / NOISE) ** 2) / (
        NOISE * np.sqrt(2 * np.pi)
    )
    for bill in (15, 25, 35, 45, 55):
        centre = RATE * bill + BASE
        ax.plot(
            bill + 6 * density,
            centre + tips,
            color=COLORS["green"],
            linewidth=1.5,
        )
        ax.fill_betweenx(
            centre + tips,
            bill,
            bill + 6 * density,
            color=COLORS["green"],
            alpha=0.15,
        )
        ax.plot(
            [bill, bill],
            [centre - 3 * NOISE, centre + 3 * NOISE],
            color=COLORS["green"],
            linewidth=0.8,
        )
    ax.plot(
        [],
        [],
        color=COLORS["green"],
        label="spread of tips: N(mean, 0.8²)",
    )
    ax.set(
        xlabel="bill ($)",
        ylabel="tip ($)",
        xlim=(8, 64),
        title="The model: a line plus bell-shaped noise",
    )
    ax.legend(loc="upper left")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
