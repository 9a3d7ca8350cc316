"""Scale-out on Dask: parsing over a Bag and a DataFrame on a LocalCluster
with worker processes gives the same rows as a local run."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

import newsents
from conftest import SEEDS

dd = pytest.importorskip("dask.dataframe")
db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")
import newsents.dask  # noqa: E402  (after the importorskips)


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            yield client


@pytest.fixture(scope="module")
def records():
    return [{"text": p.read_text(encoding="utf-8"), "id": p.stem} for p in sorted(SEEDS.glob("*.txt"))]


@pytest.fixture(scope="module")
def local(records):
    return newsents.parse_many([r["text"] for r in records], ids=[r["id"] for r in records], progress=False)


def test_bag_views_on_a_cluster_equal_the_local_views(client, records, local):
    articles = newsents.dask.parse(db.from_sequence(records, npartitions=3))
    views = newsents.dask.views(articles)
    assert list(views) == list(newsents.frames.RECORD_VIEWS)
    for name, frame in views.items():
        got = frame.compute().reset_index(drop=True)
        want = getattr(local, name)()
        pd.testing.assert_frame_equal(got, want, check_categorical=False)


def test_dataframe_text_column_on_a_cluster(client, records, local):
    frame = dd.from_pandas(pd.DataFrame(records).rename(columns={"text": "body"}), npartitions=2)
    articles = newsents.dask.parse(frame, text="body", id="id").compute()
    assert articles == list(local)
    texts_only = newsents.dask.parse(db.from_sequence([r["text"] for r in records], npartitions=2)).compute()
    assert [a.headline for a in texts_only] == [a.headline for a in local]


def test_bad_collections_are_refused():
    with pytest.raises(TypeError):
        newsents.dask.parse(["a list"])
    with pytest.raises(ValueError):
        newsents.dask.parse(dd.from_pandas(pd.DataFrame({"x": ["a"]}), npartitions=1))


def test_without_dask_the_error_names_the_extra():
    blocked = "import sys; sys.modules['dask'] = None; import newsents.dask"
    done = subprocess.run([sys.executable, "-c", blocked], capture_output=True, text=True)
    assert done.returncode == 1
    assert 'pip install "newsents[dask]"' in done.stderr and 'pip install ".[dask]"' in done.stderr
