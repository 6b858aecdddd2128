"""Draw the computational graph of a scalar ``Value``, left (inputs) to right (output).

Each Value is a box showing its label and the operation that made it, its ``data`` and
its ``grad``; arrows run from each input to the Value computed from it. Values are
placed in columns by depth (the length of the longest path from a leaf, with each
leaf moved right to just before its first use), so the picture reads like the forward
pass, and the backward pass runs right to left along the same arrows. Optionally each
arrow carries its *local derivative*, d(node)/d(input), the factor the chain rule
multiplies along it.

The boxes are sized by their text, and the figure is laid out in inches, so a graph
drawn at a readable font size stays readable at any figure size that holds it.

matplotlib is an optional dependency (``pip install skratch[figures]``): it is imported
only when a graph is drawn.

Read more in the book: Automatic differentiation
<https://skratch-ml.github.io/skratch/book/neural-networks/autograd.html>
"""

from ._value import _topological_order

__all__ = ["draw_graph"]


def _layout(root):
    # depth(leaf) = 0, depth(node) = 1 + max depth of its inputs: columns left to right.
    # A leaf then moves to the column just before its first use, so its arrow is short.
    order = _topological_order(root)
    depth, users = {}, {}
    for node in order:
        depth[id(node)] = 1 + max((depth[id(c)] for c in node._prev), default=-1)
        for child in node._prev:
            users.setdefault(id(child), []).append(node)
    for node in order:
        if not node._prev and id(node) in users:
            depth[id(node)] = min(depth[id(u)] for u in users[id(node)]) - 1
    columns = {}
    for node in order:
        columns.setdefault(depth[id(node)], []).append(node)
    position = {}
    for column, nodes in columns.items():
        for row, node in enumerate(nodes):
            position[id(node)] = (column, (len(nodes) - 1) / 2 - row)  # centred
    return order, position


def _local_derivatives(node):
    """d(node)/d(child) for each input of ``node``, from its own ``_backward``.

    Seeding ``node.grad = 1`` with the inputs' gradients at zero, one call of the
    node's backward closure leaves exactly the local derivatives in its inputs. The
    gradients are put back as they were.
    """
    saved = {id(n): n.grad for n in (node, *node._prev)}
    for child in node._prev:
        child.grad = 0.0
    node.grad = 1.0
    node._backward()
    local = [child.grad for child in node._prev]
    for n in (node, *node._prev):
        n.grad = saved[id(n)]
    return local


def draw_graph(root, *, figsize=None, show_grad=True, local_grads=False,
               fontsize=10.5, ax=None):
    """Draw the computational graph that produced ``root``.

    Parameters
    ----------
    root : Value
        The output (usually the loss). Every Value it depends on is drawn.
    figsize : tuple of float or None, default=None
        Figure size in inches; by default it grows with the graph (1.7 inches a
        column, 0.95 inches a row). Ignored when ``ax`` is given.
    show_grad : bool, default=True
        Show each node's ``grad`` (call ``root.backward()`` first to fill them).
    local_grads : bool, default=False
        Write on each arrow the local derivative d(node)/d(input).
    fontsize : float, default=10.5
        Size of the text, in points.
    ax : matplotlib.axes.Axes or None, default=None
        Draw into these axes (their limits are set to the figure's size in inches);
        by default a new figure is made.

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
    order, position = _layout(root)
    n_columns = 1 + max(x for x, _ in position.values())
    n_rows = 1 + max(
        sum(1 for p in position.values() if p[0] == column)
        for column in range(n_columns)
    )
    if ax is None:
        from matplotlib.figure import Figure

        if figsize is None:
            figsize = (1.7 * n_columns, 0.95 * n_rows + 0.2)
        fig = Figure(figsize=figsize)
        ax = fig.add_axes((0, 0, 1, 1))
    fig = ax.figure
    # One data unit is one inch of the axes, so the layout is in inches.
    bbox = ax.get_position()
    width = bbox.width * fig.get_figwidth()
    height = bbox.height * fig.get_figheight()
    ax.set_axis_off()
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    column_w = width / n_columns
    row_h = min(0.95, height / n_rows)

    boxes = {}
    for node in order:
        column, row = position[id(node)]
        op = f"({node._op})" if node._prev else ""
        head = " ".join(part for part in (node.label, op) if part)
        text = (f"{head}\n" if head else "") + f"data {node.data:.4g}"
        if show_grad:
            text += f"\ngrad {node.grad:.4g}"
        boxes[id(node)] = ax.text(
            column_w * (column + 0.5), height / 2 + row_h * row, text,
            ha="center", va="center", fontsize=fontsize, family="monospace",
            bbox={"boxstyle": "round,pad=0.3", "facecolor": "#f2f2f2",
                  "edgecolor": "#333333"},
        )

    # Arrows from box edge to box edge: measure the boxes first (in inches).
    fig.draw_without_rendering()
    to_data = ax.transData.inverted()
    extent = {
        key: to_data.transform(box.get_bbox_patch().get_window_extent())
        for key, box in boxes.items()
    }
    for node in order:
        if not node._prev:
            continue
        (x0, y0), (_, y1) = extent[id(node)]
        local = _local_derivatives(node) if local_grads else None
        for k, child in enumerate(node._prev):
            (_, c0), (cx1, c1) = extent[id(child)]
            start, end = (cx1, (c0 + c1) / 2), (x0, (y0 + y1) / 2)
            ax.annotate("", xy=end, xytext=start, arrowprops={
                "arrowstyle": "->", "color": "#555555", "lw": 1.3,
                "shrinkA": 1, "shrinkB": 1})
            if local is not None:
                middle = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
                ax.text(*middle, f"{local[k]:.3g}", ha="center", va="center",
                        fontsize=fontsize, color="#A04000",
                        bbox={"boxstyle": "round,pad=0.15",
                              "facecolor": "white", "edgecolor": "none"})
    return fig
