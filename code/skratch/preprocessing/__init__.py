"""Preprocessing: scaling features, encoding categories, polynomial features."""

__all__ = []
