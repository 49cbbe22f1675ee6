"""Shared pytest configuration: pytester drives the diplonews plugin in tests/test_plugin.py,
and the tests that take a ``parser`` argument get the default parser."""

from __future__ import annotations

import pytest

import diplonews

pytest_plugins = ["pytester"]


@pytest.fixture(scope="session")
def parser() -> diplonews.Parser:
    return diplonews.Parser.default()
