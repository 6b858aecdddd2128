"""Which test penguins the workflow gets wrong
============================================

Two scatter plots of the 86 held-out test penguins, one above the other,
both with flipper length in mm on the horizontal axis: on top against body
mass in kilograms (what the model sees), below against bill length in mm
(a measurement the model was not given). Each species has its own colour
and marker: Adelie orange circles, Gentoo green triangles,
Chinstrap purple squares. Penguins from Dream island, the only island with
Chinstraps, are filled; those from the other two islands are hollow. The
final model (the class-weighted pipeline, calibrated with Platt's sigmoid
and thresholded at τ* = 1/6) flags a penguin as a possible Chinstrap; a
large black hexagon rings each of the 14 mistakes. Every ring is on a Dream
island Adelie whose flipper and mass fall among the Chinstraps (top): with
only a scale and a ruler, such an Adelie looks like a Chinstrap. No
Chinstrap is missed. In the bottom panel the ringed Adelies sit below
nearly all the Chinstraps: their bills are shorter, so bill length would
tell them apart.
"""

# %%
import numpy as np

from skratch.figures import MARKERS, new_figure, save_cli
from skratch.figures.plot_practitioners_workflow_missing import (
    COST_FN,
    COST_FP,
    SPECIES,
    SPECIES_COLORS,
    calibrated,
    load_table,
    penguin_task,
    tuned_params,
)


def test_decisions():
    """The test set, its species, and the final model's decisions at τ*.
    Returns X_test, species, y_test, probabilities and flags."""
    X_train, X_test, y_train, y_test = penguin_task()
    model = calibrated("sigmoid", **tuned_params()).fit(X_train, y_train)
    proba = model.predict_proba(X_test)[:, 1]
    flagged = proba >= COST_FP / (COST_FP + COST_FN)
    species = load_table()["species"].to_numpy()[X_test.index]
    return X_test, species, y_test, proba, flagged


def draw():
    X_test, species, y_test, _, flagged = test_decisions()
    wrong = flagged != (y_test == 1)
    dream = (X_test["island"] == "Dream").to_numpy()
    bill = load_table()["bill_length_mm"].to_numpy()[X_test.index]
    flipper = X_test["flipper_length_mm"].to_numpy()
    mass = X_test["body_mass_g"].to_numpy() / 1000

    # %%
    fig, axes = new_figure(2, 1, figsize=(6.4, 8.4))
    panels = [
        (flipper, mass, "body mass (kg)", "what the model sees"),
        (flipper, bill, "bill length (mm)", "what it did not see"),
    ]
    for ax, (x, y, ylabel, title) in zip(axes, panels):
        for k, name in enumerate(SPECIES):
            rows = species == name
            color = SPECIES_COLORS[k]
            ax.scatter(
                x[rows],
                y[rows],
                s=50,
                marker=MARKERS[k],
                facecolor=[color if d else "white" for d in dream[rows]],
                edgecolor=color,
                linewidth=1.6,
                label=name,
            )
        ax.scatter(
            x[wrong],
            y[wrong],
            s=260,
            marker="H",
            facecolor="none",
            edgecolor="black",
            linewidth=2,
            label="a mistake",
        )
        ax.set(xlabel="flipper length (mm)", ylabel=ylabel, title=title)
    axes[1].legend(
        loc="upper center",
        bbox_to_anchor=(0.5, -0.2),
        ncol=2,
        frameon=False,
        title="filled: from Dream island; hollow: elsewhere",
    )
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
