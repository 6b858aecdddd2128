"""Numbers that restart in every page: Figure 1, Exercise 1, Theorem 1 of each unit.

Sphinx numbers figures, tables, code listings, exercises (sphinx-exercise) and theorems
(sphinx-proof) across the whole book when the table of contents is not numbered, so the
fourth exercise of one unit reads "Exercise 26" and changes whenever a unit is added
before it. After Sphinx has assigned its numbers, this module renumbers each kind from 1
within each page, in the page's order.

A reference written as a role (``{numref}`fig-lr-tips```, ``{ref}`lr-ex-origin```) shows the
new number, on its own page or another one. A number typed into prose ("Exercise 4 below")
would not follow; ``tests/book/test_units.py`` fails on one.
"""


def restart_numbers(app, env):
    """env-get-updated, after the toctree collector: renumber every page's counters from 1."""
    changed = []
    for docname, kinds in env.toc_fignumbers.items():
        renumbered = {}
        for figtype, numbers in kinds.items():
            order = sorted(numbers, key=lambda node_id: numbers[node_id])
            renumbered[figtype] = {node_id: (i,) for i, node_id in enumerate(order, 1)}
        if renumbered != kinds:
            env.toc_fignumbers[docname] = renumbered
            changed.append(docname)
    # Pages that refer to a renumbered page need their references rewritten too; the
    # numbers are stable from build to build, so this is every page only when one changed.
    return sorted(env.all_docs) if changed else []


def setup(app):
    # The toctree collector assigns the book-wide numbers at the default priority (500).
    app.connect("env-get-updated", restart_numbers, priority=900)
