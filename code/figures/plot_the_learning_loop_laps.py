"""The learning loop, lap after lap
===================================

An animation in two panels. On the left, five houses as dots, floor area
(square metres) across and sale price (thousands of dollars) up, and the
current rule "price = w x area" as a line, with a thin vertical segment from
each house to the line showing the error. The rule starts too low (w = 2.5,
2,500 dollars per square metre) and, lap after lap, swings up into the dots.
On the right, the average error in thousands of dollars after each lap, as
bars: 50, 25, 12.5, about 6, then levelling off at 4 from lap 4 on, the few
thousand dollars by which the houses stray from any single straight rule.
The title, on two lines, gives the lap and the current w, then the average
error.
"""

# %%
import numpy as np

from skratch.figures import COLORS, Animation, new_figure, save_cli

AREAS = np.array([50.0, 80.0, 100.0, 120.0, 150.0])  # square metres
PRICES = np.array([155.0, 235.0, 300.0, 365.0, 445.0])  # $ thousands
START = 2.5  # first guess of w: $2,500 per square metre
NUDGE = 0.5  # the nudge size (learning rate)
LAPS = 10


def run_loop(w, nudge, laps):
    """Guess, check, nudge, repeat: return w and the average error (in $
    thousands) at each lap."""
    ws, errors = [w], [np.mean(np.abs(PRICES - w * AREAS))]
    for _ in range(laps):
        error = np.mean(
            PRICES - w * AREAS
        )  # average signed error: positive = guesses too low
        w = w + nudge * error / np.mean(
            AREAS
        )  # dollars of error -> dollars per square metre
        ws.append(w)
        errors.append(np.mean(np.abs(PRICES - w * AREAS)))
    return np.array(ws), np.array(errors)


def draw():
    ws, errors = run_loop(START, NUDGE, LAPS)
    fig, (left, right) = new_figure(1, 2, figsize=(6.4, 3.9))

    # %%
    # Left: the houses, the current rule and its errors.
    left.scatter(
        AREAS,
        PRICES,
        s=70,
        color=COLORS["orange"],
        edgecolor="black",
        zorder=3,
    )
    xs = np.array([0.0, 170.0])
    (line,) = left.plot(xs, ws[0] * xs, color=COLORS["blue"], linewidth=2.5)
    segments = left.vlines(
        AREAS, PRICES, ws[0] * AREAS, color=COLORS["red"], linewidth=2
    )
    left.set(
        xlim=(0, 170),
        ylim=(0, 520),
        xlabel="area (m²)",
        ylabel="price ($ thousands)",
        xticks=[0, 50, 100, 150],
    )

    # %%
    # Right: the average error after each lap, revealed one bar per frame.
    bars = right.bar(np.arange(LAPS + 1), errors, color=COLORS["blue"])
    right.set(
        xlabel="lap",
        ylabel="average error ($ thousands)",
        xticks=range(0, LAPS + 1, 2),
        ylim=(0, errors[0] * 1.15),
    )
    title = fig.suptitle("", fontsize=12)

    def update(frame):
        w = ws[frame]
        line.set_ydata(w * xs)
        segments.set_segments(
            [[(a, p), (a, w * a)] for a, p in zip(AREAS, PRICES)]
        )
        for k, bar in enumerate(bars):
            bar.set_visible(k <= frame)
        title.set_text(
            f"lap {frame}:  price = {w:.3f} x area\n"
            f"average error {errors[frame]:.1f} thousand dollars"
        )

    update(LAPS)
    labels = [f"lap {k}" for k in range(LAPS + 1)]
    return Animation(
        fig, update, n_frames=LAPS + 1, interval=700, labels=labels
    )


if __name__ == "__main__":
    save_cli(draw, __file__)
