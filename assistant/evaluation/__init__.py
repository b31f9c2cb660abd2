"""Evaluation of the core engine on development sets (shared/spec/eval-formats.md)."""
