"""What is missing, and how rare is a Chinstrap
===============================================

Two panels side by side. Left, a map of the Palmer penguins table: one
thin row per penguin (344, top to bottom in the file's order, which is
sorted by species) and one column per feature (island, bill length, bill
depth, flipper length, body mass, sex); a cell is light grey when the
value is there and black when it is missing. Two penguins miss all four
measurements (two rows of black bars across the measurement columns), and
eleven, those two among them, miss their sex (black bars in the last
column); island is never missing. A coloured strip on the left marks the
species of each row: orange for Adelie, green for Gentoo and purple for
Chinstrap, in three blocks from top to bottom. Right, a horizontal bar
chart of the species counts: 152 Adelie, 124 Gentoo and 68 Chinstrap
penguins, so the Chinstrap, the positive class of the unit's task, is
about one penguin in five.
"""

# %%
import numpy as np
from matplotlib.patches import Rectangle

from skratch.compose import ColumnTransformer
from skratch.figures import COLORS, new_figure, save_cli
from skratch.impute import SimpleImputer
from skratch.linear_model import LogisticRegression
from skratch.model_selection import StratifiedKFold, train_test_split
from skratch.pipeline import Pipeline
from skratch.preprocessing import OneHotEncoder, StandardScaler

SPECIES = ["Adelie", "Gentoo", "Chinstrap"]
SPECIES_COLORS = [COLORS["orange"], COLORS["green"], COLORS["purple"]]
# The unit's task uses the measurements a scale and a ruler give (no
# calipers for the bill), and the two categories.
NUMERIC = ["flipper_length_mm", "body_mass_g"]
CATEGORICAL = ["island", "sex"]
# Costs of the unit: missing a Chinstrap is five times worse than checking
# a penguin that is not one.
COST_FP, COST_FN = 1.0, 5.0


def load_table():
    """The Palmer penguins table (344 rows), shipped with palmerpenguins."""
    from palmerpenguins import load_penguins

    return load_penguins()


def penguin_task(numeric=NUMERIC):
    """The table split for "is this penguin a Chinstrap?": a stratified
    quarter held out as the test set. Returns X_train, X_test, y_train,
    y_test (y is 1 for a Chinstrap)."""
    table = load_table()
    X = table[numeric + CATEGORICAL]
    y = (table["species"] == "Chinstrap").to_numpy().astype(int)
    return train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=0
    )


def make_model(
    C=1.0, strategy="median", class_weight="balanced", numeric=NUMERIC
):
    """The leak-free pipeline: impute and scale the numbers, impute and
    one-hot encode the categories, then a logistic regression."""
    numbers = Pipeline(
        [
            ("impute", SimpleImputer(strategy=strategy)),
            ("scale", StandardScaler()),
        ]
    )
    categories = Pipeline(
        [
            ("impute", SimpleImputer(strategy="most_frequent")),
            ("onehot", OneHotEncoder(handle_unknown="ignore")),
        ]
    )
    prepare = ColumnTransformer(
        [("num", numbers, numeric), ("cat", categories, CATEGORICAL)]
    )
    return Pipeline(
        [
            ("prepare", prepare),
            ("model", LogisticRegression(C=C, class_weight=class_weight)),
        ]
    )


# The grid of the unit's hyper-parameter search.
GRID = {
    "model__C": [0.01, 0.1, 1.0, 10.0, 100.0],
    "prepare__num__impute__strategy": ["mean", "median"],
}


def tuned_params():
    """The best grid point by cross-validated ROC AUC on the training set,
    as keyword arguments of ``make_model``."""
    from skratch.model_selection import GridSearchCV

    X_train, _, y_train, _ = penguin_task()
    search = GridSearchCV(
        make_model(), GRID, scoring="roc_auc", cv=folds()
    ).fit(X_train, y_train)
    best = search.best_params_
    return {
        "C": best["model__C"],
        "strategy": best["prepare__num__impute__strategy"],
    }


def calibrated(method="sigmoid", **params):
    """The pipeline wrapped in Platt (or isotonic) calibration, fitted on
    five inner folds."""
    from skratch.calibration import CalibratedClassifierCV

    return CalibratedClassifierCV(
        make_model(**params), method=method, cv=folds(seed=1)
    )


def folds(seed=0):
    """The unit's five stratified, shuffled folds."""
    return StratifiedKFold(n_splits=5, shuffle=True, random_state=seed)


def out_of_fold(make, X, y):
    """Each training penguin's probability of being a Chinstrap, from the
    model (made by ``make()``) fitted on the four folds without it."""
    proba = np.zeros(len(y))
    for train, test in folds().split(X, y):
        model = make().fit(X.iloc[train], y[train])
        proba[test] = model.predict_proba(X.iloc[test])[:, 1]
    return proba


def draw():
    table = load_table()
    columns = [
        "island",
        "bill_length_mm",
        "bill_depth_mm",
        "flipper_length_mm",
        "body_mass_g",
        "sex",
    ]
    labels = ["island", "bill len.", "bill depth", "flipper", "mass", "sex"]
    missing = table[columns].isna().to_numpy()  # (344, 6)
    species = table["species"].to_numpy()

    # %%
    fig, (ax, bars) = new_figure(
        1, 2, figsize=(6.4, 4.2), gridspec_kw={"width_ratios": [1.5, 1]}
    )
    ax.add_patch(
        Rectangle(
            (0, 0), len(columns), len(table), color="#e0e0e0", linewidth=0
        )
    )
    rows, cols = np.nonzero(missing)
    # One row is 1/344 of the height: draw each missing cell as a thick
    # bar so that it stays visible at the column's width.
    ax.hlines(
        rows + 0.5, cols + 0.04, cols + 0.96, color="black", linewidth=3
    )
    for k, name in enumerate(SPECIES):
        rows = np.flatnonzero(species == name)
        ax.add_patch(
            Rectangle(
                (-0.45, rows.min()),
                0.35,
                len(rows),
                color=SPECIES_COLORS[k],
                clip_on=False,
            )
        )
    ax.set_xlim(-0.5, len(columns))
    ax.set_xticks(np.arange(len(columns)) + 0.5)
    ax.set_xticklabels(
        labels, rotation=50, ha="right", rotation_mode="anchor"
    )
    ax.set_ylim(len(table), 0)
    ax.grid(False)
    ax.set_ylabel("penguin (row of the file)")
    ax.set_title("missing cells in black")
    for spine in ax.spines.values():
        spine.set_visible(False)

    counts = [np.sum(species == name) for name in SPECIES]
    y_pos = np.arange(len(SPECIES))[::-1]
    bars.barh(y_pos, counts, color=SPECIES_COLORS, edgecolor="black")
    for count, pos in zip(counts, y_pos):
        bars.text(count + 4, pos, str(count), va="center")
    bars.set_yticks(y_pos)
    bars.set_yticklabels(SPECIES)
    bars.set_xlim(0, 195)
    bars.set_xlabel("penguins")
    bars.set_title("species")
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
