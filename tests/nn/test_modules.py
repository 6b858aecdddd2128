"""Tests for skratch.nn modules and initialisers, compared against torch.nn (CPU, float64)."""

import numpy as np
import pytest
import torch

from skratch.autograd import Tensor, gradcheck
from skratch.nn import (
    GELU,
    BatchNorm1d,
    Dropout,
    Embedding,
    Flatten,
    LayerNorm,
    Linear,
    LogSoftmax,
    Module,
    Parameter,
    ReLU,
    Sequential,
    Sigmoid,
    Softmax,
    Tanh,
    init,
)

torch.set_default_dtype(torch.float64)


def _copy_to_torch(ours, theirs):
    """Copy every parameter and buffer of our module into the torch module."""
    theirs_state = theirs.state_dict()
    for name, value in ours.state_dict().items():
        theirs_state[name].copy_(torch.from_numpy(value))


def _layers():
    # (id, our module, torch module, input shape). Parameters are set to random values
    # (not the initial ones) so that every gradient term matters.
    return [
        ("Linear", Linear(5, 3, rng=0), torch.nn.Linear(5, 3), (4, 5)),
        ("Linear no bias", Linear(5, 3, bias=False, rng=0), torch.nn.Linear(5, 3, bias=False), (4, 5)),
        ("Linear 3d input", Linear(5, 3, rng=0), torch.nn.Linear(5, 3), (2, 4, 5)),
        ("ReLU", ReLU(), torch.nn.ReLU(), (4, 5)),
        ("Tanh", Tanh(), torch.nn.Tanh(), (4, 5)),
        ("Sigmoid", Sigmoid(), torch.nn.Sigmoid(), (4, 5)),
        ("GELU", GELU(), torch.nn.GELU(), (4, 5)),
        ("GELU tanh", GELU("tanh"), torch.nn.GELU("tanh"), (4, 5)),
        ("Softmax", Softmax(dim=1), torch.nn.Softmax(dim=1), (4, 5)),
        ("LogSoftmax", LogSoftmax(dim=0), torch.nn.LogSoftmax(dim=0), (4, 5)),
        ("BatchNorm1d", BatchNorm1d(5), torch.nn.BatchNorm1d(5), (6, 5)),
        ("BatchNorm1d 3d", BatchNorm1d(3), torch.nn.BatchNorm1d(3), (4, 3, 2)),
        ("BatchNorm1d no affine", BatchNorm1d(5, affine=False), torch.nn.BatchNorm1d(5, affine=False), (6, 5)),
        ("LayerNorm", LayerNorm(5), torch.nn.LayerNorm(5), (4, 5)),
        ("LayerNorm 2 axes", LayerNorm((3, 5)), torch.nn.LayerNorm((3, 5)), (2, 3, 5)),
        ("Sequential", Sequential(Linear(5, 8, rng=0), Tanh(), Linear(8, 8, rng=1), GELU(), LayerNorm(8), Linear(8, 2, rng=2)),
         torch.nn.Sequential(torch.nn.Linear(5, 8), torch.nn.Tanh(), torch.nn.Linear(8, 8), torch.nn.GELU(),
                             torch.nn.LayerNorm(8), torch.nn.Linear(8, 2)), (4, 5)),
    ]


LAYER_IDS = [layer[0] for layer in _layers()]


def _randomise(module, seed):
    rng = np.random.default_rng(seed)
    for p in module.parameters():
        p.data[...] = rng.normal(size=p.shape)


