"""An MLP's decision regions on two moons
======================================

The two-moons data set: 200 points in the plane, 100 of class 0 (blue
circles) on an upper arc and 100 of class 1 (orange triangles) on a lower
arc hooked into it, with noise that makes the arcs overlap a little. The
background shows where a network with one hidden layer of 16 ReLU units,
trained by full-batch gradient descent on the cross-entropy, predicts
each class (pale blue and pale orange), with the boundary drawn as a black
line. The boundary is not one straight line but a chain of straight
pieces, with sharp corners, that winds between the two arcs; a few points
in the overlap sit on the wrong side. The title gives the training accuracy.
"""

# %%
import numpy as np

from skratch import nn, optim
from skratch.autograd import Tensor
from skratch.figures import COLORS, MARKERS, new_figure, save_cli

N_HIDDEN, LR, N_STEPS = 16, 0.5, 2000


def two_moons(n_samples=200, noise=0.2, seed=0):
    """sklearn.datasets.make_moons, standardised: X (n, 2), y in 0, 1."""
    from sklearn.datasets import make_moons

    X, y = make_moons(n_samples=n_samples, noise=noise, random_state=seed)
    return (X - X.mean(axis=0)) / X.std(axis=0), y


def moons_network(seed=0):
    """Sequential(Linear(2, 16), ReLU(), Linear(16, 2)), seeded."""
    rng = np.random.default_rng(seed)
    return nn.Sequential(
        nn.Linear(2, N_HIDDEN, rng=rng),
        nn.ReLU(),
        nn.Linear(N_HIDDEN, 2, rng=rng),
    )


def train(net, X, y, lr=LR, n_steps=N_STEPS):
    """Full-batch gradient descent on the mean cross-entropy."""
    opt = optim.SGD(net.parameters(), lr=lr)
    loss_fn = nn.CrossEntropyLoss()
    for _ in range(n_steps):
        loss = loss_fn(net(Tensor(X)), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    return net


def draw():
    X, y = two_moons()
    net = train(moons_network(), X, y)
    accuracy = np.mean(net(Tensor(X)).data.argmax(axis=1) == y)
    lo, hi = X.min(axis=0) - 0.4, X.max(axis=0) + 0.4
    g1, g2 = np.meshgrid(
        np.linspace(lo[0], hi[0], 301), np.linspace(lo[1], hi[1], 301)
    )
    grid = np.column_stack([g1.ravel(), g2.ravel()])
    pred = net(Tensor(grid)).data.argmax(axis=1).reshape(g1.shape)

    # %%
    fig, ax = new_figure(figsize=(6.4, 5.4))
    colors = [COLORS["blue"], COLORS["orange"]]
    ax.contourf(
        g1, g2, pred, levels=[-0.5, 0.5, 1.5], colors=colors, alpha=0.25
    )
    ax.contour(g1, g2, pred, levels=[0.5], colors="black")
    for k in range(2):
        ax.scatter(
            *X[y == k].T,
            s=40,
            marker=MARKERS[k],
            color=colors[k],
            edgecolor=COLORS["black"],
            linewidth=0.6,
            label=f"class {k}",
            zorder=3,
        )
    ax.set(xlabel="feature 1 (standardised)")
    ax.set(ylabel="feature 2 (standardised)")
    ax.set_title(
        f"16 ReLU units: training accuracy {accuracy:.3f}", loc="center"
    )
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncols=2)
    ax.grid(False)
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
