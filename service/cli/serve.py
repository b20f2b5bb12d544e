"""CLI commands (placeholder until the owning issue lands)."""

COMMANDS: list = []
