"""The log-likelihood of EM never goes down
=========================================

Two panels stacked, both over the EM iteration (horizontal axis, 0 to 40)
of the run in the unit's animation: three Gaussians fitted to 300 points.
Top: the mean log-likelihood of the data, blue circles joined by a line. It
climbs steeply from about -4.83 for five iterations, creeps almost flat
near -3.56 for about ten iterations, climbs again between iterations 15 and
19 to about -3.33, and stays there. Bottom: how much each iteration raised
it, on a logarithmic scale, orange triangles: every value drawn is
positive; the gains shrink to about 0.003 in the middle of the flat
stretch, grow again to about 0.08 in the second climb, then fall by a
factor of five to twenty per iteration once EM has settled, down to about
half a billionth at iteration 27; the smaller gains after that, near the
rounding noise of the arithmetic, are left out.
"""

# %%
import numpy as np

from skratch.figures import COLORS, new_figure, save_cli
from skratch.figures.plot_gaussian_mixtures_em import em_history, make_data

N_ITER = 40


def draw():
    X = make_data()
    ll = np.array([h[3] for h in em_history(X, N_ITER)])
    gain = np.diff(ll)
    # Smaller gains are so near the rounding noise that their digits, and so
    # the picture, differ between machines: they are left out.
    keep = gain > 1e-10

    fig, (top, bottom) = new_figure(2, 1, figsize=(6.4, 5.0), sharex=True)
    top.plot(
        np.arange(N_ITER + 1), ll, "o-", color=COLORS["blue"], markersize=5
    )
    top.set(ylabel="mean log-likelihood")
    steps = np.arange(1, N_ITER + 1)
    bottom.semilogy(
        steps[keep], gain[keep], "^-", color=COLORS["orange"], markersize=6
    )
    bottom.set(xlabel="EM iteration", ylabel="gain per iteration")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
