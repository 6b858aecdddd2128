"""Base classes for all skratch estimators: the estimator contract, in code.

Every skratch estimator follows scikit-learn's contract, which is what lets scikit-learn
clone it, put it in a ``Pipeline``, cross-validate it and grid-search it:

1. ``__init__`` only stores its arguments, unchanged, under the same names. No
   validation, no computation: ``LinearRegression(learning_rate=-1)`` is created without
   complaint and fails in ``fit``. (``clone`` rebuilds an estimator from
   ``get_params()``, so anything ``__init__`` computed would be lost or wrong.)
2. ``fit(X, y)`` validates the parameters and the data, learns, and returns ``self``,
   so calls chain: ``LinearRegression().fit(X, y).predict(X)``.
3. What ``fit`` learns is stored in attributes whose names end in ``_`` (``coef_``,
   ``n_features_in_``). Their presence is what "fitted" means; ``predict`` on an
   unfitted estimator raises ``NotFittedError``.
4. Randomness comes only from a ``random_state`` parameter, resolved inside ``fit``.

``BaseEstimator`` provides ``get_params``/``set_params`` (read from the ``__init__``
signature), a readable ``__repr__`` and ``_validate_params``. The mixins add what a
family shares: ``score`` for regressors (R^2) and classifiers (accuracy),
``fit_transform`` for transformers, ``fit_predict`` for clusterers, and the *tags*
scikit-learn reads to know what kind of estimator it holds.

Read more in the book: https://skratch-ml.github.io/skratch/
"""

import inspect
import sys
from collections import defaultdict

import numpy as np

from .utils.validation import (
    ParameterConstraints,
    check_array,
    check_is_fitted,
    validate_n_features,
    validate_parameter_constraints,
)

__all__ = [
    "BaseEstimator",
    "ClassifierMixin",
    "ClusterMixin",
    "RegressorMixin",
    "TransformerMixin",
    "is_classifier",
]


class BaseEstimator:
    """Base class for all estimators in skratch.

    Subclasses list their parameters explicitly in ``__init__`` (no ``*args`` or
    ``**kwargs``) and store each one, unchanged, as an attribute of the same name.

    Examples
    --------
    >>> from skratch.base import BaseEstimator
    >>> class Constant(BaseEstimator):
    ...     def __init__(self, value=0.0, scale=1.0):
    ...         self.value = value
    ...         self.scale = scale
    >>> est = Constant(value=3.0)
    >>> est
    Constant(value=3.0)
    >>> est.get_params()
    {'scale': 1.0, 'value': 3.0}
    >>> est.set_params(scale=2.0)
    Constant(scale=2.0, value=3.0)
    """

    # {parameter name: [allowed constraint, ...]}, checked by ``_validate_params`` at
    # the start of ``fit``; see skratch.utils.validation.validate_parameter_constraints.
    _parameter_constraints = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # Wrap the class's own dict so that scikit-learn's checks, once scikit-learn is
        # loaded, see its Interval entries as scikit-learn's (ParameterConstraints).
        constraints = cls.__dict__.get("_parameter_constraints")
        if isinstance(constraints, dict):
            cls._parameter_constraints = ParameterConstraints(constraints)

    @classmethod
    def _get_param_names(cls):
        """The names of the ``__init__`` parameters, sorted: these are the params."""
        if cls.__init__ is object.__init__:
            return []  # no __init__, no parameters
        signature = inspect.signature(cls.__init__)
        names = []
        for parameter in signature.parameters.values():
            if parameter.name == "self" or parameter.kind == parameter.VAR_KEYWORD:
                continue
            if parameter.kind == parameter.VAR_POSITIONAL:
                raise RuntimeError(
                    "skratch estimators must list their parameters in the signature "
                    f"of their __init__ (no *args); {cls.__name__} has {signature}."
                )
            names.append(parameter.name)
        return sorted(names)

    def get_params(self, deep=True):
        """Get the parameters of this estimator.

        Parameters
        ----------
        deep : bool, default=True
            If True, also return the parameters of sub-estimators, as
            ``<component>__<parameter>``.

        Returns
        -------
        params : dict
            Parameter names mapped to their values.
        """
        params = {}
        for name in self._get_param_names():
            value = getattr(self, name)
            if deep and hasattr(value, "get_params") and not isinstance(value, type):
                for sub_name, sub_value in value.get_params(deep=True).items():
                    params[f"{name}__{sub_name}"] = sub_value
            params[name] = value
        return params

    def set_params(self, **params):
        """Set the parameters of this estimator.

        Nested parameters ``<component>__<parameter>`` are passed on to the
        sub-estimator ``<component>``.

        Parameters
        ----------
        **params : dict
            Estimator parameters.

        Returns
        -------
        self : estimator instance
        """
        valid = self.get_params(deep=True)
        nested = defaultdict(dict)  # {component: {sub_parameter: value}}
        for key, value in params.items():
            name, delimiter, sub_name = key.partition("__")
            if name not in valid:
                raise ValueError(
                    f"Invalid parameter {name!r} for estimator {self}. "
                    f"Valid parameters are: {self._get_param_names()!r}."
                )
            if delimiter:
                nested[name][sub_name] = value
            else:
                setattr(self, name, value)
                valid[name] = value
        for name, sub_params in nested.items():
            valid[name].set_params(**sub_params)
        return self

    def __repr__(self):
        # Show only the parameters that differ from their defaults, as scikit-learn
        # does: LinearRegression(fit_intercept=False). Comparing reprs (rather than
        # values with ==) also works for arrays, NaN and nested estimators.
        signature = inspect.signature(type(self).__init__)
        defaults = {name: p.default for name, p in signature.parameters.items()}
        changed = [
            f"{name}={value!r}"
            for name, value in self.get_params(deep=False).items()
            if name not in defaults or repr(value) != repr(defaults[name])
        ]
        return f"{type(self).__name__}({', '.join(changed)})"

    def _validate_params(self):
        """Check the parameters against ``_parameter_constraints`` (call it in fit)."""
        validate_parameter_constraints(
            self._parameter_constraints,
            self.get_params(deep=False),
            caller_name=type(self).__name__,
        )

    def __sklearn_tags__(self):
        # The tags tell scikit-learn what this estimator is and accepts (its type, 2-D
        # numeric input, whether y is required). scikit-learn is imported here, only
        # when scikit-learn itself asks, so that skratch loads without it.
        from sklearn.utils import InputTags, Tags, TargetTags

        return Tags(
            estimator_type=None,
            target_tags=TargetTags(required=False),
            input_tags=InputTags(),
        )


