"""Money in yuan as Decimal with two places (fen): never float, so 50 % of an amount is exact."""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal, InvalidOperation

FEN = Decimal("0.01")
ZERO = Decimal("0.00")
# Far above any call's budget, and its fen still fit SQLite's 64-bit integers; checked before
# quantize(), which cannot represent 1e400 and would raise InvalidOperation.
MAX_AMOUNT = Decimal(10**12)


class MoneyError(ValueError):
    """A text or number that is not an amount of yuan; the message is for the user."""


def to_money(value: object) -> Decimal:
    """An amount of yuan from a number or a text such as '1,000,000' or '12345.60 元'.

    Floats (what a spreadsheet cell holds) are read to the 15 significant digits Excel shows, so 0.1
    is 0.10 and a formula's =0.1+0.2 (0.30000000000000004 in the cell) is 0.30, as the official sees it.
    More than two decimal places or a negative amount is refused rather than rounded.
    """
    if isinstance(value, bool):
        raise MoneyError(f"“{_shown(value)}”不是金额")
    if isinstance(value, Decimal):
        amount = value
    elif isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, float):
        amount = Decimal(format(value, ".15g"))
    elif isinstance(value, str):
        text = value.strip().replace(",", "").replace("，", "").replace(" ", "").removesuffix("元")
        try:
            amount = Decimal(text)
        except InvalidOperation as exc:
            raise MoneyError(f"“{_shown(value)}”不是金额（应填写元，如 1000000）") from exc
    else:
        raise MoneyError(f"“{_shown(value)}”不是金额")
    if not amount.is_finite():
        raise MoneyError(f"“{_shown(value)}”不是金额")
    if amount < 0:
        raise MoneyError(f"金额不能为负数：{_shown(value)}")
    if amount > MAX_AMOUNT:
        raise MoneyError(f"金额过大：{_shown(value)}（最多 {MAX_AMOUNT:,} 元）")
    if amount != amount.quantize(FEN, rounding=ROUND_DOWN):
        raise MoneyError(f"金额最多精确到分：{_shown(value)}")
    return amount.quantize(FEN)


def _shown(value: object) -> str:
    text = str(value)
    return text if len(text) <= 30 else text[:30] + "…"


def floor_fen(amount: Decimal) -> Decimal:
    """Round down to the fen: a computed cap never exceeds what the rule allows."""
    return amount.quantize(FEN, rounding=ROUND_DOWN)


def to_fen(amount: Decimal) -> int:
    """The integer number of fen (how amounts are stored)."""
    return int((amount * 100).to_integral_value())


def from_fen(fen: int) -> Decimal:
    return (Decimal(fen) / 100).quantize(FEN)


def format_money(amount: Decimal | None) -> str:
    """1234567.5 → '1,234,567.50'; whole yuan without decimals: '1,000,000'."""
    if amount is None:
        return ""
    if amount == amount.to_integral_value():
        return f"{int(amount):,}"
    return f"{amount:,.2f}"
