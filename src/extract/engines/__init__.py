"""Engines that run the pipeline: `local` (this machine, see `extract.run`) and `dask`.

`shards` cuts the input into deterministic shards that any engine can hand to
its workers; `dask` runs one task per shard on a Dask cluster.
"""
