"""Four covariance types on the same data
======================================

Four panels in a two-by-two grid, each the unit's 300 points in the plane
with a mixture of three Gaussians fitted by skratch's GaussianMixture, one
panel per covariance type; each panel's title gives the type and its number
of free parameters. Points carry the marker and colour of their most likely
component (blue circles, orange triangles, green squares), and each
component is drawn as its two-standard-deviation ellipse with a cross at its
mean. Full (17 parameters, top left): three ellipses of their own shapes and
tilts, one long and tilted up on the left group, a small round one on the
upper-right group, one tilted down on the lower-right group. Tied (11, top
right): the three ellipses are copies of one shape, the same size and tilt.
Diagonal (14, bottom left): each ellipse has its own size but its axes are
horizontal and vertical, so the tilted groups are covered by upright
ellipses. Spherical (11, bottom right): circles of different sizes.
"""

# %%
import numpy as np
from matplotlib.patches import Ellipse

from skratch.figures import COLORS, MARKERS, new_figure, save_cli
from skratch.figures.plot_gaussian_mixtures_em import (
    ellipse_geometry,
    make_data,
)
from skratch.mixture import GaussianMixture

TYPES = ["full", "tied", "diag", "spherical"]
COMPONENT_COLORS = [COLORS["blue"], COLORS["orange"], COLORS["green"]]


def full_covariances(gm):
    """Every type's covariances as (K, d, d) matrices."""
    k, d = gm.means_.shape
    cov = gm.covariances_
    if gm.covariance_type == "full":
        return cov
    if gm.covariance_type == "tied":
        return np.broadcast_to(cov, (k, d, d))
    if gm.covariance_type == "diag":
        return np.array([np.diag(c) for c in cov])
    return np.array([c * np.eye(d) for c in cov])


def draw():
    X = make_data()
    fig, axes = new_figure(
        2, 2, figsize=(6.4, 5.6), sharex=True, sharey=True
    )
    for ax, kind in zip(axes.flat, TYPES):
        gm = GaussianMixture(
            3, covariance_type=kind, n_init=5, random_state=0
        ).fit(X)
        # Number the components from left to right in every panel.
        order = np.argsort(gm.means_[:, 0] + 0.1 * gm.means_[:, 1])
        rank = np.empty(3, dtype=int)
        rank[order] = np.arange(3)
        labels = rank[gm.predict(X)]
        covs = full_covariances(gm)[order]
        means = gm.means_[order]
        for k in range(3):
            ax.scatter(
                *X[labels == k].T,
                s=9,
                marker=MARKERS[k],
                color=COMPONENT_COLORS[k],
                linewidth=0,
                alpha=0.8,
            )
            width, height, angle = ellipse_geometry(covs[k])
            ax.add_patch(
                Ellipse(
                    means[k],
                    width,
                    height,
                    angle=angle,
                    fill=False,
                    linewidth=2,
                    edgecolor=COLORS["black"],
                )
            )
            ax.plot(
                *means[k],
                "X",
                color=COMPONENT_COLORS[k],
                markeredgecolor="black",
                markersize=9,
            )
        ax.set_title(f"{kind}: {gm._n_parameters()} parameters")
        ax.set(xlim=(-4.5, 9.5), ylim=(-4, 6), aspect="equal")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
