"""Skratch's own Sphinx extension: figures linked to their scripts, and in-page quizzes.

Listed in ``_config.yml`` under ``sphinx.local_extensions``. Each part is a module
with its own ``setup``; see their docstrings.
"""

from . import figures, quiz


def setup(app):
    figures.setup(app)
    quiz.setup(app)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
