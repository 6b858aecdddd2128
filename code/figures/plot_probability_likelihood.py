"""The likelihood of a coin's bias after ten flips
=================================================

Two panels sharing a horizontal axis, the probability of heads theta from 0
to 1. Top, the likelihood of seeing 7 heads in 10 flips, theta to the
seventh times one minus theta cubed: a single hump, zero at both ends, with
its peak marked at theta = 0.7, the fraction of heads. Bottom, the
log-likelihood, 7 log theta plus 3 log(1 - theta): a concave curve that
falls steeply towards both ends, with its maximum at the same place, 0.7.
"""

# %%
import numpy as np

from skratch.figures import COLORS, new_figure, save_cli


def draw():
    heads, tails = 7, 3
    theta = np.linspace(0.005, 0.995, 400)
    likelihood = theta**heads * (1 - theta) ** tails
    log_likelihood = heads * np.log(theta) + tails * np.log(1 - theta)
    best = heads / (heads + tails)

    fig, (top, bottom) = new_figure(2, 1, figsize=(6.4, 5.6), sharex=True)
    top.plot(theta, likelihood, color=COLORS["blue"], linewidth=2.5)
    bottom.plot(
        theta, log_likelihood, color=COLORS["orange"], linewidth=2.5
    )
    for ax, curve in ((top, likelihood), (bottom, log_likelihood)):
        ax.axvline(best, color=COLORS["grey"], linestyle="--", linewidth=1)
        ax.plot(best, curve.max(), "o", color=COLORS["black"], markersize=7)
    top.text(
        0.03,
        0.0016,
        "maximum at $\\theta = 0.7$,\nthe fraction of heads",
    )
    top.set(
        ylabel="likelihood",
        title=r"7 heads in 10 flips: $\theta^7 (1 - \theta)^3$",
    )
    bottom.set(
        ylim=(-20, 0),
        xlabel=r"probability of heads $\theta$",
        ylabel="log-likelihood",
    )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
