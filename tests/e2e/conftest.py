"""Browser fixtures: a JupyterLab server started by the test on loopback, driven by Debian's
headless Chromium through Playwright's Python package (never a downloaded browser).

Every server gets fresh JUPYTER_CONFIG_DIR / JUPYTER_DATA_DIR / IPYTHONDIR folders and every
browser a fresh profile, so nothing touches $HOME. Screenshots and step times go to build/e2e/.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "build" / "e2e"
CHROMIUM = Path("/usr/bin/chromium")  # Debian's package: apt-get install chromium
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
TIMEOUT_MS = 90_000


# --------------------------------------------------------------------------------------------
# Step times


class Timings:
    """``with timings.step("student: run all"):`` prints and records how long a step took."""

    def __init__(self, path: Path):
        self.path = path
        self.rows: list[tuple[str, float]] = []
        self.started = time.perf_counter()

    @contextlib.contextmanager
    def step(self, name: str):
        t = time.perf_counter()
        try:
            yield
        finally:
            seconds = time.perf_counter() - t
            self.rows.append((name, seconds))
            print(f"[e2e] {seconds:6.1f} s  {name}", flush=True)
            self.write()

    def write(self) -> None:
        lines = [f"{s:6.1f} s  {name}" for name, s in self.rows]
        lines.append(f"{time.perf_counter() - self.started:6.1f} s  wall clock so far "
                     "(the instructor's JupyterLab starts while the course is prepared)")
        self.path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in [*ARTIFACTS.glob("*.png"), *ARTIFACTS.glob("*.log"), ARTIFACTS / "timings.txt"]:
        old.unlink(missing_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def timings(artifacts) -> Timings:
    return Timings(artifacts / "timings.txt")


# --------------------------------------------------------------------------------------------
# JupyterLab


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def isolated_env(env: dict[str, str], home: Path) -> dict[str, str]:
    """``env`` with every Jupyter/IPython/Keras/matplotlib folder moved under ``home``."""
    env = dict(env)
    for var, sub in [("JUPYTER_CONFIG_DIR", "jupyter-config"), ("JUPYTER_DATA_DIR", "jupyter-data"),
                     ("JUPYTER_RUNTIME_DIR", "jupyter-runtime"), ("IPYTHONDIR", "ipython"),
                     ("KERAS_HOME", "keras"), ("MPLCONFIGDIR", "mpl")]:
        env[var] = str(home / sub)
    return env


def token_free(args: list[str]) -> list[str]:
    """The server answers on 127.0.0.1 only; the test browser logs in without a token."""
    return [*args, "--no-browser", "--IdentityProvider.token="]


@contextlib.contextmanager
def jupyterlab(args: list[str], env: dict[str, str], cwd: Path, log: Path):
    """Start JupyterLab, wait until its REST API answers, yield the base URL, then stop it."""
    port = next(int(a.split("=", 1)[1]) for a in args if a.startswith("--port="))
    base = f"http://127.0.0.1:{port}"
    with log.open("w") as out:
        proc = subprocess.Popen(args, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    try:
        deadline = time.monotonic() + 90
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"JupyterLab exited ({proc.returncode}):\n{log.read_text()}")
            try:
                with urllib.request.urlopen(base + "/api", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"JupyterLab did not answer in 90 s:\n{log.read_text()}")
            time.sleep(0.25)
        yield base
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)  # the server and the kernels it started
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)


# --------------------------------------------------------------------------------------------
# Browser

# Records every toast notification JupyterLab shows (the news pop-up is one), for the tests.
_TOAST_RECORDER = """
window.__toasts = [];
new MutationObserver(() => {
  for (const t of document.querySelectorAll('.Toastify__toast')) {
    if (!t.__seen) { t.__seen = true; window.__toasts.push(t.textContent); }
  }
}).observe(document, {childList: true, subtree: true});
"""


@pytest.fixture(scope="session")
def playwright_driver():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: the browser tests need Debian's chromium "
                    "(apt-get install chromium; .ci/run installs it)")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="the browser tests need the playwright package "
        "(pinned in requirements.txt)")
    with sync_api.sync_playwright() as p:
        yield p


@pytest.fixture
def page(playwright_driver, tmp_path, timings):
    """A page of a fresh headless Chromium profile; requests off loopback are recorded."""
    profile, home = tmp_path / "chromium-profile", tmp_path / "chromium-home"
    home.mkdir()
    with timings.step("browser: launch headless Chromium with a fresh profile"):
        ctx = playwright_driver.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 900}, env={**os.environ, "HOME": str(home)},
        )
    try:
        ctx.add_init_script(_TOAST_RECORDER)
        pg = ctx.pages[0] if ctx.pages else ctx.new_page()
        pg.set_default_timeout(TIMEOUT_MS)
        # The course is offline: a request that would leave the machine is recorded and aborted.
        pg.off_loopback = []

        def _block(route):
            pg.off_loopback.append(route.request.url)
            route.abort()

        ctx.route(re.compile(r"^(https?|wss?|ftp)://(?!127\.0\.0\.1[:/])"), _block)
        yield pg
    finally:
        ctx.close()


@pytest.fixture
def shot(artifacts):
    """``shot(page, "01-readme")`` saves build/e2e/01-readme.png."""

    def _shot(pg, name: str, **kwargs) -> Path:
        path = artifacts / f"{name}.png"
        pg.screenshot(path=str(path), **kwargs)
        return path

    return _shot


@pytest.fixture
def servers():
    """An ExitStack for the JupyterLab servers a test starts; they stop when the test ends."""
    with contextlib.ExitStack() as stack:
        yield stack
