"""Small datasets the course generates, so every unit runs offline; and a loader for MNIST.

``make_tips`` generates data; ``fetch_mnist`` downloads the full MNIST digits once (about
11 MB), checks them and keeps them in a local cache, for learners with a network.

Read more in the book: Linear regression
<https://skratch-ml.github.io/skratch/book/intermediate/linear-regression.html>
and Handwritten digits end to end
<https://skratch-ml.github.io/skratch/book/neural-networks/handwritten-digits.html>
"""

import gzip
import hashlib
import os
import shutil
import urllib.error
import urllib.request
from pathlib import Path

import numpy as np

from .utils.validation import check_random_state

__all__ = ["fetch_mnist", "get_data_home", "make_tips"]


def make_tips(n_samples=60, *, tip_rate=0.15, base_tip=1.0, noise=0.8, random_state=0):
    """Generate restaurant bills and the tips left on them.

    Each tip is a straight-line function of the bill plus Gaussian noise:

    .. math:: \\text{tip} = \\text{rate} \\times \\text{bill} + \\text{base} + \\varepsilon,

    .. math:: \\varepsilon \\sim \\mathcal{N}(0, \\text{noise}^2)

    Bills are drawn uniformly between $8 and $60 and rounded to cents, like a
    receipt. Tips are rounded to cents and never negative.

    Parameters
    ----------
    n_samples : int, default=60
        Number of bills.
    tip_rate : float, default=0.15
        The true slope: dollars of tip per dollar of bill.
    base_tip : float, default=1.0
        The true intercept: the tip on a (hypothetical) $0 bill.
    noise : float, default=0.8
        Standard deviation of the noise, in dollars.
    random_state : int, numpy.random.Generator or None, default=0
        Seed of the random numbers, for the same data every time.

    Returns
    -------
    X : ndarray of shape (n_samples, 1)
        The bills, in dollars.
    y : ndarray of shape (n_samples,)
        The tips, in dollars.

    Examples
    --------
    >>> from skratch.datasets import make_tips
    >>> X, y = make_tips(n_samples=3)
    >>> X.shape, y.shape
    ((3, 1), (3,))
    """
    if not isinstance(n_samples, (int, np.integer)) or n_samples < 1:
        raise ValueError(f"n_samples must be a positive integer; got {n_samples!r}.")
    if noise < 0:
        raise ValueError(f"noise must be non-negative; got {noise!r}.")
    rng = check_random_state(random_state)
    bills = np.round(rng.uniform(8.0, 60.0, size=n_samples), 2)
    tips = tip_rate * bills + base_tip + rng.normal(0.0, noise, size=n_samples)
    return bills.reshape(-1, 1), np.round(np.clip(tips, 0.0, None), 2)


# ---- MNIST -----------------------------------------------------------------------------

# Mirrors of the original files (yann.lecun.com now often refuses downloads), tried in
# order. The MD5 checksums are those of the original gzip files.
MNIST_MIRRORS = (
    "https://ossci-datasets.s3.amazonaws.com/mnist/",
    "https://storage.googleapis.com/cvdf-datasets/mnist/",
)
MNIST_FILES = {
    "train-images-idx3-ubyte.gz": "f68b3c2dcbeaaa9fbdd348bbdeb94873",
    "train-labels-idx1-ubyte.gz": "d53e105ee54ea40749a09fcbcd1e9432",
    "t10k-images-idx3-ubyte.gz": "9fb629c4189551a2d022fa330f9573f3",
    "t10k-labels-idx1-ubyte.gz": "ec29112dd5afa0611ce80d1b7f02629c",
}
_SUBSET_FILES = {
    "train": ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"),
    "test": ("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"),
}
# IDX type codes (third byte of the header) and the big-endian dtypes they stand for.
_IDX_DTYPES = {0x08: ">u1", 0x09: ">i1", 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}


def get_data_home(data_home=None):
    """The folder where downloaded datasets are cached (created if missing).

    By order of precedence: ``data_home``, the environment variable ``SKRATCH_DATA``,
    then ``~/skratch_data``.

    Parameters
    ----------
    data_home : str or path-like or None, default=None

    Returns
    -------
    data_home : pathlib.Path
    """
    if data_home is None:
        data_home = os.environ.get("SKRATCH_DATA", Path("~") / "skratch_data")
    path = Path(data_home).expanduser()
    path.mkdir(parents=True, exist_ok=True)
    return path


