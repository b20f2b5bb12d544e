"""Seeded generator of realistic, distinct Dutch meeting documents for the scale benchmark.

Meeting `i` depends only on (seed, i), so the 100-meeting corpus is the start of the 1k one, which is the
start of the 10k one (the benchmark grows one index). Sixty bodies of eight kinds (council committees,
works councils, school councils, water boards, clubs, neighbourhood councils, project groups, directorate
meetings) meet every few weeks; each meeting has 4-8 items drawn from 50 topics, filled with its own
names, places, amounts and dates, with notes carrying decisions, actions (owner, due date), postponed
items and remarks, in three layouts (minutes, agenda with notes, plain-text notulen). No two documents
are copies, so the embedding cache cannot dedupe them.

    python -m benchmarks.scale.generate --n 100 --out /tmp/corpus
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.scale import vocab

N_SERIES = 60
START = dt.date(2012, 1, 9)


@dataclass
class Series:
    name: str
    slug: str
    kind: str
    members: list[str]
    place: str
    start: dt.date


@dataclass
class Doc:
    """One generated meeting: the file, and what it holds (for questions)."""

    filename: str
    text: str
    series: str
    date: dt.date
    topics: list[str] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)
    decided: list[str] = field(default_factory=list)


def _name(rng: random.Random) -> str:
    return f"{rng.choice(vocab.FIRST)} {rng.choice(vocab.LAST)}"


def all_series(seed: int) -> list[Series]:
    rng = random.Random(seed)
    out: list[Series] = []
    seen: set[str] = set()
    while len(out) < N_SERIES:
        kind, template, names = rng.choice(vocab.BODIES)
        place = rng.choice(vocab.PLACES)
        name = template.format(x=rng.choice(names), p=place.replace("-", " "))
        if name in seen:
            continue
        seen.add(name)
        members = list(dict.fromkeys(_name(rng) for _ in range(rng.randint(5, 9))))
        slug = "-".join(w.lower() for w in name.replace("'", "").split())
        out.append(Series(name, slug, kind, members, place, START + dt.timedelta(days=rng.randint(0, 300))))
    return out


def _date_nl(day: dt.date) -> str:
    return f"{day.day} {vocab.MONTHS[day.month - 1]} {day.year}"


def _fill(template: str, rng: random.Random, *, topic: str, members: list[str], day: dt.date) -> str:
    later = day + dt.timedelta(days=rng.randint(7, 60))
    return template.format(
        t=topic, name=rng.choice(members).split()[0], amount=f"{rng.randint(2, 950) * 1000:,}".replace(",", "."),
        n=rng.randint(3, 140), date=f"{later.day} {vocab.MONTHS[later.month - 1]}", v=rng.choice("ABC"),
        org=rng.choice(vocab.ORGS), pct=rng.randint(12, 97), y=day.year + 1,
    )


def meeting_document(seed: int, i: int, series: list[Series] | None = None) -> Doc:
    """The i-th meeting of the corpus with this seed."""
    series = series or all_series(seed)
    s = series[i % N_SERIES]
    k = i // N_SERIES
    rng = random.Random(seed * 1_000_003 + i)
    day = s.start + dt.timedelta(days=k * 28 + rng.randint(0, 6))  # one meeting a series a date
    present = rng.sample(s.members, k=max(3, len(s.members) - rng.randint(0, 2)))
    layout = rng.choice(("verslag", "agenda-met-notities", "notulen"))
    doc = Doc(filename=f"{day.isoformat()}_{s.slug}_{layout}.{'txt' if layout == 'notulen' else 'md'}",
              text="", series=s.name, date=day)
    items = [("Opening en mededelingen", None)]
    for key, template in rng.sample(vocab.TOPICS, k=rng.randint(3, 7)):
        items.append((template.format(p=rng.choice(vocab.PLACES).replace("-", " "), y=day.year + 1, y0=day.year - 1), key))
    items.append(("Rondvraag", None))
    lines = _header(s, day, present, layout, rng)
    for n, (title, key) in enumerate(items, start=1):
        lines += _item(n, title, key, layout, rng, present, day, doc)
    lines += ["", f"Volgende vergadering: {_date_nl(day + dt.timedelta(days=28))}."]
    doc.text = "\n".join(lines) + "\n"
    return doc


def _header(s: Series, day: dt.date, present: list[str], layout: str, rng: random.Random) -> list[str]:
    when = f"{_date_nl(day)}, {rng.choice(('9.30', '13.00', '15.30', '19.30', '20.00'))} uur"
    who = ", ".join(f"{p} ({vocab.ROLES[j % len(vocab.ROLES)]})" if j < 2 else p for j, p in enumerate(present))
    if layout == "notulen":
        return [s.name.upper(), f"Notulen van de vergadering van {when}", f"Aanwezig: {who}", ""]
    kind = "Agenda" if layout == "agenda-met-notities" else "Verslag"
    return [f"# {s.name}", "", f"{kind} van het overleg van {when}, {s.place.replace('-', ' ')}.", "",
            f"Aanwezig: {who}", ""]


def _item(n: int, title: str, key: str | None, layout: str, rng: random.Random, present: list[str],
          day: dt.date, doc: Doc) -> list[str]:
    head = f"{n}. {title[0].upper()}{title[1:]}" if layout == "notulen" else f"## {n}. {title[0].upper()}{title[1:]}"
    if key is None:
        body = [f"{present[0].split()[0]} opent de vergadering." if n == 1 else
                f"{rng.choice(present).split()[0]} vraagt naar {rng.choice(vocab.TOPICS)[1].format(p=rng.choice(vocab.PLACES), y=day.year, y0=day.year)}."]
        return [head, "", *body, ""]
    doc.topics.append(title)
    prepared = " ".join(_fill(t, rng, topic=title, members=present, day=day)
                        for t in rng.sample(vocab.PREPARED, k=rng.randint(1, 3)))
    kinds = rng.sample(["decision", "action", "postponed", "remark"], k=rng.randint(1, 2))
    notes = []
    for kind in kinds:
        note = _fill(rng.choice(vocab.NOTES[kind]), rng, topic=title, members=present, day=day)
        notes.append(note)
        if kind == "action":
            doc.owners.append(note.split()[1] if note.startswith("Actie") or note.startswith("Afspraak") else note.split()[0])
        if kind == "decision":
            doc.decided.append(title)
    if layout == "agenda-met-notities":
        return [head, "", prepared, "", *[f"*{x}*" for x in notes], ""]
    return [head, "", prepared, " ".join(notes), ""]


QUESTIONS = [
    "Wat is er besloten over {topic}?",
    "Wat is er afgesproken over {topic}?",
    "Welke acties heeft {owner}?",
    "Wanneer is {topic} besproken?",
    "Wat is er gezegd over {topic} in de {series}?",
    "Welke punten zijn doorgeschoven in de {series}?",
    "Hoeveel kost {topic}?",
]


def questions(docs: list[Doc], n: int, seed: int) -> list[str]:
    """`n` questions about what the corpus holds (topics, owners, bodies), seeded."""
    rng = random.Random(seed + 7)
    out: list[str] = []
    while len(out) < n:
        doc = rng.choice(docs)
        template = QUESTIONS[len(out) % len(QUESTIONS)]
        if "{owner}" in template and not doc.owners:
            continue
        topic = rng.choice(doc.decided or doc.topics) if doc.topics else "de begroting"
        out.append(template.format(topic=topic, owner=rng.choice(doc.owners) if doc.owners else "", series=doc.series))
    return out


def write_corpus(out: Path, n: int, seed: int = 15, start: int = 0) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    series = all_series(seed)
    paths = []
    for i in range(start, n):
        doc = meeting_document(seed, i, series)
        path = out / doc.filename
        path.write_text(doc.text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    print(f"{len(write_corpus(args.out, args.n, args.seed))} documenten in {args.out}")


if __name__ == "__main__":
    main()
