"""The decision boundary settling as logistic regression trains
===============================================================

An animation of gradient descent training logistic regression on eighty
students, placed by hours studied (horizontal axis) and hours slept
(vertical axis), blue circles for those who passed and orange triangles for
those who failed. The background is shaded by the model's probability of
passing, from orange (near 0) through white (0.5) to purple (near 1), and a
black line marks the decision boundary where the probability is exactly 0.5.
At the start every probability is 0.5 and there is no boundary; after a few
steps a boundary appears and swings round, and over the following steps it
settles between the two groups while the shading sharpens, as the model
becomes more confident. The title counts the steps and shows the cross-
entropy and the training accuracy.
"""

# %%
import numpy as np

from skratch.figures import COLORS, Animation, new_figure, save_cli
from skratch.figures.plot_regression_vs_classification_two_jobs import (
    make_exam,
)

LEARNING_RATE = 0.5
N_STEPS = 300
FRAMES = np.concatenate(
    [[0], np.unique(np.round(np.geomspace(1, N_STEPS, 21)).astype(int))]
)


def descend(X, y):
    """Gradient descent on the mean cross-entropy; returns the (w, b) after
    every step."""
    w, b = np.zeros(X.shape[1]), 0.0
    path = [(w, b)]
    for _ in range(N_STEPS):
        p = 1 / (1 + np.exp(-(X @ w + b)))  # (n_samples,)
        # dL/dw = (1/n) X^T (p - y),  dL/db = mean(p - y)
        w, b = (
            w - LEARNING_RATE * X.T @ (p - y) / len(y),
            b - LEARNING_RATE * np.mean(p - y),
        )
        path.append((w, b))
    return path


def draw():
    X, y = make_exam()
    mean, scale = X.mean(axis=0), X.std(axis=0)
    Z = (
        X - mean
    ) / scale  # standardised features: gradient descent needs them
    path = descend(Z, y)

    g1, g2 = np.meshgrid(np.linspace(0, 10, 60), np.linspace(2.5, 11, 60))
    grid = (
        np.column_stack([g1.ravel(), g2.ravel()]) - mean
    ) / scale  # (3600, 2)

    fig, ax = new_figure(figsize=(5.6, 4.0))
    ax.scatter(
        *X[y == 1].T,
        s=20,
        marker="o",
        color=COLORS["blue"],
        edgecolor="white",
        linewidth=0.4,
        zorder=3,
    )
    ax.scatter(
        *X[y == 0].T,
        s=24,
        marker="^",
        color=COLORS["orange"],
        edgecolor="white",
        linewidth=0.4,
        zorder=3,
    )
    ax.set(
        xlabel="hours studied",
        ylabel="hours slept",
        xlim=(0, 10),
        ylim=(2.5, 11),
    )
    ax.grid(False)
    artists = []

    def update(frame):
        for artist in artists:
            artist.remove()
        artists.clear()
        step = FRAMES[frame]
        w, b = path[step]
        prob = (1 / (1 + np.exp(-(grid @ w + b)))).reshape(g1.shape)
        artists.append(
            ax.contourf(
                g1,
                g2,
                prob,
                levels=np.linspace(0, 1, 11),
                cmap="PuOr",
                vmin=-0.1,
                vmax=1.1,
                alpha=0.45,
            )
        )
        if np.any(w != 0):
            artists.append(
                ax.contour(
                    g1,
                    g2,
                    prob,
                    levels=[0.5],
                    colors=COLORS["black"],
                    linewidths=2,
                )
            )
        p = 1 / (1 + np.exp(-(Z @ w + b)))
        loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
        accuracy = np.mean((p >= 0.5) == y)
        ax.set_title(
            f"step {step}: cross-entropy {loss:.3f},"
            f" accuracy {accuracy:.2f}"
        )

    update(len(FRAMES) - 1)
    return Animation(
        fig,
        update,
        n_frames=len(FRAMES),
        interval=300,
        labels=[f"step {s}" for s in FRAMES],
    )


if __name__ == "__main__":
    save_cli(draw, __file__)
