"""Tests of the built site in a real browser: headless Chromium, driven by Selenium.

The site is served from ``_build/html`` on 127.0.0.1 and every page of ``_toc.yml`` is
opened at 390 px (a phone), 800 px (a tablet) and 1280 px (a laptop). On each page:

* nothing makes the page scroll sideways, at 390 and at 1280 px;
* no message reaches the browser console at the error level;
* at 1280 px no code cell or output is wider than its block (nothing hidden at the right);
* at 390 px no formula is wider than the column (display maths would scroll, inline maths is cut);
* the site navigation and the page contents open and close, by tap and by keyboard;
* quizzes: a wrong and a right answer give their feedback and the score moves;
* animations: Play advances the frames, the slider seeks, the picture links to its script;
* axe-core finds no serious or critical accessibility problem in the page's own content
  (the theme's known ones are listed in ``THEME_AXE`` with the theme's issue);
  generated pages (figure scripts, API reference) share one template each, so the tablet
  width, the keyboard and axe see every content page and two pages of each generated kind;
* a unit page transfers less than 1.5 MB (HTML, CSS, JS and fonts gzipped as a static host
  serves them, images and animation frames as they are).

Chromium comes from Debian (``apt-get install chromium chromium-driver``). Without it these
tests skip, saying so; under CI (``SKRATCH_REQUIRE_BROWSER=1``, set by ``.ci/run``, or ``CI``)
they fail instead. axe-core comes from the npm registry (``make test`` runs ``npm ci``).
"""

import functools
import gzip
import http.server
import json
import os
import shutil
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from booklib import GENERATED, HTML, ROOT, toc_documents, unit_documents

WIDTHS = {"phone": 390, "tablet": 800, "laptop": 1280}
MAX_UNIT_TRANSFER = 1_500_000
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# Serious or critical axe findings that come from the theme's own markup, not ours, each with
# the theme's issue. A finding is the theme's when every element it names is outside the
# article (header, sidebars) or is one of the theme's components listed here.
THEME_AXE = {
    # Empty: the two the theme had (its sidebar <summary> toggles with only an icon, and a
    # search field whose label hides its visible text) are named by book/_static/skratch.js.
}
PAGES = [d for d in toc_documents()]
CONTENT_PAGES = [d for d in PAGES if not d.startswith(GENERATED)]
REQUIRE = bool(os.environ.get("SKRATCH_REQUIRE_BROWSER") or os.environ.get("CI"))


def _find(names, env):
    for candidate in [os.environ.get(env)] + names:
        if candidate and shutil.which(candidate):
            return shutil.which(candidate)
    return None


@pytest.fixture(scope="module")
def server(site):
    """Serve the built site on 127.0.0.1 and return its base URL."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(HTML))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


def _browser_paths():
    chromium = _find(["chromium", "chromium-browser", "google-chrome"], "SKRATCH_CHROMIUM")
    driver_path = _find(["chromedriver"], "SKRATCH_CHROMEDRIVER")
    return chromium, driver_path


def new_driver():
    """A headless Chromium driven through chromedriver, logging the console."""
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    chromium, driver_path = _browser_paths()
    options = Options()
    options.binary_location = chromium
    for flag in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--hide-scrollbars", "--window-size=1280,900", "--lang=en-GB",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    return driver


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium through chromedriver; skips (or fails under CI) when they are missing."""
    chromium, driver_path = _browser_paths()
    message = (
        "Chromium and ChromeDriver are needed for the browser tests: "
        "sudo apt-get install chromium chromium-driver (Debian/Ubuntu), "
        "or set SKRATCH_CHROMIUM and SKRATCH_CHROMEDRIVER to their paths."
    )
    if not chromium or not driver_path:
        if REQUIRE:
            pytest.fail(message)
        pytest.skip(message)
    try:
        import selenium  # noqa: F401
    except ImportError:  # pragma: no cover - selenium is pinned in requirements.txt
        pytest.fail("selenium is missing: make test installs it from requirements.txt")
    driver = new_driver()
    yield driver
    driver.quit()


