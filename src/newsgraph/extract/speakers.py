"""Who is speaking: from a cue verb to its local mention, and from there to an entity.

The local mention is the subject of the speech verb ("She added", "said a member",
"the 73-year-old wrote"). It resolves to an entity by name, by pronoun (gender and
recency, preferring the last speaker), by role ("the Labour leader" after "leader
Jeremy Corbyn") or, for a spokesperson, to the organisation spoken for. Unnamed and
generic sources ("a member") resolve to nobody.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..data import words as word_list
from ..model import Entity, Mention, SOURCE_LABELS
from .entities import is_party_name
from .people import People
from .roles import OFFICE_WORDS
from .lexicon import (FEMALE_PRONOUNS, GENERIC_DETERMINERS, GENERIC_NOUNS, INSTITUTION_NOUNS, MALE_PRONOUNS,
                      ORG_ANAPHORS, PLURAL_PRONOUNS, SINGULAR_SPOKESPERSON, SPOKESPERSON_NOUNS,
                      THING_PRONOUNS)
from .syntax import AUTHOR_DEPS, NAME_PART_DEPS, PLURAL_NOUN_TAGS, PREP_DEPS, QUANTIFIER_DEPS, SUBJECT_DEPS


@dataclass(frozen=True, slots=True)
class Source:
    """A resolved source: the entity (or None) and the local mention's offsets."""

    entity: Entity | None
    start: int
    end: int


# documents that speak for whoever issued them: "the statement said", "the party's website says"
DOCUMENT_NOUNS = word_list("speakers", "document_nouns")
FEMALE_NOUNS = word_list("speakers", "female_nouns")
MALE_NOUNS = word_list("speakers", "male_nouns")
# groups that are no one person
GROUP_SOURCES = word_list("speakers", "group_sources")
GOVERNMENT_MEMBERS = word_list("speakers", "government_members")
# words that make an office another holder's: "shadow chancellor", "former prime minister"
OTHER_HOLDER_WORDS = word_list("speakers", "other_holder_words")
# what a body or person publishes, that speaks for its author when the author is named with it
STUDY_NOUNS = word_list("speakers", "study_nouns")
AUTHOR_PREPS = word_list("speakers", "author_preps")
GOVERNMENT_WORD = "government"  # the name the body of ministers goes by, as "the government says" gives it
ORG_PRONOUNS = THING_PRONOUNS | word_list("speakers", "we")  # a body speaks of itself as "we"
# "a letter from X", "a memo by X"
WRITER_PREPS = word_list("speakers", "writer_preps")
ARTICLES = word_list("speakers", "articles")
# "a spokesman for X", "spokeswoman of X"
SPOKEN_FOR_PREPS = word_list("speakers", "spoken_for_preps")
# "the party", "the party's"
PARTY_WORDS_OWNED = word_list("speakers", "party_words_owned")
DEFINITE_DETERMINERS = word_list("speakers", "definite_determiners")
# "my friend": someone the speaker addresses
ADDRESSING_POSSESSIVES = word_list("speakers", "addressing_possessives")
# determiners that point at someone named before
POINTING_DETERMINERS = word_list("speakers", "pointing_determiners")


# records that quote what was said without being anyone's statement: "reads a telephone memo for
# Mr Heath", "the minutes show": the writer is unknown unless the phrase names one ("his letter",
# "a letter from X"); the person the record was for or about is not its source
RECORD_NOUNS = word_list("speakers", "record_nouns")


# people named by their tie to someone ("Scott's niece", "his lawyer"): the owner is not the speaker
RELATIVE_NOUNS = word_list("speakers", "relative_nouns")


