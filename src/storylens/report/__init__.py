"""Renderers: plain records for JSON, CSV and tables, and the report formats."""

from __future__ import annotations

from storylens.report.records import article_record, article_row

__all__ = ["article_record", "article_row"]
