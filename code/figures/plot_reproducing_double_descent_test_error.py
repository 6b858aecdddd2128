"""Double descent on the digits: test error against the number of features
==========================================================================

Two panels stacked, sharing a logarithmic horizontal axis: the number of
random Fourier features M, from 10 to 4,000, of a minimum-norm
least-squares fit to n = 400 handwritten digits (one output per class).
Top: the test zero-one loss in percent, on a logarithmic scale; bottom:
the test squared loss, also logarithmic. Five thin lines are five draws
of the features and the thick line with circles their median. Both
panels show a shallow U, down to about 6% error near M = 200, then a
sharp peak at the dashed vertical line M = n = 400 (about 85% error),
then a second descent to about 2%, level with the dotted horizontal line
of the kernel interpolant, the limit of infinitely many features. The
five draws of the squared loss agree except at the peak, where they
spread over three orders of magnitude.
"""

# %%
from functools import lru_cache

import numpy as np
from sklearn.datasets import load_digits
from threadpoolctl import threadpool_limits

from skratch.figures import COLORS, MARKERS, new_figure, save_cli
from skratch.kernel_ridge import KernelRidge
from skratch.model_selection import train_test_split

N_TRAIN = 400  # n, training images
N_VAL = 400  # validation images, used only to choose a ridge penalty
N_CLASSES = 10  # K
WIDTHS = np.array(
    [10, 20, 40, 60, 100, 150, 200, 250, 300, 350, 380, 400]
    + [420, 450, 500, 600, 800, 1000, 1500, 2000, 3000, 4000]
)
N_SEEDS = 5  # independent draws of the random features
PENALTIES = np.logspace(-6, 1, 15)  # the ridge grid, 1e-6 to 10


def digits_split():
    """Train, validation and test images (pixels in [0, 1]) and labels."""
    X, y = load_digits(return_X_y=True)
    X = X / 16.0  # the pixels are 0..16
    X_train, X_rest, y_train, y_rest = train_test_split(
        X, y, train_size=N_TRAIN, random_state=0, stratify=y
    )
    X_val, X_test, y_val, y_test = train_test_split(
        X_rest, y_rest, train_size=N_VAL, random_state=0, stratify=y_rest
    )
    return X_train, X_val, X_test, y_train, y_val, y_test


def bandwidth(X):
    """gamma = 1 / (d Var[X]), scikit-learn's gamma="scale"."""
    return 1.0 / (X.shape[1] * X.var())


def draw_features(n_inputs, n_features, gamma, random_state):
    """Frequencies xi_j ~ N(0, 2 gamma I); phases vartheta_j ~ U[0, 2pi)."""
    rng = np.random.default_rng(random_state)
    xi = rng.normal(0.0, np.sqrt(2 * gamma), (n_inputs, n_features))
    phase = rng.uniform(0.0, 2 * np.pi, n_features)
    return xi, phase


def rff(X, xi, phase):
    """phi_j(x) = sqrt(2 / M) cos(xi_j . x + vartheta_j), a column per j."""
    return np.sqrt(2.0 / xi.shape[1]) * np.cos(X @ xi + phase)


def one_hot(y):
    """Row i is the indicator of class y_i: the K targets of example i."""
    return np.eye(N_CLASSES)[y]


def losses(P, y):
    """Zero-one loss of the argmax, and the squared loss summed over K."""
    zero_one = np.mean(P.argmax(axis=1) != y)
    squared = np.mean(np.sum((P - one_hot(y)) ** 2, axis=1))
    return zero_one, squared


def fit_path(Phi, Y, penalties):
    """Weights for lambda = 0 (minimum norm) and every penalty.

    One eigendecomposition of the smaller Gram matrix serves every
    penalty. For M >= n, Phi Phi^T = U diag(nu) U^T and
    W = Phi^T U diag(1 / (nu + lambda)) U^T Y; for M < n,
    Phi^T Phi = V diag(nu) V^T and W = V diag(1 / (nu + lambda)) V^T
    Phi^T Y. Returns shape (M, (1 + len(penalties)) K): the K columns
    of lambda = 0 first, then those of each penalty in turn.
    """
    n, M = Phi.shape
    lams = np.concatenate([[0.0], penalties])  # (L,)
    wide = M >= n
    nu, U = np.linalg.eigh(Phi @ Phi.T if wide else Phi.T @ Phi)
    UtB = U.T @ (Y if wide else Phi.T @ Y)  # (n or M, K)
    scaled = UtB[:, None, :] / (nu[:, None, None] + lams[None, :, None])
    A = U @ scaled.reshape(len(nu), -1)  # (n or M, L K)
    return Phi.T @ A if wide else A


