"""A softmax classifier's decision regions
=========================================

Three classes of 40 points each in the plane (class 1 blue circles, class 2
orange triangles, class 3 green squares), drawn from three overlapping
round clouds, and the regions where a linear softmax classifier, trained
by plain gradient descent on the mean cross-entropy with the gradient
p - y, predicts each class (the same colours, pale). The boundaries
between regions are straight lines meeting at one point, since each is
where two linear scores are equal. The darker the background, the more
confident the model: the shading is the largest probability, which is
near 1 far from the boundaries and near 1/2 (or 1/3 where the three meet)
close to them. The title gives the final mean loss and the training
accuracy.
"""

# %%
import numpy as np

from skratch.figures import COLORS, MARKERS, new_figure, save_cli

CENTRES = np.array([[-1.5, -1.0], [1.5, -1.0], [0.0, 1.5]])


def make_three_clouds(n_per_class=40, seed=0):
    """Three round Gaussian clouds in 2-D: X (3 n, 2), y in 0, 1, 2."""
    rng = np.random.default_rng(seed)
    X = np.vstack([c + rng.normal(size=(n_per_class, 2)) for c in CENTRES])
    y = np.repeat(np.arange(3), n_per_class)
    return X, y


def fit_softmax_regression(X, y, learning_rate=0.5, n_iter=300):
    """Gradient descent on the mean cross-entropy of softmax(X W + b)."""
    n, K = len(y), y.max() + 1
    W, b = np.zeros((X.shape[1], K)), np.zeros(K)
    Y = np.eye(K)[y]  # one-hot targets, (n, K)
    for _ in range(n_iter):
        Z = X @ W + b
        P = np.exp(Z - Z.max(axis=1, keepdims=True))
        P /= P.sum(axis=1, keepdims=True)
        G = (P - Y) / n  # gradient of the mean loss w.r.t. the logits
        W -= learning_rate * X.T @ G
        b -= learning_rate * G.sum(axis=0)
    return W, b


def mean_cross_entropy(Z, y):
    """Mean of logsumexp(z_i) - z_{i, y_i}, computed stably."""
    m = Z.max(axis=1, keepdims=True)
    lse = m[:, 0] + np.log(np.exp(Z - m).sum(axis=1))
    return np.mean(lse - Z[np.arange(len(y)), y])


def draw():
    X, y = make_three_clouds()
    W, b = fit_softmax_regression(X, y)
    Z = X @ W + b
    loss = mean_cross_entropy(Z, y)
    accuracy = np.mean(Z.argmax(axis=1) == y)

    # %%
    g1, g2 = np.meshgrid(np.linspace(-5, 5, 301), np.linspace(-4.5, 5, 301))
    grid = np.column_stack([g1.ravel(), g2.ravel()])
    Zg = grid @ W + b
    Pg = np.exp(Zg - Zg.max(axis=1, keepdims=True))
    Pg /= Pg.sum(axis=1, keepdims=True)
    pred, conf = Pg.argmax(axis=1), Pg.max(axis=1)
    colors = [COLORS["blue"], COLORS["orange"], COLORS["green"]]

    fig, ax = new_figure(figsize=(6.4, 5.6))
    from matplotlib.colors import to_rgb

    rgb = np.array([to_rgb(c) for c in colors])[pred]
    alpha = 0.12 + 0.45 * (conf - 1 / 3) / (2 / 3)
    image = np.concatenate([rgb, alpha[:, None]], axis=1)
    ax.imshow(
        image.reshape(301, 301, 4),
        origin="lower",
        extent=(-5, 5, -4.5, 5),
        aspect="auto",
        interpolation="nearest",
    )
    for k in range(3):
        ax.scatter(
            *X[y == k].T,
            s=45,
            marker=MARKERS[k],
            color=colors[k],
            edgecolor=COLORS["black"],
            linewidth=0.7,
            label=f"class {k + 1}",
            zorder=3,
        )
    ax.set(xlabel="feature 1", ylabel="feature 2", xlim=(-5, 5))
    ax.set_title(f"mean loss {loss:.3f}, training accuracy {accuracy:.3f}")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), ncols=3)
    ax.grid(False)
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
