"""The Ray Data job gives the same records as the single-process pipeline."""

import json

import pytest

import vigie
from vigie.article import Article

ray = pytest.importorskip("ray")
TEXTS = {
    "r1": "Des hommes armés ont attaqué mardi un convoi près de Gao, tuant cinq soldats maliens.",
    "r2": "Le ministre a rencontré jeudi son homologue à Dakar pour parler de la sécurité.",
    "r3": "« Nous ne reculerons pas », a déclaré le porte-parole du gouvernement lors d'un "
          "point presse.",
}


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, ignore_reinit_error=True)
    yield
    ray.shutdown()


@pytest.mark.slow
def test_scale_ray_job_equals_single_process(tmp_path, nlp, local_ray):
    from vigie.scale.ray_job import row_record, run

    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps({"id": k, "text": v, "published": "2023-05-02"})
                                for k, v in TEXTS.items()), encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'v.db'}"
    assert run(str(source), str(tmp_path / "out"), actors=2, batch_size=2, db=db) == 3
    import pyarrow.parquet as pq

    got = {r.doc_id: r for r in map(row_record, pq.read_table(tmp_path / "out").to_pylist())}
    articles = [Article(text=v, id=k, published="2023-05-02") for k, v in TEXTS.items()]
    expected = {r.doc_id: r for r in vigie.extract_many(articles, nlp=nlp)}
    assert got == expected
    from vigie.store import Store

    with Store(db) as store:  # --db: the same records are in the store
        assert store.count("documents") == 3
        assert store.count("quotes") == sum(len(r.quotes) for r in expected.values())


@pytest.mark.slow
def test_scale_reads_text_folders_like_extract(tmp_path, local_ray):
    from vigie.scale.ray_job import read_articles

    (tmp_path / "a.txt").write_text("Un titre\n\nLe texte de l'article.\n", encoding="utf-8")
    [row] = read_articles(str(tmp_path)).take_all()
    assert (row["id"], row["title"], row["text"]) == ("a", "Un titre", "Le texte de l'article.")
