"""Filterable fields, each declared once; the store's payload indexes and filters, the post-check, the Korean labels
and the LLM tool arguments all follow from the declaration.

A filter model (:class:`knowledge.schemas.JobFilters`, :class:`~knowledge.schemas.TrainingFilters`) annotates each
of its fields with a :class:`Filterable`::

    region: Annotated[City | None, Filterable("지역", "region", "keyword", tool="'제주시' 또는 '서귀포시'")] = None

which says: the Korean label, the payload key the record is stored under (and how it is computed from the record),
the payload index kind, how the field filters (``eq``: the payload value equals it, for a list payload one item
does; ``gte``/``lte``: a range bound; ``from_today``: a flag that keeps values from today on), when it applies, and
what the tool-calling LLM is told about it (no ``tool`` = not offered to the LLM). From that:

* :func:`payload_indexes` — the payload index of every field (the store creates them),
* :func:`payload_values` — the payload a record is stored with (:mod:`knowledge.records`),
* :func:`conditions` — the backend-neutral :class:`Filter` (run inside the store),
* :func:`satisfies` — the same conditions evaluated on a record in Python (the guarantee checked on every hit),
* :func:`labels`, :func:`relaxable` — the Korean names and the filters a "no results" answer may loosen,
* :func:`tool_args_model` — the argument schema of the LLM tool.

The backend-neutral filter vocabulary (:class:`Match`, :class:`Range`, :class:`Filter`) lives here too; this module
imports nothing else of the project.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, Optional

from pydantic import BaseModel, Field, create_model

FieldType = Literal["keyword", "integer", "float", "bool"]
Op = Literal["eq", "gte", "lte", "from_today"]
OPEN_ENDED = 10_000_000  # the ordinal of "no end date" (채용시까지): later than any real date


# ---- filters (backend-neutral) ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Match:
    """The payload field equals ``value`` (for a list field: one of its items does)."""

    key: str
    value: str | int | bool

    def holds(self, payload: dict[str, Any]) -> bool:
        got = payload.get(self.key)
        return self.value in got if isinstance(got, list) else got is not None and got == self.value


@dataclass(frozen=True)
class Range:
    """The payload field lies in [gte, lte] (an open side is None); a missing value is outside."""

    key: str
    gte: float | None = None
    lte: float | None = None

    def holds(self, payload: dict[str, Any]) -> bool:
        got = payload.get(self.key)
        if got is None:
            return False
        return (self.gte is None or got >= self.gte) and (self.lte is None or got <= self.lte)


Condition = Match | Range


@dataclass(frozen=True)
class Filter:
    """All conditions hold (the only filter shape the retrieval needs)."""

    must: tuple[Condition, ...]


def must(conditions: Iterable[Condition | None]) -> Filter | None:
    """A filter of all given conditions, or None when there are none."""
    conds = tuple(c for c in conditions if c is not None)
    return Filter(must=conds) if conds else None


# ---- payload helpers -------------------------------------------------------------------------------------------
def prefixes(code: str | None) -> list[str]:
    """Every leading part of a code ("5321" → 5, 53, 532, 5321): a prefix filter becomes an exact match."""
    return [code[:i] for i in range(1, len(code) + 1)] if code else []


def ordinal(day: date | None, missing: int | None = None) -> int | None:
    """A date as its ordinal (range filters compare numbers); ``missing`` when there is no date."""
    return day.toordinal() if day is not None else missing


# ---- the declaration -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Filterable:
    """How one filter field filters: put it in the field's ``Annotated[...]`` of a filter model.

    ``value`` computes the payload value from the record (default: the record's attribute named ``payload``).
    ``applies``: ``"set"`` = whenever the field is not None; ``"truthy"`` = only when it is truthy (0 and "" mean
    "no filter"). ``relax``: a "no results" answer may suggest dropping it. ``tool``: the LLM tool argument's
    description (None: the LLM cannot set it)."""

    label: str
    payload: str
    index: FieldType
    op: Op = "eq"
    value: Callable[[Any], Any] | None = None
    applies: Literal["set", "truthy"] = "set"
    relax: bool = True
    tool: str | None = None

    def of(self, record: Any) -> Any:
        """The payload value of ``record``."""
        return self.value(record) if self.value is not None else getattr(record, self.payload)

    def active(self, v: Any) -> bool:
        return bool(v) if self.applies == "truthy" else v is not None

    def condition(self, v: Any, today: date | None) -> Condition | None:
        """The store condition for the filter value ``v`` (None when it does not filter)."""
        if not self.active(v):
            return None
        if self.op == "eq":
            return Match(self.payload, v)
        if self.op == "from_today":
            if today is None:
                raise ValueError(f"{self.payload}: a from_today filter needs today's date")
            return Range(self.payload, gte=today.toordinal())
        bound = v.toordinal() if isinstance(v, date) else v
        return Range(self.payload, gte=bound) if self.op == "gte" else Range(self.payload, lte=bound)


def declared(model: type[BaseModel]) -> dict[str, Filterable]:
    """Field name → its declaration, in the model's field order. A field without one is an error (every field of a
    filter model must say how it filters)."""
    out: dict[str, Filterable] = {}
    for name, info in model.model_fields.items():
        found = [m for m in info.metadata if isinstance(m, Filterable)]
        if len(found) != 1:
            raise TypeError(f"{model.__name__}.{name}: expected one Filterable in its Annotated[...] metadata")
        out[name] = found[0]
    return out


def payload_indexes(model: type[BaseModel]) -> dict[str, FieldType]:
    """Payload key → index kind for every field (fields sharing a key share its index)."""
    out: dict[str, FieldType] = {}
    for name, spec in declared(model).items():
        if out.setdefault(spec.payload, spec.index) != spec.index:
            raise TypeError(f"{model.__name__}.{name}: payload {spec.payload!r} declared with two index kinds")
    return out


def payload_values(model: type[BaseModel], record: Any) -> dict[str, Any]:
    """The filterable payload of ``record``: every declared payload key with its value."""
    return {spec.payload: spec.of(record) for spec in declared(model).values()}


def _merged(conds: list[Condition]) -> list[Condition]:
    """Range bounds on the same key (개강일 from … to …) as one range, at the first one's place."""
    out: list[Condition] = []
    for c in conds:
        prev = next((i for i, o in enumerate(out) if isinstance(o, Range) and o.key == c.key), None)
        if isinstance(c, Range) and prev is not None:
            o = out[prev]
            assert isinstance(o, Range)
            out[prev] = Range(c.key, gte=c.gte if c.gte is not None else o.gte, lte=c.lte if c.lte is not None else o.lte)
        else:
            out.append(c)
    return out


