"""Does more data help? It depends on the model
=============================================

One panel, logarithmic axes: the validation error (mean squared error on
1,000 held-out points, averaged over five splits) against the number of
training examples, from 20 to 2,000 noisy points of a wave, for three
polynomial models. The straight line (degree 1, red diamonds) is flat from
about 80 points on, at about 0.26, far above the noise floor of 0.09 (the
dotted black line): more data does not help it. The degree-15 polynomial
(blue squares) starts off the top of the chart and keeps falling towards the
floor as the data grow. The degree-4 polynomial (green circles) comes close
to the floor with a few hundred points: for the rigid model, the cure is a
more flexible one, not more data.
"""

# %%
import numpy as np

from skratch.figures import COLORS, MARKERS, new_figure, save_cli
from skratch.linear_model import LinearRegression
from skratch.model_selection import ShuffleSplit, learning_curve
from skratch.pipeline import make_pipeline
from skratch.preprocessing import PolynomialFeatures

SIZES = np.array([20, 30, 50, 80, 130, 200, 320, 500, 1000, 2000])
STYLE = {1: ("red", 3), 4: ("green", 0), 15: ("blue", 2)}


def validation_errors(degree):
    rng = np.random.default_rng(0)
    x = rng.uniform(-1, 1, size=3000)
    y = np.sin(3 * x) + rng.normal(0, 0.3, size=3000)
    model = make_pipeline(
        PolynomialFeatures(degree, include_bias=False), LinearRegression()
    )
    _, _, valid = learning_curve(
        model,
        x[:, None],
        y,
        train_sizes=SIZES,
        cv=ShuffleSplit(5, test_size=1000, random_state=0),
        scoring="neg_mean_squared_error",
    )
    return -valid.mean(axis=1)


def draw():
    fig, ax = new_figure(figsize=(6.4, 4.6))
    ax.axhline(0.09, linestyle=":", color=COLORS["black"])
    ax.text(22, 0.084, "noise floor 0.09", va="top")
    for degree, (colour, marker) in STYLE.items():
        errors = validation_errors(degree)
        ax.plot(
            SIZES,
            errors,
            "-" + MARKERS[marker],
            color=COLORS[colour],
            label=f"degree {degree}",
        )
    ax.set(
        xscale="log",
        yscale="log",
        ylim=(0.05, 1.5),
        xticks=[20, 50, 200, 500, 2000],
        xticklabels=["20", "50", "200", "500", "2000"],
        xlabel="number of training examples n",
        ylabel="validation error (MSE)",
    )
    ax.legend(loc="upper right")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
