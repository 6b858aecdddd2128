"""The chain rule along the graph of the worked example
=====================================================

A diagram read from left to right: the graph of L = (w x + b) squared with
w = 3, x = 2 and b = -4, in grey boxes joined by arrows (p = w x = 6,
z = p + b = 2, L = z squared = 4). On each arrow, in orange, the local
derivative of the box it points to with respect to the box it leaves:
3 on x to p (dp/dx = w = 3) and 2 on w to p (dp/dw = x = 2),
1 on p to z and on b to z (a sum passes gradients on unchanged) and 4 on
z to L (dL/dz = 2z). Each box shows its gradient after the backward pass:
4 for z, p and b, 8 for w and 12 for x, the product of the local
derivatives along the path from L back to the box.
"""

# %%
from skratch.autograd import Value, draw_graph
from skratch.figures import new_figure, save_cli


def worked_example():
    """L = (w x + b)^2 at w = 3, x = 2, b = -4, every Value labelled."""
    w, x, b = (
        Value(3.0, label="w"),
        Value(2.0, label="x"),
        Value(-4.0, label="b"),
    )
    p = w * x
    p.label = "p"
    z = p + b
    z.label = "z"
    L = z**2
    L.label = "L"
    return L


def draw():
    L = worked_example()
    L.backward()
    fig, ax = new_figure(figsize=(6.4, 2.3))
    fig.set_layout_engine("none")
    ax.set_position((0, 0, 1, 1))
    draw_graph(L, ax=ax, local_grads=True)
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
