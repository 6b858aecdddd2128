"""Sliding the threshold
=====================

An animation in two panels, one frame per threshold tau on the
log-density of the multivariate Gaussian fitted to the unit's servers, from
-7 (strict) down to -19 (lenient). On top, the 220 validation readings,
power draw in watts against temperature in degrees Celsius: normal ones as
blue circles, anomalies as orange triangles, and a black ellipse, the curve
where the log-density equals tau. Readings outside the ellipse are flagged
and drawn with a thick black ring. Below, precision (blue), recall (orange,
dashed) and F1 (green, dotted) of the anomaly class against tau, with a
vertical line at the frame's tau and a grey dotted line at the threshold
the package chooses, where F1 is highest. At -7 the ellipse is small:
80 of the 200 normal readings are flagged with all twenty anomalies, and
precision is 0.20. As tau falls the ellipse grows and the false alarms
disappear one by one while recall stays at 1. F1 peaks at the package's
threshold, about -12.0, where 21 readings are flagged: the twenty
anomalies and one normal reading (precision 0.95). Just below it the
ellipse starts to swallow the anomalies nearest the cloud and recall
falls; precision reaches 1 only near -13, with recall down to 0.90, and
at -19 the 14 readings flagged are all anomalies (recall 0.70). The title
gives tau, the number flagged and the three scores.
"""

# %%
import numpy as np

from skratch.anomaly import GaussianAnomalyDetector
from skratch.figures import COLORS, MARKERS, Animation, new_figure, save_cli
from skratch.figures.plot_anomaly_detection_servers import (
    LIMITS,
    make_servers,
)

TAUS = np.linspace(-7, -19, 25)


def scores_at(log_density, is_anomaly, tau):
    """Number flagged, precision, recall and F1 when log p < tau flags."""
    flagged = log_density < tau
    tp = np.sum(flagged & is_anomaly)
    precision = tp / flagged.sum() if flagged.any() else np.nan
    recall = tp / is_anomaly.sum()
    f1 = 2 * tp / (flagged.sum() + is_anomaly.sum())
    return flagged.sum(), precision, recall, f1


def ellipse(model, tau, n_points=200):
    """The curve log p(x) = tau of a full-covariance model."""
    d = len(model.mean_)
    _, log_det = np.linalg.slogdet(model.covariance_)
    # log p = -1/2 (d log 2 pi + log det + m^2) = tau, solved for m^2
    m2 = -2 * tau - d * np.log(2 * np.pi) - log_det
    t = np.linspace(0, 2 * np.pi, n_points)
    circle = np.sqrt(max(m2, 0)) * np.vstack([np.cos(t), np.sin(t)])
    L = np.linalg.cholesky(model.covariance_)
    return (model.mean_[:, None] + L @ circle).T  # (n_points, 2)


def draw():
    X_train, X_val, y_val, _, _ = make_servers()
    model = GaussianAnomalyDetector(covariance_type="full").fit(
        X_train, X_val=X_val, y_val=y_val
    )
    log_density = model.score_samples(X_val)
    is_anomaly = y_val == -1
    fine = np.linspace(TAUS[0], TAUS[-1], 400)
    curves = np.array([scores_at(log_density, is_anomaly, t) for t in fine])

    # %%
    fig, (top, bottom) = new_figure(
        2, 1, figsize=(6.4, 6.6), height_ratios=(1.6, 1)
    )
    groups = []
    for k, (label, colour, mine) in enumerate(
        [
            ("normal", COLORS["blue"], ~is_anomaly),
            ("anomaly", COLORS["orange"], is_anomaly),
        ]
    ):
        groups.append(
            top.scatter(
                X_val[mine, 0],
                X_val[mine, 1],
                s=22 if k == 0 else 55,
                marker=MARKERS[k],
                color=colour,
                edgecolor="white",
                zorder=3 + k,
                label=label,
            )
        )
    (boundary,) = top.plot([], [], color=COLORS["black"], linewidth=1.6)
    top.set(
        xlim=LIMITS["x"],
        ylim=LIMITS["y"],
        xlabel="power (W)",
        ylabel="temperature (°C)",
    )
    top.legend(loc="upper left", handletextpad=0.2)

    styles = [
        ("precision", COLORS["blue"], "-"),
        ("recall", COLORS["orange"], "--"),
        ("F1", COLORS["green"], ":"),
    ]
    for column, (label, colour, style) in enumerate(styles, start=1):
        bottom.plot(
            fine,
            curves[:, column],
            style,
            color=colour,
            linewidth=2.2,
            label=label,
        )
    bottom.axvline(
        model.threshold_, color=COLORS["grey"], linestyle=":", linewidth=1.5
    )
    now = bottom.axvline(TAUS[0], color=COLORS["black"], linewidth=1.2)
    bottom.set(
        xlim=(TAUS[0], TAUS[-1]),
        ylim=(0, 1.05),
        xlabel="threshold $\\tau$ on the log-density",
        ylabel="score",
    )
    bottom.legend(loc="lower left", ncols=3, bbox_to_anchor=(0, 1.0))
    title = fig.suptitle("", fontsize=11)

    def update(frame):
        tau = TAUS[frame]
        boundary.set_data(*ellipse(model, tau).T)
        flagged = log_density < tau
        for group, mine in zip(groups, [~is_anomaly, is_anomaly]):
            group.set_edgecolor(
                ["black" if f else "white" for f in flagged[mine]]
            )
            group.set_linewidth([1.8 if f else 0.5 for f in flagged[mine]])
        now.set_xdata([tau, tau])
        n, precision, recall, f1 = scores_at(log_density, is_anomaly, tau)
        title.set_text(
            f"$\\tau$ = {tau:.1f}: {n} flagged, precision {precision:.2f},"
            f" recall {recall:.2f}, F1 {f1:.2f}"
        )

    update(len(TAUS) - 1)
    # Lay the figure out once and keep it: only artists change per frame.
    fig.canvas.draw()
    fig.set_layout_engine("none")
    return Animation(
        fig,
        update,
        n_frames=len(TAUS),
        interval=500,
        labels=[f"tau = {t:.1f}" for t in TAUS],
    )


if __name__ == "__main__":
    save_cli(draw, __file__)
