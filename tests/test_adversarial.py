"""The adversarial corpus (tests/adversarial/corpus.py), graded in ONE parallel batch through
grader.batch: every hostile or broken submission gets its expected status, score, flag and
message, and nothing outside its own private work directory is disturbed."""

import hashlib

import pytest
from adversarial.corpus import ASSIGNMENT, FIXTURES, SHM_MARKER, TF_ASSIGNMENT, tf_fixtures
from adversarial.run import check, grade_corpus, table

from grader import manifest
from grader import source as src

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("adversarial")]
_RUN: dict = {}


@pytest.fixture
def corpus(tmp_path_factory, reports_dir):
    if not _RUN:
        tmp = tmp_path_factory.mktemp("adversarial")
        a = manifest.get(ASSIGNMENT)
        fixtures, outcomes, log, course, report = grade_corpus(tmp, workers=2)
        ref = course / "submitted" / "reference" / a.id / a.notebook
        _RUN.update(outcomes=outcomes, log=log, course=course, report=report,
                    ref_sha=hashlib.sha256(ref.read_bytes()).hexdigest())
        (reports_dir / "adversarial.md").write_text(table(fixtures, outcomes) + "\n")
    return _RUN


@pytest.fixture
def guarded(tmp_path_factory, reports_dir):
    """The attacks on the tests graded once more with the kernel verdict (tests in the
    learner's kernel): the integrity guard must still flag each one there."""
    if "guarded" not in _RUN:
        kinds = {"wrong"} | {f.kind for f in FIXTURES if f.guard_flag}
        tmp = tmp_path_factory.mktemp("adversarial-kernel")
        fixtures, outcomes, _, _, _ = grade_corpus(tmp, workers=2, kinds=kinds, verdict="kernel")
        _RUN["guarded"] = outcomes
        (reports_dir / "adversarial-kernel-verdict.md").write_text(
            table(fixtures, outcomes, "kernel") + "\n")
    return _RUN["guarded"]


def test_corpus_is_big_enough():
    assert len(FIXTURES) >= 30
    assert len({f.kind for f in FIXTURES}) == len(FIXTURES)


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.kind for f in FIXTURES])
def test_fixture_gets_its_expected_outcome(fixture, corpus):
    out = corpus["outcomes"].get(fixture.kind)
    assert check(fixture, out) == [], (out and (out.status, out.message, out.flags))


@pytest.mark.parametrize("fixture", [f for f in FIXTURES if f.guard_flag],
                         ids=[f.kind for f in FIXTURES if f.guard_flag])
def test_with_the_kernel_verdict_the_guard_flags_the_attack(fixture, guarded):
    out = guarded.get(fixture.kind)
    assert check(fixture, out, "kernel") == [], (out and (out.status, out.message, out.flags))


def test_the_attacks_gain_nothing_over_the_same_wrong_code(corpus):
    """Issue 13: every attack on the verdict scores no more than its wrong code alone."""
    wrong = corpus["outcomes"]["wrong"]
    base = sum(g["auto_score"] or 0 for g in wrong.grades.values())
    for f in FIXTURES:
        if f.guard_flag or f.kind in ("forged_trust", "kernel_methods", "library_swap"):
            out = corpus["outcomes"][f.kind]
            score = sum(g["auto_score"] or 0 for g in out.grades.values())
            assert score <= base, (f.kind, score, base, out.flags)


@pytest.fixture
def tf_corpus(tmp_path_factory, reports_dir):
    """The attacks on the verdict on c2w3a1 (TensorFlow, functions traced and differentiated
    in the kernel on the grader's request)."""
    if "tf" not in _RUN:
        tmp = tmp_path_factory.mktemp("adversarial-tf")
        fixtures, outcomes, _, _, _ = grade_corpus(tmp, workers=2, assignment=TF_ASSIGNMENT)
        _RUN["tf"] = outcomes
        (reports_dir / f"adversarial-{TF_ASSIGNMENT}.md").write_text(
            table(fixtures, outcomes) + "\n")
    return _RUN["tf"]


@pytest.mark.parametrize("fixture", tf_fixtures(), ids=[f.kind for f in tf_fixtures()])
def test_on_a_tensorflow_assignment_the_attacks_gain_nothing(fixture, tf_corpus):
    """Issue 13: on c2w3a1 too, every attack scores no more than the same wrong sigmoid."""
    out = tf_corpus.get(fixture.kind)
    assert check(fixture, out) == [], (out and (out.status, out.message, out.flags))
    if fixture.kind == "input_history":
        _assert_no_hidden_line_printed(TF_ASSIGNMENT, out.autograded_nb)


def _assert_no_hidden_line_printed(assignment_id: str, text: str) -> None:
    import nbformat
    from adversarial.corpus import HISTORY_MARK

    assert HISTORY_MARK in text  # the history was printed into the graded notebook
    hidden = src.secret_lines(src.read_source(manifest.get(assignment_id).source_path))["hidden"]
    assert hidden
    printed = "".join(o.get("text", "") for c in nbformat.reads(text, as_version=4).cells
                      for o in c.get("outputs", []) if o.get("output_type") == "stream")
    leaked = [line for line in hidden if line in printed]
    assert not leaked, leaked[:3]


def test_hidden_tests_never_reach_the_learners_process(corpus):
    """The input_history fixture printed the kernel's whole input history from inside a test:
    with the trusted verdict no hidden test was ever sent to the kernel, so none is in it."""
    a = manifest.get(ASSIGNMENT)
    assert a.verdict == "trusted", "the corpus's assignment is graded with the trusted verdict"
    _assert_no_hidden_line_printed(ASSIGNMENT, corpus["outcomes"]["input_history"].autograded_nb)


def test_instructor_files_are_untouched(corpus):
    """The write_gradebook fixture tried to overwrite the real gradebook and another student's
    submitted and autograded notebooks; the kernel could not even see them."""
    from nbgrader.api import Gradebook

    course = corpus["course"]
    a = manifest.get(ASSIGNMENT)
    ref = course / "submitted" / "reference" / a.id / a.notebook
    assert hashlib.sha256(ref.read_bytes()).hexdigest() == corpus["ref_sha"]
    graded = course / "autograded" / "reference" / a.id / a.notebook
    assert b"owned" not in graded.read_bytes()[:10]
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "dlcourse") as gb:
        sub = gb.find_submission_notebook(a.notebook_stem, a.id, "reference")
        assert sum(g.score for g in sub.grades) == a.points


def test_the_batch_went_on_and_reported_every_submission(corpus):
    log = corpus["log"]
    assert f"[{len(FIXTURES)}/{len(FIXTURES)}]" in log
    assert "eta" in log


def test_nothing_reaches_the_hosts_dev_shm(corpus):
    """The dev_shm fixture wrote into its /dev/shm: a private one, gone with the kernel."""
    import os

    assert not os.path.exists(f"/dev/shm/{SHM_MARKER}")

