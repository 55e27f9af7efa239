"""Guards on the content: the centre's text is all there; the bank and scripts keep their promises."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from itertools import combinations
from pathlib import Path

import pytest
import yaml
from support import ROOT

from generator.bank.load import load_project
from generator.bank.project import read_project
from generator.bank.script_text import count, fill
from generator.model import Guide

SEED = Path(__file__).resolve().parent / "seed" / "informational-interviews.txt"
CONTENT = ROOT / "content"

# Each bullet of the seed's "Conduct an Informational Interview", the page that covers it,
# and words that page must contain (the seed's own, or the substance in our words).
SEED_STEPS = [
    (1, "research.md", ["Gather basic information", "hope to learn"]),
    (2, "prepare.md", ["select relevant questions"]),
    (
        3,
        "find-contacts.md",
        [
            "LinkedIn",
            "Ten Thousand Coffees",
            "professional associations",
            "networking events",
            "professors",
            "Career Centre events",
        ],
    ),
    (4, "reach-out.md", ["email", "professional and concise", "not asking for a job"]),
    (5, "reach-out.md", ["telephone"]),
    (6, "meeting.md", ["gather information", "build rapport", "guidance"]),
    (7, "prepare.md", ["knowledge of the field"]),
    (8, "prepare.md", ["10 minutes early"]),
    (9, "prepare.md", ["Dress"]),
    (10, "meeting.md", ["facilitate"]),
    (11, "prepare.md", ["elevator pitch"]),
    (12, "prepare.md", ["business cards"]),
    (13, "meeting.md", ["20 minutes", "more time"]),
    (14, "meeting.md", ["notes"]),
    (15, "meeting.md", ["Relax"]),
    (
        16,
        "meeting.md",
        ["Is there anyone else you would recommend with whom I could speak in a similar or related area?"],
    ),
    (17, "meeting.md", ["use your contact"]),
    (18, "meeting.md", ["give back"]),
    (19, "follow-up.md", ["thank-you", "24 hours", "something you learned"]),
    (20, "follow-up.md", ["initial contact"]),
    (21, "keep-track.md", ["Keep track", "action steps"]),
    (22, "follow-up.md", ["informed of your progress"]),
]


@cache
def guide() -> Guide:
    """The real project's guide, loaded once."""
    return load_project(read_project(ROOT / "mkdocs.yml"))


def seed_bullets(heading: str) -> list[str]:
    """The bullets under one heading of the centre's text."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(heading))
    bullets = []
    for line in lines[start + 1 :]:
        if not line.startswith("- "):
            break
        bullets.append(line[2:].strip())
    return bullets


def words(text: str) -> str:
    """Text with Markdown links and emphasis reduced to their words, spaces collapsed."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return " ".join(text.replace("*", "").replace("“", '"').replace("”", '"').split())


def test_every_step_of_the_seed_is_mapped() -> None:
    assert len(seed_bullets("Conduct an Informational Interview")) == len(SEED_STEPS) == 22


@pytest.mark.parametrize(("number", "page", "phrases"), SEED_STEPS)
def test_each_seed_step_is_on_its_page(number: int, page: str, phrases: list[str]) -> None:
    text = words((CONTENT / page).read_text(encoding="utf-8")).lower()
    for phrase in phrases:
        assert words(phrase).lower() in text, f"seed step {number}: '{phrase}' is missing from {page}"


def test_the_six_sample_questions_are_in_the_bank_verbatim() -> None:
    samples = seed_bullets("Informational Interview Sample Question")
    assert len(samples) == 6
    seeded = {question.text for question in guide().questions if question.source == "seed"}
    for sample in samples:
        assert sample in seeded


def test_counts() -> None:
    g = guide()
    assert len(g.questions) >= 120
    assert len(g.categories) >= 8
    assert len(g.scripts) >= 12
    assert sum(len(checklist.items) for checklist in g.checklists) >= 25
    assert {checklist.id for checklist in g.checklists} >= {"before", "day-of", "after"} or len(
        g.checklists
    ) >= 3


def test_every_question_has_a_purpose_and_a_tiara_kind() -> None:
    for question in guide().questions:
        assert question.tags.get("purpose"), question.id
        assert question.tags.get("tiara"), question.id


