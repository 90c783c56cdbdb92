"""Kernel-side defences of ``grader.sandbox``.

Two pieces live here:

- :data:`KERNEL_GUARD`: code the grader sends to the grading kernel (it is never stored in a
  notebook). Installed before any student code runs, it fingerprints what the tests rely on
  (builtins, numpy, ``dlcourse.testing``, IPython's traceback/custom-exception/transformer
  machinery, ``sys.excepthook``/``sys.exit``/``os._exit``, the imported names of the notebook)
  and, before and after every test cell, reports anything that no longer matches.
- :func:`launch`: the kernel's launcher (``python -m grader.guard POLICY CONNECTION_FILE ...``).
  As root on Linux it puts the kernel in its own network namespace (no network) and mount
  namespace (a minimal root: the interpreter, ``dlcourse/``, ``datasets/``, the kernel's working
  folder and nothing else), sets resource limits and drops to an unprivileged, per-submission
  user id before it starts ``ipykernel``. Elsewhere it applies what the system permits and says
  so in ``DLCOURSE_SANDBOX`` (the grader reads it back and reports it).
"""

from __future__ import annotations

import ctypes
import json
import os
import resource
import shutil
import sys

KERNEL_GUARD = r'''
def __dlcourse_guard_install(_modname):
    import builtins, sys, os, types, threading
    import math
    import numpy, numpy.testing, numpy.linalg
    try:
        import dlcourse.testing
    except Exception:
        pass
    ip = get_ipython()
    _FUNC = types.FunctionType
    _type, _vars, _list, _getattr, _len = type, vars, list, getattr, len
    _stdout_write = sys.stdout.write
    _flush = sys.stdout.flush
    _sorted, _repr, _tuple = sorted, repr, tuple
    _dumps = __import__("json").dumps

    _METHOD = types.MethodType

    def fp(obj):
        if _type(obj) is _METHOD:
            obj = (obj.__self__, obj.__func__)
            return (obj[0], obj[1], *fp(obj[1])[1:])
        if _type(obj) is _FUNC:
            return (obj, obj.__code__, obj.__defaults__, obj.__kwdefaults__)
        return (obj,)

    WHOLE = ["builtins", "math", "numpy", "numpy.testing", "numpy.linalg", "numpy.random",
             "numpy.lib", "numpy.core"]
    WHOLE += [m for m in _list(sys.modules) if m == "dlcourse" or m.startswith("dlcourse.")]
    SKIP = {"_", "__", "___", "__warningregistry__", "input", "raw_input", "getpass"}
    SYS = ["excepthook", "__excepthook__", "displayhook", "exit", "stdout", "stderr",
           "settrace", "setprofile", "modules", "audit"]
    SHELL = ["showtraceback", "_showtraceback", "showsyntaxerror", "set_custom_exc", "CustomTB",
             "custom_exceptions", "InteractiveTB", "SyntaxTB", "run_cell", "run_cell_async",
             "_run_cell", "run_code", "run_ast_nodes", "transform_cell", "transform_ast",
             "excepthook", "system", "getoutput", "displayhook", "display_pub", "compile",
             "user_ns", "user_global_ns", "ast_transformers", "input_transformers_cleanup",
             "input_transformers_post", "input_transformer_manager", "events", "should_run_async",
             "get_exception_only", "_get_exc_info", "showindentationerror"]
    KERNEL = ["do_execute", "execute_request", "send_response", "_publish_execute_input",
              "_publish_status", "session", "iopub_socket", "shell_stream"]
    classes = set()
    for obj in (ip, ip.kernel, ip.kernel.session, sys.stdout, sys.stderr,
                ip.input_transformer_manager, ip.compile, ip.events):
        for klass in _type(obj).__mro__:
            if klass is not object:
                classes.add(klass)
    for m in WHOLE:
        mod = sys.modules.get(m)
        for v in (_vars(mod).values() if mod is not None else ()):
            if isinstance(v, type) and v.__module__.startswith("dlcourse"):
                classes.add(v)

    def table():
        t = {}
        for m in WHOLE:
            mod = sys.modules.get(m)
            if mod is None:
                continue
            t["module " + m] = fp(mod)
            for k, v in _list(_vars(mod).items()):
                if k not in SKIP:
                    t[m + "." + k] = fp(v)
        for k in SYS:
            t["sys." + k] = fp(_getattr(sys, k, None))
        t["sys.gettrace()"] = (sys.gettrace(),)
        t["sys.getprofile()"] = (sys.getprofile(),)
        t["os._exit"] = fp(os._exit)
        t["sys.modules['__main__']"] = fp(sys.modules.get("__main__"))
        for k in SHELL:
            t["shell." + k] = fp(ip.__dict__.get(k, "<class attribute>"))
        for k in KERNEL:
            t["kernel." + k] = fp(ip.kernel.__dict__.get(k, "<class attribute>"))
        for klass in classes:
            for k, v in _list(_vars(klass).items()):
                if k not in ("__doc__", "__weakref__", "__dict__", "_abc_impl"):
                    t[klass.__qualname__ + "." + k] = fp(v)
        for k in ("ast_transformers", "input_transformers_cleanup", "input_transformers_post"):
            t[k + "[]"] = _tuple(_getattr(ip, k, ()))
        itm = ip.input_transformer_manager
        for k in ("cleanup_transforms", "line_transforms", "token_transformers"):
            t["input_transformer_manager." + k + "[]"] = _tuple(_getattr(itm, k, ()))
        for ev, cbs in _list(ip.events.callbacks.items()):
            t["events " + ev] = _tuple(cbs)
        t["stdout.write"] = (_type(sys.stdout).write,)
        return t

    pristine = table()
    protected = {}
    threads = set(threading.enumerate())

    TRUSTED = ("/IPython/", "/ipykernel/", "/matplotlib_inline/", "/matplotlib/")
    THREAD_LIBS = ("/zmq/", "/ipykernel/", "/IPython/", "/jupyter_client/", "/tornado/",
                   "/matplotlib/", "/keras/", "/tensorflow/")

    def trusted(cb):
        code = _getattr(_getattr(cb, "__func__", cb), "__code__", None)
        return code is not None and any(s in code.co_filename for s in TRUSTED)

    def library_thread(t):
        # Threads that libraries start by themselves (pyzmq's garbage collector after a large
        # output, tornado, Keras/TensorFlow helpers) run code from those libraries' files.
        run = _getattr(type(t), "run", None)
        if run is threading.Thread.run:
            run = _getattr(t, "_target", None)
        code = _getattr(_getattr(run, "__func__", run), "__code__", None)
        return code is not None and any(s in code.co_filename for s in THREAD_LIBS)

    def same(v, w):
        return _len(v) == _len(w) and all(a is b for a, b in zip(v, w))

    def diff():
        now = table()
        bad = []
        for k, v in pristine.items():
            w = now.get(k)
            if k.endswith("[]") or k.startswith("events "):
                added = [x for x in (w or ()) if not any(x is y or x == y for y in v)]
                gone = [y for y in v if not any(x is y or x == y for x in (w or ()))]
                if gone or not all(trusted(x) for x in added):
                    bad.append("changed " + k)
                continue
            if w is None:
                bad.append("deleted " + k)
            elif not same(v, w):
                bad.append("redefined " + k)
        ns = ip.user_ns
        for k, v in protected.items():
            if k not in ns:
                bad.append("deleted the notebook's " + k)
            elif ns[k] is not v[0] or fp(ns[k]) != v:
                bad.append("redefined the notebook's " + k)
        extra = [t for t in threading.enumerate() if t not in threads and not library_thread(t)]
        if extra:
            bad.append("a thread started by the notebook runs during the tests (%s)"
                       % extra[0].name)
        return bad

    marked = {}

    def mark():
        marked.clear()
        marked.update(table())

    def protect(names):
        # changes made by the instructor's own cell (imports, matplotlib hooks) are adopted
        now = table()
        for k, v in now.items():
            if k not in pristine or (k in marked and not same(marked[k], v)):
                pristine[k] = v
        ns = ip.user_ns
        for k in names:
            if k in ns:
                protected[k] = fp(ns[k])

    def report(nonce, phase, names=()):
        if phase == "protect":
            WHOLE.extend(m for m in _list(sys.modules)
                         if m.startswith("dlcourse") and m not in WHOLE)
            protect(names)
            bad = []
        elif phase == "mark":
            mark()
            bad = []
        else:
            bad = diff()
        _stdout_write(nonce + " " + _dumps(_sorted(bad)[:20]) + "\n")
        _flush()

    _stdout_write(_modname + " " + os.environ.get("DLCOURSE_SANDBOX", "none") + "\n")
    mod = types.ModuleType(_modname)
    mod.report = report
    sys.modules[_modname] = mod


__dlcourse_guard_install(__MODNAME__)
del __dlcourse_guard_install
'''


