"""Bunch: a dict whose keys are also attributes (scikit-learn's Bunch)."""

__all__ = ["Bunch"]


class Bunch(dict):
    """A dict whose keys can also be read and set as attributes.

    Examples
    --------
    >>> from skratch.utils import Bunch
    >>> b = Bunch(a=1, b=2)
    >>> b.a, b["b"]
    (1, 2)
    """

    def __init__(self, **kwargs):
        super().__init__(kwargs)

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError as exc:
            raise AttributeError(name) from exc

    def __setattr__(self, name, value):
        self[name] = value

    def __dir__(self):
        return list(self.keys())
