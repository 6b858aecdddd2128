"""Twins of skratch classes that are scikit-learn's classes too, once scikit-learn is loaded.

skratch never imports scikit-learn, yet code written for scikit-learn tests objects against
scikit-learn's own classes: ``except sklearn.exceptions.NotFittedError`` around ``predict``,
or ``isinstance(constraint, sklearn.utils._param_validation.Interval)`` in its estimator
checks. A skratch class cannot subclass a class it must not import. It does not need to:
nobody can hold scikit-learn's class unless scikit-learn is already in ``sys.modules``.
So, at the moment an object is made, ``twin(ours, module, name)`` looks there; if the module
is loaded it returns a subclass of both classes (ours first in the method order, so the
behaviour is ours), otherwise ours unchanged. ``except skratch.exceptions.NotFittedError``
and ``isinstance(x, skratch.utils.validation.Interval)`` hold either way.
"""

import sys

_TWINS = {}


def twin(ours, module, name):
    """``ours``, or a subclass of ``ours`` and ``module.name`` if that module is loaded.

    Parameters
    ----------
    ours : type
        The skratch class.
    module : str
        The scikit-learn module that defines its twin, e.g. ``"sklearn.exceptions"``.
    name : str
        The twin's name in that module.

    Returns
    -------
    cls : type
        A class whose instances are instances of both, named and documented as ``ours``.

    Examples
    --------
    >>> import sys
    >>> from skratch._sklearn_twins import twin
    >>> class Color:
    ...     pass
    >>> twin(Color, "a_module_nobody_loaded", "Color") is Color
    True
    """
    theirs = getattr(sys.modules.get(module), name, None)
    if theirs is None:
        return ours
    key = (ours, theirs)
    if key not in _TWINS:
        namespace = {
            "__module__": ours.__module__,
            "__qualname__": ours.__qualname__,
            "__doc__": ours.__doc__,
        }
        # type(theirs) is the metaclass both bases accept (ABCMeta for an abstract base).
        _TWINS[key] = type(theirs)(ours.__name__, (ours, theirs), namespace)
    return _TWINS[key]
