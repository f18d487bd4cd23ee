#!/usr/bin/env python3
"""Parquet fixtures written by a real writer, pyarrow, one per codec users meet: zstd (Polars'
default), gzip (Spark, pandas' option), brotli, lz4 (raw) and snappy, plus codecs.parquet.json, the
values they hold (every file holds the same table). Dictionary-encoded text, nulls and two row
groups of the same data in every file.

pyarrow is not a Debian package here; a virtual environment from the wheel works:
  python3 -m venv /tmp/pa && /tmp/pa/bin/pip install --no-index /opt/pypi/files/pyarrow-*.whl
  /tmp/pa/bin/python scripts/references/parquet_codecs.py
"""
import json
import os

import pyarrow as pa
import pyarrow.parquet as pq

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "..", "test", "fixtures", "data")
CODECS = ["zstd", "gzip", "brotli", "lz4", "snappy"]

rows = 300
amount = [None if i % 17 == 0 else round((i * 37 % 1000) / 8 - 40, 3) for i in range(rows)]
country = [None if i % 23 == 0 else ["DE", "FR", "PL", "ES"][i * 7 % 4] for i in range(rows)]
label = [i * 13 % 5 % 2 for i in range(rows)]
table = pa.table({
    "amount": pa.array(amount, pa.float64()),
    "country": pa.array(country, pa.string()),
    "label": pa.array(label, pa.int32()),
})

for codec in CODECS:
    pq.write_table(table, os.path.join(FIXTURES, f"codec-{codec}.parquet"), compression=codec, row_group_size=rows // 2, use_dictionary=["country"])
    written = {c["compression"] for g in range(2) for c in pq.ParquetFile(os.path.join(FIXTURES, f"codec-{codec}.parquet")).metadata.row_group(g).to_dict()["columns"]}
    assert written == {codec.upper() if codec != "lz4" else "LZ4"}, written

expected = {
    "writer": f"pyarrow {pa.__version__}",
    "codecs": CODECS,
    "rowCount": rows,
    "columns": [
        {"name": "amount", "kind": "numeric", "values": amount},
        {"name": "country", "kind": "categorical", "values": country},
        {"name": "label", "kind": "numeric", "values": label},
    ],
}
with open(os.path.join(FIXTURES, "codecs.parquet.json"), "w") as out:
    json.dump(expected, out, indent=1)
    out.write("\n")
