"""Keyword patterns for routing, program detection and what is being asked.

Patterns run on the *compact* text (all whitespace removed) unless noted, so spacing errors
("실업 급여", "받을수있나요") do not matter. Common typos and slang are listed next to the proper word.
"""

from __future__ import annotations

import re

# --- crisis: checked first, wins over everything
# On the normal (spaced) text: "혼자 살아요" must not read as 자살 once spaces are removed.
CRISIS_SPACED = re.compile(r"(?<![혼여남모의])자살|(?<![가-힣])자해")
CRISIS = re.compile(
    r"죽고싶|죽고시프|죽고싶|죽을래|죽어버리|죽어야|죽는게나|죽고만싶|극단적(?:인)?선택|살기싫|살기가싫|"
    r"살고싶지않|살이유가없|살의미가없|목숨|뛰어내리|삶을끝|생을마감|유서|사라지고싶|없어지고싶|세상을떠나고"
)

# --- out of scope (only when nothing in scope was found)
OUT_OF_SCOPE = re.compile(
    r"날씨|기온|미세먼지|주식(?!회사)|코인|비트코인|가상화폐|환율|연애|여자친구|남자친구|여친|남친|소개팅|데이트|썸타|"
    r"로또|복권|코딩|파이썬코드|코드짜|코드좀|프로그래밍숙제|디버깅|정치|대통령|선거|국회|정당|민주당|국민의힘|"
    r"맛집|영화|드라마|노래추천|축구|야구|게임추천|운세|사주|타로|레시피|요리법|여행코스|관광지추천|숙제|번역해|"
    r"아재개그|농담|수학문제|자바스크립트|javascript|html|css|sql|에러좀|에러나|코드|버그|프로그램짜"
)

GREETING = re.compile(
    r"^(?:안녕|하이|hi|hello|헬로|반가|방가|ㅎㅇ|처음왔|처음이|감사|고마|ㄱㅅ|수고|좋은아침|반갑)|"
    r"안녕하세요|누구세요|누구야|뭐할수있|무엇을할수|뭘도와|뭐도와|무엇을도와|어떤걸도와|뭐물어봐도"
)

# --- programs (eligibility / policy)
PROGRAMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "early_reemployment",
        re.compile(r"조기재취업|조기취업수당|재취업수당|조기재취직|(?:빨리|일찍|조기에|일찍이)(?:재)?(?:취업|취직)하면(?:주는|받는|나오는)"),
    ),
    (
        "national_employment_support",
        re.compile(r"국취|국민취업|국민취업지원|구직촉진수당|취업성공패키지|취성패|국민취업지원재도|취업지원제도"),
    ),
    (
        "youth_job_leap",
        re.compile(r"도약장려금|일자리도약|청년도약장려금|청년일자리도약|청년.{0,8}(?:채용|고용|뽑).{0,12}(?:지원금|장려금)"),
    ),
    ("learning_card", re.compile(r"내배카|내배캌|내일배움|배움카드|내일배음|내일배윰|내일배옴|국비|훈련장려금|국민배움카드")),
    (
        "unemployment_benefit",
        re.compile(
            r"실업급여|구직급여|실업수당|실업급어|실엽급여|실업금여|구직급어|실업자급여|실업급녀|실업인정|실업급요|실업급혀|"
            r"실어급여|시럽급여|실업굽여|구직금여|실업여급|실업급|실급(?!식)|실업금|백수수당"
        ),
    ),
)

# --- what is asked
ASKS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("amount", re.compile(r"얼마|얼미|얼머|금액|액수|몇만원|몇원|상한|하한|최대|최고액|최저액|일액|월액|총액|한도|얼만|얼마나받")),
    ("duration", re.compile(r"며칠|몇일|몇칠|몇달|몇개월|몇주|기간|얼마나오래|소정급여일수|몇년")),
    (
        "eligibility",
        re.compile(
            r"받을수있|받을수잇|받을수있나|받나요|받아요\?|받을까|받을수|받아\?|받음\?|받냐|탈수있|타나요|탈수|해당되|해당돼|"
            r"해당이|해당여부|해당하는지|해당할|대상이|대상인|대상자|자격이|자격되|자격있|가능한가|가능해|가능할까|가능한지|가능하나|되나요|돼요\?|될까|되는지|"
            r"되냐|신청할수있|신청가능|수급자격|못받|안되나|안돼|들을수있|해도되|해도돼|가능\?|가능$|가능함|가능한|가능요|가능합|"
            r"받아여|받나여|되나여|될까여|되여\?|받을수있어여|받을수잇어여|받을수있남|받을수있슴|받음\?|받을수있냐|받을수있나여|"
            r"받을수있을까여|받을수잇나|탈수있나|받을수이써|되남|되나염|돼여|나오나|나와요\?|나와\?|나옴\?|나올까|받을수잇음"
        ),
    ),
    ("procedure", re.compile(r"신청|어떻게|방법|절차|어디서|어디로|어디에|접수|방문|온라인|발급|가야|등록")),
    ("requirements", re.compile(r"서류|준비물|구비|필요한거|필요한게|뭐가필요|조건|요건|챙겨")),
    ("definition", re.compile(r"뭐예요|뭐에요|뭔가요|뭔데|뭐야|뭐임|무엇인|무엇이|이란|란\?|이뭐|가뭐|설명|알려줘|알려주")),
    ("deadline", re.compile(r"언제까지|마감|기한")),
)

