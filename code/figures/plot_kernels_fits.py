"""Kernel ridge fits of a noisy sine, for several gamma and lambda
==================================================================

Two stacked panels, each showing the same forty noisy samples of a sine
curve on [0, 6] (grey dots) and RBF kernel ridge fits. Top: the penalty
fixed at lambda = 0.1 and gamma = 0.1, 1 and 30; the widest kernel
(gamma = 0.1) gives a smooth curve close to the sine, gamma = 1 bends a
little more towards the noisy points, and the narrowest (gamma = 30) chases
the noise in spikes. Bottom: gamma fixed at 1 and lambda = 0.001, 0.1
and 10; a tiny penalty lets the curve wiggle through the noise, and a
large one flattens it towards zero.
"""

# %%
import numpy as np

from skratch.figures import COLORS, new_figure, save_cli
from skratch.kernel_ridge import KernelRidge


def make_sine(n_samples=40, noise=0.3, random_state=0):
    """Noisy samples of sin(x) at sorted points of [0, 6]."""
    rng = np.random.default_rng(random_state)
    x = np.sort(rng.uniform(0, 6, size=n_samples))
    y = np.sin(x) + rng.normal(scale=noise, size=n_samples)
    return x[:, None], y


def draw():
    X, y = make_sine()
    grid = np.linspace(0, 6, 400)[:, None]
    colours = [COLORS["blue"], COLORS["orange"], COLORS["red"]]
    styles = ["-", "--", ":"]
    settings = [
        ("gamma", [0.1, 1.0, 30.0], {"alpha": 0.1}, "$\\lambda$ = 0.1"),
        ("alpha", [0.001, 0.1, 10.0], {"gamma": 1.0}, "gamma = 1"),
    ]

    # %%
    fig, axes = new_figure(2, 1, figsize=(6.4, 6.8), sharex=True)
    for ax, (name, values, fixed, title) in zip(axes, settings):
        ax.scatter(
            X[:, 0], y, s=16, color=COLORS["grey"], zorder=3, label="data"
        )
        for value, colour, style in zip(values, colours, styles):
            params = {**fixed, name: value}
            model = KernelRidge(kernel="rbf", **params).fit(X, y)
            shown = "gamma" if name == "gamma" else "$\\lambda$"
            ax.plot(
                grid[:, 0],
                model.predict(grid),
                color=colour,
                linestyle=style,
                linewidth=2,
                label=f"{shown} = {value:g}",
            )
        ax.set(ylim=(-2.2, 2.6), ylabel="y", title=f"RBF kernel, {title}")
        ax.legend(loc="upper right", ncols=2, fontsize="medium")
    axes[1].set(xlabel="x")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
