"""Who tests positive: a base rate of 1 in 100
============================================

A horizontal bar chart of 10,000 people screened for a disease that 1 in
100 of them has, by a test that detects 90 per cent of the sick and wrongly
flags 9 per cent of the healthy. Top bar, the 981 who test positive: a
short red segment of 90 sick people and a long blue segment of 891 healthy
ones. Bottom bar, the 9,019 who test negative: 10 sick, 9,009 healthy. Most
positives are healthy, so a positive result means only about a 9 per cent
chance of being sick.
"""

# %%
from skratch.figures import COLORS, new_figure, save_cli


def draw():
    people, prevalence = 10_000, 0.01
    sensitivity, false_positive_rate = 0.9, 0.09
    sick = people * prevalence
    healthy = people - sick
    true_pos, false_neg = sick * sensitivity, sick * (1 - sensitivity)
    false_pos = healthy * false_positive_rate
    true_neg = healthy - false_pos

    fig, ax = new_figure(figsize=(6.4, 3.6))
    rows = [
        ("test negative", false_neg, true_neg),
        ("test positive", true_pos, false_pos),
    ]
    for k, (label, n_sick, n_healthy) in enumerate(rows):
        ax.barh(k, n_sick, color=COLORS["red"], hatch="//", height=0.5)
        ax.barh(k, n_healthy, left=n_sick, color=COLORS["sky"], height=0.5)
        ax.text(
            n_sick + n_healthy + 150,
            k,
            f"{n_sick:.0f} sick + {n_healthy:,.0f} healthy",
            va="center",
        )
    ax.set(
        yticks=[0, 1],
        yticklabels=[row[0] for row in rows],
        xlim=(0, 16_000),
        ylim=(-0.6, 1.9),
        xlabel="number of people (of 10,000)",
        title="Of 981 positives, only 90 are sick",
    )
    ax.bar(0, 0, color=COLORS["red"], hatch="//", label="sick")
    ax.bar(0, 0, color=COLORS["sky"], label="healthy")
    ax.legend(loc="upper right", ncols=2)
    return fig


if __name__ == "__main__":
    save_cli(draw, __file__)
