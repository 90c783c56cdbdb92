"""The real user path in a real browser (issue 7): headless Chromium against JupyterLab.

Student: the `lab` command's JupyterLab opens on the workspace README without the news pop-up;
the learner opens the c1w2a2 notebook from the README, runs every cell of the blank notebook
(public tests fail with readable messages, nothing else errors), types `sigmoid` into its cell,
re-runs (its public test passes) and presses nbgrader's Validate button.

Instructor: formgrader lists every available assignment of the manifest, a submission's
autograded score appears on its page, and its feedback page holds no hidden-test source.

Screenshots of every step and the step times: build/e2e/.
"""

from __future__ import annotations

import os
import re
import sys
from concurrent.futures import ThreadPoolExecutor

import nbformat
import pytest

from grader import api, manifest, nbg
from grader import source as src
from grader.workspace import lab_command, workspace

from .conftest import free_port, isolated_env, jupyterlab, token_free

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.xdist_group("e2e"),  # one worker runs both tests, one after the other
    pytest.mark.filterwarnings("ignore::sqlalchemy.exc.SAWarning"),  # nbgrader's autoflush
]

ASSIGNMENT = "c1w2a2"
FUNCTION = "sigmoid"  # the function the learner fills in
STUDENT = "alice"
MATHJAX_CDN = "https://cdnjs.cloudflare.com/ajax/libs/mathjax/"
STUB = re.compile(r"^[ \t]*# YOUR CODE HERE\n[ \t]*raise NotImplementedError\(\)[ \t]*$", re.M)


# --------------------------------------------------------------------------------------------
# Notebooks


def _grade_id(cell) -> str | None:
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


def _index(nb, grade_id: str) -> int:
    return next(i for i, c in enumerate(nb.cells) if _grade_id(c) == grade_id)


def filled_in(a: manifest.Assignment, grade_id: str) -> str:
    """The release's cell ``grade_id`` with its stub replaced by the reference solution."""
    release = nbformat.read(a.release_path, as_version=4)
    cell = release.cells[_index(release, grade_id)].source
    ref = src.read_source(a.source_path)
    solution = src.solution_regions(ref.cells[_index(ref, grade_id)].source)[0]
    assert STUB.search(cell), f"no '# YOUR CODE HERE' stub in the release's {grade_id} cell"
    return STUB.sub(lambda _: solution, cell, count=1)


def unexpected_errors(nb) -> list[str]:
    """Errors of a blank notebook other than the expected ones.

    Expected: ``NotImplementedError`` (an unfinished function) and a ``NameError`` for a name
    that an earlier failing cell would have defined (the failure's consequence).
    """
    failed_sources, bad = [], []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        for out in errors:
            name = re.fullmatch(r"name '(\w+)' is not defined", str(out.get("evalue", "")))
            if out.get("ename") == "NotImplementedError":
                continue
            if out.get("ename") == "NameError" and name and any(
                    re.search(rf"\b{name.group(1)}\b", s) for s in failed_sources):
                continue
            bad.append(f"cell {i} ({_grade_id(cell) or 'not graded'}): "
                       f"{out.get('ename')}: {out.get('evalue')}")
        if errors:
            failed_sources.append(cell.source)
    return bad


# --------------------------------------------------------------------------------------------
# JupyterLab's UI

CELLS = ".jp-NotebookPanel .jp-Notebook .jp-Cell"
_CELLS_JS = """sel => Array.from(document.querySelectorAll(sel)).map(c => ({
  code: c.classList.contains('jp-CodeCell'),
  prompt: (c.querySelector('.jp-InputArea-prompt') || {textContent: ''}).textContent,
  output: (c.querySelector('.jp-OutputArea') || {textContent: ''}).textContent,
}))"""
# A run is over when no cell waits ("[*]"), the kernel is idle and some cell ran after `prev`.
_RUN_DONE_JS = """([sel, prev]) => {
  const prompts = Array.from(document.querySelectorAll(sel + ' .jp-InputArea-prompt'))
    .map(p => p.textContent);
  if (prompts.some(p => p.includes('*'))) return false;
  const counts = prompts.map(p => parseInt((p.match(/\\[(\\d+)\\]/) || [0, 0])[1]));
  const status = document.querySelector('.jp-NotebookPanel .jp-Notebook-ExecutionIndicator');
  return Math.max(0, ...counts) > prev && (!status || status.dataset.status === 'idle');
}"""
# Cell `i` has run (a number above `prev` in its prompt) and nothing waits.
_CELL_DONE_JS = """([sel, i, prev]) => {
  const prompts = Array.from(document.querySelectorAll(sel + ' .jp-InputArea-prompt'))
    .map(p => p.textContent);
  if (prompts.some(p => p.includes('*'))) return false;
  const cell = document.querySelectorAll(sel)[i].querySelector('.jp-InputArea-prompt');
  return parseInt((cell.textContent.match(/\\[(\\d+)\\]/) || [0, 0])[1]) > prev;
}"""


