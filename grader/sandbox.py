"""Grade one submission in an isolated work directory: ``grade_isolated``.

A submission never touches the instructor's course folder. ``grade_isolated`` builds a private
nbgrader course in ``workdir`` (its own SQLite gradebook, the assignment generated from the
release), validates the input, runs nbgrader's autograder there under limits and tamper
defences, and returns an :class:`Outcome`. The caller (``grader.batch``) is the only writer of
the real gradebook. See ``grader/SECURITY.md`` for what each defence does and does not cover.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import shutil
import sys
import tempfile
import threading
import time
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nbformat
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbclient.util import run_sync
from nbgrader.converters import Autograde
from nbgrader.preprocessors import Execute
from traitlets import Unicode

from dlcourse import ROOT

from . import guard, manifest, nbg, verdict
from . import source as src

STUDENT = "student"  # the student id inside the private course (the real one is in Outcome)


@dataclass
class Limits:
    cell_timeout: int = 300  # s per cell (from the manifest)
    notebook_timeout: int = 900  # s for the whole notebook
    memory_mb: int = 4096  # resident set of the kernel process tree
    output_mb: int = 20  # total size of outputs in the graded notebook
    network: bool = False  # False: no network for student code where the OS allows
    full_run: bool = False  # True: run the demo cells too (default: skip them, see DEMO_TAG)
    verdict: str = ""  # "trusted" / "kernel": where test cells run ("": the manifest's)

    @classmethod
    def for_assignment(cls, a: manifest.Assignment, **kw) -> Limits:
        """Defaults from the manifest: the cell limit, and a notebook limit of 4x its budget."""
        kw.setdefault("cell_timeout", a.cell_timeout)
        kw.setdefault("notebook_timeout", max(300, 4 * a.time_budget))
        return cls(**kw)


@dataclass
class Outcome:
    student: str
    status: str  # "graded" | "limit" | "rejected" | "error"
    message: str  # plain words: which limit / what is wrong with the input
    flags: list[str] = field(default_factory=list)
    autograded_nb: str | None = None  # JSON text of the autograded notebook (None if rejected)
    grades: dict = field(default_factory=dict)  # grade_id -> {"auto_score", "max_score"}
    seconds: float = 0.0

    @property
    def score(self) -> float:
        return sum(g["auto_score"] or 0 for g in self.grades.values())

    @property
    def max_score(self) -> float:
        return sum(g["max_score"] for g in self.grades.values())

    def to_dict(self) -> dict:
        return asdict(self)


# --------------------------------------------------------------------------------------------
# The generated assignment, cached per machine (generation costs ~5-10 s)


def _fingerprint(a: manifest.Assignment) -> str:
    h = hashlib.sha256()
    h.update(a.source_path.read_bytes())
    for name in a.files:
        h.update(name.encode())
        h.update((a.folder / name).read_bytes())
    for name, origin in a.modules:
        h.update(f"{name}={origin}".encode())
        h.update(manifest.get(origin).source_path.read_bytes())
    h.update(Path(nbg.__file__).read_bytes())
    h.update(Path(__file__).read_bytes())
    return h.hexdigest()[:20]


def cache_root() -> Path:
    root = Path(tempfile.gettempdir()) / f"dlcourse-grader-cache-{os.getuid()}"
    root.mkdir(mode=0o700, exist_ok=True)
    os.chmod(root, 0o700)  # holds solutions and hidden tests: never readable by a kernel
    return root


def course_template(a: manifest.Assignment) -> Path:
    """A generated nbgrader course (gradebook.db, source/, release/) for one assignment.

    Built once per machine and source version, then copied into each work directory; the
    rename makes concurrent builders safe (the loser throws its copy away).
    """
    final = cache_root() / f"{a.id}-{_fingerprint(a)}"
    if (final / "gradebook.db").exists():
        return final
    tmp = Path(tempfile.mkdtemp(prefix=f".{a.id}-", dir=final.parent))
    try:
        with nbg.quiet_nbgrader():
            nbg.generate(tmp, a)
        (tmp / "nbgrader_config.py").unlink(missing_ok=True)
        try:
            os.rename(tmp, final)
        except OSError:  # another process won the race
            shutil.rmtree(tmp, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return final


def _private_course(a: manifest.Assignment, workdir: Path) -> Path:
    course = workdir / "course"
    if course.exists():
        shutil.rmtree(course)
    course.mkdir(parents=True)
    os.chmod(course, 0o700)
    template = course_template(a)
    shutil.copy2(template / "gradebook.db", course / "gradebook.db")
    os.chmod(course / "gradebook.db", 0o600)
    for sub in ("source", "release"):
        shutil.copytree(template / sub, course / sub)
    return course


# --------------------------------------------------------------------------------------------
# The sandboxed execution: where the kernel runs, what it may see, and its limits

UID_RANGE = range(61000, 61500)  # one unprivileged user id per kernel, never a real account
MAX_PROCESSES = 64  # processes of one kernel (fork bombs), enforced by the monitor and NPROC
STALL_SECONDS = 8  # a kernel's output may lag its reply this long before it counts as stalled
HALTED = ("stopped", "tracing-stop")  # psutil's names for SIGSTOP'd and traced processes


def privileged() -> bool:
    return (sys.platform.startswith("linux") and os.geteuid() == 0
            and not os.environ.get("DLCOURSE_SANDBOX_OFF"))


class Policy:
    """Everything one kernel run needs: files, user id, limits; written as ``policy.json``
    for the launcher (``grader.guard``) and the preprocessor (:class:`GuardedExecute`)."""

    def __init__(self, a: manifest.Assignment, limits: Limits, workdir: Path, course: Path):
        self.a, self.limits, self.workdir, self.course = a, limits, workdir, course
        self.cwd = course / "autograded" / STUDENT / a.id
        self.run_dir, self.home = workdir / "run", workdir / "home"
        for d in (self.run_dir, self.home):
            d.mkdir(exist_ok=True)
        self.file, self.report_file = workdir / "policy.json", workdir / "report.json"
        self.report_file.unlink(missing_ok=True)
        self.uid, self._lock = (self._claim_uid() if privileged() else (None, None))
        self.write()

    @staticmethod
    def _claim_uid():
        import fcntl

        locks = cache_root() / "uids"
        locks.mkdir(exist_ok=True)
        for uid in UID_RANGE:
            fh = open(locks / str(uid), "w")
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                fh.close()
                continue
            kill_uid(uid)  # leftovers of a grader that was killed
            return uid, fh
        raise RuntimeError("no free sandbox user id")

    def write(self) -> None:
        home = str(self.home)
        env = {
            "PATH": os.pathsep.join([str(Path(sys.executable).parent), "/usr/bin", "/bin"]),
            "HOME": home, "USER": "student", "LOGNAME": "student", "LANG": "C.UTF-8",
            "PYTHONPATH": str(ROOT), "MPLCONFIGDIR": home + "/mpl", "IPYTHONDIR": home + "/ipy",
            "JUPYTER_CONFIG_DIR": home + "/jcfg", "JUPYTER_DATA_DIR": home + "/jdata",
            "JUPYTER_RUNTIME_DIR": home + "/jrun", "KERAS_HOME": home + "/keras",
            "XDG_CACHE_HOME": home + "/cache", "TMPDIR": "/tmp",
            "NBGRADER_EXECUTION": "autograde", **nbg.KERNEL_ENV,
        }
        binds = [[p, False] for p in ("/usr", "/lib", "/lib64", "/lib32", "/bin", "/sbin",
                                      "/etc", "/sys")]
        binds += [["/dev", True]]
        for p in {sys.base_prefix, sys.prefix, os.path.dirname(os.path.realpath(sys.executable))}:
            binds.append([p, False])
        binds += [[str(ROOT / "dlcourse"), False], [str(ROOT / "datasets"), False]]
        binds += [[str(self.cwd), True], [str(self.run_dir), True], [home, True]]
        policy = {
            "python": sys.executable, "cwd": str(self.cwd), "run_dir": str(self.run_dir),
            "env": env, "no_network": not self.limits.network, "uid": self.uid,
            "minimal_root": self.uid is not None, "root_dir": str(self.workdir / "root"),
            "binds": binds, "chown": [str(self.cwd), str(self.run_dir), home],
            "private": [str(self.cwd / self.a.notebook)], "nproc": 2 * MAX_PROCESSES,
            "fsize_mb": 256, "tmp_mb": 256, "shm_mb": 64,
            "limits": asdict(self.limits), "report": str(self.report_file),
            "verdict": self.limits.verdict or self.a.verdict,
        }
        self.file.write_text(json.dumps(policy, indent=1))

    def autograde(self) -> dict:
        cfg = nbg.config(self.course, None, self.limits.cell_timeout)
        cfg.Autograde.autograde_preprocessors = [
            GuardedExecute if p is Execute else p
            for p in Autograde.class_traits()["autograde_preprocessors"].default()
        ]
        cfg.GuardedExecute.policy_file = str(self.file)
        cfg.GuardedExecute.skip_tag = "" if self.limits.full_run else src.DEMO_TAG
        cfg.GuardedExecute.timeout = int(self.limits.cell_timeout)
        cfg.GuardedExecute.startup_timeout = 120
        # after a cell's reply, the kernel's last output may lag on a loaded machine; past
        # this the output has stalled (GuardedExecute.async_execute_cell: a limit, not a crash)
        cfg.GuardedExecute.iopub_timeout = STALL_SECONDS
        # the kernel has nothing to save and its processes are killed anyway (_kill): no
        # graceful shutdown round trip
        cfg.GuardedExecute.shutdown_kernel = "immediate"
        cfg.GuardedExecute.extra_arguments = cfg.Execute.extra_arguments
        cfg.GuardedExecute.error_on_timeout = {
            "ename": "CellTimeoutError", "evalue": "",
            "traceback": [f"CellTimeoutError: the cell ran longer than "
                          f"{self.limits.cell_timeout} s (the limit per cell)"]}
        from nbgrader.apps import NbGraderAPI
        from nbgrader.coursedir import CourseDirectory

        api = NbGraderAPI(coursedir=CourseDirectory(config=cfg), config=cfg)
        with nbg.kernel_env():
            return api.autograde(self.a.id, STUDENT, force=True, create=True)

    def report(self) -> dict:
        try:
            return json.loads(self.report_file.read_text())
        except (OSError, ValueError):
            return {}

    def cleanup(self) -> None:
        if self.uid is not None:
            kill_uid(self.uid)
            self._lock.close()
            self._lock = None


def _warnings_are_not_failures(cell) -> None:
    """nbgrader scores a test cell with any ``stderr`` stream output 0 (``determine_grade``),
    so a library warning (Keras, NumPy, TensorFlow) would cost a correct function its points.
    A test cell fails when a check fails or an error is raised: its stderr text is kept, as
    ``stdout`` under a ``[stderr]`` mark, and no longer decides the grade. Indented lines are
    dropped: a Python warning quotes the source line that warned, which may be a hidden test's."""
    for o in cell.outputs:
        if o.output_type == "stream" and o.get("name") == "stderr":
            o.name = "stdout"
            o.text = "".join(f"[stderr] {line}" for line in o.text.splitlines(keepends=True)
                             if line.strip() and not line[:1].isspace())


