"""`python -m extract`: the same command as `extract`."""

from extract.cli import app

app(prog_name="extract")