# --- questions about the rules in general, not about the person ("정년은 법적으로 몇 살?", "정당한 사유에 어떤 게
# 있어요?"): a separation word in them is a topic, not the person's reason for leaving
LAW_QUESTION = re.compile(r"법적으로|법정|법에서|법상|법으로|규정상|규정이|몇살까지|몇살이|몇세까지|몇세가|몇세이|의무인가|의무야|의무예요")
CATEGORY_QUESTION = re.compile(
    r"어떤게있|어떤것이있|어떤것들|어떤거있|뭐가있|뭐뭐|무엇이있|어떤경우|무슨경우|어떤사유|무슨사유|사유에는|사유가뭐|"
    r"종류|차이가|차이점|차이뭐|기준이뭐|기준이어떻게|인정되는사유|인정받는경우"
)
FIRST_PERSON_EVENT = re.compile(r"했어|했는데|했고|했습니다|했음|됐어|됐는데|됐고|당했|나왔|그만뒀|관뒀|다녔|잘렸|짤렸|받았|입니다만|인데요")

# --- working (알바·부업) while receiving 구직급여: a rule question (신고 의무, 부정수급), not a job search
_BENEFIT = r"(?:실업급여|구직급여|실급|실업수당|실업급어)"
_WORK = r"(?:알바|아르바이트|부업|투잡|일하|일해|일을|단기|일용|소득|취업하|취직하)"
_WHILE_RECEIVING = r"(?:를|을)?(?:받으면서|받는중|받는동안|받고있|받는기간|타면서|타는중|타는동안|수급중|수급하면서|수급기간|받는데|받다가)"
BENEFIT_SIDE_WORK = re.compile(
    rf"{_BENEFIT}{_WHILE_RECEIVING}[^?.!]{{0,10}}{_WORK}|(?:수급중|수급기간)[^?.!]{{0,10}}{_WORK}|"
    rf"{_WORK}(?:하면서|하는데|해도|하면|한것|하는거|한거)[^?.!]{{0,10}}{_BENEFIT}"
)
SIDE_WORK_QUESTION = re.compile(r"해도되|해도돼|하면|해도|괜찮|되나|돼요|가능|신고|끊기|끊겨|걸리|부정수급|문제|안되|안돼|어떻게|들키")

# --- "알바 시급 최소 얼마 줘야 돼요": the legal minimum wage (a rule), not a job search
MIN_WAGE_QUESTION = re.compile(
    r"(?:시급|임금|월급|알바비|급여|일당)(?:은|는|을|를)?(?:최소|최저|적어도)(?:한)?(?:얼마|몇)|얼마(?:이상)?(?:줘야|주어야|지급해야)|"
    # "최저시급 올해 얼마임", "내년 최저임금 얼마예요", "최저시급이 2026년에 몇 원이에요"
    r"최저(?:시급|임금|시금|임굼)(?:은|는|이|가|이요)?(?:올해|내년|작년|올|금년|요즘|지금|현재|20\d\d년?(?:도)?)?(?:에|엔|에는|기준|은|는)?"
    r"(?:얼마|몇|어케|어떻게돼)"
)

# --- "이거 불법이에요?", "괜찮은 거예요?", "신고할 수 있어요?": a question of legality. About pay or a posting it is a
# rule question (최저임금, 채용 차별), not a search for the words around it.
LEGALITY_QUESTION = re.compile(
    r"불법|위법|합법|위반|법에걸|법적으로|괜찮은거|괜찮은건|괜찮나|괜찮아요|괜찮을까|문제없|문제안|문제가|되는거예|되는건가|"
    r"돼도되|신고할수|신고해도|신고가능|신고되|고소"
)
WAGE_SUBJECT = re.compile(r"시급|임금|월급|알바비|급여|일당|주급|수당|돈을")
# 임금체불: pay not paid ("월급을 두 달째 못 받았는데", "알바비 안 줘요") ...
WAGE_ARREARS = re.compile(
    r"체불|(?:임금|월급|알바비|급여|일당|주급|돈)(?:을|를|이|가|도)?(?:[^?.!]{0,6})(?:못받|안줘|안주|안들어|밀렸|밀려|떼먹|떼였|안나와|안나오)"
)
# ... with a question of where/how to report it
REPORT_ASK = re.compile(r"신고|진정|고소|어디로|어디에|어디다|어디서|어떻게|어케|어쩌|방법|하는법|넣는법")
REPORT_WORD = re.compile(r"신고|진정|고소|고발")
# a posting quoted or described: "…뽑는다는 공고", "…모집한다는", "구인글"
POSTING_MENTION = re.compile(r"공고|구인글|구인광고|모집글|채용글|뽑는다|모집한다|구한다|채용한다|뽑는대|구한대")

