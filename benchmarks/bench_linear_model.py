"""Linear models: skratch.linear_model vs sklearn.linear_model (fit times, 20 features)."""

from sklearn import linear_model as sk

from cases import Case, fit_pair, regression_data
from skratch import linear_model as sc

CASES = [
    Case("LinearRegression fit", fit_pair(sc.LinearRegression(), sk.LinearRegression(), regression_data),
         target=1.5),
]
