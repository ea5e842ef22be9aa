"""Named errors. The CLI turns each into one line on stderr and an exit code.

The library's messages name its keyword arguments (`n_process must be at least
1`), not the command's flags: an error about an argument gives its name as
`option` and its message as a template, where `{n_process}` stands for that
argument and `{engine=dask}` for it given that value. `str(error)` writes them
as Python keywords (`n_process`, `engine='dask'`); the CLI writes the same
template with its flags (`--n-process`, `--engine dask`), see `render`. The
template's other fields are filled, as given, from the keyword `values`
(paths and other user text, never parsed as a template). An error without
`option` is plain text.
"""

from __future__ import annotations

from collections.abc import Callable

# How a template writes an argument: name and the value it was given (or None).
NameForm = Callable[[str, "str | None"], str]


def keyword(name: str, value: str | None = None) -> str:
    """An argument as the library API spells it: `n_process`, `engine='dask'`."""
    return name if value is None else f"{name}={value!r}"


class _Fields(dict):
    def __init__(self, values: dict, form: NameForm):
        super().__init__(values)
        self.form = form

    def __missing__(self, field: str) -> str:
        name, eq, value = field.partition("=")
        return self.form(name, value if eq else None)


class ExtractError(Exception):
    """Base class of the errors `extract` raises on purpose."""

    def __init__(self, message: str = "", *, option: str | None = None, **values):
        self.template = message
        self.option = option  # the keyword argument the error is about, if any
        self.values = values
        super().__init__(self.render(keyword))

    def render(self, form: NameForm) -> str:
        """The message with each argument written by `form` (the CLI passes its flag form)."""
        if self.option is None:
            return self.template
        return self.template.format_map(_Fields(self.values, form))

    def __reduce__(self):  # pickled across processes with its template, not only its text
        return (_rebuild, (type(self), self.template, self.option, self.values))


def _rebuild(cls, template, option, values):
    return cls(template, option=option, **values)


class UsageError(ExtractError):
    """The call was wrong: a missing input, a bad argument, an unusable `out` folder (exit 2)."""


class OutputError(ExtractError):
    """The tables could not be written (a full disk, a write failure) (exit 1)."""


class InputError(ExtractError):
    """One input record cannot be read; it becomes a `documents` row with status `error`."""


class SchemaError(ExtractError):
    """A table does not have the columns and types the schema gives."""
