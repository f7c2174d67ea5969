"""구인공고 자동검증 — a posting text → findings with the exact span, the rule and article, the severity and a
suggested rewrite. Rules are data (``rules/*.yaml``); :func:`check_posting` evaluates them with small pure functions.

Rules: 연령 제한 (고령자고용법 제4조의4), 성별 (남녀고용평등법 제7조①), 용모·신체조건·미혼 조건 (제7조②), 직무와 무관한
개인정보 요구 (채용절차법 제4조의3, 상시 30명 이상), 거짓 채용광고 (제4조), 채용심사 비용 전가 (제9조), 최저임금 미달
(최저임금법 제6조, the posting's year), 법정 근로시간 초과 (근로기준법 제50조·제53조).
"""

from __future__ import annotations

from graphs.capabilities.posting_check.checker import check_posting
from graphs.capabilities.posting_check.models import CheckReport, Finding, Severity
from graphs.capabilities.posting_check.ruleset import RuleFileError, load_rule, load_rules

__all__ = [
    "CheckReport",
    "Finding",
    "RuleFileError",
    "Severity",
    "check_posting",
    "load_rule",
    "load_rules",
]
