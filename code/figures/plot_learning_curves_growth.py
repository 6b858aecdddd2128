"""Learning curves grow with the data, from a rigid model to a flexible one
========================================================================

An animation in two panels stacked, twenty-seven frames: three polynomial
models (degree 1, degree 4, degree 15) each watched as its training set
grows from 20 to 2,000 noisy points of a wave (the curves are measured at
ten sizes; the frames skip n = 1,000, whose point the n = 2,000 frame
draws). Top: the first training points
(orange circles) around the true wave (grey dashed curve) and the fitted
model (blue). Bottom, on logarithmic axes, the model's learning curves so
far: mean squared error against the number of training examples, the
training error (orange circles, dashed) and the validation error on 1,000
held-out points (blue squares, solid), with the noise floor 0.09 as a
dotted black line. The straight line's two curves meet early, far above
the floor (high bias); the degree-15 curves start far apart, the
validation error off the top of the chart, and close in on the floor as
the data grow (high variance). The finished curves of earlier models stay
in grey.
"""

# %%
import numpy as np

from skratch.figures import COLORS, MARKERS, Animation, new_figure, save_cli
from skratch.linear_model import LinearRegression
from skratch.model_selection import ShuffleSplit, learning_curve
from skratch.pipeline import make_pipeline
from skratch.preprocessing import PolynomialFeatures

DEGREES = (1, 4, 15)
SIZES = np.array([20, 30, 50, 80, 130, 200, 320, 500, 1000, 2000])
# The frames show every size but 1,000: its top panel looks like 2,000's,
# and one frame fewer per model keeps the page light on a phone.
FRAMES = [i for i, n in enumerate(SIZES) if n != 1000]
NOISE = 0.3  # standard deviation of the noise: the floor is 0.09


def make_wave(n_samples, rng):
    x = rng.uniform(-1, 1, size=n_samples)
    return x[:, None], np.sin(3 * x) + rng.normal(0, NOISE, size=n_samples)


def polynomial(degree):
    return make_pipeline(
        PolynomialFeatures(degree, include_bias=False), LinearRegression()
    )


def curves():
    X, y = make_wave(3000, np.random.default_rng(0))
    cv = ShuffleSplit(5, test_size=1000, random_state=0)
    result = {}
    for degree in DEGREES:
        _, train, valid = learning_curve(
            polynomial(degree),
            X,
            y,
            train_sizes=SIZES,
            cv=cv,
            scoring="neg_mean_squared_error",
        )
        result[degree] = -train.mean(axis=1), -valid.mean(axis=1)
    train_rows = next(cv.split(X))[0]  # the first split's training rows
    return X[train_rows], y[train_rows], result


def draw():
    X_train, y_train, result = curves()
    grid = np.linspace(-1, 1, 300)
    fig, (top, bottom) = new_figure(
        2, 1, figsize=(6.4, 7.6), height_ratios=[1, 1.25]
    )
    # %%
    # Top: the first n training points and the model fitted on them.
    top.plot(grid, np.sin(3 * grid), "--", color=COLORS["grey"])
    points = top.scatter(
        [],
        [],
        s=14,
        marker=MARKERS[0],
        color=COLORS["orange"],
        edgecolor="white",
        linewidth=0.3,
        zorder=3,
    )
    (fit,) = top.plot([], [], color=COLORS["blue"], linewidth=2.2)
    top.set(xlabel="x", ylabel="y", xlim=(-1.02, 1.02), ylim=(-2.2, 2.2))
    title = top.set_title("", loc="left")
    # %%
    # Bottom: the learning curves so far, on log-log axes.
    bottom.axhline(0.09, linestyle=":", color=COLORS["black"])
    bottom.text(2500, 0.08, " noise\n floor", va="top")
    done = [
        bottom.plot([], [], "-", color=COLORS["grey"], linewidth=1)[0]
        for _ in DEGREES
    ]
    done_text = [bottom.text(2500, 1, "", va="center") for _ in DEGREES]
    (train_line,) = bottom.plot(
        [],
        [],
        "o--",
        color=COLORS["orange"],
        label="training error",
    )
    (valid_line,) = bottom.plot(
        [],
        [],
        "s-",
        color=COLORS["blue"],
        label="validation error",
    )
    bottom.set(
        xscale="log",
        yscale="log",
        xlim=(16, 9000),
        ylim=(0.01, 2),
        xticks=[20, 50, 200, 500, 2000],
        xticklabels=["20", "50", "200", "500", "2000"],
        xlabel="number of training examples n",
        ylabel="mean squared error",
    )
    bottom.legend(loc="lower center", ncols=2, bbox_to_anchor=(0.5, 1.0))

    def update(frame):
        model_index, k = divmod(frame, len(FRAMES))
        size_index = FRAMES[k]
        degree, n = DEGREES[model_index], SIZES[size_index]
        train, valid = result[degree]
        model = polynomial(degree).fit(X_train[:n], y_train[:n])
        points.set_offsets(np.c_[X_train[:n, 0], y_train[:n]])
        fit.set_data(grid, model.predict(grid[:, None]))
        title.set_text(f"degree {degree}, n = {n}")
        shown = slice(0, size_index + 1)
        train_line.set_data(SIZES[shown], train[shown])
        valid_line.set_data(SIZES[shown], valid[shown])
        for k, d in enumerate(DEGREES):
            finished = k < model_index
            done[k].set_data(SIZES, result[d][1])
            done[k].set_visible(finished)
            done_text[k].set_text(f" degree {d}" if finished else "")
            done_text[k].set_y(result[d][1][-1] * (1.4 if d == 4 else 1))

    update(0)
    # Lay the panels out once: every frame keeps the same axes (and it
    # saves drawing each frame twice).
    fig.canvas.draw()
    fig.set_layout_engine("none")
    labels = [
        f"degree {d}, n = {SIZES[i]}" for d in DEGREES for i in FRAMES
    ]
    return Animation(
        fig, update, n_frames=len(labels), interval=300, labels=labels
    )


if __name__ == "__main__":
    save_cli(draw, __file__)