def _md5(path):
    digest = hashlib.md5()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _read_idx(path):
    # IDX format: 2 zero bytes, a type code, the number of dimensions d, then d sizes
    # as big-endian uint32, then the values in C order.
    with gzip.open(path, "rb") as file:
        raw = file.read()
    if len(raw) < 4 or raw[:2] != b"\x00\x00" or raw[2] not in _IDX_DTYPES:
        raise ValueError(f"{path} is not an IDX file: its header starts with {raw[:4]!r}.")
    ndim = raw[3]
    shape = tuple(int(n) for n in np.frombuffer(raw, dtype=">u4", count=ndim, offset=4))
    dtype = np.dtype(_IDX_DTYPES[raw[2]])
    offset = 4 + 4 * ndim
    if len(raw) - offset != dtype.itemsize * int(np.prod(shape)):
        raise ValueError(
            f"{path} is truncated or corrupt: its header announces shape {shape}, but it "
            f"holds {len(raw) - offset} bytes of data."
        )
    return np.frombuffer(raw, dtype=dtype, offset=offset).reshape(shape)


def _download(url, target):
    # Download to a temporary name and rename at the end, so that an interrupted
    # download never leaves a file that looks complete.
    partial = target.with_name(target.name + ".part")
    try:
        with urllib.request.urlopen(url, timeout=60) as response, open(partial, "wb") as file:
            shutil.copyfileobj(response, file)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, target)


def _fetch_file(name, folder, base_urls, expected_md5, download_if_missing):
    path = folder / name
    if not path.exists():
        if not download_if_missing:
            raise OSError(f"{path} is not in the cache and download_if_missing=False.")
        errors = []
        for base in base_urls:
            url = base.rstrip("/") + "/" + name
            try:
                _download(url, path)
                break
            except (urllib.error.URLError, OSError, ValueError) as exc:
                errors.append(f"{url}: {exc}")
        else:
            raise OSError(f"Could not download {name}; tried:\n" + "\n".join(errors))
    if expected_md5 is not None:
        actual = _md5(path)
        if actual != expected_md5:
            raise ValueError(
                f"{path} has MD5 checksum {actual}, expected {expected_md5}: the file is "
                "corrupt or incomplete. Delete it and call fetch_mnist again."
            )
    return path


def fetch_mnist(*, subset="all", data_home=None, base_url=None, download_if_missing=True,
                checksums=True):
    """Load the MNIST handwritten digits (70,000 images of 28 x 28 pixels).

    The four original files are downloaded on the first call (about 11 MB), their MD5
    checksums are checked, and they are kept in ``<data_home>/mnist``; later calls read
    the cache and need no network. Only the standard library downloads (``urllib``);
    NumPy parses the IDX format.

    Parameters
    ----------
    subset : {"train", "test", "all"}, default="all"
        The 60,000 training images, the 10,000 test images, or both (training first,
        as in ``fetch_openml("mnist_784")``).
    data_home : str or path-like or None, default=None
        The cache folder; see ``get_data_home`` (``$SKRATCH_DATA`` or ``~/skratch_data``).
    base_url : str or None, default=None
        Where to download the files from (a URL ending in a folder, ``file://`` URLs
        included); None tries the known mirrors in turn.
    download_if_missing : bool, default=True
        If False, raise ``OSError`` when a file is not in the cache.
    checksums : bool or dict, default=True
        True checks the official MD5 checksums; False checks nothing; a dict maps file
        names to the MD5 checksums to expect.

    Returns
    -------
    X : ndarray of shape (n_samples, 784), dtype uint8
        Pixel intensities from 0 (background) to 255 (ink), each image flattened row
        by row. Divide by 255 (or standardise) before training.
    y : ndarray of shape (n_samples,), dtype int64
        The digit, from 0 to 9.

    Examples
    --------
    >>> from skratch.datasets import fetch_mnist
    >>> X, y = fetch_mnist(subset="test")  # doctest: +SKIP
    >>> X.shape, y[:5]  # doctest: +SKIP
    ((10000, 784), array([7, 2, 1, 0, 4]))
    """
    if subset not in ("train", "test", "all"):
        raise ValueError(f"subset must be 'train', 'test' or 'all', got {subset!r}.")
    if checksums is True:
        checksums = MNIST_FILES
    elif checksums is False:
        checksums = {}
    elif not isinstance(checksums, dict):
        raise TypeError(f"checksums must be True, False or a dict, got {checksums!r}.")
    folder = get_data_home(data_home) / "mnist"
    folder.mkdir(exist_ok=True)
    base_urls = MNIST_MIRRORS if base_url is None else (base_url,)

    Xs, ys = [], []
    for part in ("train", "test") if subset == "all" else (subset,):
        images_name, labels_name = _SUBSET_FILES[part]
        images = _read_idx(_fetch_file(images_name, folder, base_urls,
                                       checksums.get(images_name), download_if_missing))
        labels = _read_idx(_fetch_file(labels_name, folder, base_urls,
                                       checksums.get(labels_name), download_if_missing))
        if images.ndim != 3 or labels.ndim != 1 or len(images) != len(labels):
            raise ValueError(
                f"{images_name} and {labels_name} do not fit together: images of shape "
                f"{images.shape}, labels of shape {labels.shape}."
            )
        Xs.append(images.reshape(len(images), -1))
        ys.append(labels.astype(np.int64))
    return np.concatenate(Xs).astype(np.uint8), np.concatenate(ys)
