"""The dot product as lengths and an angle
=========================================

Two arrows drawn from the origin of a grid: u = (3, 1) in blue and v =
(1, 2) in orange, with the angle between them marked by an arc of about
45 degrees. A dashed grey segment drops from the tip of v at a right angle
onto the line through u; where it lands, a green arrow along u shows the
projection of v onto u, of length 1.58. The dot product u . v = 5 is the
length of u (3.16) times the length of that projection.
"""

# %%
import numpy as np

from skratch.figures import COLORS, new_figure, save_cli


def draw():
    u = np.array([3.0, 1.0])
    v = np.array([1.0, 2.0])
    # The projection of v onto u: (u . v / u . u) u.
    projection = (u @ v) / (u @ u) * u
    angle = np.degrees(
        np.arccos(u @ v / np.linalg.norm(u) / np.linalg.norm(v))
    )

    fig, ax = new_figure(figsize=(6.4, 4.0))
    arrow = {
        "angles": "xy",
        "scale_units": "xy",
        "scale": 1,
        "width": 0.012,
        "zorder": 3,
    }
    ax.quiver(0, 0, *u, color=COLORS["blue"], **arrow)
    ax.quiver(0, 0, *v, color=COLORS["orange"], **arrow)
    ax.quiver(0, 0, *projection, color=COLORS["green"], **arrow)
    ax.plot(
        [v[0], projection[0]],
        [v[1], projection[1]],
        "--",
        color=COLORS["grey"],
        linewidth=1.5,
    )

    # %%
    # The angle as an arc, from u's direction to v's.
    start = np.arctan2(u[1], u[0])
    stop = np.arctan2(v[1], v[0])
    arc = np.linspace(start, stop, 40)
    ax.plot(0.7 * np.cos(arc), 0.7 * np.sin(arc), color=COLORS["black"])
    ax.text(0.85, 0.62, f"{angle:.0f}°")

    ax.text(3.05, 0.8, "u = (3, 1)", color=COLORS["blue"], va="top")
    ax.text(1.05, 2.05, "v = (1, 2)", color=COLORS["orange"])
    ax.text(
        1.6,
        0.2,
        "projection of v on u",
        color=COLORS["green"],
        va="top",
    )
    ax.set(
        xlim=(-0.3, 4.6),
        ylim=(-0.6, 2.6),
        aspect="equal",
        title=f"u · v = {u @ v:.0f} = |u| × (length of the projection)",
    )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
