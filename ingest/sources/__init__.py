"""Catalog sources: 고용24 채용정보 and HRD-Net 훈련과정 loaders, and the live 고용24 API client."""

from ._common import ParseResult
from .jobs import load_jobs
from .training import load_training
from .work24 import Work24Client, Work24Error

__all__ = ["ParseResult", "Work24Client", "Work24Error", "load_jobs", "load_training"]