def open_page(driver, base, doc, width, dark=False, wait_for_maths=True):
    """Load ``doc`` at ``width`` CSS px (a phone emulates touch) and wait for MathJax to finish."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 768,
    })
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}],
    })
    driver.get(base + doc + ".html")
    if not wait_for_maths:
        return
    driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const typeset = () => (window.MathJax && MathJax.startup && MathJax.startup.promise) || Promise.resolve();
        const wait = () => document.readyState === "complete" ? typeset().then(() => done(true)) : setTimeout(wait, 20);
        wait();
    """)


def console_errors(driver):
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


OVERFLOW = """
const out = [];
const page = document.documentElement;
if (page.scrollWidth > window.innerWidth + 1) {
  const wide = [...document.querySelectorAll('body *')].filter(e => {
      const r = e.getBoundingClientRect(); return r.width > 0 && r.right > window.innerWidth + 1 &&
        !e.closest('pre, .highlight, .cell_output, mjx-container, .table-wrapper, .pst-scrollable-table-container, dialog');
  }).slice(0, 3).map(e => e.tagName.toLowerCase() + (typeof e.className === 'string' && e.className ? '.' + e.className.split(' ')[0] : '') + ' ' + Math.round(e.getBoundingClientRect().right) + 'px');
  out.push('the page scrolls sideways: ' + page.scrollWidth + ' px content in a ' + window.innerWidth + ' px window (' + wide.join(', ') + ')');
}
return out;
"""

# Solutions and other dropdowns are opened first: their code is cut off too when a reader opens them.
CODE_WIDTH = """
document.querySelectorAll('article details').forEach(d => d.open = true);
document.querySelectorAll('article .toggle-hidden, article .dropdown .toggle-details__container').forEach(e => e.classList.remove('toggle-hidden'));
document.querySelectorAll('article button.toggle-button').forEach(b => { if (b.getAttribute('aria-expanded') === 'false') b.click(); });
return [...document.querySelectorAll('article pre')].filter(p => p.offsetParent !== null && p.scrollWidth > p.clientWidth + 1)
  .map(p => 'code or output ' + (p.scrollWidth - p.clientWidth) + ' px too wide: "' + (p.textContent.split('\\n').reduce((a, b) => b.length > a.length ? b : a, '')).trim().slice(0, 60) + '"');
"""

# Maths wider than the column at 390 px: a display equation scrolls sideways inside its box and
# an inline formula is cut off at the right (nothing shows the reader there is more).
MATHS_WIDTH = """
const col = document.querySelector('article');
if (!col || !window.MathJax || !MathJax.startup || !MathJax.startup.document) return [];
const room = col.getBoundingClientRect().width;
const tex = m => { const items = MathJax.startup.document.getMathItemsWithin(m); return items.length ? items[0].math.trim() : ''; };
return [...col.querySelectorAll('mjx-container')].filter(m => m.offsetParent !== null).map(m => {
  const display = m.getAttribute('display') === 'true';
  const width = (m.firstElementChild || m).getBoundingClientRect().width;
  const over = width - (display ? m.getBoundingClientRect().width : room);
  return [over, display, tex(m)];
}).filter(x => x[0] > 1).map(x => (x[1] ? 'display' : 'inline') + ' maths ' + Math.round(x[0]) +
  ' px wider than the column: ' + JSON.stringify(x[2].replace(/\\s+/g, ' ').slice(0, 70)));
"""

