"""Project onto the principal axis: turn a candidate axis through the cloud
==========================================================================

An animation in two panels, one frame per angle of a candidate axis, from
0 to 172.5 degrees in steps of 7.5. On the left, forty centred points (blue
circles) in the plane, a straight line through the origin at the current
angle (orange), and the foot of each point on that line (small black
crosses), joined to its point by a thin grey segment. On the right, the
variance of the feet along the line against the angle: a grey wave with a
single hump, highest at 30 degrees (the first principal component) and
lowest at 120 degrees (the second); an orange dot marks the current
angle. At 30 degrees the feet spread out the most and the grey segments
are the shortest. The title gives the angle and the variance captured.
"""

# %%
import numpy as np
from skratch.figures import COLORS, Animation, new_figure, save_cli

ANGLES = np.arange(0, 180, 7.5)  # degrees: 24 frames, 30 among them
PC1_ANGLE = 30.0


def make_cloud(n_samples=40, random_state=0):
    """Forty centred points whose first principal axis is exactly at 30
    degrees, with variances near 4 and 0.5 along the two axes."""
    rng = np.random.default_rng(random_state)
    Z = rng.normal(size=(n_samples, 2)) * [2.0, 0.7]
    Z -= Z.mean(axis=0)
    # Rotate the sample's own principal axes onto 30 and 120 degrees.
    _, _, Vt = np.linalg.svd(Z, full_matrices=False)
    t = np.radians(PC1_ANGLE)
    target = np.array([[np.cos(t), np.sin(t)], [-np.sin(t), np.cos(t)]])
    return Z @ Vt.T @ target  # (n_samples, 2)


def variance_along(X_centred, degrees):
    """u^T C u for the unit vector u at each angle (in degrees)."""
    t = np.radians(degrees)
    U = np.column_stack([np.cos(t), np.sin(t)])  # (n_angles, 2)
    C = X_centred.T @ X_centred / (len(X_centred) - 1)
    return np.einsum("ai,ij,aj->a", U, C, U)


def draw():
    X = make_cloud()
    fine = np.linspace(0, 180, 361)
    curve = variance_along(X, fine)
    captured = variance_along(X, ANGLES)

    fig, (left, right) = new_figure(
        1, 2, figsize=(6.4, 3.6), width_ratios=[1, 1.15]
    )
    left.scatter(
        X[:, 0],
        X[:, 1],
        s=22,
        color=COLORS["blue"],
        edgecolor="white",
        linewidth=0.4,
        zorder=3,
    )
    (axis_line,) = left.plot([], [], color=COLORS["orange"], linewidth=2.2)
    segments = left.plot(
        np.zeros((2, len(X))),
        np.zeros((2, len(X))),
        color=COLORS["grey"],
        linewidth=0.7,
    )
    (feet,) = left.plot(
        [], [], "x", color=COLORS["black"], markersize=5, zorder=4
    )
    left.set(
        xlim=(-5.5, 5.5),
        ylim=(-5.5, 5.5),
        aspect="equal",
        xticks=[-4, 0, 4],
        yticks=[-4, 0, 4],
        xlabel="feature 1 (centred)",
        ylabel="feature 2 (centred)",
    )
    right.plot(fine, curve, color=COLORS["grey"], linewidth=1.5)
    (dot,) = right.plot(
        [], [], "o", color=COLORS["orange"], markersize=9, zorder=3
    )
    right.set(
        xlim=(0, 180),
        ylim=(0, 1.15 * curve.max()),
        xticks=[0, 30, 60, 90, 120, 150, 180],
        xlabel="angle of the axis (degrees)",
        ylabel="variance captured",
    )
    title = fig.suptitle("")

    def update(frame):
        t = np.radians(ANGLES[frame])
        u = np.array([np.cos(t), np.sin(t)])
        axis_line.set_data([-8 * u[0], 8 * u[0]], [-8 * u[1], 8 * u[1]])
        foot = np.outer(X @ u, u)  # (n_samples, 2)
        for line, x, f in zip(segments, X, foot):
            line.set_data([x[0], f[0]], [x[1], f[1]])
        feet.set_data(foot[:, 0], foot[:, 1])
        dot.set_data([ANGLES[frame]], [captured[frame]])
        title.set_text(
            f"angle = {ANGLES[frame]:g}°:"
            f"  variance captured = {captured[frame]:.2f}"
        )

    update(0)
    fig.canvas.draw()
    fig.set_layout_engine("none")
    labels = [f"angle = {a:g}°" for a in ANGLES]
    return Animation(
        fig, update, n_frames=len(ANGLES), interval=300, labels=labels
    )


if __name__ == "__main__":
    save_cli(draw, __file__)