@lru_cache(maxsize=1)
# 110 eigendecompositions of at most 400 x 400: on one BLAS thread, as
# several threads on matrices this small mostly wait for each other
@threadpool_limits.wrap(limits=1, user_api="blas")
def sweep():
    """Every width, every seed: min-norm and tuned-ridge test losses.

    Returns a dict of arrays of shape (N_SEEDS, len(WIDTHS)): the test
    zero-one and squared losses, the Frobenius norm of W and the
    training squared loss of the minimum-norm fit; the same test losses
    for ridge with the penalty that minimises the validation squared
    loss, and that penalty.
    """
    X_train, X_val, X_test, y_train, y_val, y_test = digits_split()
    Y_train, Y_val = one_hot(y_train), one_hot(y_val)
    gamma = bandwidth(X_train)
    keys = ["zero_one", "squared", "norm", "train", "ridge_zero_one"]
    keys += ["ridge_squared", "penalty"]
    out = {key: np.zeros((N_SEEDS, len(WIDTHS))) for key in keys}
    K = N_CLASSES
    for seed in range(N_SEEDS):
        xi, phase = draw_features(X_train.shape[1], WIDTHS[-1], gamma, seed)
        # all WIDTHS[-1] features once; the first M, rescaled, are rff's
        full = [rff(Z, xi, phase) for Z in (X_train, X_val, X_test)]
        for i, M in enumerate(WIDTHS):
            scale = np.sqrt(WIDTHS[-1] / M)  # sqrt(2 / M) for M features
            Phi, Phi_val, Phi_test = (scale * F[:, :M] for F in full)
            W = fit_path(Phi, Y_train, PENALTIES)  # (M, 16 K)
            zero_one, squared = losses(Phi_test @ W[:, :K], y_test)
            out["zero_one"][seed, i] = zero_one
            out["squared"][seed, i] = squared
            out["norm"][seed, i] = np.linalg.norm(W[:, :K])
            out["train"][seed, i] = losses(Phi @ W[:, :K], y_train)[1]
            val = (Phi_val @ W[:, K:]).reshape(N_VAL, -1, K)  # (v, 15, K)
            val_loss = np.mean(
                np.sum((val - Y_val[:, None]) ** 2, axis=2), 0
            )
            best = np.argmin(val_loss)  # the lowest validation loss
            W_best = W[:, K * (1 + best) : K * (2 + best)]
            zero_one, squared = losses(Phi_test @ W_best, y_test)
            out["ridge_zero_one"][seed, i] = zero_one
            out["ridge_squared"][seed, i] = squared
            out["penalty"][seed, i] = PENALTIES[best]
    return out


@lru_cache(maxsize=1)
def kernel_limit():
    """The kernel interpolant (M -> infinity): test losses and norm."""
    X_train, _, X_test, y_train, _, y_test = digits_split()
    gamma = bandwidth(X_train)
    Y_train = one_hot(y_train)
    model = KernelRidge(alpha=0.0, kernel="rbf", gamma=gamma)
    model.fit(X_train, Y_train)
    zero_one, squared = losses(model.predict(X_test), y_test)
    # ||W||_F^2 -> trace(Y^T K^-1 Y) = sum of a_ik y_ik
    norm = np.sqrt(np.sum(model.dual_coef_ * Y_train))
    return zero_one, squared, norm


def _threshold(ax, y):
    ax.axvline(N_TRAIN, color="black", linestyle="--", linewidth=1.2)
    ax.annotate("$M = n$", xy=(N_TRAIN, y), xytext=(N_TRAIN * 1.12, y))


def draw():
    out = sweep()
    kernel = kernel_limit()
    fig, axes = new_figure(2, 1, figsize=(6.4, 6.8), sharex=True)
    panels = [
        (
            axes[0],
            100 * out["zero_one"],
            100 * kernel[0],
            "zero-one loss (%)",
        ),
        (axes[1], out["squared"], kernel[1], "squared loss"),
    ]
    for ax, values, limit, label in panels:
        for seed in range(N_SEEDS):
            ax.plot(
                WIDTHS,
                values[seed],
                color=COLORS["blue"],
                alpha=0.35,
                linewidth=1,
            )
        ax.plot(
            WIDTHS,
            np.median(values, axis=0),
            color=COLORS["blue"],
            marker=MARKERS[0],
            markersize=5,
            label="minimum norm, median of 5",
        )
        ax.axhline(
            limit,
            color=COLORS["orange"],
            linestyle=":",
            linewidth=2,
            label="kernel limit $M \\to \\infty$",
        )
        ax.set(ylabel=f"test {label}, log", yscale="log", xscale="log")
    axes[0].set_yticks(
        [2, 5, 10, 20, 50, 100], ["2", "5", "10", "20", "50", "100"]
    )
    _threshold(axes[0], 50)
    _threshold(axes[1], 1000)
    axes[1].set(xlabel="number of random Fourier features $M$, log")
    axes[1].legend(loc="upper left")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
