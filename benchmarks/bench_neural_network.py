"""Neural networks: skratch vs scikit-learn (one MLP epoch) and vs PyTorch (one forward+backward).

- MLPClassifier: one epoch (max_iter=1) of hidden_layer_sizes=(100,), solver="adam",
  batch_size=200, on 64 features and 10 classes, both in float64 (scikit-learn's dtype).
- Linear(784, 256)-ReLU-Linear(256, 10) + cross-entropy: forward and backward of one batch,
  float32 on both sides (PyTorch's default dtype). torch.set_num_threads is set to the number
  of threads NumPy's BLAS uses, so both sides get the same cores.
"""

import numpy as np
import torch
from sklearn import neural_network as sk
from threadpoolctl import threadpool_info

from cases import Case, classification_data
from skratch import neural_network as sc
from skratch.autograd import Tensor
from skratch.nn import Linear, ReLU, Sequential
from skratch.nn import functional as F

BLAS_THREADS = max([pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"] or [1])
torch.set_num_threads(BLAS_THREADS)

MLP_PARAMS = dict(hidden_layer_sizes=(100,), solver="adam", batch_size=200, max_iter=1, random_state=0)


def mlp_epoch(n_samples):
    X, y = classification_data(n_samples, n_features=64, n_classes=10)
    ours, theirs = sc.MLPClassifier(**MLP_PARAMS), sk.MLPClassifier(**MLP_PARAMS)
    return (lambda: ours.fit(X, y)), (lambda: theirs.fit(X, y))


def linear_relu_linear_step(batch_size):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(batch_size, 784)).astype(np.float32)
    y = rng.integers(10, size=batch_size)
    ours = Sequential(Linear(784, 256, dtype=np.float32, rng=0), ReLU(), Linear(256, 10, dtype=np.float32, rng=1))
    theirs = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 10))
    X_t, y_t = torch.from_numpy(X), torch.from_numpy(y)

    def step_ours():
        ours.zero_grad()
        F.cross_entropy(ours(Tensor(X)), y).backward()

    def step_theirs():
        theirs.zero_grad()
        torch.nn.functional.cross_entropy(theirs(X_t), y_t).backward()

    return step_ours, step_theirs


CASES = [
    Case("MLPClassifier one epoch", mlp_epoch, sizes=(1_000, 10_000), target=1.5,
         notes="(100,), adam, batch 200, 64 features, 10 classes, float64"),
    Case("Linear-ReLU-Linear forward+backward", linear_relu_linear_step, sizes=(64, 256), target=3.0,
         reference="PyTorch", quick_size=16,
         notes=f"784->256->10 + cross-entropy, n_samples = batch, float32, {BLAS_THREADS} thread(s) each"),
]
