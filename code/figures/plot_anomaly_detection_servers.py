"""Two Gaussian models of normal servers
======================================

Two panels side by side, each a scatter plot of the 220 test readings of
the unit, a server's power draw in watts (horizontal) against its
temperature in degrees Celsius (vertical): 200 normal readings as blue
circles, which rise together along a tilted cloud, and 20 anomalies as
orange triangles. Fourteen of the anomalies break the pattern, hot at a low
power or cool at a high one, but each of their two numbers is ordinary on
its own; six are far out on at least one feature. A black line in each
panel is the model's boundary, the curve where its log-density equals the
threshold chosen on the validation set: points outside it are flagged.
Left, the independent-features model: its boundary is an ellipse with
horizontal and vertical axes, wide enough to hold the tilted cloud, and the
pattern breakers sit inside it, unflagged. Right, the multivariate Gaussian:
its ellipse is tilted along the cloud and hugs it, and 12 of the 14 pattern
breakers fall outside. The titles count the anomalies each model catches:
5 of 20 on the left (all of them far out), 18 of 20 on the right.
"""

# %%
import numpy as np

from skratch.anomaly import GaussianAnomalyDetector
from skratch.figures import COLORS, MARKERS, new_figure, save_cli

# Normal servers: power draw (W) and temperature (degrees C), correlated.
MEAN = np.array([200.0, 45.0])
SD = np.array([30.0, 5.0])
RHO = 0.9
COV = np.array(
    [
        [SD[0] ** 2, RHO * SD[0] * SD[1]],
        [RHO * SD[0] * SD[1], SD[1] ** 2],
    ]
)
LIMITS = {"x": (40, 360), "y": (18, 72)}


def _pattern_breakers(rng, n):
    """Readings within 2 standard deviations of the mean on each feature
    but at Mahalanobis distance above 3 under the true Gaussian: ordinary
    numbers, in a combination normal servers never show."""
    inverse = np.linalg.inv(COV)
    found = []
    while len(found) < n:
        x = MEAN + SD * rng.uniform(-2, 2, size=2)
        if (x - MEAN) @ inverse @ (x - MEAN) > 9:
            found.append(x)
    return np.array(found)


def _far_out(rng, n):
    """Readings more than 3.5 standard deviations out on some feature."""
    found = []
    while len(found) < n:
        z = rng.uniform(-5, 5, size=2)
        if np.abs(z).max() > 3.5:
            found.append(MEAN + SD * z)
    return np.array(found)


def make_servers(n_train=500, n_normal=200, n_breakers=14, n_far=6):
    """The unit's data, drawn with np.random.default_rng(0).

    Returns (X_train, X_val, y_val, X_test, y_test): the training set is
    normal readings only; the validation and test sets each hold
    n_normal normal readings (label 1) followed by n_breakers pattern
    breakers and n_far far-out readings (label -1).
    """
    rng = np.random.default_rng(0)
    X_train = rng.multivariate_normal(MEAN, COV, size=n_train)
    sets = []
    for _ in range(2):  # validation, then test
        X = np.vstack(
            [
                rng.multivariate_normal(MEAN, COV, size=n_normal),
                _pattern_breakers(rng, n_breakers),
                _far_out(rng, n_far),
            ]
        )
        y = np.r_[np.ones(n_normal, int), -np.ones(n_breakers + n_far, int)]
        sets += [X, y]
    return (X_train, *sets)


def fit_both(X_train, X_val, y_val):
    """The diagonal and the full model, thresholds chosen on validation."""
    return [
        GaussianAnomalyDetector(covariance_type=kind).fit(
            X_train, X_val=X_val, y_val=y_val
        )
        for kind in ("diag", "full")
    ]


def scatter(ax, X, y, size=18):
    """Normal readings as blue circles, anomalies as orange triangles."""
    for k, (label, colour, mine) in enumerate(
        [
            ("normal", COLORS["blue"], y == 1),
            ("anomaly", COLORS["orange"], y == -1),
        ]
    ):
        ax.scatter(
            X[mine, 0],
            X[mine, 1],
            s=size if k == 0 else 3 * size,
            marker=MARKERS[k],
            color=colour,
            edgecolor="white" if k == 0 else COLORS["black"],
            linewidth=0.4 if k == 0 else 0.8,
            zorder=3 + k,
            label=label,
        )


def draw():
    X_train, X_val, y_val, X_test, y_test = make_servers()
    models = fit_both(X_train, X_val, y_val)

    # %%
    fig, axes = new_figure(1, 2, figsize=(6.4, 3.9), sharey=True)
    g1, g2 = np.meshgrid(
        np.linspace(*LIMITS["x"], 300), np.linspace(*LIMITS["y"], 300)
    )
    grid = np.column_stack([g1.ravel(), g2.ravel()])
    names = ["independent features", "multivariate"]
    for ax, model, name in zip(axes, models, names):
        scatter(ax, X_test, y_test)
        scores = model.score_samples(grid).reshape(g1.shape)
        ax.contour(
            g1,
            g2,
            scores,
            levels=[model.threshold_],
            colors=COLORS["black"],
            linewidths=1.6,
            linestyles="solid",
        )
        caught = np.sum((model.predict(X_test) == -1) & (y_test == -1))
        ax.set_title(f"{name}:\n{caught} of 20 caught", fontsize=11)
        ax.set(xlim=LIMITS["x"], ylim=LIMITS["y"], xlabel="power (W)")
    axes[0].set_ylabel("temperature (°C)")
    fig.legend(
        *axes[0].get_legend_handles_labels(),
        loc="outside lower center",
        ncols=2,
    )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