def test_every_category_and_tag_value_is_used() -> None:
    g = guide()
    used = Counter(question.category for question in g.questions)
    assert all(used[category.id] >= 8 for category in g.categories), used
    for group in g.tag_groups:
        values = {value for question in g.questions for value in question.tags.get(group.id, [])}
        assert values == {value.id for value in group.values}, group.id


def test_starters_in_every_category() -> None:
    g = guide()
    for category in g.categories:
        assert any(question.starter for question in g.questions_in(category.id)), category.id


def test_questions_are_open_and_never_ask_for_a_job() -> None:
    for question in guide().questions:
        asks = re.search(r"\b(hire me|give me a job|job for me|any openings for me)\b", question.text, re.I)
        assert not asks, question.id
        closed = question.text.lower().startswith(("do ", "is ", "are ", "can ", "could ", "would "))
        assert question.source == "seed" or not closed, f"{question.id} can be answered yes or no"


def test_a_question_asks_one_thing() -> None:
    """A second question joined on with ", and how ..." goes into follow-ups (", and which" compares)."""
    for question in guide().questions:
        joined = re.search(r", and (how|what|where|when|who|whom)\b", question.text)
        assert question.source == "seed" or not joined, (
            f"{question.id}: move '{joined and joined.group(0)}...' to follow_ups"
        )


def test_each_career_stage_marks_its_own_few_questions() -> None:
    """A stage marks the questions that suit that reader best: enough to filter by, never most of the bank."""
    g = guide()
    stage = next(group for group in g.tag_groups if group.id == "stage")
    marked = {
        value.id: {q.id for q in g.questions if value.id in q.tags.get("stage", [])} for value in stage.values
    }
    for value, ids in marked.items():
        assert 5 <= len(ids) <= len(g.questions) // 4, (value, len(ids))
    for first, second in combinations(marked, 2):
        shared = marked[first] & marked[second]
        assert len(shared) * 2 < len(marked[first] | marked[second]), (first, second, sorted(shared))


def test_script_budgets_follow_the_guide() -> None:
    for script in guide().scripts:
        meta = script.meta
        examples = {field.id: field.example for field in meta.fields}
        length = count(fill(script.body_parts, examples), meta.budget.unit)
        assert length <= meta.budget.limit
        if meta.channel == "email":
            limit = 100 if meta.moment == "first-contact" else 150
            assert meta.budget.unit == "words" and meta.budget.limit <= limit, script.id
        if meta.channel == "voicemail":
            assert meta.budget.unit == "words" and meta.budget.limit <= 75, (
                script.id
            )  # 30 s at 150 words a minute
        if script.id == "linkedin-note":
            assert meta.budget.unit == "characters" and meta.budget.limit <= 200


def test_scripts_cover_every_channel() -> None:
    channels = {script.meta.channel for script in guide().scripts}
    assert channels == {"email", "linkedin", "phone", "voicemail", "letter"}


def test_shared_fields_read_the_same_everywhere() -> None:
    seen: dict[str, tuple[str, str]] = {}
    for script in guide().scripts:
        for field in script.meta.fields:
            pair = (field.label, field.example)
            assert seen.setdefault(field.id, pair) == pair, f"{script.id}: field '{field.id}' differs"


# The pages for every kind of visitor (issue 14), the steps that must lead to them, and what the
# prose may not claim or guess.
VISITOR_PAGES = ["staying-safe.md", "newcomers.md", "career-changers.md"]
STEPS = ["research.md", "find-contacts.md", "reach-out.md", "prepare.md", "meeting.md"]
STEPS += ["follow-up.md", "keep-track.md"]
LINKED_FROM = {
    "research.md": ["newcomers.md", "career-changers.md"],
    "find-contacts.md": ["newcomers.md", "career-changers.md"],
    "reach-out.md": ["staying-safe.md"],
    "prepare.md": ["staying-safe.md", "newcomers.md", "career-changers.md"],
    "meeting.md": ["staying-safe.md"],
    "common-worries.md": VISITOR_PAGES,
    "index.md": VISITOR_PAGES,
}
OVERCLAIMS = [
    "almost never",
    "nearly everyone",
    "almost everyone",
    "everyone says yes",
    "far more likely",
    "this happens to everyone",
    "more than people expect",
    "one of the best ways",
    "guaranteed",
]
PITCH_PARTS = ["Who you are", "What you are exploring", "Why this person"]
NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"