# Open and close both menus the way a tap does (a click on the visible button), reporting what
# a reader would see: on a phone or tablet a dialog with links; on a laptop the sidebar itself.
MENUS = """
const done = arguments[arguments.length - 1];
const checkToggle = arguments[0];
const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
const visible = el => { if (!el) return false; const r = el.getBoundingClientRect(); const cs = getComputedStyle(el);
  return r.width > 50 && r.right > 0 && r.left < window.innerWidth && cs.visibility !== 'hidden' && cs.display !== 'none'; };
const links = el => visible(el) && [...el.querySelectorAll('a')].some(a => a.getBoundingClientRect().width > 0);
(async () => {
  const out = {};
  for (const which of ['primary', 'secondary']) {
    const sidebar = document.getElementById('pst-' + which + '-sidebar');
    const dialog = document.getElementById('pst-' + which + '-sidebar-modal');
    const hasLinks = sidebar && sidebar.querySelector('a');
    const toggle = [...document.querySelectorAll('button.' + which + '-toggle')].find(b => b.offsetParent !== null);
    const r = {exists: !!hasLinks, shown: links(sidebar), toggle: !!toggle};
    if (toggle && !r.shown) {
      toggle.click(); await frame();
      r.opened = !!(dialog && dialog.open) && links(dialog);
      const close = dialog && dialog.querySelector('.skratch-menu-close');
      r.closeButton = !!close;
      if (close) close.click(); else if (dialog && dialog.open) dialog.close();
      await frame();
      r.closed = !(dialog && dialog.open);
    } else if (toggle && r.shown && checkToggle) {  // a laptop: the button hides the sidebar and brings it back
      toggle.click(); await frame(); await new Promise(res => setTimeout(res, 350));
      r.hid = !links(sidebar) || sidebar.classList.contains('pst-js-hidden') || getComputedStyle(sidebar).visibility === 'hidden';
      toggle.click(); await frame(); await new Promise(res => setTimeout(res, 350));
      r.back = links(sidebar);
    }
    out[which] = r;
  }
  done(out);
})();
"""


def _sampled(docs):
    """Content pages, and the first two of each kind of generated page (they share one template)."""
    keep, seen = [], {}
    for doc in docs:
        kind = next((g for g in GENERATED if doc.startswith(g)), None)
        seen[kind] = seen.get(kind, 0) + 1
        if kind is None or seen[kind] <= 2:
            keep.append(doc)
    return keep


TABLET_PAGES = set(_sampled(PAGES))
KEYBOARD_PAGES = ["book/index", "book/intermediate/linear-regression", "book/beginner/rules-vs-learning", "book/figures/index"]


