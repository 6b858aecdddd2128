"""EM fitting three Gaussians, iteration by iteration
===================================================

An animation of EM on 300 points in the plane, from iteration 0 (the start)
to iteration 21: every iteration up to 5 and from 15 to 19, every other
one between, and the last (16 frames). Each point is drawn with the marker
of the component most responsible for it (circle, triangle or square) and
filled with a mix of the three components' colours (blue, orange, green) in
proportion to its responsibilities: a point shared between two components
has an in-between colour. Each component is an ellipse two standard
deviations wide, in its colour, with a cross at its mean. At the start all
three ellipses are the same wide ellipse of the whole cloud, at three
different places, and most points are muddy mixes. In the first iterations
the green ellipse settles on the lower-right group, while the blue and
orange ellipses stretch into two long, overlapping ellipses that both cover
the left group and the upper-right group; they stay so, slowly sliding
apart, for about ten iterations. Between iterations 15 and 19 the orange
ellipse slides onto the upper-right group and becomes small and round, the
blue one keeps the left group, and the colours become clean except for a few
points between groups. The title gives the iteration and the mean log-
likelihood, which rises in every frame.
"""

# %%
import numpy as np
from matplotlib.patches import Ellipse
from scipy.special import logsumexp

from skratch.figures import COLORS, MARKERS, Animation, new_figure, save_cli

# The iterations shown: every one while the picture changes fast (0-5 and
# 15-19), every other one while it slides slowly; EM has settled by 21.
ITERATIONS = [0, 1, 2, 3, 4, 5, 7, 9, 11, 13, 15, 16, 17, 18, 19, 21]
N_FRAMES = len(ITERATIONS)
COMPONENT_COLORS = [COLORS["blue"], COLORS["orange"], COLORS["green"]]


def make_data():
    """The unit's data: 300 points from three Gaussians."""
    rng = np.random.default_rng(0)
    means = np.array([[0.0, 0.0], [4.0, 3.5], [5.0, -1.0]])
    covs = np.array(
        [
            [[2.0, 1.2], [1.2, 1.0]],
            [[0.4, 0.0], [0.0, 0.4]],
            [[1.0, -0.5], [-0.5, 0.6]],
        ]
    )
    sizes = [120, 80, 100]
    return np.concatenate(
        [
            rng.multivariate_normal(m, c, size=s)
            for m, c, s in zip(means, covs, sizes)
        ]
    )


def start(X):
    """Equal weights, three chosen means, the covariance of all the data."""
    weights = np.full(3, 1 / 3)
    means = np.array([[-1.0, 3.0], [1.5, 1.0], [2.5, -2.0]])
    covs = np.tile(np.cov(X.T, bias=True), (3, 1, 1))
    return weights, means, covs


def log_joint(X, weights, means, covs):
    # log pi_k + log N(x_i | mu_k, Sigma_k): (n, K)
    out = np.empty((len(X), len(weights)))
    for k in range(len(weights)):
        diff = X - means[k]
        maha = np.einsum("ij,ij->i", diff @ np.linalg.inv(covs[k]), diff)
        logdet = np.linalg.slogdet(covs[k])[1]
        out[:, k] = np.log(weights[k]) - 0.5 * (
            2 * np.log(2 * np.pi) + logdet + maha
        )
    return out


def em_history(X, n_iter):
    """Means, covariances, responsibilities, mean log-likelihood by step."""
    weights, means, covs = start(X)
    history = []
    for _ in range(n_iter + 1):
        joint = log_joint(X, weights, means, covs)
        log_px = logsumexp(joint, axis=1)
        resp = np.exp(joint - log_px[:, None])  # E-step
        history.append((means, covs, resp, log_px.mean()))
        nk = resp.sum(axis=0)  # M-step
        weights, means = nk / len(X), resp.T @ X / nk[:, None]
        covs = np.array(
            [
                (resp[:, k] * (X - means[k]).T) @ (X - means[k]) / nk[k]
                for k in range(3)
            ]
        )
    return history


def ellipse_geometry(cov, n_std=2.0):
    """Width, height and angle (degrees) of the n_std ellipse of cov."""
    values, vectors = np.linalg.eigh(cov)  # ascending eigenvalues
    width, height = 2 * n_std * np.sqrt(values[::-1])
    angle = np.degrees(np.arctan2(vectors[1, 1], vectors[0, 1]))
    return width, height, angle


def draw():
    X = make_data()
    history = em_history(X, ITERATIONS[-1])
    rgb = np.array(
        [
            [int(c[i : i + 2], 16) / 255 for i in (1, 3, 5)]
            for c in COMPONENT_COLORS
        ]
    )  # (3, 3): one RGB row per component

    fig, ax = new_figure(figsize=(6.4, 4.2))
    ax.set(
        xlim=(-4.5, 9.5),
        ylim=(-4, 6),
        xlabel="feature 1",
        ylabel="feature 2",
        aspect="equal",
    )
    groups = [
        ax.scatter(
            X[:0, 0],
            X[:0, 1],
            s=22,
            marker=MARKERS[k],
            edgecolor="black",
            linewidth=0.3,
            zorder=2,
        )
        for k in range(3)
    ]
    ellipses, centres = [], []
    for k in range(3):
        ellipse = Ellipse(
            (0, 0),
            1,
            1,
            angle=0,
            fill=False,
            edgecolor=COMPONENT_COLORS[k],
            linewidth=2.5,
            zorder=3,
        )
        ax.add_patch(ellipse)
        ellipses.append(ellipse)
        (centre,) = ax.plot(
            [],
            [],
            "X",
            color=COMPONENT_COLORS[k],
            markeredgecolor="black",
            markersize=11,
            zorder=4,
        )
        centres.append(centre)
    title = ax.set_title(" ")

    def update(frame):
        iteration = ITERATIONS[frame]
        means, covs, resp, ll = history[iteration]
        labels = resp.argmax(axis=1)
        colours = resp @ rgb  # each point: its responsibilities' mix
        for k in range(3):
            mine = labels == k
            groups[k].set_offsets(X[mine])
            groups[k].set_facecolor(colours[mine])
            width, height, angle = ellipse_geometry(covs[k])
            ellipses[k].set_center(means[k])
            ellipses[k].set_width(width)
            ellipses[k].set_height(height)
            ellipses[k].set_angle(angle)
            centres[k].set_data([means[k, 0]], [means[k, 1]])
        title.set_text(
            f"iteration {iteration}:  mean log-likelihood {ll:.4f}"
        )

    update(N_FRAMES - 1)
    # Lay the figure out once and keep that layout: the frames differ only
    # in their points, ellipses and title text.
    fig.canvas.draw()
    fig.set_layout_engine("none")
    labels = [f"iteration {i}" for i in ITERATIONS]
    return Animation(
        fig, update, n_frames=N_FRAMES, interval=400, labels=labels
    )


if __name__ == "__main__":
    save_cli(draw, __file__)
