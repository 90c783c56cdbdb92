"""The adversarial corpus: hostile or broken submissions of c1w2a1 and what grading must do.

Each fixture is built from the assignment's reference solution (``grader.source.read_source``)
or its blank release. :func:`write_corpus` writes ``<kind>/<notebook>`` folders ready for
``grader.batch``; :data:`FIXTURES` holds the expected outcome of each one.

Most attacks sit at the top of the ``sigmoid`` solution cell (solution cells are the only
student code that runs during grading), on top of a *wrong* ``sigmoid`` (``s = x``) that fails
``test_sigmoid`` (and only it: the other tests put a correct sigmoid in where they need one):
without the defences each attack turns that failure into a pass (full marks with plain
nbgrader, measured in tests/adversarial/README.md, when c1w2a1 had 10 points); with them the
score stays at most FULL - 1 and the outcome carries a flag.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import nbformat

from grader import manifest
from grader import source as src

ASSIGNMENT = "c1w2a1"
FULL = float(manifest.get(ASSIGNMENT).points)  # the reference's score
WRONG = FULL - 1.0  # the wrong sigmoid's score: test_sigmoid (1 point) fails, nothing else
RIGHT_SIGMOID = "s = 1 / (1 + np.exp(-x))"


@dataclass(frozen=True)
class Fixture:
    kind: str
    what: str
    status: str  # expected Outcome.status
    score: tuple[float, float] | None  # inclusive range; None: not graded
    flag: str = ""  # substring of one flag ("" = no flag expected)
    message: str = ""  # substring of the message
    file_name: str | None = None  # None: the assignment's notebook name
    # with the kernel verdict (tests in the learner's kernel, watched by the integrity guard):
    # the guard's flag expected; with the trusted verdict the attack reaches nothing to flag
    guard_flag: str = ""


def _assignment():
    return manifest.get(ASSIGNMENT)


def reference() -> nbformat.NotebookNode:
    return src.read_source(_assignment().source_path)


def _cell(nb, grade_id):
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def _edited(nb, right: str, prefix: str, body: str) -> nbformat.NotebookNode:
    """``nb`` with ``prefix`` at the top of its sigmoid cell and ``right`` replaced by ``body``."""
    cell = _cell(nb, "sigmoid")
    assert right in cell.source
    cell.source = prefix + cell.source.replace(right, body)
    return nb


def _wrong(prefix: str = "", body: str = "s = x") -> nbformat.NotebookNode:
    return _edited(reference(), RIGHT_SIGMOID, prefix, body)


def _right(prefix: str = "", body: str = RIGHT_SIGMOID) -> nbformat.NotebookNode:
    return _edited(reference(), RIGHT_SIGMOID, prefix, body)


def _text(nb) -> bytes:
    return src.canonical_json(nb).encode()


# ---- attacks on the tests (item 4)

SHOWTRACEBACK = "get_ipython().showtraceback = lambda *a, **k: None\n"
CUSTOM_EXC = "get_ipython().set_custom_exc((Exception,), lambda *a, **k: None)\n"
EXCEPTHOOK = "import sys\nsys.excepthook = lambda *a: None\n"
PRINT = "import builtins\nbuiltins.print = lambda *a, **k: None\n"
ALLCLOSE = "np.allclose = lambda *a, **k: True\nnp.testing.assert_allclose = lambda *a, **k: None\n"
NP_ABS = "np.abs = lambda x, _z=np.zeros_like: _z(x)\n"
REBIND = ("check_array = lambda *a, **k: None\ncheck_scalar = lambda *a, **k: None\n"
          "run_checks = lambda *a, **k: None\n")
FAIL_PATCH = "import dlcourse.testing\ndlcourse.testing._fail = lambda message: None\n"
CODE_SWAP = "check_array.__code__ = (lambda *a, **k: None).__code__\n"
ASSERTION = ("import builtins, dlcourse.testing\nbuiltins.AssertionError = type('A', (), {})\n"
             "dlcourse.testing.CheckFailed.__init__ = lambda self, *a: None\n")
RUN_CELL = """\
_ip = get_ipython()
_orig_run_cell = _ip.run_cell
def _quiet_run_cell(*args, **kwargs):
    result = _orig_run_cell(*args, **kwargs)
    result.error_in_exec = None
    return result
