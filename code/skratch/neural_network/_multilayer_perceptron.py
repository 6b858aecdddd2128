"""Multilayer perceptrons with scikit-learn's interface, trained on skratch's own engine.

An MLP alternates affine maps and elementwise non-linearities,

.. math:: h_0 = x, \\qquad h_{l} = f(h_{l-1} W_l + b_l), \\qquad
          \\hat y = g(h_{L-1} W_L + b_L),

with :math:`f` the hidden activation and :math:`g` the output function (identity for
regression, logistic or softmax for classification). Training minimises the mean loss
over a mini-batch plus an L2 penalty on the weights, with mini-batch SGD or Adam. The
forward pass is written with ``skratch.autograd.Tensor`` operations, so the gradients
come from ``backward()``; the update steps are ``skratch.optim``'s. Parameters, defaults,
fitted attributes and the stopping rules follow ``sklearn.neural_network``.

Read more in the book: The multilayer perceptron
<https://skratch-ml.github.io/skratch/book/neural-networks/multilayer-perceptron.html>
and Handwritten digits end to end
<https://skratch-ml.github.io/skratch/book/neural-networks/handwritten-digits.html>
"""

import math
import sys
import warnings
from numbers import Integral, Real

import numpy as np

from ..autograd import Tensor, no_grad
from ..base import BaseEstimator, ClassifierMixin, RegressorMixin
from ..exceptions import ConvergenceWarning
from ..nn import functional as F
from ..nn import init
from ..optim import SGD, Adam
from ..utils.multiclass import check_classification_targets
from ..utils.validation import (
    Interval,
    StrOptions,
    check_array,
    check_is_fitted,
    check_random_state,
    check_X_y,
    validate_n_features,
)

__all__ = ["MLPClassifier", "MLPRegressor"]

_ACTIVATIONS = {
    "identity": lambda h: h,
    "logistic": F.sigmoid,
    "tanh": F.tanh,
    "relu": F.relu,
}


def _l2_penalty(weights, scale):
    # P = scale * sum_l ||W_l||^2 (all entries squared),  dP/dW_l = 2 scale W_l.
    # One graph node for every layer: the penalty is cheap and needs no chain rule.
    value = scale * sum(float(np.vdot(W.data, W.data)) for W in weights)
    return Tensor._result(
        np.asarray(value), tuple(weights), "l2",
        lambda g: tuple(2 * scale * g * W.data for W in weights),
    )


class _ProgressBar:
    # A one-line progress bar on stderr (verbose only): "\r" rewrites the line.
    def __init__(self, total, width=30):
        self.total, self.width = total, width

    def update(self, epoch, loss):
        done = int(self.width * epoch / self.total)
        bar = "#" * done + "." * (self.width - done)
        sys.stderr.write(f"\r[{bar}] epoch {epoch}/{self.total}, loss {loss:.6f}")
        sys.stderr.flush()

    def close(self):
        sys.stderr.write("\n")


