"""Where each metric reads the confusion matrix
===============================================

The confusion matrix of the worked example, a two by two grid with the true
class down the side (negative, positive) and the predicted class along the
top: 860 true negatives and 20 false positives in the first row, 40 false
negatives and 80 true positives in the second. A dashed box around the
predicted-positive column (FP and TP) is labelled precision = 80 / (80 + 20)
= 0.80; a dotted box around the truly-positive row (FN and TP) is labelled
recall = 80 / (80 + 40) = 0.67. Accuracy takes the diagonal, 940 of 1000.
"""

# %%
import numpy as np
from matplotlib.patches import Rectangle

from skratch.figures import COLORS, new_figure, save_cli

TN, FP, FN, TP = 860, 20, 40, 80


def draw():
    C = np.array([[TN, FP], [FN, TP]])
    fig, ax = new_figure(figsize=(6.4, 4.6))
    # Shade by the log of the count: 860 would otherwise wash out the rest.
    ax.imshow(np.log(C), cmap="Blues", vmin=0, vmax=np.log(C.max()) * 1.3)
    names = [
        ["true negatives", "false positives"],
        ["false negatives", "true positives"],
    ]
    short = [["TN", "FP"], ["FN", "TP"]]
    for i in range(2):
        for j in range(2):
            ax.text(
                j,
                i - 0.12,
                f"{short[i][j]} = {C[i, j]}",
                ha="center",
                va="center",
                fontweight="bold",
            )
            ax.text(j, i + 0.14, names[i][j], ha="center", va="center")
    # Precision reads the predicted-positive column, recall the true row.
    ax.add_patch(
        Rectangle(
            (0.55, -0.45),
            0.9,
            1.9,
            fill=False,
            edgecolor=COLORS["orange"],
            linewidth=3,
            linestyle="--",
        )
    )
    ax.add_patch(
        Rectangle(
            (-0.45, 0.55),
            1.9,
            0.9,
            fill=False,
            edgecolor=COLORS["green"],
            linewidth=3,
            linestyle=":",
        )
    )
    ax.text(
        1.55,
        -0.25,
        "precision\n= 80 / (80 + 20)\n= 0.80",
        color=COLORS["orange"],
        va="center",
        ha="left",
    )
    ax.text(
        1.55,
        1.0,
        "recall\n= 80 / (80 + 40)\n= 0.67",
        color=COLORS["green"],
        va="center",
        ha="left",
    )
    ax.set_xticks([0, 1], ["negative", "positive"])
    ax.set_yticks([0, 1], ["negative", "positive"])
    ax.set(
        xlabel="predicted class",
        ylabel="true class",
        xlim=(-0.5, 2.6),
        ylim=(1.5, -0.5),
    )
    ax.set_title("accuracy = (860 + 80) / 1000 = 0.94")
    ax.grid(False)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
