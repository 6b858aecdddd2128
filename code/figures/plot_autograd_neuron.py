"""The computational graph of a neuron, after the backward pass
===========================================================

A diagram read from left to right: six grey boxes joined by arrows, one
box per number computed on the way to the output of a neuron with one
input, L = tanh(w x + b), with x = 1.5, w = -0.5 and b = 1. The inputs x
and w feed the box wx (the product, -0.75); it and b feed the box n (the
sum, 0.25), which feeds L (tanh, 0.2449). Each box shows its name, the
operation that made it, its value (data) and, after L.backward(), its
gradient (grad), the derivative of L with respect to that box: 1 for L,
0.94 for n, wx and b (tanh passes on 1 - 0.2449 squared), 1.41 for w
(0.94 times x) and -0.47 for x (0.94 times w). The forward pass runs along
the arrows, the backward pass against them.
"""

# %%
from skratch.autograd import Value, draw_graph
from skratch.figures import new_figure, save_cli


def neuron():
    """L = tanh(w x + b) on the unit's numbers, every Value labelled."""
    x, w, b = (
        Value(1.5, label="x"),
        Value(-0.5, label="w"),
        Value(1.0, label="b"),
    )
    wx = w * x
    wx.label = "wx"
    n = wx + b
    n.label = "n"
    L = n.tanh()
    L.label = "L"
    return L


def draw():
    L = neuron()
    L.backward()
    fig, ax = new_figure(figsize=(6.4, 2.3))
    fig.set_layout_engine("none")
    ax.set_position((0, 0, 1, 1))
    draw_graph(L, ax=ax)
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
