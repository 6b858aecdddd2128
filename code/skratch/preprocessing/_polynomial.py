"""Polynomial features: products of the features up to a given degree.

A linear model on ``[1, x, x^2]`` fits a parabola; on ``[1, a, b, a^2, ab, b^2]`` a
curved surface. ``PolynomialFeatures`` builds these columns, so that linear models
can fit curves (and overfit them, which is where regularisation comes in).

Read more in the book: Bias-variance trade-off
<https://skratch-ml.github.io/skratch/book/advanced/bias-variance.html>
"""

from collections.abc import Iterable
from itertools import chain, combinations, combinations_with_replacement
from math import comb
from numbers import Integral

import numpy as np

from ..base import BaseEstimator, TransformerMixin
from ..utils.validation import (
    Interval,
    check_array,
    check_is_fitted,
    validate_n_features,
)

__all__ = ["PolynomialFeatures"]


def _powers(n_features, min_degree, max_degree, interaction_only, include_bias):
    # Each output column is a monomial prod_j x_j^{p_j}; list the index tuples of the
    # monomials degree by degree, in lexicographic order within a degree (the
    # order of itertools, which is scikit-learn's), and count each index: p_j.
    choose = combinations if interaction_only else combinations_with_replacement
    terms = chain.from_iterable(choose(range(n_features), d)
                                for d in range(max(1, min_degree), max_degree + 1))
    if include_bias:
        terms = chain([()], terms)
    return np.array([np.bincount(t, minlength=n_features) for t in terms],
                    dtype=np.int64).reshape(-1, n_features)  # (n_output, n_features)


