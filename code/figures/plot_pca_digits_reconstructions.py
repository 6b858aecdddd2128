"""Digits rebuilt from k principal components
===========================================

A grid of small 8x8 grey images, three rows and seven columns. Each row
is one handwritten digit (a 0, a 3 and a 7); the last column is the
original image and the six columns before it rebuild it from its first
k principal components, with k = 1, 2, 5, 10, 20 and 40 from left to
right. With one component every row is nearly the same blur, close to
the mean digit; by k = 5 the 0 and the 3 can be read; by k = 10 all
three can, and by k = 40 the rebuilt images are hard to tell from the
originals.
"""

# %%
import numpy as np
from sklearn.datasets import load_digits
from skratch.decomposition import PCA
from skratch.figures import new_figure, save_cli

KS = [1, 2, 5, 10, 20, 40]
SHOWN = [0, 3, 7]


def draw():
    X, y = load_digits(return_X_y=True)
    examples = X[[np.flatnonzero(y == d)[0] for d in SHOWN]]  # (3, 64)
    pca = PCA().fit(X)

    fig, axes = new_figure(len(SHOWN), len(KS) + 1, figsize=(6.4, 3.3))
    for col, k in enumerate(KS):
        V_k = pca.components_[:k]  # (k, 64)
        rebuilt = (examples - pca.mean_) @ V_k.T @ V_k + pca.mean_
        for row in range(len(SHOWN)):
            axes[row, col].imshow(
                rebuilt[row].reshape(8, 8), cmap="gray_r", vmin=0, vmax=16
            )
        axes[0, col].set_title(f"k={k}")
    for row in range(len(SHOWN)):
        axes[row, -1].imshow(
            examples[row].reshape(8, 8), cmap="gray_r", vmin=0, vmax=16
        )
    axes[0, -1].set_title("k=64")
    axes[-1, -1].set_xlabel("original")
    for ax in axes.ravel():
        ax.set(xticks=[], yticks=[])
        ax.grid(False)
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
