# SPDX-License-Identifier: EUPL-1.2
"""review_page.py BASE_URL SCREENSHOT.png: the browser test of the review page of
`twohats serve` (GET /). It starts Debian's chromium headless, drives it over the Chrome
DevTools Protocol as a user would (typed text, real clicks, the keyboard), and checks the
highlighted span, the guideline, the explanation, a fix and the Dutch interface. It prints
TAP and saves a screenshot of the checked page as a test artefact. Needs the Debian packages
chromium and python3-websocket; without them it prints a TAP skip."""
import base64
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

try:
    import websocket
except ImportError:
    # python3-websocket is Debian's: a python3 of another installation (pyenv, venv)
    # on PATH does not see it, Debian's own does.
    if (os.path.exists("/usr/bin/python3") and not os.environ.get("REVIEW_PAGE_REEXEC")
            and os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3")):
        os.environ["REVIEW_PAGE_REEXEC"] = "1"
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    print("1..0 # SKIP python3-websocket is not installed (Debian package python3-websocket)")
    sys.exit(0)

WAIT = 20  # seconds, for every wait

# A short government text with one vote call in it, after "één" (two 2-byte characters,
# so the server's byte offsets differ from the page's character offsets).
TEXT = ("Het kabinet investeert dit jaar één miljard euro in de zorg. "
        "Stem op 15 maart op de VVD! Wij blijven werken aan goed onderwijs.")
SPAN = "Stem op 15 maart op de VVD!"  # offset 63, length 27 bytes
RULE = "party-politics/vote-call"
# From `./twohats --explain party-politics/vote-call` (whitespace collapsed).
EXPLAINED = ("government communication never serves a party-political interest (UO-2017), "
             "civil servants do not engage in party politics in their function (GIR-2019)")
RULE_NL = "overheidscommunicatie dient nooit een partijbelang"  # the Dutch message


class Failure(Exception):
    pass


class Chromium:
    """A headless chromium and one page in it, over one DevTools connection."""

    def __init__(self):
        exe = shutil.which("chromium") or shutil.which("chromium-browser")
        if not exe:
            raise FileNotFoundError("chromium")
        self.profile = tempfile.mkdtemp(prefix="twohats-chromium.")
        args = [exe, "--headless=new", "--remote-debugging-port=0",
                "--user-data-dir=" + self.profile, "--no-first-run", "--no-default-browser-check",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-proxy-server", "--mute-audio", "--hide-scrollbars", "--lang=en-US",
                "--force-device-scale-factor=1", "--window-size=1000,1400", "about:blank"]
        if os.geteuid() == 0:
            args.insert(1, "--no-sandbox")
        self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, start_new_session=True)
        self.log = []
        self.ws = None
        try:
            self.connect()
        except BaseException:
            self.close()
            raise

    def connect(self):
        found = threading.Event()
        self.browser_ws = None

        def read():
            for raw in self.proc.stderr:
                line = raw.decode("utf-8", "replace").rstrip()
                self.log.append(line)
                if line.startswith("DevTools listening on ") and not found.is_set():
                    self.browser_ws = line.split(" ", 3)[3]
                    found.set()
            found.set()
        threading.Thread(target=read, daemon=True).start()
        if not found.wait(WAIT) or not self.browser_ws:
            raise Failure("chromium did not print 'DevTools listening on' within %d s; its "
                          "standard error:\n%s" % (WAIT, "\n".join(self.log[-20:])))
        self.ws = websocket.create_connection(self.browser_ws, timeout=WAIT, suppress_origin=True)
        self.next_id = 0
        self.events = []
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)
        self.session = self.send("Target.attachToTarget", {"targetId": target["targetId"],
                                                           "flatten": True},
                                 session=False)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.send(domain + ".enable")

    def send(self, method, params=None, session=True):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = self.session
        self.ws.send(json.dumps(msg))
        deadline = time.time() + WAIT
        while time.time() < deadline:
            reply = json.loads(self.ws.recv())
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise Failure("%s: %s" % (method, reply["error"].get("message")))
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)
        raise Failure("timed out after %d s waiting for the answer to %s" % (WAIT, method))

    def js(self, expression):
        res = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                             "awaitPromise": True})
        if "exceptionDetails" in res:
            raise Failure("script error in %r: %s" % (expression, res["exceptionDetails"].get(
                "exception", {}).get("description", res["exceptionDetails"].get("text"))))
        return res["result"].get("value")

    def wait(self, expression, what):
        """Poll a script expression until it is truthy; its value."""
        deadline = time.time() + WAIT
        while True:
            value = self.js(expression)
            if value:
                return value
            if time.time() > deadline:
                raise Failure("timed out after %d s waiting for %s" % (WAIT, what))
            time.sleep(0.1)

    def click(self, selector):
        """A real mouse click at the middle of the element's box."""
        box = self.js("(() => { const e = document.querySelector(%s); if (!e) return null;"
                      " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
                      " return [r.left + r.width / 2, r.top + r.height / 2]; })()"
                      % json.dumps(selector))
        if not box:
            raise Failure("no element %s to click" % selector)
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": box[0], "y": box[1],
                                                   "button": "left", "clickCount": 1})

    KEYS = {"Tab": {"key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9},
            "Enter": {"key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13, "text": "\r"},
            "Space": {"key": " ", "code": "Space", "windowsVirtualKeyCode": 32, "text": " "}}

    def press(self, name):
        key = dict(self.KEYS[name])
        self.send("Input.dispatchKeyEvent", dict(key, type="keyDown"))
        key.pop("text", None)
        self.send("Input.dispatchKeyEvent", dict(key, type="keyUp"))

    def select(self, element_id, value):
        """Choose a value as the page sees a choice: the value, then input and change."""
        ok = self.js("(() => { const s = document.getElementById(%s); if (!s) return false;"
                     " s.focus(); s.value = %s;"
                     " s.dispatchEvent(new Event('input', {bubbles: true}));"
                     " s.dispatchEvent(new Event('change', {bubbles: true}));"
                     " return s.value === %s; })()"
                     % (json.dumps(element_id), json.dumps(value), json.dumps(value)))
        if not ok:
            raise Failure("#%s has no choice %r" % (element_id, value))

    def type_into(self, element_id, text):
        """Focus the element, empty it, and insert text as typing or pasting does."""
        self.js("(() => { const e = document.getElementById(%s); e.focus(); e.select(); })()"
                % json.dumps(element_id))
        self.send("Input.insertText", {"text": text})

    def screenshot(self, path):
        size = self.send("Page.getLayoutMetrics")["cssContentSize"]
        shot = self.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                                    "clip": {"x": 0, "y": 0, "scale": 1,
                                                             "width": size["width"],
                                                             "height": min(size["height"], 6000)}})
        with open(path, "wb") as f:
            f.write(base64.b64decode(shot["data"]))

    def script_errors(self):
        self.js("1")  # collect the events that came in meanwhile
        errors = []
        for ev in self.events:
            if ev["method"] == "Runtime.exceptionThrown":
                d = ev["params"]["exceptionDetails"]
                errors.append(d.get("exception", {}).get("description") or d.get("text"))
            elif ev["method"] == "Log.entryAdded":
                e = ev["params"]["entry"]
                if e.get("level") == "error" and e.get("source") in ("javascript", "security",
                                                                      "violation"):
                    errors.append("%s: %s" % (e["source"], e.get("text")))
        return errors

    def close(self):
        if self.ws:
            try:
                self.ws.close()
            except Exception:
                pass
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(5)
            except (subprocess.TimeoutExpired, ProcessLookupError):
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def language(b, accept):
    """navigator.languages and Accept-Language as a browser set to `accept` has them."""
    ua = b.send("Browser.getVersion", session=False)["userAgent"]
    b.send("Emulation.setUserAgentOverride", {"userAgent": ua, "acceptLanguage": accept})


