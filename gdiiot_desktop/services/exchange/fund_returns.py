"""Returns (退回) of special-fund applications: the city's return bundle, and the county taking it in."""

from __future__ import annotations

from ..fund.workspace import FundWorkspace
from .errors import BundleMismatchError
from .reader import Bundle
from .returns import ReturnImportReport


def import_fund_return_bundle(ws: FundWorkspace, bundle: Bundle) -> ReturnImportReport:
    raise BundleMismatchError("本程序还不能导入专项资金申报的退回包。")
