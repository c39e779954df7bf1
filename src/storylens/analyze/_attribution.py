"""According to whom a quantity is reported: "according to X", or the subject of a speech verb.

:func:`attribution` reads the number's sentence (else, when that sentence names no source, the
other sentences of its paragraph) and gives the source's name, its tokens (a place or a time
inside them is the source's, not the number's) and the cue. Split from
:mod:`storylens.analyze._context`, which finds where and when.
"""

from __future__ import annotations

import re
from typing import Any

from storylens.analyze._counted import admits_care, event_group, reports_no_speech
from storylens.analyze._num_words import CLOCK_STAMP, PLACE_NOUNS, REPORTS, SPEECH
from storylens.lexicon import ORG_NOUNS

__all__ = [
    "PERSON_CUES",
    "adds_a_thing",
    "attribution",
    "is_place",
    "maker_of",
    "source_name",
    "trailing_subject",
]


def attribution(
    sentence: Any, span: Any, anchor: Any, *, borrow: bool = True
) -> tuple[str | None, frozenset[int], str | None]:
    """Who the sentence (or its paragraph) says the figure comes from, its tokens and the cue.

    A sentence whose cues are all for another figure (see :func:`_for_another_figure`) gives
    none, and lends no other sentence's source either. With ``borrow`` False only the
    sentence itself counts (a position its own subject holds: "the union wants 7 percent")."""
    if (owner := _report_owner(anchor)) is not None:  # "the Fire Service's estimate of 54,000"
        return _owner_name(owner), frozenset(t.i for t in owner.subtree), "estimate"
    cues = _cues(sentence)
    pronoun = _pronoun_speaking(anchor)
    if pronoun is not None and not _governs_any(cues, anchor):
        cues = []  # the pronoun speaks, not a source named for another clause
    if pronoun in PERSON_CUES and not cues:
        found = _person_before(sentence, span, pronoun)
    elif cues:
        found = _source_in([c for c in cues if not _for_another_figure(c, anchor)], anchor)
    elif not borrow:
        found = None
    elif _says_it(sentence):  # "It said 31 children were being treated": the source the
        found = next(  # sentence before named, named or not ("The ministry counted ...")
            (
                f
                for sent in reversed(list(span.sents))
                if sent.start < sentence.start and (f := _source_in(_cues(sent), sent.root))
            ),
            None,
        ) or _it_stands_for(sentence, span)
    else:  # an earlier sentence of the paragraph, when it names its source (a later one
        # quoting an analyst is no source of the reporter's own figure)
        found = next(
            (
                f
                for sent in span.sents
                if sent.start < sentence.start and (f := _source_in(_figure_cues(sent), sent.root))
            ),
            None,
        )
    if found is None:
        return None, frozenset(), None
    name, toks, cue = found
    return name, toks, cue


_Cue = tuple[Any, str, Any]  # (source, cue, the verb the cue hangs on)
PERSON_CUES = {"he": "he said", "she": "she said"}
"""The cue of a figure a person's pronoun gives (see :func:`_person_before`): its source is a
person, whatever the name shows."""


def _pronoun_speaking(anchor: Any) -> str | None:
    """The pronoun subject of the speech verb nearest above the number ("He said he had
    counted no more than 80 workers, far fewer than the company says it has sent": "he"); None
    when no speech verb governs it or its subject is no pronoun. The speaker is then the
    pronoun's, not a source the sentence names for another clause."""
    verb = next((a for a in anchor.ancestors if a.pos_ == "VERB" and _speaks(a)), None)
    subj = _nearest_subject(verb) if verb is not None else None
    return str(subj.lower_) if subj is not None and subj.pos_ == "PRON" else None


def _it_stands_for(sentence: Any, span: Any) -> tuple[str, frozenset[int], str] | None:
    """The institution "it" stands for when no cue before names one: the subject of the
    clause before, or the institution owning it ("The government's own figure is higher
    than the agency's: it says 5.1 million people need aid")."""
    it = next(
        (t for t in sentence if t.lower_ == "it" and t.dep_ == "nsubj" and t.head.lemma_ in SPEECH),
        None,
    )
    if it is None:
        return None
    before = [s for s in span.sents if s.start < sentence.start][-1:]
    for sent in [sentence, *before]:
        for subj in (t for t in sent if t.dep_ == "nsubj" and t.i < it.i and t.pos_ != "PRON"):
            owner = next((c for c in subj.children if c.dep_ == "poss"), None)
            for noun in (subj, owner):
                if noun is not None and (
                    noun.lemma_.lower() in ORG_NOUNS or noun.ent_type_ == "ORG"
                ):
                    return _owner_name(noun), frozenset(t.i for t in noun.subtree), "it said"
    return None