class _BaseMLP(BaseEstimator):
    """Shared training loop of MLPClassifier and MLPRegressor."""

    _parameter_constraints = {
        "hidden_layer_sizes": [tuple, list, np.ndarray, Interval(Integral, 1, None, closed="left")],
        "activation": [StrOptions({"identity", "logistic", "tanh", "relu"})],
        "solver": [StrOptions({"sgd", "adam"})],
        "alpha": [Interval(Real, 0, None, closed="left")],
        "batch_size": [StrOptions({"auto"}), Interval(Integral, 1, None, closed="left")],
        "learning_rate": [StrOptions({"constant", "invscaling", "adaptive"})],
        "learning_rate_init": [Interval(Real, 0, None, closed="neither")],
        "power_t": [Interval(Real, 0, None, closed="left")],
        "max_iter": [Interval(Integral, 1, None, closed="left")],
        "shuffle": ["boolean"],
        "random_state": ["random_state"],
        "tol": [Interval(Real, 0, None, closed="left")],
        "verbose": ["boolean", Interval(Integral, 0, None, closed="left")],
        "warm_start": ["boolean"],
        "momentum": [Interval(Real, 0, 1, closed="both")],
        "nesterovs_momentum": ["boolean"],
        "early_stopping": ["boolean"],
        "validation_fraction": [Interval(Real, 0, 1, closed="neither")],
        "beta_1": [Interval(Real, 0, 1, closed="left")],
        "beta_2": [Interval(Real, 0, 1, closed="left")],
        "epsilon": [Interval(Real, 0, None, closed="neither")],
        "n_iter_no_change": [Interval(Integral, 1, None, closed="left")],
    }

    def __init__(self, hidden_layer_sizes, activation, solver, alpha, batch_size,
                 learning_rate, learning_rate_init, power_t, max_iter, shuffle,
                 random_state, tol, verbose, warm_start, momentum, nesterovs_momentum,
                 early_stopping, validation_fraction, beta_1, beta_2, epsilon,
                 n_iter_no_change):
        self.hidden_layer_sizes = hidden_layer_sizes
        self.activation = activation
        self.solver = solver
        self.alpha = alpha
        self.batch_size = batch_size
        self.learning_rate = learning_rate
        self.learning_rate_init = learning_rate_init
        self.power_t = power_t
        self.max_iter = max_iter
        self.shuffle = shuffle
        self.random_state = random_state
        self.tol = tol
        self.verbose = verbose
        self.warm_start = warm_start
        self.momentum = momentum
        self.nesterovs_momentum = nesterovs_momentum
        self.early_stopping = early_stopping
        self.validation_fraction = validation_fraction
        self.beta_1 = beta_1
        self.beta_2 = beta_2
        self.epsilon = epsilon
        self.n_iter_no_change = n_iter_no_change

    # ---- the network -----------------------------------------------------------------

    def _forward(self, X, weights, biases):
        """Scores before the output function: Tensor (n_samples, n_outputs_)."""
        hidden = _ACTIVATIONS[self.activation]
        h = X
        for W, b in zip(weights[:-1], biases[:-1]):
            h = hidden(h @ W + b)  # (n_samples, n_units)
        return h @ weights[-1] + biases[-1]

    def _initialise(self, layer_sizes, rng):
        # Glorot uniform, as scikit-learn: U(-a, a), a = sqrt(6 / (fan_in + fan_out)),
        # with 2 instead of 6 for logistic units; the intercepts too.
        gain = math.sqrt(1 / 3) if self.activation == "logistic" else 1.0
        self.coefs_, self.intercepts_ = [], []
        for fan_in, fan_out in zip(layer_sizes[:-1], layer_sizes[1:]):
            bound = gain * math.sqrt(6 / (fan_in + fan_out))
            self.coefs_.append(init.xavier_uniform_(np.empty((fan_in, fan_out)), gain, rng=rng))
            self.intercepts_.append(rng.uniform(-bound, bound, size=fan_out))
        self.n_iter_, self.t_ = 0, 0
        self.loss_curve_ = []
        self._no_improvement_count = 0
        if self.early_stopping:
            self.validation_scores_, self.best_validation_score_ = [], -np.inf
            self.best_loss_ = None
        else:
            self.validation_scores_ = self.best_validation_score_ = None
            self.best_loss_ = np.inf

    # ---- fitting ---------------------------------------------------------------------

    def _fit(self, X, Y, y_original):
        hidden = self.hidden_layer_sizes
        hidden = [hidden] if isinstance(hidden, Integral) else list(hidden)
        if any(not isinstance(h, Integral) or h <= 0 for h in hidden):
            raise ValueError(f"hidden_layer_sizes must be > 0, got {hidden}.")
        rng = check_random_state(self.random_state)
        # Softmax: one unit per class (Y holds class indices); else one per column of Y.
        n_outputs = len(self.classes_) if self.out_activation_ == "softmax" else Y.shape[1]
        layer_sizes = [X.shape[1], *hidden, n_outputs]
        if not (self.warm_start and hasattr(self, "coefs_")):
            self._initialise(layer_sizes, rng)
        elif [W.shape for W in self.coefs_] != list(zip(layer_sizes[:-1], layer_sizes[1:])):
            raise ValueError(
                "warm_start=True but the data or hidden_layer_sizes changed: layer sizes "
                f"{layer_sizes} do not match the fitted network."
            )
        self.n_layers_ = len(layer_sizes)
        self.n_outputs_ = n_outputs

        X_val = y_val = None
        if self.early_stopping:
            order = rng.permutation(len(X))
            n_val = math.ceil(self.validation_fraction * len(X))
            if n_val >= len(X):
                raise ValueError(
                    f"validation_fraction={self.validation_fraction} leaves no training "
                    f"sample out of {len(X)}."
                )
            X_val, y_val = X[order[:n_val]], y_original[order[:n_val]]
            X, Y = X[order[n_val:]], Y[order[n_val:]]

        n_samples = len(X)
        if self.batch_size == "auto":
            batch_size = min(200, n_samples)
        else:
            if self.batch_size > n_samples:
                warnings.warn(
                    f"Got `batch_size` larger than sample size ({self.batch_size} > "
                    f"{n_samples}). It is going to be clipped.", stacklevel=3,
                )
            batch_size = min(self.batch_size, n_samples)

        # The parameters live in Tensors during training; coefs_ are their arrays.
        weights = [Tensor(W, requires_grad=True) for W in self.coefs_]
        biases = [Tensor(b, requires_grad=True) for b in self.intercepts_]
        params = [p for pair in zip(weights, biases) for p in pair]
        if self.solver == "sgd":
            optimizer = SGD(params, lr=self.learning_rate_init, momentum=self.momentum,
                            nesterov=self.nesterovs_momentum and self.momentum > 0)
        else:
            optimizer = Adam(params, lr=self.learning_rate_init,
                             betas=(self.beta_1, self.beta_2), eps=self.epsilon)
        best_params = None
        progress = _ProgressBar(self.max_iter) if self.verbose else None

        for _ in range(self.max_iter):
            order = rng.permutation(n_samples) if self.shuffle else np.arange(n_samples)
            accumulated = 0.0
            for start in range(0, n_samples, batch_size):
                batch = order[start:start + batch_size]
                scores = self._forward(Tensor._wrap(X[batch]), weights, biases)
                # Mean loss + (alpha / 2n) sum ||W||^2, as scikit-learn (n: batch size).
                data_loss = self._loss(scores, Y[batch])
                penalty = _l2_penalty(weights, 0.5 * self.alpha / len(batch))
                optimizer.zero_grad()
                (data_loss + penalty).backward()
                optimizer.step()
                reported = data_loss.item() * self._reported_loss_factor + penalty.item()
                accumulated += reported * len(batch)

            self.n_iter_ += 1
            self.t_ += n_samples
            self.loss_ = accumulated / n_samples
            if not np.isfinite(self.loss_):
                raise ValueError(
                    f"The training loss became {self.loss_} at epoch {self.n_iter_}: "
                    f"learning_rate_init={self.learning_rate_init} is too large for this "
                    "data, or the features need scaling (StandardScaler)."
                )
            self.loss_curve_.append(self.loss_)
            if progress:
                progress.update(self.n_iter_, self.loss_)
            if self.solver == "sgd" and self.learning_rate == "invscaling":
                optimizer.lr = self.learning_rate_init / (self.t_ + 1) ** self.power_t

            # scikit-learn's stopping rule: no improvement by tol for n_iter_no_change
            # epochs in a row (validation score with early stopping, else training loss).
            self.coefs_ = [W.data for W in weights]
            self.intercepts_ = [b.data for b in biases]
            if self.early_stopping:
                score = self._score(X_val, y_val)
                self.validation_scores_.append(score)
                improved = score >= self.best_validation_score_ + self.tol
                if score > self.best_validation_score_:
                    self.best_validation_score_ = score
                    best_params = [p.data.copy() for p in params]
            else:
                improved = self.loss_ <= self.best_loss_ - self.tol
                self.best_loss_ = min(self.best_loss_, self.loss_)
            self._no_improvement_count = 0 if improved else self._no_improvement_count + 1
            if self._no_improvement_count > self.n_iter_no_change:
                # With learning_rate="adaptive" (sgd), divide the step by 5 and go on.
                if (self.solver == "sgd" and self.learning_rate == "adaptive"
                        and optimizer.lr > 1e-6):
                    optimizer.lr /= 5
                    self._no_improvement_count = 0
                else:
                    break
        else:
            warnings.warn(
                f"Stochastic Optimizer: Maximum iterations ({self.max_iter}) reached and "
                "the optimization hasn't converged yet.", ConvergenceWarning, stacklevel=3,
            )
        if progress:
            progress.close()

        if best_params is not None:  # early stopping: keep the best validation epoch
            for p, best in zip(params, best_params):
                p.data[...] = best
        # Fresh arrays, detached from the Tensors (and the optimizer) used for training.
        self.coefs_ = [W.data.copy() for W in weights]
        self.intercepts_ = [b.data.copy() for b in biases]
        return self

    def _scores(self, X):
        """The network's output scores for validated X, as an ndarray."""
        weights = [Tensor._wrap(W) for W in self.coefs_]
        biases = [Tensor._wrap(b) for b in self.intercepts_]
        with no_grad():
            return self._forward(Tensor._wrap(X), weights, biases).data

    def _validate_for_predict(self, X):
        check_is_fitted(self)
        X = check_array(X, dtype=np.float64, estimator=self)
        validate_n_features(self, X, reset=False)
        return X


