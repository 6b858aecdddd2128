"""Decision trees: CART for classification and regression."""

__all__ = []
