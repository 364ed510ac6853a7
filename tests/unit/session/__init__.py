"""Tests of the live-session engine."""
