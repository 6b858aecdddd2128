"""Tests for skratch.datasets: make_tips and fetch_mnist (offline, on tiny files in MNIST's format)."""

import gzip
import hashlib
import struct

import numpy as np
import pytest

from skratch.datasets import MNIST_FILES, fetch_mnist, get_data_home, make_tips


def _write_idx(path, array):
    """Write ``array`` (uint8) as a gzip IDX file, exactly as the MNIST files are stored."""
    header = struct.pack(">BBBB", 0, 0, 0x08, array.ndim) + struct.pack(f">{array.ndim}I", *array.shape)
    with gzip.open(path, "wb") as file:
        file.write(header + array.astype(np.uint8).tobytes())


@pytest.fixture
def tiny_mnist(tmp_path):
    """A folder with the four MNIST files holding 5 training and 3 test images of 28 x 28."""
    rng = np.random.default_rng(0)
    source = tmp_path / "source"
    source.mkdir()
    data = {
        "train-images-idx3-ubyte.gz": rng.integers(0, 256, size=(5, 28, 28)),
        "train-labels-idx1-ubyte.gz": rng.integers(0, 10, size=5),
        "t10k-images-idx3-ubyte.gz": rng.integers(0, 256, size=(3, 28, 28)),
        "t10k-labels-idx1-ubyte.gz": rng.integers(0, 10, size=3),
    }
    for name, array in data.items():
        _write_idx(source / name, array)
    checksums = {name: hashlib.md5((source / name).read_bytes()).hexdigest() for name in data}
    return source, data, checksums


def test_make_tips_shapes():
    """Check that make_tips returns bills (n, 1) and non-negative tips (n,)."""
    X, y = make_tips(n_samples=10)
    assert X.shape == (10, 1) and y.shape == (10,) and (y >= 0).all()


@pytest.mark.parametrize("subset, n", [("train", 5), ("test", 3), ("all", 8)])
def test_fetch_mnist_reads_idx_files(tiny_mnist, tmp_path, subset, n):
    """Check that fetch_mnist downloads (file:// URL), checks, caches and parses the IDX files."""
    source, data, checksums = tiny_mnist
    X, y = fetch_mnist(subset=subset, data_home=tmp_path / "home", base_url=source.as_uri() + "/",
                       checksums=checksums)
    images = {"train": data["train-images-idx3-ubyte.gz"], "test": data["t10k-images-idx3-ubyte.gz"]}
    labels = {"train": data["train-labels-idx1-ubyte.gz"], "test": data["t10k-labels-idx1-ubyte.gz"]}
    parts = ["train", "test"] if subset == "all" else [subset]
    assert X.shape == (n, 784) and X.dtype == np.uint8 and y.dtype == np.int64
    np.testing.assert_array_equal(X, np.concatenate([images[p].reshape(-1, 784) for p in parts]))
    np.testing.assert_array_equal(y, np.concatenate([labels[p] for p in parts]))
    assert all((tmp_path / "home" / "mnist" / name).exists()
               for p in parts for name in MNIST_FILES if name.startswith("t10k" if p == "test" else "train"))


def test_fetch_mnist_uses_the_cache(tiny_mnist, tmp_path, monkeypatch):
    """Check that a second call reads the cache (no source needed), found through $SKRATCH_DATA."""
    source, _, checksums = tiny_mnist
    monkeypatch.setenv("SKRATCH_DATA", str(tmp_path / "env_home"))
    assert get_data_home() == tmp_path / "env_home"
    X, y = fetch_mnist(base_url=source.as_uri(), checksums=checksums)
    for path in source.iterdir():
        path.unlink()
    X2, y2 = fetch_mnist(base_url=source.as_uri(), checksums=checksums, download_if_missing=False)
    np.testing.assert_array_equal(X, X2)
    np.testing.assert_array_equal(y, y2)


def test_fetch_mnist_errors(tiny_mnist, tmp_path):
    """Check the errors: bad checksum, missing file without download, bad subset, not an IDX file."""
    source, _, checksums = tiny_mnist
    with pytest.raises(ValueError, match="has MD5 checksum .* expected 0+: the file is corrupt"):
        fetch_mnist(subset="test", data_home=tmp_path / "a", base_url=source.as_uri(),
                    checksums={**checksums, "t10k-images-idx3-ubyte.gz": "0" * 32})
    with pytest.raises(OSError, match="not in the cache and download_if_missing=False"):
        fetch_mnist(data_home=tmp_path / "b", download_if_missing=False)
    with pytest.raises(OSError, match="Could not download train-images-idx3-ubyte.gz"):
        fetch_mnist(data_home=tmp_path / "c", base_url=(tmp_path / "nowhere").as_uri())
    with pytest.raises(ValueError, match="subset must be 'train', 'test' or 'all', got 'val'"):
        fetch_mnist(subset="val")
    with gzip.open(source / "t10k-labels-idx1-ubyte.gz", "wb") as file:
        file.write(b"not an idx file")
    with pytest.raises(ValueError, match="is not an IDX file"):
        fetch_mnist(subset="test", data_home=tmp_path / "d", base_url=source.as_uri(), checksums=False)
