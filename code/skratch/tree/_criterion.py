"""Split criteria: how impure a node is, and how good a split of it is.

A node holds samples with weights :math:`w_i`. For classification its statistics are
the weighted class counts :math:`c_k = \\sum_{i \\in t,\\, y_i = k} w_i`; for regression
the weighted sums :math:`s = \\sum_i w_i y_i` and :math:`q = \\sum_i w_i y_i^2`. Every
function here works on whole arrays of nodes (or of candidate splits) at once: the
statistics carry any leading shape, the last axis is the classes.

Choosing a split only needs a *proxy*: a number that orders candidate splits of one
node the same way as the weighted impurity decrease, but is cheaper to compute (it
drops the terms that are the same for every split of the node). These are the proxies
scikit-learn's Cython criteria use.

Read more in the book: Decision trees
<https://skratch-ml.github.io/skratch/book/expert/decision-trees.html>
"""

import numpy as np

__all__ = ["CLASSIFICATION", "REGRESSION"]


def _sum_of_squares(counts):
    # sum_k c_k^2, class by class (scikit-learn's order of additions)
    total = np.zeros(counts.shape[:-1])
    for k in range(counts.shape[-1]):
        total = total + counts[..., k] * counts[..., k]
    return total


def gini(counts, weight):
    # Gini(t) = 1 - sum_k c_k^2 / w^2, summed class by class in
    # scikit-learn's order, so that equal splits get bit-equal scores
    # (best-first growth and pruning break ties on them)
    return 1.0 - _sum_of_squares(counts) / (weight * weight)


def entropy(counts, weight):
    # H(t) = - sum_k p_k log2 p_k,  with 0 log 0 = 0 (in bits, as scikit-learn,
    # whose log2 is ln(x) / ln(2), class by class)
    total = np.zeros(counts.shape[:-1])
    with np.errstate(divide="ignore", invalid="ignore"):
        for k in range(counts.shape[-1]):
            p = counts[..., k] / weight
            safe = np.where(p > 0, p, 1.0)
            total = total - np.where(p > 0, p * (np.log(safe) / np.log(2.0)), 0.0)
    return total


def squared_error(sums, weight, sq_sums):
    # MSE(t) = q / w - (s / w)^2, the weighted variance of y in the node
    mean = sums[..., 0] / weight
    return sq_sums / weight - mean * mean


def gini_proxy(left, w_left, right, w_right):
    # w_L Gini(L) + w_R Gini(R)
    #   = w - (sum_k c_Lk^2 / w_L + sum_k c_Rk^2 / w_R),
    # so maximising the bracket minimises the children's weighted impurity.
    # (scikit-learn computes -w_L Gini(L) - w_R Gini(R): two splits equal on
    # paper can then round apart differently.)
    return _sum_of_squares(left) / w_left + _sum_of_squares(right) / w_right


def entropy_proxy(left, w_left, right, w_right):
    # - w_R H(R) - w_L H(L): the children's weighted entropy, negated
    return -w_right * entropy(right, w_right) - w_left * entropy(left, w_left)


def squared_error_proxy(left, w_left, right, w_right):
    # w_L MSE(L) + w_R MSE(R) = q - (s_L^2 / w_L + s_R^2 / w_R): maximise the bracket
    return left[..., 0] ** 2 / w_left + right[..., 0] ** 2 / w_right


def friedman_proxy(left, w_left, right, w_right):
    # Friedman's improvement (w_R s_L - w_L s_R)^2 / (w_L w_R). Since
    #   s_L^2/w_L + s_R^2/w_R - s^2/w = (w_R s_L - w_L s_R)^2 / (w_L w_R w),
    # it is the squared-error proxy minus a constant, times w: the same order.
    diff = w_right * left[..., 0] - w_left * right[..., 0]
    return diff * diff / (w_left * w_right)


# name -> (impurity, proxy); regression impurities also take the sums of w y^2.
CLASSIFICATION = {"gini": (gini, gini_proxy), "entropy": (entropy, entropy_proxy)}
REGRESSION = {
    "squared_error": (squared_error, squared_error_proxy),
    "friedman_mse": (squared_error, friedman_proxy),
}