def _owner_name(token: Any) -> str:
    """A source named as an owner, without its possessive ("the government's": government)."""
    return re.sub(r"\s*['’]s$", "", _source_name(token))


def _governs_any(cues: list[_Cue], anchor: Any) -> bool:
    ancestors = {a.i for a in anchor.ancestors}
    return any(verb.i in ancestors for _, _, verb in cues)


def _person_before(
    sentence: Any, span: Any, pronoun: str
) -> tuple[str, frozenset[int], str] | None:
    """The person "he" or "she" stands for: the subject named in the nearest earlier sentence
    of the paragraph, when it is a person's name ("Ekdal also disputed the company's account.
    He said ...")."""
    named = {
        e[-1].text for e in sentence.doc.ents if e.label_ == "PERSON" and e.end <= sentence.start
    }
    for sent in reversed([s for s in span.sents if s.start < sentence.start]):
        subj = next(
            (t for t in sent if t.dep_ == "nsubj" and (t.ent_type_ == "PERSON" or t.text in named)),
            None,
        )  # "Ekdal", a surname the article gave in full before, is no entity on its own
        if subj is not None:
            return _source_name(subj), frozenset(t.i for t in subj.subtree), PERSON_CUES[pronoun]
    return None


_STANDS_FOR_A_SOURCE = frozenset(["it", "they"])


def _says_it(sentence: Any) -> bool:
    """A speech verb whose subject is "it" or "they": the source named before speaks again."""
    return any(
        t.pos_ == "VERB"
        and t.lemma_ in SPEECH
        and any(c.dep_ == "nsubj" and c.lower_ in _STANDS_FOR_A_SOURCE for c in t.children)
        for t in sentence
    )


def _report_owner(anchor: Any) -> Any | None:
    """The named owner of the estimate or count a figure is "of" ("less than the Varden Fire
    Service's estimate of about 54,000 hectares"): that figure is the owner's, whoever the
    sentence quotes; None otherwise."""
    token = anchor
    for _ in range(3):  # the number, its unit ("hectares"), "of"
        if token.dep_ == "pobj" and token.head.lower_ == "of":
            report = token.head.head
            if report.lemma_.lower() not in REPORTS:
                return None
            owner = next((c for c in report.children if c.dep_ == "poss"), None)
            named = owner is not None and (owner.pos_ == "PROPN" or owner.ent_type_ == "ORG")
            return owner if named else None
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _figure_cues(sentence: Any) -> list[_Cue]:
    """The named cues of a sentence that report what happened ("The Velmara Fire Service said
    the blaze was spreading"): the source a later sentence of the paragraph goes on with; not
    a speaker telling of itself ("Halvor said it would appeal")."""
    return [c for c in _cues(sentence, named=True) if not _of_itself(c[2])]