def kill_uid(uid: int) -> None:
    import psutil

    for _ in range(50):
        procs = [p for p in psutil.process_iter(["uids"])
                 if p.info["uids"] and p.info["uids"].real == uid]
        if not procs:
            return
        for p in procs:
            with contextlib.suppress(psutil.Error):
                p.kill()
        time.sleep(0.05)


def _error_output(ename: str, evalue: str):
    return nbformat.v4.new_output("error", ename=ename, evalue=evalue,
                                  traceback=[f"{ename}: {evalue}"])


class GuardedExecute(Execute):
    """nbgrader's Execute with the sandbox: the kernel starts through ``grader.guard``'s
    launcher, a monitor enforces memory / notebook time / processes / output size, the tamper
    guard runs around every test cell, and a test cell passes only if it ran to its end."""

    policy_file = Unicode("").tag(config=True)
    skip_tag = Unicode("", help="cells of the release with this tag are not run").tag(config=True)

    def _setup(self):
        self.policy = json.loads(Path(self.policy_file).read_text())
        lim = self.policy["limits"]
        self.limits = lim
        self.limit_hit: str | None = None
        self.stopped: str | None = None
        self.flags: list[str] = []
        self.output_bytes = 0
        self.started = None
        self._current = "the first cell"
        self.guard_mod = "_g" + secrets.token_hex(8)
        self.guard_ok = False
        self.sandbox = "none"
        self._done = threading.Event()
        self._monitor_thread = None
        # issue 13: test cells judged in this process (grader.verdict), not in the kernel
        self.trusted = self.policy.get("verdict") == "trusted"
        self._judge = None

    def create_kernel_manager(self):
        from jupyter_client.kernelspec import KernelSpec

        km = super().create_kernel_manager()
        if os.name == "posix":
            km.transport = "ipc"
            km.ip = str(Path(self.policy["run_dir"]) / "k")
        km._kernel_spec = KernelSpec(
            argv=[sys.executable, "-m", "grader.guard", self.policy_file, "{connection_file}"],
            display_name="sandbox", language="python", env={})
        return km

    def preprocess(self, nb, resources=None, km=None):
        self._setup()
        try:
            return super().preprocess(nb, resources, km)
        finally:
            self._done.set()
            if self._judge is not None:
                self._judge.close()
            self._kill("")
            report = {"limit": self.limit_hit, "flags": self.flags, "sandbox": self.sandbox}
            Path(self.policy["report"]).write_text(json.dumps(report))

    # ---- processes and limits

    def _procs(self):
        import psutil

        uid = self.policy.get("uid")
        if uid is not None:
            return [p for p in psutil.process_iter(["uids"])
                    if p.info["uids"] and p.info["uids"].real == uid]
        try:
            proc = psutil.Process(self.km.provisioner.process.pid)
            return [proc, *proc.children(recursive=True)]
        except Exception:
            return []

    def _kill(self, reason: str) -> None:
        import psutil

        if reason and not self.limit_hit:
            self.limit_hit = reason
        for _ in range(20):
            procs = self._procs()
            if not procs:
                return
            for p in procs:
                with contextlib.suppress(psutil.Error):
                    p.kill()
            time.sleep(0.05)

    def _monitor(self) -> None:
        import psutil

        mem = self.limits["memory_mb"]
        halted_since = None
        while not self._done.wait(0.2):
            procs = self._procs()
            rss = 0
            halted = False
            for p in procs:
                with contextlib.suppress(psutil.Error):
                    rss += p.memory_info().rss
                    halted = halted or p.status() in HALTED
            halted_since = (halted_since or time.monotonic()) if halted else None
            if halted_since and time.monotonic() - halted_since > 1.0:
                # a stopped process answers nothing: without this the notebook waits out the
                # cell timeout, then nbclient's wait for output fails the whole submission
                self._kill(f"stall limit: a process of the notebook was stopped (SIGSTOP or a "
                           f"tracer) in {self._current}; its output stalled")
            elif len(procs) > MAX_PROCESSES:
                self._kill(f"process limit: the notebook started more than {MAX_PROCESSES} "
                           "processes")
            elif rss > mem << 20:
                self._kill(f"memory limit: the notebook used more than {mem} MB")
            elif time.monotonic() - self.started > self.limits["notebook_timeout"]:
                self._kill(f"time limit: the notebook ran longer than "
                           f"{self.limits['notebook_timeout']} s")

    async def async_execute_cell(self, cell, cell_index, execution_count=None,
                                 store_history=True):
        self._current = _grade_id(self.nb.cells[cell_index], cell_index)
        try:
            return await super().async_execute_cell(cell, cell_index, execution_count,
                                                    store_history)
        except CellTimeoutError as exc:
            if "IOPub" not in str(exc):
                raise
            # the kernel replied but its output channel went silent (the learner's code
            # stopped or closed it): everything it prints from now on is lost
            self._kill(f"stall limit: the kernel stopped sending output in {self._current} "
                       f"(nothing for {self.iopub_timeout} s after the cell's reply)")
            raise DeadKernelError(self.limit_hit) from None

    # nbclient binds its synchronous form to its own coroutine; bind it to this one
    execute_cell = run_sync(async_execute_cell)

    def output(self, outs, msg, display_id, cell_index):
        size = len(json.dumps(msg.get("content", {}), default=str))
        self.output_bytes += size
        cap = self.limits["output_mb"]
        if self.output_bytes > cap << 20:
            if not self.limit_hit:
                self._kill(f"output limit: the notebook printed more than {cap} MB")
            return None
        return super().output(outs, msg, display_id, cell_index)

    # ---- guard

    def _run_code(self, code: str, index: int) -> tuple[str, bool]:
        """Run code that is not part of the notebook; its text output and whether it raised."""
        tmp = nbformat.v4.new_code_cell(code)
        keep = self.nb.cells[index]
        try:
            self.execute_cell(tmp, index, store_history=False)
        finally:
            self.nb.cells[index] = keep  # nbclient stores the executed cell at its index
        text = "".join(o.get("text", "") for o in tmp.outputs if o.output_type == "stream")
        return text, any(o.output_type == "error" for o in tmp.outputs)

    def _guard(self, index: int, phase: str, names=()) -> list[str] | None:
        """Problems the kernel-side guard reports; None when it could not report at all."""
        nonce = secrets.token_hex(12)
        text, _ = self._run_code(
            guard.guard_call_code(self.guard_mod, nonce, phase, names), index)
        for line in text.splitlines():
            if line.startswith(nonce + " "):
                return json.loads(line[len(nonce) + 1:])
        return None

    def _install_guard(self, index: int) -> None:
        text, _ = self._run_code(guard.guard_install_code(self.guard_mod), index)
        for line in text.splitlines():
            if line.startswith(self.guard_mod + " "):
                self.guard_ok = True
                self.sandbox = line.split(" ", 1)[1]
        if not self.guard_ok:
            self.flags.append("the integrity guard could not be installed: " + text[-200:])

    # ---- cells

    def preprocess_cell(self, cell, resources, index):
        if self.started is None:
            self.started = time.monotonic()
            self._monitor_thread = threading.Thread(target=self._monitor, daemon=True)
            self._monitor_thread.start()
            try:
                if self.trusted:
                    self._install_server(index)
                else:
                    self._install_guard(index)
            except DeadKernelError:
                self.stopped = self.limit_hit or "the kernel died while starting"
        if cell.cell_type != "code" or not cell.source.strip():
            return cell, resources
        if (self.skip_tag and self.skip_tag in cell.metadata.get("tags", [])
                and not cell.metadata.get("nbgrader")):
            # a demo cell (training showcase, plot, timing): no graded or test cell depends on
            # it (tests/test_demo_cells.py proves it per assignment); its tags come from the
            # release, never from the submission (see rebuild)
            return cell, resources
        if self.stopped:
            cell.outputs = [_error_output("NotRun", f"not run: {self.stopped}")]
            return cell, resources
        meta = cell.metadata.get("nbgrader", {})
        is_test = src.is_test(cell)
        gid = _grade_id(cell, index)
        if self.trusted:
            return self._trusted_cell(cell, resources, index, is_test, gid)
        problems: list[str] = []
        if is_test:
            before = self._guard_safe(index, "check")
            problems += before
        names = [] if meta.get("solution") or is_test else _imported_names(cell.source)
        if names:
            self._guard_safe(index, "mark")
        source, nonce = cell.source, secrets.token_hex(12)
        if is_test:
            cell.source = source + f"\n\nprint({nonce!r})\n"
        try:
            cell, resources = super().preprocess_cell(cell, resources, index)
        except DeadKernelError:
            self._kernel_died(cell, gid)
        finally:
            cell.source = source
        self._note_timeout(cell, gid)
        if self.stopped:
            return cell, resources
        if is_test:
            finished = False
            for o in cell.outputs:
                if o.output_type == "stream" and nonce in o.get("text", ""):
                    finished = True
                    o.text = o.text.replace(nonce + "\n", "").replace(nonce, "")
            cell.outputs = [o for o in cell.outputs
                            if not (o.output_type == "stream" and not o.text)]
            _warnings_are_not_failures(cell)
            has_error = any(o.output_type == "error" for o in cell.outputs)
            if not finished and not has_error:
                cell.outputs.append(_error_output(
                    "TestIncomplete", "the test cell did not run to its end"))
                problems.append(f"an error in {gid} was hidden from the notebook")
            problems += self._guard_safe(index, "check")
            if problems:
                uniq = sorted(set(problems))
                cell.outputs.append(_error_output(
                    "TamperingDetected", "; ".join(uniq)[:500]))
                for p in uniq:
                    flag = f"tampering: {p}"
                    if flag not in self.flags:
                        self.flags.append(flag)
        elif names:
            self._guard_safe(index, "protect", names)
        return cell, resources

    # ---- the trusted verdict (grader.verdict): test cells run here, learner cells in the kernel

    def _install_server(self, index: int) -> None:
        self._judge = verdict.Judge(self.policy["run_dir"], self.nb)
        text, err = self._run_code(self._judge.install_code(), index)
        self.guard_ok = not err
        self.sandbox = "trusted verdict"
        if err:
            self.flags.append("the grader's connection could not be set up in the kernel: "
                              + text[-200:])

    def _trusted_cell(self, cell, resources, index, is_test, gid):
        if not is_test:
            if self._judge is not None:
                self._judge.forget(src.cell_bindings(cell.source))
            try:
                cell, resources = super().preprocess_cell(cell, resources, index)
            except DeadKernelError:
                self._kernel_died(cell, gid)
            self._note_timeout(cell, gid)
            return cell, resources

        def execute(code):
            serve = nbformat.v4.new_code_cell(code)
            try:
                self.execute_cell(serve, index, store_history=False)
            finally:
                self.nb.cells[index] = cell  # nbclient stores the executed cell at its index
            return serve

        try:
            text, error, note, serve = self._judge.judge(cell.source, gid, execute)
        except DeadKernelError:
            cell.outputs = []
            self._kernel_died(cell, gid)
            return cell, resources
        outs = [o for o in serve.outputs if o.output_type in ("stream", "display_data")]
        kernel_errors = [o for o in serve.outputs if o.output_type == "error"]
        if text:
            outs.append(nbformat.v4.new_output("stream", name="stdout", text=text))
        if error is not None:
            outs.append(nbformat.v4.new_output("error", **error))
        elif kernel_errors:
            outs += kernel_errors
        elif note:
            outs.append(_error_output("TestIncomplete", note))
        cell.outputs = outs
        _warnings_are_not_failures(cell)
        self._note_timeout(cell, gid)
        return cell, resources

    def _kernel_died(self, cell, gid) -> None:
        self.stopped = self.limit_hit or ("the kernel died (os._exit, a crash or a kill) "
                                          f"in {gid}")
        if not self.limit_hit:
            self.limit_hit = self.stopped
        cell.outputs = list(cell.get("outputs", [])) + [_error_output("KernelDied", self.stopped)]

    def _note_timeout(self, cell, gid) -> None:
        for o in cell.outputs:
            if o.output_type == "error" and o.get("ename") == "CellTimeoutError":
                if not self.limit_hit:
                    self.limit_hit = (f"time limit: a cell ran longer than "
                                      f"{self.limits['cell_timeout']} s ({gid})")

    def _guard_safe(self, index, phase, names=()) -> list[str]:
        if not self.guard_ok:
            return ["the integrity guard is not installed"] if phase == "check" else []
        try:
            got = self._guard(index, phase, names)
        except DeadKernelError:
            self.stopped = self.limit_hit or "the kernel died"
            return []
        if got is None:
            return ["the integrity check could not report (output or kernel machinery "
                    "altered)"]
        return got


