"""Shared pytest configuration: pytester drives the diplonews plugin in tests/test_plugin.py."""

pytest_plugins = ["pytester"]
