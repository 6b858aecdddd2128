"""The mean digit and the first principal components, as 8x8 images
==================================================================

Six small 8x8 images in a row. The first is the mean of the 1,797
handwritten digits, a grey blur shaped like a rounded 0 or 8, dark where
ink is common. The next five are the first five principal components,
each drawn on a diverging scale (orange for positive pixel weights,
purple for negative, white for zero): each is a pattern of strokes that
a digit adds to or subtracts from the mean, such as ink in the middle
against ink at the sides. Under each component is its explained
variance ratio.
"""

# %%
import numpy as np
from sklearn.datasets import load_digits
from skratch.decomposition import PCA
from skratch.figures import new_figure, save_cli

N_COMPONENTS = 5


def draw():
    X, _ = load_digits(return_X_y=True)
    pca = PCA(n_components=N_COMPONENTS).fit(X)

    fig, axes = new_figure(1, N_COMPONENTS + 1, figsize=(6.4, 1.9))
    axes[0].imshow(pca.mean_.reshape(8, 8), cmap="gray_r", vmin=0, vmax=16)
    axes[0].set_title("mean")
    axes[0].set_xlabel("digit")
    bound = np.abs(pca.components_).max()
    for j, ax in enumerate(axes[1:]):
        ax.imshow(
            pca.components_[j].reshape(8, 8),
            cmap="PuOr_r",
            vmin=-bound,
            vmax=bound,
        )
        ax.set_title(f"PC{j + 1}")
        ax.set_xlabel(f"{pca.explained_variance_ratio_[j]:.2f}")
    for ax in axes:
        ax.set(xticks=[], yticks=[])
        ax.grid(False)
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
