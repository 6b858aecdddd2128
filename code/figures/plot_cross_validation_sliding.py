"""The test fold slides along
===========================

An animation in two panels stacked. Top: the 200 breast-cancer biopsies of
this unit as one long strip, ordered by the fold they fall in (five blocks
of 40). In each frame one block is the test fold, orange with diagonal
stripes, and the other four train, plain blue; the test fold moves from the
first block to the last. Bottom: one bar per fold, the accuracy of the
model trained on the blue blocks and tested on the orange one, growing
into place as its fold is tested: 0.85, 1.00, 0.80, 0.875 and 0.875. Once a
fold is done, a dashed line shows the mean of the folds so far, ending at
0.88.
"""

# %%
import numpy as np
from matplotlib.patches import Rectangle
from sklearn.datasets import load_breast_cancer

from skratch.figures import COLORS, Animation, new_figure, save_cli
from skratch.linear_model import LogisticRegression
from skratch.model_selection import StratifiedKFold, cross_val_score
from skratch.pipeline import make_pipeline
from skratch.preprocessing import StandardScaler

V = 5
STEPS = 4  # frames per fold


def fold_scores():
    X, y = load_breast_cancer(return_X_y=True)
    X, y = X[:200, :2], y[:200]  # mean radius and mean texture
    model = make_pipeline(StandardScaler(), LogisticRegression())
    cv = StratifiedKFold(V, shuffle=True, random_state=0)
    return cross_val_score(model, X, y, cv=cv)


def draw():
    scores = fold_scores()
    fig, (strip, bars_ax) = new_figure(
        2, 1, figsize=(6.4, 5.6), height_ratios=[1, 2.6]
    )
    # %%
    # Top: five blocks of 40 biopsies, one of them the test fold.
    blocks = []
    for v in range(V):
        block = Rectangle(
            (40 * v, 0),
            39,
            1,
            facecolor=COLORS["blue"],
            edgecolor="white",
            linewidth=0,
        )
        strip.add_patch(block)
        blocks.append(block)
        strip.text(
            40 * v + 19.5, -0.15, f"fold {v + 1}", ha="center", va="top"
        )
    strip.set(xlim=(0, 200), ylim=(-0.9, 1.05))
    strip.axis("off")
    strip.set_title("200 biopsies, grouped by fold", loc="left")
    # %%
    # Bottom: the fold scores, and the mean of the folds done so far.
    bars = bars_ax.bar(
        np.arange(1, V + 1),
        np.zeros(V),
        color=COLORS["orange"],
        hatch="///",
        edgecolor="white",
    )
    (mean_line,) = bars_ax.plot(
        [0.5, V + 0.5], [0, 0], "--", color=COLORS["black"]
    )
    mean_text = bars_ax.set_title("", loc="left")
    bars_ax.set(
        xticks=range(1, V + 1),
        xlabel="test fold",
        ylabel="accuracy on the test fold",
        ylim=(0.5, 1.08),
        xlim=(0.5, V + 0.5),
    )
    value_texts = [
        bars_ax.text(
            v + 1,
            0.52,
            "",
            ha="center",
            va="bottom",
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1},
        )
        for v in range(V)
    ]

    def update(frame):
        fold, step = divmod(frame, STEPS)
        for v, block in enumerate(blocks):
            testing = v == fold
            block.set_facecolor(COLORS["orange" if testing else "blue"])
            block.set_hatch("///" if testing else None)
        for v, bar in enumerate(bars):
            if v < fold:
                height = scores[v]
            elif v == fold:
                height = 0.5 + (scores[v] - 0.5) * (step + 1) / STEPS
            else:
                height = 0.5
            bar.set_y(0.5)
            bar.set_height(height - 0.5)
            done = v < fold or (v == fold and step == STEPS - 1)
            value_texts[v].set_text(f"{scores[v]:.3f}" if done else "")
            value_texts[v].set_y(scores[v] + 0.01)
        n_done = fold + (step == STEPS - 1)
        if n_done:
            mean = scores[:n_done].mean()
            mean_line.set_ydata([mean, mean])
            mean_line.set_visible(True)
            mean_text.set_text(f"mean of {n_done} folds: {mean:.3f}")
        else:
            mean_line.set_visible(False)
            mean_text.set_text("mean of the folds so far")

    update(0)
    labels = [f"fold {f // STEPS + 1}" for f in range(V * STEPS)]
    return Animation(
        fig, update, n_frames=V * STEPS, interval=250, labels=labels
    )


if __name__ == "__main__":
    save_cli(draw, __file__)
