"""A plainly stated absence of insured work: "일한 적 없어요", "경력은 없고", "고용보험 가입한 적 없어요".

Read as 0 days of 피보험 단위기간 in the 18 months before separation (고용보험법 제40조①1호·②): the person has no
insured job to count. Only a plain statement counts; "경력 없어도 돼요" (a posting's wording) or "경력 없이 지원
가능" do not say anything about the person.
"""

from __future__ import annotations

import re

_NEVER_WORKED = re.compile(
    r"(?:일|직장\s*생활|회사\s*생활|취업|취직|근무|알바|아르바이트)\s*(?:을|를|도|은|는)?\s*"
    r"(?:해\s*본|해본|한|했던|다녀\s*본|다녀본|다닌)\s*(?:적|경험)\s*(?:이|은|도)?\s*(?:한\s*번도\s*|전혀\s*|아직\s*)?없|"
    r"(?:직장|회사)\s*(?:에|을|를|은|도)?\s*(?:다녀\s*본|다녀본|다닌)\s*(?:적|경험)\s*(?:이|은|도)?\s*(?:한\s*번도\s*|전혀\s*)?없|"
    r"고용\s*보험\s*(?:에|은|도|을)?\s*(?:가입\s*(?:해\s*본|해본|한|된)|들어\s*본|든|가입\s*이력\s*(?:이|은)?)\s*(?:적\s*(?:이|은|도)?\s*)?없|"
    r"(?:경력|직장\s*경험|근무\s*경험|일\s*경험|취업\s*경험)\s*(?:은|이|도)?\s*(?:전혀\s*|하나도\s*|아예\s*)?"
    r"없(?:고|어요|어|습니다|음|는데|구요|고요|다|네요)(?![가-힣]*도)"
)


def stated_no_insured_work(text: str) -> bool:
    """True when the text plainly says the person has never had (insured) work."""
    return _NEVER_WORKED.search(text) is not None
