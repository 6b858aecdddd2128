"""Training error falls, test error turns: flexibility grows
==========================================================

An animation in two panels as the degree of a polynomial model grows from 1
to 14. On the left, twenty noisy training points (orange) scattered around a
smooth wave (a grey dashed curve, the truth), and the fitted polynomial
(blue): a straight line at degree 1, a curve that follows the wave around
degrees 3 to 6, and from about degree 10 a wiggly curve that hugs the
training points and swings far away between and beyond them. On the right,
the mean squared error on a logarithmic scale against the degree: the
training error (orange) falls at every degree, while the error on two
hundred fresh test points (blue) falls at first, is lowest around degrees 3
to 6, then climbs steeply. The widening space between the two curves is the
overfit gap.
"""

# %%
import numpy as np

from skratch.figures import COLORS, Animation, new_figure, save_cli
from skratch.linear_model import LinearRegression

DEGREES = np.arange(1, 15)


def make_wave(n_samples, rng):
    x = rng.uniform(-1, 1, size=n_samples)
    return x, np.sin(3 * x) + rng.normal(0, 0.3, size=n_samples)


def powers(x, degree):
    """The features x, x^2, ..., x^degree as columns (polynomial regression
    is linear regression on these)."""
    return x[:, None] ** np.arange(1, degree + 1)  # (n_samples, degree)


def errors(rng=None):
    rng = rng or np.random.default_rng(0)
    x_train, y_train = make_wave(20, rng)
    x_test, y_test = make_wave(200, rng)
    train, test, models = [], [], []
    for degree in DEGREES:
        model = LinearRegression().fit(powers(x_train, degree), y_train)
        train.append(
            np.mean((y_train - model.predict(powers(x_train, degree))) ** 2)
        )
        test.append(
            np.mean((y_test - model.predict(powers(x_test, degree))) ** 2)
        )
        models.append(model)
    return (x_train, y_train), np.array(train), np.array(test), models


def draw():
    (x_train, y_train), train, test, models = errors()
    grid = np.linspace(-1, 1, 300)

    fig, (left, right) = new_figure(1, 2, figsize=(6.4, 3.7))
    left.plot(
        grid, np.sin(3 * grid), "--", color=COLORS["grey"], linewidth=1.2
    )
    left.scatter(
        x_train,
        y_train,
        s=22,
        color=COLORS["orange"],
        edgecolor="white",
        linewidth=0.4,
        zorder=3,
    )
    (curve,) = left.plot([], [], color=COLORS["blue"], linewidth=2.2)
    left.set(
        xlabel="x",
        ylabel="y",
        xlim=(-1.02, 1.02),
        ylim=(-2.2, 2.2),
        xticks=[-1, 0, 1],
    )
    right.set(
        xlabel="degree of the polynomial\n(flexibility)",
        ylabel="mean squared error\n(log scale)",
        xlim=(0.5, DEGREES[-1] + 0.5),
        ylim=(0.01, 30),
        yscale="log",
    )
    (train_line,) = right.plot(
        [],
        [],
        "o-",
        color=COLORS["orange"],
        markersize=4,
        label="training error",
    )
    (test_line,) = right.plot(
        [], [], "s-", color=COLORS["blue"], markersize=4, label="test error"
    )
    right.legend(loc="upper left")
    title = fig.suptitle("")

    def update(frame):
        degree = DEGREES[frame]
        curve.set_data(grid, models[frame].predict(powers(grid, degree)))
        train_line.set_data(DEGREES[: frame + 1], train[: frame + 1])
        test_line.set_data(DEGREES[: frame + 1], test[: frame + 1])
        title.set_text(
            f"degree {degree}: training error {train[frame]:.3f},"
            f" test error {test[frame]:.3f}"
        )

    update(len(DEGREES) - 1)
    return Animation(
        fig,
        update,
        n_frames=len(DEGREES),
        interval=500,
        labels=[f"degree {d}" for d in DEGREES],
    )


if __name__ == "__main__":
    save_cli(draw, __file__)