def _of_itself(verb: Any) -> bool:
    """The speech verb reports what its speaker does or feels ("said it would appeal", "said
    they were saddened"): the reported clause's subject is a pronoun."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    return clause is not None and any(
        c.dep_ == "nsubj" and c.pos_ == "PRON" for c in clause.children
    )


def _cues(sentence: Any, named: bool = False) -> list[_Cue]:
    """ "according to X", and the subjects of speech verbs (only proper nouns if ``named``)."""
    cues: list[_Cue] = []
    for tok in sentence:
        if tok.lower_ == "according" and (
            to := next((c for c in tok.children if c.lower_ == "to"), None)
        ):
            obj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if obj is not None:
                cues.append((_maker_of(obj) or obj, "according to", tok.head))
        elif tok.pos_ == "VERB" and _speaks(tok) and not _absolute(tok) and _cites(tok):
            subj = _speaker(tok)
            if tok.lemma_ == "record" and (tok.dep_ in {"acl", "amod"} or is_place(subj)):
                continue  # "Tarsk last recorded an outbreak", "the highest ever recorded"
            if subj is not None and subj.pos_ != "PRON" and (subj.pos_ == "PROPN" or not named):
                cues.append((subj, tok.lemma_, tok))
    return cues


_OWNS_UP = frozenset(["admit", "acknowledge", "concede"])  # "has admitted only two deaths"


def _speaks(verb: Any) -> bool:
    """A verb that cites its subject: a speech verb, or one that owns up to a figure it takes
    as its object ("the ministry has admitted only two deaths"), not a hospital admitting
    patients."""
    lemma = verb.lemma_.lower()
    owns_up = any(c.dep_ == "dobj" for c in verb.children) and not admits_care(verb)
    return (lemma in SPEECH and not adds_a_thing(verb)) or (lemma in _OWNS_UP and owns_up)


def adds_a_thing(verb: Any) -> bool:
    """ "Dressler added the third goal", "the economy added 38,400 jobs": "add" with a plain
    object and no reported clause or quote adds a thing, not words (user trial 113: "per
    Ostvik's economy")."""
    if verb.lemma_ != "add" or any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children):
        return False
    return any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in verb.children)


def is_place(token: Any | None) -> bool:
    """A place: tagged one, or set off as one ("Tarsk, a city of 400,000,")."""
    if token is None:
        return False
    return token.ent_type_ in {"GPE", "LOC"} or any(
        c.dep_ == "appos" and c.lemma_.lower() in PLACE_NOUNS for c in token.children
    )


def _cites(verb: Any) -> bool:
    """A speech verb that cites: "put" only with "at" ("officials put the toll at 40"; "put
    the quantity of material involved at 18 tonnes", where the parse hangs "at" lower), not
    "a rise would put our terminals at risk" ... nor "put pressure on"; "report" not when it
    says where someone went ("17 passengers reported to the medical centre"); "tell" not
    when it instructs ("an order told residents to stay inside")."""
    if verb.lemma_ in {"report", "claim"}:
        return not reports_no_speech(verb)
    if verb.lemma_ in {"tell", "ask", "urge", "order"} and _instructs(verb):
        return False
    if verb.lemma_ != "put":
        return True
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    at = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "at"]
    at += [t for o in objects for t in o.subtree if t.dep_ == "prep" and t.lower_ == "at"]
    return any(o.like_num or o.pos_ == "NUM" for a in at for o in a.subtree)


def _instructs(verb: Any) -> bool:
    """ "Told residents to keep their windows shut": an instruction (someone told to do
    something), not a statement of fact."""
    return any(c.dep_ == "dobj" for c in verb.children) and any(
        c.dep_ == "xcomp" and any(t.lower_ == "to" and t.dep_ == "aux" for t in c.children)
        for c in verb.children
    )


_MADE_THINGS = frozenset(
    ["result", "figure", "data", "document", "record", "report", "statement", "count", "poll"]
)


def _maker_of(obj: Any) -> Any | None:
    """Who made the results or documents a source phrase names: "according to final results
    released by the Central Electoral Commission" is the commission's figure."""
    return maker_of(obj) if obj.lemma_.lower() in _MADE_THINGS else None


def maker_of(token: Any) -> Any | None:
    """The maker a noun names with by/from, itself or through a clause on it: "a report by
    Civic Watch", "documents seen by the Pinecrest Courier", "records from the ministry"."""
    for child in [token, *(c for c in token.children if c.dep_ == "acl")]:
        for prep in child.children:
            if prep.dep_ in ("prep", "agent") and prep.lower_ in ("by", "from"):
                return next((o for o in prep.children if o.dep_ == "pobj"), None)
    return None


def _source_in(cues: list[_Cue], anchor: Any) -> tuple[str, frozenset[int], str] | None:
    """Of the cues of a sentence, the one governing ``anchor`` first and, of several, the one
    whose clause is nearest the number's own ("the union said 900 had stopped work, and 14
    ferries were left idle, according to the harbour office": 14 is the harbour office's)."""
    if not cues:
        return None
    depth = {a.i: n for n, a in enumerate(anchor.ancestors)}  # steps up from the number
    subj, cue, _ = min(
        cues,
        key=lambda c: (
            c[0].head.i not in depth and c[1] != "according to",
            depth.get(c[2].i, len(depth)),
            abs(c[0].i - anchor.i),
        ),
    )
    return _source_name(subj), frozenset(t.i for t in subj.subtree), cue


