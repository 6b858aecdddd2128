"""The lambda slider: a degree-9 polynomial tamed by ridge
=======================================================

An animation in two panels, one frame per penalty strength alpha, from
1e-8 to 100. On the left, 25 noisy training points (orange) around a
smooth wave (grey dashed, the truth) and the ridge fit of a degree-9
polynomial (blue): with almost no penalty it wiggles through the points and
shoots off the chart at both ends; as alpha grows it calms into a curve
close to the wave; with the largest alpha it is a flat S, too flat for the
points, on its way to a horizontal line. On the right, the sizes of the
nine weights (one per power of x, on a logarithmic scale): the largest
above ten at first, they shrink together as alpha grows, to about 0.1 and
below. The title gives alpha and the error on two hundred fresh test
points.
"""

# %%
import numpy as np
from skratch.figures import COLORS, Animation, new_figure, save_cli
from skratch.linear_model import Ridge
from skratch.pipeline import make_pipeline
from skratch.preprocessing import PolynomialFeatures, StandardScaler

DEGREE = 9
ALPHAS = np.geomspace(1e-8, 100, 21)  # half a decade per frame


def make_wave(n_samples, rng):
    """x uniform on [-1, 1], y = sin(3x) plus noise of standard deviation
    0.3: the data of the train-validate-test unit."""
    x = rng.uniform(-1, 1, size=n_samples)
    return x[:, None], np.sin(3 * x) + rng.normal(0, 0.3, size=n_samples)


def wave_data():
    """25 training and 200 test points, always the same."""
    rng = np.random.default_rng(2)
    X_train, y_train = make_wave(25, rng)
    X_test, y_test = make_wave(200, rng)
    return X_train, y_train, X_test, y_test


def polynomial_ridge(alpha):
    """x -> (x, x^2, ..., x^9), standardised, then ridge with this alpha."""
    return make_pipeline(
        PolynomialFeatures(DEGREE, include_bias=False),
        StandardScaler(),
        Ridge(alpha=alpha),
    )


def draw():
    X_train, y_train, X_test, y_test = wave_data()
    grid = np.linspace(-1, 1, 300)[:, None]
    fits, sizes, test_mse = [], [], []
    for alpha in ALPHAS:
        model = polynomial_ridge(alpha).fit(X_train, y_train)
        fits.append(model.predict(grid))
        sizes.append(np.abs(model.named_steps.ridge.coef_))
        test_mse.append(np.mean((y_test - model.predict(X_test)) ** 2))

    fig, (left, right) = new_figure(1, 2, figsize=(6.4, 3.7))
    left.plot(
        grid[:, 0],
        np.sin(3 * grid[:, 0]),
        "--",
        color=COLORS["grey"],
        linewidth=1.2,
    )
    left.scatter(
        X_train[:, 0],
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
    powers = np.arange(1, DEGREE + 1)
    (stems,) = right.plot(
        [], [], "o-", color=COLORS["blue"], linewidth=1.5, markersize=6
    )
    right.set(
        yscale="log",
        ylim=(1e-3, 100),
        xlim=(0.5, DEGREE + 0.5),
        xticks=[1, 3, 5, 7, 9],
        xlabel="power of x",
        ylabel="size of its weight",
    )
    title = fig.suptitle("")

    def update(frame):
        curve.set_data(grid[:, 0], fits[frame])
        stems.set_data(powers, np.maximum(sizes[frame], 1e-3))
        title.set_text(
            f"alpha = {ALPHAS[frame]:.0e}:"
            f"  test MSE = {test_mse[frame]:.3f}"
        )

    update(0)
    fig.canvas.draw()
    fig.set_layout_engine("none")
    labels = [f"alpha {a:.0e}" for a in ALPHAS]
    return Animation(
        fig, update, n_frames=len(ALPHAS), interval=300, labels=labels
    )


if __name__ == "__main__":
    save_cli(draw, __file__)