_COMMON_PARAMETERS = """
    Parameters
    ----------
    hidden_layer_sizes : int or tuple of int, default=(100,)
        The number of units in each hidden layer.
    activation : {"identity", "logistic", "tanh", "relu"}, default="relu"
        The hidden units' function :math:`f`.
    solver : {"sgd", "adam"}, default="adam"
        Mini-batch SGD (with ``momentum``) or Adam. scikit-learn's ``"lbfgs"`` is not
        implemented (a full-batch quasi-Newton method, outside this course's scope).
    alpha : float, default=1e-4
        Strength of the L2 penalty :math:`\\frac{\\alpha}{2 n_b} \\sum_l \\lVert W_l \\rVert^2`
        (:math:`n_b` the batch size; intercepts are not penalised).
    batch_size : int or "auto", default="auto"
        Mini-batch size; "auto" is ``min(200, n_samples)``.
    learning_rate : {"constant", "invscaling", "adaptive"}, default="constant"
        Schedule for ``solver="sgd"``: constant; :math:`\\eta_0 / (t + 1)^{\\text{power\\_t}}`
        with :math:`t` the number of samples seen, updated after each epoch; or divided
        by 5 each time the loss stops improving (stop when below 1e-6).
    learning_rate_init : float, default=1e-3
        The initial step size :math:`\\eta_0`.
    power_t : float, default=0.5
        Exponent of "invscaling".
    max_iter : int, default=200
        Maximum number of epochs (passes over the data).
    shuffle : bool, default=True
        Shuffle the samples before each epoch.
    random_state : int, numpy.random.Generator, RandomState or None, default=None
        Seeds the initial weights, the shuffling and the validation split.
    tol : float, default=1e-4
        Improvement of the loss (or validation score) that counts as progress.
    verbose : bool or int, default=False
        Show a progress bar (epoch and loss) on stderr.
    warm_start : bool, default=False
        Start from the previous ``fit``'s weights instead of new random ones.
    momentum : float, default=0.9
        Momentum of ``solver="sgd"``.
    nesterovs_momentum : bool, default=True
        Use Nesterov's momentum (``solver="sgd"`` and ``momentum > 0``).
    early_stopping : bool, default=False
        Hold out ``validation_fraction`` of the data; stop when its score has not
        improved by ``tol`` for ``n_iter_no_change`` epochs, and keep the best weights.
    validation_fraction : float, default=0.1
        Fraction held out for early stopping.
    beta_1, beta_2 : float, default=0.9, 0.999
        Adam's decay rates of the gradient's first and second moments.
    epsilon : float, default=1e-8
        Adam's :math:`\\varepsilon`.
    n_iter_no_change : int, default=10
        Epochs without improvement before stopping.
"""

