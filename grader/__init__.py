"""The course's grader: a thin layer over nbgrader's own API.

``grader.api`` holds one function per command; ``grader.cli`` builds the command line from
those functions' signatures, so the CLI and the Python API cannot drift apart.
"""
