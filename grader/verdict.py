"""Test cells judged on the grader's side: the verdict is computed where learner code never runs.

While grading, a test cell (public and hidden tests) is not sent to the learner's kernel. The
grader runs it in its own process, in a namespace that holds

- the instructor's imports, done here (``np``, ``check_array``, ``substituted``, ...): a
  learner who rebinds ``check_array`` in their kernel changes nothing here;
- every other name the test reads, looked up in the learner's kernel when it is read: data
  arrive as copies (:mod:`grader.rpc`), functions as handles whose calls run in the kernel.

So the learner's code can only change what their functions return. Three things a test does
to the kernel's state are carried over:

- ``substituted(globals(), g=stand_in)`` puts the stand-in into the *kernel's* namespace while
  the block runs (a trusted stand-in crosses as a handle: the kernel calls back here);
- seeding (``np.random.seed``, ``random.seed``, ``tf.random.set_seed``,
  ``keras.utils.set_random_seed``) seeds both processes;
- arguments a learner's function changed in place are changed here too.

A call TensorFlow must trace (``tf.function(f)``, ``Dataset.map``) or differentiate (a gradient
tape) is made in the kernel as a whole (``dlcourse.testing.call_as``): ``tf.function`` of a
learner's function does that by itself here, the others through ``dlcourse.testing``'s
``dataset_map`` and ``gradients``.

:func:`run_cell` is called by :class:`grader.sandbox.GuardedExecute` in a thread while the
kernel runs the serving loop of :func:`grader.rpc.serve`; its outcome becomes the test cell's
outputs in the notebook nbgrader scores, so the gradebook, feedback and formgrader are as
before.
"""

from __future__ import annotations

import ast
import builtins
import contextlib
import io
import sys
import traceback

from . import rpc
from . import source as src

# Top-level modules the trusted side imports itself when an instructor cell imports them.
# Anything else (e.g. a module file next to the notebook, which the kernel's user can write)
# is never imported here: its names are looked up in the kernel like the learner's.
TRUSTED_MODULES = frozenset(sys.stdlib_module_names) | {
    "numpy", "tensorflow", "keras", "dlcourse", "matplotlib", "scipy", "h5py", "PIL",
    "IPython", "pandas", "sklearn",
}

SEEDERS = (  # (module, attribute path, what the kernel calls)
    ("numpy", ("random", "seed"), "numpy"),
    ("random", ("seed",), "random"),
    ("tensorflow", ("random", "set_seed"), "tensorflow"),
    ("keras", ("utils", "set_random_seed"), "keras"),
)


def trusted_imports(sources: list[str]) -> list[ast.stmt]:
    """The import statements of instructor cells that the trusted side may run itself."""
    out = []
    for text in sources:
        try:
            tree = ast.parse(text)
        except SyntaxError:
            continue
        for node in tree.body:
            if isinstance(node, ast.Import):
                names = [a for a in node.names if a.name.split(".")[0] in TRUSTED_MODULES]
                if names:
                    out.append(ast.Import(names=names))
            elif isinstance(node, ast.ImportFrom):
                if node.level == 0 and node.module and \
                        node.module.split(".")[0] in TRUSTED_MODULES:
                    out.append(node)
    return out


def base_namespace(import_nodes: list[ast.stmt]) -> dict:
    ns: dict = {"__name__": "__main__", "__builtins__": builtins}
    for node in import_nodes:
        mod = ast.fix_missing_locations(ast.Module(body=[node], type_ignores=[]))
        with contextlib.suppress(Exception):  # a failing optional import fails where used
            exec(compile(mod, "<instructor imports>", "exec"), ns)
    return ns


