"""Command line built from :mod:`grader.api` / :mod:`grader.workspace` signatures.

``grader autograde SUBMISSIONS --assignment c1w2a2`` calls
``grader.api.autograde(Path("SUBMISSIONS"), assignment="c1w2a2")``: one signature for both.
"""

from __future__ import annotations

import argparse
import inspect
import sys
import typing
from pathlib import Path

from . import api, workspace

COMMANDS = {
    "build": api.build,
    "release": api.release,
    "autograde": api.autograde,
    "feedback": api.feedback,
    "export": api.export,
    "check": api.check,
    "workspace": workspace.workspace,
    "lab": workspace.lab,
    "reset": workspace.reset,
    "replay": workspace.replay,
}


def _param_help(func) -> dict[str, str]:
    out, current = {}, None
    for line in inspect.getdoc(func).splitlines():
        name, sep, text = line.partition(":")
        if sep and not line.startswith(" ") and name.isidentifier():
            current, out[name] = name, text.strip()
        elif current and line.startswith(" ") and line.strip():
            out[current] += " " + line.strip()
        else:
            current = None
    return out


def _base_type(annotation):
    if isinstance(annotation, str):
        annotation = eval(annotation, vars(typing) | {"Path": Path})  # noqa: S307 (own code)
    args = [t for t in typing.get_args(annotation) if t is not type(None)]
    return args[0] if args else annotation


def add_command(sub, name, func):
    doc = inspect.getdoc(func) or ""
    p = sub.add_parser(name, help=doc.splitlines()[0], description=doc,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    helps = _param_help(func)
    for i, (pname, param) in enumerate(inspect.signature(func).parameters.items()):
        typ = _base_type(param.annotation)
        flag = "--" + pname.replace("_", "-")
        h = helps.get(pname)
        if param.default is inspect.Parameter.empty:
            p.add_argument(pname, type=typ, help=h)
        elif i == 0 and param.default is None:  # an optional first argument stays positional
            p.add_argument(pname, type=typ, nargs="?", default=None, help=h)
        elif typ is bool:
            p.add_argument(flag, action="store_true", default=param.default, help=h)
        else:
            default = param.default
            p.add_argument(flag, dest=pname, type=typ, default=default,
                           help=(h + " " if h else "") + f"(default: {default})")
    p.set_defaults(_func=func)


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="grader", description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    for name, func in COMMANDS.items():
        add_command(sub, name, func)
    return ap


def main(argv=None) -> int:
    args = vars(parser().parse_args(argv))
    func = args.pop("_func")
    args.pop("command")
    return api.main_guard(func, **args)


if __name__ == "__main__":
    sys.exit(main())