_ip.showtraceback = lambda *a, **k: None
_ip.run_cell = _quiet_run_cell
"""
EVENTS = """\
def _hide(*args):
    import dlcourse.testing as _t
    _t._fail = lambda message: None
get_ipython().events.register("pre_run_cell", _hide)
"""
TRANSFORMER = """\
def _drop_checks(lines):
    return [ln for ln in lines if "check_" not in ln]
get_ipython().input_transformers_cleanup.append(_drop_checks)
"""
SYS_EXIT = "import sys\nsys.exit(0)\n"
WARNING_SIGMOID = ("__import__('warnings').warn('a library warning', UserWarning); "
                   + RIGHT_SIGMOID)
OS_EXIT_IN_TEST = "import os as _os\n"  # the function body calls _os._exit when tested


# ---- attacks on the verdict itself (issue 13): each reached the verdict while the tests ran
# in the learner's kernel; with the trusted verdict the tests run in the grader's process
FORGED_TRUST = """\
def check_array(*args, **kwargs):
    return None
check_array.__module__, check_array.__qualname__ = "dlcourse.testing", "check_array"
check_scalar = check_close = run_checks = check_array
import dlcourse.testing as _dt
_dt.check_array = _dt.check_scalar = _dt.check_close = _dt.run_checks = check_array
"""
KERNEL_METHODS = """\
_kernel = get_ipython().kernel
_send = _kernel.session.send
def _no_errors(stream, msg_or_type, content=None, *args, **kwargs):
    if msg_or_type == "error":
        msg_or_type, content = "stream", {"name": "stdout", "text": ""}
    if isinstance(content, dict) and content.get("status") == "error":
        content = dict(content, status="ok")
    return _send(stream, msg_or_type, content, *args, **kwargs)
_kernel.session.send = _no_errors
"""
LIBRARY_SWAP = """\
import dlcourse.testing as _dt
_dt._fail.__code__ = (lambda message: None).__code__
"""
HISTORY_MARK = "<<input history>>"
INPUT_HISTORY = """\
def _history():
    _ip = get_ipython()
    return "\\n".join(list(_ip.history_manager.input_hist_raw) + list(_ip.user_ns.get("In", [])))
"""
HISTORY_SIGMOID = f"print({HISTORY_MARK!r}, _history()); " + RIGHT_SIGMOID


def _os_exit() -> nbformat.NotebookNode:
    return _right(OS_EXIT_IN_TEST, "_os._exit(0)")


# ---- limits (item 3)

INFINITE = "while True:\n    pass\n"
SLEEP_CELLS = "import time as _time\n_time.sleep(10)\n"  # in every solution cell
ALLOCATE = ("_hog = []\nfor _i in range(96):  # 6 GB in 64 MB pieces\n"
            "    _hog.append(np.ones(8 * 2**20))\n")
# the kernel stops itself (SIGSTOP): it answers nothing and never exits
SIGSTOP = "import os as _os, signal as _signal\n_os.kill(_os.getpid(), _signal.SIGSTOP)\n"
# when the test calls sigmoid, the kernel's output channel is closed: the call's reply
# still arrives, its output never does
STALL_IN_TEST = ("s = 1 / (1 + np.exp(-x))\n    get_ipython().kernel.iopub_socket.close()")
PRINT_FLOOD = "for _i in range(1100):  # 110 MB of output\n    print('x' * 100_000)\n"
FORK_BOMB = """\
import os as _os, time as _time
_kids = 0
for _i in range(300):  # bounded: 300 children that sleep 20 s
    try:
        if _os.fork() == 0:
            _time.sleep(20)
            _os._exit(0)
        _kids += 1
    except OSError:
        break
"""


def _sleepy() -> nbformat.NotebookNode:
    nb = reference()
    for c in nb.cells:
        if c.metadata.get("nbgrader", {}).get("solution"):
            c.source = SLEEP_CELLS + c.source
    return nb


def _network(port: int) -> nbformat.NotebookNode:
    body = (f"import socket as _s\n    _s.create_connection(('127.0.0.1', {port}), timeout=3)"
            ".close()\n    " + RIGHT_SIGMOID)
    return _right("", body)


#: passes only if the kernel sees the grader's processes (its worker, or nbgrader autograde)
PROC_VIEW = """\
import os as _os


