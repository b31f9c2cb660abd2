"""Grading suggestions from a force-editable policy file."""
