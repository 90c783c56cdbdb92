"""The adversarial corpus (tests/adversarial/corpus.py), graded in ONE parallel batch through
grader.batch: every hostile or broken submission gets its expected status, score, flag and
message, and nothing outside its own private work directory is disturbed."""

import hashlib

import pytest
from adversarial.corpus import ASSIGNMENT, FIXTURES, SHM_MARKER
from adversarial.run import check, grade_corpus, table

from grader import manifest

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


def test_corpus_is_big_enough():
    assert len(FIXTURES) >= 30
    assert len({f.kind for f in FIXTURES}) == len(FIXTURES)


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.kind for f in FIXTURES])
def test_fixture_gets_its_expected_outcome(fixture, corpus):
    out = corpus["outcomes"].get(fixture.kind)
    assert check(fixture, out) == [], (out and (out.status, out.message, out.flags))


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