def _sees_the_grader():
    for _p in _os.listdir("/proc"):
        if _p.isdigit():
            try:
                with open("/proc/" + _p + "/cmdline", "rb") as _fh:
                    _cmd = _fh.read()
            except OSError:
                continue
            if b"_worker_main" in _cmd or b"autograde" in _cmd:
                return True
    return False


_SEES_OTHERS = _sees_the_grader()
"""
#: written into /dev/shm by the dev_shm fixture; the host's /dev/shm must never hold it
SHM_MARKER = "dlcourse-corpus-shm-marker"
DEV_SHM = f"open('/dev/shm/{SHM_MARKER}', 'w').write('left behind')\n"


def _read_source() -> nbformat.NotebookNode:
    path = _assignment().source_path
    return _right("", f"open({str(path)!r}).read()\n    " + RIGHT_SIGMOID)


def _write_gradebook(course_dir: Path) -> nbformat.NotebookNode:
    targets = [course_dir / "gradebook.db", "../../../gradebook.db",
               course_dir / "submitted" / "reference" / ASSIGNMENT / _assignment().notebook,
               course_dir / "autograded" / "reference" / ASSIGNMENT / _assignment().notebook]
    code = "for _t in %r:\n    try:\n        open(_t, 'w').write('owned')\n" \
           "    except Exception:\n        pass\n" % [str(t) for t in targets]
    return _right(code)


# ---- tampering with the notebook (items 4 and 6)


def _edit_test() -> nbformat.NotebookNode:
    nb = _wrong()
    _cell(nb, "test_sigmoid").source = "pass\n"
    _cell(nb, "test_sigmoid_derivative").source = "pass\n"
    return nb


def _delete_test() -> nbformat.NotebookNode:
    nb = _wrong()
    nb.cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id")
                not in ("test_sigmoid", "test_sigmoid_derivative")]
    return nb


def _duplicate_test() -> nbformat.NotebookNode:
    nb = _wrong()
    cell = _cell(nb, "test_sigmoid")
    i = nb.cells.index(cell)
    copy = nbformat.from_dict(json.loads(json.dumps(cell)))
    copy.id = "test_sigmoid-copy"
    copy.source = "pass\n"
    nb.cells.insert(i, copy)
    return nb


def _retag_test() -> nbformat.NotebookNode:
    nb = _wrong()
    for gid in ("test_sigmoid", "test_sigmoid_derivative"):
        cell = _cell(nb, gid)
        cell.metadata.nbgrader.update(solution=True, grade=False, locked=False)
        cell.metadata.nbgrader.pop("points", None)
        cell.source = "pass\n"
    return nb


def _points() -> nbformat.NotebookNode:
    nb = reference()
    _cell(nb, "test_basic_sigmoid").metadata.nbgrader["points"] = 100
    return nb


def _duplicate_ids() -> bytes:
    raw = json.loads(_text(reference()))
    code = [c for c in raw["cells"] if c["cell_type"] == "code"]
    code[1]["id"] = code[0]["id"]
    code[3]["id"] = code[2]["id"]
    return json.dumps(raw, indent=1).encode()


def _v3() -> bytes:
    return nbformat.writes(nbformat.convert(reference(), 3), version=3).encode()


def _huge_outputs() -> bytes:
    nb = reference()
    cell = next(c for c in nb.cells if c.cell_type == "code")
    text = src.canonical_json(nb)
    raw = json.loads(text)
    first = next(c for c in raw["cells"] if c["cell_type"] == "code" and c["id"] == cell.id)
    first["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "y" * (100 << 20)}]
    return json.dumps(raw).encode()


def _other_assignment() -> bytes:
    return manifest.get("c1w2a2").release_path.read_bytes()


F = Fixture
FIXTURES: list[Fixture] = [
    # controls
    F("reference", "the reference solution", "graded", (FULL, FULL)),
    F("blank", "the untouched release", "graded", (0, 0)),
    F("wrong", "a wrong sigmoid (the base of the attacks)", "graded", (WRONG, WRONG)),
    # item 4: fooling the tests
    F("showtraceback", "IPython showtraceback replaced", "graded", (0, WRONG),
      guard_flag="tampering: redefined shell.showtraceback"),
    F("custom_exc", "set_custom_exc swallowing every exception", "graded", (0, WRONG),
      guard_flag="tampering: redefined shell.CustomTB"),
    F("excepthook", "sys.excepthook replaced (IPython resets it: no effect)", "graded",
      (WRONG, WRONG)),
    F("print", "builtins.print redefined", "graded", (0, WRONG),
      guard_flag="tampering: redefined builtins.print"),
    F("allclose", "np.allclose and np.testing.assert_allclose monkeypatched", "graded",
      (0, WRONG), guard_flag="tampering: redefined numpy.allclose"),
    F("np_abs", "np.abs monkeypatched to zeros (the checks' error term)", "graded", (0, WRONG),
      guard_flag="tampering: redefined numpy.abs"),
    F("rebind_helpers", "check_array/check_scalar/run_checks rebound to no-ops", "graded",
      (0, WRONG), guard_flag="tampering: redefined the notebook's check_array"),
    F("patch_fail", "dlcourse.testing._fail replaced", "graded", (0, WRONG),
      guard_flag="tampering: redefined dlcourse.testing._fail"),
    F("code_swap", "check_array.__code__ swapped in place", "graded", (0, WRONG),
      guard_flag="tampering: redefined"),
    F("assertion", "AssertionError and CheckFailed.__init__ patched", "graded", (0, WRONG),
      guard_flag="tampering: redefined"),
    F("run_cell", "run_cell wrapped to clear errors, tracebacks hidden", "graded", (0, WRONG),
      guard_flag="tampering: redefined shell.run_cell"),
    F("events", "pre_run_cell hook that disables the checks", "graded", (0, WRONG),
      guard_flag="tampering: changed events pre_run_cell"),
    F("transformer", "input transformer that deletes check lines", "graded", (0, WRONG),
      guard_flag="tampering: changed input_transformers_cleanup"),
    F("sys_exit", "sys.exit(0) in a solution cell", "graded", (0, WRONG)),
    F("os_exit", "os._exit(0) when the test calls sigmoid", "limit", (1, 1), "",
      "the kernel died"),
    # item 4: the notebook's structure
    F("edited_test", "test cells replaced by pass", "graded", (WRONG, WRONG),
      "restored test cell test_sigmoid (edited"),
    F("deleted_test", "test cells deleted", "graded", (WRONG, WRONG),
      "restored test cell test_sigmoid (deleted"),
    F("duplicated_test", "a passing copy of a test cell", "graded", (WRONG, WRONG),
      "cell test_sigmoid appears 2 times"),
    F("retagged_test", "test cells re-tagged as solution cells", "graded", (WRONG, WRONG),
      "re-tagged as a solution cell"),
    F("points", "points of a test cell raised to 100", "graded", (FULL, FULL),
      "changed points of test_basic_sigmoid"),
    # item 4: files outside the notebook
    F("write_gradebook", "writes to the gradebook and another student's files", "graded",
      (FULL, FULL)),
    F("read_source", "reads the instructor's source .py (passes only if it can)", "graded",
      (WRONG, WRONG)),
    # item 3: limits
    F("network", "connects to a server on the grader's loopback (passes only if it can)",
      "graded", (WRONG, WRONG)),
    F("infinite_loop", "an endless loop in a solution cell", "limit", (0, FULL - 1), "",
      "time limit: a cell ran longer"),
    F("sleep", "every solution cell sleeps 10 s (past the notebook limit)", "limit", (0, FULL - 1),
      "", "time limit: the notebook ran longer"),
    F("memory", "allocates 6 GB", "limit", (0, FULL - 1), "", "memory limit"),
    F("output_flood", "prints 110 MB", "limit", (0, FULL - 1), "", "output limit"),
    # item 5: a stalled kernel is stopped within the cell limit, named (was: "could not be
    # graded" after the cell limit)
    F("sigstop", "the kernel stops itself (SIGSTOP)", "limit", (0, FULL - 1), "",
      "stall limit: a process of the notebook was stopped"),
    F("output_stall", "the kernel's output channel closed when the test calls sigmoid",
      "limit", (0, FULL - 1), "", "stall limit: the kernel stopped sending output"),
    # the children share the kernel's pages, which the resident-set sum counts once per
    # process: the memory limit may fire before the process limit; either stops the bomb
    F("fork_bomb", "forks 300 sleeping children", "limit", (0, FULL - 1), "",
      " limit: the notebook"),
    # item 6: bad input
    F("invalid_json", "not JSON", "rejected", None, "", "not valid JSON"),
    F("empty", "an empty file", "rejected", None, "", "empty"),
    F("nbformat3", "saved as notebook format 3", "graded", (FULL, FULL),
      "converted from notebook format 3"),
    F("other_assignment", "the c1w2a2 notebook handed in for c1w2a1", "rejected", None, "",
      "notebook of c1w2a2"),
    F("duplicate_ids", "two pairs of cells share an id", "graded", (FULL, FULL),
      "duplicated cell ids"),
    F("huge_outputs", "100 MB of stored outputs", "graded", (FULL, FULL),
      "stored outputs of 100 MB discarded"),
    F("renamed", "the notebook saved under another name", "graded", (FULL, FULL),
      "renamed notebook", file_name="my_homework.ipynb"),
    F("missing", "no notebook, only a text file", "rejected", None, "", "missing notebook"),
    # a warning is not a failure: nbgrader alone scores a test cell with stderr output 0
    F("warns", "a right sigmoid that warns on stderr (as libraries do)", "graded", (FULL, FULL)),
    # the process view and /dev/shm: nothing shared with the host or other submissions
    F("proc_view", "reads the grader's command lines in /proc (passes only if it can)", "graded",
      (WRONG, WRONG)),
    F("dev_shm", "leaves a file in /dev/shm (it must not reach the host's)", "graded",
      (FULL, FULL)),
    # a link would make the grader read another student's notebook (the reference's here)
    F("symlink", "the notebook is a symbolic link to another student's", "rejected", None, "",
      "is a symbolic link"),
    # the verdict itself (issue 13)
    F("forged_trust", "check helpers replaced by a function claiming to be dlcourse's",
      "graded", (0, WRONG)),
    F("kernel_methods", "the kernel's session.send rewrites errors into plain output",
      "graded", (0, WRONG)),
    F("library_swap", "the code of dlcourse.testing._fail swapped for a no-op", "graded",
      (0, WRONG)),
    F("input_history", "a right sigmoid that prints the kernel's input history when called "
      "(no hidden test may be in it)", "graded", (FULL, FULL)),
]


def build(kind: str, course_dir: Path, port: int) -> bytes | None:
    a = _assignment()
    table = {
        "reference": lambda: reference(),
        "blank": lambda: nbformat.read(a.release_path, as_version=4),
        "wrong": lambda: _wrong(),
        "showtraceback": lambda: _wrong(SHOWTRACEBACK),
        "custom_exc": lambda: _wrong(CUSTOM_EXC),
        "excepthook": lambda: _wrong(EXCEPTHOOK),
        "print": lambda: _wrong(PRINT),
        "allclose": lambda: _wrong(ALLCLOSE),
        "np_abs": lambda: _wrong(NP_ABS),
        "rebind_helpers": lambda: _wrong(REBIND),
        "patch_fail": lambda: _wrong(FAIL_PATCH),
        "code_swap": lambda: _wrong(CODE_SWAP),
        "assertion": lambda: _wrong(ASSERTION),
        "run_cell": lambda: _wrong(RUN_CELL),
        "events": lambda: _wrong(EVENTS),
        "transformer": lambda: _wrong(TRANSFORMER),
        "sys_exit": lambda: _wrong(SYS_EXIT),
        "os_exit": _os_exit,
        "edited_test": _edit_test,
        "deleted_test": _delete_test,
        "duplicated_test": _duplicate_test,
        "retagged_test": _retag_test,
        "points": _points,
        "write_gradebook": lambda: _write_gradebook(course_dir),
        "read_source": _read_source,
        "network": lambda: _network(port),
        "infinite_loop": lambda: _right(INFINITE),
        "sleep": _sleepy,
        "memory": lambda: _right(ALLOCATE),
        "output_flood": lambda: _right(PRINT_FLOOD),
        "sigstop": lambda: _right(SIGSTOP),
        "output_stall": lambda: _right("", STALL_IN_TEST),
        "fork_bomb": lambda: _right(FORK_BOMB),
        "invalid_json": lambda: b'{"cells": [ this is not json',
        "empty": lambda: b"",
        "nbformat3": _v3,
        "other_assignment": _other_assignment,
        "duplicate_ids": _duplicate_ids,
        "huge_outputs": _huge_outputs,
        "renamed": lambda: reference(),
        "missing": lambda: None,
        "warns": lambda: _right("", WARNING_SIGMOID),
        "proc_view": lambda: _right(PROC_VIEW, "s = 1 / (1 + np.exp(-x)) if _SEES_OTHERS "
                                              "else x"),
        "dev_shm": lambda: _right(DEV_SHM),
        "symlink": lambda: None,  # written by write_corpus: a link to the reference's notebook
        "forged_trust": lambda: _wrong(FORGED_TRUST),
        "kernel_methods": lambda: _wrong(KERNEL_METHODS),
        "library_swap": lambda: _wrong(LIBRARY_SWAP),
        "input_history": lambda: _right(INPUT_HISTORY, HISTORY_SIGMOID),
    }
    made = table[kind]()
    if made is None or isinstance(made, bytes):
        return made
    return _text(made)


def write_corpus(folder: Path, course_dir: Path, port: int) -> list[Fixture]:
    """Write ``folder/<kind>/<notebook>`` for every fixture; returns the fixtures."""
    a = _assignment()
    for f in FIXTURES:
        d = folder / f.kind
        d.mkdir(parents=True, exist_ok=True)
        data = build(f.kind, course_dir, port)
        if f.kind == "symlink":
            (d / a.notebook).symlink_to(folder / "reference" / a.notebook)
            continue
        if data is None:
            (d / "notes.txt").write_text("I forgot to attach the notebook\n")
            continue
        (d / (f.file_name or a.notebook)).write_bytes(data)
    return FIXTURES


# ---- the attacks on the verdict once more, on a TensorFlow assignment (issue 13 asks that they
# gain nothing on c2w3a1 too): the same prefixes at the top of c2w3a1's sigmoid cell, on top of
# a wrong sigmoid (a = z) that fails test_sigmoid (1 point) and nothing else
TF_ASSIGNMENT = "c2w3a1"
TF_RIGHT = "a = tf.keras.activations.sigmoid(z)"
TF_ATTACKS = {
    "showtraceback": SHOWTRACEBACK, "custom_exc": CUSTOM_EXC, "print": PRINT,
    "allclose": ALLCLOSE, "np_abs": NP_ABS, "rebind_helpers": REBIND, "patch_fail": FAIL_PATCH,
    "code_swap": CODE_SWAP, "assertion": ASSERTION, "run_cell": RUN_CELL, "events": EVENTS,
    "transformer": TRANSFORMER, "forged_trust": FORGED_TRUST, "kernel_methods": KERNEL_METHODS,
    "library_swap": LIBRARY_SWAP,
}


def tf_fixtures() -> list[Fixture]:
    full = float(manifest.get(TF_ASSIGNMENT).points)
    return ([F("reference", "the reference solution", "graded", (full, full)),
             F("wrong", "a wrong sigmoid (a = z)", "graded", (full - 1, full - 1))]
            + [F(kind, f"{kind} on top of the wrong sigmoid", "graded", (0, full - 1))
               for kind in TF_ATTACKS]
            + [F("input_history", "a right sigmoid that prints the input history", "graded",
                 (full, full))])


def write_tf_corpus(folder: Path) -> list[Fixture]:
    """``folder/<kind>/<notebook>`` for every fixture of :func:`tf_fixtures`."""
    a = manifest.get(TF_ASSIGNMENT)

    def made(prefix: str, body: str) -> nbformat.NotebookNode:
        return _edited(src.read_source(a.source_path), TF_RIGHT, prefix, body)

    fixtures = tf_fixtures()
    for f in fixtures:
        if f.kind == "reference":
            nb = src.read_source(a.source_path)
        elif f.kind == "input_history":
            nb = made(INPUT_HISTORY, f"print({HISTORY_MARK!r}, _history()); " + TF_RIGHT)
        else:
            nb = made(TF_ATTACKS.get(f.kind, ""), "a = z")
        (folder / f.kind).mkdir(parents=True, exist_ok=True)
        (folder / f.kind / a.notebook).write_bytes(_text(nb))
    return fixtures