def _grade_id(cell, index: int) -> str:
    return cell.metadata.get("nbgrader", {}).get("grade_id", f"cell {index}")


def _imported_names(source: str) -> list[str]:
    import ast

    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    names = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                if alias.name != "*":
                    names.append((alias.asname or alias.name).split(".")[0])
    return names


# --------------------------------------------------------------------------------------------
# Input checks: what the student sent, rebuilt onto the release


class Rejected(Exception):
    """The submission cannot be graded; the message says why in plain words."""


MAX_INPUT_MB = 200


def _cells_by_id(nb) -> dict[str, list]:
    out: dict[str, list] = {}
    for cell in nb.cells:
        gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if gid:
            out.setdefault(gid, []).append(cell)
    return out


def _other_assignment(nb, a: manifest.Assignment) -> str | None:
    """The assignment whose exercises the notebook matches best, if not ``a``."""
    ids = set(_cells_by_id(nb))
    best, best_n = a.id, -1
    for other in manifest.available():
        try:
            rel = nbformat.read(other.release_path, as_version=4)
        except Exception:
            continue
        n = len(ids & set(_cells_by_id(rel)))
        if n > best_n or (n == best_n and other.id == a.id):
            best, best_n = other.id, n
    return best if best != a.id and best_n > 0 else None


