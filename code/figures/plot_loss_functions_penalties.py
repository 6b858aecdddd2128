"""See the loss penalties
======================

An animation in two panels stacked. Top: a target y = 0 and a prediction
that moves away from it, frame by frame, from residual 0 to residual 3; the
curves of the squared error, the absolute error and the Huber loss
(threshold tau_H = 1) are drawn, with a dot on each at the current residual,
and the title gives the three values: the squared error overtakes the
absolute error at residual 1 and grows fastest. Bottom: the margin of a
classified point moves from +3 (confidently right) to -3 (confidently
wrong); dots on the 0-1, hinge, logistic (bits) and perceptron curves show
each penalty, listed in the panel's title: the 0-1 loss jumps only at 0, the
hinge starts charging already below margin 1.
"""

# %%
import numpy as np

from skratch.figures import COLORS, Animation, new_figure, save_cli

N_FRAMES = 21


def _regression(r):
    a = np.abs(r)
    return r**2, a, np.where(a <= 1, 0.5 * r**2, a - 0.5)


def _classification(z):
    return (
        float(z <= 0),
        max(0.0, 1 - z),
        np.logaddexp(0, -z) / np.log(2),
        max(0.0, -z),
    )


def draw():
    residuals = np.linspace(0, 3, N_FRAMES)
    margins = np.linspace(3, -3, N_FRAMES)
    fig, (top, bottom) = new_figure(2, 1, figsize=(6.4, 7.4))
    r = np.linspace(-0.2, 3.2, 200)
    names = ["squared", "absolute", "Huber"]
    colors = [COLORS["blue"], COLORS["orange"], COLORS["green"]]
    styles = ["-", "--", ":"]
    reg_dots = []
    for curve, name, color, style in zip(
        _regression(r), names, colors, styles
    ):
        top.plot(r, curve, color=color, lw=2, ls=style, label=name)
        (dot,) = top.plot([], [], "o", color=color, markersize=9)
        reg_dots.append(dot)
    (guide,) = top.plot([], [], color=COLORS["grey"], lw=1)
    top.set(xlabel="residual  y - prediction", ylabel="loss", ylim=(0, 9.5))
    top.legend(loc="upper left", frameon=False)

    # %%
    z = np.linspace(-3.2, 3.2, 300)
    curves = [
        (z <= 0).astype(float),
        np.maximum(0, 1 - z),
        np.logaddexp(0, -z) / np.log(2),
        np.maximum(0, -z),
    ]
    names_c = ["0-1", "hinge", "logistic", "perceptron"]
    colors_c = [
        COLORS["grey"],
        COLORS["blue"],
        COLORS["orange"],
        COLORS["green"],
    ]
    styles_c = ["-", "-", "--", ":"]
    cls_dots = []
    for curve, name, color, style in zip(
        curves, names_c, colors_c, styles_c
    ):
        bottom.plot(z, curve, color=color, lw=2, ls=style, label=name)
        (dot,) = bottom.plot([], [], "o", color=color, markersize=9)
        cls_dots.append(dot)
    bottom.set(
        xlabel="margin  y x score  (> 0: right side)",
        ylabel="loss",
        ylim=(0, 5.5),
    )
    bottom.legend(loc="upper right", frameon=False)
    top_title = top.set_title(" ")
    bottom_title = bottom.set_title(" ")

    def update(frame):
        res = residuals[frame]
        values = _regression(np.array(res))
        for dot, value in zip(reg_dots, values):
            dot.set_data([res], [value])
        # The guide rises to the highest dot, below the legend.
        guide.set_data([res, res], [0, max(values)])
        top_title.set_text(
            f"residual {res:.1f}: squared {values[0]:.2f}, "
            f"absolute {values[1]:.2f}, Huber {values[2]:.2f}"
        )
        m = margins[frame]
        values_c = _classification(m)
        for dot, value in zip(cls_dots, values_c):
            dot.set_data([m], [value])
        bottom_title.set_text(
            f"margin {m:+.1f}: 0-1 {values_c[0]:.0f},"
            f" hinge {values_c[1]:.2f},"
            f" logistic {values_c[2]:.2f}, perc. {values_c[3]:.2f}"
        )

    update(N_FRAMES - 1)
    fig.canvas.draw()
    fig.set_layout_engine("none")
    labels = [
        f"residual {res:.1f}, margin {m:+.1f}"
        for res, m in zip(residuals, margins)
    ]
    return Animation(
        fig, update, n_frames=N_FRAMES, interval=250, labels=labels
    )


if __name__ == "__main__":
    save_cli(draw, __file__)
