"""The feedback page is nbgrader's, minus the MathJax it would load from the internet."""

import difflib
from pathlib import Path

import nbformat
import nbgrader
from nbconvert import HTMLExporter

from grader.api import remote_loads
from grader.nbg import config

# nbgrader's GenerateFeedback adds bootstrap's CSS folder to the template paths itself
BOOTSTRAP = (Path(nbgrader.__file__).parent / "server_extensions" / "formgrader" / "static"
             / "node_modules" / "bootstrap" / "dist" / "css")


NB = nbformat.v4.new_notebook(cells=[
    nbformat.v4.new_markdown_cell("The cost $J = \\frac{1}{m} \\sum_i L$, see "
                                  "[the paper](https://arxiv.org/abs/1512.03385)."),
    nbformat.v4.new_code_cell("x = 1")])


def _render(tmp_path, **exporter):
    resources = {"nbgrader": {"notebook": "n", "score": 3.0, "max_score": 5.0,
                              "late_penalty": 0}}
    if not exporter:
        c = config(tmp_path)
        c.HTMLExporter.extra_template_paths = [str(BOOTSTRAP)]
        exporter = {"config": c}
    html, _ = HTMLExporter(**exporter).from_notebook_node(NB, resources=resources)
    return html


def test_feedback_page_loads_nothing_from_the_internet(tmp_path):
    ours = _render(tmp_path)
    stock = _render(tmp_path, template_name="feedback",
                    extra_template_basedirs=[config(tmp_path).HTMLExporter
                                             .extra_template_basedirs[1]],
                    extra_template_paths=[str(BOOTSTRAP)])
    assert any("cdnjs" in url for url in remote_loads(stock)), "nbgrader's page changed?"
    assert remote_loads(ours) == []
    # everything else is nbgrader's page as it was: the score, the cells, the link (a link is
    # not a download), the formula as its LaTeX source
    removed = [line for line in difflib.unified_diff(stock.splitlines(), ours.splitlines(),
                                                     lineterm="", n=0)
               if line.startswith("-") and not line.startswith("---")]
    start, end = stock.index("<!-- Load mathjax -->"), stock.index("<!-- End of mathjax")
    block = stock[start:stock.index("\n", end)].splitlines()
    assert [line[1:] for line in removed] == block
    for part in ("3.0", "5.0", "https://arxiv.org/abs/1512.03385", "\\frac{1}{m}", "code_cell"):
        assert part in ours, part