def _for_another_figure(cue: _Cue, anchor: Any) -> bool:
    """A source named right after a toll ("..., killing at least 14 people, the health ministry
    said": a participle set off by commas that counts the dead, hurt, missing...) vouches for
    the toll and for what the sentence says happened (its subjects and objects: "shot three
    people, killing one"), not for the scene, a figure in a phrase of the clause the toll
    hangs on (the crowd in "troops fired on thousands of marchers", a quake's magnitude)."""
    subj, word, verb = cue
    first = subj.head.head.i if word == "according to" else min(subj.left_edge.i, verb.i)
    toll = _toll_before(anchor.doc, first)
    if toll is None or anchor.i >= first or toll.left_edge.i <= anchor.i <= toll.right_edge.i:
        return False
    counted = anchor.head if anchor.dep_ in {"nummod", "quantmod", "advmod"} else anchor
    return counted.dep_ not in _CORE


_CORE = {"nsubj", "nsubjpass", "dobj", "attr", "appos", "ROOT"}  # what a clause is about


def _toll_before(doc: Any, first: int) -> Any | None:
    """The participle ending right before token ``first`` and set off by commas that counts
    casualties ("killing at least 14 people", "leaving 40 dead"), else None."""
    last = next((doc[i] for i in range(first - 1, -1, -1) if not doc[i].is_punct), None)
    if last is None or not doc[last.i + 1].is_punct:
        return None
    toll = next((t for t in [last, *last.ancestors] if t.dep_ == "advcl" and t.tag_ == "VBG"), None)
    if toll is None or toll.right_edge.i != last.i or toll.left_edge.i == 0:
        return None
    if not doc[toll.left_edge.i - 1].is_punct:
        return None
    words = list(toll.subtree)
    casualty = any(event_group(t.lower_) or event_group(t.lemma_) for t in words)
    return toll if casualty and any(t.tag_ == "CD" for t in words) else None


def _absolute(verb: Any) -> bool:
    """ "with 90 percent of ballots counted": a "with" clause says how far a count has got,
    and its subject is no speaker."""
    head = verb.head
    marked = any(c.dep_ == "mark" and c.lower_ == "with" for c in verb.children)
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    edge = subj.left_edge.i if subj is not None else 0
    after_with = edge > 0 and verb.doc[edge - 1].lower_ == "with"
    return marked or after_with or (verb.dep_ == "pcomp" and head.lower_ == "with")


def _speaker(verb: Any) -> Any | None:
    """The subject of a speech verb; for "with the UN saying ..." the noun just before it.

    A passive verb's subject is what is said ("seven people were confirmed dead"): its speaker
    is the agent ("by police"), if named.
    """
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        return next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
    subj = _nearest_subject(verb) or next(iter(trailing_subject(verb)), None)
    if subj is None and verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        shared = _nearest_subject(verb.head)  # "Nordwing Airlines parked its fleet and said"
        if shared is not None and shared.pos_ in {"PROPN", "NOUN"}:
            subj = None if any(t.like_num for t in shared.subtree) else shared  # not "Eleven"
    if subj is None and verb.tag_ == "VBG" and verb.i > 0:
        before = verb.doc[verb.i - 1]
        subj = before if before.pos_ in {"PROPN", "NOUN"} else None
    return subj


def trailing_subject(verb: Any) -> list[Any]:
    """The noun phrase between a comma and a cue verb the parse gave no subject: in "...
    broke late on Monday, the Vardenholt Civil Protection Agency said on Tuesday" the
    agency speaks, not whoever the sentence began with; a person's name set off by commas
    too ("the director, Dr Lena Marek, said")."""
    doc = verb.doc
    j = verb.i - 1
    while j > 0 and doc[j].pos_ == "ADV":  # "the agency also said"
        j -= 1
    if j > 1 and doc[j].text == "," and doc[j - 1].ent_type_ == "PERSON":
        j -= 1  # "At the hospital, the director, Dr Lena Marek, said" (user trial 118)
    if j <= 0 or doc[j].pos_ not in ("NOUN", "PROPN"):
        return []
    k = j
    while k > verb.sent.start and doc[k - 1].pos_ in _NOUN_PHRASE:
        k -= 1
    return [doc[j]] if k > verb.sent.start and doc[k - 1].text == "," else []


