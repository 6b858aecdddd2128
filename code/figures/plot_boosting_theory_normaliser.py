"""The normaliser Z as a function of the vote alpha
===================================================

Three curves of Z(alpha) = (1 - e) exp(-alpha) + e exp(alpha), the factor
by which one round of AdaBoost multiplies its training-error bound
(vertical axis), against the vote alpha from 0 to 2.5 (horizontal axis),
for a weak learner with weighted error e = 0.1 (blue, solid), 0.25
(orange, dashed) and 0.4 (green, dotted). Every curve starts at 1 for
alpha = 0 (a learner with no vote changes nothing), dips to a minimum
(black dots) at alpha = log((1 - e) / e) / 2, where Z = 2 sqrt(e (1 - e)),
and climbs again when the vote is too large. The better the learner, the
deeper and further right its minimum: 0.6 at alpha = 1.10 for e = 0.1,
0.87 at 0.55 for e = 0.25, and 0.98 at 0.20 for e = 0.4.
"""

# %%
import numpy as np

from skratch.figures import COLORS, new_figure, save_cli

ERRORS = [0.1, 0.25, 0.4]


def normaliser(alpha, e):
    """Z(alpha): the weights' total after the update, before dividing."""
    return (1 - e) * np.exp(-alpha) + e * np.exp(alpha)


def draw():
    alpha = np.linspace(0, 2.5, 300)
    best = [0.5 * np.log((1 - e) / e) for e in ERRORS]

    # %%
    fig, ax = new_figure()
    ax.axhline(1, color=COLORS["grey"], linewidth=1)
    styles = ["-", "--", ":"]
    colours = [COLORS["blue"], COLORS["orange"], COLORS["green"]]
    for e, style, colour in zip(ERRORS, styles, colours):
        ax.plot(
            alpha,
            normaliser(alpha, e),
            linestyle=style,
            color=colour,
            linewidth=2.5,
            label=f"e = {e:g}",
        )
    ax.scatter(
        best,
        [2 * np.sqrt(e * (1 - e)) for e in ERRORS],
        s=50,
        color="black",
        zorder=3,
        label=r"minimum $2\sqrt{e(1-e)}$",
    )
    ax.set(
        xlabel=r"vote $\alpha$",
        ylabel=r"$Z(\alpha)$",
        xlim=(0, 2.5),
        ylim=(0.3, 1.6),
        title="Each round's factor is smallest at AdaBoost's vote",
    )
    ax.legend(loc="lower left", ncols=2)
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