def top_level_nav() -> list[str]:
    """The pages named at the top level of mkdocs.yml's nav, in order."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    pages = []
    for entry in config["nav"]:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(value, str):
            pages.append(value)
    return pages


def link_targets(page: str) -> set[str]:
    """The pages a content page links to, without their anchors."""
    text = (CONTENT / page).read_text(encoding="utf-8")
    return {target.split("#")[0] for target in re.findall(r"\]\(([^)\s]+)\)", text)}


def page_texts() -> dict[str, str]:
    """Every top-level content page's text, by file name."""
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(CONTENT.glob("*.md"))}


@pytest.mark.parametrize("page", VISITOR_PAGES)
def test_each_visitor_page_has_a_title_and_leads_back_to_the_steps(page: str) -> None:
    text = (CONTENT / page).read_text(encoding="utf-8")
    assert text.startswith("# "), f"{page} starts with its title"
    assert "## Back to the journey" in text, page
    assert set(STEPS) & link_targets(page), f"{page} links back to a step"


def test_visitor_pages_sit_together_in_the_nav_after_the_steps() -> None:
    nav = top_level_nav()
    assert nav[: len(STEPS) + 1] == ["index.md", *STEPS], "the steps keep their order"
    at = nav.index(VISITOR_PAGES[0])
    assert nav[at : at + len(VISITOR_PAGES)] == VISITOR_PAGES
    assert at > nav.index("keep-track.md")


@pytest.mark.parametrize(("page", "targets"), sorted(LINKED_FROM.items()))
def test_the_steps_lead_to_the_visitor_pages(page: str, targets: list[str]) -> None:
    missing = set(targets) - link_targets(page)
    assert not missing, f"{page} does not link to {sorted(missing)}"


def test_the_prose_makes_no_overclaims() -> None:
    found = [
        f"{name}: '{phrase}'"
        for name, text in page_texts().items()
        for phrase in OVERCLAIMS
        if phrase in words(text).lower()
    ]
    assert not found


def test_pages_never_guess_a_title_from_a_name() -> None:
    guessed = re.compile(r"\b(?:Mr|Ms|Mrs|Miss)\.? [A-Z]")
    found = [f"{name}: {m[0]}" for name, text in page_texts().items() for m in guessed.finditer(text)]
    assert not found


def test_the_pitch_has_the_same_parts_in_the_same_order_everywhere() -> None:
    prepare = (CONTENT / "prepare.md").read_text(encoding="utf-8")
    pitch = prepare[prepare.index("## Prepare your elevator pitch") :]
    assert re.findall(r"^\d\. \*\*(.+?):\*\*", pitch, re.M) == PITCH_PARTS
    sources = {
        "prepare.md": pitch,
        "messages.js": (CONTENT / "assets/javascripts/prep-sheet/messages.js").read_text(encoding="utf-8"),
        # The generated page's and the printed sheet's words, in the order the templates use them.
        "words.en.yaml (page)": _words_text(
            "page.prepSheet.whoYouAre", "page.prepSheet.exploring", "page.prepSheet.whyThisPerson"
        ),
        "words.en.yaml (print)": _words_text(
            "handout.prepSheet.pitchWho", "handout.prepSheet.pitchDraw", "handout.prepSheet.pitchLearn"
        ),
    }
    for name, text in sources.items():
        places = [text.find(part) for part in PITCH_PARTS]
        assert -1 not in places, f"{name} lacks a part of the pitch: {PITCH_PARTS}"
        assert places == sorted(places), f"{name}: the pitch's parts are not in the order {PITCH_PARTS}"
    for template, ids in (
        (
            "site/templates/prep_sheet.md.j2",
            ["page.prepSheet.whoYouAre", "page.prepSheet.exploring", "page.prepSheet.whyThisPerson"],
        ),
        (
            "handouts/templates/prep-sheet.html.j2",
            ["handout.prepSheet.pitchWho", "handout.prepSheet.pitchDraw", "handout.prepSheet.pitchLearn"],
        ),
    ):
        text = (ROOT / "generator" / template).read_text(encoding="utf-8")
        places = [text.find(f'"{word}"') for word in ids]
        assert -1 not in places and places == sorted(places), (
            f"{template} shows the pitch's parts out of order"
        )


