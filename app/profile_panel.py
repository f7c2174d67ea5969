"""The person's profile as the chat and the CLI show and edit it (pure: no Chainlit here).

- :func:`profile_markdown`: the filled fields as a Markdown table with Korean labels (구직 조건, then 수급 요건 관련),
  personal data masked, staff-only fields left out for a citizen.
- :func:`settings_widgets`: the ⚙ settings form (Chainlit ``ChatSettings``) as plain specs, filled from the thread.
- :func:`edits_from_settings` / :func:`edits_from_assignments`: a submitted form, or ``희망직종=요양보호사`` pairs,
  parsed back into the fields that changed, with a Korean error naming the field; ``Assistant.update_profile``
  validates them with pydantic and stores them in the thread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from graphs.nlu.gazetteer import find_places, resolve
from graphs.profile import (
    PROFILE_LABELS,
    SEEKER_LABELS,
    STAFF_ONLY,
    Education,
    SeekerProfile,
    shown_value,
)
from knowledge.pii import mask_pii
from knowledge.schemas import EmploymentType

EMPTY_TEXT = ("아직 알려진 내용이 없습니다. 대화에서 \"회계 사무 12년, 전산회계 1급, 제주시 연동 거주, 월 250 이상 "
              "정규직 희망\"처럼 말하거나 ⚙ 설정에서 입력하면 채워집니다.")
SHOW_LABEL = "👤 프로필 보기"
_NOT_SHOWN = frozenset({"age"})
_SHOW_COMMAND = re.compile(r"^\s*(?:👤\s*)?/?(?:내\s*)?프로필(?:\s*(?:보기|보여\s*줘|확인))?\s*$")  # the seeker's copy of Profile.age: shown once, from the Profile


class ProfileInputError(ValueError):
    """A value typed into the panel or ``--set`` that cannot be read; the message names the field in Korean."""


# ------------------------------------------------------------------------------------------------ showing
def is_show_command(text: str) -> bool:
    """"프로필 보기", "/프로필", "👤 프로필 보기", "내 프로필" — a request to see the profile, not a question."""
    return bool(_SHOW_COMMAND.match(text))


def _rows(data: dict[str, Any], labels: dict[str, str], role: str) -> list[tuple[str, str]]:
    rows = []
    for name, label in labels.items():
        if name not in data or (labels is SEEKER_LABELS and name in _NOT_SHOWN) or (
                role == "citizen" and name in STAFF_ONLY):
            continue
        value = data[name]
        if value in (None, [], ""):
            continue
        rows.append((label, mask_pii(shown_value(name, value))[0]))
    return rows


def profile_markdown(view: dict[str, dict[str, Any]], role: str) -> str:
    """``Assistant.profile`` output → Markdown: one table per part, only the filled fields."""
    seeker = _rows(view.get("seeker") or {}, SEEKER_LABELS, role)
    person = _rows(view.get("profile") or {}, PROFILE_LABELS, role)
    if not seeker and not person:
        return f"**👤 {'내 프로필' if role == 'citizen' else '구직자 프로필'}**\n\n{EMPTY_TEXT}"
    parts = [f"**👤 {'내 프로필' if role == 'citizen' else '구직자 프로필'}**"]
    for title, rows in (("구직 조건", seeker), ("수급 요건 관련", person)):
        if rows:
            table = "\n".join(f"| {label} | {value.replace('|', '/')} |" for label, value in rows)
            parts.append(f"*{title}*\n\n| 항목 | 내용 |\n|---|---|\n{table}")
    missing = [SEEKER_LABELS[n] for n in ("desired_occupation", "experience", "district", "desired_monthly_wage")
               if n not in (view.get("seeker") or {})]
    if missing:
        parts.append("미입력: " + ", ".join(missing) + " — ⚙ 설정에서 고칠 수 있습니다.")
    return "\n\n".join(parts)


# ------------------------------------------------------------------------------------------------ the form
WidgetKind = Literal["text", "select", "switch", "tags", "multiselect", "number"]
EDUCATIONS: tuple[str, ...] = get_args(Education)
EMPLOYMENT_TYPES: tuple[str, ...] = get_args(EmploymentType)
NOT_SET = "미입력"
ID_SEP = ":"  # between the part and the field in a widget id


@dataclass(frozen=True)
class Widget:
    """One input of the settings form (app/chat.py turns it into a ``chainlit.input_widget``)."""

    kind: WidgetKind
    # "seeker:<field>" or "profile:<field>" — never a dot: the web form (react-hook-form) reads "a.b" as a path and
    # submits {"a": {"b": …}}, so an edited field with a dotted id came back nested and was silently dropped
    id: str
    label: str
    initial: Any
    values: tuple[str, ...] = ()
    description: str | None = None
    placeholder: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


_SEEKER_TEXT = {
    "desired_occupation": "예: 요양보호사, 호텔 프런트",
    "experience": "예: 회계 사무 12년, 요양 3년",
    "district": "예: 연동, 애월읍",
}
_PROFILE_NUMBERS = ("age", "military_service_months", "household_size")


def _form_value(name: str, seeker: dict[str, Any]) -> str:
    value = seeker.get(name)
    if name == "experience":
        return ", ".join(f"{e['occupation']} {e['years']:g}년" for e in value or [])
    return "" if value is None else str(value)


def settings_widgets(view: dict[str, dict[str, Any]], role: str) -> list[Widget]:
    """The form, filled from the thread. Staff-only fields are not in a citizen's form."""
    s = SeekerProfile.model_validate({k: v for k, v in (view.get("seeker") or {}).items()
                                      if k in SeekerProfile.model_fields}).model_dump(mode="json")
    p = view.get("profile") or {}
    w: list[Widget] = [Widget("text", f"seeker:{n}", SEEKER_LABELS[n], mask_pii(_form_value(n, s))[0],
                              placeholder=hint) for n, hint in _SEEKER_TEXT.items()]
    w += [
        Widget("tags", "seeker:certificates", SEEKER_LABELS["certificates"], list(s["certificates"])),
        Widget("select", "seeker:education", SEEKER_LABELS["education"], s["education"] or NOT_SET,
               values=(NOT_SET, *EDUCATIONS)),
        Widget("number", "seeker:commute_minutes", SEEKER_LABELS["commute_minutes"], s["commute_minutes"]),
        Widget("number", "seeker:commute_km", SEEKER_LABELS["commute_km"], s["commute_km"]),
        Widget("number", "seeker:desired_monthly_wage", "희망 임금 (월, 만원 이상)",
               None if s["desired_monthly_wage"] is None else s["desired_monthly_wage"] / 10_000),
        Widget("multiselect", "seeker:employment_types", SEEKER_LABELS["employment_types"],
               list(s["employment_types"]), values=EMPLOYMENT_TYPES),
        Widget("switch", "seeker:weekends_off", SEEKER_LABELS["weekends_off"], s["weekends_off"]),
        Widget("switch", "seeker:no_night", SEEKER_LABELS["no_night"], s["no_night"]),
        Widget("switch", "seeker:seasonal_ok", SEEKER_LABELS["seasonal_ok"], s["seasonal_ok"]),
        Widget("number", "seeker:max_weekly_hours", SEEKER_LABELS["max_weekly_hours"], s["max_weekly_hours"]),
        Widget("tags", "seeker:skills", SEEKER_LABELS["skills"], list(s["skills"])),
    ]
    if role != "citizen":
        w.append(Widget("tags", "seeker:desired_codes", SEEKER_LABELS["desired_codes"], list(s["desired_codes"]),
                        description="직종 코드 6자리 (자유 입력보다 우선)"))
    w += [Widget("number", f"profile:{n}", PROFILE_LABELS[n], p.get(n)) for n in _PROFILE_NUMBERS]
    w.append(Widget("text", "profile:region", PROFILE_LABELS["region"], str(p.get("region") or ""),
                    placeholder="예: 제주시, 서귀포시, 애월읍"))
    return w


