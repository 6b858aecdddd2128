"""The lasso path and the ridge path on the diabetes data
=======================================================

Two panels stacked, each showing the ten weights of a linear model of
diabetes progression (442 patients, features standardised) against the
penalty strength alpha on a logarithmic horizontal axis, one coloured line
per feature. Top, the lasso: at the left every weight is near its
least-squares value; as alpha grows the lines fall to zero one after another
and stay exactly on zero, until at the right only bmi and s5 are left, then
none. Bottom, ridge: the same ten lines shrink smoothly towards zero as
alpha grows, but none of them reaches zero. A legend below the panels
names the features.
"""

# %%
import numpy as np
from skratch.figures import COLORS, new_figure, save_cli
from skratch.linear_model import Lasso, Ridge
from skratch.preprocessing import StandardScaler

LASSO_ALPHAS = np.geomspace(0.01, 60, 40)
RIDGE_ALPHAS = np.geomspace(0.1, 1e5, 40)
STYLES = ["-", "--", "-.", ":"]


def diabetes():
    """The diabetes data with every feature standardised (mean 0, sd 1)."""
    # scikit-learn ships the data set; skratch has no copy of it
    from sklearn.datasets import load_diabetes

    data = load_diabetes()
    X = StandardScaler().fit_transform(data.data)
    return X, data.target, data.feature_names


def paths():
    X, y, names = diabetes()
    lasso = np.array(
        [Lasso(alpha=a, tol=1e-6).fit(X, y).coef_ for a in LASSO_ALPHAS]
    )
    ridge = np.array([Ridge(alpha=a).fit(X, y).coef_ for a in RIDGE_ALPHAS])
    return lasso, ridge, names  # (40, 10) each


def draw():
    lasso, ridge, names = paths()
    colors = list(COLORS.values())
    fig, (top, bottom) = new_figure(2, 1, figsize=(6.4, 7.4))
    for ax, alphas, coefs, title in (
        (top, LASSO_ALPHAS, lasso, "lasso: weights hit exactly zero"),
        (bottom, RIDGE_ALPHAS, ridge, "ridge: weights shrink, never zero"),
    ):
        for j, name in enumerate(names):
            ax.plot(
                alphas,
                coefs[:, j],
                color=colors[j % len(colors)],
                linestyle=STYLES[j // len(colors) + 2 * (j % 2)],
                linewidth=2,
                label=name,
            )
        ax.axhline(0, color=COLORS["grey"], linewidth=0.8)
        ax.set(xscale="log", ylabel="weight", title=title)
    top.set_xlabel("alpha (lasso scale)")
    bottom.set_xlabel("alpha (ridge scale)")
    handles, labels = top.get_legend_handles_labels()
    fig.legend(
        handles,
        labels,
        loc="outside lower center",
        ncol=5,
        handlelength=2.2,
        columnspacing=1.0,
    )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
