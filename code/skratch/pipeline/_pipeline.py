"""Pipelines: transformers and a final estimator, fitted and applied as one model.

``Pipeline([("scale", StandardScaler()), ("model", Ridge())])`` fits the scaler on
the training data, transforms it, fits the model on the result; ``predict`` applies
the same transformations to new data first. Because the whole chain is one
estimator, cross-validation refits the scaler on each training fold: no statistic of
the held-out fold leaks into training.

Read more in the book: Feature scaling and preprocessing
<https://skratch-ml.github.io/skratch/book/advanced/feature-scaling.html>
"""

from collections import Counter

from ..base import BaseEstimator

__all__ = ["Pipeline", "make_pipeline"]


class _Bunch(dict):
    """A dict whose keys are also attributes: ``named_steps.scaler``."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError as exc:
            raise AttributeError(name) from exc

    def __dir__(self):
        return list(self.keys())


class _AvailableIf:
    """A method that exists only if ``check(self)`` is True (so ``hasattr`` is honest).

    scikit-learn's scorers and tools ask ``hasattr(pipe, "predict_proba")``; a
    pipeline has that method exactly when its final step has it.
    """

    def __init__(self, check, method):
        self.check, self.method = check, method
        self.__doc__ = method.__doc__

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if not self.check(instance):
            raise AttributeError(
                f"This 'Pipeline' has no attribute '{self.name}': its final step "
                f"{instance._final_estimator!r} does not implement it."
            )
        return self.method.__get__(instance, owner)


def _final_has(name):
    def check(pipeline):
        final = pipeline._final_estimator
        return final == "passthrough" and name in ("transform", "inverse_transform") \
            or hasattr(final, name)
    return lambda method: _AvailableIf(check, method)


def _is_passthrough(step):
    return step is None or (isinstance(step, str) and step == "passthrough")


class Pipeline(BaseEstimator):
    """A sequence of transformers followed by a final estimator.

    ``fit`` calls ``fit_transform`` on every step but the last, feeding each
    step's output to the next, then ``fit`` on the last. ``predict`` (and
    ``predict_proba``, ``decision_function``, ``score``, ``transform``) transform
    through the fitted steps and call the last one.

    Read more in the book: Feature scaling and preprocessing
    <https://skratch-ml.github.io/skratch/book/advanced/feature-scaling.html>

    Parameters
    ----------
    steps : list of (str, estimator) tuples
        The steps, in order. Every step but the last must have ``fit`` and
        ``transform``; any step may be ``"passthrough"`` (or None) to skip it.
        Names must be unique and must not contain ``"__"``.

    Attributes
    ----------
    named_steps : dict-like
        The steps by name (also as attributes: ``pipe.named_steps.scaler``).
    classes_ : ndarray
        The classes of the final step, when it is a classifier.
    n_features_in_ : int
        Number of features seen by the first step in ``fit``.

    See Also
    --------
    make_pipeline : Build a pipeline, naming the steps automatically.
    sklearn.pipeline.Pipeline : The scikit-learn class this one mirrors (without
        ``memory`` caching or metadata routing).

    Notes
    -----
    Parameters of the steps are reached as ``<step>__<parameter>``:
    ``pipe.set_params(ridge__alpha=10)``, or in a ``GridSearchCV`` grid. A whole
    step can be replaced by name: ``pipe.set_params(scaler="passthrough")``.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.linear_model import LinearRegression
    >>> from skratch.pipeline import Pipeline
    >>> from skratch.preprocessing import StandardScaler
    >>> X = np.array([[0.0, 100.0], [1.0, 300.0], [2.0, 200.0], [3.0, 400.0]])
    >>> y = np.array([1.0, 3.0, 4.0, 6.0])
    >>> pipe = Pipeline([("scaler", StandardScaler()),
    ...                  ("reg", LinearRegression())])
    >>> pipe.fit(X, y).predict([[4.0, 500.0]]).round(3)
    array([7.667])
    >>> pipe.named_steps.scaler.mean_
    array([  1.5, 250. ])
    >>> params = pipe.set_params(reg__fit_intercept=False).get_params()
    >>> params["reg__fit_intercept"]
    False
    """

    def __init__(self, steps):
        self.steps = steps

    # Parameters: the steps, each step by name, and each step's parameters.

    def get_params(self, deep=True):
        """Get the parameters: ``steps``, and with ``deep`` each step and its params."""
        params = {"steps": self.steps}
        if not deep:
            return params
        for name, step in self.steps:
            params[name] = step
            if hasattr(step, "get_params") and not isinstance(step, type):
                for key, value in step.get_params(deep=True).items():
                    params[f"{name}__{key}"] = value
        return params

    def set_params(self, **params):
        """Set parameters: ``steps``, a step by name, or ``<step>__<param>``."""
        if "steps" in params:
            self.steps = params.pop("steps")
        if not params:
            return self
        names = [name for name, _ in self.steps]
        for name in list(params):
            if name in names:  # replace a whole step
                index = names.index(name)
                self.steps = list(self.steps)
                self.steps[index] = (name, params.pop(name))
        nested = {}
        for key, value in params.items():
            name, _, sub = key.partition("__")
            if name not in names or not sub:
                raise ValueError(
                    f"Invalid parameter {name!r} for estimator {self}. Valid "
                    f"parameters are: ['steps'] and the step names {names!r}."
                )
            nested.setdefault(name, {})[sub] = value
        for name, sub_params in nested.items():
            dict(self.steps)[name].set_params(**sub_params)
        return self

    def _validate_steps(self):
        if not isinstance(self.steps, (list, tuple)) or not self.steps or not all(
            isinstance(s, tuple) and len(s) == 2 for s in self.steps
        ):
            raise TypeError(
                "The steps of a Pipeline must be a non-empty list of (name, "
                f"estimator) tuples. Got {self.steps!r}."
            )
        names = [name for name, _ in self.steps]
        duplicates = [name for name, count in Counter(names).items() if count > 1]
        if duplicates:
            raise ValueError(f"Names provided are not unique: {names!r}")
        for name in names:
            if "__" in name:
                raise ValueError(
                    f"Estimator names must not contain __: got {name!r}"
                )
            if name == "steps":
                raise ValueError(
                    "Estimator names conflict with constructor arguments: ['steps']"
                )
        for name, step in self.steps[:-1]:
            if _is_passthrough(step):
                continue
            if not (hasattr(step, "fit") or hasattr(step, "fit_transform")) or not \
                    hasattr(step, "transform"):
                raise TypeError(
                    "All intermediate steps should be transformers and implement fit "
                    f"and transform or be the string 'passthrough' '{step!r}' (type "
                    f"{type(step)}) doesn't"
                )
        final = self.steps[-1][1]
        if not _is_passthrough(final) and not hasattr(final, "fit"):
            raise TypeError(
                "Last step of Pipeline should implement fit or be the string "
                f"'passthrough'. '{final!r}' (type {type(final)}) doesn't"
            )

    @property
    def named_steps(self):
        """The steps by name, as a dict with attribute access."""
        return _Bunch(self.steps)

    @property
    def _final_estimator(self):
        final = self.steps[-1][1]
        return "passthrough" if _is_passthrough(final) else final

    def __len__(self):
        return len(self.steps)

    def __getitem__(self, index):
        """A step by position or name, or a sub-pipeline for a slice."""
        if isinstance(index, slice):
            return type(self)(self.steps[index])
        if isinstance(index, str):
            return self.named_steps[index]
        return self.steps[index][1]

    # Fitting and applying the chain.

    def _fit_transformers(self, X, y, fit_params):
        self._validate_steps()
        routed = {name: {} for name, _ in self.steps}
        for key, value in fit_params.items():
            name, delimiter, param = key.partition("__")
            if not delimiter or name not in routed:
                raise ValueError(
                    "Pipeline.fit does not accept the {key} parameter. You can pass "
                    "parameters to specific steps of your pipeline using the "
                    "stepname__parameter format, e.g. "
                    "`Pipeline.fit(X, y, logisticregression__sample_weight"
                    "=sample_weight)`.".replace("{key}", key)
                )
            routed[name][param] = value
        Xt = X
        for name, step in self.steps[:-1]:
            if _is_passthrough(step):
                continue
            if hasattr(step, "fit_transform"):
                Xt = step.fit_transform(Xt, y, **routed[name])
            else:
                Xt = step.fit(Xt, y, **routed[name]).transform(Xt)
        return Xt, routed[self.steps[-1][0]]

    def fit(self, X, y=None, **fit_params):
        """Fit every transformer in turn, then the final estimator.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : array-like of shape (n_samples,), default=None
            Targets, passed to every step.
        **fit_params : dict
            ``<step>__<parameter>`` values passed to that step's ``fit``.

        Returns
        -------
        self : Pipeline
            The fitted pipeline.
        """
        Xt, last_params = self._fit_transformers(X, y, fit_params)
        if self._final_estimator != "passthrough":
            self._final_estimator.fit(Xt, y, **last_params)
        return self

    def _transform_all_but_last(self, X):
        Xt = X
        for _, step in self.steps[:-1]:
            if not _is_passthrough(step):
                Xt = step.transform(Xt)
        return Xt

    @_final_has("transform")
    def fit_transform(self, X, y=None, **fit_params):
        """Fit the pipeline and return the last step's transform of ``X``."""
        Xt, last_params = self._fit_transformers(X, y, fit_params)
        final = self._final_estimator
        if final == "passthrough":
            return Xt
        if hasattr(final, "fit_transform"):
            return final.fit_transform(Xt, y, **last_params)
        return final.fit(Xt, y, **last_params).transform(Xt)

    @_final_has("predict")
    def predict(self, X):
        """Transform ``X`` through the steps, then predict with the last one."""
        return self._final_estimator.predict(self._transform_all_but_last(X))

    @_final_has("fit_predict")
    def fit_predict(self, X, y=None, **fit_params):
        """Fit the transformers, then ``fit_predict`` the last step."""
        Xt, last_params = self._fit_transformers(X, y, fit_params)
        return self._final_estimator.fit_predict(Xt, y, **last_params)

    @_final_has("predict_proba")
    def predict_proba(self, X):
        """Transform ``X``, then the last step's class probabilities."""
        return self._final_estimator.predict_proba(self._transform_all_but_last(X))

    @_final_has("predict_log_proba")
    def predict_log_proba(self, X):
        """Transform ``X``, then the last step's log-probabilities."""
        return self._final_estimator.predict_log_proba(
            self._transform_all_but_last(X))

    @_final_has("decision_function")
    def decision_function(self, X):
        """Transform ``X``, then the last step's decision values."""
        return self._final_estimator.decision_function(
            self._transform_all_but_last(X))

    @_final_has("score")
    def score(self, X, y=None, sample_weight=None):
        """Transform ``X``, then the last step's ``score``."""
        Xt = self._transform_all_but_last(X)
        if sample_weight is None:
            return self._final_estimator.score(Xt, y)
        return self._final_estimator.score(Xt, y, sample_weight=sample_weight)

    @_final_has("transform")
    def transform(self, X):
        """Apply every step's ``transform`` (the last one included)."""
        Xt = self._transform_all_but_last(X)
        final = self._final_estimator
        return Xt if final == "passthrough" else final.transform(Xt)

    @_final_has("inverse_transform")
    def inverse_transform(self, X):
        """Apply the steps' ``inverse_transform`` in reverse order."""
        Xt = X
        for _, step in reversed(self.steps):
            if not _is_passthrough(step):
                Xt = step.inverse_transform(Xt)
        return Xt

    def get_feature_names_out(self, input_features=None):
        """The output names: each step's ``get_feature_names_out`` in turn.

        Parameters
        ----------
        input_features : array-like of str, default=None
            The input feature names, passed to the first step.

        Returns
        -------
        names : ndarray of str objects
        """
        names = input_features
        for name, step in self.steps:
            if _is_passthrough(step):
                continue
            if not hasattr(step, "get_feature_names_out"):
                raise AttributeError(
                    f"Estimator {name} does not provide get_feature_names_out. "
                    "Did you mean to call pipeline[:-1].get_feature_names_out()?"
                )
            names = step.get_feature_names_out(names)
        return names

    @property
    def classes_(self):
        """The classes of the final step."""
        return self.steps[-1][1].classes_

    @property
    def n_features_in_(self):
        """Number of features seen by the first (non-passthrough) step."""
        for _, step in self.steps:
            if not _is_passthrough(step):
                return step.n_features_in_
        raise AttributeError("A pipeline of passthrough steps has no n_features_in_")

    def __sklearn_is_fitted__(self):
        # Fitted when the last step is (scikit-learn's rule).
        final = self._final_estimator
        if final == "passthrough":
            return True
        return any(name.endswith("_") and not name.startswith("__")
                   for name in vars(final)) or (
            hasattr(final, "__sklearn_is_fitted__") and final.__sklearn_is_fitted__())

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        first = next((s for _, s in self.steps if not _is_passthrough(s)), None)
        final = self._final_estimator
        if first is not None:
            tags.input_tags = first.__sklearn_tags__().input_tags
        if final != "passthrough":
            last = final.__sklearn_tags__()
            tags.estimator_type = last.estimator_type
            tags.target_tags = last.target_tags
            tags.classifier_tags = last.classifier_tags
            tags.regressor_tags = last.regressor_tags
            tags.transformer_tags = last.transformer_tags
        return tags


