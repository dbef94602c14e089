"""The peers SegmentBeam's scoring is compared with, on the scenario `bench` writes.

Reads the scenario `java -jar target/segmentbeam.jar bench` left in its work folder (the compact
model, the 500 Item-Affinity queries, the Users dataset whose held-out users the filter removes)
and times, on the same machine, the exact top-`numResults` search of each query's item vector
among the users the filter keeps:

- FAISS's exact inner-product index (IndexFlatIP), given only the kept users;
- numpy: a blocked matrix product (sgemm) with argpartition, the kept users only.

Each tool is timed once after a warm-up query; FAISS's top sets are compared with the users in the
bench job's .out file, line by line.

Usage (Debian's python3-faiss and python3-numpy; without FAISS, numpy alone is timed):
  /usr/bin/python3 src/bench/python/peers.py [target/bench]
"""
import glob
import json
import os
import struct
import sys
import time

import numpy as np

try:
    import faiss
except ImportError:  # numpy alone can still be timed, e.g. with another Python's numpy
    faiss = None

NUM_RESULTS = 1000
BLOCK = 1 << 16


def read_sbf(path):
    """A compact factor file: SBF1, rows and dimensions, each id's length and bytes, the floats."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"SBF1":
        raise SystemExit(f"{path}: not a SegmentBeam factor file")
    rows, dims = struct.unpack_from("<ii", data, 4)
    at, ids = 12, []
    for _ in range(rows):
        (length,) = struct.unpack_from("<i", data, at)
        ids.append(data[at + 4:at + 4 + length].decode())
        at += 4 + length
    vectors = np.frombuffer(data, dtype="<f4", count=rows * dims, offset=at).reshape(rows, dims)
    return ids, vectors


def main(work):
    user_ids, users = read_sbf(os.path.join(work, "model", "user-factors.sbf"))
    item_ids, items = read_sbf(os.path.join(work, "model", "item-factors.sbf"))
    item_index = {item: i for i, item in enumerate(item_ids)}
    with open(os.path.join(work, "input", "queries.json")) as f:
        queries = np.stack([items[item_index[json.loads(line)["itemId"]]] for line in f if line.strip()])
    with open(os.path.join(work, "datasets", "users.csv")) as f:
        next(f)
        kept = np.array([line.rstrip("\n").endswith(",kept") for line in f])
    kept_users = np.ascontiguousarray(users[kept])
    kept_ids = np.array(user_ids)[kept]
    threads = os.cpu_count()
    print(f"scenario  {len(user_ids):,} users x {users.shape[1]} factors, {len(queries)} queries, top "
          f"{NUM_RESULTS:,} of the {len(kept_users):,} users the filter keeps; {threads} cores")

    found = None
    if faiss is not None:
        faiss.omp_set_num_threads(threads)
        index = faiss.IndexFlatIP(users.shape[1])
        index.add(kept_users)
        index.search(queries[:1], NUM_RESULTS)
        start = time.perf_counter()
        _, found = index.search(queries, NUM_RESULTS)
        faiss_seconds = time.perf_counter() - start
        print(f"faiss     {faiss_seconds:.2f} s (IndexFlatIP {faiss.__version__}, exact inner product, "
              f"{threads} threads)")

    start = time.perf_counter()
    best_scores = np.full((len(queries), 0), -np.inf, dtype=np.float32)
    best_users = np.zeros((len(queries), 0), dtype=np.int64)
    for first in range(0, len(kept_users), BLOCK):
        scores = queries @ kept_users[first:first + BLOCK].T
        both_scores = np.concatenate([best_scores, scores], axis=1)
        both_users = np.concatenate(
            [best_users, np.broadcast_to(np.arange(first, first + scores.shape[1]), scores.shape)], axis=1)
        keep = min(NUM_RESULTS, both_scores.shape[1])
        top = np.argpartition(-both_scores, keep - 1, axis=1)[:, :keep]
        best_scores = np.take_along_axis(both_scores, top, axis=1)
        best_users = np.take_along_axis(both_users, top, axis=1)
    numpy_seconds = time.perf_counter() - start
    print(f"numpy     {numpy_seconds:.2f} s (numpy {np.__version__}, blocked sgemm of {BLOCK:,} users with "
          f"argpartition)")

    outputs = sorted(glob.glob(os.path.join(work, "output-*", "queries.json.out")))
    if outputs and found is not None:
        with open(outputs[-1]) as f:
            lines = [json.loads(line)["output"]["usersList"] for line in f]
        same = sum(set(kept_ids[found[q]]) == set(lines[q]) for q in range(len(queries)))
        print(f"agreement FAISS's top sets equal the bench job's for {same} of {len(queries)} queries")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "target/bench")