class LearnerNamespace(dict):
    """The test cell's globals: trusted names first, then the learner's kernel on demand."""

    def __init__(self, base: dict, peer: rpc.Peer):
        super().__init__(base)
        self._peer = peer
        self.fetched: dict = {}
        self._data: dict = {}  # name -> (epoch, value): data read since the last remote call

    def __missing__(self, name):
        if name in builtins.__dict__ or name.startswith("__"):
            raise KeyError(name)
        if name in self._data and self._data[name][0] == self._peer.epoch:
            return self._data[name][1]  # no learner code ran since it was read
        header = {"op": "get", "name": name}
        held = self._peer.held.get(name)
        if held is not None and self._peer.fingerprint(held[0]) == held[2]:
            header["held"] = held[1]  # a big value read before and unchanged here since
        got = self._peer.request(header)
        if got.get("missing"):
            raise KeyError(name)
        if got.get("held") and held is not None:  # ... and unchanged in the kernel too
            value = held[0]
        else:
            value = got["value"]
            self._peer.held.pop(name, None)
        if "origin" in got:  # a big value: passed back unchanged, it crosses as a reference
            fp = self._peer.fingerprint(value)
            self._peer.origins[id(value)] = (value, int(got["origin"]), fp)
            self._peer.held[name] = (value, int(got["origin"]), fp)
        if isinstance(value, rpc.Handle):  # a function: kept for the cell (calls go remote)
            dict.__setitem__(self, name, value)
            self.fetched[name] = value
        else:
            # data are read again once learner code has run: it may change them (a global
            # that ``model`` sets, read once before and once after a second call)
            self._data[name] = (self._peer.epoch, value)
        return value

    def bound(self, base: dict) -> dict:
        """What the test cell itself bound (not the instructor's imports, not the kernel's)."""
        return {k: v for k, v in self.items()
                if not (k in base and base[k] is v)
                and not (k in self.fetched and self.fetched[k] is v)}

    # used by dlcourse.testing.substituted: the stand-ins go where the learner's code runs
    def substitute(self, replacements: dict):
        token = self._peer.request({"op": "subst"}, (), replacements)
        return lambda: self._peer.request({"op": "restore"}, (token,))


class KerasPool:
    """Keras models read from kernels, kept for the next submission this process grades.

    Rebuilding a model from its configuration is the slow part of reading one (about 1.3 s
    for a model around an EfficientNet base); one submission after another sends models of
    the same configurations. A model read for a test is lent to that submission until its
    judge closes, then kept: a later read of the same configuration (its JSON, byte for byte)
    takes it back and gives it everything a fresh one would get from the wire and from its
    construction: the weights, every sub-layer's trainable flag, and the other variables'
    first values (random layers' seed states). A model a test compiled or called on symbolic
    tensors (state a configuration does not hold) is dropped instead of kept.
    """

    MAX_KEPT = 8  # models kept in all, the least recently given back dropped first

    def __init__(self):
        import threading

        self._lock = threading.Lock()
        self._kept: list[tuple] = []  # (configuration digest, model, state), oldest first

    def take(self, key: str):
        with self._lock:
            for i in range(len(self._kept) - 1, -1, -1):
                if self._kept[i][0] == key:
                    return self._kept.pop(i)[1:]
            return None

    def keep(self, entries) -> None:
        with self._lock:
            self._kept += [e for e in entries if _still_plain(e[1], e[2])]
            del self._kept[:-self.MAX_KEPT]


def _still_plain(model, state) -> bool:
    """Nothing was done to a lent model that setting its variables would not undo."""
    if getattr(model, "compiled", False) or getattr(model, "optimizer", None) is not None:
        return False
    return rpc.node_counts(model) == state["nodes"]


KERAS_POOL = KerasPool()


class PoolLease:
    """What one submission borrowed from :data:`KERAS_POOL` (given back when its judge closes)."""

    def __init__(self, pool: KerasPool):
        self.pool, self.lent = pool, []

    def take(self, key: str):
        return self.pool.take(key)

    def lend(self, key: str, model, state) -> None:
        self.lent.append((key, model, state))

    def close(self) -> None:
        lent, self.lent = self.lent, []
        self.pool.keep(lent)