def load(b, url):
    b.send("Page.navigate", {"url": url})
    b.wait("document.readyState === 'complete' && !!document.getElementById('check')",
           "the review page to load at " + url)


def steps(b, base, shot):
    def mark_text(rule):
        return ("Array.from(document.querySelectorAll('mark.finding')).filter(m =>"
                " m.dataset.rule.split(' ').includes(%s)).map(m => m.textContent).join('|')"
                % json.dumps(rule))

    def page_loads():
        b.send("Emulation.setDeviceMetricsOverride", {"width": 1000, "height": 1400,
                                                      "deviceScaleFactor": 1, "mobile": False})
        language(b, "en-US,en")
        load(b, base)
        got = b.js("[document.documentElement.lang, document.getElementById('check').textContent,"
                   " document.querySelectorAll('h1').length]")
        if got != ["en", "Check", 1]:
            raise Failure("lang, button, h1 count: got %r, want ['en', 'Check', 1]" % got)
    yield "GET / serves the review page, in English for an English browser", page_loads

    def labelled():
        bad = b.js("Array.from(document.querySelectorAll('input, select, textarea, button'))"
                   ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')"
                   " && !e.textContent.trim()).map(e => e.id || e.outerHTML)")
        ids = b.js("['text','format','channel','account','prepared-by','event','date','file',"
                   "'check','summary','findings'].filter(i => !document.getElementById(i))")
        if bad or ids:
            raise Failure("controls without a label: %r; missing ids: %r" % (bad, ids))
    yield "every control has a label, and the documented ids exist", labelled

    def paste():
        b.type_into("text", TEXT)
        got = b.js("document.getElementById('text').value")
        if got != TEXT:
            raise Failure("#text holds %r" % got)
        b.select("format", "text")
        b.select("channel", "press-release")
        b.select("prepared-by", "civil-service")
    yield "a text typed into #text, channel and prepared-by chosen", paste

    def check_click():
        b.click("#check")
        got = b.wait(mark_text(RULE), "a highlighted finding of " + RULE)
        if got != SPAN:
            raise Failure("highlighted %r, want %r" % (got, SPAN))
    yield "a click on #check highlights exactly %r" % SPAN, check_click

    def listed():
        got = b.js("(() => { const l = document.querySelectorAll('#findings > li');"
                   " return [l.length, l[0].querySelector('.rule code').textContent,"
                   " l[0].querySelector('.sev').textContent]; })()")
        if got != [1, RULE, "error"]:
            raise Failure("findings list: got %r, want [1, %r, 'error']" % (got, RULE))
        summary = " ".join(b.js("document.getElementById('summary').textContent").split())
        for want in ("1 finding", "error: 1", "party-politics: 1"):
            if want not in summary:
                raise Failure("summary %r lacks %r" % (summary, want))
    yield "the list cites the rule with its severity in words, the summary counts it", listed

    def explain():
        b.click("#findings li .explain")
        text = b.wait("(() => { const e = document.querySelector('#findings li .explanation');"
                      " return e && !e.hidden && e.textContent.includes('(UO-2017)')"
                      " && e.textContent; })()", "the explanation of " + RULE)
        text = " ".join(text.split())
        if EXPLAINED not in text:
            raise Failure("the explanation lacks %r; it reads %r" % (EXPLAINED, text[:400]))
        expanded = b.js("document.querySelector('#findings li .explain')"
                        ".getAttribute('aria-expanded')")
        if expanded != "true":
            raise Failure("the explanation button does not say aria-expanded=true")
    yield "Explanation shows the rule's explanation, with its sources", explain

    def screenshot():
        b.screenshot(shot)
        with open(shot, "rb") as f:
            if f.read(8) != b"\x89PNG\r\n\x1a\n":
                raise Failure("%s is not a PNG" % shot)
    yield "a screenshot of the checked page is saved in " + shot, screenshot

    def follow(link, focused, what, want):
        """Enter on `link`: the focus lands where `focused` (an expression) says."""
        b.js("document.querySelector(%s).focus()" % json.dumps(link))
        b.press("Enter")
        got = b.wait(focused, what)
        if got != want:
            raise Failure("%s: the focus went to %r" % (what, got))

    def links():
        follow("#findings li .goto", "document.activeElement.tagName === 'MARK'"
               " && document.activeElement.textContent",
               "the finding's link to move the focus to its mark", SPAN)
        follow("#rendered a.ref", "document.activeElement.id === 'finding-1'"
               " && document.activeElement.dataset.rule",
               "the mark's link to move the focus back to the finding", RULE)
    yield "the finding links to its mark and the mark back to the finding (keyboard)", links

    def keyboard():
        b.select("channel", "social")
        b.select("account", "hybrid")
        b.select("prepared-by", "")
        b.type_into("party", "VVD")
        b.js("document.getElementById('event').focus()")
        for _ in range(12):
            b.press("Tab")
            if b.js("document.activeElement.id") == "check":
                break
        else:
            raise Failure("Tab from #event never reached #check (focus on %r)"
                          % b.js("document.activeElement.outerHTML.slice(0, 80)"))
        b.press("Enter")
        got = b.wait(mark_text("social-media/hybrid-untagged"),
                     "a highlighted finding of social-media/hybrid-untagged")
        if got != SPAN:
            raise Failure("highlighted %r, want %r" % (got, SPAN))
    yield "Tab reaches #check and Enter checks again (hybrid account, party VVD)", keyboard

    def fix():
        b.wait("!!document.querySelector('#findings li .apply')", "an Apply fix button")
        b.js("document.querySelector('#findings li .apply').focus()")
        b.press("Space")
        b.wait("document.getElementById('text').value === %s && !document.querySelector("
               "'mark.finding') && !document.getElementById('results').hasAttribute('aria-busy')"
               % json.dumps(TEXT + " #VVD"), "the fixed text to be checked clean")
    yield ("Space on Apply fix appends ' #VVD' (a byte offset after 'één') and the text is clean",
           fix)

    def upload():
        docx = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "documents",
                            "persbericht.docx")
        b.select("channel", "")
        b.select("account", "")
        b.select("prepared-by", "civil-service")
        b.js("document.getElementById('party').value = ''")
        obj = b.send("Runtime.evaluate", {"expression": "document.getElementById('file')"})
        b.send("DOM.setFileInputFiles", {"files": [os.path.abspath(docx)],
                                         "objectId": obj["result"]["objectId"]})
        b.wait("document.getElementById('file-status').textContent.includes('persbericht.docx')",
               "the page to read persbericht.docx")
        b.click("#check")
        got = b.wait("document.getElementById('text').value.includes('Stem op de VVD!') && "
                     + mark_text(RULE), "the findings in persbericht.docx")
        also = b.js(mark_text("office-premises/campaign-use"))
        if (got, also) != ("Stem op de VVD!", "campagnevideo in de ministerskamer"):
            raise Failure("highlighted %r and %r, want 'Stem op de VVD!' and "
                          "'campagnevideo in de ministerskamer'" % (got, also))
    yield "an uploaded Word file is checked, its text shown with the finding marked", upload

    def server_error():
        broken = os.path.join(b.profile, "kapot.docx")
        with open(broken, "wb") as f:
            f.write(b"this is no Word file")
        obj = b.send("Runtime.evaluate", {"expression": "document.getElementById('file')"})
        b.send("DOM.setFileInputFiles", {"files": [broken], "objectId": obj["result"]["objectId"]})
        b.wait("document.getElementById('file-status').textContent.includes('kapot.docx')",
               "the page to read kapot.docx")
        b.click("#check")
        got = b.wait("(() => { const e = document.getElementById('error');"
                     " return e.getAttribute('role') === 'alert' && e.textContent; })()",
                     "the server's error in the alert region")
        if "kapot.docx" not in got:
            raise Failure("the alert reads %r, without the file's name" % got)
    yield "the server's error for a broken Word file is shown in the alert region", server_error

    def reflow():
        b.send("Emulation.setDeviceMetricsOverride", {"width": 320, "height": 800,
                                                      "deviceScaleFactor": 1, "mobile": False})
        width = b.wait("document.readyState === 'complete' && document.documentElement.scrollWidth",
                       "the page's width")
        b.send("Emulation.setDeviceMetricsOverride", {"width": 1000, "height": 1400,
                                                      "deviceScaleFactor": 1, "mobile": False})
        if width > 320:
            raise Failure("at 320 CSS pixels (400%% zoom) the page is %d pixels wide" % width)
    yield "at 320 CSS pixels wide (400% zoom) nothing scrolls sideways", reflow

    def dutch():
        language(b, "nl-NL,nl;q=0.9,en;q=0.5")
        load(b, base)
        got = b.js("[document.documentElement.lang, document.getElementById('check').textContent]")
        if got != ["nl", "Controleren"]:
            raise Failure("lang and button: got %r, want ['nl', 'Controleren']" % got)
        b.type_into("text", TEXT)
        b.select("channel", "press-release")
        b.js("document.getElementById('check').focus()")
        b.press("Space")
        got = b.wait(mark_text(RULE), "a highlighted finding of " + RULE)
        msg = b.js("document.querySelector('#findings li .msg').textContent")
        sev = b.js("document.querySelector('#findings li .sev').textContent")
        button = b.js("document.querySelector('#findings li .explain').textContent")
        if got != SPAN or RULE_NL not in msg or sev != "fout" or button != "Uitleg":
            raise Failure("got span %r, severity %r, button %r, message %r"
                          % (got, sev, button, msg))
    yield "in Dutch for a Dutch browser: interface and the server's message", dutch

    def no_errors():
        errors = b.script_errors()
        if errors:
            raise Failure("errors on the page: %r" % errors)
    yield "no script errors or blocked resources on the page", no_errors


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: review_page.py BASE_URL SCREENSHOT.png")
    base, shot = sys.argv[1].rstrip("/") + "/", sys.argv[2]
    if not (shutil.which("chromium") or shutil.which("chromium-browser")):
        print("1..0 # SKIP chromium is not installed (Debian package chromium)")
        return 0
    plan = list(steps(None, base, shot))
    print("1..%d" % len(plan), flush=True)
    failed = 0
    b = None
    try:
        b = Chromium()
        for n, (what, step) in enumerate(steps(b, base, shot), 1):
            if failed:
                print("not ok %d - %s # not run: an earlier step failed" % (n, what))
                continue
            try:
                step()
                print("ok %d - %s" % (n, what), flush=True)
            except (Failure, websocket.WebSocketException, OSError) as e:
                failed += 1
                print("not ok %d - %s" % (n, what))
                print("\n".join("# " + line for line in str(e).splitlines()), flush=True)
                try:
                    b.screenshot(shot)
                    print("# screenshot of the failure in " + shot)
                except Exception:
                    pass
    except (Failure, OSError, websocket.WebSocketException) as e:
        for n, (what, _) in enumerate(plan, 1):
            print("not ok %d - %s" % (n, what))
        print("\n".join("# " + line for line in ("chromium: %s" % e).splitlines()))
        failed += 1
    finally:
        if b:
            b.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
