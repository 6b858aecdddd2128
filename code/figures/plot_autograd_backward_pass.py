"""The backward pass, one node at a time
======================================

An animation of five frames on the graph of the unit's worked example,
L = (w x + b) squared with w = 3, x = 2 and b = -4, drawn as grey boxes
joined by arrows from left (inputs) to right (output), each box showing its
value (data) and its gradient (grad). In the first frame the forward pass is
done and every grad is 0. In the second, the output is seeded: L's grad
becomes 1 (its box turns orange). Then the nodes pass their gradients back
in reverse topological order, the active one orange: L gives z its grad of
4 (2z times 1); z, a sum, passes 4 unchanged to p and to b; p, a product,
gives w 4 times x = 8 and x 4 times w = 12. The title says what the frame
does. The leaves w, x and b have nothing to pass on, so the last frame is
the finished backward pass.
"""

# %%
from skratch.autograd import _value, draw_graph
from skratch.figures import COLORS, Animation, new_figure, save_cli
from skratch.figures.plot_autograd_local_derivatives import worked_example


def snapshots(L):
    """Every node's grad, the active node and a title, frame by frame."""
    order = _value._topological_order(L)
    frames = [({}, None, "forward pass done: every grad is 0")]
    L.grad = 1.0
    frames.append(({id(L): 1.0}, L, "seed: dL/dL = 1"))
    for node in reversed(order):
        if not node._prev:
            continue  # a leaf passes nothing on
        node._backward()
        grads = {id(n): n.grad for n in order}
        inputs = " and ".join(c.label for c in node._prev)
        frames.append(
            (grads, node, f"{node.label} passes its grad to {inputs}")
        )
    return order, frames


def draw():
    L = worked_example()
    order, frames = snapshots(L)
    fig, ax = new_figure(figsize=(6.4, 2.7))
    fig.set_layout_engine("none")
    title = fig.text(0.5, 0.95, "", ha="center", va="top", fontsize=12)

    def update(i):
        grads, active, text = frames[i]
        for node in order:
            node.grad = grads.get(id(node), 0.0)
        ax.clear()
        ax.set_position((0, 0, 1, 0.86))
        draw_graph(L, ax=ax)
        if active is not None:
            box = ax.texts[order.index(active)]
            box.get_bbox_patch().set_facecolor(COLORS["orange"])
        title.set_text(f"Step {i + 1} of {len(frames)}: {text}")

    update(0)
    return Animation(
        fig,
        update,
        n_frames=len(frames),
        interval=1500,
        labels=[f"step {i + 1}" for i in range(len(frames))],
    )


if __name__ == "__main__":
    save_cli(draw, __file__)
