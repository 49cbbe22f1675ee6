"""Builders: from rule matches to items, one module per built-in item kind."""