def _words_text(*ids: str) -> str:
    """The generator's English words of some ids, one per line, in the order given."""
    words = yaml.safe_load((ROOT / "generator/words.en.yaml").read_text(encoding="utf-8"))
    return "\n".join(str(words[word]) for word in ids)


def test_every_question_count_is_five_to_ten() -> None:
    templates = ROOT / "generator"
    texts = page_texts()
    for path in [*templates.glob("site/templates/*.j2"), *templates.glob("handouts/templates/*.j2")]:
        texts[path.name] = path.read_text(encoding="utf-8")
    counts = {
        f"{name}: {m[0]}"
        for name, text in texts.items()
        for m in re.finditer(rf"\b{NUMBER} to {NUMBER} questions\b", words(text), re.I)
    }
    assert counts, "the guidance is given somewhere"
    assert all(entry.lower().endswith("five to ten questions") for entry in counts), sorted(counts)


def test_the_new_pages_carry_checklist_items() -> None:
    steps = {item.step for checklist in guide().checklists for item in checklist.items}
    assert {page.removesuffix(".md") for page in VISITOR_PAGES} <= steps
    day = next(checklist for checklist in guide().checklists if checklist.id == "on-the-day")
    assert any(item.id == "day-tell-someone" and item.step == "staying-safe" for item in day.items)


# --- Scripts that fit the moment (issue 14) ------------------------------------------------------

REPLIES = {"follow-up-no-reply", "professor-introduction"}
OPPORTUNITY_REPLIES = {"invitation-to-apply-reply", "resume-referral-reply", "job-offer-reply"}
TIMED_FIELDS = {"meeting_time", "other_times", "your_availability"}
PRESUMES_STUDIES = ["my studies", "my own studies", "students in my program", "exam", "campus", "a student"]


def script_examples(script_id: str) -> dict[str, str]:
    """A script's fields at their examples, with the visitors' details."""
    g = guide()
    script = next(s for s in g.scripts if s.id == script_id)
    return {**g.visitors.examples(), **{field.id: field.example for field in script.meta.fields}}


def test_replies_keep_their_thread() -> None:
    scripts = {script.id: script for script in guide().scripts}
    for script_id in REPLIES:
        meta = scripts[script_id].meta
        assert meta.reply and meta.subject is None and not scripts[script_id].subject_parts, script_id
    assert all(script.meta.channel == "email" for script in guide().scripts if script.meta.reply)


def test_first_emails_leave_room_for_every_introduction() -> None:
    g = guide()
    for script in g.scripts:
        if (script.meta.moment, script.meta.channel) != ("first-contact", "email"):
            continue
        examples = script_examples(script.id)
        for kind in g.visitors.kinds or (None,):
            length = count(fill(script.body_parts, examples, kind), "words")
            assert length <= 85, f"{script.id}: {length} words with {kind.id if kind else 'its examples'}"


def test_a_time_in_a_script_names_its_zone() -> None:
    timed = [s for s in guide().scripts if TIMED_FIELDS & {field.id for field in s.meta.fields}]
    assert {"confirm-meeting", "reschedule", "video-meeting-request"} <= {s.id for s in timed}
    for script in timed:
        fields = [part.field for part in script.body_parts if part.field]
        assert "time_zone" in fields, f"{script.id} names a time without its zone"
        times = [i for i, field in enumerate(fields) if field in TIMED_FIELDS]
        near = all("time_zone" in fields[max(i - 1, 0) : i + 2] for i in times)
        assert near, f"{script.id}: each time has its zone beside it"


def test_script_examples_never_guess_a_title_from_a_name() -> None:
    guessed = re.compile(r"\b(?:Mr|Ms|Mrs|Miss|Mme)\.? [A-Z]")
    for script in guide().scripts:
        for field in script.meta.fields:
            assert not guessed.search(field.example), f"{script.id}: {field.id} example {field.example!r}"


