"""The API reference: a page per public class and function of ``skratch``, from its docstring.

At the start of each build (``config-inited``, like the figure pages) this module writes

* ``book/api/index.md``: every family in the order of ``skratch.__all__``, each object
  with the first line of its docstring and a link to its page;
* ``book/api/skratch.<family>.<Name>.md``: one page per public object (the names in each
  family's ``__all__``), rendered by autodoc and numpydoc from the numpydoc docstring, with
  the link to its source on the repository. A public submodule (``skratch.nn.functional``)
  gets one page with all its functions.

``_toc.yml`` lists them with a glob, as it lists the figure pages; the files are generated,
not committed. A "See Also" entry naming scikit-learn (``sklearn.linear_model.Ridge``) links
to scikit-learn's own reference page (there is no inventory to read offline), and NumPy names
to NumPy's; any other name that does not resolve fails the build, as warnings do.

Units link here from "From scratch": ``skratch.figures.show_source`` adds the API link of the
object it shows (its class, for a method).
"""

import importlib
import inspect
from pathlib import Path

from docutils import nodes

PAGES = "book/api"
EXTERNAL = {
    "sklearn.": "https://scikit-learn.org/stable/modules/generated/{target}.html",
    "numpy.": "https://numpy.org/doc/stable/reference/generated/{target}.html",
}


def public_objects():
    """``(family, name, object, kind)`` for every public object, in the order of the package."""
    import skratch

    for family in skratch.__all__:
        module = importlib.import_module(f"skratch.{family}")
        for name in getattr(module, "__all__", []):
            obj = getattr(module, name)
            if inspect.ismodule(obj):
                kind = "module"
            elif inspect.isclass(obj):
                kind = "class"
            else:
                kind = "function"
            yield family, name, obj, kind


def summary(obj):
    """The first sentence of a docstring, for the index."""
    doc = inspect.getdoc(obj) or ""
    first = doc.strip().split("\n\n")[0].replace("\n", " ").strip()
    return first.replace("`", "")


def source_url(repo, branch, obj):
    from skratch.figures import _repository_path

    target = obj if inspect.ismodule(obj) else inspect.unwrap(obj)
    path = _repository_path(Path(inspect.getsourcefile(target)).resolve())
    return f"{repo}/blob/{branch}/{path}"


# A class page shows the methods it inherits from skratch's mixins and private bases
# (predict from LinearClassifierMixin, score from ClassifierMixin), as scikit-learn's
# pages do, but not the machinery every estimator, module or optimizer shares
# (get_params, parameters(), zero_grad): those are documented on their own pages.
# dict: Bunch (utils) is a dict; its keys(), get() ... are Python's, not ours.
INHERITED_EXCLUDED = (
    "BaseEstimator, Module, Optimizer, LRScheduler, BaseException, dict, object"
)


def object_page(family, name, obj, kind, url):
    module = f"skratch.{family}"
    directive = {
        "class": f".. autoclass:: {name}\n   :members:\n"
        f"   :inherited-members: {INHERITED_EXCLUDED}",
        "function": f".. autofunction:: {name}",
        "module": f".. automodule:: {module}.{name}\n   :members:",
    }[kind]
    heading = f"{module}.{name}" if kind == "module" else name
    return f"""# {heading}

`{module}.{name}` · [source]({url})

```{{eval-rst}}
.. currentmodule:: {module}

{directive}
```
"""


def index_page(entries):
    import skratch

    blocks = []
    by_family = {}
    for family, name, obj, kind in entries:
        by_family.setdefault(family, []).append((name, obj, kind))
    for family in skratch.__all__:
        module = importlib.import_module(f"skratch.{family}")
        lines = [f"## `skratch.{family}`", "", summary(module), ""]
        for name, obj, kind in by_family.get(family, []):
            lines.append(f"- {{doc}}`{name} <skratch.{family}.{name}>`: {summary(obj)}")
        if not by_family.get(family):
            lines.append("Nothing public of its own: see the families that use it.")
        blocks.append("\n".join(lines))
    return """# API reference

Every public class and function of the `skratch` package, family by family, in the order of
`skratch.__all__`. Names, parameters and defaults follow scikit-learn (and PyTorch for `nn` and
`optim`), so a page here reads like its twin there; each page shows the docstring, the maths
and an example that the tests run, and links to the source and to the unit that teaches it.

""" + "\n\n".join(blocks) + "\n"


def _write_if_changed(path, text):
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def generate(app, config):
    """config-inited: write the API pages before the table of contents is read."""
    root = Path(app.srcdir)
    pages = root / PAGES
    pages.mkdir(parents=True, exist_ok=True)
    repo = config.html_theme_options.get("repository_url", "").rstrip("/")
    branch = config.html_theme_options.get("repository_branch", "main")
    entries = list(public_objects())
    names = set()
    for family, name, obj, kind in entries:
        stem = f"skratch.{family}.{name}"
        names.add(stem)
        _write_if_changed(pages / f"{stem}.md", object_page(family, name, obj, kind, source_url(repo, branch, obj)))
    _write_if_changed(pages / "index.md", index_page(entries))
    for stale in pages.glob("skratch.*.md"):
        if stale.stem not in names:
            stale.unlink()


def external_reference(app, env, node, contnode):
    """missing-reference: scikit-learn and NumPy names in "See Also" link to their references."""
    if node.get("refdomain") != "py":
        return None
    target = node.get("reftarget", "")
    for prefix, pattern in EXTERNAL.items():
        if target.startswith(prefix):
            reference = nodes.reference("", "", internal=False, refuri=pattern.format(target=target))
            reference += contnode
            return reference
    return None


def configure(app, config):
    """config-inited: numpydoc renders the docstrings; class pages list their own methods."""
    config.numpydoc_show_class_members = False  # autodoc's :members: documents them in full
    config.numpydoc_xref_param_type = False  # "ndarray of shape (n, p)" is prose, not a link
    config.autodoc_typehints = "none"  # the docstrings give the types
    config.autodoc_member_order = "bysource"


def setup(app):
    app.setup_extension("sphinx.ext.autodoc")
    app.setup_extension("numpydoc")
    app.connect("config-inited", configure, priority=140)
    app.connect("config-inited", generate, priority=150)
    app.connect("missing-reference", external_reference)
