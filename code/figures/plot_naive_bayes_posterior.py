"""The posterior, one feature at a time
=====================================

An animation in two panels, one frame per number of features used, j = 1
to 20, for one test sample of class 1. Its 20 features are all the same
hidden signal plus a little noise, so within a class any two have
correlation 0.8. Top: one grey bar per feature, the log-likelihood ratio
of class 1 to class 0 that Gaussian naive Bayes gives it; the bars of the
features used so far are dark, the newest orange, the rest pale. Nineteen
of the twenty are positive, between 0.1 and 2.0. Bottom: the posterior
probability of class 1 after j features, two lines. Naive Bayes (orange
triangles, dashed) adds every bar to its log odds: 0.730 with one
feature, 0.995 with four, 1.000 from ten on (log odds 22.8 at twenty).
The true posterior (blue circles), from the model that made the data and
knows the features share one signal, starts at 0.694, wanders between
0.74 and 0.84 and ends at 0.807: the copies add little information, and
naive Bayes counts it twenty times. The title gives j and both values.
"""

# %%
import numpy as np

from skratch.figures import COLORS, MARKERS, Animation, new_figure, save_cli
from skratch.naive_bayes import GaussianNB

N_FEATURES = 20
SHIFT = 1.5  # class 1's mean minus class 0's, as in the unit's blobs
NOISE = 0.5  # each feature = a shared signal + its own noise


def correlated_data(n_samples, rng):
    """Two equally likely classes; every feature is the same hidden signal
    z ~ N(SHIFT * y, 1) plus independent noise N(0, NOISE^2), so any two
    features have correlation 1 / (1 + NOISE^2) = 0.8."""
    y = rng.integers(0, 2, size=n_samples)
    z = rng.normal(size=n_samples) + SHIFT * y
    noise = NOISE * rng.normal(size=(n_samples, N_FEATURES))
    return z[:, None] + noise, y


def naive_log_odds(model, x):
    """Log prior odds of class 1, then the log-likelihood ratio of each
    feature of x in turn, as the fitted naive model adds them."""
    mu, var = model.theta_, model.var_
    log_lik = -0.5 * (np.log(2 * np.pi * var) + (x - mu) ** 2 / var)
    prior = np.log(model.class_prior_[1] / model.class_prior_[0])
    return prior, log_lik[1] - log_lik[0]


def true_log_odds(x):
    """The exact log odds of class 1 given x_1..x_j, for j = 1..d, from
    the model that made the data (it knows the features share z). With
    covariance NOISE^2 I + 1 1^T, the log odds are SHIFT times the sum of
    (x_i - SHIFT / 2) over the j features, divided by NOISE^2 + j."""
    j = np.arange(1, len(x) + 1)
    return SHIFT * np.cumsum(x - SHIFT / 2) / (NOISE**2 + j)


def example():
    """The fitted naive model, and the chosen test sample of class 1: the
    one whose true posterior with all features is closest to 0.8."""
    rng = np.random.default_rng(0)
    X, y = correlated_data(500, rng)
    model = GaussianNB().fit(X, y)
    X_test, y_test = correlated_data(200, rng)
    X_test = X_test[y_test == 1]
    p_true = np.array([sigmoid(true_log_odds(x)[-1]) for x in X_test])
    return model, X_test[np.argmin(np.abs(p_true - 0.8))]


def sigmoid(t):
    return 1 / (1 + np.exp(-t))


def curves():
    """(steps, naive, true): per-feature log-likelihood ratios and the two
    posteriors of class 1 after j = 1..d features."""
    model, x = example()
    prior, steps = naive_log_odds(model, x)
    naive = sigmoid(prior + np.cumsum(steps))
    true = sigmoid(true_log_odds(x))
    return steps, naive, true


def draw():
    steps, naive, true = curves()
    j = np.arange(1, N_FEATURES + 1)
    fig, (top, bottom) = new_figure(
        nrows=2, sharex=True, figsize=(6.4, 6.0)
    )
    bars = top.bar(
        j, steps, color=COLORS["grey"], edgecolor=COLORS["black"], width=0.7
    )
    top.axhline(0, color=COLORS["black"], linewidth=0.8)
    top.set(
        title="naive Bayes adds every bar to the log odds",
        ylabel="log-likelihood\nratio of $x_j$",
        ylim=(min(0, steps.min()) - 0.3, steps.max() + 0.6),
    )
    bottom.plot(
        j,
        true,
        color=COLORS["blue"],
        marker=MARKERS[0],
        linewidth=2,
        label="true (knows the correlation)",
    )
    bottom.plot(
        j,
        naive,
        color=COLORS["orange"],
        marker=MARKERS[1],
        linewidth=2,
        linestyle="--",
        label="naive Bayes",
    )
    (mark_true,) = bottom.plot(
        [], [], "o", ms=14, mfc="none", mec=COLORS["blue"], mew=2
    )
    (mark_naive,) = bottom.plot(
        [], [], "^", ms=14, mfc="none", mec=COLORS["orange"], mew=2
    )
    bottom.set(
        xlabel="features used, j",
        ylabel="P(class 1 | $x_1..x_j$)",
        ylim=(0.45, 1.02),
        xticks=[1, 5, 10, 15, 20],
    )
    bottom.legend(loc="lower right")
    title = fig.suptitle("")

    def update(frame):
        n = frame + 1
        for i, bar in enumerate(bars):
            bar.set_alpha(1.0 if i < n else 0.15)
            bar.set_facecolor(
                COLORS["orange"] if i == frame else COLORS["grey"]
            )
        for line, values in zip(bottom.lines[:2], (true, naive)):
            line.set_data(j[:n], values[:n])
        mark_true.set_data([n], [true[frame]])
        mark_naive.set_data([n], [naive[frame]])
        title.set_text(
            f"{n} feature{'s' if n > 1 else ''}: naive {naive[frame]:.3f},"
            f" true {true[frame]:.3f}"
        )

    update(N_FEATURES - 1)
    # Lay the figure out once and keep it: only artists change per frame.
    fig.canvas.draw()
    fig.set_layout_engine("none")
    return Animation(
        fig,
        update,
        n_frames=N_FEATURES,
        interval=600,
        labels=[f"j = {n}" for n in j],
    )


if __name__ == "__main__":
    save_cli(draw, __file__)
