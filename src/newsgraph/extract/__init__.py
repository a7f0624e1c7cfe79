"""Extraction stages: each a plain function from a parsed document to model records."""