@pytest.mark.parametrize("index", range(len(LAYER_IDS)), ids=LAYER_IDS)
def test_module_matches_torch(index):
    """Check that forward values, input and parameter gradients equal torch's to 1e-10."""
    _, ours, theirs, shape = _layers()[index]
    _randomise(ours, seed=index)
    _copy_to_torch(ours, theirs)
    rng = np.random.default_rng(100 + index)
    x = rng.normal(size=shape)
    x_ours, x_theirs = Tensor(x, requires_grad=True), torch.tensor(x, requires_grad=True)
    out, ref = ours(x_ours), theirs(x_theirs)
    np.testing.assert_allclose(out.data, ref.detach().numpy(), rtol=1e-10, atol=1e-12)
    upstream = rng.normal(size=out.shape)
    out.backward(upstream)
    ref.backward(torch.from_numpy(upstream))
    np.testing.assert_allclose(x_ours.grad, x_theirs.grad.numpy(), rtol=1e-10, atol=1e-12)
    theirs_params = dict(theirs.named_parameters())
    assert set(theirs_params) == {name for name, _ in ours.named_parameters()}
    for name, p in ours.named_parameters():
        np.testing.assert_allclose(p.grad, theirs_params[name].grad.numpy(), rtol=1e-10, atol=1e-12)
    # Buffers (BatchNorm's running statistics) after one training step, too.
    theirs_state = theirs.state_dict()
    for name, value in ours.state_dict().items():
        np.testing.assert_allclose(value, theirs_state[name].numpy(), rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("index", range(len(LAYER_IDS)), ids=LAYER_IDS)
def test_module_passes_gradcheck(index):
    """Check that every layer's gradients (input and parameters) pass gradcheck (< 1e-6)."""
    _, ours, _, shape = _layers()[index]
    _randomise(ours, seed=index)
    params = ours.parameters()
    x = Tensor(np.random.default_rng(index).normal(size=shape), requires_grad=True)

    def f(x, *ps):
        return ours(x)

    result = gradcheck(f, [x, *params])
    assert result.max_relative_error < 1e-6, str(result)


def test_batchnorm_eval_uses_running_statistics():
    """Check that after training steps, eval-mode BatchNorm1d equals torch's (running stats)."""
    ours, theirs = BatchNorm1d(4, momentum=0.3), torch.nn.BatchNorm1d(4, momentum=0.3)
    _randomise(ours, 0)
    _copy_to_torch(ours, theirs)
    rng = np.random.default_rng(0)
    for _ in range(3):
        x = rng.normal(loc=2.0, scale=3.0, size=(8, 4))
        ours(Tensor(x)), theirs(torch.from_numpy(x))
    ours.eval(), theirs.eval()
    x = Tensor(rng.normal(size=(5, 4)), requires_grad=True)
    x_t = torch.tensor(x.data, requires_grad=True)
    out, ref = ours(x), theirs(x_t)
    np.testing.assert_allclose(out.data, ref.detach().numpy(), rtol=1e-10)
    out.sum().backward(), ref.sum().backward()
    np.testing.assert_allclose(x.grad, x_t.grad.numpy(), rtol=1e-10)
    np.testing.assert_allclose(ours.running_var, theirs.running_var.numpy(), rtol=1e-10)


def test_embedding_matches_torch():
    """Check that Embedding looks up rows and sums the gradients of repeated indices."""
    ours, theirs = Embedding(6, 3, rng=0), torch.nn.Embedding(6, 3)
    _copy_to_torch(ours, theirs)
    index = np.array([[1, 4, 1], [0, 1, 5]])
    out, ref = ours(index), theirs(torch.from_numpy(index))
    np.testing.assert_allclose(out.data, ref.detach().numpy(), rtol=1e-12)
    upstream = np.random.default_rng(0).normal(size=out.shape)
    out.backward(upstream), ref.backward(torch.from_numpy(upstream))
    np.testing.assert_allclose(ours.weight.grad, theirs.weight.grad.numpy(), rtol=1e-10, atol=1e-12)
    assert gradcheck(lambda w: ours(index), [ours.weight])
    with pytest.raises(ValueError, match="index 6 is out of range for num_embeddings=6"):
        ours(np.array([6]))
    with pytest.raises(TypeError, match="integer indices"):
        ours(np.array([1.5]))


def test_dropout_mask_semantics():
    """Check inverted dropout: entries are 0 or x/(1-p), about p are dropped, eval is identity."""
    layer = Dropout(p=0.3, rng=0)
    x = Tensor(np.ones((200, 50)), requires_grad=True)
    out = layer(x)
    values = np.unique(out.data)
    np.testing.assert_allclose(values, [0.0, 1 / 0.7])
    assert abs((out.data == 0).mean() - 0.3) < 0.02
    out.sum().backward()
    np.testing.assert_allclose(x.grad, out.data)  # the gradient goes through the same mask
    layer.eval()
    assert layer(x) is x
    assert Dropout(p=0.0)(x) is x
    np.testing.assert_array_equal(Dropout(p=1.0)(x).data, 0.0)
    with pytest.raises(ValueError, match="must be in \\[0, 1\\], got 1.5"):
        Dropout(p=1.5)


def test_linear_default_init_matches_torch_distribution():
    """Check that Linear's default init is U(-1/sqrt(in), 1/sqrt(in)) for weight and bias, as torch."""
    layer = Linear(400, 300, rng=0)
    bound = 1 / np.sqrt(400)
    for p in (layer.weight.data, layer.bias.data):
        assert np.abs(p).max() <= bound and np.abs(p).max() > 0.95 * bound
    assert abs(layer.weight.data.std() - bound / np.sqrt(3)) < 1e-3  # variance of U(-b, b)
    init.manual_seed(3)
    a = Linear(3, 2).weight.data.copy()
    init.manual_seed(3)
    np.testing.assert_array_equal(Linear(3, 2).weight.data, a)


@pytest.mark.parametrize(
    "initialiser, kwargs, expected_std",
    [
        (init.xavier_uniform_, {}, np.sqrt(2 / (300 + 200))),
        (init.xavier_normal_, {"gain": 2.0}, 2 * np.sqrt(2 / (300 + 200))),
        (init.kaiming_uniform_, {"nonlinearity": "relu"}, np.sqrt(2 / 300)),
        (init.kaiming_normal_, {"mode": "fan_out", "nonlinearity": "relu"}, np.sqrt(2 / 200)),
    ],
)
def test_init_standard_deviation(initialiser, kwargs, expected_std):
    """Check that each initialiser gives the standard deviation of its formula (torch's)."""
    weight = Parameter(np.zeros((200, 300)))  # (fan_out, fan_in)
    initialiser(weight, rng=0, **kwargs)
    np.testing.assert_allclose(weight.data.std(), expected_std, rtol=0.02)
    assert abs(weight.data.mean()) < 0.02 * expected_std * 10


def test_init_gain_matches_torch():
    """Check calculate_gain against torch.nn.init.calculate_gain."""
    for name, param in [("relu", None), ("tanh", None), ("sigmoid", None), ("leaky_relu", 0.2), ("selu", None)]:
        assert init.calculate_gain(name, param) == pytest.approx(torch.nn.init.calculate_gain(name, param))
    with pytest.raises(ValueError, match="mode must be 'fan_in' or 'fan_out', got 'fan'"):
        init.kaiming_uniform_(np.zeros((2, 2)), mode="fan")
    with pytest.raises(ValueError, match="at least 2 dimensions"):
        init.xavier_uniform_(np.zeros(3))


class _Net(Module):
    def __init__(self):
        super().__init__()
        self.body = Sequential(Linear(3, 4, rng=0), BatchNorm1d(4), ReLU(), Dropout(0.5))
        self.head = Linear(4, 2, rng=1)
        self.head_list = [Linear(2, 2, rng=2)]

    def forward(self, x):
        return self.head_list[0](self.head(self.body(x)))


def test_module_parameters_modes_and_state_dict():
    """Check parameter discovery, train/eval propagation, zero_grad and state_dict round trips."""
    net = _Net()
    names = [name for name, _ in net.named_parameters()]
    assert names == ["body.0.weight", "body.0.bias", "body.1.weight", "body.1.bias",
                     "head.weight", "head.bias", "head_list.0.weight", "head_list.0.bias"]
    state = net.state_dict()
    assert "body.1.running_mean" in state and "body.1.running_var" in state
    net.eval()
    assert all(not m.training for m in net.modules())
    net.train()
    out = net(Tensor(np.random.default_rng(0).normal(size=(5, 3))))
    out.sum().backward()
    assert all(p.grad is not None for p in net.parameters())
    net.zero_grad()
    assert all(p.grad is None for p in net.parameters())
    other = _Net()
    for p in other.parameters():
        p.data[...] = 0.0
    other.load_state_dict(net.state_dict())
    for (name, a), b in zip(net.state_dict().items(), other.state_dict().values()):
        np.testing.assert_array_equal(a, b, err_msg=name)
    with pytest.raises(KeyError, match="missing keys \\['head_list.0.bias'\\]"):
        other.load_state_dict({k: v for k, v in state.items() if k != "head_list.0.bias"})
    bad = dict(state, **{"head.bias": np.zeros(5)})
    with pytest.raises(ValueError, match="'head.bias' has shape \\(5,\\) in the state dict but \\(2,\\)"):
        other.load_state_dict(bad)
    assert "(body): Sequential(" in repr(net) and "Linear(in_features=3, out_features=4, bias=True)" in repr(net)


def test_layer_shape_errors():
    """Check that layers name the expected and the received shapes."""
    with pytest.raises(ValueError, match=r"Linear\(5, 3\) expects inputs with 5 features .* got shape \(4, 2\)"):
        Linear(5, 3)(Tensor(np.ones((4, 2))))
    with pytest.raises(ValueError, match=r"BatchNorm1d\(5\) expects .* got \(4, 3\)"):
        BatchNorm1d(5)(Tensor(np.ones((4, 3))))
    with pytest.raises(ValueError, match="more than 1 value per feature"):
        BatchNorm1d(3)(Tensor(np.ones((1, 3))))
    with pytest.raises(ValueError, match=r"LayerNorm\(5,\) expects inputs ending in shape \(5,\), got \(4, 3\)"):
        LayerNorm(5)(Tensor(np.ones((4, 3))))
    with pytest.raises(TypeError, match="Sequential takes Modules, got int at position 1"):
        Sequential(ReLU(), 3)


def test_modules_keep_float32():
    """Check that a float32 network computes and differentiates in float32."""
    net = Sequential(Linear(4, 6, dtype=np.float32, rng=0), BatchNorm1d(6, dtype=np.float32),
                     GELU(), LayerNorm(6, dtype=np.float32), Linear(6, 2, dtype=np.float32, rng=1))
    out = net(Tensor(np.ones((3, 4)), dtype=np.float32) * np.arange(4))
    assert out.dtype == np.float32
    out.sum().backward()
    assert all(p.grad.dtype == np.float32 for p in net.parameters())


@pytest.mark.parametrize("momentum", [0.1, 0.4, None])
@pytest.mark.parametrize("shape", [(6, 3), (5, 3, 4)])
def test_batchnorm_state_dict_round_trips_with_torch(momentum, shape):
    """Check that torch's BatchNorm1d state dict loads into ours and ours into torch's, same outputs (1e-12)."""
    rng = np.random.default_rng(0)
    theirs = torch.nn.BatchNorm1d(3, momentum=momentum)
    with torch.no_grad():
        for p in theirs.parameters():
            p.copy_(torch.from_numpy(rng.normal(size=p.shape)))
    for _ in range(3):  # give torch running statistics and a batch count of its own
        theirs(torch.from_numpy(rng.normal(loc=1.0, scale=2.0, size=shape)))
    ours = BatchNorm1d(3, momentum=momentum)
    ours.load_state_dict({name: value.numpy() for name, value in theirs.state_dict().items()})
    assert list(ours.state_dict()) == list(theirs.state_dict())
    assert ours.num_batches_tracked.dtype == np.int64 and ours.num_batches_tracked.shape == ()
    assert int(ours.num_batches_tracked) == 3
    for mode in ("train", "eval", "train"):  # train twice: the counts keep agreeing
        ours.train(mode == "train"), theirs.train(mode == "train")
        x = rng.normal(size=shape)
        out, ref = ours(Tensor(x)), theirs(torch.from_numpy(x))
        np.testing.assert_allclose(out.data, ref.detach().numpy(), rtol=1e-12, atol=1e-12, err_msg=mode)
        for name, value in theirs.state_dict().items():
            np.testing.assert_allclose(ours.state_dict()[name], value.numpy(), rtol=1e-12, err_msg=name)
    # The reverse direction: our state dict into a fresh torch module.
    fresh = torch.nn.BatchNorm1d(3, momentum=momentum)
    fresh.load_state_dict({name: torch.from_numpy(value) for name, value in ours.state_dict().items()})
    assert fresh.num_batches_tracked.dtype == torch.int64 and int(fresh.num_batches_tracked) == 5
    fresh.eval(), ours.eval()
    x = rng.normal(size=shape)
    np.testing.assert_allclose(ours(Tensor(x)).data, fresh(torch.from_numpy(x)).detach().numpy(), rtol=1e-12, atol=1e-12)


def test_batchnorm_counts_only_training_batches():
    """Check that num_batches_tracked counts training batches, not evaluation ones, as torch's."""
    ours, theirs = BatchNorm1d(2), torch.nn.BatchNorm1d(2)
    x = np.random.default_rng(0).normal(size=(4, 2))
    for training in (True, True, False, True):
        ours.train(training), theirs.train(training)
        ours(Tensor(x)), theirs(torch.from_numpy(x))
    assert int(ours.num_batches_tracked) == int(theirs.num_batches_tracked) == 3
    assert "num_batches_tracked" not in BatchNorm1d(2, track_running_stats=False).state_dict()


def test_float32_layers_build_without_warnings():
    """Check that many float32 Linear and Embedding layers build without any warning (no overflow in a cast)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for size in range(1, 60):
            Linear(size, 2 * size + 3, dtype=np.float32, rng=size)
            Embedding(3 * size, size, dtype=np.float32, rng=size)
            Linear(300, 200, dtype=np.float32)
    assert Linear(3, 2, dtype=np.float32).weight.dtype == np.float32
    assert Embedding(3, 2, dtype=np.float32).weight.dtype == np.float32


def test_embedding_takes_an_integer_tensor():
    """Check that Embedding accepts an integer Tensor of indices, as torch's does."""
    ours, theirs = Embedding(6, 3, rng=0), torch.nn.Embedding(6, 3)
    _copy_to_torch(ours, theirs)
    index = [[1, 4, 1], [0, 1, 5]]
    np.testing.assert_allclose(ours(Tensor(index)).data, theirs(torch.tensor(index)).detach().numpy(), rtol=1e-12)


NEGATIVE_DIM_LAYERS = [
    ("Softmax dim -2", Softmax(dim=-2), torch.nn.Softmax(dim=-2), (2, 4, 5)),
    ("Softmax dim -3", Softmax(dim=-3), torch.nn.Softmax(dim=-3), (2, 4, 5)),
    ("LogSoftmax dim -2", LogSoftmax(dim=-2), torch.nn.LogSoftmax(dim=-2), (2, 4, 5)),
    ("Flatten start_dim -2", Flatten(start_dim=-2), torch.nn.Flatten(start_dim=-2), (2, 3, 4, 5)),
    ("Flatten start_dim 0", Flatten(start_dim=0), torch.nn.Flatten(start_dim=0), (2, 3, 4)),
    ("Flatten middle dims", Flatten(1, -2), torch.nn.Flatten(1, -2), (2, 3, 4, 5)),
    ("Flatten one dim", Flatten(-3, 1), torch.nn.Flatten(-3, 1), (2, 3, 4)),
]


def test_flatten_error_names_the_dims():
    """Check that Flatten with start_dim after end_dim, or out of range, says so with the values."""
    with pytest.raises(ValueError, match=r"Flatten\(start_dim=2, end_dim=1\) does not fit .* \(2, 3, 4\)"):
        Flatten(2, 1)(Tensor(np.ones((2, 3, 4))))
    with pytest.raises(ValueError, match=r"start_dim=4"):
        Flatten(4)(Tensor(np.ones((2, 3, 4))))


@pytest.mark.parametrize("name, ours, theirs, shape", NEGATIVE_DIM_LAYERS, ids=[c[0] for c in NEGATIVE_DIM_LAYERS])
def test_layers_with_negative_dims_match_torch(name, ours, theirs, shape):
    """Check that layers taking a dim accept negative ones, with torch's values and gradients (1e-12)."""
    x = np.random.default_rng(0).normal(size=shape)
    x_ours, x_theirs = Tensor(x, requires_grad=True), torch.tensor(x, requires_grad=True)
    out, ref = ours(x_ours), theirs(x_theirs)
    np.testing.assert_allclose(out.data, ref.detach().numpy(), rtol=1e-12, atol=1e-12)
    upstream = np.random.default_rng(1).normal(size=out.shape)
    out.backward(upstream), ref.backward(torch.from_numpy(upstream))
    np.testing.assert_allclose(x_ours.grad, x_theirs.grad.numpy(), rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("name", ["softmax", "log_softmax"])
@pytest.mark.parametrize("dim", [-1, -2, -3, 0])
def test_functional_softmax_negative_dims_match_torch(name, dim):
    """Check that F.softmax and F.log_softmax take negative dims, with torch's values and gradients (1e-12)."""
    from skratch.nn import functional as F

    x = np.random.default_rng(0).normal(size=(2, 3, 4))
    ours, theirs = Tensor(x, requires_grad=True), torch.tensor(x, requires_grad=True)
    out, ref = getattr(F, name)(ours, dim=dim), getattr(torch.nn.functional, name)(theirs, dim=dim)
    np.testing.assert_allclose(out.data, ref.detach().numpy(), rtol=1e-12, atol=1e-12)
    upstream = np.random.default_rng(1).normal(size=out.shape)
    out.backward(upstream), ref.backward(torch.from_numpy(upstream))
    np.testing.assert_allclose(ours.grad, theirs.grad.numpy(), rtol=1e-12, atol=1e-12)
