"""The sentence splitter and tokenizer on the hard cases of news text."""

from __future__ import annotations

import pytest

import newsents
from conftest import SEEDS


def sentences(text: str) -> list:
    # A headline-free body: one paragraph, every sentence of it.
    return [s.text for s in newsents.parse(text).sentences]


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Putin met Mr. Zelensky in Istanbul on Thursday.",
        "Vladimir V. Putin and George W. Bush spoke in 2001.",
        "The U.S. and its allies met in Brussels.",
        "The invasion began on Feb. 24 and has not stopped.",
        "Dr. Smith and Gen. Jones arrived at 5 p.m. on Sept. 3 with Sen. Doe.",
    ],
)
def test_honorifics_initials_and_abbreviations_do_not_end_sentences(text):
    assert sentences(text) == [text]


def test_quotes_closing_after_the_full_stop_stay_with_their_sentence():
    text = "Putin promised to “bring to trial those who perpetrated crimes.” He did not say how."
    assert sentences(text) == [
        "Putin promised to “bring to trial those who perpetrated crimes.”",
        "He did not say how.",
    ]


def test_question_inside_quotes_before_the_speaker_is_one_sentence():
    text = "“Why now?” she asked. “Because we can.”"
    assert sentences(text) == ["“Why now?” she asked.", "“Because we can.”"]


def test_abbreviation_at_the_end_of_a_sentence():
    assert sentences("He flew to the U.S. The talks began.") == ["He flew to the U.S.", "The talks began."]


def test_sentences_glued_without_a_space_in_seed_000():
    article = newsents.read(SEEDS / "000_fe5ed72b43f34f65.txt")[0]
    texts = [s.text for s in article.sentences]
    glued = [i for i, s in enumerate(texts) if s.endswith("from the agenda.”")]
    assert len(glued) == 1
    assert texts[glued[0] + 1].startswith("Two former senior Russian officials")


def test_seed_sentences_cover_the_story_and_never_split_inside_a_name():
    for article in newsents.read(SEEDS):
        for sentence in article.sentences:
            assert sentence.text == sentence.text.strip()
            assert not sentence.text.endswith(("Mr.", "Dr.", " V.", " W.", "Feb.", "Aug."))


def test_tokens_have_python_offsets():
    text = "Erdoğan’s “peace plan” cost $750 billion—more than 66%."
    tokens = [text[a:b] for a, b in newsents.tokenize(text)]
    assert tokens == ["Erdoğan", "’s", "“", "peace", "plan", "”", "cost", "$", "750", "billion", "—", "more", "than", "66", "%", "."]