def _resize(driver, width):
    """Change the window's width without reloading (the page lays itself out again)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 768,
    })
    driver.execute_async_script(
        "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(1)));"
    )


def _visit_all(driver, server, docs):
    """Each page loaded once, at 1280 px, then measured again at 800 and 390 px after a resize."""
    found = {}
    for doc in docs:
        open_page(driver, server, doc, WIDTHS["laptop"])
        for name in ("laptop", "tablet", "phone"):
            if name == "tablet" and doc not in TABLET_PAGES:
                continue
            if name != "laptop":
                _resize(driver, WIDTHS[name])
            visit = {"errors": console_errors(driver)}
            if name != "tablet":
                visit["overflow"] = driver.execute_script(OVERFLOW)
            if name == "laptop":
                visit["code"] = driver.execute_script(CODE_WIDTH)
            if name == "phone":
                visit["maths"] = driver.execute_script(MATHS_WIDTH)
            visit["menus"] = driver.execute_async_script(MENUS, name == "laptop" and doc in KEYBOARD_PAGES)
            visit["errors"] += console_errors(driver)
            found[doc, name] = visit
    return found


@pytest.fixture(scope="module")
def visits(browser, server):
    """Every page of the toc at 390 and 1280 px, and the content pages at 800 px, opened once
    each: what each check needs, measured. Two browsers share the pages, one per core."""
    import concurrent.futures

    second = new_driver()
    try:
        halves = [PAGES[0::2], PAGES[1::2]]
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            results = list(pool.map(lambda pair: _visit_all(pair[0], server, pair[1]), zip([browser, second], halves)))
    finally:
        second.quit()
    return {**results[0], **results[1]}


def _report(problems):
    return "\n".join(f"{doc}: {'; '.join(p)}" for doc, p in problems.items())


def test_browser_pages_do_not_scroll_sideways(visits):
    """Check every page at 390 and 1280 px: nothing makes the page wider than the window."""
    problems = {}
    for (doc, name), visit in visits.items():
        for p in visit.get("overflow", []):
            problems.setdefault(doc, []).append(f"{name}: {p}")
    assert not problems, _report(problems)


def test_browser_pages_log_no_console_errors(visits):
    """Check every page at every width: no error in the browser console (scripts, missing files, the theme)."""
    problems = {}
    for (doc, name), visit in visits.items():
        for m in visit["errors"]:
            problems.setdefault(doc, []).append(f"{name}: {m[:200]}")
    assert not problems, _report(problems)


def test_browser_code_and_outputs_fit_the_column(visits):
    """Check every page at 1280 px: no code block or output is wider than its box (nothing hidden at the right)."""
    problems = {doc: visit["code"] for (doc, name), visit in visits.items() if visit.get("code")}
    assert not problems, _report(problems)


def test_browser_maths_fits_the_column_on_a_phone(visits):
    """Check every page at 390 px: no formula is wider than the column (split it with aligned)."""
    problems = {doc: visit["maths"] for (doc, name), visit in visits.items() if visit.get("maths")}
    assert not problems, _report(problems)


def test_browser_menus_open_and_close_by_tap(visits):
    """Check every page at 390, 800 and 1280 px: the site navigation and the page contents can be opened and closed."""
    problems = {}
    for (doc, name), visit in visits.items():
        for which, r in visit["menus"].items():
            label = "site navigation" if which == "primary" else "page contents"
            if not r["exists"]:
                continue
            if r["shown"] and "hid" in r:
                if not (r["hid"] and r["back"]):
                    problems.setdefault(doc, []).append(f"{name}: the {label} button does not hide and bring back the sidebar")
            elif r["shown"]:
                continue  # always visible at this width (the page contents on a laptop)
            elif not r["toggle"]:
                problems.setdefault(doc, []).append(f"{name}: the {label} is hidden and has no button")
            elif not r.get("opened"):
                problems.setdefault(doc, []).append(f"{name}: tapping the {label} button does not open it")
            elif not (r.get("closeButton") and r.get("closed")):
                problems.setdefault(doc, []).append(f"{name}: the {label} has no working close button")
    assert not problems, _report(problems)


@pytest.mark.parametrize("width", [WIDTHS["phone"], WIDTHS["tablet"]])
def test_browser_menus_open_and_close_by_keyboard(browser, server, width):
    """Check, on one page of each kind, that Enter on a menu button opens the menu and Escape closes it."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    problems = {}
    for doc in [d for d in KEYBOARD_PAGES if d in PAGES]:
        open_page(browser, server, doc, width, wait_for_maths=False)
        for which in ("primary", "secondary"):
            toggle = [b for b in browser.find_elements("css selector", f"button.{which}-toggle") if b.is_displayed()]
            if not toggle:
                continue
            browser.execute_script("arguments[0].focus()", toggle[0])
            ActionChains(browser).send_keys(Keys.ENTER).perform()
            opened = browser.execute_script(f"const d = document.getElementById('pst-{which}-sidebar-modal'); return !!(d && d.open)")
            ActionChains(browser).send_keys(Keys.ESCAPE).perform()
            closed = browser.execute_script(f"const d = document.getElementById('pst-{which}-sidebar-modal'); return !(d && d.open)")
            if not opened or not closed:
                problems.setdefault(doc, []).append(f"{which}: Enter opened {opened}, Escape closed {closed}")
    assert not problems, _report(problems)


def _pages_with(selector):
    from bs4 import BeautifulSoup

    found = []
    for doc in CONTENT_PAGES:
        path = HTML / f"{doc}.html"
        if path.exists() and BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one(selector):
            found.append(doc)
    return found


# Found in the built HTML when a test runs (the ``server`` fixture builds the site first): read
# at import, a clean clone has no HTML yet, and these tests would skip without a word.


