"""In-page quizzes that need no kernel.

A quiz is written in a page (Markdown or a notebook's Markdown cell) as YAML:

````markdown
```{quiz} Check your understanding
- question: A tip model has $w = 0.15$ and $b = 1$. What tip does it predict for a $40 bill?
  answer: 7
  tolerance: 0.01
  hint: Multiply the bill by the slope, then add the intercept.
  explain: $0.15 \\times 40 + 1 = 7$.
- question: How many parameters does the line $y = wx + b$ have?
  choices:
    - text: One
      explain: The slope is one; the intercept $b$ is another.
    - text: Two
      correct: true
      explain: The slope $w$ and the intercept $b$.
```
````

A question has either ``choices`` (two or more, one or more marked ``correct: true``,
each with an ``explain``) or a numeric ``answer`` with an optional ``tolerance`` (how far
off still counts, default 0), a ``hint`` (shown after a wrong try) and an ``explain``
(the worked answer). Text
is MyST, so maths and code work.

In the page (``_static/skratch.js``):

* a wrong choice shows its own explanation as a hint and the learner tries again;
* a wrong number says "Not quite", shows the hint, and offers the worked answer on
  request; a right one shows the worked answer at once;
* numbers may be typed as ``0.25``, ``0,25``, ``1/4`` or ``25%``;
* the quiz keeps a running score: questions answered right at the first try, out of all.

Without JavaScript every explanation is simply shown.
"""

import html
import numbers
import re

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
        unknown = set(q) - {"question", "choices", "answer", "tolerance", "hint", "explain"}
        if unknown:
            raise QuizError(f"{where}: question {i} has unknown keys {sorted(unknown)}.")
        has_choices, has_answer = "choices" in q, "answer" in q
        if has_choices == has_answer:
            raise QuizError(f"{where}: question {i} needs exactly one of 'choices' or 'answer'.")
        if has_choices:
            choices = q["choices"]
            if not isinstance(choices, list) or len(choices) < 2:
                raise QuizError(f"{where}: question {i} needs at least two choices.")
            if not any(isinstance(c, dict) and c.get("correct") for c in choices):
                raise QuizError(f"{where}: question {i} has no choice marked 'correct: true'.")
            for c in choices:
                if not isinstance(c, dict) or not c.get("text") or not c.get("explain"):
                    raise QuizError(f"{where}: every choice of question {i} needs 'text' and 'explain'.")
            if "hint" in q or "tolerance" in q:
                raise QuizError(f"{where}: question {i} has choices; 'hint' and 'tolerance' are for numeric answers.")
        else:
            answer = q["answer"]
            if isinstance(answer, bool) or not isinstance(answer, numbers.Real) or not q.get("explain"):
                raise QuizError(f"{where}: numeric question {i} needs a number 'answer' and an 'explain'.")
            tolerance = q.get("tolerance", 0)
            if isinstance(tolerance, bool) or not isinstance(tolerance, numbers.Real) or tolerance < 0:
                raise QuizError(f"{where}: question {i}'s tolerance must be a number >= 0; got {tolerance!r}.")
            if not str(q.get("hint", "")).strip():
                raise QuizError(
                    f"{where}: numeric question {i} needs a 'hint': what a learner who got it wrong "
                    "should look at again (the worked answer stays hidden until asked for)."
                )


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
        number = self.env.new_serialno("skratch-quiz") + 1
        quiz = nodes.container(classes=["skratch-quiz"])
        quiz["ids"].append(f"quiz-{number}")
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
                    name = _maths_only_name(str(c["text"]))
                    if name:  # the button's name, whether or not MathJax has typeset it yet
                        choice += nodes.raw("", f'<span class="skratch-quiz-name" hidden>{html.escape(name)}</span>', format="html")
                    choice += self._rich(c["explain"], ["skratch-quiz-explain"])
                    choices += choice
                box += choices
            else:
                tolerance = float(q.get("tolerance", 0))
                field_id = f"quiz-{number}-q{i}"
                field = (
                    f'<div class="skratch-quiz-numeric" data-answer="{float(q["answer"])!r}" '
                    f'data-tolerance="{tolerance!r}"><label for="{field_id}">Your answer</label> '
                    f'<input id="{field_id}" type="text" autocomplete="off" spellcheck="false" '
                    f'aria-describedby="{field_id}-format"> '
                    f'<button type="button" class="skratch-quiz-check">Check</button> '
                    f'<span class="skratch-quiz-format" id="{field_id}-format">a number: 0.25, 0,25, 1/4 or 25%</span></div>'
                )
                box += nodes.raw("", field, format="html")
                if q.get("hint"):
                    box += self._rich(f"**Hint:** {q['hint']}", ["skratch-quiz-hint"])
                box += self._rich(
                    f"**Answer: {html.escape(_format_number(q['answer']))}.** {q['explain']}",
                    ["skratch-quiz-explain"],
                )
            quiz += box
        return [quiz]


def _maths_only_name(text):
    """A choice written only in maths (``$(1, 0, 0)$``) named by its TeX, delimiters out; else None.

    A button whose content is typeset maths has no text of its own for a screen reader (and
    none at all while MathJax has not reached it): the page names it by its source instead.
    A choice with words keeps its own text as its name.
    """
    maths = re.compile(r"\$\$.*?\$\$|\$[^$]*\$|\\\(.*?\\\)", re.S)
    if not text.strip() or maths.sub("", text).strip():
        return None
    return re.sub(r"\s+", " ", re.sub(r"\$|\\[()]", "", text)).strip()


def _format_number(value):
    return f"{value:g}" if isinstance(value, float) else str(value)


def setup(app):
    app.add_directive("quiz", QuizDirective)
