"""Four optimisers racing down a narrow valley
=============================================

An animation of one panel: the contour lines of the narrow valley
f(x, y) = (x^2 + 25 y^2) / 2, x horizontal from -9 to 2 and y vertical
from -2 to 2, with the minimum at the origin marked by a red cross. Four
optimisers start together at (-8, 1.5) and take 40 steps: plain gradient
descent (blue circles, learning rate 0.075) zigzags across the valley and
creeps along it; momentum (orange triangles, rate 0.05, momentum 0.6)
zigzags less and rolls along faster; RMSprop (green squares, rate 0.2)
takes steps of about the same size in x and y, so it heads diagonally and
then straight along the floor; Adam (purple diamonds, rate 0.5) does the
same with momentum, swinging across the floor, overshooting the minimum
to about x = 1.4 and swinging back.
The title gives the step and each optimiser's loss.
"""

# %%
import numpy as np

from skratch.autograd import Tensor
from skratch.figures import COLORS, MARKERS, Animation, new_figure, save_cli
from skratch.optim import SGD, Adam, RMSprop

START = (-8.0, 1.5)
N_STEPS = 40
SETTINGS = {
    "SGD": (SGD, {"lr": 0.075}),
    "momentum": (SGD, {"lr": 0.05, "momentum": 0.6}),
    "RMSprop": (RMSprop, {"lr": 0.2}),
    "Adam": (Adam, {"lr": 0.5}),
}
STYLE = {
    "SGD": (COLORS["blue"], MARKERS[0]),
    "momentum": (COLORS["orange"], MARKERS[1]),
    "RMSprop": (COLORS["green"], MARKERS[2]),
    "Adam": (COLORS["purple"], MARKERS[3]),
}


def valley(p):
    """The loss (x^2 + 25 y^2) / 2 and its gradient at p = (x, y)."""
    h = np.array([1.0, 25.0])
    return 0.5 * np.sum(h * p**2), h * p


def trajectory(make, options, loss, start, n_steps):
    """Run one skratch optimiser from start; return the points visited."""
    p = Tensor(np.array(start, dtype=float), requires_grad=True)
    optimiser = make([p], **options)
    path = [p.data.copy()]
    for _ in range(n_steps):
        p.grad = loss(p.data)[1]
        optimiser.step()
        path.append(p.data.copy())
    return np.array(path)


def race(loss, start, n_steps, settings=SETTINGS):
    """The path of every optimiser of settings, as a dict of arrays."""
    return {
        name: trajectory(make, options, loss, start, n_steps)
        for name, (make, options) in settings.items()
    }


def draw_race(loss, start, n_steps, xlim, ylim, levels, title):
    paths = race(loss, start, n_steps)
    xs, ys = np.meshgrid(np.linspace(*xlim, 200), np.linspace(*ylim, 200))
    zs = np.array(
        [loss(np.array(point))[0] for point in zip(xs.ravel(), ys.ravel())]
    ).reshape(xs.shape)

    # %%
    fig, ax = new_figure(figsize=(6.4, 4.1))
    ax.contour(xs, ys, zs, levels=levels, cmap="viridis", linewidths=0.8)
    ax.plot(0, 0, "x", color=COLORS["red"], markersize=11, mew=2.5)
    lines = {}
    for name in paths:
        colour, marker = STYLE[name]
        (line,) = ax.plot(
            [],
            [],
            "-",
            color=colour,
            marker=marker,
            markersize=5,
            linewidth=1.4,
            label=name,
        )
        lines[name] = line
    ax.set(xlabel="x", ylabel="y", xlim=xlim, ylim=ylim)
    ax.grid(False)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    head = ax.set_title("")

    # every other step is a frame, so the page stays light
    steps = list(range(0, n_steps + 1, 2))

    def update(frame):
        step = steps[frame]
        parts = []
        for name, path in paths.items():
            lines[name].set_data(path[: step + 1, 0], path[: step + 1, 1])
            parts.append(f"{name} {loss(path[step])[0]:.2f}")
        head.set_text(
            f"{title}, step {step}\n"
            + ", ".join(parts[:2])
            + "\n"
            + ", ".join(parts[2:])
        )

    update(len(steps) - 1)
    fig.canvas.draw()
    fig.set_layout_engine("none")
    labels = [f"step {s}" for s in steps]
    return Animation(
        fig, update, n_frames=len(steps), interval=400, labels=labels
    )


def draw():
    return draw_race(
        valley,
        START,
        N_STEPS,
        xlim=(-9.0, 2.0),
        ylim=(-2.0, 2.0),
        levels=np.geomspace(0.05, 80, 10),
        title="valley",
    )


if __name__ == "__main__":
    save_cli(draw, __file__)