@contextlib.contextmanager
def seeding_both_sides(peer: rpc.Peer):
    """While a test runs here, its seeding calls seed the kernel's generators as well."""
    saved = []
    for modname, path, what in SEEDERS:
        mod = sys.modules.get(modname)
        if mod is None:
            continue
        owner = mod
        with contextlib.suppress(AttributeError):
            for part in path[:-1]:
                owner = getattr(owner, part)
            original = getattr(owner, path[-1])

            def both(*args, _original=original, _what=what):
                _original(*args)
                peer.request({"op": "seed", "what": _what}, args)

            saved.append((owner, path[-1], original))
            setattr(owner, path[-1], both)
    try:
        yield
    finally:
        for owner, attr, original in reversed(saved):
            setattr(owner, attr, original)


@contextlib.contextmanager
def graphs_made_in_kernel():
    """While a test runs here, ``tf.function(f)`` of a learner's function ``f`` traces and runs
    it in the kernel (a symbolic tensor cannot cross: see ``dlcourse.testing.call_as``)."""
    tf = sys.modules.get("tensorflow")
    original = getattr(tf, "function", None)
    if original is None:
        yield
        return

    def function(func=None, *args, **kwargs):
        if isinstance(func, rpc.Handle) and not args and not kwargs:
            return lambda *a, **k: func.call_as("graph", a, k)
        return original(func, *args, **kwargs)

    tf.function = function
    try:
        yield
    finally:
        tf.function = original


def error_output(exc: BaseException) -> dict:
    """How the test cell's failure reads in the notebook: ``Name: message`` (the grading
    kernel's Minimal mode), never the test's source lines."""
    ename = type(exc).__name__
    if isinstance(exc, rpc.RemoteError):
        ename, evalue = exc.ename, exc.evalue
    else:
        evalue = str(exc)
    if isinstance(exc, SyntaxError):
        evalue = f"{exc.msg} (line {exc.lineno})"
    return {"ename": ename, "evalue": evalue,
            "traceback": [f"{ename}: {evalue}" if evalue else ename]}


class _GraderNames(dict):
    """Keras's counters of automatic layer names, for the grader's thread: from 1,000,000 on
    (``conv2d_1000000``), never a name the kernel gives. Layers built here (a stand-in's) and
    layers built in the kernel meet in one model, where Keras wants every name once."""

    def __contains__(self, key):
        return True

    def __missing__(self, key):
        return 1_000_000


def _grader_layer_names() -> None:
    if "keras" not in sys.modules:
        return
    from keras.src.backend.common import global_state

    if not isinstance(global_state.get_global_attribute("object_name_uids"), _GraderNames):
        global_state.set_global_attribute("object_name_uids", _GraderNames())


def run_cell(source: str, name: str, base: dict, peer: rpc.Peer,
             keep: dict | None = None) -> tuple[str, dict | None]:
    """Run one test cell here; its printed text and, if it failed, its error output.

    ``keep`` holds what earlier test cells bound (a later test cell may use it, as it could in
    one kernel); what this cell binds is added to it.
    """
    out = io.StringIO()
    _grader_layer_names()
    start = dict(base, **(keep or {}))
    ns = LearnerNamespace(start, peer)
    try:
        code = compile(source, f"<{name}>", "exec")
        with contextlib.redirect_stdout(out), seeding_both_sides(peer), \
                graphs_made_in_kernel():
            try:
                exec(code, ns)
            finally:
                if keep is not None:
                    keep.update(ns.bound(start))
        return out.getvalue(), None
    except rpc.ConnectionLost as exc:
        return out.getvalue(), {
            "ename": "KernelStopped",
            "evalue": f"the notebook's kernel stopped answering during the test ({exc})",
            "traceback": [f"KernelStopped: the notebook's kernel stopped answering ({exc})"]}
    except BaseException as exc:  # noqa: BLE001 - a test's failure, of any kind
        if not isinstance(exc, (AssertionError, Exception)):
            traceback.print_exc()
        return out.getvalue(), error_output(exc)


