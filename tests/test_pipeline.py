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
