"""The mutant report: per mutant its message, whether it names the likely cause, and the other
test cells it fails; the summary figures the same in text and JSON."""

import json

from grader.devtools import (
    MutantOutcome,
    figures,
    format_outcomes,
    message_kind,
    named_cause,
    summary,
    write_reports,
)

VALUE = ("CheckFailed: grads['dw'] is wrong at index (2, 0): expected 0.241982, got 0.967929 "
         "(rtol=1e-08, atol=1e-08); 3 of 3 elements differ\n  likely cause: got = m × expected "
         "(m = 4): a missing 1/m (a sum instead of a mean)?")
OUTCOMES = [
    MutantOutcome("propagate", "dw_missing_1_over_m", True, True, VALUE.splitlines()[0],
                  message=VALUE, public_message=VALUE, other_failing=["test_optimize"],
                  other_messages={"test_optimize": "CheckFailed: params['w'] is wrong"}),
    MutantOutcome("propagate", "forgot_bias", True, True, "x",
                  message="CheckFailed: cost is wrong: expected 0.785538, got 0.656869",
                  other_unstable=["test_model"]),
    MutantOutcome("flatten", "row_vector", False, True, "x",
                  message="CheckFailed: v has shape (1, 18); expected (18, 1) (transposed?)"),
    MutantOutcome("sigmoid", "math_exp", True, True, "x",
                  message="TypeError: only 0-dimensional arrays can be converted"),
    MutantOutcome("sigmoid", "survivor", False, False, "NOT CAUGHT"),
]


def test_kinds_and_causes():
    assert [o.kind for o in OUTCOMES] == ["value", "value", "shape", "error", "not-caught"]
    assert OUTCOMES[0].cause == "got = m × expected (m = 4): a missing 1/m (a sum instead of a " \
                                "mean)?"
    assert OUTCOMES[1].cause == "" and OUTCOMES[2].cause == "transposed?"
    assert message_kind("", False, "mutant code itself failed: SyntaxError") == "mutant-error"
    assert named_cause("CheckFailed: x is not finite at index (0,): got nan (1 of 2 elements "
                       "are NaN or inf)\n  likely cause: NaN: ...").startswith("NaN")


def test_summary_and_reports(tmp_path):
    f = summary("c0w0a0", OUTCOMES)
    assert (f["mutants"], f["killed"], f["value_mismatch"], f["value_mismatch_cause_named"],
            f["cause_named_share"], f["cross_failing"]) == (5, 4, 2, 1, 0.5, 1)
    txt, js = write_reports("c0w0a0", OUTCOMES, tmp_path, 1.5)
    text = txt.read_text()
    assert "c0w0a0: 1/2 value-mismatch messages name the likely cause (50%)" in text
    assert "c0w0a0: 1 mutants fail another function's test cell (1 cells in all)" in text
    assert "also fails: test_optimize" in text and "      |   likely cause: got = m" in text
    assert "      > test_optimize: CheckFailed: params['w'] is wrong" in text
    assert "      ~ test_model: fails with the reference restored too (state)" in text
    data = json.loads(js.read_text())
    assert data["summary"] == f and data["mutants"][0]["cause_named"] is True
    assert data["mutants"][0]["other_failing"] == ["test_optimize"]
    assert format_outcomes("c0w0a0", OUTCOMES) + "\n" == text
    table = figures(tmp_path)
    assert table.splitlines()[1].split() == ["c0w0a0", "5", "2", "1", "50%", "1"]
    assert table.splitlines()[-1].split() == ["total", "5", "2", "1", "50%", "1"]
