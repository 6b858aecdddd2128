"""Pick the model: polynomial degree 1 to 12 on noisy data
=========================================================

An animation with two panels stacked vertically, one frame per degree of a
polynomial model, from 1 to 12. The top panel shows 25 noisy training
points (orange circles) and 100 validation points (small blue triangles)
scattered around the true function, three quarters of a sine wave (a grey
dashed curve), with the polynomial fitted to the training points (a thick
black curve): a straight line at degree 1, a curve close to the truth
around degree 3, and at the highest degrees a curve that bends to reach
the training points and swings away near the ends. The bottom panel shows
the mean squared error against the degree, on a logarithmic scale: the
training error (orange circles) never rises, the validation error
(blue triangles) falls to its lowest at degree 4 and then climbs; a
vertical line and larger markers show the current frame's degree.
"""

# %%
import numpy as np

from skratch.figures import COLORS, MARKERS, Animation, new_figure, save_cli
from skratch.linear_model import LinearRegression
from skratch.pipeline import make_pipeline
from skratch.preprocessing import PolynomialFeatures

# The known generating process of the unit: y = f*(x) + noise, x in [0, 1].
NOISE = 0.3  # standard deviation of the noise, sigma
N_TRAIN = 25
N_VAL = 100
DEGREES = np.arange(1, 13)


def true_function(x):
    """The truth f*(x): three quarters of a sine wave on [0, 1]."""
    return np.sin(1.5 * np.pi * x)


def noisy_targets(x, rng, n_sets=None):
    """y = f*(x) + noise, as a vector, or one column per training set."""
    shape = x.shape if n_sets is None else (len(x), n_sets)
    signal = (
        true_function(x) if n_sets is None else true_function(x)[:, None]
    )
    return signal + rng.normal(0, NOISE, size=shape)


def polynomial_model(degree):
    """Polynomial regression: the powers x, ..., x^degree, then a line."""
    return make_pipeline(
        PolynomialFeatures(degree, include_bias=False), LinearRegression()
    )


def pick_the_model_data():
    """The training and validation sets of the unit, drawn once."""
    rng = np.random.default_rng(0)
    x_train = np.sort(rng.uniform(0, 1, size=N_TRAIN))
    x_val = rng.uniform(0, 1, size=N_VAL)
    y_train = noisy_targets(x_train, rng)
    y_val = noisy_targets(x_val, rng)
    return x_train, y_train, x_val, y_val


def train_validation_errors():
    """Fit every degree; return the models and their two errors."""
    x_train, y_train, x_val, y_val = pick_the_model_data()
    models, train, val = [], [], []
    for degree in DEGREES:
        model = polynomial_model(degree).fit(x_train[:, None], y_train)
        models.append(model)
        train.append(
            np.mean((y_train - model.predict(x_train[:, None])) ** 2)
        )
        val.append(np.mean((y_val - model.predict(x_val[:, None])) ** 2))
    return models, np.array(train), np.array(val)


def draw():
    x_train, y_train, x_val, y_val = pick_the_model_data()
    models, train, val = train_validation_errors()
    grid = np.linspace(0, 1, 300)

    fig, (top, bottom) = new_figure(2, 1, figsize=(6.4, 7.4))
    top.plot(
        grid,
        true_function(grid),
        "--",
        color=COLORS["grey"],
        linewidth=1.5,
        label="truth",
    )
    top.scatter(
        x_val,
        y_val,
        s=14,
        marker=MARKERS[1],
        color=COLORS["sky"],
        label="validation",
        zorder=2,
    )
    top.scatter(
        x_train,
        y_train,
        s=30,
        marker=MARKERS[0],
        color=COLORS["orange"],
        edgecolor="black",
        linewidth=0.5,
        label="training",
        zorder=3,
    )
    (curve,) = top.plot(
        [], [], color=COLORS["black"], linewidth=2.4, label="fitted"
    )
    top.set(
        xlabel="x",
        ylabel="y",
        xlim=(-0.02, 1.02),
        ylim=(-2.0, 2.2),
        yticks=[-2, -1, 0, 1, 2],
    )
    top.legend(
        loc="lower center",
        bbox_to_anchor=(0.5, 1.0),
        ncols=4,
        handlelength=1.5,
        columnspacing=1.0,
    )

    bottom.plot(
        DEGREES,
        train,
        "-",
        marker=MARKERS[0],
        color=COLORS["orange"],
        markersize=5,
        label="training error",
    )
    bottom.plot(
        DEGREES,
        val,
        "-",
        marker=MARKERS[1],
        color=COLORS["blue"],
        markersize=5,
        label="validation error",
    )
    marker = bottom.axvline(1, color=COLORS["grey"], linewidth=1.2)
    (train_now,) = bottom.plot(
        [], [], MARKERS[0], color=COLORS["orange"], markersize=11
    )
    (val_now,) = bottom.plot(
        [], [], MARKERS[1], color=COLORS["blue"], markersize=11
    )
    bottom.set(
        xlabel="degree of the polynomial",
        ylabel="mean squared error (log)",
        xticks=DEGREES,
        xlim=(0.5, DEGREES[-1] + 0.5),
        ylim=(0.02, 20),
        yscale="log",
    )
    bottom.legend(loc="upper center", ncols=2)
    title = fig.suptitle(" ")

    def update(frame):
        degree = DEGREES[frame]
        fitted = models[frame].predict(grid[:, None])
        curve.set_data(grid, np.clip(fitted, -2.2, 2.8))
        marker.set_xdata([degree, degree])
        train_now.set_data([degree], [train[frame]])
        val_now.set_data([degree], [val[frame]])
        title.set_text(
            f"degree {degree}: training {train[frame]:.3f},"
            f" validation {val[frame]:.3f}"
        )

    # Lay the figure out once, on the last frame, and keep that layout: only
    # the curve, markers and title change, and a layout redone per frame
    # would shift every pixel a little (and cost time).
    update(len(DEGREES) - 1)
    fig.canvas.draw()
    fig.set_layout_engine("none")
    update(0)
    return Animation(
        fig,
        update,
        n_frames=len(DEGREES),
        interval=700,
        labels=[f"degree {d}" for d in DEGREES],
    )


if __name__ == "__main__":
    save_cli(draw, __file__)