def test_scripts_presume_no_studies_outside_the_introduction() -> None:
    for script in guide().scripts:
        literal = " ".join(part.text for part in (*script.subject_parts, *script.body_parts))
        found = [phrase for phrase in PRESUMES_STUDIES if re.search(rf"\b{phrase}\b", literal, re.I)]
        assert not found, f"{script.id} presumes studies: {found}"


def test_each_kind_of_opportunity_has_its_own_reply() -> None:
    scripts = {script.id: script for script in guide().scripts}
    assert set(scripts) >= OPPORTUNITY_REPLIES
    for script_id in OPPORTUNITY_REPLIES:
        assert scripts[script_id].meta.moment == "keeping-in-touch", script_id


# --- The guide in French (issue 15) ---------------------------------------------------------------

SEED_FR = SEED.with_name("informational-interviews.fr.txt")
CONTENT_FR = CONTENT / "fr"
NO_BREAK = "\u00a0\u202f"

# The French of the centre's text on each page (the pages' brief lists them), compared like the English.
SEED_PHRASES_FR = {
    "research.md": ["Recueillez de l'information de base", "espérez apprendre"],
    "prepare.md": [
        "choisissez des questions pertinentes",
        "connaissance du domaine",
        "10 minutes à l'avance",
        "Habillez-vous",
        "présentation éclair",
        "cartes professionnelles",
    ],
    "find-contacts.md": [
        "LinkedIn",
        "Ten Thousand Coffees",
        "associations professionnelles",
        "activités de réseautage",
        "professeures et professeurs",
        "activités du Centre de carrière",
    ],
    "reach-out.md": ["courriel", "professionnels et concis", "vous ne demandez pas un emploi", "téléphon"],
    "meeting.md": [
        "recueillir de l'information",
        "relation de confiance",
        "demander conseil",
        "animer la discussion",
        "20 minutes",
        "plus de temps",
        "notes",
        "Détendez-vous",
        "Y a-t-il une autre personne, dans un domaine semblable ou connexe, "
        "avec qui vous me recommanderiez de parler\u00a0?",
        "nom de votre contact",
        "rendre la pareille",
    ],
    "follow-up.md": [
        "remerciement",
        "24 heures",
        "une chose que vous avez apprise",
        "premier contact",
        "au courant de vos progrès",
    ],
    "keep-track.md": ["Gardez une trace", "prochaines étapes"],
}


def seed_bullets_fr(heading: str) -> list[str]:
    """The bullets under one heading of the French of the centre's text."""
    lines = SEED_FR.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(heading))
    bullets = []
    for line in lines[start + 1 :]:
        if not line.startswith("- "):
            break
        bullets.append(line[2:].strip())
    return bullets


def test_the_french_seed_has_the_english_seeds_bullets() -> None:
    assert len(seed_bullets_fr("Mener une entrevue d'information")) == len(SEED_STEPS)
    assert len(seed_bullets_fr("Exemples de questions")) == 6


@pytest.mark.parametrize(("page", "phrases"), sorted(SEED_PHRASES_FR.items()))
def test_each_french_seed_phrase_is_on_its_page(page: str, phrases: list[str]) -> None:
    text = words((CONTENT_FR / page).read_text(encoding="utf-8")).lower()
    for phrase in phrases:
        assert words(phrase).lower() in text, f"'{phrase}' is missing from content/fr/{page}"


def test_the_six_french_sample_questions_are_the_seed_questions_french() -> None:
    bank = yaml.safe_load((ROOT / "question_bank.fr.yaml").read_text(encoding="utf-8"))
    seeded = {q.id for q in guide().questions if q.source == "seed"}
    french = {" ".join(bank["questions"][ident]["text"].split()) for ident in seeded}
    samples = [" ".join(sample.split()) for sample in seed_bullets_fr("Exemples de questions")]
    assert len(samples) == 6
    assert [sample for sample in samples if sample not in french] == []