_COMMON_ATTRIBUTES = """
    loss_ : float
        The training loss (mean over the last epoch's batches, penalty included).
    best_loss_ : float or None
        The smallest ``loss_``; None with early stopping.
    loss_curve_ : list of float
        ``loss_`` after each epoch.
    validation_scores_ : list of float or None
        Score on the validation set after each epoch (early stopping only).
    best_validation_score_ : float or None
        The best of ``validation_scores_`` (early stopping only).
    t_ : int
        Number of training samples seen.
    coefs_ : list of ndarray of shape (n_units_in, n_units_out)
        The weight matrices :math:`W_l`, input layer first.
    intercepts_ : list of ndarray of shape (n_units_out,)
        The bias vectors :math:`b_l`.
    n_features_in_ : int
        Number of features seen during ``fit``.
    n_iter_ : int
        Number of epochs run.
    n_layers_ : int
        Number of layers, input and output included.
    n_outputs_ : int
        Number of output units.
    out_activation_ : str
        The output function :math:`g`.
"""


class MLPClassifier(ClassifierMixin, _BaseMLP):
    __doc__ = (
        """Multilayer perceptron classifier trained with the log-loss.

    Two classes use one logistic output unit and the binary cross-entropy; more use
    a softmax output and the cross-entropy:

    .. math:: \\min_{W, b} \\; -\\frac{1}{n_b}\\sum_{i} \\log p_{i, y_i}
              + \\frac{\\alpha}{2 n_b} \\sum_l \\lVert W_l \\rVert_F^2

    (both computed from the scores with the log-sum-exp trick).

    Read more in the book: The multilayer perceptron
    <https://skratch-ml.github.io/skratch/book/neural-networks/multilayer-perceptron.html>
"""
        + _COMMON_PARAMETERS
        + """
    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
        The class labels."""
        + _COMMON_ATTRIBUTES
        + """
    See Also
    --------
    sklearn.neural_network.MLPClassifier : The scikit-learn estimator this one mirrors.
    MLPRegressor : The same network for regression.

    Notes
    -----
    The gradients come from ``skratch.autograd``'s backward pass over the Tensor
    operations of ``_forward`` (a single fused node adds the L2 penalty). ``solver="sgd"``
    uses ``skratch.optim.SGD``, whose momentum update equals scikit-learn's for a
    constant learning rate; ``solver="adam"`` uses ``skratch.optim.Adam`` (PyTorch's
    form, which places :math:`\\varepsilon` after the bias correction, a negligible
    difference). The random numbers differ from scikit-learn's (NumPy's Generator),
    so the weights are not identical. The early-stopping split is not stratified.
    ``partial_fit`` and ``solver="lbfgs"`` are not implemented.

    References
    ----------
    .. [1] X. Glorot, Y. Bengio, "Understanding the difficulty of training deep
       feedforward neural networks", AISTATS, 2010.
    .. [2] D. P. Kingma, J. Ba, "Adam: a method for stochastic optimization", ICLR, 2015.

    Examples
    --------
    >>> from sklearn.datasets import load_iris
    >>> from skratch.neural_network import MLPClassifier
    >>> X, y = load_iris(return_X_y=True)
    >>> clf = MLPClassifier(hidden_layer_sizes=(20,), learning_rate_init=0.01,
    ...                     max_iter=300, random_state=0).fit(X, y)
    >>> round(clf.score(X, y), 2) >= 0.95
    True
    >>> clf.predict_proba(X[:1]).shape
    (1, 3)
    """
    )

    def __init__(self, hidden_layer_sizes=(100,), activation="relu", *, solver="adam",
                 alpha=0.0001, batch_size="auto", learning_rate="constant",
                 learning_rate_init=0.001, power_t=0.5, max_iter=200, shuffle=True,
                 random_state=None, tol=1e-4, verbose=False, warm_start=False,
                 momentum=0.9, nesterovs_momentum=True, early_stopping=False,
                 validation_fraction=0.1, beta_1=0.9, beta_2=0.999, epsilon=1e-8,
                 n_iter_no_change=10):
        super().__init__(hidden_layer_sizes, activation, solver, alpha, batch_size,
                         learning_rate, learning_rate_init, power_t, max_iter, shuffle,
                         random_state, tol, verbose, warm_start, momentum,
                         nesterovs_momentum, early_stopping, validation_fraction,
                         beta_1, beta_2, epsilon, n_iter_no_change)

    def fit(self, X, y):
        """Fit the network to data matrix X and class labels y.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
        y : array-like of shape (n_samples,)

        Returns
        -------
        self : MLPClassifier
        """
        self._validate_params()
        X, y = check_X_y(X, y, dtype=np.float64, estimator=self)
        check_classification_targets(y)
        classes, y_index = np.unique(y, return_inverse=True)
        if self.warm_start and hasattr(self, "classes_") and not np.array_equal(classes, self.classes_):
            raise ValueError(f"warm_start=True but y has classes {classes}, not {self.classes_}.")
        if len(classes) < 2:
            raise ValueError(
                f"MLPClassifier needs samples of at least 2 classes; y has only one class: "
                f"{classes[0].tolist()!r}."
            )
        validate_n_features(self, X, reset=True)
        self.classes_ = classes
        if len(classes) == 2:
            self.out_activation_ = "logistic"
            Y = y_index.reshape(-1, 1).astype(np.float64)  # (n, 1): 1 for classes_[1]
        else:
            self.out_activation_ = "softmax"
            Y = y_index.reshape(-1, 1)  # (n, 1) class indices
        return self._fit(X, Y, y)

    _reported_loss_factor = 1.0

    def _loss(self, scores, Y):
        if self.out_activation_ == "logistic":
            return F.binary_cross_entropy_with_logits(scores, Y)
        return F.cross_entropy(scores, Y[:, 0])

    def _score(self, X, y):
        return float(np.mean(self.classes_[self._predict_index(X)] == y))

    def _predict_index(self, X):
        scores = self._scores(X)
        if self.out_activation_ == "logistic":
            return (scores[:, 0] > 0).astype(np.intp)  # p > 1/2 <=> score > 0
        return scores.argmax(axis=1)

    def predict(self, X):
        """Predict the class of each sample.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)

        Returns
        -------
        y_pred : ndarray of shape (n_samples,)
        """
        X = self._validate_for_predict(X)
        return self.classes_[self._predict_index(X)]

    def predict_proba(self, X):
        """Probability of each class, columns in the order of ``classes_``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)

        Returns
        -------
        proba : ndarray of shape (n_samples, n_classes)
        """
        return np.exp(self.predict_log_proba(X))

    def predict_log_proba(self, X):
        """Logarithm of ``predict_proba``, computed with log-softmax (never -inf).

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)

        Returns
        -------
        log_proba : ndarray of shape (n_samples, n_classes)
        """
        scores = self._scores(self._validate_for_predict(X))
        if self.out_activation_ == "logistic":
            # sigma(s) = softmax([0, s])_1 and 1 - sigma(s) = softmax([0, s])_0: both
            # columns accurate, even where 1 - p would round to 0.
            scores = np.column_stack([np.zeros(len(scores)), scores[:, 0]])
        return F.log_softmax(Tensor._wrap(scores), dim=1).data


