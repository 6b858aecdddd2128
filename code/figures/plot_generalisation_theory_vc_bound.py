"""How the VC bound shrinks with n, for several VC dimensions
===============================================================

A log-log plot of the guaranteed gap between true and training error
(vertical axis) against the training-set size n, from 10 to a million
(horizontal axis), at confidence 95%. Three solid lines give the VC bound
sqrt((8/n)(d log(2en/d) + log(4/0.05))) for VC dimensions 1, 3 and 10; a
larger dimension lifts the whole curve. The dashed line is the
finite-class bound for 21 threshold classifiers, several times lower than
the VC bound for dimension 1, which covers all thresholds on the line. A
grey horizontal line at 1 marks where a bound on an error rate says
nothing; the VC curves drop below it only at n = 85, 174 and 481 for
dimensions 1, 3 and 10.
"""

# %%
import numpy as np

from skratch.figures import COLORS, new_figure, save_cli

DELTA = 0.05


def vc_bound(n, d):
    return np.sqrt(
        8 / n * (d * np.log(2 * np.e * n / d) + np.log(4 / DELTA))
    )


def finite_bound(n, size):
    return np.sqrt(np.log(2 * size / DELTA) / (2 * n))


def draw():
    n = np.geomspace(10, 1e6, 200)
    fig, ax = new_figure()
    ax.axhline(1, color=COLORS["grey"], linewidth=1)
    for d, color in zip((1, 3, 10), ("blue", "orange", "red")):
        ax.plot(
            n,
            vc_bound(n, d),
            color=COLORS[color],
            linewidth=2.5,
            label=f"VC bound, $d_{{\\mathrm{{VC}}}} = {d}$",
        )
    ax.plot(
        n,
        finite_bound(n, 21),
        "--",
        color=COLORS["green"],
        linewidth=2.5,
        label="finite class, $|\\mathcal{H}| = 21$",
    )
    ax.text(2e4, 1.2, "vacuous above 1", color=COLORS["grey"])
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set(
        xlabel="training-set size n",
        ylabel="bound on $R(f) - \\widehat{R}_n(f)$",
        ylim=(1e-3, 6),
        title="Generalisation bounds at 95% confidence",
    )
    ax.legend(loc="lower left")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
