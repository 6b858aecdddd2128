// The animation player of Skratch (skratch.figures.Animation): one picture per frame, a
// Play button and a slider. Frame 0 is a full picture (the base); every other frame is a
// small overlay holding only the pixels that differ from it, laid on the base at its box.
// The same file runs in the book (loaded once per page) and in notebooks (inlined after
// each player by skratch.figures.player_html), so both behave alike.
(function () {
  "use strict";

  function setup(root) {
    if (!root || root.dataset.ready) return;
    root.dataset.ready = "1";
    var data = JSON.parse(root.querySelector(".skratch-player-data").textContent);
    var base = root.querySelector(".skratch-player-base");
    var overlay = root.querySelector(".skratch-player-overlay");
    var slider = root.querySelector(".skratch-player-slider");
    var status = root.querySelector(".skratch-player-status");
    var button = root.querySelector(".skratch-player-play");
    var last = data.frames.length - 1;
    var timer = null;
    var preloaded = false;

    function preload() {
      if (preloaded) return;
      preloaded = true;
      data.frames.forEach(function (frame) {
        if (frame) new Image().src = frame.src;
      });
    }

    function show(i) {
      var frame = data.frames[i];
      if (frame) {
        var box = frame.box;
        overlay.style.left = (100 * box[0] / data.width) + "%";
        overlay.style.top = (100 * box[1] / data.height) + "%";
        overlay.style.width = (100 * box[2] / data.width) + "%";
        overlay.src = frame.src;
        overlay.hidden = false;
      } else {
        overlay.hidden = true;
      }
      slider.value = i;
      status.textContent = data.labels[i];
      root.dataset.frame = i;
    }

    function stop() {
      clearInterval(timer);
      timer = null;
      button.innerHTML = "&#9654; Play";
      button.setAttribute("aria-label", "Play animation");
    }

    button.addEventListener("click", function () {
      if (timer) { stop(); return; }
      preload();
      var i = Number(slider.value) >= last ? -1 : Number(slider.value);
      if (i < 0) show(0);
      button.innerHTML = "&#10074;&#10074; Pause";
      button.setAttribute("aria-label", "Pause animation");
      timer = setInterval(function () {
        i += 1;
        if (i > last) { stop(); return; }
        show(i);
      }, data.interval);
    });
    slider.addEventListener("input", function () { stop(); preload(); show(Number(slider.value)); });
    slider.addEventListener("focus", preload);
    root.addEventListener("pointerenter", preload);
    show(data.poster);
  }

  window.skratchPlayer = setup;
  var script = document.currentScript;
  var own = script && script.parentElement && script.parentElement.closest
    ? script.parentElement.closest(".skratch-player") : null;
  if (own) {
    setup(own);  // inlined after a player in a notebook's output
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      document.querySelectorAll(".skratch-player").forEach(setup);
    });
  } else {
    document.querySelectorAll(".skratch-player").forEach(setup);
  }
})();
