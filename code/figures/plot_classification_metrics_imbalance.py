"""Accuracy flatters a lazy model on imbalanced data
===================================================

Grouped horizontal bars comparing two models on 600 test patients of whom
33 (about 5%) are ill: a model that always says "healthy" (orange, hatched)
and a logistic regression (blue). For each of three metrics, accuracy,
balanced accuracy and F1, the two bars sit side by side with their values
written at their ends. On accuracy the two are almost level, 0.94 and 0.95;
balanced accuracy drops the lazy model to 0.50, a coin toss, against 0.65,
and F1 to 0 against 0.43, because it never finds a single ill patient.
"""

# %%
import numpy as np

from skratch.figures import COLORS, new_figure, save_cli
from skratch.figures.plot_classification_metrics_threshold import (
    make_screening,
)
from skratch.linear_model import LogisticRegression
from skratch.metrics import (
    accuracy_score,
    balanced_accuracy_score,
    f1_score,
)
from skratch.model_selection import train_test_split


def imbalanced_predictions():
    """Test labels, then the lazy and the logistic model's predictions."""
    X, y = make_screening(n_samples=2000, positive_rate=0.05)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.3, random_state=0, stratify=y
    )
    lazy = np.zeros_like(y_test)  # always "healthy"
    model = LogisticRegression().fit(X_train, y_train)
    return y_test, lazy, model.predict(X_test)


def draw():
    y, lazy, real = imbalanced_predictions()
    metrics = [
        ("accuracy", accuracy_score),
        ("balanced accuracy", balanced_accuracy_score),
        ("F1", lambda t, p: f1_score(t, p, zero_division=0)),
    ]
    fig, ax = new_figure(figsize=(6.4, 3.8))
    rows = np.arange(len(metrics))[::-1]
    height = 0.36
    for offset, (name, y_pred, colour, hatch) in zip(
        (height / 2, -height / 2),
        (
            ("always healthy", lazy, COLORS["orange"], "//"),
            ("logistic regression", real, COLORS["blue"], ""),
        ),
    ):
        scores = [metric(y, y_pred) for _, metric in metrics]
        ax.barh(
            rows + offset,
            scores,
            height=height,
            color=colour,
            hatch=hatch,
            edgecolor="white",
            label=name,
        )
        for row, score in zip(rows, scores):
            ax.text(score + 0.02, row + offset, f"{score:.2f}", va="center")
    ax.set_yticks(rows, [name for name, _ in metrics])
    ax.set(xlim=(0, 1.25), xticks=[0, 0.25, 0.5, 0.75, 1])
    ax.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12),
        ncol=2,
        frameon=False,
    )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