# French typography (OQLF): a no-break space (U+00A0, or the narrow U+202F) before ; : ! ? and », and
# after «; never an ordinary space there. Code, URLs, placeholders, link targets, HTML tags, attribute
# lists, icon shortcodes and times (14:30) are not prose, so they are left out before looking.
_NOT_PROSE = [
    re.compile(r"^(`{3,}|~{3,}).*?^\1[ \t]*$", re.M | re.S),  # fenced code
    re.compile(r"`[^`\n]*`"),  # inline code
    re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S),  # Jinja placeholders
    re.compile(r"\{[#:.][^}\n]*\}|\{\w+\}"),  # attribute lists, {name} parameters
    re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"),  # Markdown link targets
    re.compile(r"^\[[^\]]+\]:\s*\S+.*$", re.M),  # reference link definitions
    re.compile(r"<[a-zA-Z/!][^>]*>"),  # HTML tags and autolinks
    re.compile(r"\b(?:https?|mailto|tel):\S+"),  # URLs
    re.compile(r":[a-z0-9_+-]+:"),  # icon and emoji shortcodes
    re.compile(r"\d:\d"),  # times, 14:30
    re.compile(r"^\s*(?:!!!|\?\?\?\+?)", re.M),  # admonitions
    re.compile(r"^\s*\|?(?:\s*:?-+:?\s*\|)+\s*:?-*:?\s*$", re.M),  # table rules
]
_BAD_TYPOGRAPHY = re.compile(rf"(?:[^{NO_BREAK}][;:!?»]|«[^{NO_BREAK}])")


def typography_slips(text: str) -> list[str]:
    """Each place in French prose where a no-break space is missing, with a few words around it."""
    for pattern in _NOT_PROSE:  # blanked out, lines kept, so that nothing joins across what was there
        text = pattern.sub(lambda match: re.sub(r"[^\n]", " ", match.group(0)), text)
    slips = []
    for match in _BAD_TYPOGRAPHY.finditer(text):
        char = match.group(0)
        if char[0] in ";:!?»" and match.start() == 0:
            continue
        if char[-1] in ";:!?»" and char[0] in "!?":  # « ?! » takes one space, before the first
            continue
        around = text[max(match.start() - 25, 0) : match.end() + 25]
        slips.append(" ".join(around.split()))
    return slips


def strings_in(data: object) -> list[str]:
    """Every text in parsed YAML, ids and fingerprints left out."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [text for key, value in data.items() if key not in ("en", "id") for text in strings_in(value)]
    if isinstance(data, list):
        return [text for value in data for text in strings_in(value)]
    return []


@cache
def french_texts() -> dict[str, list[str]]:
    """Every French text by file: the bank, the visitors, the scripts, the pages, the interface."""
    texts: dict[str, list[str]] = {}
    for name in ("question_bank.fr.yaml", "visitors.fr.yaml", "interface.fr.yaml"):
        texts[name] = strings_in(yaml.safe_load((ROOT / name).read_text(encoding="utf-8")))
    for path in sorted((ROOT / "email_templates" / "fr").glob("*.txt")):
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        texts[f"email_templates/fr/{path.name}"] = [*strings_in(yaml.safe_load(front)), body]
    for path in sorted(CONTENT_FR.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            text = text.split("---\n", 2)[2]
        texts[f"content/fr/{path.relative_to(CONTENT_FR).as_posix()}"] = [text]
    return texts


def test_the_typography_check_finds_what_it_should() -> None:
    assert typography_slips("Pourquoi ? Voici : « oui »") != []
    assert len(typography_slips("Pourquoi? Voici: «\u00a0oui »")) == 3
    assert typography_slips("Pourquoi\u00a0? Voici\u202f; «\u00a0oui\u00a0»\u00a0!?") == []
    ok = "À 14:30, `a: b`, [lien](page.md#x?y), {{ contact_name }}, https://example.ca/?q=1 {#id step=a}"
    assert typography_slips(ok) == []


@pytest.mark.parametrize("name", sorted(french_texts()))
def test_french_typography(name: str) -> None:
    slips = [slip for text in french_texts()[name] for slip in typography_slips(text)]
    assert slips == [], f"{name}: a no-break space is missing at: {slips[:10]}"
