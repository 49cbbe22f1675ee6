"""Adapters to data-processing frameworks; each imports its framework only when used."""
