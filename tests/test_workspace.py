"""The learner's workspace: created once, never overwrites edits, reset keeps a backup,
replay saves the reference run."""

import json

import nbformat
import pytest
from conftest import AVAILABLE

from grader import workspace as ws

A = AVAILABLE[0]


def _nb(path):
    return path / A.course_folder / A.notebook


def test_workspace_holds_every_available_release(tmp_path, capsys):
    assert ws.workspace(tmp_path) == 0
    for a in AVAILABLE:
        copy = tmp_path / a.course_folder / a.notebook
        assert copy.read_bytes() == a.release_path.read_bytes()
    index = (tmp_path / "README.md").read_text()
    assert all(a.id in index for a in AVAILABLE)


def test_running_again_never_overwrites_an_edited_notebook(tmp_path, capsys):
    ws.workspace(tmp_path)
    edited = _nb(tmp_path)
    nb = nbformat.read(edited, as_version=4)
    nb.cells[0].source += "\n\nmy notes"
    nbformat.write(nb, edited)
    before = edited.read_bytes()
    ws.workspace(tmp_path)
    assert edited.read_bytes() == before
    assert "1 edited and kept" in capsys.readouterr().out


def test_an_untouched_old_copy_is_updated_and_an_edited_one_is_reported(tmp_path, capsys):
    ws.workspace(tmp_path)
    state_file = tmp_path / ws.STATE_FILE
    state = json.loads(state_file.read_text())
    rel = f"{A.course_folder}/{A.notebook}"
    # pretend the workspace holds an older release, unedited
    _nb(tmp_path).write_text("old release")
    state[rel] = ws._sha(_nb(tmp_path))
    state_file.write_text(json.dumps(state))
    ws.workspace(tmp_path)
    assert _nb(tmp_path).read_bytes() == A.release_path.read_bytes()
    # an edited copy of an older release is kept, with a hint to reset
    _nb(tmp_path).write_text("my edits")
    state[rel] = "sha-of-an-older-release"
    state_file.write_text(json.dumps(state))
    capsys.readouterr()
    ws.workspace(tmp_path)
    assert _nb(tmp_path).read_text() == "my edits"
    assert f"grader reset {A.id}" in capsys.readouterr().out


def test_reset_gives_a_fresh_copy_and_keeps_a_backup(tmp_path, capsys):
    ws.workspace(tmp_path)
    _nb(tmp_path).write_text("my attempt")
    assert ws.reset(A.id, tmp_path) == 0
    assert _nb(tmp_path).read_bytes() == A.release_path.read_bytes()
    backups = list(_nb(tmp_path).parent.glob(f"{A.notebook_stem}.backup-*.ipynb"))
    assert len(backups) == 1 and backups[0].read_text() == "my attempt"


@pytest.mark.slow
def test_replay_saves_the_reference_run_as_html_without_hidden_tests(tmp_path, capsys):
    from grader import source as src

    ws.workspace(tmp_path)
    assert ws.replay(A.id, tmp_path) == 0
    html = (tmp_path / A.course_folder / f"{A.notebook_stem}.reference.html").read_text()
    assert "all public tests passed" in html
    hidden = src.secret_lines(src.read_source(A.source_path))["hidden"]
    from grader.api import leaks

    assert leaks(html, hidden) == []
    # the learner's own copy is untouched
    assert _nb(tmp_path).read_bytes() == A.release_path.read_bytes()


@pytest.mark.slow
def test_lab_command_starts_jupyterlab_on_the_workspace(tmp_path):
    import os
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = tmp_path / "lab.log"
    proc = subprocess.Popen(
        [sys.executable, "-m", "grader", "lab", "--path", str(tmp_path / "ws"), "--port",
         str(port), "--no-browser"],
        stdout=log.open("w"), stderr=subprocess.STDOUT, env=dict(os.environ),
    )
    try:
        deadline = time.time() + 180  # a loaded machine: JupyterLab takes a while to start
        body = None
        while time.time() < deadline and body is None:
            time.sleep(0.5)
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api", timeout=2) as r:
                    body = r.read().decode()
            except OSError:
                assert proc.poll() is None, log.read_text()
        assert body and '"version"' in body, log.read_text()
        assert (tmp_path / "ws" / A.course_folder / A.notebook).exists()
        assert str(tmp_path / "ws") in log.read_text()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