def menu(page, top: str, item: str) -> None:
    """Click a main-menu entry, e.g. ``menu(page, "Run", "Run All Cells")`` (regex labels)."""
    page.locator(".lm-MenuBar-item", has_text=re.compile(rf"^{top}$")).click()
    label = page.locator(".lm-Menu-itemLabel", has_text=re.compile(rf"^{item}$"))
    page.locator(".lm-Menu-item:not(.lm-mod-disabled)").filter(has=label).click()


def cells(page) -> list[dict]:
    out = page.evaluate(_CELLS_JS, CELLS)
    for c in out:
        m = re.search(r"\[(\d+)\]", c["prompt"])
        c["count"] = int(m.group(1)) if m else None
    return out


def _last_count(page) -> int:
    return max([c["count"] or 0 for c in cells(page)], default=0)


def run_every_cell(page) -> str:
    """Run All; JupyterLab stops it at the first cell that raises, so then run the rest as a
    learner does: click the first cell not run and press Shift+Enter down to the last cell
    (Ctrl+Enter there: Shift+Enter on the last cell would add a cell). Says what it took."""
    start = prev = _last_count(page)
    menu(page, "Run", "Run All( Cells)?")
    page.wait_for_function(_RUN_DONE_JS, arg=[CELLS, prev], timeout=180_000)
    state = cells(page)
    pending = [i for i, c in enumerate(state)
               if c["code"] and (c["count"] is None or c["count"] <= start)]
    if not pending:
        return "Run All ran every cell"
    page.locator(CELLS).nth(pending[0]).locator(".jp-InputArea-prompt").click()
    for i in range(pending[0], len(state)):
        prev = _last_count(page)
        page.keyboard.press("Shift+Enter" if i < len(state) - 1 else "Control+Enter")
        if state[i]["code"]:
            page.wait_for_function(_CELL_DONE_JS, arg=[CELLS, i, prev], timeout=180_000)
    left = [i for i, c in enumerate(cells(page))
            if c["code"] and (c["count"] is None or c["count"] <= start)]
    assert not left, f"cells {left} did not run"
    assert len(cells(page)) == len(state), "running the cells added or removed cells"
    stop = max(i for i in range(pending[0]) if state[i]["code"])
    return (f"Run All stopped at the error of cell {stop}; Shift+Enter ran "
            f"cells {pending[0]}-{len(state) - 1}")


def save(page) -> None:
    menu(page, "File", "Save( Notebook)?")
    page.wait_for_function(
        "() => !document.querySelector('.lm-DockPanel-tabBar .lm-TabBar-tab.jp-mod-dirty')")


