"""Handwritten digits on their first two principal components
============================================================

A scatter plot of the handwritten digits 0, 3, 4, 6 and 7 (about 180
images of each) placed by their first two principal components, from a
PCA fitted on all ten digits: horizontal axis the first component,
vertical axis the second. Each digit has its own marker and colour: the
zeros (blue circles) sit at the bottom, the threes (orange triangles)
on the left, the fours (green squares) on the right, the sixes (red
diamonds) between the zeros and the fours, and the sevens (purple
downward triangles) at the top. The legend is in the empty space on the
right. The groups overlap only at their edges, although two
numbers out of 64 keep only 29% of the variance.
"""

# %%
from sklearn.datasets import load_digits
from skratch.decomposition import PCA
from skratch.figures import COLORS, MARKERS, new_figure, save_cli

SHOWN = [0, 3, 4, 6, 7]
PALETTE = ["blue", "orange", "green", "red", "purple"]


def draw():
    X, y = load_digits(return_X_y=True)
    Z = PCA(n_components=2).fit_transform(X)  # fitted on all ten digits

    fig, ax = new_figure(figsize=(6.4, 4.4))
    for k, digit in enumerate(SHOWN):
        points = Z[y == digit]
        ax.scatter(
            points[:, 0],
            points[:, 1],
            s=18,
            marker=MARKERS[k],
            color=COLORS[PALETTE[k]],
            edgecolor="white",
            linewidth=0.3,
            alpha=0.85,
            label=f"digit {digit}",
        )
    ax.set(
        xlabel="first principal component",
        ylabel="second principal component",
        xlim=(-32, 52),
    )
    ax.legend(loc="center right", markerscale=1.6)
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
