"""Skratch's own Sphinx extension: the course's mechanisms, one module each.

Listed in ``_config.yml`` under ``sphinx.local_extensions``. Each part is a module with
its own ``setup`` and a docstring that says what it does and why:

* ``figures``: figures drawn by scripts and linked to them, the animation player, the gallery;
* ``api``: the API reference, a page per public class and function, from the docstrings;
* ``quiz``: in-page quizzes with retries, hints and a running score;
* ``numbering``: figure, exercise and theorem numbers that restart in every page;
* ``site``: site-wide fixes (no console errors, maths and icons served light and offline,
  widgets, page descriptions, search ranking, unique ids).
"""

from . import api, figures, numbering, quiz, site


def setup(app):
    figures.setup(app)
    api.setup(app)
    quiz.setup(app)
    numbering.setup(app)
    site.setup(app)
    return {"version": "1.1", "parallel_read_safe": True, "parallel_write_safe": True}