def read_submission(data: bytes) -> tuple[nbformat.NotebookNode, list[str]]:
    """Parse the bytes as a notebook; raise :class:`Rejected` with a plain message."""
    flags = []
    if not data.strip():
        raise Rejected("the file is empty")
    if len(data) > MAX_INPUT_MB << 20:
        raise Rejected(f"the file is {len(data) / 2**20:.0f} MB, more than {MAX_INPUT_MB} MB")
    try:
        raw = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise Rejected("the file is not text (UTF-8): not a notebook") from None
    except ValueError as exc:
        raise Rejected(f"the file is not valid JSON ({exc}): not a notebook") from None
    if not isinstance(raw, dict) or "nbformat" not in raw:
        raise Rejected("the file is JSON but not a notebook (no 'nbformat' field)")
    version = raw.get("nbformat")
    if version != 4:
        if version == 3:
            flags.append("converted from notebook format 3")
        else:
            raise Rejected(f"notebook format {version!r} is not supported: open it in "
                           "Jupyter and save it again (format 4)")
    try:
        nb = nbformat.reads(data.decode("utf-8"), as_version=4)
    except Exception as exc:
        raise Rejected(f"the notebook cannot be read: {str(exc)[:200]}") from None
    if not isinstance(nb.get("cells"), list):
        raise Rejected("the notebook has no list of cells")
    cells = raw.get("cells") if isinstance(raw.get("cells"), list) else []
    ids = [c.get("id") for c in cells if isinstance(c, dict) and c.get("id")]
    if len(ids) != len(set(ids)):
        flags.append("duplicated cell ids (ignored: cells are matched by grade id)")
    size = sum(len(json.dumps(c.get("outputs", []))) for c in nb.cells
               if c.get("cell_type") == "code")
    if size > 1 << 20:
        flags.append(f"stored outputs of {size / 2**20:.0f} MB discarded before grading")
    return nb, flags


