"""Dragging the threshold
======================

An animation in three panels. On top, the predicted probability of illness
of 300 test patients from 0 to 1, in two rows: the healthy (orange
triangles, lower row) and the ill (blue circles, upper row), with a black
vertical line at the threshold; patients right of the line are predicted
ill. Bottom left, the confusion matrix at that threshold: a two by two grid
of counts, true class down the side, predicted class along the top (true
negatives, false positives, false negatives, true positives), shaded by
size. Bottom right, four horizontal bars with their values: accuracy,
precision, recall and F1. As the threshold slides from 0.1 to 0.9, the
false positives drain into true negatives and precision climbs, while true
positives turn into false negatives and recall falls; F1 peaks in between.
"""

# %%
import numpy as np

from skratch.figures import COLORS, MARKERS, Animation, new_figure, save_cli
from skratch.linear_model import LogisticRegression
from skratch.metrics import (
    accuracy_score,
    confusion_matrix,
    f1_score,
    precision_score,
    recall_score,
)
from skratch.model_selection import train_test_split

THRESHOLDS = np.round(np.linspace(0.1, 0.9, 21), 2)


def make_screening(n_samples=1000, positive_rate=0.2, random_state=0):
    """Two test readings of patients who are ill (1) or healthy (0)."""
    rng = np.random.default_rng(random_state)
    y = (rng.random(n_samples) < positive_rate).astype(int)
    centres = np.array([[0.0, 0.0], [1.5, 1.0]])  # healthy, ill
    X = centres[y] + rng.normal(size=(n_samples, 2))
    return X, y


def screening_scores(n_samples=1000, positive_rate=0.2):
    """Test labels and probabilities of a logistic regression, 70/30."""
    X, y = make_screening(n_samples, positive_rate)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.3, random_state=0, stratify=y
    )
    model = LogisticRegression().fit(X_train, y_train)
    return y_test, model.predict_proba(X_test)[:, 1]


def draw():
    y, proba = screening_scores()

    fig = new_figure(figsize=(6.4, 5.6))[0]
    fig.clf()
    grid = fig.add_gridspec(2, 2, height_ratios=[1, 1.25])
    top = fig.add_subplot(grid[0, :])
    matrix_ax = fig.add_subplot(grid[1, 0])
    bars_ax = fig.add_subplot(grid[1, 1])

    jitter = np.random.default_rng(0).uniform(-0.18, 0.18, size=len(y))
    for label, colour, name in (
        (0, COLORS["orange"], "healthy"),
        (1, COLORS["blue"], "ill"),
    ):
        mask = y == label
        top.scatter(
            proba[mask],
            label + jitter[mask],
            s=18,
            marker=MARKERS[1 - label],
            color=colour,
            edgecolor="white",
            linewidth=0.3,
            label=name,
        )
    line = top.axvline(0.5, color="black", linewidth=2)
    top.set_yticks([0, 1], ["healthy", "ill"])
    top.set(
        xlim=(-0.02, 1.02),
        ylim=(-0.5, 1.5),
        xlabel="predicted probability of illness",
    )
    title = top.set_title("")

    # %%
    # The confusion matrix as a shaded 2 x 2 grid with its counts.
    image = matrix_ax.imshow(
        np.zeros((2, 2)), cmap="Blues", vmin=0, vmax=len(y)
    )
    names = [["TN", "FP"], ["FN", "TP"]]
    texts = [
        [
            matrix_ax.text(j, i, "", ha="center", va="center")
            for j in range(2)
        ]
        for i in range(2)
    ]
    matrix_ax.set_xticks([0, 1], ["healthy", "ill"])
    matrix_ax.set_yticks([0, 1], ["healthy", "ill"])
    matrix_ax.set(xlabel="predicted", ylabel="true")
    matrix_ax.grid(False)

    metric_names = ["accuracy", "precision", "recall", "F1"]
    bars = bars_ax.barh(
        metric_names[::-1], np.zeros(4), color=COLORS["blue"], height=0.6
    )
    values = [bars_ax.text(0, k, "", va="center") for k in range(4)]
    bars_ax.set(xlim=(0, 1.3), xticks=[0, 0.5, 1])

    def update(frame):
        threshold = THRESHOLDS[frame]
        y_pred = (proba >= threshold).astype(int)
        C = confusion_matrix(y, y_pred, labels=[0, 1])
        line.set_xdata([threshold, threshold])
        title.set_text(
            f"threshold {threshold:.2f}: right of the line is ill"
        )
        image.set_data(C)
        for i in range(2):
            for j in range(2):
                texts[i][j].set_text(f"{names[i][j]}\n{C[i, j]}")
                texts[i][j].set_color(
                    "white" if C[i, j] > 0.55 * len(y) else "black"
                )
        scores = [
            accuracy_score(y, y_pred),
            precision_score(y, y_pred, zero_division=0),
            recall_score(y, y_pred),
            f1_score(y, y_pred),
        ][::-1]
        for bar, text, score, k in zip(bars, values, scores, range(4)):
            bar.set_width(score)
            text.set_position((score + 0.03, k))
            text.set_text(f"{score:.2f}")

    update(len(THRESHOLDS) - 1)
    fig.canvas.draw()
    fig.set_layout_engine("none")
    labels = [f"threshold {t:.2f}" for t in THRESHOLDS]
    return Animation(
        fig,
        update,
        n_frames=len(THRESHOLDS),
        interval=300,
        labels=labels,
        poster=int(np.flatnonzero(THRESHOLDS == 0.5)[0]),
    )


if __name__ == "__main__":
    save_cli(draw, __file__)
