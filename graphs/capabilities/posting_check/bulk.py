"""Bulk mode for admins: every posting of the ingested job catalog checked, counts per rule and the worst postings.

A catalog posting (:class:`JobPosting`) is checked as the text a job seeker reads on 고용24: its title, company,
직무내용, 자격, 근무시간, 임금 and 복리후생 (:func:`posting_text`), for the year it was registered (the minimum wage
of that year). The company's 상시 근로자 수 is not in the catalog, so size-dependent rules say "확인 필요".

Called by the app after ``goyong ingest --source jobs|all`` and the admin's /색인 (never by ``ingest/``, which may
not import ``graphs``), and by ``goyong posting check --catalog``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

from pydantic import BaseModel, Field

from graphs.capabilities.posting_check.checker import check_posting
from graphs.capabilities.posting_check.models import SEVERITY_ORDER, CheckReport
from graphs.capabilities.posting_check.ruleset import load_rules
from knowledge.formatting import pay_range
from knowledge.reports import save_report
from knowledge.schemas import JobPosting

WORST_N = 10
REPORT_PREFIX = "posting-check"


def posting_text(job: JobPosting) -> str:
    """The posting as its reader sees it, one field a line (the catalog's own words, nothing added)."""
    pay = ""
    if job.wage_min is not None:
        pay = pay_range(job.wage_type, job.wage_min, job.wage_max)
    elif job.wage_type == "면접후결정":
        pay = "면접 후 결정"
    lines = [
        job.title,
        f"회사: {job.company}",
        f"모집직종: {job.job_name}" if job.job_name else "",
        f"고용형태: {job.employment_type}",
        f"임금: {pay}" if pay else "",
        f"근무시간: {job.work_schedule}" if job.work_schedule else "",
        f"주 소정근로시간: {job.weekly_hours:g}시간" if job.weekly_hours else "",
        f"학력: {job.education}" if job.education else "",
        f"경력: {job.career}" if job.career else "",
        f"복리후생: {job.benefits}" if job.benefits else "",
        f"직무내용: {job.job_content}" if job.job_content else "",
    ]
    return "\n".join(ln for ln in lines if ln)


def posting_year(job: JobPosting, today: date) -> int:
    """The year whose minimum wage applies: the registration year, else this year."""
    return job.reg_date.year if job.reg_date else today.year


def check_job(job: JobPosting, *, today: date, employees: int | None = None) -> CheckReport:
    return check_posting(posting_text(job), year=posting_year(job, today), employees=employees)


class RuleCount(BaseModel):
    rule_id: str
    name: str
    postings: int = 0  # postings with at least one finding of the rule
    findings: int = 0
    by_severity: dict[str, int] = Field(default_factory=dict)


class FlaggedPosting(BaseModel):
    id: str
    title: str
    company: str
    findings: int
    violations: int  # 위반
    rules: list[str]  # rule names, in order of first appearance
    quotes: list[str]  # the flagged words (first 3)


class CatalogReport(BaseModel):
    """The whole catalog checked on one day."""

    checked_at: datetime
    today: date
    run_id: str | None = None  # the ingest run this check followed
    postings: int
    flagged: int  # postings with any finding
    with_violation: int  # postings with a 위반
    by_severity: dict[str, int]
    rules: list[RuleCount]
    worst: list[FlaggedPosting]

    def rule(self, rule_id: str) -> RuleCount | None:
        return next((r for r in self.rules if r.rule_id == rule_id), None)


def _score(f: FlaggedPosting) -> tuple[int, int]:
    return f.violations, f.findings


def check_catalog(jobs: Iterable[JobPosting], *, today: date, worst: int = WORST_N,
                  run_id: str | None = None) -> CatalogReport:
    """Every posting checked; counts per rule (every rule listed, zero included) and the ``worst`` postings (most
    위반, then most findings)."""
    rules = {r.id: RuleCount(rule_id=r.id, name=r.name) for r in load_rules()}
    severity: Counter[str] = Counter()
    flagged: list[FlaggedPosting] = []
    total = 0
    for job in jobs:
        total += 1
        report = check_job(job, today=today)
        if not report.findings:
            continue
        seen: list[str] = []
        for f in report.findings:
            rc = rules.setdefault(f.rule_id, RuleCount(rule_id=f.rule_id, name=f.rule_name))
            rc.findings += 1
            rc.by_severity[f.severity] = rc.by_severity.get(f.severity, 0) + 1
            severity[f.severity] += 1
            if f.rule_id not in seen:
                seen.append(f.rule_id)
                rc.postings += 1
        flagged.append(FlaggedPosting(
            id=job.id, title=job.title, company=job.company, findings=len(report.findings),
            violations=sum(1 for f in report.findings if f.severity == "위반"),
            rules=[rules[r].name for r in seen], quotes=[f.quote for f in report.findings[:3]]))
    flagged.sort(key=_score, reverse=True)
    return CatalogReport(
        checked_at=datetime.now(), today=today, run_id=run_id, postings=total, flagged=len(flagged),
        with_violation=sum(1 for f in flagged if f.violations), by_severity={s: severity[s] for s in SEVERITY_ORDER},
        rules=sorted(rules.values(), key=lambda r: (-r.postings, r.rule_id)), worst=flagged[:worst])


def summary_line(report: CatalogReport) -> str:
    """One line: how many postings were checked and flagged, and the rules that fired."""
    fired = ", ".join(f"{r.name} {r.postings}건" for r in report.rules if r.postings)
    return (f"공고 점검: {report.postings:,}건 중 {report.flagged:,}건에서 문제 소지 (위반 {report.with_violation:,}건)"
            + (f" — {fired}" if fired else ""))


def counts_table(report: CatalogReport) -> str:
    """Per-rule counts as a Markdown table (every rule, zero included)."""
    lines = ["| 규칙 | 공고 수 | 지적 수 | 위반 | 확인 필요 | 권고 |", "|---|---:|---:|---:|---:|---:|"]
    for r in report.rules:
        lines.append(f"| {r.name} | {r.postings} | {r.findings} | "
                     + " | ".join(str(r.by_severity.get(s, 0)) for s in SEVERITY_ORDER) + " |")
    return "\n".join(lines)


def worst_lines(report: CatalogReport) -> list[str]:
    return [f"{i}. {w.id} {w.title} ({w.company}) — 위반 {w.violations}, 지적 {w.findings}: {', '.join(w.rules)}"
            f" · “{'”, “'.join(w.quotes)}”"
            for i, w in enumerate(report.worst, start=1)]


def report_text(report: CatalogReport) -> str:
    lines = [f"채용정보 전체 점검 ({report.today.isoformat()} 기준)", summary_line(report), "", counts_table(report)]
    if report.worst:
        lines += ["", f"문제 소지가 많은 공고 (상위 {len(report.worst)}건):", *worst_lines(report)]
    lines += ["", "※ 공고 문구만 보고 자동 점검한 결과입니다. 사업장 규모(상시 근로자 수)를 모르는 규칙은 '확인 필요'로 "
                  "표시됩니다. 위반 여부의 최종 판단은 관할 고용노동관서(☎1350)에 확인하세요."]
    return "\n".join(lines)


def save_catalog_report(report: CatalogReport, reports_dir: Path) -> Path:
    """``<reports>/posting-check-<run id or time>.json`` (written atomically, next to the ingest reports)."""
    stamp = report.run_id or report.checked_at.strftime("%Y%m%dT%H%M%S")
    return save_report(reports_dir, f"{REPORT_PREFIX}-{stamp}", report)


def latest_report(reports_dir: Path) -> CatalogReport | None:
    files = sorted(reports_dir.glob(f"{REPORT_PREFIX}-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for path in files:
        try:
            return CatalogReport.model_validate_json(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
    return None
