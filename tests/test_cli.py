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


def test_check_table_shows_each_failed_message_whole_and_indented():
    from grader.api import PartResult, SubmissionResult, _error_message, format_table

    long = "cost is wrong: expected 0.693147, got 3.46574 (rtol=1e-06, atol=1e-08)" + " x" * 60
    cell = {"outputs": [{"output_type": "stream", "text": "hi"},
                        {"output_type": "error", "ename": "CheckFailed",
                         "evalue": long + "\n  likely cause: got = m × expected (m = 5): a "
                                          "missing 1/m (a sum instead of a mean)?\n",
                         "traceback": []}]}
    message = _error_message(cell)
    assert message.endswith("a missing 1/m (a sum instead of a mean)?")
    res = SubmissionResult("me", "c1w2a1", parts=[
        PartResult("test_sigmoid", 1, 1, "passed"),
        PartResult("test_compute_cost", 2, 0, message)])
    lines = format_table(res).splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("compute_cost"))
    assert lines[row].endswith("CheckFailed: " + long)  # not truncated
    column = lines[row].index("CheckFailed")
    assert lines[row + 1] == " " * column + "  likely cause: got = m × expected (m = 5): a " \
                                            "missing 1/m (a sum instead of a mean)?"
    assert lines[-1] == "total: 1 / 3"