# --- employer questions about job-posting law (채용공고 나이·성별·신체조건)
POSTING_CONTEXT = re.compile(r"채용공고|구인광고|구인공고|모집공고|채용광고|공고에|공고문|공고를|광고에|채용할때|뽑을때|모집할때|채용시")
POSTING_ISSUE = re.compile(
    r"나이|연령|성별|남자만|여자만|남성만|여성만|남자|여자|남성|여성|키\d|키가|키는|키제한|키조건|몸무게|체중|외모|용모|미혼|"
    r"결혼|출신|사진|\d+세이하|\d+세미만|\d+대만|젊은|우대|\d+~\d+세|\d+~\d+대"
)

# --- training search
TRAINING = re.compile(
    r"훈련(?!장려금|참여지원수당|수당)|과정|학원|배우고|배울|배우는|배워|자격증따|자격증을따|자격증취득|자격증준비|수강|개강|강좌|교육과정|교육받|"
    r"수업|강의|직업교육|취업교육|국비지원과정|국비과정|국비로|들을수있"
)
CARD = re.compile(r"내일배움|내배카|배움카드|국비|카드로")

# --- job search
JOB_SEARCH = re.compile(
    r"일자리|알바|아르바이트|구인|채용정보|채용중|채용하는|일할곳|일할데|일할만|일거리|일감|자리있|자리없|자리좀|자리찾|"
    r"일구해|일구하|일찾|일좀|직장구|직장찾|취업자리|취직자리|취직하고|취업하고|모집|구함|구해요|구하는|뽑는|"
    r"투잡|부업|단기알바|채용공고|공고있|공고좀|일하고싶|일하고시프|취업하고싶|취직하고싶|일할수있는|할수있는일|할만한일|"
    r"일구할|구할수|구하고있|구하려|구해여|구해욤|일없나|일없을까|일있나|일있어|일있을까|일있는"
)

# Weak job-search signals: employment types (also said about a past job: "정규직이었는데 잘렸어요").
JOB_WEAK = re.compile(r"정규직|계약직|일용|일당|파트타임|시간제|단시간|야간|주말|오전|오후")

# Course topics (with JOB_WORDS) that make "…과정" a training search even when a program is named.
TRAINING_TOPICS = re.compile(
    r"컴퓨터|엑셀|컴활|itq|회계|전산|세무|코딩|프로그래밍|파이썬|python|자바|java|웹|앱|디자인|포토샵|영상|편집|지게차|굴착기|"
    r"중장비|용접|전기|기능사|산업기사|제과|제빵|한식|양식|일식|중식|조리|바리스타|요양보호사|간호조무사|미용|네일|메이크업|"
    r"드론|마케팅|무역|사무자동화|토익|외국어|중국어|일본어|영어|관광|통역|빅데이터|인공지능|ai|데이터|건축|인테리어|"
    r"도배|타일|목공|자동차|정비|보육|사회복지|택배|운전|면허|쇼핑몰|유튜브|sns|3d|cad|캐드"
)
TRAINING_SEARCH = re.compile(r"있나|있어|있을까|있는지|있음|찾아|추천|알려|보여|어디|개강|시작|목록|배우고|배울|따고|따려|수강|듣고|들을|다니고")
# a search for the person being talked about: "이분께 맞는 훈련과정", "저한테 맞는 일자리", "제 조건에 맞는 거" (spaced text)
FOR_THE_PERSON = re.compile(
    r"(?:이\s*분|그\s*분|이\s*내담자|내담자|저한테|저에게|제게|나한테|나에게|저|제|내|나)\s*(?:께|에게|한테|의)?\s*"
    r"(?:[가-힣]{1,4}\s*)?(?:맞는|맞춤|맞을|적합한|어울리는|조건에|상황에|할\s*만한|들을\s*만한|갈\s*만한)"
)
RESIDENCE = re.compile(r"살아요|사는데|살고|거주|주소지|사는\s*사람|살구|살아|삽니다|사는")
SEPARATION_CONTEXT = re.compile(
    r"퇴사|그만|퇴직|이직|해고|잘리|잘렸|잘린|짤|권고|권사|계약.{0,3}(?:만료|끝|종료)|폐업|실직|나왔|관뒀|관두|정년|문.?닫|부도|사직|"
    r"회사.{0,4}나|일.{0,2}끝났|마지막.{0,2}근무|근무.{0,3}마지막|퇴직일|이직일|상실"
)

