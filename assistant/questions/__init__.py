"""Question prompts from force-editable call scripts."""
