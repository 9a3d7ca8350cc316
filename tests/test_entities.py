"""Named entities: the shipped tagger against gold data, training, model
loading, user gazetteers and label refinement."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsents
from conftest import SHARED, gold_files, load_gold
from newsents.cli import main

CONLL = SHARED / "data" / "conll2003"
GOLD_FILES = gold_files()

TINY_TRAIN = """-DOCSTART- -X- O O

Alice NNP B-PER
visited VBD O
Paris NNP B-LOC
. . O

Bob NNP B-PER
left VBD O
Rome NNP B-LOC
. . O

Alice NNP B-PER
and CC O
Bob NNP B-PER
met VBD O
in IN O
Rome NNP B-LOC
. . O
"""


def entity_scores(articles, gold_paths):
    """Document-level entity precision, recall and F1: a gold entity is found
    when a predicted entity with the same label shares an alias with it."""
    found = gold_total = correct = predicted_total = 0
    for path in gold_paths:
        gold = load_gold(path)["entities"]
        predicted = articles[path.stem].entities

        def same(p, g):
            return p["label"] == g["label"] and set(p["aliases"]) & set(g["aliases"])

        found += sum(any(same(p, g) for p in predicted) for g in gold)
        gold_total += len(gold)
        correct += sum(any(same(p, g) for g in gold) for p in predicted)
        predicted_total += len(predicted)
    precision, recall = correct / predicted_total, found / gold_total
    return precision, recall, 2 * precision * recall / (precision + recall)


@pytest.mark.skipif(not GOLD_FILES, reason="../shared/gold is not beside the repo")
def test_seed_entity_f1_against_gold(seed_articles):
    precision, recall, f1 = entity_scores(seed_articles, GOLD_FILES)
    print(f"seed entities: P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")
    assert f1 >= 0.946


PLACES = ["Kyiv", "Luhansk", "Kharkiv", "Zaporizhzhia", "Crimea", "Mariupol"]


def test_places_spacy_gets_wrong_are_never_people_or_organisations(seed_articles):
    for article in seed_articles.values():
        for mention in article.mentions:
            if mention["text"] in PLACES:
                assert mention["label"] not in ("PERSON", "ORG"), (article.id, mention)
            if mention["text"] == "Blinken":
                assert mention["label"] == "PERSON"
            assert "hypersonic" not in mention["text"]


def test_mentions_point_into_the_text_and_exclude_titles_and_possessives(seed_articles):
    article = seed_articles["001_8198d089bb7464af"]
    for mention in article.mentions:
        assert article.text[mention["start"]:mention["end"]] == mention["text"]
        assert not mention["text"].endswith(("’s", "'s"))
        assert not mention["text"].startswith(("President ", "Prime Minister "))
    texts = {m["text"] for m in article.mentions}
    assert {"Vladimir Putin", "Naftali Bennett", "Volodymyr Zelensky", "Sergei Lavrov"} <= texts
    entity_ids = {m["entity"] for m in article.mentions}
    assert entity_ids == {e["id"] for e in article.entities}


def test_refinement_into_ontonotes_labels():
    article = newsents.parse(
        "Russia said on Monday that Ukrainian forces had shelled the Zaporizhzhia Nuclear Power Plant "
        "near the Black Sea, as the Kremlin and NATO traded blame across Europe."
    )
    labels = {m["text"]: m["label"] for m in article.mentions}
    assert labels["Russia"] == "GPE"
    assert labels["Ukrainian"] == "NORP"
    assert labels["Zaporizhzhia Nuclear Power Plant"] == "FAC"
    assert labels["Black Sea"] == "LOC"
    assert labels["Kremlin"] == "ORG"
    assert labels["NATO"] == "ORG"
    assert labels["Europe"] == "LOC"


def test_numbers_in_names_stay_in_the_names():
    article = newsents.parse(
        "Headline\n\nLeaders of the Group of Seven backed the Second Amendment, said the 82nd Airborne Division, "
        "ranked No. 1 near Chasiv Yar."
    )
    labels = {m.text: m.label for m in article.mentions}
    assert labels["Group of Seven"] == "ORG"
    assert labels["Second Amendment"] == "LAW"
    assert labels["82nd Airborne Division"] == "ORG"
    assert labels["Chasiv Yar"] == "GPE"
    dates = newsents.parse("Headline\n\nThe Arab Spring and the Good Friday Agreement came up at the Supreme Court Tuesday.",
                           published="2016-04-07")
    labels = {m.text: m.label for m in dates.mentions}
    assert labels["Arab Spring"] == "EVENT" and labels["Good Friday Agreement"] == "LAW"
    assert [t.text for t in dates.temporal] == ["Tuesday"]
    # A counter and its number is a number, no name.
    assert "No. 1" not in labels and "1" in {q.text for q in article.quantities}


def test_user_entities_from_a_dict_and_from_files(tmp_path):
    text = "The Wagner Group said its fighters used hypersonic missiles near Bakhmut."
    by_dict = newsents.parse(text, entities={"Wagner Group": "ORG", "hypersonic missiles": "PRODUCT"})
    assert {(m["text"], m["label"]) for m in by_dict.mentions} >= {("Wagner Group", "ORG"), ("hypersonic missiles", "PRODUCT")}
    jsonl = tmp_path / "patterns.jsonl"
    jsonl.write_text(json.dumps({"label": "PRODUCT", "pattern": "hypersonic missiles"}) + "\n", encoding="utf-8")
    tsv = tmp_path / "patterns.tsv"
    tsv.write_text("hypersonic missiles\tPRODUCT\n", encoding="utf-8")
    for patterns in (jsonl, tsv):
        article = newsents.parse(text, entities=patterns)
        assert ("hypersonic missiles", "PRODUCT") in {(m["text"], m["label"]) for m in article.mentions}
    batch = newsents.parse_many([text, text], entities={"Bakhmut": "GPE"})
    assert all(("Bakhmut", "GPE") in {(m["text"], m["label"]) for m in a.mentions} for a in batch)
    with pytest.raises(TypeError):
        newsents.parse(text, entities={"Wagner Group": 1})
    with pytest.raises(ValueError, match="newsents names it PERSON"):
        newsents.parse(text, entities={"Wagner Group": "PER"})
    with pytest.raises(ValueError, match="in capitals"):
        newsents.parse(text, entities={"Wagner Group": "mercenaries"})
    own = newsents.parse(text, entities={"hypersonic missiles": "WEAPON"})
    assert ("hypersonic missiles", "WEAPON") in {(m.text, m.label) for m in own.mentions}


def test_a_tiny_corpus_trains_and_its_model_loads(tmp_path):
    train = tmp_path / "tiny.conll"
    train.write_text(TINY_TRAIN, encoding="utf-8")
    model = tmp_path / "tiny.model"
    log = newsents.train(train, model, dev=train, epochs=8, bits=12, seed=3)
    assert len(log) == 8 and "dev F1 100.00" in log[-1]
    again = tmp_path / "again.model"
    newsents.train(train, again, dev=train, epochs=8, bits=12, seed=3)
    assert again.read_bytes() == model.read_bytes()
    article = newsents.parse("Alice and Bob visited Rome.", model=model)
    assert {(m["text"], m["label"]) for m in article.mentions} == {("Alice", "PERSON"), ("Bob", "PERSON"), ("Rome", "GPE")}


def test_bad_models_raise_clear_errors(tmp_path):
    bad = tmp_path / "bad.model"
    bad.write_bytes(b"not a model")
    with pytest.raises(ValueError, match="not a newsents tagger model"):
        newsents.parse("Text.", model=bad)
    with pytest.raises(FileNotFoundError, match="no model file at"):
        newsents.parse("Text.", model=tmp_path / "missing.model")
    with pytest.raises(ValueError, match="no entity tags"):
        empty = tmp_path / "empty.conll"
        empty.write_text("a O\nb O\n", encoding="utf-8")
        newsents.train(empty, tmp_path / "x.model")


def test_conll_command_keeps_tokens_and_adds_a_column(tmp_path, capsys):
    train = tmp_path / "tiny.conll"
    train.write_text(TINY_TRAIN, encoding="utf-8")
    out = tmp_path / "pred.conll"
    assert main(["conll", str(train), "--output", str(out)]) == 0
    lines_in = train.read_text(encoding="utf-8").splitlines()
    lines_out = out.read_text(encoding="utf-8").splitlines()
    assert len(lines_in) == len(lines_out)
    for a, b in zip(lines_in, lines_out):
        if a.strip() and not a.startswith("-DOCSTART-"):
            assert b.startswith(a + " ") and b.split()[-1].split("-")[-1] in ("O", "PER", "LOC", "ORG", "MISC")
    assert "overall" in capsys.readouterr().out


@pytest.mark.skipif(not (CONLL / "eng.testa").is_file(), reason="../shared/data is not beside the repo")
def test_conll_dev_f1(capsys):
    assert main(["conll", str(CONLL / "eng.testa")]) == 0
    overall = capsys.readouterr().out.splitlines()[0]
    f1 = float(overall.split("F1")[1].split()[0])
    print(overall)
    assert f1 >= 93.0


MEANTIME = SHARED / "data" / "meantime"


@pytest.mark.skipif(not MEANTIME.is_dir(), reason="../shared/data is not beside the repo")
def test_meantime_named_entities_out_of_domain():
    """Modern Wikinews the tagger never saw, scored as scripts/eval_meantime.py
    scores it (exact span and class of named PER/ORG/LOC mentions)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    import eval_meantime

    docs = eval_meantime.load_all(SHARED)
    scores, _, _ = eval_meantime.evaluate(docs, eval_meantime.newsents_spans)
    precision, recall, f1 = scores.prf()
    print(f"MEANTIME: P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")
    assert len(docs) == 120 and sum(len(d.gold) for d in docs) == 753
    assert f1 >= 0.59


