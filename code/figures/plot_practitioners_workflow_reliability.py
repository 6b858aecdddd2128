"""Reliability before and after calibration
==========================================

A reliability diagram of the unit's Chinstrap classifier. The horizontal
axis is the predicted probability that a penguin is a Chinstrap, the
vertical axis the fraction of the penguins with about that prediction that
really are Chinstraps; both run from 0 to 1, and the dashed diagonal is
perfect calibration. Each curve joins the points of five equal-width bins
of the out-of-fold predictions on the 258 training penguins. The
class-weighted logistic regression (orange circles) lies below the
diagonal in the middle and on the right: its predictions come true less
often than they claim (of the penguins it gives about 0.5, about one in
six is a Chinstrap), because the weights made it act as if Chinstraps were
as common as the rest. After Platt's sigmoid calibration (blue squares)
and isotonic calibration (green triangles) the points lie closer to the
diagonal, scattered on both sides of it.
"""

# %%
import numpy as np

from skratch.calibration import calibration_curve
from skratch.figures import COLORS, MARKERS, new_figure, save_cli
from skratch.figures.plot_practitioners_workflow_missing import (
    calibrated,
    make_model,
    out_of_fold,
    penguin_task,
    tuned_params,
)


def probabilities():
    """Out-of-fold probabilities on the training set: the tuned pipeline,
    then its sigmoid and isotonic calibrations. Returns y_train and a dict
    of the three."""
    X_train, _, y_train, _ = penguin_task()
    params = tuned_params()
    makers = {
        "class-weighted, raw": lambda: make_model(**params),
        "Platt's sigmoid": lambda: calibrated("sigmoid", **params),
        "isotonic": lambda: calibrated("isotonic", **params),
    }
    return y_train, {
        name: out_of_fold(make, X_train, y_train)
        for name, make in makers.items()
    }


def draw():
    y, probas = probabilities()

    # %%
    fig, ax = new_figure(figsize=(6.4, 5.2))
    ax.plot(
        [0, 1],
        [0, 1],
        linestyle="--",
        color=COLORS["grey"],
        label="perfectly calibrated",
    )
    styles = [
        (COLORS["orange"], MARKERS[0]),
        (COLORS["blue"], MARKERS[2]),
        (COLORS["green"], MARKERS[1]),
    ]
    for (name, p), (color, marker) in zip(probas.items(), styles):
        observed, predicted = calibration_curve(y, p, n_bins=5)
        ax.plot(
            predicted,
            observed,
            marker=marker,
            markersize=9,
            color=color,
            linewidth=2,
            label=name,
        )
    ax.set(
        xlim=(-0.02, 1.02),
        ylim=(-0.02, 1.02),
        xlabel="predicted probability of a Chinstrap",
        ylabel="fraction that are Chinstraps",
    )
    ax.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, -0.2),
        ncol=2,
        frameon=False,
    )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