# Job words (occupations, workplaces) → stay in the query; mark a job search when nothing else decides.
JOB_WORDS = re.compile(
    r"호텔|프런트|프론트|리조트|펜션|게스트하우스|숙박|객실|하우스키핑|룸메이드|카페|바리스타|식당|음식점|횟집|주방|"
    r"조리|요리사|셰프|서빙|홀서빙|설거지|편의점|마트|매장|판매|면세점|캐셔|요양보호사|요양원|간병|간호|간호조무사|"
    r"사회복지사|보육교사|어린이집|경비|보안|청소|미화|시설관리|운전|배달|택배|물류|상하차|창고|렌터카|렌트카|"
    r"골프장|캐디|감귤|귤|수확|농장|과수원|하우스|양식장|어선|선원|해녀|건설|현장|노가다|목수|용접|전기기사|정비|"
    r"공장|생산직|제조|사무|경리|회계|사무보조|콜센터|상담원|텔레마케터|마케팅|영업|디자이너|개발자|프로그래머|"
    r"웹개발|강사|튜터|가이드|통역|미용|헤어|네일|피부관리|제빵|베이커리|야외"
)

# KECO 2018 대분류 for job words whose major group is clear (policy-facts §5.3). Used only when every
# job word in the text agrees; a wrong hard filter would hide good postings.
KECO_MAJOR: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("5", re.compile(r"호텔|프런트|프론트|객실|하우스키핑|룸메이드|바리스타|조리|요리사|셰프|서빙|주방|설거지|경비|청소|미화|미용|헤어|네일|피부관리")),
    ("6", re.compile(r"캐셔|판매|배달|택배기사|운전기사|버스기사|택시")),
    ("7", re.compile(r"노가다|목수|건설현장")),
    ("9", re.compile(r"감귤|귤|수확|농장|과수원|양식장|어선|해녀")),
)

# Policy words: a policy question even without a known program. Strong ones win over out-of-scope words
# ("고용24 로그인 에러"), weak ones only count when nothing else matched.
POLICY = re.compile(
    r"고용보험|고용센터|고용24|워크넷|육아휴직|출산휴가|최저임금|최저시급|퇴직금|장려금|지원금|"
    r"노동부|고용노동부|근로계약|주휴|연차|산재|부정수급|이직확인서|실업인정|구직등록|1350|취업지원|상담예약|"
    r"채용절차|고령자|정년연장|계속고용|고용촉진|대체인력|일자리센터|직업상담"
)
POLICY_WEAK = re.compile(r"수당|급여|청년|지원|제도|정책|혜택|복지")

# Filler nouns removed from every search query.
QUERY_STOPWORDS: frozenset[str] = frozenset(
    """
    일자리 일 자리 곳 데 거 것 수 때 중 분 님 요 좀 저 제 나 우리 저희 혹시 지금 요즘 이번 다음 정도 쪽 근처 동네 주변
    추천 검색 문의 질문 답변 안내 소개 목록 리스트 이상 이하 미만 초과 만원 원 만 천 백 억
    제주 제주도 제주특별자치도 시내 지역 읍 면 동 리 날씨 오늘 내일
    뭐 무엇 어디 언제 얼마 며칠 몇 어떤 무슨 왜 가능 여부 부탁 감사 안녕 ㅠ ㅠㅠ ㅋ ㅋㅋ ㅎ
    최저 최소 최대 적어도 대략 약 한 두 세 네 달 월 년 올해 작년 내년 중순 초순 하순
    """.split()
)

# Extra fillers for job and training searches: they are filters or route words, not search terms.
SEARCH_STOPWORDS: frozenset[str] = frozenset(
    """
    구인 구직 채용 채용정보 공고 채용공고 정보 모집 구함
    알바 아르바이트 파트타임 파트 정규직 계약직 시간제 일용직 일용 일당 일급 시급 월급 연봉 급여 페이 투잡 부업 단기
    시간 주 하루 오전 오후 반나절 주말 평일 시즌 철 계절 성수기
    훈련 과정 학원 국비 지원 교육 수업 강의 강좌 개강 수강 자격증 취득 내일배움카드 내배카 카드 국민내일배움카드
    자부담 본인부담 무료 시작 사람 사장 사장님 직원 회사 업체 가게 조건 상황 맞춤 이분 그분 내담자
    """.split()
)
