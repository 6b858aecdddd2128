// Skratch in the page, no kernel and no library: quizzes (retries, hints, a running score),
// figures that open larger on a phone, and a close button inside the phone menus.
// Without this script every quiz explanation stays visible and figures stay links.
(function () {
  "use strict";

  // --- numbers as people type them -------------------------------------------------
  // "0.25", "0,25" (decimal comma), "1/4", "25%", "-3", "\u22123", "1e-3", "$7", "7 dollars".
  function parseNumber(text) {
    var s = String(text).trim().replace(/\u2212/g, "-").replace(/[\s$\u20ac\u00a3]/g, "").replace(/[a-z]+$/i, "");
    if (!s) return NaN;
    var percent = /%$/.test(s);
    if (percent) s = s.slice(0, -1);
    if (s.indexOf(",") >= 0 && s.indexOf(".") < 0) s = s.replace(",", ".");
    else s = s.replace(/,/g, "");  // 1,000.5: commas group thousands
    var value;
    var fraction = s.match(/^([-+]?[0-9.]+(?:e[-+]?\d+)?)\/([-+]?[0-9.]+(?:e[-+]?\d+)?)$/i);
    if (fraction) value = Number(fraction[1]) / Number(fraction[2]);
    else value = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s) ? Number(s) : NaN;
    return percent ? value / 100 : value;
  }
  window.skratchParseNumber = parseNumber;

  // --- quizzes -----------------------------------------------------------------------
  function setupQuiz(quiz) {
    quiz.classList.add("skratch-quiz-ready");
    var questions = quiz.querySelectorAll(".skratch-quiz-question");
    var score = document.createElement("p");
    score.className = "skratch-quiz-score";
    score.setAttribute("aria-live", "polite");
    var title = quiz.querySelector(".skratch-quiz-title");
    (title ? title.parentNode : quiz).insertBefore(score, title ? title.nextSibling : quiz.firstChild);
    var state = { right: 0, answered: 0, total: questions.length };

    function showScore() {
      score.textContent = "Score: " + state.right + " / " + state.total +
        (state.answered < state.total ? "" : " \u00b7 all answered") ;
      score.title = "Questions answered right at the first try, out of " + state.total;
      quiz.dataset.right = state.right;
      quiz.dataset.answered = state.answered;
    }

    function settle(question, rightFirstTime) {
      if (question.dataset.settled) return;
      question.dataset.settled = rightFirstTime ? "right" : "wrong";
      state.answered += 1;
      if (rightFirstTime) state.right += 1;
      showScore();
    }

    questions.forEach(function (question) {
      var verdict = document.createElement("p");
      verdict.className = "skratch-quiz-verdict";
      verdict.setAttribute("aria-live", "polite");
      var tries = 0;

      var choices = question.querySelectorAll(".skratch-quiz-choice");
      if (choices.length) {
        question.querySelector(".skratch-quiz-choices").after(verdict);
        choices.forEach(function (choice) {
          var text = choice.querySelector(".skratch-quiz-text");
          var button = document.createElement("button");
          button.type = "button";
          button.className = "skratch-quiz-button";
          while (text.firstChild) button.appendChild(text.firstChild);
          text.appendChild(button);
          // A choice that is only maths ("$-1.7$") has no text a button's name can use once
          // MathJax has typeset it: name it by its source, TeX delimiters taken out. A choice
          // with words keeps its own text as its name (a label must contain what it shows).
          // The build writes that name beside the choice (MathJax may typeset the maths before
          // this runs, or only when it scrolls into view, so the button's own text cannot say).
          var name = choice.querySelector(".skratch-quiz-name");
          if (name) button.setAttribute("aria-label", name.textContent);
          button.addEventListener("click", function () {
            var right = choice.classList.contains("skratch-quiz-right");
            tries += 1;
            choices.forEach(function (c) { c.classList.remove("skratch-quiz-chosen"); });
            choice.classList.add("skratch-quiz-chosen", "skratch-quiz-revealed");
            button.setAttribute("aria-pressed", "true");
            verdict.textContent = right ? "Correct." : "Not quite: read why, then try another answer.";
            verdict.className = "skratch-quiz-verdict " + (right ? "is-right" : "is-wrong");
            if (right) settle(question, tries === 1);
            else if (tries === 1) question.dataset.missed = "1";
          });
        });
        return;
      }

      var numeric = question.querySelector(".skratch-quiz-numeric");
      if (!numeric) return;
      var input = numeric.querySelector("input");
      var hint = question.querySelector(".skratch-quiz-hint");
      var explain = question.querySelector(".skratch-quiz-explain");
      var reveal = document.createElement("button");
      reveal.type = "button";
      reveal.className = "skratch-quiz-reveal";
      reveal.textContent = "Show the worked answer";
      reveal.hidden = true;
      numeric.after(verdict);
      verdict.after(reveal);
      var answer = parseFloat(numeric.dataset.answer);
      var tolerance = parseFloat(numeric.dataset.tolerance) + 1e-9 * Math.abs(answer);

      function check() {
        var value = parseNumber(input.value);
        if (isNaN(value)) {
          verdict.textContent = "Type a number first, for example 0.25, 0,25, 1/4 or 25%.";
          verdict.className = "skratch-quiz-verdict is-wrong";
          return;
        }
        tries += 1;
        var right = Math.abs(value - answer) <= tolerance;
        input.setAttribute("aria-invalid", right ? "false" : "true");
        if (right) {
          verdict.textContent = "Correct." + (tries > 1 ? " (Right on try " + tries + ".)" : "");
          verdict.className = "skratch-quiz-verdict is-right";
          question.classList.add("skratch-quiz-revealed");
          reveal.hidden = true;
          settle(question, tries === 1);
        } else {
          verdict.textContent = "Not quite: " + input.value.trim() + " is not it. " +
            (hint ? "Read the hint and try again, or show the worked answer." : "Try again, or show the worked answer.");
          verdict.className = "skratch-quiz-verdict is-wrong";
          if (hint) question.classList.add("skratch-quiz-hinted");
          reveal.hidden = question.classList.contains("skratch-quiz-revealed");
          if (tries === 1) question.dataset.missed = "1";
        }
      }
      numeric.querySelector("button").addEventListener("click", check);
      input.addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); check(); } });
      reveal.addEventListener("click", function () {
        question.classList.add("skratch-quiz-revealed");
        reveal.hidden = true;
        settle(question, false);
        if (explain) explain.setAttribute("tabindex", "-1"), explain.focus();
      });
    });
    showScore();
  }

  // --- figures open larger on a phone ----------------------------------------------
  // On a narrow screen a tap on a figure opens it full width, zoomable by pinching, with
  // its caption and the link to its script. On a wide screen the picture is the link itself.
  var narrow = window.matchMedia("(max-width: 767.98px)");
  var viewer = null;

  function openViewer(link) {
    var figure = link.closest("figure");
    var img = link.querySelector("img");
    if (!viewer) {
      viewer = document.createElement("dialog");
      viewer.className = "skratch-viewer";
      viewer.setAttribute("aria-label", "Figure, enlarged");
      viewer.innerHTML = '<div class="skratch-viewer-bar"><a class="skratch-viewer-script">The script that draws it</a>' +
        '<button type="button" class="skratch-viewer-close" aria-label="Close the enlarged figure">Close \u2715</button></div>' +
        '<div class="skratch-viewer-body"><img alt=""></div><p class="skratch-viewer-caption"></p>';
      document.body.appendChild(viewer);
      viewer.querySelector(".skratch-viewer-close").addEventListener("click", function () { viewer.close(); });
      viewer.addEventListener("click", function (e) { if (e.target === viewer) viewer.close(); });
    }
    var big = viewer.querySelector("img");
    big.src = img.currentSrc || img.src;
    big.alt = img.alt;
    viewer.querySelector(".skratch-viewer-script").href = link.href;
    var caption = figure && figure.querySelector("figcaption");
    viewer.querySelector(".skratch-viewer-caption").textContent = caption ? caption.textContent.trim() : "";
    viewer.showModal();
  }

  function setupFigures() {
    document.querySelectorAll("a.figure-script-link").forEach(function (link) {
      link.addEventListener("click", function (e) {
        if (!narrow.matches || e.metaKey || e.ctrlKey || e.shiftKey) return;
        e.preventDefault();
        openViewer(link);
      });
    });
  }

  // --- a close button inside the phone menus ----------------------------------------
  // The theme moves a sidebar's content into a <dialog> when its menu button is tapped and
  // back when it closes; a button placed in the sidebar travels with it (CSS shows it only
  // inside the dialog). Escape and a tap outside close the dialog too.
  function setupMenus() {
    [["pst-primary-sidebar", "Close the site navigation"],
     ["pst-secondary-sidebar", "Close the page contents"]].forEach(function (pair) {
      var sidebar = document.getElementById(pair[0]);
      if (!sidebar || sidebar.querySelector(".skratch-menu-close")) return;
      var close = document.createElement("button");
      close.type = "button";
      close.className = "skratch-menu-close";
      close.setAttribute("aria-label", pair[1]);
      close.textContent = "Close \u2715";
      close.addEventListener("click", function () {
        var dialog = close.closest("dialog");
        if (dialog) dialog.close();
      });
      sidebar.insertBefore(close, sidebar.firstChild);
    });
  }

  // --- two names the theme leaves out (axe-core: summary-name, label-content-name-mismatch)
  // The sidebar's expand/collapse toggles are <summary> elements holding only an icon: name
  // each after the section it opens. The search field's label ("Search") hides its visible
  // text ("Search Ctrl + K"); without the label its name is what it shows.
  function nameThemeControls() {
    document.querySelectorAll("nav.bd-links li.has-children > details > summary").forEach(function (summary) {
      var link = summary.closest("li").querySelector("a");
      if (link && !summary.textContent.trim() && !summary.hasAttribute("aria-label")) {
        summary.setAttribute("aria-label", "Pages under " + link.textContent.trim());
      }
    });
    document.querySelectorAll("button.search-button-field[aria-label]").forEach(function (button) {
      if (button.textContent.replace(/\s+/g, "").length > button.getAttribute("aria-label").length) {
        button.removeAttribute("aria-label");
      }
    });
  }

  function ready() {
    nameThemeControls();
    // docutils marks the bibliography role="list" but its entries role="doc-biblioentry", not
    // listitem, which screen readers (and axe) reject; the entries need no list around them.
    document.querySelectorAll('.citation-list[role="list"]').forEach(function (list) { list.removeAttribute("role"); });
    document.querySelectorAll(".skratch-quiz").forEach(setupQuiz);
    setupFigures();
    setupMenus();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
