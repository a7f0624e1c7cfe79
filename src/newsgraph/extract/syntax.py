"""Small readings of the dependency parse that several stages share, and the parser's labels they
read, one named set a concept (the model's dependency, tag, part-of-speech and entity labels; a
test checks every one against the model). Words are not labels: they live in data/words.toml."""
from __future__ import annotations

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
VERBAL = frozenset({"VERB", "AUX"})  # parts of speech that head a clause

CLAUSES = frozenset({"acl", "advcl", "ccomp", "conj", "csubj", "relcl", "xcomp"})  # dependents that open a clause
FINITE = frozenset({"VBD", "VBP", "VBZ"})  # finite verb forms: a clause of its own
PRESENT_TAGS = frozenset({"VBP", "VBZ"})  # "becomes", "is stepping down"
TENSED_TAGS = FINITE | {"MD"}  # what makes a clause tensed: a finite verb or a modal ("would be")
ORG_LABELS = frozenset({"NORP", "ORG"})  # NER labels of organisations ("Labour", "Tory" as NORP)
PERSON_LABELS = frozenset({"PERSON"})
PLACE_LABELS = frozenset({"FAC", "GPE", "LOC"})

# the rest A-Z
ACTIVE_OBJECT_DEPS = frozenset({"csubj", "dobj"})
ARGUMENT_DEPS = frozenset({"attr", "dobj", "oprd", "prep"})  # objects, complements and prepositions
# clauses that stand aside from their governor: its status does not reach them
ASIDE_DEPS = frozenset({"acl", "advcl", "appos", "parataxis", "relcl"})
AUX_DEPS = frozenset({"aux", "auxpass"})  # auxiliaries, active and passive
# clauses that describe a noun: what they tell is their own, not the surrounding clause's
DESCRIBING_CLAUSES = frozenset({"acl", "appos", "relcl"})
# clauses a name's own phrase does not run into
CLAUSE_BOUNDARY_DEPS = frozenset({"acl", "advcl", "ccomp", "conj", "relcl"})
COMPLEMENT_CHAIN_DEPS = frozenset({"ccomp", "conj", "xcomp"})  # what an implicative verb entails runs down these
# anything a verb was done to ("won the debate")
COMPLEMENT_DEPS = frozenset({"attr", "ccomp", "dobj", "oprd", "xcomp"})
COMPLEMENT_OF_OBJECT_DEPS = frozenset({"attr", "oprd"})  # "made him minister", "became leader"
# "became an MP at 27 and Leader of the Opposition at 36": the parser hangs the second post on the verb
BECOME_ROLE_DEPS = frozenset({"attr", "conj"})
CONTENT_CLAUSE_DEPS = frozenset({"acl", "ccomp"})  # "the claim that ...", "said that ..."
CONTENT_POS = frozenset({"ADJ", "NOUN", "PROPN", "VERB"})  # words a trigger may be tagged as
COORDINATION_DEPS = frozenset({"cc", "conj", "punct"})
CORE_DEPS = frozenset({"dobj", "nsubj", "nsubjpass"})  # subjects and objects
# clauses a speech cue's subject is found above
CUE_CLIMB_DEPS = frozenset({"acl", "advcl", "ccomp", "conj", "pcomp", "relcl", "xcomp"})
DESCRIPTIVE_POS = frozenset({"ADJ", "NOUN"})  # words of a description before a name
DETERMINER_DEPS = frozenset({"det", "punct"})
DETERMINER_OR_PREP_DEPS = frozenset({"det", "prep"})
DONE_TAGS = frozenset({"VB", "VBD", "VBN"})  # verb forms of something done: base, past, participle
EMBEDDED_DEPS = frozenset({"acl", "advcl", "pobj", "prep", "relcl"})  # places a role phrase sits inside another's
FILLER_DEPS = frozenset({"advmod", "det", "punct"})  # words a post phrase drops ("the", "so")
INFINITIVE_DEPS = frozenset({"acl", "xcomp"})  # "his intention to stand down", "decided to quit"
# where a mis-parsed subject hangs ("the 73-year-old wrote")
MISPARSED_SUBJECT_DEPS = frozenset({"amod", "compound", "dep", "nmod", "npadvmod"})
# NER labels it gives names of people or organisations it misreads ("Labour Party conference")
MISREAD_LABELS = frozenset({"EVENT", "GPE"})
# labels NER may give a person's name ("Darleen Druyun" as a work of art): kept only as a person the
# article names elsewhere
NAME_MISREAD_LABELS = frozenset({"WORK_OF_ART", "PRODUCT", "FAC", "LAW"})
# what says whose an office is: "president of the CBI", "CBI president", "its president"
OFFICE_OWNER_DEPS = frozenset({"prep", "compound", "poss"})
# words that qualify a noun before it ("shadow chancellor", "Labour leader")
MODIFIER_DEPS = frozenset({"amod", "compound"})
# who a work is by, written before it: "University College London research", "the IFS's report"
AUTHOR_DEPS = frozenset({"compound", "poss"})
# a noun written beside a name: before it ("candidate Jane Smith") or set off after it (", a candidate")
BESIDE_NAME_DEPS = frozenset({"compound", "appos"})
# where "confidence" sits in "a no-confidence motion", "a vote of no confidence"
MOTION_NOUN_DEPS = frozenset({"amod", "compound", "pobj"})
# how a naming verb's phrase hangs on a report: "in what they describe as", ", which she called"
NAMING_ATTACHMENTS = frozenset({"acl", "advcl", "prep", "relcl"})
NAME_FILLER_DEPS = frozenset({"case", "det", "poss", "punct"})  # words an organisation's name drops
NAME_OR_PRONOUN_POS = frozenset({"PRON", "PROPN"})  # what can name a person: a name or a pronoun
NAME_PART_DEPS = frozenset({"appos", "compound"})  # parts of a name after its head ("Mr Smith, MP")
# complements a negating word rules over
NEGATED_OBJECT_DEPS = frozenset({"attr", "ccomp", "dobj", "nsubjpass", "oprd", "pcomp", "prep", "xcomp"})
NEGATION_OR_MARK_DEPS = frozenset({"mark", "neg"})
NOMINAL_POS = frozenset({"ADJ", "NOUN", "PROPN"})  # words a noun phrase is made of
NOUN_CLAUSE_DEPS = frozenset({"acl", "amod", "relcl"})  # clauses on a noun: their subject may be that noun
NOUN_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
NOUN_OBJECT_DEPS = frozenset({"attr", "dobj", "pobj"})
IDIOM_OBJECT_DEPS = frozenset({"dobj", "pobj"})  # "in charge of", "took charge of"
# a quote's own main verb, hung on the reporting verb outside it: '"I am resigning," she said'
QUOTED_CLAUSE_DEPS = frozenset({"ccomp", "parataxis"})
NOUN_OR_PRONOUN_POS = frozenset({"NOUN", "PRON", "PROPN"})
NOUN_POS = frozenset({"NOUN", "PROPN"})  # common and proper nouns
OBJECT_DEPS = frozenset({"attr", "dobj", "oprd"})  # objects and object complements
# a name before a noun that says whose it is ("Clinton's campaign", "a BBC story")
OWNER_DEPS = frozenset({"compound", "poss"})
# a participle with an auxiliary or subject of its own is a clause, not a modifier
OWN_CLAUSE_DEPS = frozenset({"aux", "nsubj"})
# where a bare participle modifies ("Mr Lewis, suspended in 2017")
PARTICIPLE_CLAUSE_DEPS = frozenset({"acl", "advcl", "amod", "relcl"})
PARTICLE_DEPS = frozenset({"advmod", "prt"})  # where the parser puts a phrasal verb's particle
PASSIVE_DEPS = frozenset({"auxpass", "nsubjpass"})  # marks of a passive clause
PAST_TAGS = frozenset({"VBD", "VBN"})  # past tense and past participle
GERUND_OR_PARTICIPLE = frozenset({"VBG", "VBN"})  # "since taking over", "after being elected"
PERSON_OR_NO_LABEL = frozenset({"", "PERSON"})  # a token that may continue a person's name
PLURAL_NOUN_TAGS = frozenset({"NNPS", "NNS"})
PREDICATE_DEPS = frozenset({"acomp", "attr", "oprd"})  # what a subject is said to be
# names and owners before a noun ("Labour MP", "the party's leader")
PRENOMINAL_DEPS = frozenset({"compound", "nmod", "poss"})
PREP_DEPS = frozenset({"agent", "prep"})  # prepositions, and the by-phrase of a passive
PREP_OBJECT_DEPS = frozenset({"pcomp", "pobj"})
# phrases set before a main clause: "Following her resignation, ...", "After he quit, ..."
ADJUNCT_DEPS = frozenset({"advcl", "npadvmod", "prep"})
PURPOSE_DEPS = frozenset({"advcl", "xcomp"})  # "brought in to run ..."
QUANTIFIER_DEPS = frozenset({"amod", "det", "nummod", "quantmod"})  # "some", "two", "many": words that make a group
REPORTED_OR_COORDINATED_DEPS = frozenset({"ccomp", "conj"})
SINGULAR_NOUN_TAGS = frozenset({"NN", "NNP"})
# clauses whose subject is found above them (a trigger's doer)
SUBJECT_CLIMB_DEPS = frozenset({"acl", "advcl", "amod", "conj", "pcomp", "relcl", "xcomp"})
SUBJECT_OR_OWNER_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})  # "I was elected", "my resignation"
SUBJECT_WORD_POS = frozenset({"ADJ", "NOUN", "PRON", "PROPN"})  # words a mis-parsed subject may be
SUBORDINATE_DEPS = frozenset({"advcl", "ccomp"})
SUPERLATIVE_TAGS = frozenset({"JJS", "RBS"})
TIME_LABELS = frozenset({"DATE", "TIME"})  # entity labels of time expressions: a time is no argument of an event
UNDERGOER_DEPS = frozenset({"dobj", "nsubjpass"})  # the one a verb is done to, active or passive
VERB_COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp"})


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
