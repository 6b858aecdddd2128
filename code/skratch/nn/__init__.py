"""Neural-network building blocks on the Tensor engine: modules, layers, losses, initialisers."""

__all__ = []