def guard_install_code(modname: str) -> str:
    return KERNEL_GUARD.replace("__MODNAME__", repr(modname))


def guard_call_code(modname: str, nonce: str, phase: str, names=()) -> str:
    return (f"__import__('sys').modules[{modname!r}].report({nonce!r}, {phase!r}, "
            f"{list(names)!r})")


# --------------------------------------------------------------------------------------------
# The kernel launcher

CLONE_NEWNS, CLONE_NEWNET = 0x00020000, 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_BIND, MS_REMOUNT, MS_REC, MS_PRIVATE = (
    1, 2, 4, 4096, 32, 16384, 1 << 18)


def _libc():
    return ctypes.CDLL(None, use_errno=True)


def _check(ret: int, what: str) -> None:
    if ret != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")


def _mount(libc, source, target, fstype, flags, data=None) -> None:
    _check(libc.mount(source and source.encode(), target.encode(),
                      fstype and fstype.encode(), ctypes.c_ulong(flags),
                      data and data.encode()), f"mount {source} on {target}")


def _minimal_root(libc, policy: dict) -> None:
    """Enter a new mount namespace whose root holds only ``policy['binds']``."""
    _check(libc.unshare(CLONE_NEWNS), "unshare(CLONE_NEWNS)")
    _mount(libc, None, "/", None, MS_REC | MS_PRIVATE)
    new = policy["root_dir"]
    os.makedirs(new, exist_ok=True)
    _mount(libc, "tmpfs", new, "tmpfs", MS_NOSUID | MS_NODEV, "size=4m,mode=755")
    for d in ("proc", "tmp"):
        os.makedirs(os.path.join(new, d), exist_ok=True)
    # a process view of the kernel's own user id only (hidepid: other submissions' kernels
    # and the grader's processes are invisible; per mount since Linux 5.8)
    try:
        _mount(libc, "proc", new + "/proc", "proc", MS_NOSUID | MS_NODEV, "hidepid=invisible")
    except OSError:
        _mount(libc, "proc", new + "/proc", "proc", MS_NOSUID | MS_NODEV)
    _mount(libc, "tmpfs", new + "/tmp", "tmpfs", MS_NOSUID | MS_NODEV,
           f"size={policy.get('tmp_mb', 256)}m,mode=1777")
    for src, writable in policy["binds"]:
        if not os.path.exists(src):
            continue
        dst = new + src
        if os.path.isdir(src):
            os.makedirs(dst, exist_ok=True)
        else:
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            open(dst, "a").close()
        _mount(libc, src, dst, None, MS_BIND | MS_REC)
        if not writable:
            _mount(libc, None, dst, None, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_REC)
    if os.path.isdir(new + "/dev/shm"):
        # the host's /dev/shm is shared by every process: the kernel gets its own, small one,
        # gone with its mount namespace
        _mount(libc, "tmpfs", new + "/dev/shm", "tmpfs", MS_NOSUID | MS_NODEV,
               f"size={policy.get('shm_mb', 64)}m,mode=1777")
    os.chroot(new)
    os.chdir("/")


