"""The CLI is generated from the API's signatures: same names, same defaults."""

import inspect
import subprocess
import sys

import pytest

from grader import cli


@pytest.mark.parametrize("name", sorted(cli.COMMANDS))
def test_every_parameter_is_an_option_or_argument(name):
    func = cli.COMMANDS[name]
    sub = cli.parser()._subparsers._group_actions[0].choices[name]
    dests = {a.dest for a in sub._actions}
    for pname, param in inspect.signature(func).parameters.items():
        assert pname in dests, f"{name}: {pname} missing from the CLI"
        action = next(a for a in sub._actions if a.dest == pname)
        if param.default is not inspect.Parameter.empty:
            assert action.default == param.default


def test_usage_error_exits_2_with_a_message():
    r = subprocess.run([sys.executable, "-m", "grader", "release", "c9w9a9"],
                       capture_output=True, text=True)
    assert r.returncode == 2
    assert "unknown assignment 'c9w9a9'" in r.stderr


def test_check_on_a_missing_file_exits_2(tmp_path):
    r = subprocess.run([sys.executable, "-m", "grader", "check", str(tmp_path / "nope.ipynb")],
                       capture_output=True, text=True)
    assert r.returncode == 2 and "is not a file" in r.stderr
