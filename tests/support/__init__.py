"""Helpers the test rooms share (not tests themselves)."""