class Resolver:
    """Resolves subject noun phrases to entities, remembering who spoke and acted last."""

    def __init__(self, people: People, inside=lambda offset: False, speaker_at=lambda offset: None):
        """``inside(offset)``: is the offset inside a quotation; ``speaker_at(offset)``: the entity
        whose quote covers it, so that "I" in a quote is its speaker (the events stage knows it)."""
        self.people = people
        self.inside = inside
        self.speaker_at = speaker_at
        self.spokesperson_spoke = False
        self.last_speaker: Entity | None = None
        self.last_person: Entity | None = None
        self.last_org: Entity | None = None
        self.recent: list[Entity] = []  # subjects and speakers, most recent last

    # the shared reading, under the names the rules use
    @property
    def doc(self):
        return self.people.doc

    @property
    def entities(self) -> list[Entity]:
        return self.people.entities

    @property
    def roles(self):
        return self.people.roles

    # -- salience -------------------------------------------------------------------

    def note_subject(self, entity: Entity | None) -> None:
        """Record the subject of a main clause: pronouns and roles later refer back to it."""
        if entity is None:
            return
        self.recent.append(entity)
        if entity.label == "PERSON":
            self.last_person = entity
        elif entity.label == "ORG":
            self.last_org = entity

    def last_party(self) -> Entity | None:
        """The party last spoken of, else the party the article names most."""
        for entity in reversed(self.recent):
            if entity.label == "ORG" and is_party_name(entity.name):
                return entity
        parties = [e for e in self.entities if e.label == "ORG" and is_party_name(e.name)]
        return max(parties, key=lambda e: len(e.mentions)) if parties else None

    def note_speaker(self, entity: Entity | None, mention: str = "") -> None:
        words = mention.lower().split()
        spokes = bool(words) and words[-1] in SPOKESPERSON_NOUNS
        # "a spokeswoman said ... she added": the pronoun carries the spokesperson on
        pronoun_goes_on = len(words) == 1 and words[0] in MALE_PRONOUNS | FEMALE_PRONOUNS and (
            self.spokesperson_spoke and entity is self.last_speaker)
        self.last_speaker = entity
        self.spokesperson_spoke = spokes or pronoun_goes_on
        self.note_subject(entity)

    # -- resolution -----------------------------------------------------------------

    def entity_at(self, token) -> tuple[Mention, Entity] | None:
        return self.people.entity_at(token)

    def resolve(self, head) -> Source:
        """The source that the noun phrase headed by ``head`` names."""
        span = _phrase(head)
        start, end = span[0].idx, span[-1].idx + len(span[-1].text)
        low = head.lower_
        if head.pos_ == "PRON" or low in MALE_PRONOUNS | FEMALE_PRONOUNS | PLURAL_PRONOUNS | THING_PRONOUNS:
            entity = self._subject_before(head) or self._subject_after(head) or self._pronoun(low)
            return Source(entity, head.idx, head.idx + len(head.text))
        named = self.entity_at(head)
        if named and named[1].label in SOURCE_LABELS:
            return Source(named[1], named[0].start, named[0].end)
        for child in head.children:
            # "Philippe Sands QC, a member of ...": the name before a suffix the mention leaves out
            if child.dep_ == "compound" and child.i < head.i:
                hit = self.entity_at(child)
                if hit and hit[1].label == "PERSON":
                    return Source(hit[1], hit[0].start, hit[0].end)
        for child in head.children:
            # "The programme's host, Jonathan Dimbleby, told", "spokeswoman, Eleanor Scott,"; not a
            # person named inside the apposition ("a member of Cherie Blair's Matrix Chambers")
            if child.dep_ == "appos":
                own = [t for t in self.doc[child.left_edge.i: child.i + 1] if not _in_possessive(t, child)]
                hit = self.entity_at(child)
                if not hit or hit[1].label != "PERSON":
                    hit = _first_hit(self, [t for t in own if (h := self.entity_at(t)) and h[1].label == "PERSON"])
                if hit and hit[1].label == "PERSON":
                    return Source(hit[1], hit[0].start, hit[0].end)
        if head.lemma_.lower() in STUDY_NOUNS and head.pos_ == "NOUN":
            # "University College London research claims", "a report by the Institute for Fiscal
            # Studies says", "the research, carried out by professor Richard Allsop, says": its author;
            # a report whose author its phrase does not name speaks for no one known
            return Source(self.author(head), start, end)
        if low in RECORD_NOUNS and head.pos_ == "NOUN":
            writer = [c for c in head.children if c.dep_ == "poss"] + [
                g for c in head.children if c.dep_ == "prep" and c.lower_ in WRITER_PREPS for g in c.children
                if g.dep_ == "pobj"]
            hit = self.entity_at(writer[0]) if writer and writer[0].pos_ == "PROPN" else None
            if writer and writer[0].pos_ == "PRON":
                return Source(self._subject_before(writer[0]) or self._pronoun(writer[0].lower_), start, end)
            return Source(hit[1] if hit else None, start, end)
        if low in DOCUMENT_NOUNS:
            # "the statement said": the body that issued it (named in the phrase, else the last
            # organisation that spoke or acted), never a person nearby
            inside = next((hit for t in span if (hit := self.entity_at(t)) and hit[1].label == "ORG"), None)
            if inside is not None:
                return Source(inside[1], start, end)
            spoke = self.last_speaker if self.last_speaker is not None and self.last_speaker.label == "ORG" else None
            return Source(spoke or self.last_org, start, end)
        spokesperson = [t for t in head.subtree if t.lower_ in SPOKESPERSON_NOUNS and t.i > head.i]
        if spokesperson and head.pos_ == "PROPN":
            # "A Department for Work and Pensions spokeswoman": NER missed the body's name
            noun = spokesperson[0]
            end = noun.idx + len(noun.text)
            return Source(self._spoken_for(noun, self.doc[head.i: noun.i + 1]) or self._body_name(head, noun),
                          start, end)
        if low in SPOKESPERSON_NOUNS:
            # a spokesperson speaks for the body under discussion; unnamed officials for nobody
            fallback = (self.last_org or self._org_before(head)) if low in SINGULAR_SPOKESPERSON else None
            return Source(self._spoken_for(head, span) or fallback, start, end)
        if head.pos_ == "NOUN" and low in SPOKESPERSON_NOUNS | GENERIC_NOUNS | GROUP_SOURCES:
            # "the MPs who make up the Work and Pensions Committee" speak for it
            for token in head.subtree:
                hit = self.entity_at(token)
                if token.i > head.i and hit and hit[1].label == "ORG":
                    return Source(hit[1], start, end)
        named = self._named(span, head)
        if named is not None:
            mention, entity = named
            return Source(entity, mention.start, mention.end)
        if low in GOVERNMENT_MEMBERS and not any(t.i != head.i and t.is_title and t.lower_ != GOVERNMENT_WORD
                                                 for t in span):
            # "Ministers say": unnamed officials of a government speak for it (GUIDELINES); "Scottish
            # ministers", "Labour ministers" name whose they are, which is left to no one
            return Source(self._government(), start, end)
        if low in INSTITUTION_NOUNS:
            return Source(self._institution(head, span), start, end)
        if self._generic(head, span):
            return Source(None, start, end)
        return Source(self._role(head, span), start, end)

    def author(self, noun) -> Entity | None:
        """Who a study or report is by, as its own phrase names them: a body or person compounded
        before it or owning it, or the object of a 'by' in it ('carried out by X', 'by X')."""
        named = [child for child in noun.children if child.dep_ in AUTHOR_DEPS] + [
            target for token in noun.subtree if token.dep_ in PREP_DEPS and token.lower_ in AUTHOR_PREPS
            for target in token.children]
        for phrase in named:
            hit = next(filter(None, map(self.entity_at, phrase.subtree)), None)
            if hit and hit[1].label in SOURCE_LABELS:
                return hit[1]
        return None

    def _government(self) -> Entity:
        """The government the article names ("the UK government"; not the "Local Government Association"),
        else 'government'."""
        for entity in self.entities:
            if entity.label == "ORG" and entity.name.lower().split()[-1:] == [GOVERNMENT_WORD]:
                return entity
        return Entity(-1, GOVERNMENT_WORD, "ORG")

    def _institution(self, head, span) -> Entity | None:
        """'Police', 'the government': the named body of that kind, else the phrase itself."""
        low = head.lower_
        for entity in reversed(self.recent + [e for e in self.entities if e.label == "ORG"]):
            if entity.label == "ORG" and low in entity.name.lower().split():
                return entity
        words = [t.text for t in span if t.lower_ not in ARTICLES and t.dep_ != "poss"]
        name = " ".join(words) or head.text
        return Entity(-1, name, "ORG")

    def _named(self, span, head) -> tuple[Mention, Entity] | None:
        hit = self.entity_at(head)
        if hit and hit[1].label in SOURCE_LABELS:
            return hit
        # the head may be a role word before a name ("chair Mike Katz"): take a person inside, but
        # not an owner ("Scott's niece, Marcia Price" is not Scott; spokespeople are read before this)
        for token in span:
            hit = self.entity_at(token)
            if hit and hit[1].label == "PERSON" and not (
                    head.lemma_.lower() in RELATIVE_NOUNS and _in_possessive(token, head)):
                return hit
        for token in span:
            hit = self.entity_at(token)
            if hit and hit[1].label == "ORG" and token.i == head.i:
                return hit
        return None

    def _subject_before(self, pronoun) -> Entity | None:
        """'When Livingstone was asked ..., he responded': a subject earlier in the sentence."""
        if pronoun.lower_ not in MALE_PRONOUNS | FEMALE_PRONOUNS:
            return None
        gender = "m" if pronoun.lower_ in MALE_PRONOUNS else "f"
        before = list(pronoun.sent)[: pronoun.i - pronoun.sent.start]
        for token in reversed(before):
            if token.dep_ in SUBJECT_DEPS and not self.inside(token.idx):
                hit = self.entity_at(token)
                if hit and hit[1].label == "PERSON" and hit[1].gender in (gender, None):
                    return hit[1]
                if pronoun.dep_ == "poss" and token.lower_ in (MALE_PRONOUNS if gender == "m" else FEMALE_PRONOUNS):
                    # "he had misgivings under President Obama at the time of his retirement": his is he
                    return self._subject_before(token) or self._pronoun(token.lower_)
        if pronoun.dep_ == "poss":
            # "a problem for Charles Clarke on his first day": a possessive refers back to the one person
            # of its gender the sentence has named before it
            hits = [hit[1] for token in before if not self.inside(token.idx) and (hit := self.entity_at(token))]
            named = {one.id: one for one in hits if one.label == "PERSON" and one.gender in (gender, None)}
            if len(named) == 1:
                return next(iter(named.values()))
        return None

    def _subject_after(self, pronoun) -> Entity | None:
        """'Before he resigned the position, David Blunkett had been ...': the subject of a clause set
        before its main clause is the main clause's subject, named after it."""
        if pronoun.lower_ not in MALE_PRONOUNS | FEMALE_PRONOUNS or pronoun.dep_ not in SUBJECT_DEPS:
            return None
        clause, main = pronoun.head, pronoun.head.head
        if clause.dep_ != "advcl" or main.i < clause.i or not any(c.dep_ == "mark" for c in clause.children):
            return None
        gender = "m" if pronoun.lower_ in MALE_PRONOUNS else "f"
        for subject in (c for c in main.children if c.dep_ in SUBJECT_DEPS and c.i > clause.i):
            hit = self.entity_at(subject)
            if hit and hit[1].label == "PERSON" and hit[1].gender in (gender, None) and not self.inside(subject.idx):
                return hit[1]
        return None

    def _org_before(self, head) -> Entity | None:
        """The organisation named last before ``head`` in its sentence ("suspended by Labour, a spokeswoman said")."""
        for token in reversed(list(head.sent)[: head.i - head.sent.start]):
            hit = self.entity_at(token)
            if hit and hit[1].label == "ORG":
                return hit[1]
        return None

    def _body_name(self, head, noun) -> Entity:
        words = [t.text for t in self.doc[head.i: noun.i] if t.pos_ != "DET"]
        return Entity(-1, " ".join(words), "ORG")

    def _pronoun(self, low: str) -> Entity | None:
        if low in MALE_PRONOUNS | FEMALE_PRONOUNS:
            gender = "m" if low in MALE_PRONOUNS else "f"
            if self.spokesperson_spoke and self.last_speaker is not None and self.recent and (
                    self.recent[-1] is self.last_speaker):
                return self.last_speaker  # "a spokeswoman confirmed ... she said"
            # the last one noted if the gender fits; else someone known to be of that gender
            people = [c for c in self.recent[-8:] if c.label == "PERSON"]
            if people and people[-1].gender in (gender, None):
                return people[-1]
            for accepted in ((gender,), (gender, None)):
                for candidate in reversed(self.recent[-8:]):
                    if candidate.label == "PERSON" and candidate.gender in accepted:
                        return candidate
            return None
        if low in PLURAL_PRONOUNS | THING_PRONOUNS:
            if self.recent and self.recent[-1].label == "ORG":
                return self.recent[-1]  # "The Tories said ... what they describe as ..."
            if self.last_speaker is not None and self.last_speaker.label == "ORG":
                return self.last_speaker
            return self.last_org if low in ORG_PRONOUNS else None
        return None

    def _spoken_for(self, head, span) -> Entity | None:
        # "a spokesman for Michael Howard", "a Labour spokeswoman", "the party's spokesman"
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in SPOKEN_FOR_PREPS:
                for obj in child.children:
                    hit = self.entity_at(obj) or _first_hit(self, obj.subtree)
                    if hit:
                        return hit[1]
        for token in span:
            if token.i != head.i:
                hit = self.entity_at(token)
                if hit and hit[1].label in SOURCE_LABELS:
                    return hit[1]
        if any(t.lower_ in PARTY_WORDS_OWNED for t in span):
            return self.last_org
        return None

    def _generic(self, head, span) -> bool:
        determiners = {t.lower_ for t in span if t.dep_ in QUANTIFIER_DEPS}
        if determiners & GENERIC_DETERMINERS:
            return True
        return head.lower_ in GENERIC_NOUNS and not any(t.lower_ in DEFINITE_DETERMINERS for t in span)

    def _role(self, head, span) -> Entity | None:
        """'the Labour leader', 'the 73-year-old', 'the group': a definite description."""
        if head.tag_ in PLURAL_NOUN_TAGS and head.lower_ not in ORG_ANAPHORS:
            return None  # "the men": more than one person
        if not any(t.lower_ in POINTING_DETERMINERS or t.dep_ == "poss" for t in span):
            return None
        if any(t.dep_ == "poss" and t.lower_ in ADDRESSING_POSSESSIVES for t in span):
            return None  # "my own father": someone related to the speaker, not a person named
        if head.lower_ in ORG_ANAPHORS:
            return self.last_org
        described = {t.lower_ for t in span}
        # "the chancellor" is not the "shadow chancellor" or the "former chancellor" named before
        before = [entity for offset, entity, phrase in self.roles.get(head.lemma_.lower(), ())
                  if offset < head.idx and not (set(phrase.lower().split()) & OTHER_HOLDER_WORDS) - described]
        if before:
            return before[-1]
        current = not described & OTHER_HOLDER_WORDS  # "the chancellor", not "the former cabinet secretary"
        if current and head.lemma_.lower() in OFFICE_WORDS and self.last_person is not None and self._holds_other(
                self.last_person, head.lemma_.lower()):
            return None  # "the chancellor" after "shadow chancellor Oliver Letwin": not him, and no one known
        if self.last_person is not None and (head.lemma_.lower() in FEMALE_NOUNS and self.last_person.gender == "m"
                                             or head.lemma_.lower() in MALE_NOUNS and self.last_person.gender == "f"):
            return None  # "the first British Muslim woman", after Mr Howard: not him
        return self.last_person

    def _holds_other(self, person: Entity, lemma: str) -> bool:
        """Does the article give ``person`` offices, none of them the one described ('the prime
        minister' said of the 'Tory co-chairman'), or only another holder's form of it ('shadow chancellor')?"""
        phrases = [phrase.lower().split() for entries in self.roles.values() for _, entity, phrase in entries
                   if entity is person and phrase.split()[-1].lower() in OFFICE_WORDS]
        if not phrases:
            return False
        return all(words[-1] != lemma or set(words) & OTHER_HOLDER_WORDS for words in phrases)


def _phrase(head):
    """The noun phrase of ``head``: its left modifiers, itself, and compound names after it."""
    tokens = [t for t in head.subtree if t.i <= head.i or t.dep_ in NAME_PART_DEPS and t.i == head.i + 1]
    tokens = [t for t in tokens if not t.is_punct or t.i == head.i]
    # keep the contiguous run that contains the head
    left = head.i
    indices = {t.i for t in tokens}
    while left - 1 in indices:
        left -= 1
    right = head.i
    while right + 1 in indices:
        right += 1
    return head.doc[left: right + 1]


def _first_hit(resolver: Resolver, tokens):
    for token in tokens:
        hit = resolver.entity_at(token)
        if hit:
            return hit
    return None


def _in_possessive(token, top) -> bool:
    """Is ``token`` inside a possessive under ``top`` ("Cherie Blair's" in "Cherie Blair's chambers")?"""
    node = token
    while node.i != top.i and node.head.i != node.i:
        if node.dep_ == "poss":
            return True
        node = node.head
    return False
