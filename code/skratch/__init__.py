"""Skratch: machine learning from scratch in NumPy.

The code of the course "Machine Learning from Scratch". Every estimator follows the
scikit-learn interface (``fit``/``predict``/``transform``,
``get_params``/``set_params``, fitted attributes ending in ``_``) and is tested against
its scikit-learn twin.

Import estimators from their family, as in scikit-learn::

    from skratch.linear_model import LinearRegression

Importing ``skratch`` itself loads nothing else (and never scikit-learn).

Read more in the book: https://skratch-ml.github.io/skratch/
"""

__version__ = "0.1.0"

# The subpackages, in the order of the API reference; each new family adds its own.
__all__ = [
    "base",
    "exceptions",
    "datasets",
    "linear_model",
    "preprocessing",
    "impute",
    "compose",
    "pipeline",
    "metrics",
    "model_selection",
    "neighbors",
    "tree",
    "ensemble",
    "svm",
    "kernel_ridge",
    "naive_bayes",
    "isotonic",
    "calibration",
    "cluster",
    "decomposition",
    "mixture",
    "anomaly",
    "autograd",
    "nn",
    "optim",
    "neural_network",
    "utils",
]