def test_training_on_several_corpora(tmp_path):
    """A second corpus with its own label names and no places marked."""
    train = tmp_path / "tiny.conll"
    train.write_text(TINY_TRAIN, encoding="utf-8")
    tweets = tmp_path / "tweets.conll"
    tweets.write_text("Carol\tB-person\nlanded\tO\nin\tO\nRome\tO\n\nDave\tB-person\nleft\tO\n", encoding="utf-8")
    model = tmp_path / "mixed.model"
    spec = {"path": tweets, "labels": {"person": "PER"}, "unmarked": ["LOC"], "weight": 2.0, "sentences_as_documents": True}
    log = newsents.train([train, spec], model, dev=train, epochs=6, bits=12, seed=3, word_dropout=0.1, margin=20)
    assert len(log) == 6
    article = newsents.parse("Carol and Bob visited Rome.", model=model)
    labels = {(m["text"], m["label"]) for m in article.mentions}
    assert {("Carol", "PERSON"), ("Rome", "GPE")} <= labels
    with pytest.raises(TypeError, match="unknown training-set keys"):
        newsents.train([{"path": train, "wieght": 2}], model)
    with pytest.raises(TypeError, match="a training file is a path"):
        newsents.train([3], model)
    with pytest.raises(ValueError, match="word_dropout"):
        newsents.train(train, model, word_dropout=1.5)
    with pytest.raises(ValueError, match="margin"):
        newsents.train(train, model, margin=-1)