ANSWER = """
const quiz = document.querySelectorAll('.skratch-quiz')[arguments[0]];
const score = () => quiz.querySelector('.skratch-quiz-score').textContent;
const log = {start: score()};
const questions = [...quiz.querySelectorAll('.skratch-quiz-question')];
questions.forEach((q, i) => {
  const verdict = () => q.querySelector('.skratch-quiz-verdict').textContent;
  const wrongFirst = i === 0;  // the first question is answered wrong, then right
  if (q.querySelector('.skratch-quiz-choice')) {
    const wrong = q.querySelector('.skratch-quiz-wrong .skratch-quiz-button');
    const right = q.querySelector('.skratch-quiz-right .skratch-quiz-button');
    if (wrongFirst && wrong) { wrong.click(); log['q' + i + 'wrong'] = verdict();
      log['q' + i + 'explained'] = getComputedStyle(wrong.closest('.skratch-quiz-choice').querySelector('.skratch-quiz-explain')).display; }
    right.click(); log['q' + i + 'right'] = verdict();
  } else {
    const box = q.querySelector('.skratch-quiz-numeric');
    const input = box.querySelector('input'); const check = box.querySelector('button');
    const answer = Number(box.dataset.answer), tol = Number(box.dataset.tolerance);
    if (wrongFirst) { input.value = String(answer + 10 * tol + 1 + Math.abs(answer)); check.click(); log['q' + i + 'wrong'] = verdict();
      const reveal = q.querySelector('.skratch-quiz-reveal'); log['q' + i + 'reveal'] = reveal && !reveal.hidden; }
    // the answer as a learner might type it: with a decimal comma
    input.value = String(answer).replace('.', ','); check.click(); log['q' + i + 'right'] = verdict();
  }
  log['after' + i] = score();
});
log.end = score(); log.n = questions.length;
return log;
"""


def test_browser_quizzes_give_feedback_and_keep_score(browser, server):
    """Check every quiz: a wrong answer says "Not quite" and explains, a right one says "Correct.", the score moves."""
    quiz_pages = _pages_with(".skratch-quiz")
    assert quiz_pages, "no page of the built site has a quiz; the units have several"
    problems = {}
    for doc in quiz_pages:
        open_page(browser, server, doc, WIDTHS["laptop"])
        count = browser.execute_script("return document.querySelectorAll('.skratch-quiz').length")
        found = []
        for k in range(count):
            log = browser.execute_script(ANSWER, k)
            n = log["n"]
            if log["start"] != f"Score: 0 / {n}":
                found.append(f"quiz {k + 1} starts at {log['start']!r}")
            if not log.get("q0wrong", "").startswith("Not quite"):
                found.append(f"quiz {k + 1}: a wrong answer said {log.get('q0wrong')!r}")
            if "q0explained" in log and log["q0explained"] == "none":
                found.append(f"quiz {k + 1}: a wrong choice did not explain why")
            if "q0reveal" in log and not log["q0reveal"]:
                found.append(f"quiz {k + 1}: a wrong number did not offer the worked answer")
            for i in range(n):
                if not log.get(f"q{i}right", "").startswith("Correct"):
                    found.append(f"quiz {k + 1}, question {i + 1}: the right answer said {log.get(f'q{i}right')!r}")
            if log["after0"] != f"Score: 0 / {n}":
                found.append(f"quiz {k + 1}: after a wrong then right answer the score is {log['after0']!r}")
            if n > 1 and log["end"] != f"Score: {n - 1} / {n} · all answered":
                found.append(f"quiz {k + 1}: the final score is {log['end']!r}, expected {n - 1} / {n}")
        if found:
            problems[doc] = found
    assert not problems, "\n".join(f"{doc}: {'; '.join(p)}" for doc, p in problems.items())


PLAY = """
const done = arguments[arguments.length - 1];
const player = document.querySelectorAll('.skratch-player')[arguments[0]];
const slider = player.querySelector('input[type=range]'), status = player.querySelector('output');
const overlay = player.querySelector('.skratch-player-overlay');
const data = JSON.parse(player.querySelector('.skratch-player-data').textContent);
const log = {start: Number(slider.value), poster: data.poster,
             max: Number(slider.max), link: (player.querySelector('a.skratch-player-link') || {}).href || null};
player.querySelector('.skratch-player-play').click();
setTimeout(() => {
  log.played = Number(slider.value); log.playStatus = status.textContent;
  player.querySelector('.skratch-player-play').click();  // pause
  slider.value = String(log.max); slider.dispatchEvent(new Event('input'));
  log.seek = Number(player.dataset.frame); log.seekStatus = status.textContent;
  const img = new Image(); img.onload = () => { log.frameLoads = true; done(log); };
  img.onerror = () => { log.frameLoads = false; done(log); };
  img.src = overlay.hidden ? player.querySelector('.skratch-player-base').src : overlay.src;
}, Math.max(1200, 1.5 * (data.interval || 0)));  // at least one frame's interval, with room
"""


