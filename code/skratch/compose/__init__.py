"""Composite transformers: a different preprocessing for each group of columns."""

from ._column_transformer import ColumnTransformer, make_column_transformer

__all__ = ["ColumnTransformer", "make_column_transformer"]
