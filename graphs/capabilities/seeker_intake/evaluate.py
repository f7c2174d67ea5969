"""How well the intake hook tells a counselor's description of the seeker (claimed) from a question or request
(not claimed): ``gold/claims.yaml``, written from how counselors talk, never from the hook's output.

* ``seeker_intake.claim_accuracy`` — share of gold messages the hook decides as the gold says.

Run: ``python -m graphs.capabilities.seeker_intake.evaluate``.
"""

from __future__ import annotations

import sys
from datetime import date
from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

from graphs.capabilities.registry import CapabilityEval, EvalContext, EvalFailure, EvalRow
from graphs.capabilities.seeker_intake.intake import claims
from graphs.nlu import understand

GOLD_PATH = Path(__file__).resolve().parent / "gold" / "claims.yaml"


class GoldClaim(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str = Field(min_length=1)
    claimed: bool


class GoldFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    claims: list[GoldClaim] = Field(min_length=1)


@cache
def load_gold(path: Path = GOLD_PATH) -> GoldFile:
    return GoldFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def evaluate(ctx: EvalContext | None = None, path: Path = GOLD_PATH) -> CapabilityEval:
    """The hook as the router calls it: on the message and the NLU's reading of it (as of ``ctx.today``)."""
    today = ctx.today if ctx else date.today()
    gold = load_gold(path)
    failures = [EvalFailure(id="claims", detail=f"'{c.text}' claimed={not c.claimed}")
                for c in gold.claims if claims(c.text, understand(c.text, today=today)) != c.claimed]
    accuracy = round(1 - len(failures) / len(gold.claims), 4)
    return CapabilityEval(
        metrics={"seeker_intake.claim_accuracy": accuracy},
        rows=[EvalRow(label="구직자 소개 인식", metric="seeker_intake.claim_accuracy", value=f"{accuracy:.1%}")],
        failures=failures,
        detail={"claims_n": len(gold.claims), "intake_n": sum(c.claimed for c in gold.claims)})


if __name__ == "__main__":
    result = evaluate()
    sys.stdout.write(result.model_dump_json(indent=2) + "\n")