def test_browser_animations_play_and_seek(browser, server):
    """Check every animation: it opens on its poster frame, Play advances, the slider seeks, frames load, the picture links to its script."""
    player_pages = _pages_with(".skratch-player")
    assert player_pages, "no page of the built site has an animation; the units have several"
    problems = {}
    for doc in player_pages:
        open_page(browser, server, doc, WIDTHS["laptop"])
        count = browser.execute_script("return document.querySelectorAll('.skratch-player').length")
        found = []
        for k in range(count):
            log = browser.execute_async_script(PLAY, k)
            if log["start"] != log["poster"]:
                found.append(f"player {k + 1} opens on frame {log['start']}, not its poster frame {log['poster']}")
            if not log["played"] > log["start"]:
                found.append(f"player {k + 1}: Play did not advance (still frame {log['played']})")
            if log["seek"] != log["max"]:
                found.append(f"player {k + 1}: the slider did not seek to the last frame (shows {log['seek']})")
            if not log["frameLoads"]:
                found.append(f"player {k + 1}: a frame's picture does not load")
            if not log["link"] or "/figures/plot_" not in log["link"] and "#source" not in log["link"]:
                found.append(f"player {k + 1}: the picture is not a link to its script ({log['link']})")
        if found:
            problems[doc] = found
    assert not problems, "\n".join(f"{doc}: {'; '.join(p)}" for doc, p in problems.items())


AXE_RUN = """
    const done = arguments[arguments.length - 1];
    axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.filter(v => ['serious', 'critical'].includes(v.impact))
      .map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => ({target: n.target.join(' '),
         ours: !!document.querySelector(n.target.join(' ')) && !!document.querySelector(n.target.join(' ')).closest('article.bd-article')}))}))))
      .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: [{target: '', ours: true}]}]));
"""


def _axe_all(driver, server, docs, script):
    """axe-core's serious and critical violations on each page: ``{doc: [violation, ...]}``."""
    found = {}
    for doc in docs:
        open_page(driver, server, doc, WIDTHS["laptop"])
        driver.execute_script(script)
        found[doc] = driver.execute_async_script(AXE_RUN)
    return found


def test_browser_axe_finds_no_serious_problem_in_our_markup(browser, server):
    """Check every page with axe-core: no serious or critical violation in the page's own content."""
    import concurrent.futures

    if not AXE.exists():
        message = "axe-core is missing: run `npm ci` in the repository (make test does it when npm is installed)"
        if REQUIRE:
            pytest.fail(message)
        pytest.skip(message)
    script = AXE.read_text(encoding="utf-8")
    docs = _sampled(PAGES)  # generated pages share their template: two of each kind
    second = new_driver()  # two browsers share the pages, one per core, as the visits do
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            halves = pool.map(lambda pair: _axe_all(pair[0], server, pair[1], script), zip([browser, second], [docs[0::2], docs[1::2]]))
            results = {k: v for half in halves for k, v in half.items()}
    finally:
        second.quit()
    problems, theme = {}, {}
    for doc in docs:
        for violation in results[doc]:
            ours = [n["target"] for n in violation["nodes"] if n["ours"] and violation["id"] not in THEME_AXE]
            if ours:
                problems.setdefault(doc, []).append(f"{violation['id']} ({violation['impact']}): {violation['help']} at {ours[:3]}")
            else:
                theme.setdefault(violation["id"], set()).add(doc)
    unexplained = {v: sorted(d)[:3] for v, d in theme.items() if v not in THEME_AXE}
    assert not problems, "\n".join(f"{doc}: {'; '.join(p)}" for doc, p in problems.items())
    assert not unexplained, f"axe findings in the theme's markup with no issue listed in THEME_AXE: {unexplained}"


def _transfer_size(path):
    """Bytes a static host sends for a file: text gzipped (as GitHub Pages does), binaries as they are."""
    data = path.read_bytes()
    if path.suffix in {".html", ".css", ".js", ".json", ".svg", ".txt", ".map"} or path.name.endswith((".ttf",)):
        return len(gzip.compress(data, 6))
    return len(data)


