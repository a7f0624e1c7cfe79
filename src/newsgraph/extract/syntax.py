"""Small readings of the dependency parse that several stages share."""
from __future__ import annotations

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
VERBAL = frozenset({"VERB", "AUX"})  # parts of speech that head a clause


def main_subject(sentence, inside=lambda offset: False):
    """The subject of the sentence's root, unless it stands inside quotation marks."""
    for child in sentence.root.children:
        if child.dep_ in SUBJECT_DEPS and not inside(child.idx):
            return child
    return None


def governing_verb(token):
    """The nearest verb at or above ``token``: 'published a report', 'In a statement, X said'."""
    while token.head.i != token.i and token.pos_ not in VERBAL:
        token = token.head
    return token