class RegressorMixin:
    r"""Mixin for regressors: ``score`` is the coefficient of determination R^2.

    .. math::

        R^2 = 1 - \frac{\sum_i (y_i - \hat y_i)^2}{\sum_i (y_i - \bar y)^2}

    Put mixins *before* ``BaseEstimator``:
    ``class Ridge(RegressorMixin, BaseEstimator)``.
    """

    def __sklearn_tags__(self):
        from sklearn.utils import RegressorTags

        tags = super().__sklearn_tags__()
        tags.estimator_type = "regressor"
        tags.regressor_tags = RegressorTags()
        tags.target_tags.required = True
        return tags

    def score(self, X, y, sample_weight=None):
        """Return the coefficient of determination R^2 of ``self.predict(X)``.

        1.0 is a perfect fit; 0.0 is what always predicting the mean of ``y`` scores;
        a worse model scores below 0. With several targets, the R^2 of each target are
        averaged.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Test samples.
        y : array-like of shape (n_samples,) or (n_samples, n_targets)
            True values for ``X``.
        sample_weight : array-like of shape (n_samples,), default=None
            Sample weights.

        Returns
        -------
        score : float
            R^2 of ``self.predict(X)`` with respect to ``y``.
        """
        y_true = np.asarray(y, dtype=np.float64)
        y_pred = np.asarray(self.predict(X), dtype=np.float64).reshape(y_true.shape)
        if y_true.ndim == 1:
            y_true, y_pred = y_true[:, None], y_pred[:, None]  # (n_samples, n_targets)
        weights = (
            np.ones(len(y_true)) if sample_weight is None else np.asarray(sample_weight)
        )
        weights = weights[:, None]  # (n_samples, 1), broadcast over the targets

        y_mean = np.sum(weights * y_true, axis=0) / np.sum(weights)
        residual_sum = np.sum(weights * (y_true - y_pred) ** 2, axis=0)  # (n_targets,)
        total_sum = np.sum(weights * (y_true - y_mean) ** 2, axis=0)
        # A constant target has total_sum = 0: R^2 is 1 if we predict it exactly, else
        # 0 (scikit-learn's convention), instead of a division by zero.
        r2 = np.where(
            total_sum > 0,
            1 - residual_sum / np.where(total_sum > 0, total_sum, 1),
            np.where(residual_sum == 0, 1.0, 0.0),
        )
        return float(np.mean(r2))


