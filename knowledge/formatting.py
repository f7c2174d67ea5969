"""How amounts of money are written: one module for every 원 formatter (answers, catalog records, sample data).

* :func:`won` — the exact amount: ``2600000`` → ``"2,600,000원"`` (``None`` → ``"-"``).
* :func:`compact_won` — whole 만원 in 억/만: ``150_000_000`` → ``"1억 5,000만원"``; an amount that is not a whole
  만원 stays exact.
* :func:`manwon` — rounded to 만원: ``2_650_000`` → ``"265만원"`` (pay in lists and statistics).
* :func:`pay_range` — a wage with its type: ``"월급 2,300,000원 ~ 2,600,000원"``.
"""

from __future__ import annotations


def won(amount: int | None) -> str:
    """``2600000`` → ``"2,600,000원"``; ``None`` → ``"-"``."""
    return f"{amount:,}원" if amount is not None else "-"


def compact_won(value: int | float) -> str:
    """``400_000_000`` → ``4억원``; ``150_000_000`` → ``1억 5,000만원``; ``600_000`` → ``60만원``; ``10_500`` →
    ``10,500원`` (not a whole 만원: exact)."""
    v = int(value)
    eok, rest = divmod(v, 100_000_000)
    man, small = divmod(rest, 10_000)
    if small or v < 10_000:
        return won(v)
    parts = ([f"{eok:,}억"] if eok else []) + ([f"{man:,}만"] if man else [])
    return " ".join(parts) + "원"


def manwon(amount: int | float) -> str:
    """Rounded to 만원: ``2_650_000`` → ``"265만원"``, ``36_000_000`` → ``"3,600만원"``."""
    return f"{amount / 10_000:,.0f}만원"


def pay_range(wage_type: str, low: int, high: int | None, *, sep: str = " ~ ") -> str:
    """``"월급 2,300,000원 ~ 2,600,000원"``; the upper end only when there is one above ``low``."""
    return f"{wage_type} {won(low)}" + (f"{sep}{won(high)}" if high and high != low else "")
