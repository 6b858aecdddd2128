"""XOR: one line fails, two layers succeed
=======================================

Two square panels over the unit square, each showing the four XOR
points: (0, 0) and (1, 1) of class 0 (blue circles) and (0, 1) and (1,
0) of class 1 (orange triangles). Left: the best a straight line can do,
the line x1 + x2 = 0.5; it puts (0, 0) alone on the class-0 side (pale
blue) and the three others on the class-1 side (pale orange), so (1, 1)
is wrong: 3 points out of 4. Right: the decision regions of the hand-set
2-2-1 ReLU network h1 = relu(x1 + x2), h2 = relu(x1 + x2 - 1), output h1
- 2 h2 - 0.5; the class-1 region is the band between the parallel lines
x1 + x2 = 0.5 and x1 + x2 = 1.5, which holds (0, 1) and (1, 0) and
leaves out (0, 0) and (1, 1): all four points are right.
"""

# %%
import numpy as np

from skratch import nn, optim
from skratch.autograd import Tensor
from skratch.figures import COLORS, MARKERS, new_figure, save_cli

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([0, 1, 1, 0])


def train_xor(seed=0, n_steps=300, lr=0.1):
    """A 2-2-1 tanh network trained on XOR with Adam; returns it, loss."""
    rng = np.random.default_rng(seed)
    net = nn.Sequential(
        nn.Linear(2, 2, rng=rng), nn.Tanh(), nn.Linear(2, 1, rng=rng)
    )
    opt = optim.Adam(net.parameters(), lr=lr)
    loss_fn = nn.BCEWithLogitsLoss()
    target = Tensor(XOR_Y.astype(float).reshape(-1, 1))
    for _ in range(n_steps):
        loss = loss_fn(net(Tensor(XOR_X)), target)
        opt.zero_grad()
        loss.backward()
        opt.step()
    return net, loss.item()


def hand_set_network():
    """The 2-2-1 ReLU network with round weights that computes XOR."""
    net = nn.Sequential(
        nn.Linear(2, 2, rng=0), nn.ReLU(), nn.Linear(2, 1, rng=0)
    )
    net[0].weight.data[...] = [[1.0, 1.0], [1.0, 1.0]]
    net[0].bias.data[...] = [0.0, -1.0]
    net[2].weight.data[...] = [[1.0, -2.0]]
    net[2].bias.data[...] = [-0.5]
    return net


def draw():
    net = hand_set_network()
    g1, g2 = np.meshgrid(
        np.linspace(-0.3, 1.3, 321), np.linspace(-0.3, 1.3, 321)
    )
    grid = np.column_stack([g1.ravel(), g2.ravel()])
    linear = (grid.sum(axis=1) > 0.5).reshape(g1.shape)
    network = (net(Tensor(grid)).data[:, 0] > 0).reshape(g1.shape)

    # %%
    fig, axes = new_figure(1, 2, figsize=(6.4, 3.9), sharey=True)
    colors = [COLORS["blue"], COLORS["orange"]]
    titles = ["one line: 3 of 4 right", "two layers: 4 of 4 right"]
    for ax, region, title in zip(axes, [linear, network], titles):
        ax.contourf(
            g1,
            g2,
            region.astype(float),
            levels=[-0.5, 0.5, 1.5],
            colors=colors,
            alpha=0.25,
        )
        ax.contour(
            g1, g2, region.astype(float), levels=[0.5], colors="black"
        )
        for k in range(2):
            ax.scatter(
                *XOR_X[XOR_Y == k].T,
                s=160,
                marker=MARKERS[k],
                color=colors[k],
                edgecolor=COLORS["black"],
                linewidth=1,
                label=f"class {k}",
                zorder=3,
            )
        ax.set(xlabel="x1", xlim=(-0.3, 1.3), ylim=(-0.3, 1.3))
        ax.set_aspect("equal")
        ax.set_title(title)
        ax.grid(False)
    axes[0].set_ylabel("x2")
    fig.legend(
        *axes[0].get_legend_handles_labels(),
        loc="lower center",
        ncols=2,
        bbox_to_anchor=(0.5, -0.02),
    )
    fig.get_layout_engine().set(rect=(0, 0.08, 1, 0.92))
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