class PolynomialFeatures(TransformerMixin, BaseEstimator):
    r"""Generate all monomials of the features up to ``degree``.

    For features :math:`x_1, \dots, x_d` the output columns are the products

    .. math::

        \prod_{j=1}^{d} x_j^{p_j},

    .. math::

        \text{min\_degree} \le \sum_j p_j \le \text{max\_degree}

    (plus the constant 1 if ``include_bias``). For two features and degree 2:
    :math:`[1, a, b, a^2, ab, b^2]`.

    Read more in the book: Bias-variance trade-off
    <https://skratch-ml.github.io/skratch/book/advanced/bias-variance.html>

    Parameters
    ----------
    degree : int or tuple (min_degree, max_degree), default=2
        The maximum degree, or the range of degrees to produce (a list of two
        ints works too).
    interaction_only : bool, default=False
        Only products of distinct features (:math:`ab`, not :math:`a^2`).
    include_bias : bool, default=True
        Include the constant column of ones first.
    order : {"C", "F"}, default="C"
        Memory layout of the output array.

    Attributes
    ----------
    powers_ : ndarray of shape (n_output_features, n_features)
        ``powers_[i, j]`` is the exponent of feature ``j`` in output column ``i``.
    n_output_features_ : int
        Number of output columns.
    n_features_in_ : int
        Number of features seen in ``fit``.

    See Also
    --------
    sklearn.preprocessing.PolynomialFeatures : The scikit-learn estimator this one
        mirrors (same column order; dense input only).

    Notes
    -----
    The number of columns grows fast: :math:`\binom{d + k}{k}` for :math:`d`
    features and degree :math:`k` (with the bias). The columns are built degree by
    degree: every monomial of degree :math:`k` is a monomial of degree :math:`k - 1`
    times one feature, so each degree costs one multiplication per column.

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.preprocessing import PolynomialFeatures
    >>> X = np.array([[2.0, 3.0]])
    >>> poly = PolynomialFeatures(degree=2).fit(X)
    >>> poly.transform(X)
    array([[1., 2., 3., 4., 6., 9.]])
    >>> poly.get_feature_names_out(["a", "b"])
    array(['1', 'a', 'b', 'a^2', 'a b', 'b^2'], dtype=object)
    >>> products = PolynomialFeatures(degree=3, interaction_only=True,
    ...                               include_bias=False)
    >>> products.fit_transform([[2.0, 3.0, 5.0]])
    array([[ 2.,  3.,  5.,  6., 10., 15., 30.]])
    """

    _parameter_constraints = {
        "degree": [Interval(Integral, 0, None, closed="left"), "array-like"],
        "interaction_only": ["boolean"],
        "include_bias": ["boolean"],
        "order": [type("_Order", (), {
            "is_satisfied_by": staticmethod(lambda v: v in ("C", "F")),
            "__str__": lambda self: "a str among {'C', 'F'}",
        })()],
    }

    def __init__(self, degree=2, *, interaction_only=False, include_bias=True,
                 order="C"):
        self.degree = degree
        self.interaction_only = interaction_only
        self.include_bias = include_bias
        self.order = order

    def _degrees(self):
        # scikit-learn's checks, in its order and words: an int, or a pair of ints
        # (any collection of two; booleans count as ints there too).
        degree = self.degree
        if isinstance(degree, Integral):
            if degree == 0 and not self.include_bias:
                raise ValueError(
                    "Setting degree to zero and include_bias to False would result "
                    "in an empty output array."
                )
            return 0, int(degree)
        if isinstance(degree, Iterable) and len(degree) == 2:
            low, high = degree
            if not (isinstance(low, Integral) and isinstance(high, Integral)
                    and 0 <= low <= high):
                raise ValueError(
                    "degree=(min_degree, max_degree) must be non-negative integers "
                    f"that fulfil min_degree <= max_degree, got {degree}."
                )
            if high == 0 and not self.include_bias:
                raise ValueError(
                    "Setting both min_degree and max_degree to zero and include_bias "
                    "to False would result in an empty output array."
                )
            return int(low), int(high)
        raise ValueError(
            "degree must be a non-negative int or tuple (min_degree, max_degree), "
            f"got {degree}."
        )

    def fit(self, X, y=None):
        """Compute the powers of every output column.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data (only its number of features matters).
        y : None
            Ignored.

        Returns
        -------
        self : PolynomialFeatures
            The fitted transformer.
        """
        self._validate_params()
        low, high = self._degrees()
        X = check_array(X, dtype=np.float64, estimator=self)
        validate_n_features(self, X, reset=True)
        self._min_degree, self._max_degree = low, high
        self.powers_ = _powers(X.shape[1], low, high, self.interaction_only,
                               self.include_bias)
        self.n_output_features_ = self.powers_.shape[0]
        return self

    def transform(self, X):
        """Compute the monomials of ``X``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Data.

        Returns
        -------
        X_poly : ndarray of shape (n_samples, n_output_features)
            The monomial columns, in the order of ``powers_``.
        """
        check_is_fitted(self)
        X = check_array(X, dtype=np.float64, estimator=self)
        validate_n_features(self, X, reset=False)
        n_samples, n_features = X.shape
        low, high = self._min_degree, self._max_degree

        # Bias in column 0, then degrees 1..high; degrees below min_degree are cut
        # at the end. The degree-d block: for each feature j, x_j times the
        # degree-(d-1) monomials whose first feature is >= j (> j for interactions):
        # in lexicographic order those are one contiguous run of columns.
        n_all = 1 + sum(self._n_monomials(n_features, d) for d in range(1, high + 1))
        out = np.empty((n_samples, n_all), dtype=np.float64, order=self.order)
        out[:, 0] = 1.0
        end = 1
        if high >= 1:
            out[:, 1:n_features + 1] = X
            # start[j]: first column of the previous degree's monomials whose first
            # feature is j; end: one past the previous degree's last column.
            start, end = list(range(1, n_features + 1)), n_features + 1
            for _ in range(2, high + 1):
                new_start, column = [], end
                for j in range(n_features):
                    if self.interaction_only:
                        first = start[j + 1] if j + 1 < n_features else end
                    else:
                        first = start[j]
                    width = end - first
                    new_start.append(column)
                    np.multiply(out[:, first:end], X[:, j:j + 1],
                                out=out[:, column:column + width])
                    column += width
                start, end = new_start, column
        first_kept = 1 + sum(self._n_monomials(n_features, d) for d in range(1, low))
        if first_kept == 1 and self.include_bias:
            return out
        columns = out[:, first_kept:end]
        if self.include_bias:
            columns = np.concatenate([out[:, :1], columns], axis=1)
        return np.asarray(columns, order=self.order)

    def _n_monomials(self, n_features, degree):
        # Monomials of exactly this degree: multisets of features (with
        # replacement), or sets of distinct features (interaction_only).
        if self.interaction_only:
            return comb(n_features, degree)
        return comb(n_features + degree - 1, degree)

    def get_feature_names_out(self, input_features=None):
        """Names such as ``"1"``, ``"x0"``, ``"x0^2"``, ``"x0 x1"``.

        Parameters
        ----------
        input_features : array-like of str, default=None
            The input feature names; ``x0, x1, ...`` if None.

        Returns
        -------
        names : ndarray of str objects
        """
        check_is_fitted(self)
        if input_features is None:
            input_features = [f"x{j}" for j in range(self.n_features_in_)]
        elif len(input_features) != self.n_features_in_:
            raise ValueError(
                "input_features should have length equal to number of features "
                f"({self.n_features_in_}), got {len(input_features)}"
            )
        names = []
        for row in self.powers_:
            parts = [name if p == 1 else f"{name}^{p}"
                     for name, p in zip(input_features, row) if p]
            names.append(" ".join(parts) if parts else "1")
        return np.array(names, dtype=object)