class Judge:
    """Runs test cells here while a kernel serves the learner's names (one per kernel).

    ``execute(code)`` must run ``code`` in the kernel and return when it has finished (it may
    raise, e.g. when the kernel died: the judge is stopped and the exception goes on).
    """

    def __init__(self, folder, nb):
        import os
        import secrets
        import socket
        from pathlib import Path

        self.path = str(Path(folder) / "v.sock")
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.path)
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.listener.bind(self.path)
        os.chmod(self.path, 0o777)  # the kernel may run under another user id
        self.listener.listen(1)
        self.module = "_r" + secrets.token_hex(8)
        # the instructor's cells (neither solutions nor tests): their imports are redone here
        self._sources = [c.source for c in nb.cells if c.cell_type == "code"
                         and not (src.is_solution(c) or src.is_test(c))]
        self._base: dict | None = None
        self.kept: dict = {}  # what test cells bound, for later test cells
        self.lease = PoolLease(KERAS_POOL)

    def forget(self, names) -> None:
        """A cell of the notebook rebinds these names: later tests read the kernel's."""
        for name in names:
            self.kept.pop(name, None)

    def install_code(self) -> str:
        """Code for the kernel: the serving loop as a private module (run once)."""
        from pathlib import Path

        text = Path(rpc.__file__).read_text(encoding="utf-8")
        return (f"import sys as _s, types as _t\n_m = _t.ModuleType({self.module!r})\n"
                f"exec(compile({text!r}, '<grader rpc>', 'exec'), _m.__dict__)\n"
                f"_s.modules[{self.module!r}] = _m\ndel _s, _t, _m\n")

    def serve_code(self) -> str:
        return f"__import__('sys').modules[{self.module!r}].serve({self.path!r}, globals())"

    def base(self) -> dict:
        if self._base is None:
            self._base = base_namespace(trusted_imports(self._sources))
        return self._base

    def judge(self, source: str, name: str, execute):
        """Run one test cell: (printed text, error output or None, a note when the test
        never ran to a verdict, what ``execute`` returned)."""
        import socket
        import threading

        base = self.base()
        result: dict = {}
        stop = threading.Event()
        conns: list = []

        def work():
            conn = None
            try:
                self.listener.settimeout(0.2)
                while conn is None and not stop.is_set():
                    with contextlib.suppress(socket.timeout):
                        conn, _ = self.listener.accept()
                if conn is None:
                    result["out"] = ("", None, "the kernel never connected to the grader")
                    return
                conn.settimeout(None)
                conns.append(conn)
                peer = rpc.Peer(conn, trusted=True, hooks={"modules": TRUSTED_MODULES,
                                                           "keras_pool": self.lease})
                text, error = run_cell(source, name, base, peer, self.kept)
                result["out"] = (text, error, "")
                with contextlib.suppress(Exception):
                    peer._send({"op": "done"}, [])
            except Exception as exc:  # the grader's own failure: the test cannot pass
                result["out"] = ("", error_output(exc), "")
            finally:
                if conn is not None:
                    conn.close()

        thread = threading.Thread(target=work, daemon=True, name=f"verdict {name}")
        thread.start()
        try:
            ran = execute(self.serve_code())
        finally:
            stop.set()
            for conn in conns:  # the kernel's side has ended: unblock the judge
                with contextlib.suppress(OSError):
                    conn.shutdown(socket.SHUT_RDWR)
            thread.join(60)
        text, error, note = result.get("out", ("", None, "the test did not finish"))
        return text, error, note, ran

    def close(self) -> None:
        import os

        self.listener.close()
        with contextlib.suppress(OSError):
            os.unlink(self.path)
        self.kept.clear()  # nothing of this submission is held once its models are given back
        self.lease.close()
