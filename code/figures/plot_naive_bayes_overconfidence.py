"""Duplicated features make naive Bayes overconfident
======================================================

A line chart against the number of copies k of one feature (1 to 16, on a
log scale). Three lines: the mean largest predicted probability (blue
circles) rises from about 0.86 to about 0.98; the test accuracy (green
squares) drifts down slowly from about 0.85 to about 0.77; the log-loss
(orange triangles) climbs steeply from about 0.34 to about 3.
"""

# %%
import numpy as np

from skratch.figures import COLORS, MARKERS, new_figure, save_cli
from skratch.naive_bayes import GaussianNB


def draw():
    # The unit's seeded blobs and test set.
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, size=200)
    X = rng.normal(size=(200, 2)) + np.where(y[:, None] == 1, 1.5, 0.0)
    X_test = rng.normal(size=(2000, 2))
    y_test = rng.integers(0, 2, size=2000)
    X_test += np.where(y_test[:, None] == 1, 1.5, 0.0)
    ks = [1, 2, 4, 8, 16]
    confidence, loss, accuracy = [], [], []
    for k in ks:

        def dup(A):
            return np.hstack([np.repeat(A[:, :1], k, axis=1), A[:, 1:]])

        proba = GaussianNB().fit(dup(X), y).predict_proba(dup(X_test))
        p_true = np.clip(proba[np.arange(2000), y_test], 1e-15, 1)
        confidence.append(proba.max(axis=1).mean())
        loss.append(-np.log(p_true).mean())
        accuracy.append(np.mean(proba.argmax(axis=1) == y_test))
    fig, ax = new_figure()
    for values, name, colour, marker in [
        (confidence, "mean max probability", COLORS["blue"], MARKERS[0]),
        (accuracy, "accuracy", COLORS["green"], MARKERS[2]),
        (loss, "log-loss", COLORS["orange"], MARKERS[1]),
    ]:
        ax.plot(
            ks, values, color=colour, marker=marker, linewidth=2, label=name
        )
    ax.set_xscale("log", base=2)
    ax.set_xticks(ks, [str(k) for k in ks])
    ax.set(
        xlabel="copies k of feature 0",
        ylabel="value on the test set",
        title="Same information, counted k times",
    )
    ax.legend(loc="upper left")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