# ------------------------------------------------------------------------------------------------ reading edits
_EXPERIENCE_ITEM = re.compile(r"^\s*(?P<job>.+?)\s*(?P<n>\d{1,2}(?:\.\d)?)\s*년\s*$")


def _label(name: str) -> str:
    return SEEKER_LABELS.get(name) or PROFILE_LABELS.get(name) or name


def _number(name: str, raw: Any, *, integer: bool = False) -> float | int | None:
    if raw in (None, ""):
        return None
    try:
        value = float(str(raw).replace(",", "").strip())
    except ValueError as exc:
        raise ProfileInputError(f"'{_label(name)}'에는 숫자를 넣어 주세요: {raw!r}") from exc
    return int(value) if integer else value


def _items(raw: Any) -> list[str]:
    if isinstance(raw, list):
        return [str(x).strip() for x in raw if str(x).strip()]
    return [x.strip() for x in re.split(r"[,，/]", str(raw or "")) if x.strip()]


def parse_field(name: str, raw: Any) -> Any:
    """One typed or submitted value → the field's value (``None`` / ``[]`` clears it)."""
    if name == "experience":
        out = []
        for item in _items(raw):
            m = _EXPERIENCE_ITEM.match(item)
            if not m:
                raise ProfileInputError(f"'{_label(name)}'은 '직종 N년'으로 적어 주세요 (쉼표로 여러 개): {item!r}")
            out.append({"occupation": m.group("job"), "years": float(m.group("n"))})
        return out
    if name in ("certificates", "skills", "desired_codes", "employment_types"):
        items = _items(raw)
        if name == "employment_types" and (bad := [i for i in items if i not in EMPLOYMENT_TYPES]):
            raise ProfileInputError(f"'{_label(name)}'는 {', '.join(EMPLOYMENT_TYPES)} 중에서 고르세요: {bad[0]!r}")
        return items
    if name in ("weekends_off", "no_night", "seasonal_ok", "disabled", "severe_disability"):
        if isinstance(raw, bool):
            return raw
        answer = str(raw).strip().lower()
        if answer in ("예", "네", "y", "yes", "true", "1", "필요", "불가", "o"):
            return True
        if answer in ("아니요", "아니오", "n", "no", "false", "0", "x", "가능"):
            return False
        raise ProfileInputError(f"'{_label(name)}'는 예/아니요로 적어 주세요: {raw!r}")
    if name == "education":
        level = str(raw or "").strip()
        if level in ("", NOT_SET):
            return None
        if level not in EDUCATIONS:
            raise ProfileInputError(f"'{_label(name)}'은 {', '.join(EDUCATIONS)} 중 하나입니다: {level!r}")
        return level
    if name == "desired_monthly_wage":
        value = _number(name, raw)
        return None if value is None else int(value * 10_000 if value < 10_000 else value)  # 만원 as typed
    if name in ("commute_minutes", "age", "military_service_months", "household_size"):
        return _number(name, raw, integer=True)
    if name in ("commute_km", "max_weekly_hours", "min_weekly_hours"):
        return _number(name, raw)
    text = str(raw or "").strip() or None
    if name == "district" and text:
        _city, district = resolve(find_places(text))
        if district is None:
            raise ProfileInputError(f"'{_label(name)}'를 제주 읍·면·동으로 알 수 없습니다: {text!r} (예: 연동, 애월읍)")
        return district
    if name == "region" and text and resolve(find_places(text))[0] is None:
        raise ProfileInputError(f"'{_label(name)}'를 제주의 시나 읍·면·동으로 알 수 없습니다: {text!r}")
    return text


