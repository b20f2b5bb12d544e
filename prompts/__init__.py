"""Prompt templates as files (Dutch), versioned, loaded by key."""
