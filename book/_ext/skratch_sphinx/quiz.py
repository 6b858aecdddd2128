"""In-page quizzes that need no kernel.

A quiz is written in a page (Markdown or a notebook's Markdown cell) as YAML:

````markdown
```{quiz} Check your understanding
- question: A tip model has $w = 0.15$ and $b = 1$. What tip does it predict for a $40 bill?
  choices:
    - text: "$6"
      explain: That is $0.15 \\times 40$; the intercept adds $1.
    - text: "$7"
      correct: true
      explain: $0.15 \\times 40 + 1 = 7$.
- question: How many parameters does the line $y = wx + b$ have?
  answer: 2
  tolerance: 0
  explain: The slope $w$ and the intercept $b$.
```
````

A question has either ``choices`` (one or more marked ``correct: true``) or a
numeric ``answer`` with an optional ``tolerance``; every choice and every
numeric question has an ``explain``, shown once the reader answers. Text is
MyST, so maths and code work. The page's script (``_static/skratch.js``) turns
the choices into buttons; without JavaScript every explanation is simply shown.
"""

import html

import yaml
from docutils import nodes
from sphinx.util.docutils import SphinxDirective


class QuizError(ValueError):
    pass


def _check(questions, where):
    if not isinstance(questions, list) or not questions:
        raise QuizError(f"{where}: a quiz is a YAML list of questions; got {questions!r}.")
    for i, q in enumerate(questions, 1):
        if not isinstance(q, dict) or "question" not in q:
            raise QuizError(f"{where}: question {i} needs a 'question' key; got {q!r}.")
        has_choices, has_answer = "choices" in q, "answer" in q
        if has_choices == has_answer:
            raise QuizError(f"{where}: question {i} needs exactly one of 'choices' or 'answer'.")
        if has_choices:
            choices = q["choices"]
            if not isinstance(choices, list) or len(choices) < 2:
                raise QuizError(f"{where}: question {i} needs at least two choices.")
            if not any(c.get("correct") for c in choices):
                raise QuizError(f"{where}: question {i} has no choice marked 'correct: true'.")
            for c in choices:
                if not c.get("text") or not c.get("explain"):
                    raise QuizError(f"{where}: every choice of question {i} needs 'text' and 'explain'.")
        else:
            if not isinstance(q["answer"], (int, float)) or not q.get("explain"):
                raise QuizError(f"{where}: numeric question {i} needs a number 'answer' and an 'explain'.")


class QuizDirective(SphinxDirective):
    """``{quiz} [title]`` with a YAML list of questions as content."""

    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True

    def _rich(self, text, classes):
        box = nodes.container(classes=classes)
        box += self.parse_text_to_nodes(str(text))
        return box

    def run(self):
        where = f"{self.env.docname}:{self.lineno}"
        try:
            questions = yaml.safe_load("\n".join(self.content))
            _check(questions, where)
        except (yaml.YAMLError, QuizError) as error:
            raise self.error(f"Invalid quiz at {where}: {error}")
        title = self.arguments[0] if self.arguments else "Quiz"
        quiz = nodes.container(classes=["skratch-quiz"])
        quiz += nodes.rubric(title, title, classes=["skratch-quiz-title"])
        for i, q in enumerate(questions, 1):
            box = nodes.container(classes=["skratch-quiz-question"])
            box += self._rich(f"**{i}.** {q['question']}", ["skratch-quiz-prompt"])
            if "choices" in q:
                choices = nodes.container(classes=["skratch-quiz-choices"])
                for c in q["choices"]:
                    kind = "skratch-quiz-right" if c.get("correct") else "skratch-quiz-wrong"
                    choice = nodes.container(classes=["skratch-quiz-choice", kind])
                    choice += self._rich(c["text"], ["skratch-quiz-text"])
                    choice += self._rich(c["explain"], ["skratch-quiz-explain"])
                    choices += choice
                box += choices
            else:
                tolerance = float(q.get("tolerance", 0))
                field = (
                    f'<div class="skratch-quiz-numeric" data-answer="{float(q["answer"])!r}" '
                    f'data-tolerance="{tolerance!r}"><label>Your answer '
                    f'<input type="number" step="any" inputmode="decimal"></label> '
                    f'<button type="button">Check</button> '
                    f'<span class="skratch-quiz-verdict" aria-live="polite"></span></div>'
                )
                box += nodes.raw("", field, format="html")
                box += self._rich(
                    f"Answer: {html.escape(str(q['answer']))}. {q['explain']}", ["skratch-quiz-explain"]
                )
            quiz += box
        return [quiz]


def setup(app):
    app.add_directive("quiz", QuizDirective)
