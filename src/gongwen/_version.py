"""The version of gongwen, in one place: hatch reads it for the package's metadata."""

__all__ = ["__version__"]

__version__ = "0.1.0"
