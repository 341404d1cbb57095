"""Tests of checker/domain/. A package, so that its test modules may share a name with a rule's (test_nik)."""
