"""Learning curves on real data: handwritten digits and diabetes
===============================================================

Two panels stacked, each with the number of training examples on the
horizontal axis, the training error (orange circles, dashed) and the
5-fold cross-validated validation error (blue squares, solid). Top: the
1,797 handwritten digits and a one-nearest-neighbour classifier, error
rate (one minus accuracy). The training error is zero at every size, and
the validation error falls from about 0.07 to 0.01 as the training set
grows from 143 to 1,437 digits: a gap that is still closing, so more data
would still help. Bottom: the 442 diabetes patients and a linear
regression on their ten measurements, mean squared error in thousands.
The training error rises from 1.9 to 2.8 and the validation error falls
from 3.9 to 3.0: from about 150 patients on the two curves are close and
nearly flat, high above zero. More patients would not help this model
much; better features or a more flexible model might.
"""

# %%
import numpy as np
from sklearn.datasets import load_diabetes, load_digits

from skratch.figures import COLORS, MARKERS, new_figure, save_cli
from skratch.linear_model import LinearRegression
from skratch.model_selection import KFold, StratifiedKFold, learning_curve
from skratch.neighbors import KNeighborsClassifier

FRACTIONS = np.linspace(0.1, 1.0, 8)


def digits_curves():
    X, y = load_digits(return_X_y=True)
    sizes, train, valid = learning_curve(
        KNeighborsClassifier(n_neighbors=1),
        X,
        y,
        train_sizes=FRACTIONS,
        cv=StratifiedKFold(5, shuffle=True, random_state=0),
        shuffle=True,
        random_state=0,
    )
    return sizes, 1 - train.mean(axis=1), 1 - valid.mean(axis=1)


def diabetes_curves():
    X, y = load_diabetes(return_X_y=True)
    sizes, train, valid = learning_curve(
        LinearRegression(),
        X,
        y,
        train_sizes=FRACTIONS,
        cv=KFold(5, shuffle=True, random_state=0),
        scoring="neg_mean_squared_error",
        shuffle=True,
        random_state=0,
    )
    return sizes, -train.mean(axis=1) / 1000, -valid.mean(axis=1) / 1000


def panel(ax, sizes, train, valid, title, ylabel):
    ax.plot(
        sizes,
        train,
        "--" + MARKERS[0],
        color=COLORS["orange"],
        label="training error",
    )
    ax.plot(
        sizes,
        valid,
        "-" + MARKERS[2],
        color=COLORS["blue"],
        label="validation error",
    )
    ax.set(ylabel=ylabel, xlabel="number of training examples n")
    ax.set_title(title, loc="left")


def draw():
    fig, (top, bottom) = new_figure(2, 1, figsize=(6.4, 7.8))
    panel(
        top,
        *digits_curves(),
        "digits, one nearest neighbour",
        "error rate",
    )
    top.set_ylim(-0.005, 0.1)
    top.legend(loc="lower center", ncols=2, bbox_to_anchor=(0.5, 1.12))
    panel(
        bottom,
        *diabetes_curves(),
        "diabetes, linear regression",
        "MSE (thousands)",
    )
    bottom.set_ylim(0, 4.5)
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