def launch(argv: list[str]) -> None:
    """``python -m grader.guard POLICY CONNECTION_FILE [kernel args...]``."""
    policy_path, conn, extra = argv[0], argv[1], argv[2:]
    with open(policy_path) as fh:
        policy = json.load(fh)
    done = []
    os.makedirs(policy["cwd"], exist_ok=True)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    fsize = policy.get("fsize_mb")
    if fsize:
        resource.setrlimit(resource.RLIMIT_FSIZE, (fsize << 20, fsize << 20))
    libc = _libc() if sys.platform.startswith("linux") else None
    if libc is not None and policy.get("no_network"):
        try:
            _check(libc.unshare(CLONE_NEWNET), "unshare(CLONE_NEWNET)")
            done.append("no-network")
        except OSError:
            pass
    # The connection file: a copy the unprivileged kernel may read, next to its ipc sockets.
    run_dir = policy["run_dir"]
    conn_copy = os.path.join(run_dir, "connection.json")
    shutil.copyfile(conn, conn_copy)
    uid = policy.get("uid")
    if uid is not None:
        os.chown(conn_copy, uid, uid)
    os.chmod(conn_copy, 0o600)
    if uid is not None:
        for d in policy.get("chown", []):
            os.chown(d, uid, uid)
        for f in policy.get("private", []):
            if os.path.exists(f):
                os.chown(f, 0, 0)
                os.chmod(f, 0o600)
    if libc is not None and policy.get("minimal_root"):
        try:
            _minimal_root(libc, policy)
            done.append("minimal-root")
        except OSError:
            pass
    if uid is not None and "minimal-root" in done:
        nproc = policy.get("nproc", 128)
        resource.setrlimit(resource.RLIMIT_NPROC, (nproc, nproc))
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)
        done.append(f"uid-{uid}")
    log = os.open(os.path.join(run_dir, "kernel.log"), os.O_WRONLY | os.O_CREAT | os.O_APPEND,
                  0o600)
    os.dup2(log, 1)
    os.dup2(log, 2)
    env = dict(policy["env"])
    env["DLCOURSE_SANDBOX"] = ",".join(done) or "none"
    os.chdir(policy["cwd"])
    python = policy["python"]
    os.execve(python, [python, "-m", "ipykernel_launcher", "-f", conn_copy, *extra], env)


if __name__ == "__main__":
    launch(sys.argv[1:])
