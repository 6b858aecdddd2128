// Skratch in-page quizzes: turn each choice into a button and reveal its explanation
// when chosen; check numeric answers within their tolerance. No kernel, no library.
// Without this script every explanation stays visible (see skratch.css).
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".skratch-quiz").forEach(function (quiz) {
    quiz.classList.add("skratch-quiz-ready");
    quiz.querySelectorAll(".skratch-quiz-question").forEach(function (question) {
      var verdict = document.createElement("p");
      verdict.className = "skratch-quiz-verdict";
      verdict.setAttribute("aria-live", "polite");
      question.appendChild(verdict);
      question.querySelectorAll(".skratch-quiz-choice").forEach(function (choice) {
        var text = choice.querySelector(".skratch-quiz-text");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "skratch-quiz-button";
        while (text.firstChild) button.appendChild(text.firstChild);
        text.appendChild(button);
        button.addEventListener("click", function () {
          var right = choice.classList.contains("skratch-quiz-right");
          question.querySelectorAll(".skratch-quiz-choice").forEach(function (c) {
            c.classList.remove("skratch-quiz-chosen");
          });
          choice.classList.add("skratch-quiz-chosen", "skratch-quiz-revealed");
          verdict.textContent = right ? "Correct." : "Not quite: read why, then try another answer.";
          verdict.className = "skratch-quiz-verdict " + (right ? "is-right" : "is-wrong");
        });
      });
      var numeric = question.querySelector(".skratch-quiz-numeric");
      if (numeric) {
        var input = numeric.querySelector("input");
        var check = function () {
          var value = parseFloat(input.value);
          var answer = parseFloat(numeric.dataset.answer);
          var tolerance = parseFloat(numeric.dataset.tolerance) + 1e-9 * Math.abs(answer);
          var right = Math.abs(value - answer) <= tolerance;
          verdict.textContent = isNaN(value) ? "Type a number first." :
            (right ? "Correct." : "Not quite: " + value + " is off. The explanation is below.");
          verdict.className = "skratch-quiz-verdict " + (right ? "is-right" : "is-wrong");
          if (!isNaN(value)) question.classList.add("skratch-quiz-revealed");
        };
        numeric.querySelector("button").addEventListener("click", check);
        input.addEventListener("keydown", function (e) { if (e.key === "Enter") check(); });
      }
    });
  });
});
