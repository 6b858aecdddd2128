"""AdaBoost's training error under its bound, round by round
==============================================================

Two stacked log-scale panels of an error rate (vertical axis) against the
boosting round (horizontal axis), for AdaBoost with decision stumps. Top:
the breast-cancer data, 569 examples, 150 rounds. Bottom: 300 noisy
two-moons points, 300 rounds. In each, the black staircase is the measured
training error of the vote, the blue line the bound, the product of
2 sqrt(e_t (1 - e_t)) over the rounds so far, and the dashed orange line
its looser exponential form exp(-2 times the sum of the squared edges).
The grey dotted line marks one mistake, 1/n. The staircase stays under the
blue line at every round. On the cancer data it reaches zero at round 35
(where it leaves the log scale), long before the bound falls below one
mistake near round 100; on the moons, whose stumps stay close to a coin,
the bound falls slowly and the error reaches zero only at round 259.
"""

# %%
import numpy as np
from sklearn.datasets import load_breast_cancer, make_moons

from skratch.ensemble import AdaBoostClassifier
from skratch.figures import COLORS, new_figure, save_cli


def datasets():
    X_c, y_c = load_breast_cancer(return_X_y=True)
    X_m, y_m = make_moons(n_samples=300, noise=0.25, random_state=0)
    return [
        ("breast cancer, n = 569", X_c, 2 * y_c - 1, 150),
        ("two moons with noise, n = 300", X_m, 2 * y_m - 1, 300),
    ]


def curves(X, y, n_rounds):
    """Measured training error, the bound and its exponential form."""
    model = AdaBoostClassifier(n_estimators=n_rounds, random_state=0)
    model.fit(X, y)
    e = model.estimator_errors_
    measured = np.array([np.mean(p != y) for p in model.staged_predict(X)])
    bound = np.cumprod(2 * np.sqrt(e * (1 - e)))
    exponential = np.exp(-2 * np.cumsum((0.5 - e) ** 2))
    return measured, bound, exponential


def draw():
    # %%
    fig, axes = new_figure(2, 1, figsize=(6.4, 7.0))
    for ax, (title, X, y, n_rounds) in zip(axes, datasets()):
        measured, bound, exponential = curves(X, y, n_rounds)
        t = np.arange(1, n_rounds + 1)
        ax.axhline(
            1 / len(y),
            color=COLORS["grey"],
            linestyle=":",
            linewidth=2,
            label="one mistake, 1/n",
        )
        ax.plot(
            t,
            exponential,
            "--",
            color=COLORS["orange"],
            linewidth=2,
            label=r"$\exp(-2\,\Sigma_s\,\chi_s^2)$",
        )
        ax.plot(
            t,
            bound,
            color=COLORS["blue"],
            linewidth=2.5,
            label=r"bound: product of $2\sqrt{e_s(1-e_s)}$",
        )
        shown = np.where(measured > 0, measured, np.nan)  # log scale
        ax.step(
            t,
            shown,
            where="post",
            color="black",
            linewidth=1.5,
            label="measured training error",
        )
        zero = np.argmax(measured == 0) + 1
        ax.annotate(
            f"0 from round {zero}",
            xy=(zero, 1.5 / len(y)),
            xytext=(
                min(zero + 0.12 * n_rounds, 0.62 * n_rounds),
                0.25 / len(y),
            ),
            arrowprops={"arrowstyle": "->", "color": "black"},
        )
        ax.set_yscale("log")
        ax.set(
            xlim=(0, n_rounds),
            ylim=(0.1 / len(y), 1),
            ylabel="training error",
            title=title,
        )
    axes[-1].set(xlabel="round t")
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncols=2)
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
