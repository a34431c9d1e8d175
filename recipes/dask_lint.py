# SPDX-License-Identifier: EUPL-1.2
"""dask_lint.py: twohats over JSON Lines files on a Dask cluster.

A dask.bag reads the files as lines, in partitions of whole records; each partition is
piped through `twohats -j1 --format jsonl -` on a worker, and the findings come back as
dicts, one a finding (or a bad record, with "error").  The machines of the cluster need
twohats installed.  Give every record an "id" field: a record without one is named by
its line, which counts from the start of its partition.

    python3 recipes/dask_lint.py --scheduler tcp://HOST:8786 posts/*.jsonl > findings.jsonl
    python3 recipes/dask_lint.py --local 2 posts.jsonl > findings.jsonl   (a local cluster)

Debian: python3-distributed.
"""
import argparse
import json
import os
import subprocess
import sys


def lint_partition(lines, twohats="twohats", name="records.jsonl", args=()):
    """The findings of one partition's records, as dicts; twohats status 3 raises."""
    data = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
    run = subprocess.run([twohats, "-j1", "--format", "jsonl", "--stdin-filename", name,
                          *args, "-"], input=data.encode(), capture_output=True, check=False)
    if run.returncode > 2:
        raise RuntimeError("twohats failed (%d): %s" % (run.returncode, run.stderr.decode()))
    return [json.loads(line) for line in run.stdout.decode().splitlines()]


def findings(client, paths, twohats="twohats", blocksize="16MiB", args=()):
    """The findings of the JSON Lines files `paths`, in file and record order."""
    import dask.bag as db
    bags = [db.read_text(path, blocksize=blocksize)
            .map_partitions(lint_partition, twohats, os.path.basename(path), args)
            for path in paths]
    return [f for bag in bags for f in client.compute(bag).result()]


def main():
    parser = argparse.ArgumentParser(description="twohats over JSON Lines on Dask")
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--scheduler", help="the address of a running scheduler")
    where.add_argument("--local", type=int, metavar="N", help="a local cluster of N workers")
    parser.add_argument("--twohats", default="twohats", help="the twohats program")
    parser.add_argument("--blocksize", default="16MiB", help="bytes a partition")
    parser.add_argument("paths", nargs="+")
    opts = parser.parse_args()
    from dask.distributed import Client, LocalCluster
    cluster = LocalCluster(n_workers=opts.local, threads_per_worker=1,
                           dashboard_address=None) if opts.local else None
    with Client(cluster or opts.scheduler) as client:
        found = findings(client, opts.paths, opts.twohats, opts.blocksize)
    if cluster:
        cluster.close()
    for f in found:
        sys.stdout.write(json.dumps(f, ensure_ascii=False, separators=(",", ":")) + "\n")
    # as twohats' own status at the default --fail-level warning
    if any("error" in f for f in found):
        return 2
    return 1 if any(f.get("severity") in ("warning", "error") for f in found) else 0


if __name__ == "__main__":
    sys.exit(main())
