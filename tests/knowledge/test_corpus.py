"""Checks of the bundled Korean policy corpus and the retrieval lexicon (synonyms, Kiwi user dictionary)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from knowledge.config import CORPUS_DIR
from knowledge.korean import LEXICON_DIR, tokenize
from knowledge.schemas import PolicyFrontMatter

POLICY_DIR = CORPUS_DIR / "policies"
LAST_CHECKED = date(2026, 11, 21)
FLAGS = ("[UNVERIFIED]", "[CONFLICT]")
# A flagged statement must tell the reader where to check it.
CHECK_PLACES = ("고용24", "1350", "law.go.kr", "minimumwage.go.kr")
SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


@dataclass(frozen=True)
class Section:
    heading: str
    text: str

    @property
    def full(self) -> str:
        return f"{self.heading}\n{self.text}"


@dataclass(frozen=True)
class Doc:
    path: Path
    meta: PolicyFrontMatter
    raw_meta: dict[str, Any]
    body: str
    sections: list[Section]

    @property
    def text(self) -> str:
        return self.body


def split_front_matter(raw: str) -> tuple[dict[str, Any], str]:
    lines = raw.splitlines()
    assert lines and lines[0].strip() == "---", "document must start with a '---' line"
    end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    meta = yaml.safe_load("\n".join(lines[1:end]))
    assert isinstance(meta, dict)
    return meta, "\n".join(lines[end + 1 :]).strip() + "\n"


def split_sections(body: str) -> list[Section]:
    sections: list[Section] = []
    heading: str | None = None
    buf: list[str] = []
    for line in body.splitlines():
        if line.startswith("## ") or line.startswith("### "):
            if heading is not None:
                sections.append(Section(heading, "\n".join(buf).strip()))
            heading, buf = line.lstrip("#").strip(), []
        elif heading is not None:
            buf.append(line)
    if heading is not None:
        sections.append(Section(heading, "\n".join(buf).strip()))
    return sections


def load_doc(path: Path) -> Doc:
    raw_meta, body = split_front_matter(path.read_text(encoding="utf-8"))
    return Doc(path, PolicyFrontMatter.model_validate(raw_meta), raw_meta, body, split_sections(body))


def prose_sentences(text: str) -> int:
    prose = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("|"))
    return len(SENTENCE_END.findall(prose))


POLICY_FILES = sorted(POLICY_DIR.glob("*.md"))


@pytest.fixture(scope="module")
def docs() -> dict[str, Doc]:
    return {p.stem: load_doc(p) for p in POLICY_FILES}


def docs_of(docs: dict[str, Doc], program: str) -> list[Doc]:
    return [d for d in docs.values() if d.meta.program == program]


def section_with(doc_list: list[Doc], *needles: str) -> Section:
    for d in doc_list:
        for s in d.sections:
            if all(n in s.heading for n in needles):
                return s
    raise AssertionError(f"no section with heading containing {needles}")


# --------------------------------------------------------------------------- every document


def test_corpus_has_enough_documents() -> None:
    assert len(POLICY_FILES) >= 18


@pytest.mark.parametrize("path", POLICY_FILES, ids=lambda p: p.stem)
def test_document_front_matter_and_structure(path: Path) -> None:
    doc = load_doc(path)
    meta = doc.meta
    assert meta.id == path.stem
    assert meta.last_checked == LAST_CHECKED
    assert meta.effective_to is None or meta.effective_from <= meta.effective_to
    assert meta.effective_from <= LAST_CHECKED
    assert meta.keywords, "keywords are needed for sparse retrieval"
    if meta.year is not None:
        assert meta.effective_from.year <= meta.year
        assert meta.effective_to is None or meta.year <= meta.effective_to.year
    first = doc.body.lstrip().splitlines()[0]
    assert first.startswith("# ") and not first.startswith("## ")
    assert len(doc.sections) >= 2
    headings = [s.heading for s in doc.sections]
    assert len(headings) == len(set(headings)), "duplicate section headings break citations"


@pytest.mark.parametrize("path", POLICY_FILES, ids=lambda p: p.stem)
def test_sections_are_self_contained(path: Path) -> None:
    doc = load_doc(path)
    terms = [doc.meta.program, *doc.meta.keywords]
    for s in doc.sections:
        n = prose_sentences(s.text)
        assert 3 <= n <= 12, f"{s.heading!r}: {n} sentences"
        assert any(t in s.full for t in terms), f"{s.heading!r} never names its topic"
        if doc.meta.year is not None:
            assert str(doc.meta.year) in s.full, f"{s.heading!r} does not repeat the year {doc.meta.year}"


@pytest.mark.parametrize("path", POLICY_FILES, ids=lambda p: p.stem)
def test_confidence_matches_inline_flags(path: Path) -> None:
    doc = load_doc(path)
    has_conflict = "[CONFLICT]" in doc.body
    has_unverified = "[UNVERIFIED]" in doc.body
    if has_conflict:
        assert doc.meta.confidence == "conflict"
    elif has_unverified:
        assert doc.meta.confidence == "unverified"
    else:
        assert doc.meta.confidence in ("law", "news", "secondary")
    # Malformed flags (lower case, Korean brackets, missing brackets) would escape the chunk flag parser.
    assert not re.search(r"(?<!\[)\b(UNVERIFIED|CONFLICT)\b(?!\])", doc.body)
    assert not re.search(r"\[(unverified|conflict|미확인|충돌)\]", doc.body)


@pytest.mark.parametrize("path", POLICY_FILES, ids=lambda p: p.stem)
def test_every_flag_says_where_to_check(path: Path) -> None:
    doc = load_doc(path)
    for flag in FLAGS:
        for m in re.finditer(re.escape(flag), doc.body):
            rest = doc.body[m.end() :].split("\n", 1)[0]
            sentence = rest.split("니다.", 1)[0]
            assert "확인" in sentence and any(p in sentence for p in CHECK_PLACES), sentence


@pytest.mark.parametrize("path", POLICY_FILES, ids=lambda p: p.stem)
def test_sources_are_well_formed(path: Path) -> None:
    doc = load_doc(path)
    for src in doc.meta.sources:
        assert src.url or src.article or src.title
        if src.url:
            assert src.url.startswith("https://")


def test_all_text_is_korean_and_cites_articles(docs: dict[str, Doc]) -> None:
    hangul = re.compile(r"[가-힣]")
    for d in docs.values():
        assert hangul.search(d.meta.title)
        assert len(hangul.findall(d.body)) > 300
    law_docs = [d for d in docs.values() if d.meta.confidence == "law"]
    assert law_docs
    for d in law_docs:
        assert re.search(r"제\d+조", d.body), d.meta.id


# --------------------------------------------------------------------------- required topics


REQUIRED_PROGRAMS = [
    "구직급여",
    "조기재취업수당",
    "국민취업지원제도",
    "구직촉진수당",
    "취업성공수당",
    "국민내일배움카드",
    "청년일자리도약장려금",
    "고용촉진장려금",
    "고령자 계속고용장려금",
    "출산육아기 고용안정장려금",
    "최저임금",
    "고용센터",
    "제주 노동시장 통계",
    "육아휴직 급여",
]


@pytest.mark.parametrize("program", REQUIRED_PROGRAMS)
def test_required_program_is_covered(docs: dict[str, Doc], program: str) -> None:
    assert docs_of(docs, program)


def test_unemployment_benefit_subtopics(docs: dict[str, Doc]) -> None:
    ub = " ".join(d.body for d in docs_of(docs, "구직급여"))
    for needle in (
        "제40조",
        "180일",
        "별표1",
        "고용24",
        "실업인정",
        "별표2",
        "정당한 사유",
        "제46조",
        "1350",
    ):
        assert needle in ub, needle


def test_national_employment_support_types(docs: dict[str, Doc]) -> None:
    text = " ".join(d.body for d in docs_of(docs, "국민취업지원제도"))
    for needle in ("요건심사형", "선발형", "청년특례", "Ⅱ유형", "중위소득 60%", "4억원"):
        assert needle in text, needle


def test_hiring_law_articles(docs: dict[str, Doc]) -> None:
    text = " ".join(d.body for d in docs.values())
    for needle in (
        "제4조의3",
        "제4조의4",
        "제4조의5",
        "남녀고용평등법 제7조",
        "500만원 이하의 과태료",
        "2천만원 이하의 벌금",
    ):
        assert needle in text, needle


def test_duration_table_matches_law_rows(docs: dict[str, Doc]) -> None:
    doc = docs["unemployment-benefit-duration"]
    rows = {
        line.split("|")[1].strip(): [int(c.strip().rstrip("일")) for c in line.split("|")[2:-1]]
        for line in doc.body.splitlines()
        if line.startswith("| 50세")
    }
    under, over = rows["50세 미만"], rows["50세 이상 및 장애인"]
    assert len(under) == len(over) == 5
    assert under[0] == over[0] == 120  # 1년 미만 is the same for both rows
    assert all(a < b for a, b in zip(under, under[1:], strict=False))
    assert all(a <= b for a, b in zip(under, over, strict=True))
    assert max(over) == 270 and max(under) == 240
    # The prose sections restate the same numbers as the table.
    prose = section_with([doc], "50세 이상 및 장애인").text
    for days in over:
        assert f"{days}일" in prose
    assert "장애인" in prose and "50세 이상으로 보아" in prose


# --------------------------------------------------------------------------- figures and years


def _won(text: str, pattern: str) -> int:
    m = re.search(pattern, text)
    assert m, pattern
    return int(m.group(1).replace(",", ""))


@pytest.mark.parametrize("year", [2025, 2026])
def test_benefit_floor_follows_minimum_wage(docs: dict[str, Doc], year: int) -> None:
    wage_section = section_with(docs_of(docs, "최저임금"), f"{year}년 최저임금")
    wage = _won(wage_section.text, r"시간급 ([\d,]+)원")
    amount_section = section_with(docs_of(docs, "구직급여"), f"{year}년 구직급여 상한액과 하한액")
    floor = wage * 8 * 8 // 10  # 최저임금 × 8시간 × 80% (고용보험법 제45조·제46조)
    assert f"{floor:,}원" in amount_section.text
    assert f"{wage:,}원" in amount_section.text
    assert str(year) in amount_section.text


def test_benefit_caps_by_year(docs: dict[str, Doc]) -> None:
    ub = docs_of(docs, "구직급여")
    s2025 = section_with(ub, "2025년 구직급여 상한액과 하한액").text
    s2026 = section_with(ub, "2026년 구직급여 상한액과 하한액").text
    base_2025 = _won(s2025, r"기초일액 상한 ([\d,]+)원")
    base_2026 = _won(s2026, r"기초일액 상한 ([\d,]+)원")
    assert (base_2025, base_2026) == (110_000, 113_500)
    assert f"{base_2025 * 6 // 10:,}원" in s2025 and f"{base_2026 * 6 // 10:,}원" in s2026
    assert "66,000원" in s2025 and "64,192원" in s2025
    assert "68,100원" in s2026 and "66,048원" in s2026
    # No year's section quotes the other year's figures as its own.
    assert "68,100" not in s2025 and "66,048" not in s2025
    assert "64,192" not in s2026
    # Monthly (30-day) figures are consistent with the daily ones.
    assert f"{64_192 * 30:,}원" in s2025 and f"{66_000 * 30:,}원" in s2025
    assert f"{66_048 * 30:,}원" in s2026 and f"{68_100 * 30:,}원" in s2026


@pytest.mark.parametrize("figure", ["66,048", "68,100", "64,192", "66,000", "113,500", "10,320", "10,030"])
def test_key_figures_present(docs: dict[str, Doc], figure: str) -> None:
    assert any(figure in d.body for d in docs.values())


def test_job_seeking_allowance_by_year(docs: dict[str, Doc]) -> None:
    by_year = {d.meta.year: d for d in docs_of(docs, "구직촉진수당")}
    assert set(by_year) >= {2025, 2026}
    assert "월 50만원" in by_year[2025].body and "300만원" in by_year[2025].body
    assert "월 60만원" in by_year[2026].body and "360만원" in by_year[2026].body
    assert "월 60만원" not in section_with([by_year[2025]], "2025년 구직촉진수당 금액").text
    # The 2026 scope (all Ⅰ유형 or youth only) is not settled and must stay flagged.
    assert by_year[2026].meta.confidence in ("unverified", "conflict")
    assert "[UNVERIFIED]" in section_with([by_year[2026]], "2026년 구직촉진수당 금액").text


def test_youth_subsidy_2026_for_jeju_is_flagged(docs: dict[str, Doc]) -> None:
    by_year = {d.meta.year: d for d in docs_of(docs, "청년일자리도약장려금")}
    assert set(by_year) >= {2025, 2026}
    jeju = section_with([by_year[2026]], "제주")
    assert "비수도권" in jeju.text and "[UNVERIFIED]" in jeju.text
    assert "[CONFLICT]" in by_year[2026].body  # 취업애로청년 4개월 vs 6개월


def test_weak_facts_stay_flagged(docs: dict[str, Doc]) -> None:
    assert "[CONFLICT]" in docs["senior-continued-employment-subsidy"].body
    card = " ".join(d.body for d in docs_of(docs, "국민내일배움카드"))
    assert "300만원" in card and "[CONFLICT]" in card and "[UNVERIFIED]" in card
    assert "[UNVERIFIED]" in docs["jeju-employment-center"].body
    assert "1350" in docs["jeju-employment-center"].body


def test_unconfirmed_2027_minimum_wage_not_stated(docs: dict[str, Doc]) -> None:
    # The 2027 figure circulating in late-2026 sources is not officially verified: keep it out of the KB.
    for d in docs.values():
        assert "10,700" not in d.body and "10700" not in d.body


def test_monthly_statistics_carry_their_period(docs: dict[str, Doc]) -> None:
    doc = docs["jeju-labor-market"]
    for s in doc.sections:
        for line in s.text.splitlines():
            for sentence in re.split(r"(?<=다\.)\s", line):
                if re.search(r"\d\.\d%", sentence) and "실업률" in sentence:
                    assert re.search(r"20\d\d년", sentence) or "같은 조사" in sentence, sentence


# --------------------------------------------------------------------------- lexicon


def _load_yaml(name: str) -> Any:
    return yaml.safe_load((LEXICON_DIR / name).read_text(encoding="utf-8"))


def test_synonyms_shape() -> None:
    syn = _load_yaml("synonyms.yaml")
    assert isinstance(syn, dict) and len(syn) >= 40
    seen: dict[str, str] = {}
    for canonical, variants in syn.items():
        assert isinstance(canonical, str) and canonical.strip()
        assert isinstance(variants, list) and variants, canonical
        for v in variants:
            assert isinstance(v, str) and v.strip() and v != canonical
            assert v not in syn, f"variant {v!r} is also a canonical term"
            assert v not in seen, f"variant {v!r} maps to both {seen[v]!r} and {canonical!r}"
            seen[v] = canonical


@pytest.mark.parametrize(
    ("canonical", "variants"),
    [
        ("구직급여", ["실업급여", "실업수당", "실업금", "실급"]),
        ("국민내일배움카드", ["내배카", "내일배움카드", "국비지원카드"]),
        ("해고", ["잘렸다", "잘렸어요", "짤렸", "짤림"]),
        ("권고사직", ["권사", "권고사직서"]),
        ("국민취업지원제도", ["국취제", "국취", "국민취업"]),
        ("청년일자리도약장려금", ["도약장려금", "청년도약장려금"]),
        ("조기재취업수당", ["조기취업수당"]),
        ("소정급여일수", ["며칠 받아", "받는 기간", "수급기간"]),
        ("호텔 프런트", ["프론트"]),
        ("객실관리", ["하우스키핑"]),
    ],
)
def test_required_synonyms(canonical: str, variants: list[str]) -> None:
    syn = _load_yaml("synonyms.yaml")
    assert set(variants) <= set(syn[canonical])


def test_synonym_canonicals_cover_corpus_programs(docs: dict[str, Doc]) -> None:
    syn = _load_yaml("synonyms.yaml")
    corpus = " ".join(d.body for d in docs.values())
    in_corpus = [c for c in syn if c in corpus]
    assert len(in_corpus) >= 30
    for program in ("구직급여", "구직촉진수당", "취업성공수당", "고용촉진장려금", "최저임금"):
        assert program in syn


def test_user_dict_shape() -> None:
    ud = _load_yaml("user_dict.yaml")
    words = ud["NNP"]
    assert len(words) >= 30 and len(words) == len(set(words))
    assert all(isinstance(w, str) and w and " " not in w for w in words)
    for w in (
        "청년일자리도약장려금",
        "국민내일배움카드",
        "구직촉진수당",
        "조기재취업수당",
        "국민취업지원제도",
        "고용24",
        "실업인정",
    ):
        assert w in words


def test_user_dict_words_stay_whole() -> None:
    words = _load_yaml("user_dict.yaml")["NNP"]
    for w in words:
        assert tokenize(w) == [(w, "NNP")], w
    # ... also inside a sentence with particles around them.
    toks = tokenize("청년일자리도약장려금과 구직촉진수당을 고용24에서 신청했어요")
    forms = [f for f, _ in toks]
    assert {"청년일자리도약장려금", "구직촉진수당", "고용24"} <= set(forms)

@pytest.mark.parametrize(
    ("query", "expected", "unwanted"),
    [
        ("실업급여 몇일동안 받을 수 있는 거예요", {"며칠", "구직급여"}, set()),
        ("몇 일 받아요", {"며칠"}, set()),
        ("식당 일 구해요", set(), {"며칠"}),  # a one-syllable term alone ("일") never triggers a group
        ("하루 일 얼마", set(), {"며칠"}),
    ],
)
def test_lexicon_expansion(query: str, expected: set[str], unwanted: set[str]) -> None:
    from knowledge.korean import content_terms
    from knowledge.sparse import Lexicon

    extra = set(Lexicon.load().expand(query, content_terms(query)))
    assert expected <= extra and not (unwanted & extra)


# --------------------------------------------------------------------------- statements checked against the law text


def _sentences(text: str) -> list[str]:
    return [s for line in text.splitlines() for s in re.split(r"(?<=다\.)\s", line) if s.strip()]


def test_fair_hiring_fines_name_the_articles_of_article_17(docs: dict[str, Doc]) -> None:
    """채용절차법 제17조③: 300만원 이하 과태료 = 제11조③ 보관, 제11조⑥ 고지, 제12조① 시정명령 — never 제10조."""
    penalties = section_with([docs["fair-hiring-procedure-act"]], "벌칙").text
    assert "300만원 이하의 과태료" in penalties
    for clause in ("제11조 제3항", "제11조 제6항", "제12조 제1항"):
        assert clause in penalties, clause
    for d in docs.values():
        for sentence in _sentences(d.body):
            if "제10조" in sentence and "과태료" in sentence:
                assert "과태료 조항이 없습니다" in sentence, sentence
            assert "채용여부 고지" not in sentence or "과태료" not in sentence, sentence


def test_military_service_raises_the_youth_age_ceiling(docs: dict[str, Doc]) -> None:
    """구직자취업촉진법 제6조①3 단서·시행령 제2조⑤: 34세 상한 + 실제 복무기간(최대 3년); the age itself is unchanged."""
    basic = section_with(docs_of(docs, "국민취업지원제도"), "기본 요건").text
    assert "34세 상한이 늘어납니다" in basic and "최대 3년" in basic and "시행령 제2조 제5항" in basic
    assert "2년 한 사람은 36세까지" in basic
    for d in docs.values():
        assert "나이 계산에 더해" not in d.body and "나이에 더해" not in d.body


def test_partial_job_search_pays_half_only_when_partial(docs: dict[str, Doc]) -> None:
    """Full performance pays the whole month; ≥ 50 % of the plan → 50 %; < 50 % → nothing (법 제26조①, 2ND)."""
    doc = next(d for d in docs_of(docs, "구직촉진수당") if d.meta.year == 2026)
    text = section_with([doc], "구직활동 이행").text
    assert "모두 이행하면 그 달 수당 전액" in text and "제26조 제1항" in text
    assert "일부를 이행하지 못했더라도 50% 이상 이행했다면 그 달 수당의 50%" in text
    assert "50% 미만이면 그 달 수당은 지급되지 않습니다" in text


def test_youth_subsidy_jeju_needs_a_regular_job_kept_six_months(docs: dict[str, Doc]) -> None:
    doc = next(d for d in docs_of(docs, "청년일자리도약장려금") if d.meta.year == 2026)
    jeju = section_with([doc], "제주").text
    assert "정규직으로 채용해 6개월 이상 고용을 유지하면" in jeju and "720만원" in jeju
    company = section_with([doc], "기업 지원금").text
    assert "정규직으로 채용해 6개월 이상 고용을 유지해야" in company


def test_insured_period_across_jobs_and_the_18_month_window(docs: dict[str, Doc]) -> None:
    """고용보험법 제50조④ (이전 기간: 3년 이내 + 구직급여 미수령) and 제40조 (180일은 이직 전 18개월 안에서)."""
    across = section_with([docs["unemployment-benefit-duration"]], "여러 직장").text
    assert "제50조 제4항" in across and "3년 안에" in across and "구직급여를 받은 적이 없어야" in across
    assert "소정급여일수는 150일" in across  # 40세, earlier 5 years already paid, current job 1 year
    window = section_with([docs["unemployment-benefit-eligibility"]], "기준기간 18개월").text
    assert "이직 전 18개월" in window and "평생 가입 기간이 아닙니다" in window