def edits_from_settings(values: dict[str, Any], view: dict[str, dict[str, Any]],
                        role: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """A submitted form → (seeker edits, profile edits): only the fields whose value changed, so a fact the
    conversation added after the form was filled is not overwritten by the form's older copy."""
    before = {tuple(w.id.split(ID_SEP, 1)): w.initial for w in settings_widgets(view, role)}
    seeker: dict[str, Any] = {}
    profile: dict[str, Any] = {}
    for key, raw in values.items():
        part, _, name = key.partition(ID_SEP)
        if (part, name) not in before:
            continue  # not one of ours (or staff-only for this role)
        if _same(raw, before[(part, name)]):
            continue
        (seeker if part == "seeker" else profile)[name] = parse_field(name, raw)
    return seeker, profile


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, int | float) and isinstance(b, int | float) and not isinstance(a, bool):
        return float(a) == float(b)
    if a in ("", None, []) and b in ("", None, []):
        return True
    return bool(a == b)


_BY_LABEL = {re.sub(r"[\s()·]", "", label): name for name, label in {**PROFILE_LABELS, **SEEKER_LABELS}.items()} | {
    "거주지": "district", "읍면동": "district", "희망임금": "desired_monthly_wage", "통근시간": "commute_minutes",
    "통근거리": "commute_km", "외국어": "skills", "스킬": "skills", "야간불가": "no_night", "주말휴무": "weekends_off",
    "주근무시간": "max_weekly_hours", "계절일자리": "seasonal_ok", "직종코드": "desired_codes", "지역": "region",
}


def field_of(key: str) -> tuple[str, str]:
    """``"희망직종"``, ``"희망 직종"`` or ``"desired_occupation"`` → ("seeker", "desired_occupation")."""
    compact = re.sub(r"[\s()·]", "", key)
    name = _BY_LABEL.get(compact, key.strip())
    if name in SEEKER_LABELS:
        return "seeker", name
    if name in PROFILE_LABELS:
        return "profile", name
    raise ProfileInputError(f"알 수 없는 항목입니다: {key!r} (예: 희망직종, 경력, 자격증, 학력, 거주지, 희망임금)")


def edits_from_assignments(pairs: list[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """``["희망직종=요양보호사", "경력=요양 3년", "주말휴무=예", "자격증="]`` → (seeker edits, profile edits)."""
    seeker: dict[str, Any] = {}
    profile: dict[str, Any] = {}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep:
            raise ProfileInputError(f"'항목=값'으로 적어 주세요: {pair!r}")
        part, name = field_of(key)
        (seeker if part == "seeker" else profile)[name] = parse_field(name, raw)
    return seeker, profile
