"""The naive log-sum-exp failing, the stable one holding
======================================================

The log-sum-exp of three logits (m, m - 1, m - 2), minus their largest
logit m, as m runs from -800 to 800. The exact value is the same for every
m, log(1 + 1/e + 1/e^2), about 0.408: the stable computation (blue line),
which subtracts m before exponentiating, draws it flat all the way. The
naive one (orange triangles), log(sum(exp(z))), agrees in the middle, but
above m = 709 exp overflows to inf (the shaded band on the right, marked at
the top edge). At the other end the exponentials first become subnormal
numbers that lose their digits, so in the last few units before m = -745
the naive value jumps away from 0.408 (the orange spike), and once exp(m)
underflows to 0 it is log(0) = -inf (the shaded band on the left, marked at
the bottom edge).
"""

# %%
import numpy as np

from skratch.figures import COLORS, MARKERS, new_figure, save_cli


def naive_logsumexp(z):
    """log(sum(exp(z))) along the last axis, exactly as the formula says."""
    with np.errstate(over="ignore", divide="ignore"):
        return np.log(np.exp(z).sum(axis=-1))


def stable_logsumexp(z):
    """m + log(sum(exp(z - m))) with m the largest logit."""
    m = z.max(axis=-1)
    return m + np.log(np.exp(z - m[..., None]).sum(axis=-1))


def draw():
    m = np.linspace(-800, 800, 3201)
    z = m[:, None] - np.array([0.0, 1.0, 2.0])  # (n, 3)
    naive = naive_logsumexp(z) - m
    stable = stable_logsumexp(z) - m

    # %%
    fig, ax = new_figure(figsize=(6.4, 4.4))
    low, high = -0.6, 1.0
    over = np.isposinf(naive)
    under = np.isneginf(naive)
    ax.axvspan(m[over].min(), m.max(), color=COLORS["red"], alpha=0.15)
    ax.axvspan(m.min(), m[under].max(), color=COLORS["red"], alpha=0.15)
    ax.plot(m, stable, color=COLORS["blue"], linewidth=3, label="stable")
    finite = np.isfinite(naive)
    ax.plot(
        m[finite][::40],
        naive[finite][::40],
        linestyle="none",
        marker=MARKERS[1],
        color=COLORS["orange"],
        markersize=7,
        label="naive",
    )
    near = finite & (m < -700)
    ax.plot(m[near], naive[near], color=COLORS["orange"], linewidth=2)
    ax.plot(
        m[over][::40],
        np.full(over.sum(), high)[::40],
        linestyle="none",
        marker=MARKERS[1],
        color=COLORS["orange"],
        markersize=7,
        clip_on=False,
    )
    ax.plot(
        m[under][::40],
        np.full(under.sum(), low)[::40],
        linestyle="none",
        marker=MARKERS[4],
        color=COLORS["orange"],
        markersize=7,
        clip_on=False,
    )
    ax.text(755, 0.85, "naive:\ninf", ha="center", va="top")
    ax.text(-772, -0.4, "naive:\n-inf", ha="center", va="bottom")
    ax.set(
        xlim=(m.min(), m.max()),
        ylim=(low, high),
        xlabel="largest logit m  (logits m, m-1, m-2)",
        ylabel="log-sum-exp minus m",
    )
    ax.legend(loc="upper center", ncols=2)
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