_NOUN_PHRASE = frozenset(["DET", "ADJ", "NOUN", "PROPN", "NUM", "PART", "ADP", "CCONJ"])


def _nearest_subject(verb: Any) -> Any | None:
    """The subject of ``verb``; of several ("Eleven were hurt, three of them seriously, the
    hospital said"), the one that is not a number, nearest the verb."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return min(subjects, key=lambda c: (c.pos_ == "NUM", abs(c.i - verb.i)), default=None)


def source_name(subj: Any) -> str:
    """The name of a source from its subject token (see :func:`_source_name`)."""
    return _source_name(subj)


def _source_name(subj: Any) -> str:
    """The name of a source from its subject token: proper-noun phrase, appositive or noun.

    Possessors, appositions and clauses are left out; so is a leading article.
    """
    if (owner := _owner_named_before(subj)) is not None:
        return owner
    appos = next((c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    head = appos if appos is not None and subj.pos_ != "PROPN" else subj
    drop = {"punct", "appos", "relcl", "acl", "cc", "conj"}
    if head.pos_ == "PROPN":  # "Afghanistan's Human Rights Commission" is the commission
        drop |= {"poss", "case"}
    if head.ent_type_ == "PERSON":  # "Ellen Marsh, 64, from Hallin" is Ellen Marsh
        drop.add("prep")
    toks = [
        t
        for t in head.subtree
        if not any(
            p.dep_ in drop and not _same_entity(p, head) and not _plural_possessor(p)
            for p in _path(t, head)
        )
    ]
    while len(toks) > 1 and (toks[0].dep_ == "det" or _STAMP_TOKEN.fullmatch(toks[0].text)):
        toks = toks[1:]  # "12:40 Police ...": a live page's entry time opens the subject
    name = _joined(toks) or subj.text
    if name.count("(") > name.count(")"):
        name += ")"  # "UN Commission for Refugees (UNCR)": its bracket closed (user trial 117)
    return name


def _owner_named_before(subj: Any) -> str | None:
    """The organisation "its" or "their" stands for in a source ("Dr Ana Vell, of the Marrach
    Doctors' Association, said its members had counted ..."): the last one the sentence names
    before it; None when the subject has no such possessor or the sentence names none."""
    if subj.pos_ != "NOUN" or not any(
        c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in subj.children
    ):
        return None
    orgs = [e for e in subj.sent.ents if e.label_ == "ORG" and e.end <= subj.i]
    return orgs[-1].text.removeprefix("the ").removeprefix("The ") if orgs else None


_STAMP_TOKEN = re.compile(CLOCK_STAMP)


def _joined(toks: list[Any]) -> str:
    """Tokens as text, a space where dropped tokens left a gap ("Ellen Marsh" + "from")."""
    parts = [
        t.text + (t.whitespace_ if n + 1 == len(toks) or toks[n + 1].i == t.i + 1 else " ")
        for n, t in enumerate(toks)
    ]
    return "".join(parts).strip()


def _plural_possessor(token: Any) -> bool:
    """A capitalised plural possessor and its bare apostrophe are part of a name ("the Dockers'
    Guild", "Farmers' Union"); a singular one is not ("Afghanistan's ... Commission")."""
    if token.dep_ == "case":
        return token.text in {"'", "’"}
    return (
        token.dep_ == "poss"
        and token.text[:1].isupper()
        and any(c.dep_ == "case" and c.text in {"'", "’"} for c in token.children)
    )


def _same_entity(token: Any, head: Any) -> bool:
    """Both inside one named entity: the possessive of "the Farmers' Union" is part of it."""
    return any(e.start <= token.i < e.end and e.start <= head.i < e.end for e in head.doc.ents)


def _path(token: Any, top: Any) -> list[Any]:
    """Tokens from ``token`` up to (not including) ``top``."""
    path = []
    while token.i != top.i and token.head.i != token.i:
        path.append(token)
        token = token.head
    return path
