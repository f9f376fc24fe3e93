"""CAR T Family Guide: CAR T cell therapy explained for families."""

__version__ = "0.1.0"
# Bump when the medical content under resources/content changes; printed on every summary.
CONTENT_VERSION = "2026.11-1"