def rebuild(nb, release) -> tuple[nbformat.NotebookNode, list[str], int]:
    """The notebook that is graded: the release, with the student's solution cells in it.

    Test cells, read-only cells and every other cell come from the release (the grader's
    copy), so edited, deleted, duplicated or re-tagged test cells and changed points have no
    effect; each difference becomes a flag. Cells the student added are not run.
    Returns (notebook, flags, number of solution cells taken from the student).
    """
    flags: list[str] = []
    theirs = _cells_by_id(nb)
    out = nbformat.from_dict(json.loads(json.dumps(release)))
    taken = 0
    release_ids = set()
    for cell in out.cells:
        meta = cell.metadata.get("nbgrader", {})
        gid = meta.get("grade_id")
        if not gid:
            continue
        release_ids.add(gid)
        mine = theirs.get(gid, [])
        if len(mine) > 1:
            flags.append(f"cell {gid} appears {len(mine)} times: the first copy was graded")
        if meta.get("solution"):
            if not mine:
                flags.append(f"solution cell {gid} is missing: graded as unanswered")
                continue
            cell.source = str(mine[0].get("source", ""))
            taken += 1
            continue
        if not mine:
            flags.append(f"restored test cell {gid} (deleted in the submission)")
            continue
        m = mine[0]
        mmeta = m.get("metadata", {}).get("nbgrader", {})
        if mmeta.get("solution") and not meta.get("solution"):
            flags.append(f"restored test cell {gid} (re-tagged as a solution cell)")
        elif (src.strip_hidden(str(m.get("source", ""))).strip()
              != src.strip_hidden(cell.source).strip()):
            kind = "test" if meta.get("grade") else "read-only"
            flags.append(f"restored {kind} cell {gid} (edited in the submission)")
        if meta.get("grade") and mmeta.get("points") != meta.get("points"):
            flags.append(f"changed points of {gid} ({meta.get('points')} -> "
                         f"{mmeta.get('points')}): ignored")
    unknown = sorted(set(theirs) - release_ids)
    if unknown:
        flags.append("unknown graded cells ignored: " + ", ".join(unknown[:5]))
    added = sum(1 for c in nb.cells if c.get("cell_type") == "code"
                and not c.get("metadata", {}).get("nbgrader"))
    release_free = sum(1 for c in out.cells if c.cell_type == "code"
                       and not c.metadata.get("nbgrader"))
    if added > release_free:
        flags.append(f"{added - release_free} code cell(s) added outside the solution cells "
                     "were not run (only solution cells are graded)")
    return out, flags, taken


