"""The errors and warnings that skratch raises, named as in scikit-learn.

Each class mirrors its twin in ``sklearn.exceptions`` (same name, same base classes), so
code written against one reads the same against the other. skratch never imports scikit-learn when it loads, so
they are not subclasses of scikit-learn's classes; but once scikit-learn is loaded, the
``NotFittedError`` that ``check_is_fitted`` raises is one of scikit-learn's too (see
``skratch._sklearn_twins``), so ``except sklearn.exceptions.NotFittedError`` catches it.
"""

from ._sklearn_twins import twin


class NotFittedError(ValueError, AttributeError):
    """Raised when an estimator is used before it has been fitted.

    It is both a ``ValueError`` and an ``AttributeError``, as in scikit-learn, so that
    ``hasattr(estimator, "something_fitted")`` style checks and ``except ValueError``
    blocks both catch it.

    Examples
    --------
    >>> from skratch.exceptions import NotFittedError
    >>> from skratch.linear_model import LinearRegression
    >>> try:
    ...     LinearRegression().predict([[1.0, 2.0]])
    ... except NotFittedError as exc:
    ...     print(exc)  # doctest: +NORMALIZE_WHITESPACE
    This LinearRegression instance is not fitted yet. Call 'fit' with
    appropriate arguments before using this estimator.
    """

    def __reduce__(self):
        # A twin (see not_fitted_error) pickles as the error it is, remade on loading.
        return (not_fitted_error, self.args)


def not_fitted_error(*args):
    """A ``NotFittedError``, also scikit-learn's ``NotFittedError`` when that is loaded.

    Examples
    --------
    >>> import sklearn.exceptions
    >>> from skratch.exceptions import NotFittedError, not_fitted_error
    >>> error = not_fitted_error("not fitted")
    >>> isinstance(error, NotFittedError)
    True
    >>> isinstance(error, sklearn.exceptions.NotFittedError)
    True
    """
    return twin(NotFittedError, "sklearn.exceptions", "NotFittedError")(*args)


class ConvergenceWarning(UserWarning):
    """Warning raised when an iterative solver stops before it has converged.

    Typically ``max_iter`` was reached; the fitted attributes are still set, but they
    are not the optimum. Raise ``max_iter`` or the learning rate, or scale the features.
    """


class DataConversionWarning(UserWarning):
    """Warning raised when the input data is silently reshaped or converted.

    For example, a column vector ``y`` of shape ``(n_samples, 1)`` passed to an
    estimator that expects a 1-D ``y`` is flattened to shape ``(n_samples,)``.
    """


class InvalidParameterError(ValueError, TypeError):
    """Raised when a constructor parameter has the wrong type or value.

    It is both a ``ValueError`` and a ``TypeError`` (as in scikit-learn): a wrong value
    (``learning_rate=-1``) and a wrong type (``learning_rate="fast"``) raise the same
    error, and either ``except`` clause catches it.
    """


class UndefinedMetricWarning(UserWarning):
    """Warning raised when a metric is not defined for the data it is given.

    For example, precision when no sample is predicted positive (0 / 0), or the ROC AUC
    when ``y_true`` holds a single class. The metric then returns the value chosen by
    its ``zero_division`` argument (0.0 by default) or NaN, and warns instead of
    failing, as scikit-learn does.
    """


class FitFailedWarning(RuntimeWarning):
    """Warning raised when some fits of a cross-validation fail.

    Their scores are set to ``error_score`` (NaN by default); the message counts the
    failed fits and repeats their errors. When every fit fails, cross-validation
    raises a ``ValueError`` instead, as in scikit-learn.
    """
