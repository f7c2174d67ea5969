"""Questions in other languages (English, Vietnamese, Chinese …): many of Jeju's workers are foreign nationals.

:func:`detect_language` reads the script and a few common words (no model, no download). The assistant answers in
Korean; a question in another language gets, in that language, a short notice saying so and pointing to the
외국인력상담센터 ☎1577-0071 (multilingual) and the 고용노동부 고객상담센터 ☎1350 (policy-facts §10, §12). When an LLM is
configured, :func:`llm_instruction` lets it answer the supported topics in the person's language (the notice stays
at the end).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

Language = Literal["en", "vi", "zh", "other"]

LANGUAGE_NAMES: dict[str, str] = {"en": "영어", "vi": "베트남어", "zh": "중국어", "other": "외국어"}
_LLM_NAMES: dict[str, str] = {"en": "English", "vi": "Vietnamese (tiếng Việt)", "zh": "Simplified Chinese (简体中文)",
                              "other": "English"}

_HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")
_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_OTHER_SCRIPT = re.compile(
    r"[\u0400-\u04ff\u0900-\u097f\u0980-\u09ff\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff\u0d80-\u0dff"
    r"\u0600-\u06ff]"
)
_LATIN_WORD = re.compile(r"[a-zà-ỹđ]+(?:'[a-z]+)?", re.IGNORECASE)
# letters that occur in Vietnamese and in no other common Latin-script language (with the tone marks)
_VI_LETTERS = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)
_VI_WORDS = frozenset(
    "toi tôi khong không viec việc lam làm luong lương bao bảo hiem hiểm that thất nghiep nghiệp cong công ty xin chao "
    "chào ban bạn duoc được nhu như the thế nao nào toi tôi muon muốn hoi hỏi tro trợ cap cấp nguoi người".split()
)
_EN_WORDS = frozenset(
    "i you he she we they my me a an the is are am was were be do does did can could how what where when why which "
    "who get got need want help job jobs work working worker benefit benefits unemployment insurance salary wage "
    "wages pay paid visa apply training course please hello hi thanks thank to for of in on at and or not with "
    "from this that it lost fired quit company employer korea korean jeju center office".split()
)
_HELLO = re.compile(r"^\s*(?:hi|hello|hey|thanks|thank you|ok|okay|yes|no)\b[\s!.?]*$", re.IGNORECASE)

_CRISIS = {
    "en": re.compile(r"kill myself|suicide|want to die|end my life|don't want to live", re.IGNORECASE),
    "vi": re.compile(r"tự tử|muốn chết|tu tu|muon chet|không muốn sống", re.IGNORECASE),
    "zh": re.compile(r"自杀|想死|不想活|轻生"),
    "other": re.compile(r"kill myself|suicide|want to die", re.IGNORECASE),
}


def detect_language(text: str) -> Language | None:
    """The language of a question that is not Korean, or None (Korean, or too short to tell: "ok", "yes", "IT")."""
    text = unicodedata.normalize("NFC", text[:2000])
    if len(_HANGUL.findall(text)) >= 2:
        return None
    if _KANA.search(text):
        return "other"
    if len(_HAN.findall(text)) >= 2:
        return "zh"
    if len(_OTHER_SCRIPT.findall(text)) >= 3:
        return "other"
    words = [w.lower() for w in _LATIN_WORD.findall(text)]
    if len(words) < 2 or _HELLO.match(text):
        return None
    plain = [unicodedata.normalize("NFD", w).encode("ascii", "ignore").decode() for w in words]
    vi_hits = sum(1 for w, p in zip(words, plain, strict=True) if w in _VI_WORDS or p in _VI_WORDS)
    if len(_VI_LETTERS.findall(text)) >= 2 or vi_hits >= 2:
        return "vi"
    en_hits = sum(1 for w in words if w in _EN_WORDS)
    if len(words) >= 3 or en_hits >= 2:
        return "en"
    return None


_INTRO: dict[str, str] = {
    "en": "This assistant answers in Korean only, so it cannot answer your question in English here.",
    "vi": "Trợ lý này chỉ trả lời bằng tiếng Hàn, nên không thể trả lời câu hỏi của bạn bằng tiếng Việt tại đây.",
    "zh": "本助手只用韩语回答，因此无法在这里用中文回答您的问题。",
}
_CONTACTS: dict[str, str] = {
    "en": (
        "- For help in your language, call the Foreign Workforce Counseling Center (외국인력상담센터) ☎1577-0071 "
        "(multilingual).\n"
        "- For employment insurance, unemployment benefits and unpaid wages, call the Ministry of Employment and Labor "
        "Customer Center (고용노동부 고객상담센터) ☎1350."
    ),
    "vi": (
        "- Để được tư vấn bằng ngôn ngữ của bạn, hãy gọi Trung tâm Tư vấn Lao động Nước ngoài (외국인력상담센터) "
        "☎1577-0071 (hỗ trợ nhiều ngôn ngữ).\n"
        "- Về bảo hiểm việc làm, trợ cấp thất nghiệp và nợ lương, hãy gọi Trung tâm Tư vấn Khách hàng của Bộ Việc làm "
        "và Lao động (고용노동부 고객상담센터) ☎1350."
    ),
    "zh": (
        "- 如需用您的语言咨询，请拨打外国人力咨询中心（외국인력상담센터）☎1577-0071（多语种服务）。\n"
        "- 关于雇佣保险、失业金和拖欠工资，请拨打雇佣劳动部客户咨询中心（고용노동부 고객상담센터）☎1350。"
    ),
}
_OUTRO: dict[str, str] = {
    "en": "You can also write your question in Korean here.",
    "vi": "Bạn cũng có thể viết câu hỏi bằng tiếng Hàn tại đây.",
    "zh": "您也可以在这里用韩语提问。",
}
_CRISIS_NOTICE: dict[str, str] = {
    "en": "If you are in danger, call ☎119 or ☎112 now. Suicide prevention counseling: ☎109 (24 hours).",
    "vi": "Nếu bạn đang gặp nguy hiểm, hãy gọi ngay ☎119 hoặc ☎112. Tư vấn phòng chống tự tử: ☎109 (24 giờ).",
    "zh": "如果您有危险，请立即拨打☎119或☎112。自杀预防咨询电话：☎109（24小时）。",
}
_KOREAN_NOTE = (
    "(한국어 안내) {name}로 들어온 질문입니다. 이 도우미는 한국어로 답하며, 외국인력상담센터 ☎1577-0071(다국어)과 "
    "고용노동부 고객상담센터 ☎1350을 안내했습니다."
)


def _lang(language: str) -> str:
    return language if language in _INTRO else "en"


def notice(language: str) -> str:
    """The notice in the person's language (Korean only here; where to call), then one Korean line for a
    counselor reading along."""
    lang = _lang(language)
    return "\n\n".join((_INTRO[lang], _CONTACTS[lang], _OUTRO[lang], korean_note(language)))


def contacts(language: str) -> str:
    """Where to call, in the person's language (ends an LLM answer written in that language)."""
    return _CONTACTS[_lang(language)]


def korean_note(language: str) -> str:
    return _KOREAN_NOTE.format(name=LANGUAGE_NAMES.get(language, "외국어"))


def is_crisis(text: str, language: str) -> bool:
    return bool(_CRISIS.get(language, _CRISIS["other"]).search(text))


def crisis_notice(language: str) -> str:
    return _CRISIS_NOTICE[_lang(language)]


def llm_instruction(language: str) -> str:
    """For the LLM path: answer the supported topics in the person's language, end with the notice's contacts."""
    name = _LLM_NAMES.get(language, "English")
    return (
        f"\n사용자는 {name}로 질문했습니다. 답은 {name}로 쓰고, 지원하는 주제(일자리, 직업훈련, 실업급여 등)만 "
        "도구 결과에 있는 내용으로 답합니다. 제도 이름은 한국어 이름을 괄호로 함께 적습니다. 답 끝에 외국인력상담센터 "
        "☎1577-0071(다국어)과 고용노동부 고객상담센터 ☎1350을 그 언어로 안내합니다."
    )