# --------------------------------------------------------------------------------------------
# Grading


def grade_isolated(notebook_bytes: bytes, assignment_id: str, student: str, limits: Limits,
                   workdir: Path) -> Outcome:
    """Grade one submitted notebook in a private course under ``workdir``; never raises for bad
    student input (every problem becomes an :class:`Outcome` with a message).

    ``workdir`` may be deleted afterwards; the autograded notebook is in the Outcome.
    """
    t0 = time.perf_counter()
    workdir = Path(workdir).resolve()
    try:
        a = manifest.get(assignment_id)
        workdir.mkdir(parents=True, exist_ok=True)
        out = _grade(notebook_bytes, a, student, limits, workdir)
    except Rejected as exc:
        out = Outcome(student, "rejected", str(exc))
    except Exception as exc:  # a grader bug or a broken installation, not the student's input
        out = Outcome(student, "error", f"internal grader error: {type(exc).__name__}: {exc}",
                      flags=[traceback.format_exc(limit=6)[-2000:]])
    out.seconds = time.perf_counter() - t0
    return out


def _grade(data: bytes, a: manifest.Assignment, student: str, limits: Limits,
           workdir: Path) -> Outcome:
    nb, flags = read_submission(data)
    course = _private_course(a, workdir)
    release = nbformat.read(course / "release" / a.id / a.notebook, as_version=4)
    graded_nb, more, taken = rebuild(nb, release)
    flags += more
    solutions = sum(1 for c in release.cells if c.metadata.get("nbgrader", {}).get("solution"))
    if taken < solutions:
        other = _other_assignment(nb, a)
        if other:
            raise Rejected(f"this is a notebook of {other}, not of {a.id}")
    if taken == 0:
        raise Rejected(f"the notebook has none of {a.id}'s exercises (no solution cell "
                       "with a known grade id)")
    dest = course / "submitted" / STUDENT / a.id
    dest.mkdir(parents=True)
    nbformat.write(graded_nb, dest / a.notebook)
    policy = Policy(a, limits, workdir, course)
    try:
        with nbg.quiet_nbgrader():
            res = policy.autograde()
        report = policy.report()
    finally:
        policy.cleanup()
    flags += report.get("flags", [])
    graded = course / "autograded" / STUDENT / a.id / a.notebook
    if not res["success"] or not graded.exists():
        log = (res.get("error") or "") + (res.get("log") or "")
        return Outcome(student, "error", "nbgrader could not grade it: " + log[-800:],
                       flags=flags)
    text = graded.read_text(encoding="utf-8")
    grades = _read_grades(course, a, release, nbformat.reads(text, as_version=4), flags)
    limit = report.get("limit")
    status = "limit" if limit else "graded"
    return Outcome(student, status, limit or "", flags=flags, autograded_nb=text, grades=grades)


