"""Three classes: multinomial logistic regression
===============================================

Ninety points in two features (horizontal and vertical axes), thirty from
each of three classes drawn as blue circles, orange triangles and green
squares in three overlapping clouds. Multinomial (softmax) logistic
regression splits the plane into three regions, shaded in the colour of the
class it predicts there; the borders between regions are straight lines that
meet at one point. Thin contour lines show where the winning class has
probability 0.5 (dashed) and 0.8 (solid): the model is confident deep inside
each region and uncertain near the borders. A legend to the right of the
plot names the three classes and the two contour lines.
"""

# %%
import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.lines import Line2D

from skratch.figures import COLORS, new_figure, save_cli
from skratch.linear_model import LogisticRegression

CENTRES = np.array([[-2.0, 0.0], [2.0, -1.0], [0.5, 2.5]])


def draw():
    rng = np.random.default_rng(0)
    X = np.vstack([rng.normal(c, 1.1, size=(30, 2)) for c in CENTRES])
    y = np.repeat([0, 1, 2], 30)
    model = LogisticRegression(penalty=None).fit(X, y)

    g1, g2 = np.meshgrid(np.linspace(-5, 5, 200), np.linspace(-4, 5.5, 200))
    proba = model.predict_proba(
        np.column_stack([g1.ravel(), g2.ravel()])
    )  # (40000, 3)
    winner = proba.argmax(axis=1).reshape(g1.shape)
    confidence = proba.max(axis=1).reshape(g1.shape)

    fig, ax = new_figure(figsize=(6.4, 4.2))
    colours = [COLORS["blue"], COLORS["orange"], COLORS["green"]]
    ax.contourf(
        g1,
        g2,
        winner,
        levels=[-0.5, 0.5, 1.5, 2.5],
        cmap=ListedColormap(colours),
        alpha=0.18,
    )
    ax.contour(
        g1,
        g2,
        confidence,
        levels=[0.5, 0.8],
        colors=COLORS["grey"],
        linewidths=0.8,
        linestyles=["--", "-"],
    )
    for k, marker in enumerate(["o", "^", "s"]):
        ax.scatter(
            *X[y == k].T,
            s=22,
            marker=marker,
            color=colours[k],
            edgecolor="white",
            linewidth=0.4,
            label=f"class {k}",
        )
    ax.set(
        xlabel="feature 1",
        ylabel="feature 2",
        title="softmax regression: one region per class",
    )
    ax.grid(False)
    # The legend sits outside the plot, where it hides neither points nor
    # borders; it also
    # names the two contour lines (labels along the lines would be cut to a
    # few).
    handles, labels = ax.get_legend_handles_labels()
    for level, style in [(0.8, "-"), (0.5, "--")]:
        handles.append(
            Line2D(
                [], [], color=COLORS["grey"], linewidth=0.8, linestyle=style
            )
        )
        labels.append(f"top class\np = {level}")
    ax.legend(
        handles,
        labels,
        loc="upper left",
        bbox_to_anchor=(1.02, 1.0),
        markerscale=1.5,
    )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