class MLPRegressor(RegressorMixin, _BaseMLP):
    __doc__ = (
        """Multilayer perceptron regressor trained with the squared error.

    .. math:: \\min_{W, b} \\; & \\frac{1}{2 n_b}\\sum_{i} \\lVert \\hat y_i - y_i \\rVert^2 \\\\
              & + \\frac{\\alpha}{2 n_b} \\sum_l \\lVert W_l \\rVert_F^2

    with an identity output layer. As in scikit-learn, this is the objective whose
    gradient is followed, while ``loss_`` reports the squared error divided by the
    number of outputs (half the mean squared error over all entries) plus the penalty.

    Read more in the book: The multilayer perceptron
    <https://skratch-ml.github.io/skratch/book/neural-networks/multilayer-perceptron.html>
"""
        + _COMMON_PARAMETERS
        + """
    Attributes
    ----------"""
        + _COMMON_ATTRIBUTES
        + """
    See Also
    --------
    sklearn.neural_network.MLPRegressor : The scikit-learn estimator this one mirrors.
    MLPClassifier : The same network for classification.

    Notes
    -----
    As for ``MLPClassifier``: gradients from ``skratch.autograd``, updates from
    ``skratch.optim``; ``partial_fit`` and ``solver="lbfgs"`` are not implemented;
    only ``loss="squared_error"`` is (scikit-learn also has ``"poisson"``).

    Examples
    --------
    >>> import numpy as np
    >>> from skratch.neural_network import MLPRegressor
    >>> rng = np.random.default_rng(0)
    >>> X = rng.uniform(-2, 2, size=(300, 1))
    >>> y = np.sin(2 * X[:, 0])
    >>> reg = MLPRegressor(hidden_layer_sizes=(32, 32), activation="tanh",
    ...                    learning_rate_init=0.01, max_iter=300,
    ...                    random_state=0).fit(X, y)
    >>> reg.score(X, y) > 0.95
    True
    """
    )

    _parameter_constraints = {
        **_BaseMLP._parameter_constraints,
        "loss": [StrOptions({"squared_error"})],
    }

    def __init__(self, loss="squared_error", hidden_layer_sizes=(100,), activation="relu", *,
                 solver="adam", alpha=0.0001, batch_size="auto", learning_rate="constant",
                 learning_rate_init=0.001, power_t=0.5, max_iter=200, shuffle=True,
                 random_state=None, tol=1e-4, verbose=False, warm_start=False,
                 momentum=0.9, nesterovs_momentum=True, early_stopping=False,
                 validation_fraction=0.1, beta_1=0.9, beta_2=0.999, epsilon=1e-8,
                 n_iter_no_change=10):
        self.loss = loss
        super().__init__(hidden_layer_sizes, activation, solver, alpha, batch_size,
                         learning_rate, learning_rate_init, power_t, max_iter, shuffle,
                         random_state, tol, verbose, warm_start, momentum,
                         nesterovs_momentum, early_stopping, validation_fraction,
                         beta_1, beta_2, epsilon, n_iter_no_change)

    def fit(self, X, y):
        """Fit the network to data matrix X and targets y.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
        y : array-like of shape (n_samples,) or (n_samples, n_targets)

        Returns
        -------
        self : MLPRegressor
        """
        self._validate_params()
        X, y = check_X_y(X, y, dtype=np.float64, multi_output=True, y_numeric=True, estimator=self)
        validate_n_features(self, X, reset=True)
        self.out_activation_ = "identity"
        return self._fit(X, y.reshape(len(y), -1), y)

    def _loss(self, scores, Y):
        # scikit-learn's gradient is that of (1/2n) sum_i ||y_hat_i - y_i||^2 (summed
        # over the outputs), while its reported loss_ divides this by n_outputs (the
        # mean over all entries): we train on the first and report the second.
        return 0.5 * self.n_outputs_ * F.mse_loss(scores, Tensor._wrap(Y))

    @property
    def _reported_loss_factor(self):
        return 1 / self.n_outputs_

    def _score(self, X, y):
        return self.score(X, y)

    def predict(self, X):
        """Predict the targets of each sample.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)

        Returns
        -------
        y_pred : ndarray of shape (n_samples,) or (n_samples, n_targets)
        """
        scores = self._scores(self._validate_for_predict(X))
        return scores[:, 0] if self.n_outputs_ == 1 and self._y_1d else scores

    def _fit(self, X, Y, y_original):
        self._y_1d = y_original.ndim == 1
        return super()._fit(X, Y, y_original)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.target_tags.multi_output = True
        return tags
