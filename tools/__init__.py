"""Maintenance scripts (template, golden files, generated docs), importable as ``tools.…``."""
