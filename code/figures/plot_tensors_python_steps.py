"""Python's work: one node per number, or one per array
=======================================================

A log-log plot of the number of Python-level steps (vertical axis) needed
for one forward and backward pass of the loss sum(A @ B), for n by n
matrices A and B, against the size n (horizontal axis, 2 to 256). Blue
circles, the scalar engine Value: every multiplication and addition is a
node of its own, counted in the graph it builds (sizes up to 24), about
2n^3 nodes, on the grey dashed line of the arithmetic the product needs.
Orange triangles, the array engine Tensor: four nodes (A, B, the product,
the sum) at every size. Green squares, NumPy with the gradient written by
hand: five calls (the product, the sum, an array of ones and the two
gradient products). The gap between the blue line and the other two grows
as n^3: at n = 24 the scalar engine's 28,799 nodes are more than seven
thousand times the tensor engine's 4 (and 5,760 times NumPy's 5 calls).
"""

# %%
import numpy as np

from skratch.autograd import Tensor, Value
from skratch.figures import COLORS, MARKERS, new_figure, save_cli


def count_nodes(root):
    """The nodes of the graph that ends at `root` (a Value or a Tensor)."""
    seen, stack = set(), [root]
    while stack:
        node = stack.pop()
        if id(node) not in seen:
            seen.add(id(node))
            stack.extend(node._prev)
    return len(seen)


def value_loss(n, rng):
    """sum(A @ B) built from Values, one node per number."""
    A = [[Value(x) for x in row] for row in rng.normal(size=(n, n))]
    B = [[Value(x) for x in row] for row in rng.normal(size=(n, n))]
    loss = None
    for i in range(n):
        for j in range(n):
            c = A[i][0] * B[0][j]
            for k in range(1, n):
                c = c + A[i][k] * B[k][j]
            loss = c if loss is None else loss + c
    return loss


def tensor_loss(n, rng):
    """sum(A @ B) with Tensors: one node per array operation."""
    A = Tensor(rng.normal(size=(n, n)), requires_grad=True)
    B = Tensor(rng.normal(size=(n, n)), requires_grad=True)
    return (A @ B).sum()


NUMPY_CALLS = 5  # C = A @ B, C.sum(), G = ones, G @ B.T, A.T @ G


def draw():
    rng = np.random.default_rng(0)
    small = np.array([2, 3, 4, 6, 8, 12, 16, 24])
    sizes = np.array([2, 4, 8, 16, 32, 64, 128, 256])
    value_steps = []
    for n in small:
        loss = value_loss(n, rng)
        loss.backward()
        value_steps.append(count_nodes(loss))
    tensor_steps = []
    for n in sizes:
        loss = tensor_loss(n, rng)
        loss.backward()
        tensor_steps.append(count_nodes(loss))

    # %%
    fig, ax = new_figure(figsize=(6.4, 4.6))
    ax.loglog(
        sizes,
        2.0 * sizes**3,
        color=COLORS["grey"],
        linestyle="--",
        linewidth=1.5,
    )
    ax.loglog(
        small,
        value_steps,
        marker=MARKERS[0],
        color=COLORS["blue"],
        linewidth=2,
    )
    ax.loglog(
        sizes,
        tensor_steps,
        marker=MARKERS[1],
        markersize=9,
        markevery=(1, 2),
        color=COLORS["orange"],
        linewidth=2,
    )
    ax.loglog(
        sizes,
        np.full(len(sizes), NUMPY_CALLS),
        marker=MARKERS[2],
        markersize=8,
        markevery=(0, 2),
        color=COLORS["green"],
        linewidth=2,
    )
    ax.text(30, value_steps[-1], "Value: a node\nper number", va="center")
    ax.text(
        sizes[-3], 2.0 * sizes[-3] ** 3 * 2.2, "arithmetic, 2n³", ha="right"
    )
    ax.text(40, 1.25, "Tensor: 4 nodes", va="center")
    ax.text(40, 14, "NumPy by hand: 5 calls", va="center")
    ax.set(
        xlabel="matrix size n (A and B are n × n)",
        ylabel="Python-level steps",
        ylim=(0.7, 1e8),
        xticks=sizes,
        xticklabels=[str(n) for n in sizes],
        title="One forward and backward pass of sum(A @ B)",
    )
    ax.minorticks_off()
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
