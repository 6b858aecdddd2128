"""A mixture of two Gaussians and its responsibilities
=====================================================

Two panels sharing the horizontal axis, a made-up measurement from 150 to
195. Top: the density of a mixture of two Gaussians, drawn as a solid black
curve, and its two parts, each Gaussian multiplied by its weight: a blue
dashed bump centred at 162 with weight 0.5 and an orange dotted bump centred
at 180 with weight 0.5. The black curve is their sum and has two humps.
Below the curves, forty samples drawn from the mixture sit on the axis,
blue circles for those drawn from the first bump and orange triangles for
those from the second. Bottom: the responsibilities, the probability that a
value came from the first (blue, dashed) or the second (orange, dotted)
component. They are near 1 and 0 far to the left, cross at one half near
171, between the two centres, and swap far to the right; at every value
they add up to 1.
"""

# %%
import numpy as np

from skratch.figures import COLORS, MARKERS, new_figure, save_cli

WEIGHTS = np.array([0.5, 0.5])
MEANS = np.array([162.0, 180.0])
STDS = np.array([6.5, 7.0])


def normal_pdf(x, mean, std):
    z = (x - mean) / std
    return np.exp(-0.5 * z**2) / (std * np.sqrt(2 * np.pi))


def draw():
    rng = np.random.default_rng(0)
    component = rng.choice(2, size=40, p=WEIGHTS)
    samples = rng.normal(MEANS[component], STDS[component])

    x = np.linspace(150, 195, 400)
    parts = WEIGHTS[:, None] * normal_pdf(x, MEANS[:, None], STDS[:, None])
    mixture = parts.sum(axis=0)  # p(x)
    resp = parts / mixture  # (2, 400): r_1(x), r_2(x)

    fig, (top, bottom) = new_figure(2, 1, figsize=(6.4, 5.4), sharex=True)
    styles = ["--", ":"]
    colours = [COLORS["blue"], COLORS["orange"]]
    for k in range(2):
        top.plot(
            x,
            parts[k],
            styles[k],
            color=colours[k],
            linewidth=2.5,
            label=f"$\\pi_{k + 1}\\,\\mathcal{{N}}_{k + 1}(x)$",
        )
        top.scatter(
            samples[component == k],
            np.full((component == k).sum(), -0.002),
            marker=MARKERS[k],
            color=colours[k],
            edgecolor="black",
            linewidth=0.4,
            s=30,
            zorder=3,
            label=f"drawn from {k + 1}",
        )
        bottom.plot(
            x,
            resp[k],
            styles[k],
            color=colours[k],
            linewidth=2.5,
            label=f"$r_{k + 1}(x)$",
        )
    top.plot(x, mixture, color=COLORS["black"], linewidth=2, label="$p(x)$")
    top.set(ylabel="density", ylim=(-0.005, 0.05))
    top.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    bottom.axhline(0.5, color=COLORS["grey"], linewidth=1)
    bottom.set(
        xlabel="measurement x", ylabel="responsibility", ylim=(-0.05, 1.05)
    )
    bottom.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