def make_pipeline(*steps):
    """Build a ``Pipeline`` whose step names are the lowercased class names.

    Read more in the book: Feature scaling and preprocessing
    <https://skratch-ml.github.io/skratch/book/advanced/feature-scaling.html>

    Parameters
    ----------
    *steps : estimators or "passthrough"
        The steps, in order. Repeated class names get suffixes ``-1``, ``-2``, ...

    Returns
    -------
    pipeline : Pipeline

    See Also
    --------
    sklearn.pipeline.make_pipeline : The scikit-learn function this one mirrors.

    Examples
    --------
    >>> from skratch.linear_model import LinearRegression
    >>> from skratch.pipeline import make_pipeline
    >>> from skratch.preprocessing import StandardScaler
    >>> pipe = make_pipeline(StandardScaler(), LinearRegression())
    >>> [name for name, _ in pipe.steps]
    ['standardscaler', 'linearregression']
    """
    names = [step if isinstance(step, str) else type(step).__name__.lower()
             for step in steps]
    counts = Counter(names)
    seen = Counter()
    unique = []
    for name in names:
        if counts[name] > 1:
            seen[name] += 1
            unique.append(f"{name}-{seen[name]}")
        else:
            unique.append(name)
    return Pipeline(list(zip(unique, steps)))