@pytest.mark.parametrize("doc", unit_documents())
def test_browser_unit_pages_transfer_under_1_5_mb(browser, server, doc):
    """Check what a browser fetches for a unit page (and would fetch to play its animations) stays under 1.5 MB."""
    open_page(browser, server, doc, WIDTHS["laptop"])
    urls = browser.execute_script("""
        const urls = [location.href, ...performance.getEntriesByType('resource').map(e => e.name)];
        document.querySelectorAll('.skratch-player-data').forEach(d => JSON.parse(d.textContent).frames
            .forEach(f => f && urls.push(new URL(f.src, location.href).href)));
        return urls;
    """)
    total, files = 0, {}
    for url in urls:
        parsed = urlparse(url)
        if not url.startswith(server):
            continue  # nothing comes from elsewhere (the console test would have failed)
        path = HTML / unquote(parsed.path.lstrip("/"))
        if path.is_file() and path not in files:
            files[path] = _transfer_size(path)
    total = sum(files.values())
    biggest = sorted(files.items(), key=lambda kv: -kv[1])[:5]
    assert total < MAX_UNIT_TRANSFER, (
        f"{doc} transfers {total / 1e6:.2f} MB; the largest: "
        + ", ".join(f"{p.relative_to(HTML)} {s / 1e3:.0f} KB" for p, s in biggest)
    )
    print(f"{doc}: {total / 1e3:.0f} KB in {len(files)} files")


def test_browser_a_tap_on_a_figure_opens_it_larger_on_a_phone(browser, server):
    """Check that on a phone a figure opens full width, with its caption and the link to its script."""
    doc = next((d for d in CONTENT_PAGES if d.startswith("book/intermediate/linear-regression")), CONTENT_PAGES[0])
    open_page(browser, server, doc, WIDTHS["phone"])
    result = browser.execute_script("""
        const link = document.querySelector('figure a.figure-script-link');
        if (!link) return null;
        const small = link.querySelector('img').getBoundingClientRect().width;
        link.click();
        const viewer = document.querySelector('dialog.skratch-viewer');
        const out = {open: !!(viewer && viewer.open), small: small, url: location.href};
        if (viewer && viewer.open) {
            out.big = viewer.querySelector('img').getBoundingClientRect().width;
            out.script = viewer.querySelector('a.skratch-viewer-script').getAttribute('href');
            out.caption = viewer.querySelector('.skratch-viewer-caption').textContent.length;
            viewer.querySelector('.skratch-viewer-close').click();
            out.closed = !viewer.open;
        }
        return out;
    """)
    assert result, f"{doc}: no figure linked to its script"
    assert result["open"], f"{doc}: a tap on a figure at 390 px did not open it larger"
    assert result["big"] > 1.4 * result["small"], f"{doc}: the enlarged figure is {result['big']:.0f} px, the figure {result['small']:.0f} px"
    assert "/figures/plot_" in result["script"] and result["caption"] > 0 and result["closed"]
    open_page(browser, server, doc, WIDTHS["laptop"], wait_for_maths=False)
    went = browser.execute_script("""
        const link = document.querySelector('figure a.figure-script-link'); return link.getAttribute('href');""")
    assert "/figures/plot_" in went, "on a laptop the picture itself is the link to its script"


def test_browser_search_lists_the_unit_before_its_figures(browser, server):
    """Check that searching a unit's subject ranks the unit above the figure pages that repeat its words."""
    browser.get(server + "search.html?q=gradient+descent")
    links = browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const wait = (n) => { const items = document.querySelectorAll('#search-results li a, ul.search li a');
            if (items.length || n > 100) done([...items].map(a => a.getAttribute('href'))); else setTimeout(() => wait(n + 1), 100); };
        wait(0);
    """)
    assert links, "the search page found nothing for 'gradient descent'"
    first_figure = next((i for i, href in enumerate(links) if "/figures/plot_" in href), len(links))
    unit = next((i for i, href in enumerate(links) if "intermediate/gradient-descent" in href), None)
    assert unit is not None and unit < first_figure, f"search results: {links[:6]}"