def show(page, index: int) -> None:
    """Scroll cell ``index`` to the top of the notebook (for a screenshot)."""
    page.locator(CELLS).nth(index).evaluate("c => c.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(300)


# --------------------------------------------------------------------------------------------
# Student


def test_student_path(tmp_path, page, servers, timings, shot, artifacts):
    a = manifest.get(ASSIGNMENT)
    assert a.available, f"{ASSIGNMENT} is not available in syllabus.toml"
    ws = tmp_path / "workspace"
    rel = f"{a.course_folder}/{a.notebook}"
    release = nbformat.read(a.release_path, as_version=4)
    fn_cell, test_cell = _index(release, FUNCTION), _index(release, f"test_{FUNCTION}")

    with timings.step("student: create the workspace and start JupyterLab (lab command)"):
        workspace(ws)
        args, env = lab_command(ws, free_port(), no_browser=True)
        base = servers.enter_context(jupyterlab(
            token_free(args), isolated_env(env, tmp_path / "jupyter"), ws,
            artifacts / "student-jupyterlab.log"))

    with timings.step("student: open the lab; it shows the workspace README"):
        page.goto(base + "/")
        page.wait_for_url(re.compile(r"/lab/tree/README\.md"))
        page.locator(".jp-RenderedMarkdown h1", has_text="Your course workspace").wait_for()
        page.wait_for_timeout(1500)  # time enough for a news pop-up to show up
        shot(page, "01-student-readme")
    # nbgrader's instructor tools are switched off for learners; Validate stays (used below)
    menus = page.locator(".lm-MenuBar-itemLabel").all_inner_texts()
    assert "Nbgrader" not in menus and "Run" in menus, menus

    with timings.step(f"student: open {a.id} from the README's link; kernel ready"):
        page.locator(".jp-RenderedMarkdown a", has_text=re.compile(rf"^{a.id}\b")).click()
        page.locator(".lm-TabBar-tab.jp-mod-current", has_text=a.notebook_stem).wait_for()
        page.locator(".jp-NotebookPanel .jp-Notebook-ExecutionIndicator[data-status='idle']"
                     ).wait_for()
        page.wait_for_function(  # JupyterLab attaches the cells bit by bit
            "([sel, n]) => document.querySelectorAll(sel).length === n",
            arg=[CELLS, len(release.cells)])
        shot(page, "02-student-notebook")

    with timings.step("student: run every cell of the blank notebook"):
        how = run_every_cell(page)
        save(page)
    ran = nbformat.read(ws / rel, as_version=4)
    bad = unexpected_errors(ran)
    assert not bad, "the blank notebook raised errors other than unfinished functions:\n" + \
        "\n".join(bad)
    ui = cells(page)
    tests = [i for i, c in enumerate(ran.cells) if (_grade_id(c) or "").startswith("test_")]
    for i in tests:  # every public test fails, and the learner sees why
        errors = [o for o in ran.cells[i].outputs if o.output_type == "error"]
        assert errors, f"{_grade_id(ran.cells[i])} passed in the blank notebook"
        assert errors[0].ename in ui[i]["output"], ui[i]["output"][-500:]
    assert "NotImplementedError" in ui[test_cell]["output"]
    print(f"[e2e] blank notebook: {how}; {len(tests)} public tests fail as expected")
    show(page, fn_cell)
    shot(page, "03-student-blank-run")

    with timings.step(f"student: type {FUNCTION} into its cell"):
        code = filled_in(a, FUNCTION)
        page.locator(CELLS).nth(fn_cell).locator(".cm-content").click()
        page.keyboard.press("Control+a")
        page.keyboard.insert_text(code)
        page.keyboard.press("Escape")

    with timings.step("student: run every cell again"):
        how = run_every_cell(page)
    print(f"[e2e] after {FUNCTION}: {how}")
    ui = cells(page)
    assert f"{FUNCTION}: all public tests passed" in ui[test_cell]["output"], \
        ui[test_cell]["output"][-500:]
    assert "Error" not in ui[fn_cell]["output"]
    show(page, fn_cell)
    shot(page, "04-student-sigmoid-passes")

    with timings.step("student: press Validate and read the result"):
        page.locator(".jp-NotebookPanel-toolbar .validate-button").click()
        dialog = page.locator(".jp-Dialog", has_text="Validation Results")
        dialog.wait_for(timeout=180_000)
        result = dialog.locator(".jp-Dialog-body").inner_text()
        shot(page, "05-student-validate")
    (artifacts / "validate-result.txt").write_text(result, encoding="utf-8")
    saved = nbformat.read(ws / rel, as_version=4)  # Validate saves the notebook first
    assert saved.cells[fn_cell].source == code
    # nbgrader lists each failing test cell: its source, then its traceback
    failed = [block.split("\n---")[0].strip()
              for block in result.split("The following cell failed:")[1:]]
    expected = {c.source.strip() for i, c in enumerate(release.cells)
                if (_grade_id(c) or "").startswith("test_") and i != test_cell}
    assert failed and set(failed) == expected, result[:3000]
    dialog.locator(".jp-Dialog-button.jp-mod-accept").click()

    # The shipped settings: no news pop-up, no request leaves the machine.
    toasts = page.evaluate("window.__toasts")
    assert not [t for t in toasts if re.search(r"news|update", t, re.I)], toasts
    assert page.off_loopback == [], page.off_loopback


# --------------------------------------------------------------------------------------------
# Instructor


def prepare_course(course, a, submissions, timings):
    """The instructor's side through grader.api: release every available assignment, autograde
    one submission, write its feedback. Returns the submission's result."""
    available = manifest.available()
    with timings.step(f"instructor: release the {len(available)} available assignments"):
        assert api.release(course_dir=course) == 0
    with timings.step(f"instructor: autograde {STUDENT}'s {a.id} (grader.api.autograde)"):
        assert api.autograde(submissions, assignment=a.id, course_dir=course) == 0
    with timings.step(f"instructor: feedback for {STUDENT} (grader.api.feedback)"):
        assert api.feedback(a.id, STUDENT, course_dir=course) == 0
    return api.read_result(course, a, STUDENT)


def test_instructor_path(tmp_path, page, servers, timings, shot, artifacts):
    a = manifest.get(ASSIGNMENT)
    available = manifest.available()
    course = (tmp_path / "course").resolve()
    course.mkdir()
    (tmp_path / "exchange").mkdir()
    (course / "nbgrader_config.py").write_text(  # what formgrader reads
        "c = get_config()  # noqa: F821\n"
        f"c.CourseDirectory.course_id = {nbg.COURSE_ID!r}\n"
        f"c.CourseDirectory.root = {str(course)!r}\n"
        f"c.CourseDirectory.db_url = {'sqlite:///' + str(course / 'gradebook.db')!r}\n"
        f"c.Exchange.root = {str(tmp_path / 'exchange')!r}\n", encoding="utf-8")
    nb = nbformat.read(a.release_path, as_version=4)
    nb.cells[_index(nb, FUNCTION)].source = filled_in(a, FUNCTION)
    (tmp_path / "submissions" / STUDENT).mkdir(parents=True)
    nbformat.write(nb, tmp_path / "submissions" / STUDENT / a.notebook)

    args = [sys.executable, "-m", "jupyter", "lab", f"--ServerApp.root_dir={course}",
            "--ServerApp.ip=127.0.0.1", f"--port={free_port()}"]
    if os.geteuid() == 0:
        args.append("--allow-root")
    env = isolated_env(dict(os.environ, **nbg.KERNEL_ENV), tmp_path / "jupyter")
    # The course is prepared while JupyterLab starts (formgrader reads the gradebook per page).
    with ThreadPoolExecutor(1) as pool:
        prepared = pool.submit(prepare_course, course, a, tmp_path / "submissions", timings)
        with timings.step("instructor: start JupyterLab in the course folder (in parallel)"):
            base = servers.enter_context(jupyterlab(
                token_free(args), env, course, artifacts / "instructor-jupyterlab.log"))
        res = prepared.result()
    points = next(p.points for p in res.parts if p.function == FUNCTION)
    assert res.score == points and res.max_score > points, api.format_table(res)
    feedback = course / "feedback" / STUDENT / a.id / f"{a.notebook_stem}.html"
    assert feedback.exists()

    with timings.step("instructor: formgrader lists the assignments"):
        page.goto(base + "/formgrader")
        table = page.locator("#main-table")
        for x in available:
            table.locator("tr", has_text=x.id).first.wait_for()
        shot(page, "06-formgrader-assignments")
    listed = table.inner_text()
    assert all(x.id in listed for x in available), listed

    with timings.step(f"instructor: {STUDENT}'s autograded score in formgrader"):
        page.goto(f"{base}/formgrader/manage_submissions/{a.id}")
        row = page.locator("#main-table tr", has_text=STUDENT).first
        row.wait_for()
        shot(page, "07-formgrader-submission")
    cols = [c.strip() for c in row.locator("td").all_inner_texts()]
    assert f"{res.score:g} / {res.max_score:g}" in cols, cols

    with timings.step("instructor: open the feedback page in JupyterLab's HTML viewer"):
        page.goto(f"{base}/lab/tree/feedback/{STUDENT}/{a.id}/{a.notebook_stem}.html")
        frame = page.frame_locator(".jp-HTMLViewer iframe")
        frame.locator("body", has_text=FUNCTION).first.wait_for()
        # Control for the student's settings test: this JupyterLab runs without the course's
        # settings, and JupyterLab's news pop-up shows up.
        news = page.locator(".Toastify__toast", has_text="Jupyter news")
        news.wait_for(timeout=30_000)
        news.get_by_role("button", name="No", exact=True).click()
        news.wait_for(state="detached")
        shot(page, "08-feedback")
    body = frame.locator("body")
    html, text = body.evaluate("b => b.outerHTML"), body.inner_text()
    hidden = src.secret_lines(src.read_source(a.source_path))["hidden"]
    assert hidden, f"{a.id} has no hidden tests to look for"
    assert api.leaks(html, hidden) == []
    assert not [line for line in hidden if line in text]
    assert api.leaks(feedback.read_text(encoding="utf-8"), hidden) == []
    # nothing off the machine: nbgrader's own feedback template loads MathJax from a CDN,
    # grader/templates/feedback (see grader/nbg.py) leaves it out
    assert page.off_loopback == []
    assert MATHJAX_CDN not in feedback.read_text(encoding="utf-8")
