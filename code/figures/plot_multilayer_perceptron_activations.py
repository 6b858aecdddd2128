"""Four activation functions and their derivatives
================================================

Two stacked panels over the same input z from -4 to 4. The top panel
plots four activation functions: ReLU (blue, solid), which is 0 for
negative z and z itself for positive z; tanh (orange, dashed), an S-curve
from -1 to 1; the sigmoid (green, dash-dotted), an S-curve from 0 to 1
that crosses 1/2 at z = 0; and GELU (purple, dotted), which follows ReLU
far from 0 but is smooth and dips slightly below 0 for negative z, to
about -0.17 near z = -0.75. The bottom panel plots their derivatives,
computed by the skratch.autograd engine: ReLU's is a step from 0 to 1,
tanh's a bump of height 1, the sigmoid's a flatter bump of height only
1/4, and GELU's a smooth step that overshoots 1 a little for positive z
and is slightly negative for z below about -0.75.
"""

# %%
import numpy as np

from skratch.autograd import Tensor
from skratch.figures import COLORS, new_figure, save_cli

STYLES = {
    "ReLU": (COLORS["blue"], "-"),
    "tanh": (COLORS["orange"], "--"),
    "sigmoid": (COLORS["green"], "-."),
    "GELU": (COLORS["purple"], ":"),
}


def activation_and_derivative(name, z):
    """Values and derivatives of one activation, by backpropagation."""
    t = Tensor(z, requires_grad=True)
    method = {"ReLU": t.relu, "tanh": t.tanh, "sigmoid": t.sigmoid}
    out = method[name]() if name in method else t.gelu()
    out.sum().backward()  # each output depends on its own input only
    return out.data, t.grad


def draw():
    z = np.linspace(-4, 4, 801)

    # %%
    fig, (top, bottom) = new_figure(2, 1, figsize=(6.4, 6.8), sharex=True)
    for name, (color, style) in STYLES.items():
        value, slope = activation_and_derivative(name, z)
        top.plot(z, value, style, color=color, linewidth=2.2, label=name)
        bottom.plot(z, slope, style, color=color, linewidth=2.2)
    top.set(ylabel="activation f(z)", ylim=(-1.2, 4.2))
    top.set_title("The activations")
    top.legend(loc="upper left", ncols=2)
    bottom.set(xlabel="input z", ylabel="derivative f'(z)")
    bottom.set(ylim=(-0.25, 1.25))
    bottom.set_title("Their derivatives (by backpropagation)")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
