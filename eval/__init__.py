"""Evaluation: gold format, metrics, runner, report, development set."""