class ClassifierMixin:
    """Mixin for classifiers: ``score`` is the accuracy.

    Put mixins *before* ``BaseEstimator``:
    ``class Perceptron(ClassifierMixin, BaseEstimator)``.
    """

    def __sklearn_tags__(self):
        from sklearn.utils import ClassifierTags

        tags = super().__sklearn_tags__()
        tags.estimator_type = "classifier"
        tags.classifier_tags = ClassifierTags()
        tags.target_tags.required = True
        return tags

    def score(self, X, y, sample_weight=None):
        """Return the accuracy: the fraction of samples whose label is predicted right.

        With several outputs (2-D ``y``), a sample counts as correct only when all its
        labels are right.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Test samples.
        y : array-like of shape (n_samples,) or (n_samples, n_outputs)
            True labels for ``X``.
        sample_weight : array-like of shape (n_samples,), default=None
            Sample weights.

        Returns
        -------
        score : float
            Accuracy of ``self.predict(X)`` with respect to ``y``.
        """
        y_true = np.asarray(y)
        correct = y_true == np.asarray(self.predict(X)).reshape(y_true.shape)
        if correct.ndim == 2:
            correct = correct.all(axis=1)
        return float(np.average(correct, weights=sample_weight))


class LinearClassifierMixin:
    """Mixin for linear classifiers: scores ``X @ coef_.T + intercept_``, then the best.

    For classifiers whose fit sets ``coef_`` of shape (1, n_features) for two
    classes or (n_classes, n_features) otherwise, ``intercept_`` and ``classes_``
    (logistic regression, the perceptron, linear SVMs, SGD), as scikit-learn's
    ``LinearClassifierMixin``. List it before ``ClassifierMixin``.
    """

    def decision_function(self, X):
        """Return the scores ``X @ coef_.T + intercept_``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        scores : ndarray of shape (n_samples,) or (n_samples, n_classes)
            The score of ``classes_[1]`` for two classes (positive: that class);
            one score per class otherwise.
        """
        check_is_fitted(self)
        X = check_array(X, dtype=np.float64, estimator=self)
        validate_n_features(self, X, reset=False)
        scores = X @ self.coef_.T + self.intercept_  # (n_samples, n_outputs)
        return scores[:, 0] if scores.shape[1] == 1 else scores

    def predict(self, X):
        """Predict the class with the highest score.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        y_pred : ndarray of shape (n_samples,)
            Labels from ``classes_``.
        """
        scores = self.decision_function(X)
        if scores.ndim == 1:
            return self.classes_[(scores > 0).astype(int)]
        return self.classes_[np.argmax(scores, axis=1)]


class TransformerMixin:
    """Mixin for transformers: ``fit_transform`` fits, then transforms the same data."""

    def __sklearn_tags__(self):
        from sklearn.utils import TransformerTags

        tags = super().__sklearn_tags__()
        tags.transformer_tags = TransformerTags()
        return tags

    def fit_transform(self, X, y=None, **fit_params):
        """Fit to ``X`` (and ``y``), then return the transformed ``X``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Input samples.
        y : array-like of shape (n_samples,), default=None
            Targets, for supervised transformers; None otherwise.
        **fit_params : dict
            Passed on to ``fit``.

        Returns
        -------
        X_new : ndarray of shape (n_samples, n_features_new)
            Transformed array.
        """
        if y is None:
            return self.fit(X, **fit_params).transform(X)
        return self.fit(X, y, **fit_params).transform(X)


class ClusterMixin:
    """Mixin for clusterers: ``fit_predict`` fits and returns the ``labels_`` found."""

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.estimator_type = "clusterer"
        return tags

    def fit_predict(self, X, y=None, **fit_params):
        """Cluster ``X`` and return the cluster label of each sample.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Input samples.
        y : Ignored
            Present for API consistency.
        **fit_params : dict
            Passed on to ``fit``.

        Returns
        -------
        labels : ndarray of shape (n_samples,)
            Cluster labels.
        """
        self.fit(X, **fit_params)
        return self.labels_


def is_classifier(estimator):
    """Whether ``estimator`` is a classifier (skratch, scikit-learn, or a pipeline).

    A pipeline is a classifier when its last step is one. Scorers ask this to
    know whether ``classes_`` says which column of ``predict_proba`` to score;
    cross-validation asks it to choose stratified folds.

    Parameters
    ----------
    estimator : object
        An estimator instance.

    Returns
    -------
    out : bool
        True for a classifier.

    See Also
    --------
    sklearn.base.is_classifier : The scikit-learn function this one mirrors.

    Examples
    --------
    >>> from skratch.base import is_classifier
    >>> from skratch.linear_model import LinearRegression, LogisticRegression
    >>> is_classifier(LogisticRegression()), is_classifier(LinearRegression())
    (True, False)
    """
    if hasattr(estimator, "steps") and estimator.steps:  # a pipeline: its last step
        return is_classifier(estimator.steps[-1][1])
    if isinstance(estimator, ClassifierMixin):
        return True
    if getattr(estimator, "_estimator_type", None) == "classifier":
        return True
    if "sklearn" in sys.modules:  # a scikit-learn estimator: ask scikit-learn
        from sklearn.base import is_classifier as sklearn_is_classifier

        try:
            return sklearn_is_classifier(estimator)
        except Exception:  # not something scikit-learn can read tags from
            return False
    return False