def conditions(filters: BaseModel, today: date | None = None) -> Filter | None:
    """The store filter for a filter model's values (None: nothing filters)."""
    specs = declared(type(filters))
    found = [spec.condition(getattr(filters, name), today) for name, spec in specs.items()]
    return must(_merged([c for c in found if c is not None]))


def satisfies(record: Any, filters: BaseModel, today: date | None = None) -> bool:
    """Whether ``record`` meets every filter: the store's conditions evaluated on the record's own payload."""
    flt = conditions(filters, today)
    if flt is None:
        return True
    payload = payload_values(type(filters), record)
    return all(c.holds(payload) for c in flt.must)


def labels(model: type[BaseModel]) -> dict[str, str]:
    """Field name → Korean label."""
    return {name: spec.label for name, spec in declared(model).items()}


def relaxable(model: type[BaseModel]) -> dict[str, str]:
    """The fields a "no results" answer may suggest dropping (name → Korean label)."""
    return {name: spec.label for name, spec in declared(model).items() if spec.relax}


def tool_args_model(model: type[BaseModel], name: str, query: str) -> type[BaseModel]:
    """The LLM tool's arguments: ``query`` (described by ``query``) and every field declared with a ``tool`` text,
    typed as in ``model`` and optional."""
    fields: dict[str, Any] = {"query": (str, Field(description=query))}
    for field_name, spec in declared(model).items():
        if spec.tool is not None:
            annotation = model.model_fields[field_name].annotation
            fields[field_name] = (Optional[annotation], Field(default=None, description=spec.tool))  # noqa: UP045
    return create_model(name, **fields)


__all__ = [
    "OPEN_ENDED",
    "Condition",
    "FieldType",
    "Filter",
    "Filterable",
    "Match",
    "Range",
    "conditions",
    "declared",
    "labels",
    "must",
    "ordinal",
    "payload_indexes",
    "payload_values",
    "prefixes",
    "relaxable",
    "satisfies",
    "tool_args_model",
]
