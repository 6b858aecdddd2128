"""Draw the computational graph of a scalar ``Value``, left (inputs) to right (output).

Each Value is a box showing its label, ``data`` and ``grad``; the operation that made it
sits in a small circle just to its left, with arrows from its inputs. Inputs are placed
by depth (the length of the longest path from a leaf), so the picture reads like the
forward pass, and the backward pass runs right to left along the same arrows.

matplotlib is an optional dependency (``pip install skratch[figures]``): it is imported
only when a graph is drawn.

Read more in the book: Automatic differentiation
<https://skratch-ml.github.io/skratch/book/neural-networks/autograd.html>
"""

from ._value import _topological_order

__all__ = ["draw_graph"]


def _layout(root):
    # depth(leaf) = 0, depth(node) = 1 + max depth of its inputs: columns left to right.
    # Within a column, nodes are stacked in the order they were reached.
    order = _topological_order(root)
    depth = {}
    for node in order:
        depth[id(node)] = 1 + max((depth[id(c)] for c in node._prev), default=-1)
    columns = {}
    for node in order:
        columns.setdefault(depth[id(node)], []).append(node)
    position = {}
    for column, nodes in columns.items():
        for row, node in enumerate(nodes):
            position[id(node)] = (column, (len(nodes) - 1) / 2 - row)  # centred column
    return order, position


def draw_graph(root, *, figsize=None, show_grad=True):
    """Draw the computational graph that produced ``root``.

    Parameters
    ----------
    root : Value
        The output (usually the loss). Every Value it depends on is drawn.
    figsize : tuple of float or None, default=None
        Figure size in inches; by default it grows with the graph.
    show_grad : bool, default=True
        Show each node's ``grad`` (call ``root.backward()`` first to fill them).

    Returns
    -------
    fig : matplotlib.figure.Figure
        The drawing (not shown; display it in a notebook or save it).

    Examples
    --------
    >>> from skratch.autograd import Value, draw_graph
    >>> a, b = Value(2.0, label="a"), Value(-3.0, label="b")
    >>> loss = (a * b).tanh()
    >>> loss.backward()
    >>> fig = draw_graph(loss)
    >>> len(fig.axes)
    1
    """
    from matplotlib.figure import Figure
    from matplotlib.patches import Circle, FancyBboxPatch

    order, position = _layout(root)
    n_columns = 1 + max(x for x, _ in position.values())
    n_rows = 1 + max(
        sum(1 for p in position.values() if p[0] == column) for column in range(n_columns)
    )
    if figsize is None:
        figsize = (max(4.0, 2.6 * n_columns), max(2.0, 1.1 * n_rows))
    fig = Figure(figsize=figsize)
    ax = fig.add_subplot()
    ax.set_axis_off()

    spacing_x, spacing_y = 3.0, 1.2
    box_w, box_h, op_r = 1.5, 0.75, 0.22
    centre = {key: (spacing_x * x, spacing_y * y) for key, (x, y) in position.items()}

    for node in order:
        x, y = centre[id(node)]
        text = f"{node.label}\n" if node.label else ""
        text += f"data {node.data:.4g}"
        if show_grad:
            text += f"\ngrad {node.grad:.4g}"
        ax.add_patch(FancyBboxPatch(
            (x - box_w / 2, y - box_h / 2), box_w, box_h,
            boxstyle="round,pad=0.05", facecolor="#f2f2f2", edgecolor="#333333",
        ))
        ax.text(x, y, text, ha="center", va="center", fontsize=8, family="monospace")
        if not node._prev:
            continue
        # The operation's circle, left of the box; arrows from each input to it.
        op_x = x - box_w / 2 - 0.55
        ax.add_patch(Circle((op_x, y), op_r, facecolor="#dde8f6", edgecolor="#333333"))
        ax.text(op_x, y, node._op, ha="center", va="center", fontsize=7)
        ax.annotate("", xy=(x - box_w / 2 - 0.05, y), xytext=(op_x + op_r, y),
                    arrowprops={"arrowstyle": "->", "color": "#333333"})
        for child in node._prev:
            cx, cy = centre[id(child)]
            ax.annotate("", xy=(op_x - op_r, y), xytext=(cx + box_w / 2 + 0.05, cy),
                        arrowprops={"arrowstyle": "->", "color": "#777777"})

    xs = [c[0] for c in centre.values()]
    ys = [c[1] for c in centre.values()]
    ax.set_xlim(min(xs) - box_w, max(xs) + box_w)
    ax.set_ylim(min(ys) - box_h, max(ys) + box_h)
    ax.set_aspect("equal")
    return fig
