"""nbgrader plugins of the course."""

from __future__ import annotations

import os
import re

from nbgrader.plugins import FileNameCollectorPlugin
from traitlets import List, Unicode

#: File layouts of LMS downloads that :class:`LmsCollector` understands, tried in order.
#: Canvas: ``doejane_12345_67890_c1w2a2_logistic_regression.ipynb`` (``_late`` may follow the
#: name); Moodle-like folders: ``Jane Doe_12345_assignsubmission_file_/c1w2a2_....ipynb``;
#: plain folders: ``<student_id>/<notebook>.ipynb``.
DEFAULT_PATTERNS = [
    r"(?P<student_id>[A-Za-z0-9.\-]+)(?:_late)?(?:_\d+)+_(?P<file_id>c\d+w\d+a\d+[^/]*\.ipynb)",
    r"[^/]*?_(?P<student_id>\d+)_assignsubmission_file_/(?P<file_id>[^/]+\.ipynb)",
    r"(?P<student_id>[A-Za-z0-9.\-_]+)/(?:c\d+w\d+a\d+/)?(?P<file_id>[^/]+\.ipynb)",
]


class LmsCollector(FileNameCollectorPlugin):
    """Map files extracted from an LMS zip to (student, notebook).

    nbgrader's own collector applies one regular expression to the absolute path. An LMS zip
    comes in one of a few layouts, so this collector tries ``patterns`` in order on the path
    *relative to the extraction folder* and takes the first full match.
    """

    patterns = List(Unicode(), default_value=list(DEFAULT_PATTERNS)).tag(config=True)
    extracted_root = Unicode("").tag(config=True)

    def _match(self, filename: str):
        rel = filename
        if self.extracted_root:
            rel = os.path.relpath(filename, self.extracted_root).replace(os.sep, "/")
        # the extractor puts each archive's content into a folder named after the archive:
        # try the path inside the archive first
        candidates = [rel.split("/", 1)[1], rel] if "/" in rel else [rel]
        for cand in candidates:
            for pattern in self.patterns:
                m = re.fullmatch(pattern, cand)
                if m:
                    return m.groupdict()
        self.log.warning("No student could be read from the file name: %s", rel)
        return None
