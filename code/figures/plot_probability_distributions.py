"""Three distributions: Bernoulli, categorical, Gaussian
=======================================================

Three panels stacked. Top, a Bernoulli distribution with probability 0.3 of
a 1: two bars, 0.7 at outcome 0 and 0.3 at outcome 1. Middle, a categorical
distribution over three classes with probabilities 0.5, 0.3 and 0.2: three
bars. Bottom, the bell-shaped densities of three Gaussian distributions:
mean 0 and standard deviation 1 (blue, solid), mean 0 and standard
deviation 2 (orange, dashed; lower and wider), and mean 3 and standard
deviation 0.5 (green, dotted; tall and narrow, centred at 3).
"""

# %%
import numpy as np

from skratch.figures import COLORS, new_figure, save_cli


def gaussian(z, mean, std):
    return np.exp(-((z - mean) ** 2) / (2 * std**2)) / np.sqrt(
        2 * np.pi * std**2
    )


def draw():
    fig, (top, middle, bottom) = new_figure(
        3, 1, figsize=(6.4, 7.6), height_ratios=[1, 1, 1.4]
    )
    top.bar([0, 1], [0.7, 0.3], width=0.5, color=COLORS["blue"])
    top.set(
        xticks=[0, 1],
        ylim=(0, 1),
        ylabel="probability",
        title=r"Bernoulli, $\theta = 0.3$",
    )
    middle.bar(
        ["class 1", "class 2", "class 3"],
        [0.5, 0.3, 0.2],
        width=0.5,
        color=COLORS["orange"],
    )
    middle.set(ylim=(0, 1), ylabel="probability", title="categorical")

    # %%
    z = np.linspace(-6, 6, 400)
    curves = [
        (0, 1, "blue", "-"),
        (0, 2, "orange", "--"),
        (3, 0.5, "green", ":"),
    ]
    for mean, std, color, style in curves:
        bottom.plot(
            z,
            gaussian(z, mean, std),
            color=COLORS[color],
            linestyle=style,
            linewidth=2.5,
            label=rf"$\mu = {mean}$, $\sigma = {std}$",
        )
    bottom.set(
        ylim=(0, 1.0),
        xlabel="value",
        ylabel="density",
        title="Gaussian",
    )
    bottom.legend(loc="upper left")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
