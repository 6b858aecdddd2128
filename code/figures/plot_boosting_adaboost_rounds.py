"""AdaBoost, round by round
=========================

An animation of twenty rounds of AdaBoost with decision stumps on thirty
points of two interleaved half-moons: class 0 as blue circles, class 1 as
orange triangles, over two features x1 (horizontal) and x2 (vertical). In
each frame the area of a point is proportional to its weight at the start of
the round, the dashed line is the split of that round's stump, and the two
sides of the split are shaded light blue (the stump says class 0) and light
yellow (class 1). Points the stump gets wrong are drawn with a thick black
edge. In round 1 all points are the same size; from round to round the
points that were misclassified swell and the correctly classified ones
shrink, so the heavy points end up along the boundary between the moons,
where every stump must be careful. The title gives the round, the stump's
weighted error, its vote and the training error of the vote of all the
stumps so far.
"""

# %%
import numpy as np
from sklearn.datasets import make_moons

from skratch.ensemble import AdaBoostClassifier
from skratch.figures import COLORS, MARKERS, Animation, new_figure, save_cli

N_ROUNDS = 20
LIMITS = {"x": (-1.6, 2.6), "y": (-1.2, 1.7)}


def replay(ada, X, y):
    """The weights psi_t at the start of each round, from the votes."""
    psi = np.full(len(y), 1 / len(y))
    weights = []
    for stump, alpha in zip(ada.estimators_, ada.estimator_weights_):
        weights.append(psi)
        wrong = stump.predict(X) != y
        psi = psi * np.exp(alpha * wrong)  # the package's (SAMME's) update
        psi = psi / psi.sum()
    return weights


def draw():
    X, y = make_moons(n_samples=30, noise=0.25, random_state=1)
    ada = AdaBoostClassifier(n_estimators=N_ROUNDS, random_state=0)
    ada.fit(X, y)
    weights = replay(ada, X, y)
    staged = list(ada.staged_predict(X))

    # %%
    fig, ax = new_figure(figsize=(6.4, 4.0))
    # the two sides of the split, as polygons reshaped in every frame
    (side_a,) = ax.fill([0, 0, 1], [0, 1, 0], lw=0)
    (side_b,) = ax.fill([0, 0, 1], [0, 1, 0], lw=0)
    (split,) = ax.plot([], [], "--", color=COLORS["grey"], linewidth=1.5)
    groups = []
    for k, colour in enumerate([COLORS["blue"], COLORS["orange"]]):
        mine = y == k
        groups.append(
            ax.scatter(
                X[mine, 0],
                X[mine, 1],
                s=60,
                marker=MARKERS[k],
                color=colour,
                edgecolor="white",
                zorder=3,
                label=f"class {k}",
            )
        )
    ax.set(
        xlim=LIMITS["x"], ylim=LIMITS["y"], xlabel="$x_1$", ylabel="$x_2$"
    )
    fig.legend(loc="outside lower center", ncols=2)
    title = ax.set_title("", loc="left")

    def update(frame):
        stump = ada.estimators_[frame]
        feature = stump.tree_.feature[0]
        tau = stump.tree_.threshold[0]
        # which class the stump predicts on the low side of its split
        low = np.zeros((1, 2))
        low[0, feature] = tau - 1.0
        low_class = stump.predict(low)[0]
        colours = [COLORS["sky"], COLORS["yellow"]]
        alphas = [0.25, 0.3]
        for patch, c in ((side_a, low_class), (side_b, 1 - low_class)):
            patch.set_color(colours[c])
            patch.set_alpha(alphas[c])
        lo, hi = tau - 20, tau + 20
        corners = (
            [[lo, lo], [lo, hi], [tau, hi], [tau, lo]]
            if feature == 0
            else [[lo, lo], [lo, tau], [hi, tau], [hi, lo]]
        )
        side_a.set_xy(corners)
        corners = (
            [[tau, lo], [tau, hi], [hi, hi], [hi, lo]]
            if feature == 0
            else [[lo, tau], [lo, hi], [hi, hi], [hi, tau]]
        )
        side_b.set_xy(corners)
        if feature == 0:
            split.set_data([tau, tau], [lo, hi])
        else:
            split.set_data([lo, hi], [tau, tau])
        wrong = stump.predict(X) != y
        for k, group in enumerate(groups):
            mine = y == k
            # area proportional to the weight; a floor keeps light ones seen
            group.set_sizes(np.maximum(1500 * weights[frame][mine], 6))
            group.set_edgecolor(
                ["black" if w else "white" for w in wrong[mine]]
            )
            group.set_linewidth([2.0 if w else 0.5 for w in wrong[mine]])
        error = np.mean(staged[frame] != y)
        title.set_text(
            f"round {frame + 1}: $e_{{{frame + 1}}}$ = "
            f"{ada.estimator_errors_[frame]:.2f},"
            f" vote {ada.estimator_weights_[frame]:.2f};"
            f" all so far: {error:.0%} wrong"
        )

    update(N_ROUNDS - 1)
    # Lay the figure out once and keep that layout for every frame.
    fig.canvas.draw()
    fig.set_layout_engine("none")
    labels = [f"round {t + 1}" for t in range(N_ROUNDS)]
    return Animation(
        fig, update, n_frames=N_ROUNDS, interval=600, labels=labels
    )


if __name__ == "__main__":
    save_cli(draw, __file__)
