"""Named errors. The CLI turns each into one line on stderr and an exit code."""


class ExtractError(Exception):
    """Base class of the errors `extract` raises on purpose."""


class UsageError(ExtractError):
    """The command was called wrongly: a missing input, a bad option, an unusable --out (exit 2)."""


class OutputError(ExtractError):
    """The tables could not be written (a full disk, a write failure) (exit 1)."""


class InputError(ExtractError):
    """One input record cannot be read; it becomes a `documents` row with status `error`."""


class SchemaError(ExtractError):
    """A table does not have the columns and types the schema gives."""
