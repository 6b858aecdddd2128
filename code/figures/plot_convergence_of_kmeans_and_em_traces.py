"""Two objectives that never go the wrong way
=============================================

Two panels, stacked. Top: the k-means inertia J (vertical axis) of one run
of Lloyd's algorithm on 300 points in six blobs, after every half-step
(horizontal axis): circles after an assign step, squares after a move step.
The curve only goes down: steeply from about 1235 for the first three
half-steps, then almost flat from about 590 to 520 for a dozen half-steps,
while a centre crawls between two blobs, then steeply again to about 204,
where it stays.
Bottom: one run of EM for a mixture of three Gaussians on 300 numbers, per
iteration: the mean log-likelihood of the data (blue circles, solid line)
and, between two iterations, the lower bound that the M-step raised (orange
triangles, dashed). Each triangle lies below the next circle: the gap is the
KL divergence that the next E-step closes. Both curves only go up.
"""

# %%
import numpy as np
from scipy.special import logsumexp

from skratch.cluster import kmeans_steps
from skratch.figures import COLORS, new_figure, save_cli


def kmeans_data():
    rng = np.random.default_rng(0)
    centres = np.array([[0, 0], [4, 0], [8, 0], [0, 4], [4, 4], [8, 4]])
    return np.concatenate(
        [m + 0.6 * rng.standard_normal((50, 2)) for m in centres]
    )


def em_data():
    rng = np.random.default_rng(0)
    return np.concatenate([rng.normal(m, 1.0, 100) for m in (-4, 0, 4)])


def log_joint(x, pi, mu, var):
    # log pi_k + log N(x_i | mu_k, var_k): (n, K)
    return (
        np.log(pi)
        - 0.5 * np.log(2 * np.pi * var)
        - (x[:, None] - mu) ** 2 / (2 * var)
    )


def em_trace(x, mu, n_iter):
    """Mean log-likelihood and the bound B(r~_t, theta_{t+1}) per iter."""
    pi = np.full(mu.size, 1 / mu.size)
    var = np.full(mu.size, x.var())
    log_lik, bound = [], []
    for _ in range(n_iter):
        joint = log_joint(x, pi, mu, var)
        log_px = logsumexp(joint, axis=1)
        log_lik.append(log_px.mean())
        r = np.exp(joint - log_px[:, None])  # E-step: r~ = posterior
        nk = r.sum(axis=0)  # M-step
        pi, mu = nk / x.size, r.T @ x / nk
        var = (r * (x[:, None] - mu) ** 2).sum(axis=0) / nk
        joint = log_joint(x, pi, mu, var)
        bound.append(np.mean(np.sum(r * (joint - np.log(r)), axis=1)))
    return np.array(log_lik), np.array(bound)


def draw():
    X = kmeans_data()
    rng = np.random.default_rng(21)
    steps = kmeans_steps(X, X[rng.choice(len(X), 6, replace=False)])
    J = []
    for t in range(len(steps) - 1):
        labels = steps[t][1]
        J.append(np.sum((X - steps[t][0][labels]) ** 2))
        J.append(np.sum((X - steps[t + 1][0][labels]) ** 2))
    J = np.array(J)

    x = em_data()
    log_lik, bound = em_trace(x, np.array([-4.6, -3.4, 2.0]), 12)

    # %%
    fig, (top, bottom) = new_figure(2, 1, figsize=(6.4, 6.8))
    h = np.arange(1, J.size + 1)
    top.plot(h, J, color=COLORS["grey"], linewidth=1)
    top.plot(
        h[::2], J[::2], "o", color=COLORS["blue"], label="after assign"
    )
    top.plot(
        h[1::2], J[1::2], "s", color=COLORS["orange"], label="after move"
    )
    top.set(
        xlabel="half-step",
        ylabel="inertia J",
        title="k-means: J after every half-step",
    )
    top.legend(loc="upper right")

    it = np.arange(log_lik.size)
    bottom.plot(
        it,
        log_lik,
        "o-",
        color=COLORS["blue"],
        markersize=4,
        label="log-likelihood at iteration t",
    )
    bottom.plot(
        it + 0.5,
        bound,
        "^--",
        color=COLORS["orange"],
        markersize=5,
        label="bound after M-step",
    )
    bottom.set(
        xlabel="EM iteration t",
        ylabel="mean log-likelihood",
        title="EM: the bound rises, the E-step closes the gap",
    )
    bottom.legend(loc="lower right")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
