"""Tests of the data file: the Store over a real file, atomic writes, locking and recovery."""
