"""Debian's Firefox ESR, headless, driven over WebDriver BiDi (built into Firefox).

Playwright drives only its own patched Firefox, which cannot be downloaded here; the
standard protocol needs no driver binary, only a WebSocket client. Just what the offline
tests use: open a page, run a script in it, type keys, and record every request the
pages make and every error they log.

Every http(s) request goes to a proxy that does not exist (the profile's prefs), so the
offline copy is tested with no network at all, as on a commune's old PC.
"""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from websockets.sync.client import connect

FIREFOX = shutil.which("firefox-esr") or shutil.which("firefox") or "/usr/bin/firefox-esr"

# No update checks, telemetry, remote settings or safe-browsing lists; no way out to the network.
PREFS = {
    "network.proxy.type": 1, "network.proxy.http": "127.0.0.1", "network.proxy.http_port": 9,
    "network.proxy.ssl": "127.0.0.1", "network.proxy.ssl_port": 9, "network.proxy.share_proxy_settings": True,
    "network.proxy.allow_hijacking_localhost": True, "network.proxy.no_proxies_on": "",
    "app.update.disabledForTesting": True, "browser.shell.checkDefaultBrowser": False,
    "datareporting.policy.dataSubmissionEnabled": False, "toolkit.telemetry.enabled": False,
    "services.settings.server": "http://127.0.0.1:9/", "browser.safebrowsing.update.enabled": False,
    "browser.safebrowsing.malware.enabled": False, "browser.safebrowsing.phishing.enabled": False,
    "network.captive-portal-service.enabled": False, "network.connectivity-service.enabled": False,
    "browser.startup.homepage_override.mstone": "ignore", "browser.aboutwelcome.enabled": False,
    "extensions.getAddons.cache.enabled": False, "extensions.update.enabled": False,
    "browser.newtabpage.enabled": False, "browser.startup.page": 0,
}


class FirefoxError(RuntimeError):
    pass


class Firefox:
    """One headless Firefox with one tab; events are kept in `requests` and `errors`."""

    def __init__(self, timeout: float = 60):
        self.profile = Path(tempfile.mkdtemp(prefix="axt-firefox-"))
        (self.profile / "user.js").write_text(
            "".join(f"user_pref({json.dumps(k)}, {json.dumps(v)});\n" for k, v in PREFS.items()), encoding="utf-8")
        self.process = subprocess.Popen(
            [FIREFOX, "--headless", "--no-remote", "--profile", str(self.profile), "--remote-debugging-port=0",
             "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        url = self._bidi_url(timeout)
        self._closing = contextlib.ExitStack()
        self.ws = self._closing.enter_context(connect(url + "/session", max_size=None, open_timeout=timeout))
        self.timeout = timeout
        self._id = 0
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.command("session.new", capabilities={"alwaysMatch": {"acceptInsecureCerts": False}})
        self.loads = 0  # pages loaded in the tab so far
        self.command("session.subscribe", events=["network.beforeRequestSent", "log.entryAdded", "browsingContext.load"])
        self.context = self.command("browsingContext.getTree")["contexts"][0]["context"]

    def _bidi_url(self, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        for line in self.process.stderr:
            found = re.search(r"WebDriver BiDi listening on (ws://\S+)", line)
            if found:
                return found.group(1)
            if time.monotonic() > deadline:
                break
        raise FirefoxError("Firefox did not start its WebDriver BiDi server")

    def command(self, method: str, **params):
        self._id += 1
        self.ws.send(json.dumps({"id": self._id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv(timeout=self.timeout))
            if message.get("type") == "event":
                self._event(message)
            elif message.get("id") == self._id:
                if message.get("type") == "error":
                    raise FirefoxError(f"{method}: {message.get('error')}: {message.get('message')}")
                return message["result"]

    def _event(self, message: dict) -> None:
        params = message["params"]
        if message["method"] == "network.beforeRequestSent":
            self.requests.append(params["request"]["url"])
        elif message["method"] == "log.entryAdded" and params.get("level") == "error":
            self.errors.append(f"{params.get('type')}: {params.get('text')}")
        elif message["method"] == "browsingContext.load" and params.get("context") == self.context:
            self.loads += 1

    def goto(self, url: str) -> None:
        self.command("browsingContext.navigate", context=self.context, url=url, wait="complete")

    def evaluate(self, expression: str):
        """The value of a JavaScript expression in the page (a promise is awaited)."""
        result = self.command("script.evaluate", expression=expression, target={"context": self.context},
                              awaitPromise=True)
        if result["type"] == "exception":
            raise FirefoxError(f"{expression}: {result['exceptionDetails'].get('text')}")
        return _value(result["result"])

    def wait_for(self, expression: str, timeout: float = 20):
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise FirefoxError(f"still false after {timeout} s: {expression}")
            time.sleep(0.1)

    def click(self, selector: str, index: int = 0) -> None:
        """A real mouse click in the middle of the index-th match (scrolled into view first)."""
        box = self.evaluate(f"""(() => {{ const e = document.querySelectorAll({json.dumps(selector)})[{index}];
            if (!e) return null; e.scrollIntoView({{block: "center"}}); const r = e.getBoundingClientRect();
            return [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)]; }})()""")
        if not box:
            raise FirefoxError(f"nothing matches {selector}")
        self.command("input.performActions", context=self.context, actions=[{
            "type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"},
            "actions": [{"type": "pointerMove", "x": box[0], "y": box[1]},
                        {"type": "pointerDown", "button": 0}, {"type": "pointerUp", "button": 0}]}])

    def follow(self, selector: str) -> None:
        """Click a link and wait until the page it leads to has loaded."""
        loads = self.loads
        self.click(selector)
        deadline = time.monotonic() + self.timeout
        while self.loads == loads:
            if time.monotonic() > deadline:
                raise FirefoxError(f"no page loaded after a click on {selector}")
            try:
                self._event(json.loads(self.ws.recv(timeout=1)))
            except TimeoutError:
                pass

    def type(self, text: str) -> None:
        keys = []
        for char in text:
            keys += [{"type": "keyDown", "value": char}, {"type": "keyUp", "value": char}]
        self.command("input.performActions", context=self.context,
                     actions=[{"type": "key", "id": "keyboard", "actions": keys}])

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.command("session.end")
        with contextlib.suppress(Exception):
            self._closing.close()
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


def _value(remote: dict):
    """A BiDi remote value as Python (strings, numbers, booleans, null, arrays, objects)."""
    kind, value = remote.get("type"), remote.get("value")
    if kind == "array":
        return [_value(v) for v in value]
    if kind == "object":
        return {k if isinstance(k, str) else _value(k): _value(v) for k, v in value}
    if kind in ("undefined", "null"):
        return None
    return value