def _read_grades(course: Path, a: manifest.Assignment, release, graded, flags) -> dict:
    """Scores from the private gradebook, checked against the grader's own reading of the
    autograded notebook with the release's points (a kernel cannot change either)."""
    from nbgrader.api import Gradebook
    from nbgrader.utils import determine_grade

    points = {gid: float(cells[0].metadata["nbgrader"]["points"])
              for gid, cells in _cells_by_id(release).items()
              if cells[0].metadata["nbgrader"].get("grade")}
    cells = _cells_by_id(graded)
    url = f"sqlite:///{course / 'gradebook.db'}"
    with Gradebook(url, nbg.COURSE_ID) as gb:
        sub = gb.find_submission_notebook(a.notebook_stem, a.id, STUDENT)
        stored = {g.cell.name: (g.auto_score, g.max_score) for g in sub.grades}
    out = {}
    for gid, pts in points.items():
        mine = cells.get(gid)
        score = determine_grade(mine[0])[0] if mine else 0.0
        if score is not None:
            score = min(float(score), pts)
        if gid in stored and (stored[gid][0] != score or stored[gid][1] != pts):
            flags.append(f"tampering: the private gradebook disagrees for {gid}; "
                         "the notebook's result was used")
        out[gid] = {"auto_score": score, "max_score": pts}
    return out


def outcome_json(o: Outcome) -> str:
    return json.dumps(o.to_dict())
