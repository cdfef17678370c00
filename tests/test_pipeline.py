import vigie
from vigie.stages import STAGES


def test_pipeline_pipe_names(nlp):
    assert nlp.pipe_names[-len(STAGES):] == STAGES


def test_pipeline_analyze_has_no_problems(nlp):
    analysis = nlp.analyze_pipes()
    assert all(not problems for problems in analysis["problems"].values())


def test_pipeline_every_offset_points_at_its_words(sample_record):
    text = sample_record.text
    for actor in sample_record.actors:
        assert all(text[s:e] for s, e in actor.mentions)
    for place in sample_record.places:
        assert all(text[s:e] for s, e in place.mentions)
    for time in sample_record.times:
        assert text[time.start:time.end] == time.text
    for quote in sample_record.quotes:
        assert text[quote.start:quote.end] == quote.text
    for figure in sample_record.figures:
        assert 0 <= figure.start < figure.end <= len(text)
    for event in sample_record.events:
        assert 0 <= event.start < event.end <= len(text)


def test_pipeline_extract_many_keeps_order(nlp):
    texts = ["Le président a parlé à Paris.", "Des manifestants ont défilé à Lyon."]
    records = list(vigie.extract_many(texts, nlp=nlp))
    assert [r.text for r in records] == texts


def test_pipeline_model_layers_multiply_with_numpy(nlp):
    for name in ("tok2vec", "ner"):
        assert {type(node.ops).__name__ for node in nlp.get_pipe(name).model.walk()} == {"NumpyOps"}
        assert all(not node.ops.use_blis for node in nlp.get_pipe(name).model.walk())


def test_pipeline_blas_runs_on_one_thread(nlp):
    from threadpoolctl import threadpool_info

    assert {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"} == {1}


def test_pipeline_text_of_caches_the_doc_text(nlp):
    from vigie.stages.common import text_of

    doc = nlp.make_doc("L'armée a quitté Goma.  Les habitants sont rentrés.")
    assert text_of(doc) == doc.text
    assert text_of(doc) is text_of(doc)


def test_pipeline_column_is_the_token_attribute_cached(nlp):
    from spacy.attrs import IDX, LIKE_NUM

    from vigie.stages.common import column

    doc = nlp.make_doc("Trois soldats, puis 12 civils.")
    assert column(doc, IDX) == [0, 6, 13, 15, 20, 23, 29]
    assert column(doc, LIKE_NUM) == [1, 0, 0, 0, 1, 0, 0]
    assert column(doc, IDX) is column(doc, IDX)


def test_pipeline_make_doc_remembers_the_exact_text(nlp):
    from vigie.article import Article
    from vigie.stages.common import text_of

    text = "Titre\r\n\n  L'armée\ta quitté Goma…  « Non » ,dit-il. \u00a0Fin.\n\n"
    doc = vigie.pipeline.make_doc(nlp, Article(text=text))
    assert text_of(doc) == doc.text == text


def test_pipeline_extract_many_in_two_processes_gives_the_same_records(nlp):
    texts = ["L'armée a bombardé Alep mardi.", "Le ministre a déclaré : « Nous négocierons. »"] * 3
    one = [r.to_json() for r in vigie.extract_many(texts, nlp=nlp, batch_size=2)]
    two = [r.to_json() for r in vigie.extract_many(texts, nlp=nlp, n_process=2, batch_size=2)]
    assert two == one
